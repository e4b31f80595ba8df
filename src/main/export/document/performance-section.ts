// The book's 绩效目标表 at the end of the disclosure document, as 附件 (seed 000: 「项目绩效目标表公开情况见附件」): the
// 部门（单位）整体绩效目标表 first when the book has one, then 「附件：项目绩效目标汇总表」 (landscape) for the forms read
// from 河南's 汇总表, then 「附件：项目支出绩效目标表」 with each other form on a page of its own. Each form is the grid
// the workbook export paints (src/main/export/performance), set as a Word table: the same
// merges, captions, figures and wrapped text; the title and year above it, the 负责人 line under it.
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type ISectionOptions } from 'docx';
import type { Book } from '../../../shared/book';
import { Dec, formatAmount } from '../../../shared/money';
import type { FormGrid, GridCell } from '../performance/form-grid';
import { planBookForms } from '../performance/write-forms';
import { FORM_TEXT } from '../performance/text';
import { A4, CELL_MARGIN_TWIPS, FONTS, SIZES, TABLE_MARGINS, textWidth, twips } from './look';
import { centred, fixedLines, markedHeading, run, type ContentsCollector, type RunLook } from './runs';

/** Forms are dense: 小五 (9 pt) keeps one on a page or two. */
const FORM_SIZE = 9;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** Characters beyond which a cell's text may need more than a page. */
const LONG_TEXT = 600;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export interface PerformanceSectionsInput {
  book: Book;
  contents: ContentsCollector;
  /** A fresh footer for each section (Word links none across sections). */
  footer: () => ISectionOptions['footers'];
}

/** The 附件 sections; none when the book has no forms. */
export function performanceSections({ book, contents, footer }: PerformanceSectionsInput): ISectionOptions[] {
  const planned = planBookForms(book);
  const sections: ISectionOptions[] = [];
  if (planned.department) {
    const name = book.departmentPerformance?.departmentName ?? '';
    sections.push(formSection({ grid: planned.department, entry: name ? `${name}整体绩效目标表` : FORM_TEXT.departmentTitle, appendix: FORM_TEXT.departmentAppendix, contents, footer: footer() }));
  }
  if (planned.summary) {
    sections.push(formSection({ grid: planned.summary.grid, entry: FORM_TEXT.summaryEntry, appendix: FORM_TEXT.summaryAppendix, contents, footer: footer() }));
  }
  const first = planned.projects.findIndex((grid) => grid !== undefined);
  planned.projects.forEach((grid, i) => {
    if (!grid) return;
    const form = book.performanceForms?.[i];
    sections.push(formSection({ grid, entry: form?.projectName || FORM_TEXT.unnamedProject, ...(i === first ? { appendix: FORM_TEXT.projectAppendix } : {}), contents, footer: footer() }));
  });
  return sections;
}

interface FormSectionInput {
  grid: FormGrid;
  /** The form's line in the 目录. */
  entry: string;
  /** The 附件 heading printed above the first form of its kind. */
  appendix?: string;
  contents: ContentsCollector;
  footer: ISectionOptions['footers'];
}

function formSection({ grid, entry, appendix, contents, footer }: FormSectionInput): ISectionOptions {
  const orientation = grid.orientation ?? 'portrait';
  const available = textWidth(TABLE_MARGINS, orientation);
  const children: (Paragraph | Table)[] = [];
  if (appendix) children.push(markedHeading(contents, appendix, 1, { font: FONTS.title, size: SIZES.partTitle }, { heading: HeadingLevel.HEADING_1, alignment: centred, spacing: { after: twips(12) } }));
  const above = rowsOf(grid, (row) => row < grid.ruled.top);
  const below = rowsOf(grid, (row) => row > grid.ruled.bottom);
  above.forEach(([first], i) => {
    if (!first) return;
    if (first.role === 'title') {
      children.push(markedHeading(contents, first.text, 2, { font: FONTS.heading, size: SIZES.tableTitle, bold: true }, { heading: HeadingLevel.HEADING_2, alignment: centred, keepNext: true, spacing: { before: twips(6), after: twips(3) } }, entry));
    } else {
      children.push(lineParagraph(above[i] ?? [], first.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT));
    }
  });
  children.push(formTable(grid, available));
  for (const cells of below) children.push(lineParagraph(cells, AlignmentType.LEFT, true));
  return {
    properties: { page: { size: { width: A4.width, height: A4.height, orientation }, margin: TABLE_MARGINS } },
    footers: footer,
    children,
  };
}

/** The grid's cells row by row (rows chosen by `keep`), each row left to right. */
function rowsOf(grid: FormGrid, keep: (row: number) => boolean): GridCell[][] {
  const rows = new Map<number, GridCell[]>();
  for (const cell of grid.cells) if (keep(cell.row)) rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, cells]) => cells.sort((a, b) => a.column - b.column));
}

/** A line outside the table: its cells' texts in order, a caption ending in 「：」 run on into its value. */
function lineParagraph(cells: readonly GridCell[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType], spaceBefore = false): Paragraph {
  let text = '';
  cells.forEach((cell, i) => {
    const previous = cells[i - 1]?.text ?? '';
    if (i > 0 && !previous.endsWith('：')) text += '\u3000\u3000';
    text += cell.text;
  });
  return new Paragraph({ alignment, ...(spaceBefore ? { spacing: { before: twips(4) } } : { spacing: { after: twips(3) } }), children: [run(text, { font: FONTS.table, size: FORM_SIZE + 1 })] });
}

/** The text a cell prints: amounts as the workbook's number format shows them (50,000 / 28,569.78). */
export function cellText(cell: GridCell): string {
  if (cell.role === 'amount') return cell.amount === undefined ? '' : formatAmount(new Dec(cell.amount), { decimals: cell.decimals ?? 2 });
  return cell.text;
}

function formTable(grid: FormGrid, available: number): Table {
  const totalUnits = grid.widths.reduce((a, b) => a + b, 0);
  const widths = grid.widths.map((w) => (w * available) / totalUnits);
  const look: RunLook = { font: FONTS.table, size: FORM_SIZE };
  // Rows where no cell starts only continue merges the workbook needs for Excel's row-height limit; Word grows a row
  // to its text, so they are left out and the merges shortened — a merge across rows would not break across pages.
  const starts = new Set(grid.cells.map((cell) => cell.row));
  const kept = (from: number, span: number) => Array.from({ length: span }, (_, i) => from + i).filter((row) => row <= grid.ruled.bottom && starts.has(row)).length;
  const rows: TableRow[] = [];
  for (let row = grid.ruled.top; row <= grid.ruled.bottom; row++) {
    if (!starts.has(row)) continue;
    const inRow = grid.cells.filter((cell) => cell.row === row);
    // A row is kept on one page unless its text could be longer than a page: Writer would cut that off.
    const short = inRow.every((cell) => cell.text.length <= LONG_TEXT);
    const cells = inRow
      .sort((a, b) => a.column - b.column)
      .map((cell) => {
        const paragraphs = cellText(cell)
          .split('\n')
          .map((line) => new Paragraph({ alignment: ALIGN[cell.align], spacing: fixedLines(FORM_SIZE * 1.4), children: line ? [run(line, look)] : [] }));
        return new TableCell({
          columnSpan: cell.columnSpan,
          rowSpan: kept(cell.row, cell.rowSpan),
          width: { size: twips(widths.slice(cell.column - 1, cell.column - 1 + cell.columnSpan).reduce((a, b) => a + b, 0)), type: WidthType.DXA },
          verticalAlign: cell.verticalAlign === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          children: paragraphs,
        });
      });
    // The 汇总表's header comes again on every page it runs on.
    const header = grid.repeatRows !== undefined && row >= grid.repeatRows.top && row <= grid.repeatRows.bottom;
    rows.push(new TableRow({ cantSplit: short, ...(header ? { tableHeader: true } : {}), children: cells }));
  }
  return new Table({
    rows,
    columnWidths: widths.map(twips),
    width: { size: twips(available), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS, top: 20, bottom: 20 },
  });
}
