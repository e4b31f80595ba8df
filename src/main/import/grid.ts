// A neutral view of a worksheet that both readers (exceljs for .xlsx, SheetJS for .xls) produce,
// so table recognition never depends on which library read the file.

export interface GridCell {
  /** Text or number as stored; null for merge slaves and empty cells. */
  value: string | number | null;
  /** The cell held a formula (value is its cached or evaluated result). */
  formula?: string;
  /** A formula without a cached result that we could not evaluate. */
  formulaWithoutResult?: boolean;
  /** Excel error value such as "#REF!". */
  error?: string;
  /** Alignment indent level (some systems mark tree depth this way). */
  indent?: number;
  /** Decimals the cell's number format shows (absent for General: the value prints as it is). */
  decimals?: number;
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Rows and columns are 1-based, as in Excel. */
export interface SheetGrid {
  name: string;
  rowCount: number;
  columnCount: number;
  cells: Map<number, Map<number, GridCell>>;
  merges: MergeRange[];
}

export interface WorkbookGrid {
  file: string;
  format: 'xlsx' | 'xls';
  sheets: SheetGrid[];
}

export function getCell(sheet: SheetGrid, row: number, column: number): GridCell | undefined {
  return sheet.cells.get(row)?.get(column);
}

export function setCell(sheet: SheetGrid, row: number, column: number, cell: GridCell): void {
  let cells = sheet.cells.get(row);
  if (!cells) {
    cells = new Map();
    sheet.cells.set(row, cells);
  }
  cells.set(column, cell);
  if (row > sheet.rowCount) sheet.rowCount = row;
  if (column > sheet.columnCount) sheet.columnCount = column;
}

/** Text of a cell for label matching ("" for empty, numbers as written). */
export function cellText(sheet: SheetGrid, row: number, column: number): string {
  const value = getCell(sheet, row, column)?.value;
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function parseAddress(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) return undefined;
  let column = 0;
  for (const ch of match[1] ?? '') column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

export function emptySheet(name: string): SheetGrid {
  return { name, rowCount: 0, columnCount: 0, cells: new Map(), merges: [] };
}

/**
 * A date cell as text (2024-01-31). A serial outside any real date (1e308, NaN in a date-formatted amount cell)
 * is not a date: it is kept as its text so the importer reports that cell ("不是金额"), never throws.
 */
export function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? '（无效日期）' : date.toISOString().slice(0, 10);
}
