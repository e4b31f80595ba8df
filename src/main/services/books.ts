// The books: the list (with each book's findings counts), new books from a template, imports, deletion.
// The list reads the findings summary stored per revision and validates only books whose summary is stale (edited
// since, by a program with other rules, or never counted).
import type { BookListItem, WorkbookInput } from '../../shared/api/contract';
import type { Notice } from '../../shared/book';
import { findFamily } from '../../shared/template/registry';
import { newBook } from '../../shared/template/new-book';
import { summarise, type ValidationSummary } from '../../shared/validation';
import type { InsertBookOptions, Store } from '../store';
import { ServiceError } from './errors';
import { firstError, type ExchangeService, type ImportResult } from './exchange';
import { rulesFingerprint, type BookSessions } from './sessions';

export interface BooksService {
  list(): BookListItem[];
  create(input: { familyId: string; year: number; department: string }): { bookId: number };
  /** Workbooks from the UI (paths or uploaded bytes) read and stored as one book. */
  import(files: readonly WorkbookInput[]): Promise<{ bookId: number; notices: Notice[]; detection: string }>;
  /** Stores a book that was read (one transaction); refused when no table was recognised. */
  add(read: ImportResult, options?: InsertBookOptions): number;
  delete(bookId: number): { deleted: true };
}

export function createBooksService(deps: { store: Store; sessions: BookSessions; exchange: ExchangeService }): BooksService {
  const { store, sessions, exchange } = deps;

  const add = (read: ImportResult, options: InsertBookOptions = {}): number => {
    if (read.book.tables.length === 0) throw new ServiceError('unreadable', firstError(read.notices) ?? '未识别到任何预算表。');
    return store.insertBook(read.book, read.notices, options);
  };

  return {
    list() {
      const stored = new Map(store.findingsSummaries().map((s) => [s.bookId, s]));
      return store.listBooks().map((b) => {
        const kept = stored.get(b.id);
        const fresh = kept !== undefined && kept.revision === b.revision && kept.rules === rulesFingerprint(b.familyId);
        const summary: ValidationSummary = fresh ? { errors: kept.errors, warnings: kept.warnings, infos: kept.infos } : summarise(sessions.findings(b.id));
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
        };
      });
    },

    create({ familyId, year, department }) {
      const family = findFamily(familyId);
      if (!family) throw new ServiceError('bad-request', `未知的模板「${familyId}」。`);
      if (!department.trim()) throw new ServiceError('bad-request', '请填写部门名称。');
      return { bookId: store.insertBook(newBook(family, year, department.trim()), []) };
    },

    async import(files) {
      const read = await exchange.readInputs(files);
      // The files' own names, not the temporary copies an upload was read from.
      read.book.sources = files.map((f) => f.name);
      return { bookId: add(read), notices: read.notices, detection: read.detection };
    },

    add,

    delete(bookId) {
      store.deleteBook(bookId);
      sessions.forget(bookId);
      return { deleted: true as const };
    },
  };
}
