// Look of exported workbooks: sizes in points and Excel column-width units.
export const EXPORT_STYLE = {
  titleSize: 16,
  bodySize: 11,
  titleHeight: 30,
  minWidth: 8,
  maxWidth: 48,
  /** Minimum width of name columns, so even empty tables look like the template. */
  nameMinWidth: 22,
  /** Body row height in points (11 pt text). */
  rowHeight: 15,
} as const;

/** A4 printable area in points with our margins (0.5 in left/right, 0.75 in top/bottom). */
const PRINTABLE = { portrait: { width: 523, height: 734 }, landscape: { width: 770, height: 487 } } as const;
/** One Excel column-width unit in points (default font). */
const POINTS_PER_WIDTH_UNIT = 5.25;

/**
 * Orientation that prints the table on the fewest pages once it is scaled to one page wide; on a tie the
 * one that shrinks it least. A wide but short table (表一) thus stays on one portrait page.
 */
export function chooseOrientation(widthUnits: number, lines: number): 'portrait' | 'landscape' {
  const widthPt = widthUnits * POINTS_PER_WIDTH_UNIT;
  const heightPt = lines * EXPORT_STYLE.rowHeight + EXPORT_STYLE.titleHeight;
  const score = (o: 'portrait' | 'landscape') => {
    const scale = Math.min(1, PRINTABLE[o].width / widthPt);
    return { pages: Math.ceil((heightPt * scale) / PRINTABLE[o].height), scale };
  };
  const p = score('portrait');
  const l = score('landscape');
  if (p.pages !== l.pages) return p.pages < l.pages ? 'portrait' : 'landscape';
  return p.scale >= l.scale ? 'portrait' : 'landscape';
}

export const DEFAULT_FONTS = { body: '宋体', title: '宋体' } as const;

/** Display width in Excel column units: CJK and full-width characters take two. */
export { displayWidth as textWidth } from '../../shared/text';
