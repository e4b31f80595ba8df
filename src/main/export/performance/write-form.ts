// Paints one form grid onto an exceljs worksheet in the look of the exported tables (write-table.ts): the family's
// fonts, thin borders, amounts as numbers (blank stays blank), text always as text, A4 portrait (landscape for the
// 汇总表) fitted to one page wide — and one page tall when the form fits without shrinking below FORM_PRINT.minScale.
import type ExcelJS from 'exceljs';
import type { FormFieldPath } from '../../../shared/performance';
import { PRINTABLE, POINTS_PER_WIDTH_UNIT } from '../../../shared/export/print-geometry';
import { toSpreadsheetNumber } from '../write-table';
import { FORM_LOOK, type FormGrid, type GridCell } from './form-grid';

export const FORM_PRINT = {
  /** A form is printed on one page when that needs no more shrinking than this; else it runs on, one page wide. */
  minScale: 0.7,
  margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  /**
   * Share of a page the page breaks fill: room for the office laying out a little differently from the estimate here,
   * so that it never breaks a page just before a break of ours.
   */
  pageFill: 0.95,
} as const;

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** "#,##0" for whole 元, "#,##0.00" for 分. */
const numberFormat = (decimals: number): string => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');

/** Whether the grid prints on one A4 page (portrait, or landscape when it says so) once fitted to the page width (shrinking at most to minScale). */
export function fitsOnePage(grid: FormGrid): boolean {
  const page = PRINTABLE[grid.orientation ?? 'portrait'];
  const width = grid.widths.reduce((a, b) => a + b, 0) * POINTS_PER_WIDTH_UNIT;
  const height = grid.heights.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, page.width / width, page.height / height);
  return scale >= FORM_PRINT.minScale;
}

/**
 * Rows after which a page is broken so that no `keepTogether` range that fits on a page is split over two: the grid
 * is fitted one page wide and runs on, the `repeatRows` heading each further page. None when the grid fits one page.
 */
export function pageBreaks(grid: FormGrid): number[] {
  if (!grid.keepTogether?.length || fitsOnePage(grid)) return [];
  const page = PRINTABLE[grid.orientation ?? 'portrait'];
  const scale = Math.min(1, page.width / (grid.widths.reduce((a, b) => a + b, 0) * POINTS_PER_WIDTH_UNIT));
  const capacity = (page.height / scale) * FORM_PRINT.pageFill;
  const height = (from: number, to: number) => grid.heights.slice(from - 1, to).reduce((a, b) => a + b, 0);
  const repeated = grid.repeatRows ? height(grid.repeatRows.top, grid.repeatRows.bottom) : 0;
  if (capacity <= repeated + FORM_LOOK.maxRowHeight) return [];
  const ends = new Map(grid.keepTogether.map((range) => [range.top, range.bottom]));
  const breaks: number[] = [];
  let used = 0;
  let pageTop = 0;
  for (let row = 1; row <= grid.heights.length; ) {
    const end = Math.max(row, Math.min(ends.get(row) ?? row, grid.heights.length));
    let need = height(row, end);
    if (used + need > capacity) {
      if (used > pageTop) {
        breaks.push(row - 1);
        used = pageTop = repeated;
      }
      // A range taller than a page runs over pages of its own, broken where the office breaks it.
      while (used + need > capacity) {
        need -= capacity - used;
        used = pageTop = repeated;
      }
    }
    used += need;
    row = end + 1;
  }
  return breaks;
}

/** Paints the grid; returns where each form field landed (field path → "C12"). */
export function writeForm(sheet: ExcelJS.Worksheet, grid: FormGrid, fonts: { body: string; title: string }): Map<FormFieldPath, string> {
  const placed = new Map<FormFieldPath, string>();
  grid.widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  grid.heights.forEach((height, i) => {
    sheet.getRow(i + 1).height = height;
  });
  for (let row = grid.ruled.top; row <= grid.ruled.bottom; row++) {
    for (let column = 1; column <= grid.widths.length; column++) sheet.getCell(row, column).border = THIN;
  }
  for (const cell of grid.cells) paint(sheet, cell, fonts, placed);
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: grid.orientation ?? 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: fitsOnePage(grid) ? 1 : 0,
    horizontalCentered: true,
    margins: { ...FORM_PRINT.margins },
    ...(grid.repeatRows ? { printTitlesRow: `${grid.repeatRows.top}:${grid.repeatRows.bottom}` } : {}),
  };
  for (const row of pageBreaks(grid)) sheet.getRow(row).addPageBreak();
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  return placed;
}

function paint(sheet: ExcelJS.Worksheet, cell: GridCell, fonts: { body: string; title: string }, placed: Map<FormFieldPath, string>): void {
  if (cell.rowSpan > 1 || cell.columnSpan > 1) sheet.mergeCells(cell.row, cell.column, cell.row + cell.rowSpan - 1, cell.column + cell.columnSpan - 1);
  const target = sheet.getCell(cell.row, cell.column);
  if (cell.field && !placed.has(cell.field)) placed.set(cell.field, target.address);
  target.font = cell.role === 'title' ? { name: fonts.title, size: FORM_LOOK.titleSize, bold: true } : { name: fonts.body, size: FORM_LOOK.bodySize };
  target.alignment = { horizontal: cell.align, vertical: cell.verticalAlign ?? 'middle', wrapText: cell.role !== 'title' && cell.role !== 'amount' };
  if (cell.role === 'amount') {
    if (cell.amount !== undefined) target.value = toSpreadsheetNumber(cell.amount);
    target.numFmt = numberFormat(cell.decimals ?? 2);
  } else if (cell.text) {
    // Always a string cell: text that starts with = + - @ stays text, never a formula.
    target.value = cell.text;
  }
}
