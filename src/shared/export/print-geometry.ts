// The printed shape of one table, shared by the Excel export (src/main/export) and the 打印预览 (renderer): column
// widths in Excel's width units, and the orientation that needs fewer A4 pages once the table is fitted to one page
// wide. One copy of the rules, so the preview turns pages exactly as the exported workbook prints.
import { displayWidth } from '../text';
import type { TablePlan } from './layout';

/** The exported workbook's look: sizes in points and Excel column-width units. */
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

/** A4 printable area in points with the export's margins (0.5 in left/right, 0.75 in top/bottom). */
export const PRINTABLE = { portrait: { width: 523, height: 734 }, landscape: { width: 770, height: 487 } } as const;
/** One Excel column-width unit in points (default font). */
export const POINTS_PER_WIDTH_UNIT = 5.25;

export type Orientation = 'portrait' | 'landscape';

/**
 * Orientation that prints the table on the fewest pages once it is scaled to one page wide; on a tie the
 * one that shrinks it least. A wide but short table (表一) thus stays on one portrait page.
 */
export function chooseOrientation(widthUnits: number, lines: number): Orientation {
  const widthPt = widthUnits * POINTS_PER_WIDTH_UNIT;
  const heightPt = lines * EXPORT_STYLE.rowHeight + EXPORT_STYLE.titleHeight;
  const score = (o: Orientation) => {
    const scale = Math.min(1, PRINTABLE[o].width / widthPt);
    return { pages: Math.ceil((heightPt * scale) / PRINTABLE[o].height), scale };
  };
  const p = score('portrait');
  const l = score('landscape');
  if (p.pages !== l.pages) return p.pages < l.pages ? 'portrait' : 'landscape';
  return p.scale >= l.scale ? 'portrait' : 'landscape';
}

/**
 * Column widths as the export sets them: each column as wide as its header leaf and its body text (amounts with room
 * for separators, names with their indent), amount columns sharing one width, name columns never below the template's
 * look, all spread wider when the title needs more. `printedWidth` is what the page must hold.
 */
export function columnUnits(plan: TablePlan): { widths: number[]; printedWidth: number } {
  const widths = plan.header.columnIds.map((): number => EXPORT_STYLE.minWidth);
  const fit = (column: number, text: string, extra = 0): void => {
    widths[column] = Math.min(EXPORT_STYLE.maxWidth, Math.max(widths[column] ?? 0, displayWidth(text) + 2 + extra));
  };
  for (const cell of plan.header.cells) if (cell.columnSpan === 1) fit(cell.column, cell.label);
  for (const line of plan.body) {
    line.forEach((body, index) => {
      if (body.kind === 'amount' && body.value !== undefined) fit(index, body.value, 5);
      else if (body.kind === 'text') fit(index, body.text, (body.indent ?? 0) * 2);
    });
  }
  const kindOf = (id: string) => plan.columns.find((c) => c.id === id)?.kind;
  const amountWidth = Math.max(EXPORT_STYLE.minWidth, ...plan.header.columnIds.map((id, i) => (kindOf(id) === 'amount' ? (widths[i] ?? 0) : 0)));
  plan.header.columnIds.forEach((id, i) => {
    const kind = kindOf(id);
    if (kind === 'amount') widths[i] = amountWidth;
    if (kind === 'name' || kind === 'govName') widths[i] = Math.max(widths[i] ?? 0, EXPORT_STYLE.nameMinWidth);
  });
  const total = widths.reduce((a, b) => a + b, 0);
  const titleNeed = displayWidth(plan.title) * (EXPORT_STYLE.titleSize / EXPORT_STYLE.bodySize) + 4;
  const spread = titleNeed > total ? widths.map((w) => w + (titleNeed - total) / widths.length) : widths;
  return { widths: spread, printedWidth: Math.max(total, titleNeed) };
}
