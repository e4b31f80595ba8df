// Whole-book persistence: insert (one transaction, all or nothing; a re-import's 替换 trashes the old books in the
// same transaction), load, copy (另存为副本), delete for good.
import type Database from 'better-sqlite3';
import type { Book, BookRow, BookTable, BookUnit, Notice, TablePrecision, UnitKind } from '../../shared/book';
import type { MoneyUnit } from '../../shared/money';
import { amountFromColumns, rowFromColumns, sourceFromColumns, type AmountColumns, type RowColumns } from './codec';
import { StoreError, storeMessages } from './errors';
import type { ExplanationRepository } from './explanations';
import type { LogWriter } from './log';
import type { NarrativeRepository } from './narratives';
import type { PerformanceRepository } from './performance';
import { titleColumn, type Shelf } from './shelf';
import { tableProblems, type TableWriter } from './tables';
import type { ImportPayload, InsertBookOptions } from './types';

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

export interface NoticeRow {
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
  duplicateBook(id: number, options: { title?: string; actor?: string }): number;
  deleteBook(id: number): void;
}

export function createBookRepository(
  db: Database.Database,
  log: LogWriter,
  now: () => Date,
  explanations: ExplanationRepository,
  tables: TableWriter,
  shelf: Shelf,
  narratives: NarrativeRepository,
  performance: PerformanceRepository,
): BookRepository {
  const s = {
    insertBook: db.prepare(
      `INSERT INTO books (family_id, year, department, unit, decimals, created_at, updated_at, revision, title)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    ),
    insertUnit: db.prepare('INSERT INTO units (book_id, position, name, kind, administrative) VALUES (?, ?, ?, ?, ?)'),
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
    delete: db.prepare('DELETE FROM books WHERE id = ?'),
  };

  const insertBook = (book: Book, notices: readonly Notice[], options: InsertBookOptions): number => {
    assertBookShape(book);
    const at = now().toISOString();
    const bookId = Number(
      s.insertBook.run(book.familyId, book.year, book.department, book.unit, book.decimals, at, at, titleColumn(options.title)).lastInsertRowid,
    );
    tables.setSources(bookId, book.sources);
    book.units.forEach((unit, i) => s.insertUnit.run(bookId, i, unit.name, unit.kind, unit.administrative ? 1 : 0));

    const total = book.tables.reduce((n, t) => n + t.rows.length, 0);
    let written = 0;
    let amountCount = 0;
    const onRow = (): void => {
      written += 1;
      if (written % PROGRESS_EVERY === 0) options.onProgress?.(written, total);
    };
    for (const table of book.tables) amountCount += tables.insert(bookId, table, onRow);
    if (total % PROGRESS_EVERY !== 0 || total === 0) options.onProgress?.(total, total);

    explanations.insertAll(bookId, book.explanations ?? []);
    performance.insert(bookId, book.performanceForms ?? [], book.departmentPerformance ?? null);
    narratives.insert(bookId, book.narrative);
    const payload: ImportPayload = {
      sources: [...book.sources],
      tableCount: book.tables.length,
      rowCount: total,
      amountCount,
      noticeCount: notices.length,
      ...(options.copyOf !== undefined ? { copyOf: options.copyOf } : {}),
    };
    const seq = log.append(bookId, 'import', payload, options.actor, at);
    tables.insertNotices(bookId, notices, seq);
    // A re-import answered with 替换: the old books go to the 回收站 in this same transaction.
    for (const old of options.replaces ?? []) shelf.trash(old, bookId);
    return bookId;
  };

  const loadNotices = (id: number): Notice[] => {
    log.assertBook(id);
    return s.notices.all(id).map(noticeFromColumns);
  };

  // IMMEDIATE: take the write lock up front so a concurrent writer makes us wait (busy_timeout), not fail.
  const insertTransaction = db.transaction(insertBook);

  // The copy is read and written under one write lock, so it is the book as it was at one moment.
  const duplicateTransaction = db.transaction((id: number, options: { title?: string; actor?: string }): number => {
    const book = loadTransaction(id);
    delete book.id;
    const notices = loadNotices(id);
    return insertBook(book, notices, { copyOf: id, ...options });
  });

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
    const forms = performance.read(id);
    if (forms.forms.length) book.performanceForms = forms.forms;
    if (forms.department) book.departmentPerformance = forms.department;
    const narrative = narratives.read(id);
    if (narrative) book.narrative = narrative;
    return book;
  });

  return {
    insertBook: (book, notices, options) => insertTransaction.immediate(book, notices, options),

    loadBook: (id) => loadTransaction.deferred(id),

    loadNotices,

    duplicateBook: (id, options) => duplicateTransaction.immediate(id, options),

    deleteBook(id) {
      // Children (tables, rows, amounts, notices, explanations, edit log) go with it through ON DELETE CASCADE.
      if (s.delete.run(id).changes === 0) throw new StoreError('book-not-found', storeMessages.bookNotFound(id));
    },
  };
}

/** A stored notice: NULL columns become absent properties. */
export function noticeFromColumns(n: NoticeRow): Notice {
  const notice: Notice = { level: n.level, message: n.message };
  if (n.file !== null) notice.file = n.file;
  if (n.sheet !== null) notice.sheet = n.sheet;
  if (n.cell !== null) notice.cell = n.cell;
  return notice;
}

function assertBookShape(book: Book): void {
  const problems: string[] = [];
  if (book.unit !== '元' && book.unit !== '万元') problems.push(storeMessages.badUnit(String(book.unit)));
  if (!Number.isInteger(book.year)) problems.push(storeMessages.badYear(String(book.year)));
  if (!Number.isInteger(book.decimals) || book.decimals < 0) problems.push(storeMessages.badDecimals(String(book.decimals)));
  problems.push(...book.tables.flatMap(tableProblems));
  if (problems.length) throw new StoreError('invalid-book', storeMessages.invalidBook(problems));
}
