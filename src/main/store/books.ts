// Whole-book persistence: insert (one transaction, all or nothing), load, list, delete.
import type Database from 'better-sqlite3';
import type { Book, BookRow, BookTable, BookUnit, Notice, TablePrecision, UnitKind } from '../../shared/book';
import type { MoneyUnit } from '../../shared/money';
import { isCanonicalDecimal } from './canonical';
import { amountFromColumns, amountToColumns, INSERT_AMOUNT, INSERT_ROW, rowFromColumns, rowToColumns, sourceFromColumns, sourceToColumns, type AmountColumns, type RowColumns } from './codec';
import { StoreError, storeMessages } from './errors';
import type { ExplanationRepository } from './explanations';
import type { PerformanceTargetForm } from '../../shared/performance';
import type { LogWriter } from './log';
import type { BookSummary, ImportPayload, InsertBookOptions } from './types';

/** Progress granularity: small enough for a lively CLI, large enough to cost nothing. */
export const PROGRESS_EVERY = 500;

interface BookHeaderRow {
  id: number;
  family_id: string;
  year: number;
  department: string;
  unit: MoneyUnit;
  decimals: number;
  created_at: string;
  updated_at: string;
  revision: number;
}

interface TableRow {
  id: number;
  table_id: string;
  no: number;
  title: string;
  empty_note: number;
  source_file: string | null;
  source_sheet: string | null;
  source_cell: string | null;
  /** JSON object; NULL when the importer recorded none (and for books stored before migration 3). */
  column_letters: string | null;
  precision: string | null;
}

interface NoticeRow {
  level: Notice['level'];
  message: string;
  file: string | null;
  sheet: string | null;
  cell: string | null;
}

export interface BookRepository {
  insertBook(book: Book, notices: readonly Notice[], options: InsertBookOptions): number;
  loadBook(id: number): Book;
  loadNotices(id: number): Notice[];
  listBooks(): BookSummary[];
  deleteBook(id: number): void;
}

export function createBookRepository(
  db: Database.Database,
  log: LogWriter,
  now: () => Date,
  explanations: ExplanationRepository,
): BookRepository {
  const s = {
    insertBook: db.prepare(
      `INSERT INTO books (family_id, year, department, unit, decimals, created_at, updated_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
    ),
    insertSource: db.prepare('INSERT INTO book_sources (book_id, position, file) VALUES (?, ?, ?)'),
    insertUnit: db.prepare('INSERT INTO units (book_id, position, name, kind, administrative) VALUES (?, ?, ?, ?, ?)'),
    insertTable: db.prepare(
      `INSERT INTO book_tables (book_id, table_id, no, title, empty_note, source_file, source_sheet, source_cell,
                               column_letters, precision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertRow: db.prepare(INSERT_ROW),
    insertAmount: db.prepare(INSERT_AMOUNT),
    insertForm: db.prepare('INSERT INTO performance_forms (book_id, position, project_name, form) VALUES (?, ?, ?, ?)'),
    forms: db.prepare<[number], { form: string }>('SELECT form FROM performance_forms WHERE book_id = ? ORDER BY position'),
    insertNotice: db.prepare(
      `INSERT INTO import_notices (book_id, position, level, message, file, sheet, cell)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    header: db.prepare<[number], BookHeaderRow>('SELECT * FROM books WHERE id = ?'),
    sources: db.prepare<[number], { file: string }>(
      'SELECT file FROM book_sources WHERE book_id = ? ORDER BY position',
    ),
    units: db.prepare<[number], { name: string; kind: string; administrative: number }>('SELECT name, kind, administrative FROM units WHERE book_id = ? ORDER BY position'),
    tables: db.prepare<[number], TableRow>('SELECT * FROM book_tables WHERE book_id = ? ORDER BY no, id'),
    rows: db.prepare<[number], RowColumns>(
      // This ORDER BY follows the indexes (book_id, no[, rowid]) then (book_table_id, position): no sort step.
      `SELECT r.* FROM book_tables t JOIN book_rows r ON r.book_table_id = t.id
       WHERE t.book_id = ? ORDER BY t.no, t.id, r.position`,
    ),
    amounts: db.prepare<[number], AmountColumns & { row_id: number; column_id: string }>(
      // No ORDER BY: sorting 30,000 amounts doubled load time. Within a row, columns come back in primary-key
      // (column id) order; consumers order columns by the template, never by object key order.
      `SELECT a.row_id, a.column_id, a.value, a.source_file, a.source_sheet, a.source_cell, a.from_formula, a.decimals
       FROM book_tables t JOIN book_rows r ON r.book_table_id = t.id JOIN amounts a ON a.row_id = r.id
       WHERE t.book_id = ?`,
    ),
    notices: db.prepare<[number], NoticeRow>(
      'SELECT level, message, file, sheet, cell FROM import_notices WHERE book_id = ? ORDER BY position',
    ),
    list: db.prepare<[], BookHeaderRow & { table_count: number; row_count: number }>(
      `SELECT b.*,
              (SELECT COUNT(*) FROM book_tables t WHERE t.book_id = b.id) AS table_count,
              (SELECT COUNT(*) FROM book_rows r JOIN book_tables t ON t.id = r.book_table_id
                WHERE t.book_id = b.id) AS row_count
       FROM books b ORDER BY b.id`,
    ),
    delete: db.prepare('DELETE FROM books WHERE id = ?'),
  };

  const insertBook = (book: Book, notices: readonly Notice[], options: InsertBookOptions): number => {
    assertBookShape(book);
    const at = now().toISOString();
    const bookId = Number(
      s.insertBook.run(book.familyId, book.year, book.department, book.unit, book.decimals, at, at).lastInsertRowid,
    );
    book.sources.forEach((file, i) => s.insertSource.run(bookId, i, file));
    book.units.forEach((unit, i) => s.insertUnit.run(bookId, i, unit.name, unit.kind, unit.administrative ? 1 : 0));

    const total = book.tables.reduce((n, t) => n + t.rows.length, 0);
    let written = 0;
    let amountCount = 0;
    for (const table of book.tables) {
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
            throw new StoreError(
              'invalid-value',
              storeMessages.invalidBookAmount(table.title, row.name, columnId, String(amount.value)),
            );
          }
          s.insertAmount.run(rowId, columnId, ...amountToColumns(amount));
          amountCount += 1;
        }
        written += 1;
        if (written % PROGRESS_EVERY === 0) options.onProgress?.(written, total);
      });
    }
    if (total % PROGRESS_EVERY !== 0 || total === 0) options.onProgress?.(total, total);

    explanations.insertAll(bookId, book.explanations ?? []);
    (book.performanceForms ?? []).forEach((form, i) => s.insertForm.run(bookId, i, form.projectName, JSON.stringify(form)));
    notices.forEach((n, i) =>
      s.insertNotice.run(bookId, i, n.level, n.message, n.file ?? null, n.sheet ?? null, n.cell ?? null),
    );
    const payload: ImportPayload = {
      sources: [...book.sources],
      tableCount: book.tables.length,
      rowCount: total,
      amountCount,
      noticeCount: notices.length,
    };
    log.append(bookId, 'import', payload, options.actor, at);
    return bookId;
  };

  // IMMEDIATE: take the write lock up front so a concurrent writer makes us wait (busy_timeout), not fail.
  const insertTransaction = db.transaction(insertBook);

  // One read transaction: the queries below see one consistent snapshot even if a writer commits meanwhile.
  const loadTransaction = db.transaction((id: number): Book => {
    const header = s.header.get(id);
    if (!header) throw new StoreError('book-not-found', storeMessages.bookNotFound(id));
    const amountsByRow = new Map<number, BookRow['values']>();
    for (const a of s.amounts.all(id)) {
      let values = amountsByRow.get(a.row_id);
      if (!values) amountsByRow.set(a.row_id, (values = {}));
      values[a.column_id] = amountFromColumns(a);
    }
    const rowsByTable = new Map<number, BookRow[]>();
    for (const r of s.rows.all(id)) {
      let rows = rowsByTable.get(r.book_table_id);
      if (!rows) rowsByTable.set(r.book_table_id, (rows = []));
      rows.push({ side: r.side, ...rowFromColumns(r, amountsByRow.get(r.id) ?? {}) });
    }
    const tables = s.tables.all(id).map((t): BookTable => {
      const table: BookTable = {
        tableId: t.table_id,
        no: t.no,
        title: t.title,
        emptyNote: t.empty_note === 1,
        rows: rowsByTable.get(t.id) ?? [],
      };
      const source = sourceFromColumns(t.source_file, t.source_sheet, t.source_cell);
      if (source) table.source = source;
      if (t.column_letters !== null) table.columnLetters = JSON.parse(t.column_letters) as Record<string, string>;
      if (t.precision !== null) table.precision = JSON.parse(t.precision) as TablePrecision;
      return table;
    });
    const book: Book = {
      id: header.id,
      familyId: header.family_id,
      year: header.year,
      department: header.department,
      unit: header.unit,
      decimals: header.decimals,
      units: s.units.all(id).map((u): BookUnit => ({ name: u.name, kind: u.kind as UnitKind, ...(u.administrative ? { administrative: true } : {}) })),
      tables,
      sources: s.sources.all(id).map((r) => r.file),
    };
    const explained = explanations.read(id);
    if (explained.length) book.explanations = explained;
    const forms = s.forms.all(id);
    if (forms.length) book.performanceForms = forms.map((f) => JSON.parse(f.form) as PerformanceTargetForm);
    return book;
  });

  return {
    insertBook: (book, notices, options) => insertTransaction.immediate(book, notices, options),

    loadBook: (id) => loadTransaction.deferred(id),

    loadNotices(id) {
      log.assertBook(id);
      return s.notices.all(id).map((n) => {
        const notice: Notice = { level: n.level, message: n.message };
        if (n.file !== null) notice.file = n.file;
        if (n.sheet !== null) notice.sheet = n.sheet;
        if (n.cell !== null) notice.cell = n.cell;
        return notice;
      });
    },

    listBooks() {
      return s.list.all().map((b) => ({
        id: b.id,
        familyId: b.family_id,
        year: b.year,
        department: b.department,
        unit: b.unit,
        tableCount: b.table_count,
        rowCount: b.row_count,
        createdAt: b.created_at,
        updatedAt: b.updated_at,
        revision: b.revision,
      }));
    },

    deleteBook(id) {
      // Children (tables, rows, amounts, notices, explanations, edit log) go with it through ON DELETE CASCADE.
      if (s.delete.run(id).changes === 0) throw new StoreError('book-not-found', storeMessages.bookNotFound(id));
    },
  };
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

function assertBookShape(book: Book): void {
  const problems: string[] = [];
  if (book.unit !== '元' && book.unit !== '万元') problems.push(storeMessages.badUnit(String(book.unit)));
  if (!Number.isInteger(book.year)) problems.push(storeMessages.badYear(String(book.year)));
  if (!Number.isInteger(book.decimals) || book.decimals < 0) problems.push(storeMessages.badDecimals(String(book.decimals)));
  for (const table of book.tables) {
    if (table.columnLetters !== undefined && !isColumnLetters(table.columnLetters)) {
      problems.push(storeMessages.badColumnLetters(table.title));
    }
    if (table.precision !== undefined && !isPrecision(table.precision)) problems.push(storeMessages.badPrecision(table.title));
  }
  if (problems.length) throw new StoreError('invalid-book', storeMessages.invalidBook(problems));
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
