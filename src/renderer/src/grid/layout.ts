// Pure geometry of the grid: column widths, frozen label columns, which rows are visible, how to scroll a cell
// into view. No DOM here so it can be unit-tested.
import type { ColumnDef, ColumnKind } from '../../../shared/template/types';

export const ROW_HEIGHT = 28;
export const OVERSCAN = 8;
export const HEADER_ROW_HEIGHT = 40;

/** Sized so the widest tables (表二: 2 label and 7 amount columns) fit beside the findings panel at 1366 px. */
const WIDTHS: Record<ColumnKind, number> = { code: 80, codePart: 40, name: 210, govName: 170, text: 150, amount: 100, unitCode: 64, unitName: 180, govCode: 80 };

export function columnWidths(columns: readonly ColumnDef[]): number[] {
  return columns.map((column) => WIDTHS[column.kind]);
}

/** Left edge of every column plus the total width as the last entry. */
export function columnOffsets(widths: readonly number[]): number[] {
  const out = [0];
  for (const w of widths) out.push((out[out.length - 1] ?? 0) + w);
  return out;
}

/** Leading label columns (code/name…) stay put while scrolling sideways; the first amount column ends them. */
export function frozenCount(columns: readonly ColumnDef[]): number {
  const first = columns.findIndex((column) => column.kind === 'amount');
  return first < 0 ? 0 : first;
}

export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
}

/** Rows to render for a body scrolled to `scrollTop` (body coordinates) in a viewport `height` tall. */
export function visibleRows(scrollTop: number, height: number, rowCount: number, rowHeight = ROW_HEIGHT, overscan = OVERSCAN): RowWindow {
  if (rowCount <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return { start: Math.max(0, Math.min(rowCount - 1, first - overscan)), end: Math.min(rowCount, last + overscan) };
}

export interface Viewport {
  scrollTop: number;
  scrollLeft: number;
  width: number;
  height: number;
}

/**
 * Scroll position that shows a cell: vertically below the sticky header (`headerHeight`), horizontally right of
 * the frozen columns (`frozenWidth`; frozen cells themselves never need horizontal scrolling).
 */
export function revealCell(
  view: Viewport,
  cell: { top: number; height: number; left: number; width: number; frozen: boolean },
  headerHeight: number,
  frozenWidth: number,
): { scrollTop: number; scrollLeft: number } {
  let { scrollTop, scrollLeft } = view;
  // Body row `top` is relative to the body; the body starts under the header in content coordinates.
  const visibleBodyHeight = Math.max(0, view.height - headerHeight);
  if (cell.top < scrollTop) scrollTop = cell.top;
  else if (cell.top + cell.height > scrollTop + visibleBodyHeight) scrollTop = cell.top + cell.height - visibleBodyHeight;
  if (!cell.frozen) {
    const visibleWidth = Math.max(0, view.width - frozenWidth);
    const left = cell.left - frozenWidth;
    if (left < scrollLeft) scrollLeft = left;
    else if (left + cell.width > scrollLeft + visibleWidth) scrollLeft = left + cell.width - visibleWidth;
  }
  return { scrollTop: Math.max(0, scrollTop), scrollLeft: Math.max(0, scrollLeft) };
}
