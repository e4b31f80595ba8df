// openStore: one connection, prepared statements created once, the Store API on top.
import { createBookRepository } from './books';
import { createEditRepository } from './edits';
import { createExplanationRepository } from './explanations';
import { createImportLog } from './import-log';
import { createLogWriter } from './log';
import { createNarrativeRepository } from './narratives';
import { createPerformanceRepository } from './performance';
import { schemaVersion } from './migrate';
import { createRowRepository } from './rows';
import { openDatabase } from './open';
import { createShelf } from './shelf';
import { createSummaryRepository } from './summaries';
import { createTableRepository, createTableWriter } from './tables';
import type { Store } from './types';

export interface OpenStoreOptions {
  /** Clock for timestamps (tests pin it). */
  now?: () => Date;
  /** Path of a better_sqlite3.node for this runtime (the Electron build); omitted: the one in node_modules. */
  nativeBinding?: string;
}

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  const db = openDatabase(path, now, options.nativeBinding);
  const log = createLogWriter(db);
  const explanations = createExplanationRepository(db, log, now);
  const shelf = createShelf(db, now);
  const narratives = createNarrativeRepository(db, log, now);
  const performance = createPerformanceRepository(db, log, now);
  const tableWriter = createTableWriter(db);
  const books = createBookRepository(db, log, now, explanations, tableWriter, shelf, narratives, performance);
  const tables = createTableRepository(db, log, now, tableWriter, (id) => books.loadBook(id));
  const rows = createRowRepository(db, log, now);
  const edits = createEditRepository(db, log, now, explanations, rows, tables, narratives, performance);
  const summaries = createSummaryRepository(db, now);
  const imports = createImportLog(db, log);
  // Shelf changes are single statements after a check; IMMEDIATE makes check and change one step.
  const trash = db.transaction((id: number) => shelf.trash(id));
  const restore = db.transaction((id: number) => shelf.restore(id));
  const rename = db.transaction((id: number, title: string | null) => shelf.rename(id, title));

  return {
    path: db.name,
    insertBook: (book, notices = [], insertOptions = {}) => books.insertBook(book, notices, insertOptions),
    loadBook: (id) => books.loadBook(id),
    loadNotices: (id) => books.loadNotices(id),
    listBooks: () => shelf.inUse(),
    deleteBook: (id) => books.deleteBook(id),
    listTrash: () => shelf.trashed(),
    trashBook: (id) => trash.immediate(id),
    restoreBook: (id) => restore.immediate(id),
    renameBook: (id, title) => rename.immediate(id, title),
    duplicateBook: (id, options = {}) => books.duplicateBook(id, options),
    findSameBooks: (identity) => shelf.same(identity),
    importLog: (id) => imports.records(id),
    lastImports: () => imports.latest(),
    replaceTables: (input) => tables.replaceTables(input),
    setAmount: ({ bookId, actor, value, tableId, side, rowKey, columnId }) =>
      edits.setAmounts({ bookId, actor, cells: [{ tableId, side, rowKey, columnId, value }] }, 'setAmount'),
    setAmounts: (input) => edits.setAmounts(input, 'setAmounts'),
    insertRow: (input) => rows.insertRow(input),
    deleteRow: (input) => rows.deleteRow(input),
    setExplanation: (edit) => explanations.set(edit),
    explanations: (bookId) => {
      log.assertBook(bookId);
      return explanations.read(bookId);
    },
    setNarrative: (bookId, narrative, options = {}) => narratives.set(bookId, narrative, options.actor),
    narrative: (bookId) => {
      log.assertBook(bookId);
      return narratives.read(bookId);
    },
    setPerformanceForm: (input) => performance.setForm(input),
    replacePerformanceForms: (input) => performance.replaceAll(input),
    setDepartmentPerformance: (bookId, form, options = {}) => performance.setDepartment(bookId, form, options.actor),
    performance: (bookId) => {
      log.assertBook(bookId);
      return performance.read(bookId);
    },
    undo: (bookId) => edits.undo(bookId),
    redo: (bookId) => edits.redo(bookId),
    historyState: (bookId) => edits.historyState(bookId),
    editLog: (bookId) => edits.editLog(bookId),
    recordFindingsSummary: (input) => summaries.record(input),
    findingsSummaries: () => summaries.all(),
    integrityCheck: () =>
      (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('\n'),
    schemaVersion: () => schemaVersion(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
