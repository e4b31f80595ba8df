// The printed shape of one table, as the Excel export prints it: column widths in Excel's width units, the
// orientation that needs fewer A4 pages once the table is fitted to one page wide, and the scale of that fit.
// The rules are the export's own (src/shared/export/print-geometry.ts), so the preview turns pages exactly as the
// exported workbook prints.
import type { TablePlan } from '../../../../shared/export/layout';
import { chooseOrientation, columnUnits, PRINTABLE, POINTS_PER_WIDTH_UNIT, type Orientation } from '../../../../shared/export/print-geometry';

/** CSS pixels per point. */
export const PX_PER_PT = 96 / 72;

export interface SheetGeometry {
  orientation: Orientation;
  /** Each leaf column's width in CSS px at 100 %, before the fit. */
  columnWidths: number[];
  /** The fit to one page wide (≤ 1): fonts and widths are multiplied by it. */
  scale: number;
}

/** The lines the exported sheet uses: heading, title, department line, header rows, 1 2 3 row, body, note. */
function sheetLines(plan: TablePlan): number {
  return (plan.heading ? 1 : 0) + 2 + plan.header.rows + (plan.columnNumbers ? 1 : 0) + plan.body.length + (plan.emptyNote ? 1 : 0);
}


/**
 * A width in Excel units as CSS px: a unit is one digit of the 11 pt font (7 px), and a cell keeps some room for
 * its border and padding, which Excel's units leave out — without it a 7-digit code would wrap.
 */
const unitsToPx = (units: number): number => units * POINTS_PER_WIDTH_UNIT * PX_PER_PT + CELL_PADDING_PX;
const CELL_PADDING_PX = 10;

/** Orientation, widths and the fit of one table on A4. */
export function sheetGeometry(plan: TablePlan): SheetGeometry {
  const { widths, printedWidth } = columnUnits(plan);
  const orientation = chooseOrientation(printedWidth, sheetLines(plan));
  const columnWidths = widths.map(unitsToPx);
  const tableWidth = Math.max(columnWidths.reduce((a, b) => a + b, 0), unitsToPx(printedWidth));
  const scale = Math.min(1, (PRINTABLE[orientation].width * PX_PER_PT) / tableWidth);
  return { orientation, columnWidths, scale };
}

/** The page's printable height in CSS px (A4 less the 0.75 in top and bottom margins). */
export const printableHeight = (orientation: Orientation): number => PRINTABLE[orientation].height * PX_PER_PT;

/**
 * Splits body lines into pages, as a printer with repeated header rows does: the first page also carries the title
 * block, every page the header. Heights in the same unit as the capacities; a line taller than a page gets one to
 * itself. Returns [start, end) ranges; a table without lines still gets its one page.
 */
export function paginate(lineHeights: readonly number[], firstCapacity: number, nextCapacity: number): [number, number][] {
  const pages: [number, number][] = [];
  let start = 0;
  let used = 0;
  let capacity = firstCapacity;
  lineHeights.forEach((height, index) => {
    if (index > start && used + height > capacity) {
      pages.push([start, index]);
      start = index;
      used = 0;
      capacity = nextCapacity;
    }
    used += height;
  });
  pages.push([start, lineHeights.length]);
  return pages;
}
