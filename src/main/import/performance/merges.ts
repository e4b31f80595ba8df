// Whether a form's indicator table is laid out with merged cells (an exported or carefully typed workbook merges each
// 一级/二级 over the rows it heads). There a blank level cell means "as above" only inside a merge; a blank cell outside
// any merge is a level that is missing.
import type { MergeRange } from '../grid';
import type { Token } from './tokens';

export interface MergeLayout {
  /** Some level column of the table has a cell merged over several rows. */
  merged: boolean;
  /** The cell (row, column) lies in a merge that starts on a row above it. */
  coveredFromAbove(row: number, column: number): boolean;
}

export function mergeLayout(merges: readonly MergeRange[], rows: readonly Token[][], levelColumns: readonly (number | undefined)[]): MergeLayout {
  const firstRow = rows[0]?.[0]?.row ?? 0;
  const lastRow = rows[rows.length - 1]?.[0]?.row ?? -1;
  const vertical = merges.filter((m) => m.bottom > m.top && m.bottom >= firstRow && m.top <= lastRow);
  const inColumn = (m: MergeRange, column: number): boolean => m.left <= column && column <= m.right;
  return {
    merged: levelColumns.some((column) => column !== undefined && vertical.some((m) => inColumn(m, column))),
    coveredFromAbove: (row, column) => vertical.some((m) => inColumn(m, column) && m.top < row && row <= m.bottom),
  };
}
