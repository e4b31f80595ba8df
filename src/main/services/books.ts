// The books: the list (with each book's findings counts, title and latest import), new books from a template,
// imports (asking before one duplicates a book in use), rename, 另存为副本, the 回收站, the 导入记录.
// The list reads the findings summary stored per revision and validates only books whose summary is stale (edited
// since, by a program with other rules, or never counted).
//
// A re-import: the workbooks are read once; when a book in use has the same family, department, year and unit,
// nothing is stored and the read book waits in memory (StagedImports) for the clerk's answer — 替换 (the old books
// go to the 回收站 in the same transaction as the new one is stored, so it is undone by 恢复), 保留两份, or 取消
// (nothing was ever stored). books.import without a question keeps both, as it always did.
import type { BookListItem, ImportAnswer, ImportConflict, ImportLogEntry, ImportSummary, TrashListItem, WorkbookInput } from '../../shared/api/contract';
import { findFamily } from '../../shared/template/registry';
import { newBook } from '../../shared/template/new-book';
import { summarise, type ValidationSummary } from '../../shared/validation';
import type { BookSummary, InsertBookOptions, LastImport, Store } from '../store';
import { ServiceError } from './errors';
import { firstError, type ExchangeService, type ImportResult } from './exchange';
import { importTablesInto, type ImportTablesInput } from './import-tables';
import { rulesFingerprint, type BookSessions } from './sessions';
import { StagedImports } from './staged-imports';

export type ImportChoice = 'replace' | 'keep';

const COPY_SUFFIX = '（副本）';
const MAX_TITLE = 200;

export interface BooksService {
  /** The books in use. */
  list(): BookListItem[];
  create(input: { familyId: string; year: number; department: string }): { bookId: number };
  /** Workbooks from the UI (paths or uploaded bytes) read and stored as one book; a duplicate is kept unless told. */
  import(files: readonly WorkbookInput[], onConflict?: ImportChoice): Promise<ImportAnswer>;
  /** The UI's import: stored at once, or — when it would duplicate a book in use — a question, nothing stored. */
  importOrAsk(files: readonly WorkbookInput[]): Promise<ImportAnswer | { conflict: ImportConflict }>;
  /** The clerk's answer to that question. */
  importResolve(stagedId: string, choice: ImportChoice | 'cancel'): ImportAnswer | { cancelled: true };
  /** Stores a book that was read (one transaction); refused when no table was recognised. */
  add(read: ImportResult, options?: InsertBookOptions): number;
  /** Deletes a book for good. */
  delete(bookId: number): { deleted: true };
  trash(bookId: number): { trashed: true };
  restore(bookId: number): { restored: true };
  listTrash(): TrashListItem[];
  rename(bookId: number, title: string): { title?: string };
  duplicate(bookId: number): { bookId: number };
  importLog(bookId: number): ImportLogEntry[];
  /** 导入表格: see import-tables.ts. */
  importTables: ReturnType<typeof importTablesInto>;
}

export type { ImportTablesInput };

export function createBooksService(deps: { store: Store; sessions: BookSessions; exchange: ExchangeService }): BooksService {
  const { store, sessions, exchange } = deps;
  const staged = new StagedImports();

  const add = (read: ImportResult, options: InsertBookOptions = {}): number => {
    if (read.book.tables.length === 0) throw new ServiceError('unreadable', firstError(read.notices) ?? '未识别到任何预算表。');
    return store.insertBook(read.book, read.notices, options);
  };

  const listItems = (books: readonly BookSummary[]): BookListItem[] => {
    const stored = new Map(store.findingsSummaries().map((s) => [s.bookId, s]));
    const imports = new Map(store.lastImports().map((i) => [i.bookId, i]));
    return books.map((b) => {
      const kept = stored.get(b.id);
      const summary: ValidationSummary = fresh(kept, b) ? { errors: kept!.errors, warnings: kept!.warnings, infos: kept!.infos } : summarise(sessions.findings(b.id));
      const lastImport = imports.get(b.id);
      return {
        id: b.id,
        familyId: b.familyId,
        familyName: findFamily(b.familyId)?.name ?? b.familyId,
        year: b.year,
        department: b.department,
        unit: b.unit,
        updatedAt: b.updatedAt,
        revision: b.revision,
        summary,
        ...(b.title !== undefined ? { title: b.title } : {}),
        ...(lastImport ? { lastImport: importSummary(lastImport) } : {}),
      };
    });
  };

  /** Stores a read book, replacing (moving to the 回收站) the books in use it duplicates when told to. */
  const storeRead = (read: ImportResult, choice: ImportChoice): ImportAnswer => {
    const same = choice === 'replace' ? store.findSameBooks(read.book) : [];
    // The new book takes the old one's place, title included.
    const title = [...same].reverse().find((b) => b.title !== undefined)?.title;
    const bookId = add(read, { ...(same.length ? { replaces: same.map((b) => b.id) } : {}), ...(title !== undefined ? { title } : {}) });
    return { bookId, notices: read.notices, detection: read.detection, ...(same.length ? { replaced: same.map((b) => b.id) } : {}) };
  };

  /** The workbooks read as one book, named after the clerk's files (not the temporary copies of an upload). */
  const readFiles = async (files: readonly WorkbookInput[]): Promise<ImportResult> => {
    const read = await exchange.readInputs(files);
    read.book.sources = files.map((f) => f.name);
    return read;
  };

  return {
    list: () => listItems(store.listBooks()),

    create({ familyId, year, department }) {
      const family = findFamily(familyId);
      if (!family) throw new ServiceError('bad-request', `未知的模板「${familyId}」。`);
      if (!department.trim()) throw new ServiceError('bad-request', '请填写部门名称。');
      return { bookId: store.insertBook(newBook(family, year, department.trim()), []) };
    },

    async import(files, onConflict = 'keep') {
      return storeRead(await readFiles(files), onConflict);
    },

    async importOrAsk(files) {
      const read = await readFiles(files);
      const same = read.book.tables.length ? store.findSameBooks(read.book) : [];
      if (same.length === 0) return storeRead(read, 'keep');
      const { book } = read;
      const incoming = { familyName: findFamily(book.familyId)?.name ?? book.familyId, department: book.department, year: book.year, unit: book.unit };
      return { conflict: { stagedId: staged.put(read), incoming, existing: listItems(same) } };
    },

    importResolve(stagedId, choice) {
      const read = staged.take(stagedId);
      if (choice === 'cancel') return { cancelled: true as const };
      if (!read) throw new ServiceError('not-found', '这次导入已失效（超过 30 分钟未确认，或程序已重新启动），请重新导入。');
      return storeRead(read, choice);
    },

    add,

    delete(bookId) {
      store.deleteBook(bookId);
      sessions.forget(bookId);
      return { deleted: true as const };
    },

    trash(bookId) {
      store.trashBook(bookId);
      return { trashed: true as const };
    },

    restore(bookId) {
      store.restoreBook(bookId);
      return { restored: true as const };
    },

    listTrash: () =>
      store.listTrash().map((b) => ({
        id: b.id,
        familyId: b.familyId,
        familyName: findFamily(b.familyId)?.name ?? b.familyId,
        ...(b.title !== undefined ? { title: b.title } : {}),
        year: b.year,
        department: b.department,
        unit: b.unit,
        deletedAt: b.deletedAt,
        ...(b.replacedBy !== undefined ? { replacedBy: b.replacedBy } : {}),
      })),

    rename(bookId, title) {
      const stored = store.renameBook(bookId, title);
      return stored === null ? {} : { title: stored };
    },

    duplicate(bookId) {
      const source = [...store.listBooks(), ...store.listTrash()].find((b) => b.id === bookId);
      const name = source ? (source.title ?? `${source.department} ${source.year}年`) : '';
      const title = name ? `${[...name].slice(0, MAX_TITLE - COPY_SUFFIX.length).join('')}${COPY_SUFFIX}` : undefined;
      return { bookId: store.duplicateBook(bookId, title !== undefined ? { title } : {}) };
    },

    importLog: (bookId) => store.importLog(bookId).map(({ seq: _seq, ...entry }) => entry),

    importTables: importTablesInto({ store, sessions, exchange }),
  };
}

/** A stored summary is the truth only for the revision and rules it was computed with. */
function fresh(kept: { revision: number; rules: string } | undefined, b: BookSummary): boolean {
  return kept !== undefined && kept.revision === b.revision && kept.rules === rulesFingerprint(b.familyId);
}

function importSummary({ bookId: _bookId, seq: _seq, ...record }: LastImport): ImportSummary {
  return record;
}
