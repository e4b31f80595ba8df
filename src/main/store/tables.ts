// Whole tables: the one writer of a table with its rows and amounts (a book's import, and 导入表格), and 导入表格
// itself — tables read from another workbook taking the place of the book's tables with the same ids, in one
// transaction, logged as one undoable 'replaceTables' entry that holds every table before and after (so undo and
// redo put back exactly what was there, and older edits stay undoable behind it).
import type Database from 'better-sqlite3';
import type { Book, BookTable, Notice, TablePrecision } from '../../shared/book';
import { isCanonicalDecimal } from './canonical';
import { INSERT_AMOUNT, INSERT_ROW, amountToColumns, rowToColumns, sourceToColumns } from './codec';
import { StoreError, storeMessages } from './errors';
import type { LogWriter } from './log';
import type { ReplaceTablesInput, ReplaceTablesPayload, ReplaceTablesResult, RowStructureChange } from './types';

export interface TableWriter {
  /** Writes one table, its rows and their amounts inside the caller's transaction; returns the amounts written. */
  insert(bookId: number, table: BookTable, onRow?: () => void): number;
  /** Removes one table (rows and amounts cascade); false when the book has no such table. */
  remove(bookId: number, tableId: string): boolean;
  /** Import notices of one import (its edit_log seq), numbered after the book's earlier ones. */
  insertNotices(bookId: number, notices: readonly Notice[], importSeq: number): void;
  /** The book's source files, replaced by `files`. */
  setSources(bookId: number, files: readonly string[]): void;
}

export interface TableRepository {
  replaceTables(input: ReplaceTablesInput): ReplaceTablesResult;
  /** Undo ('before') or redo ('after') of a 'replaceTables' entry, inside the caller's transaction. */
  restore(bookId: number, payload: ReplaceTablesPayload, state: 'before' | 'after'): RowStructureChange;
}

export function createTableWriter(db: Database.Database): TableWriter {
  const s = {
    insertTable: db.prepare(
      `INSERT INTO book_tables (book_id, table_id, no, title, empty_note, source_file, source_sheet, source_cell,
                               column_letters, precision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertRow: db.prepare(INSERT_ROW),
    insertAmount: db.prepare(INSERT_AMOUNT),
    removeTable: db.prepare('DELETE FROM book_tables WHERE book_id = ? AND table_id = ?'),
    nextNotice: db.prepare<[number], { next: number }>('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM import_notices WHERE book_id = ?'),
    insertNotice: db.prepare(
      `INSERT INTO import_notices (book_id, position, level, message, file, sheet, cell, import_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    clearSources: db.prepare('DELETE FROM book_sources WHERE book_id = ?'),
    insertSource: db.prepare('INSERT INTO book_sources (book_id, position, file) VALUES (?, ?, ?)'),
  };

  return {
    insert(bookId, table, onRow) {
      const tableRowId = Number(
        runUnique(
          () =>
            s.insertTable.run(
              bookId,
              table.tableId,
              table.no,
              table.title,
              table.emptyNote ? 1 : 0,
              ...sourceToColumns(table.source),
              table.columnLetters === undefined ? null : JSON.stringify(table.columnLetters),
              table.precision === undefined ? null : JSON.stringify(table.precision),
            ),
          () => storeMessages.duplicateTable(table.tableId),
        ).lastInsertRowid,
      );
      let amounts = 0;
      table.rows.forEach((row, position) => {
        const rowId = Number(
          runUnique(
            () => s.insertRow.run(...rowToColumns(tableRowId, row.side, position, row)),
            () => storeMessages.duplicateRow(table.title, row.key, row.side),
          ).lastInsertRowid,
        );
        for (const [columnId, amount] of Object.entries(row.values)) {
          // Guard the "never REAL" rule at the door: a number or a formatted string is an importer bug.
          if (!isCanonicalDecimal(amount.value)) {
            throw new StoreError('invalid-value', storeMessages.invalidBookAmount(table.title, row.name, columnId, String(amount.value)));
          }
          s.insertAmount.run(rowId, columnId, ...amountToColumns(amount));
          amounts += 1;
        }
        onRow?.();
      });
      return amounts;
    },

    remove: (bookId, tableId) => s.removeTable.run(bookId, tableId).changes > 0,

    insertNotices(bookId, notices, importSeq) {
      const first = s.nextNotice.get(bookId)!.next;
      notices.forEach((n, i) => s.insertNotice.run(bookId, first + i, n.level, n.message, n.file ?? null, n.sheet ?? null, n.cell ?? null, importSeq));
    },

    setSources(bookId, files) {
      s.clearSources.run(bookId);
      files.forEach((file, i) => s.insertSource.run(bookId, i, file));
    },
  };
}

export function createTableRepository(
  db: Database.Database,
  log: LogWriter,
  now: () => Date,
  writer: TableWriter,
  loadBook: (id: number) => Book,
): TableRepository {
  /** Puts each table into the recorded state: the table now there goes, the recorded one (if any) comes. */
  const put = (bookId: number, payload: ReplaceTablesPayload, state: 'before' | 'after'): void => {
    // Undo walks backwards so that, were a table listed twice, it ends at its first `before`.
    const entries = state === 'before' ? [...payload.tables].reverse() : payload.tables;
    for (const entry of entries) {
      const table = entry[state];
      writer.remove(bookId, entry.after.tableId);
      if (table) writer.insert(bookId, table);
    }
    writer.setSources(bookId, state === 'before' ? payload.sourcesBefore : payload.sourcesAfter);
  };

  const replaceTables = db.transaction((input: ReplaceTablesInput): ReplaceTablesResult => {
    const book = loadBook(input.bookId); // throws the Chinese "not found" for an unknown book
    const problems = input.tables.flatMap(tableProblems);
    if (problems.length) throw new StoreError('invalid-book', storeMessages.invalidBook(problems));
    const ids = input.tables.map((t) => t.tableId);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice !== undefined) throw new StoreError('duplicate-key', storeMessages.duplicateTable(twice));

    const sourcesAfter = [...book.sources, ...input.files.filter((f) => !book.sources.includes(f))];
    const payload: ReplaceTablesPayload = {
      files: [...input.files],
      tableIds: ids,
      tables: input.tables.map((after) => ({ before: book.tables.find((t) => t.tableId === after.tableId) ?? null, after })),
      sourcesBefore: book.sources,
      sourcesAfter,
    };
    put(input.bookId, payload, 'after');
    const at = now().toISOString();
    const seq = log.append(input.bookId, 'replaceTables', payload, input.actor, at);
    log.discardRedo(input.bookId, seq);
    writer.insertNotices(input.bookId, input.notices, seq);
    return { seq, revision: log.bump(input.bookId, at), tableIds: ids };
  });

  return {
    // IMMEDIATE: take the write lock before reading the tables that are about to be replaced.
    replaceTables: (input) => replaceTables.immediate(input),
    restore(bookId, payload, state) {
      put(bookId, payload, state);
      // The rows changed wholesale: the caller reloads the book rather than laying a patch on.
      return {};
    },
  };
}

/** What is wrong with a table's recorded shape (column letters, precision), in Chinese; [] when nothing. */
export function tableProblems(table: BookTable): string[] {
  const problems: string[] = [];
  if (table.columnLetters !== undefined && !isColumnLetters(table.columnLetters)) problems.push(storeMessages.badColumnLetters(table.title));
  if (table.precision !== undefined && !isPrecision(table.precision)) problems.push(storeMessages.badPrecision(table.title));
  return problems;
}

/** Runs an insert, turning a UNIQUE violation into a Chinese message the clerk can act on. */
function runUnique(run: () => Database.RunResult, message: () => string): Database.RunResult {
  try {
    return run();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new StoreError('duplicate-key', message(), { cause: error });
    }
    throw error;
  }
}

/** A plain object of column id → "A" … "XFD". */
function isColumnLetters(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((letters) => typeof letters === 'string' && /^[A-Z]{1,3}$/.test(letters));
}

/** {decimals: {column: integer}, mixed?: [column]}. */
function isPrecision(value: unknown): value is TablePrecision {
  if (typeof value !== 'object' || value === null) return false;
  const { decimals, mixed } = value as { decimals?: unknown; mixed?: unknown };
  if (typeof decimals !== 'object' || decimals === null || Object.getPrototypeOf(decimals) !== Object.prototype) return false;
  if (!Object.values(decimals).every((n) => Number.isInteger(n) && Math.abs(n as number) <= 12)) return false;
  return mixed === undefined || (Array.isArray(mixed) && mixed.every((c) => typeof c === 'string'));
}
