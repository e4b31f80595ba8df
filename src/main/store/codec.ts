// Column values <-> book model, and the one INSERT for each of rows and amounts (import, row insert, undo/redo,
// edits all write through these). NULL columns become absent properties (not `undefined` values), so a loaded
// book compares equal to the one inserted. An empty SourceRef ({}) is stored as nothing and loads as absent.
import type { BookAmount, BookRow, SourceRef } from '../../shared/book';

export function sourceFromColumns(
  file: string | null,
  sheet: string | null,
  cell: string | null,
): SourceRef | undefined {
  if (file === null && sheet === null && cell === null) return undefined;
  const source: SourceRef = {};
  if (file !== null) source.file = file;
  if (sheet !== null) source.sheet = sheet;
  if (cell !== null) source.cell = cell;
  return source;
}

export function sourceToColumns(source: SourceRef | undefined): [string | null, string | null, string | null] {
  return [source?.file ?? null, source?.sheet ?? null, source?.cell ?? null];
}

export function flagToColumn(flag: boolean | undefined): 0 | 1 | null {
  return flag === undefined ? null : flag ? 1 : 0;
}

export interface AmountColumns {
  value: string;
  source_file: string | null;
  source_sheet: string | null;
  source_cell: string | null;
  from_formula: number | null;
  decimals: number | null;
}

/** The amount columns after row_id and column_id, in the order `amountToColumns` gives them. */
export const AMOUNT_COLUMNS = 'value, source_file, source_sheet, source_cell, from_formula, decimals';
/** The one INSERT for an amount (import, row insert, edit); callers add ON CONFLICT where they upsert. */
export const INSERT_AMOUNT = `INSERT INTO amounts (row_id, column_id, ${AMOUNT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

export function amountFromColumns(row: AmountColumns): BookAmount {
  const amount: BookAmount = { value: row.value };
  const source = sourceFromColumns(row.source_file, row.source_sheet, row.source_cell);
  if (source) amount.source = source;
  if (row.from_formula !== null) amount.fromFormula = row.from_formula === 1;
  if (row.decimals !== null) amount.decimals = row.decimals;
  return amount;
}

/** Positional parameters for AMOUNT_COLUMNS. */
export function amountToColumns(amount: BookAmount): [string, string | null, string | null, string | null, 0 | 1 | null, number | null] {
  return [amount.value, ...sourceToColumns(amount.source), flagToColumn(amount.fromFormula), amount.decimals ?? null];
}

/** A stored book_rows row, as `SELECT *` gives it. */
export interface RowColumns {
  id: number;
  book_table_id: number;
  side: BookRow['side'];
  position: number;
  row_key: string;
  level: BookRow['level'];
  code: string | null;
  name: string;
  gov_code: string | null;
  gov_name: string | null;
  unit_name: string | null;
  source_file: string | null;
  source_sheet: string | null;
  source_cell: string | null;
}

/** A row without its side (rows.ts keeps the side beside it). */
export type SidelessRow = Omit<BookRow, 'side'>;

/** The row columns after the id, in the order `rowToColumns` gives them. */
const ROW_COLUMNS = 'book_table_id, side, position, row_key, level, code, name, gov_code, gov_name, unit_name, source_file, source_sheet, source_cell';
/** The one INSERT for a row (import, row insert, undo of a delete). */
export const INSERT_ROW = `INSERT INTO book_rows (${ROW_COLUMNS}) VALUES (${ROW_COLUMNS.split(',').map(() => '?').join(', ')})`;

/** Positional parameters for INSERT_ROW. */
export function rowToColumns(
  bookTableId: number,
  side: BookRow['side'],
  position: number,
  row: Omit<SidelessRow, 'values'>,
): [number, BookRow['side'], number, string, BookRow['level'], string | null, string, string | null, string | null, string | null, string | null, string | null, string | null] {
  return [bookTableId, side, position, row.key, row.level, row.code ?? null, row.name, row.govCode ?? null, row.govName ?? null, row.unitName ?? null, ...sourceToColumns(row.source)];
}

/** The row a stored row holds, with the amounts read separately. */
export function rowFromColumns(r: Omit<RowColumns, 'id' | 'book_table_id' | 'side' | 'position'>, values: BookRow['values']): SidelessRow {
  const row: SidelessRow = { key: r.row_key, level: r.level, name: r.name, values };
  if (r.code !== null) row.code = r.code;
  if (r.gov_code !== null) row.govCode = r.gov_code;
  if (r.gov_name !== null) row.govName = r.gov_name;
  if (r.unit_name !== null) row.unitName = r.unit_name;
  const source = sourceFromColumns(r.source_file, r.source_sheet, r.source_cell);
  if (source) row.source = source;
  return row;
}
