// Column values <-> book model. NULL columns become absent properties (not `undefined` values), so a loaded
// book compares equal to the one inserted. An empty SourceRef ({}) is stored as nothing and loads as absent.
import type { BookAmount, SourceRef } from '../../shared/book';

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
