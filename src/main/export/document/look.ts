// How the disclosure document looks: the fonts official documents use (GB/T 9704 党政机关公文格式), their sizes, and
// the A4 page with its margins. Sizes are in points; docx wants half-points for fonts and twips (1/20 pt) for lengths.

export const FONTS = {
  /** Body text. */
  body: '仿宋_GB2312',
  /** Cover, part titles (第一部分 …). */
  title: '方正小标宋简体',
  /** 一、 headings and table titles. */
  heading: '黑体',
  /** （一） headings. */
  subheading: '楷体_GB2312',
  /** Tables, page numbers. */
  table: '宋体',
} as const;

/**
 * Where a font is missing, Word takes the font table's altName: 仿宋_GB2312 is not on a stock Windows 10, 仿宋 is.
 * The panose and charset let Word and WPS pick a close face even without the altName.
 */
export const FONT_TABLE: readonly { name: string; altName: string; panose: string; pitch: 'fixed' | 'variable' }[] = [
  { name: FONTS.body, altName: '仿宋', panose: '02010609030101010101', pitch: 'fixed' },
  { name: FONTS.subheading, altName: '楷体', panose: '02010609030101010101', pitch: 'fixed' },
  { name: FONTS.title, altName: '宋体', panose: '02000000000000000000', pitch: 'variable' },
  { name: FONTS.heading, altName: 'SimHei', panose: '02010609060101010101', pitch: 'fixed' },
  { name: FONTS.table, altName: 'SimSun', panose: '02010600030101010101', pitch: 'variable' },
];

/** Points: 一号 26, 二号 22, 三号 16, 四号 14, 五号 10.5. */
export const SIZES = {
  cover: 26,
  partTitle: 22,
  contentsTitle: 22,
  body: 16,
  contentsEntry: 14,
  tableTitle: 16,
  tableHeading: 12,
  pageNumber: 14,
  /** Table text: 五号 when the table fits, smaller for wide tables, never below `tableMin`. */
  table: 10.5,
  tableMin: 6.5,
} as const;

/** Body lines at a fixed 28 pt, as 公文 print 22 lines a page. */
export const BODY_LINE = 28;

export const twips = (points: number): number => Math.round(points * 20);
export const halfPoints = (points: number): number => Math.round(points * 2);

/** A4 in twips (portrait). */
export const A4 = { width: 11906, height: 16838 } as const;

/** Text pages: GB/T 9704 margins (37 / 35 / 28 / 26 mm), page number below the text. */
export const TEXT_MARGINS = { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 1304 } as const;
/** Table pages: narrow margins, like the exported workbook's print setup, so wide tables keep a readable size. */
export const TABLE_MARGINS = { top: 1134, bottom: 1134, left: 850, right: 850, header: 567, footer: 567 } as const;

/** Width of the text between the margins, in points. */
export function textWidth(margins: { left: number; right: number }, orientation: 'portrait' | 'landscape'): number {
  const page = orientation === 'portrait' ? A4.width : A4.height;
  return (page - margins.left - margins.right) / 20;
}

/** Padding a table cell adds to its text, left and right together, in points (cell margins of 3 pt each side, borders). */
export const CELL_PADDING = 10;
export const CELL_MARGIN_TWIPS = 60;
