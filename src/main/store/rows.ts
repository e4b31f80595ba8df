// Row insertion and deletion, logged as undoable 'insertRow' / 'deleteRow' edit_log entries.
// Rows are ordered by book_rows.position, 0 … n-1 across the whole table (both sides); inserting shifts the
// following rows up by one, deleting shifts them down, so positions stay dense and an undo can put a deleted
// row back at exactly its recorded position.
// Placement (insertRow's afterKey), within the row's side:
//  - a key:       right after that row (a Chinese row-not-found error when it does not exist);
//  - null:        before the side's first row (first of its side);
//  - undefined:   after the side's last row (last of its side).
//  When the side has no rows yet, null and undefined both append at the end of the table.
// A deleteRow entry holds the whole row (names, codes, source, and every amount with its source refs) so
// undo restores it exactly. undo/redo dispatch here through restore() (called from edits.ts).
import type Database from 'better-sqlite3';
import type { BookRow } from '../../shared/book';
import { AMOUNT_COLUMNS, amountFromColumns, amountToColumns, INSERT_AMOUNT, INSERT_ROW, rowFromColumns, rowToColumns, type AmountColumns, type RowColumns, type SidelessRow } from './codec';
import { isCanonicalDecimal } from './canonical';
import { StoreError, storeMessages } from './errors';
import type { LogWriter } from './log';
import type {
  DeleteRowInput,
  DeleteRowPayload,
  InsertRowInput,
  InsertRowPayload,
  RowEditResult,
  RowRef,
  RowSide,
  RowStructureChange,
} from './types';

export interface RowRepository {
  insertRow(input: InsertRowInput): RowEditResult;
  deleteRow(input: DeleteRowInput): RowEditResult;
  /** Undo ('before') or redo ('after') of a row entry, inside the caller's transaction. */
  restore(
    bookId: number,
    kind: 'insertRow' | 'deleteRow',
    payload: InsertRowPayload | DeleteRowPayload,
    state: 'before' | 'after',
  ): RowStructureChange;
}

export function createRowRepository(db: Database.Database, log: LogWriter, now: () => Date): RowRepository {
  const s = {
    table: db.prepare<[number, string], { id: number; title: string }>(
      'SELECT id, title FROM book_tables WHERE book_id = ? AND table_id = ?',
    ),
    row: db.prepare<[number, string, string], RowColumns>(
      'SELECT * FROM book_rows WHERE book_table_id = ? AND side = ? AND row_key = ?',
    ),
    sideBounds: db.prepare<[number, string], { first: number | null; last: number | null }>(
      'SELECT MIN(position) AS first, MAX(position) AS last FROM book_rows WHERE book_table_id = ? AND side = ?',
    ),
    tableEnd: db.prepare<[number], { next: number }>(
      'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM book_rows WHERE book_table_id = ?',
    ),
    shiftUp: db.prepare('UPDATE book_rows SET position = position + 1 WHERE book_table_id = ? AND position >= ?'),
    shiftDown: db.prepare('UPDATE book_rows SET position = position - 1 WHERE book_table_id = ? AND position > ?'),
    insert: db.prepare(INSERT_ROW),
    amounts: db.prepare<[number], AmountColumns & { column_id: string }>(`SELECT column_id, ${AMOUNT_COLUMNS} FROM amounts WHERE row_id = ? ORDER BY column_id`),
    insertAmount: db.prepare(INSERT_AMOUNT),
    deleteAmounts: db.prepare('DELETE FROM amounts WHERE row_id = ?'),
    deleteRow: db.prepare('DELETE FROM book_rows WHERE id = ?'),
  };

  const table = (bookId: number, tableId: string): { id: number; title: string } => {
    const found = s.table.get(bookId, tableId);
    if (!found) {
      log.assertBook(bookId);
      throw new StoreError('table-not-found', storeMessages.tableNotFound(bookId, tableId));
    }
    return found;
  };

  const existing = (t: { id: number; title: string }, side: RowSide, rowKey: string): RowColumns => {
    const found = s.row.get(t.id, side, rowKey);
    if (!found) throw new StoreError('row-not-found', storeMessages.rowNotFound(t.title, rowKey, side));
    return found;
  };

  /** Writes the row (and its amounts) at `position`, shifting that position and later ones up by one. */
  const put = (t: { id: number; title: string }, side: RowSide, row: SidelessRow, position: number) => {
    if (s.row.get(t.id, side, row.key)) {
      throw new StoreError('duplicate-key', storeMessages.duplicateRow(t.title, row.key, side));
    }
    s.shiftUp.run(t.id, position);
    const rowId = Number(s.insert.run(...rowToColumns(t.id, side, position, row)).lastInsertRowid);
    for (const [columnId, amount] of Object.entries(row.values)) {
      s.insertAmount.run(rowId, columnId, ...amountToColumns(amount));
    }
  };

  /** Removes the row and its amounts, closing the gap; returns the row as it was (amounts included). */
  const remove = (t: { id: number; title: string }, side: RowSide, rowKey: string): DeleteRowPayload['row'] & { position: number } => {
    const r = existing(t, side, rowKey);
    const values: BookRow['values'] = {};
    for (const a of s.amounts.all(r.id)) values[a.column_id] = amountFromColumns(a);
    s.deleteAmounts.run(r.id);
    s.deleteRow.run(r.id);
    s.shiftDown.run(t.id, r.position);
    return { ...rowFromColumns(r, values), position: r.position };
  };

  const commit = (bookId: number, kind: 'insertRow' | 'deleteRow', payload: unknown, actor?: string): RowEditResult => {
    const at = now().toISOString();
    const seq = log.append(bookId, kind, payload, actor, at);
    log.discardRedo(bookId, seq);
    return { changed: true, seq, revision: log.bump(bookId, at) };
  };

  const insertRow = db.transaction((input: InsertRowInput): RowEditResult => {
    const { bookId, tableId, side, afterKey } = input;
    log.assertBook(bookId);
    const t = table(bookId, tableId);
    const src = input.row;
    if (!src.key) throw new StoreError('invalid-value', storeMessages.emptyRowKey);
    if (!src.name) throw new StoreError('invalid-value', storeMessages.emptyRowName);
    const row: InsertRowPayload['row'] = { key: src.key, level: src.level, name: src.name };
    if (src.code !== undefined) row.code = src.code;
    if (src.govCode !== undefined) row.govCode = src.govCode;
    if (src.govName !== undefined) row.govName = src.govName;
    if (src.unitName !== undefined) row.unitName = src.unitName;
    let position: number;
    if (typeof afterKey === 'string') {
      position = existing(t, side, afterKey).position + 1;
    } else {
      const bounds = s.sideBounds.get(t.id, side)!;
      if (bounds.first === null || bounds.last === null) position = s.tableEnd.get(t.id)!.next;
      else position = afterKey === null ? bounds.first : bounds.last + 1;
    }
    put(t, side, { ...row, values: {} }, position);
    const payload: InsertRowPayload = { tableId, side, row, afterKey: afterKey ?? null, ...(afterKey === undefined ? { atEnd: true } : {}), position };
    return commit(bookId, 'insertRow', payload, input.actor);
  });

  const deleteRow = db.transaction((input: DeleteRowInput): RowEditResult => {
    const { bookId, tableId, side, rowKey } = input;
    log.assertBook(bookId);
    const t = table(bookId, tableId);
    const { position, ...row } = remove(t, side, rowKey);
    const payload: DeleteRowPayload = { tableId, side, row, position };
    return commit(bookId, 'deleteRow', payload, input.actor);
  });

  return {
    insertRow: (input) => insertRow.immediate(input),
    deleteRow: (input) => deleteRow.immediate(input),
    restore(bookId, kind, payload, state) {
      const t = table(bookId, payload.tableId);
      const ref: RowRef = { tableId: payload.tableId, side: payload.side, rowKey: payload.row.key };
      // insertRow: 'after' = the row exists; deleteRow: 'before' = the row exists.
      const present = (kind === 'insertRow') === (state === 'after');
      if (present) {
        const row = kind === 'insertRow' ? { ...(payload as InsertRowPayload).row, values: {} } : (payload as DeleteRowPayload).row;
        for (const amount of Object.values(row.values)) {
          if (!isCanonicalDecimal(amount.value)) throw new StoreError('invalid-value', storeMessages.invalidAmount(amount.value));
        }
        put(t, payload.side, row, payload.position);
        return { inserted: [ref] };
      }
      remove(t, payload.side, payload.row.key);
      return { deleted: [ref] };
    },
  };
}
