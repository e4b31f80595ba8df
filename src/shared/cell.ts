// One cell address and one patch, from keystroke to store and back: the grid, the API, the book session, the
// validator, the store and the export all name a cell this way, and an edit (with the totals that follow it, an
// undo or a redo) travels as one BookPatch that `applyPatch` lays onto any copy of the book.
import type { Book, BookAmount, BookRow } from './book';

export type SideId = 'main' | 'income' | 'expenditure';

export interface CellAddress {
  tableId: string;
  side: SideId;
  rowKey: string;
  columnId: string;
}

/** A cell and the figure it holds: a canonical decimal string, or null for blank. */
export interface CellValue extends CellAddress {
  value: string | null;
  /** The figure as the store holds it, where it knows more than the value (undo restores source and precision). */
  amount?: BookAmount;
}

/** The one string form of an address (map keys, the read-only set sent to the grid). */
export function cellKey(address: CellAddress): string {
  return `${address.tableId}|${address.side}|${address.rowKey}|${address.columnId}`;
}

/** One change to a book's figures: what was set (typed, pasted, undone) and the totals that followed from it. */
export interface BookPatch {
  set: CellValue[];
  derived: CellValue[];
}

export const EMPTY_PATCH: BookPatch = { set: [], derived: [] };

export function patchCells(patch: BookPatch): CellValue[] {
  return [...patch.set, ...patch.derived];
}

/**
 * Lays a patch onto a book (mutating it; callers that need immutability pass a copy). A figure keeps where it came
 * from in Excel but is no longer a formula's result, nor printed at the file's precision. Unknown rows are skipped:
 * the store has refused them before any patch exists.
 */
export function applyPatch(book: Book, patch: BookPatch, rowOf: RowFinder = rowFinder(book)): void {
  for (const cell of patchCells(patch)) {
    const row = rowOf(cell);
    if (!row) continue;
    if (cell.value === null) {
      delete row.values[cell.columnId];
      continue;
    }
    const source = row.values[cell.columnId]?.source;
    row.values[cell.columnId] = cell.amount ?? { value: cell.value, ...(source ? { source } : {}) };
  }
}

/** Finds the row a cell address names; the validator's index offers one without a scan. */
export type RowFinder = (cell: CellAddress) => BookRow | undefined;

/** A finder that indexes a table's rows the first time the patch reaches that table. */
function rowFinder(book: Book): RowFinder {
  const rowsByTable = new Map<string, Map<string, BookRow>>();
  return (cell) => {
    let rows = rowsByTable.get(cell.tableId);
    if (!rows) {
      const table = book.tables.find((t) => t.tableId === cell.tableId);
      rowsByTable.set(cell.tableId, (rows = new Map((table?.rows ?? []).map((r) => [`${r.side}|${r.key}`, r]))));
    }
    return rows.get(`${cell.side}|${cell.rowKey}`);
  };
}
