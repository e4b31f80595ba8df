// The store's public contract. Cells are addressed by template ids (tableId, side, rowKey, columnId), never by
// database row ids, so the API, the edit log and the UI all speak the same language.
import type { Book, BookAmount, BookRow, BookTable, Explanation, Notice, RowLevel } from '../../shared/book';
import type { MoneyUnit } from '../../shared/money';
import type { Narrative } from '../../shared/narrative/types';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from '../../shared/performance/types';
import type { ImportLogEntry } from '../../shared/api/contract';

export type RowSide = SideId;

export interface InsertBookOptions {
  /** Called from inside the open transaction every 500 rows and once at the end (written === total). */
  onProgress?: (written: number, total: number) => void;
  /** Who imported: recorded on the book's first edit_log entry. */
  actor?: string;
  /** The clerk's title for the new book (1–200 characters after trimming; blank = none). */
  title?: string;
  /**
   * Books the new one replaces (a re-import answered with 替换): moved to the 回收站 in the same transaction, with
   * replaced_by = the new book. Each must be in use.
   */
  replaces?: readonly number[];
  /** The book this one is a copy of (另存为副本): recorded in the import entry of the copy's fresh edit log. */
  copyOf?: number;
}

export interface BookSummary {
  id: number;
  familyId: string;
  year: number;
  department: string;
  unit: MoneyUnit;
  tableCount: number;
  rowCount: number;
  /** ISO-8601 UTC. */
  createdAt: string;
  updatedAt: string;
  /** Bumped by every edit, undo and redo; 0 right after import. */
  revision: number;
  /** The clerk's title (migration 7); absent when none was given. */
  title?: string;
}

/** A book in the 回收站 (soft-deleted, restorable). */
export interface TrashedBookSummary extends BookSummary {
  /** ISO-8601 UTC: when it was moved to the 回收站. */
  deletedAt: string;
  /** The book that took its place when a re-import replaced it; absent for a plain deletion. */
  replacedBy?: number;
}

/** Counts of import notices by level. */
export interface NoticeCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * One import into a book, with the notices it reported: the book's own import (from workbooks, from a template
 * — no files — or as a copy of another book), or a later 导入表格 that replaced some of its tables.
 */
export interface ImportRecord extends ImportLogEntry {
  /** seq of its edit_log entry. */
  seq: number;
}

/** A book's latest import, for book lists: the record without its notices, only their counts. */
export interface LastImport extends Omit<ImportRecord, 'notices'> {
  bookId: number;
  counts: NoticeCounts;
}

/** 导入表格: tables read from a workbook that take the place of the book's tables with the same ids. */
export interface ReplaceTablesInput {
  bookId: number;
  tables: readonly BookTable[];
  /** The workbooks read (their own names); added to the book's sources. */
  files: readonly string[];
  /** Stored with the book as this import's notices. */
  notices: readonly Notice[];
  actor?: string;
}

export interface ReplaceTablesResult {
  /** seq of the 'replaceTables' edit_log entry (one undo step). */
  seq: number;
  revision: number;
  /** Ids of the tables written, in the order given. */
  tableIds: string[];
}

/** What undo/redo of a 导入表格 needs: every table as it was before and after, and the book's sources. */
export interface ReplaceTablesPayload {
  files: string[];
  tableIds: string[];
  /** before = null: the book did not have that table (undo removes it again). */
  tables: { before: BookTable | null; after: BookTable }[];
  sourcesBefore: string[];
  sourcesAfter: string[];
}

/**
 * A book's findings counted when they were last computed (migration 6), for book lists. Valid only while
 * `revision` is the book's revision and `rules` the running program's fingerprint of the family's rules.
 */
export interface StoredFindingsSummary {
  bookId: number;
  revision: number;
  rules: string;
  errors: number;
  warnings: number;
  infos: number;
  /** ISO-8601 UTC. */
  computedAt: string;
}

export interface FindingsSummaryInput {
  bookId: number;
  /** The book revision the findings were computed for. */
  revision: number;
  /** Fingerprint of the template and rules that produced them. */
  rules: string;
  summary: { errors: number; warnings: number; infos: number };
}

import type { CellAddress, SideId } from '../../shared/cell';
export type { CellAddress };

/** One cell's state before and after an action; null means "no amount" (a blank cell). */
export interface AmountChange extends CellAddress {
  before: BookAmount | null;
  after: BookAmount | null;
}

export interface SetAmountInput extends CellAddress {
  bookId: number;
  /** Canonical decimal string ("1234.50", "-3", "0.00"); null clears the cell. */
  value: string | null;
  actor?: string;
}

/** Several cells as one undo step (a paste, a fill). */
export interface SetAmountsInput {
  bookId: number;
  cells: Array<CellAddress & { value: string | null }>;
  actor?: string;
}

export interface EditResult {
  /** False when every cell already held that value: nothing was logged, the redo stack was kept. */
  changed: boolean;
  /** seq of the edit_log entry written; null when nothing changed. */
  seq: number | null;
  revision: number;
  changes: AmountChange[];
}

export interface SetExplanationInput {
  bookId: number;
  /** The finding's stable key, e.g. "t02.tree:main:21011:total"; opaque to the store. */
  findingKey: string;
  /** Trimmed before saving; null or blank removes the explanation. At most 2,000 characters. */
  text: string | null;
  actor?: string;
}

/** One finding's explanation text before and after an action; null means "no explanation". */
export interface ExplanationChange {
  findingKey: string;
  before: string | null;
  after: string | null;
}

export interface SetExplanationResult {
  /** False when the finding already had that text: nothing was logged, the redo stack was kept. */
  changed: boolean;
  /** seq of the 'explain' edit_log entry written; null when nothing changed. */
  seq: number | null;
  revision: number;
  change: ExplanationChange | null;
}

/** The book's narrative before and after an action; null means "no narrative". */
export interface NarrativeChange {
  before: Narrative | null;
  after: Narrative | null;
}

export interface SetNarrativeResult {
  /** False when the book already had that narrative: nothing was logged, the redo stack was kept. */
  changed: boolean;
  /** seq of the 'narrative' edit_log entry written; null when nothing changed. */
  seq: number | null;
  revision: number;
  change: NarrativeChange | null;
}

/** A book's 绩效目标表 together: its project forms in order and its 部门（单位）整体绩效目标表 (null: none). */
export interface PerformanceSet {
  forms: PerformanceTargetForm[];
  department: DepartmentPerformanceForm | null;
}

/**
 * What a 'performanceForm' edit-log entry holds, before and after:
 *  - 'project': one form at `position` in book.performanceForms (before null: it was added there; after null: it
 *    was removed from there and the later forms moved up one). Positions are exact because undo and redo replay
 *    the log strictly in reverse and forward order;
 *  - 'department': the department-wide form;
 *  - 'all': every form at once (导入绩效目标表: replaced and appended forms are one undo step).
 */
export type PerformanceFormChange =
  | { scope: 'project'; position: number; before: PerformanceTargetForm | null; after: PerformanceTargetForm | null }
  | { scope: 'department'; before: DepartmentPerformanceForm | null; after: DepartmentPerformanceForm | null }
  | { scope: 'all'; before: PerformanceSet; after: PerformanceSet };

export interface SetPerformanceFormInput {
  bookId: number;
  /** Index into book.performanceForms to replace or (form null) remove; omitted: the form is appended. */
  index?: number;
  form: PerformanceTargetForm | null;
  actor?: string;
}

export interface SetPerformanceResult {
  /** False when the book already held exactly that: nothing was logged, the redo stack was kept. */
  changed: boolean;
  /** seq of the 'performanceForm' edit_log entry written; null when nothing changed. */
  seq: number | null;
  revision: number;
  change: PerformanceFormChange | null;
  /** Where the form now is (setPerformanceForm with a form); absent for a removal and for the other writes. */
  index?: number;
}

/** A row addressed by template ids. */
export interface RowRef {
  tableId: string;
  side: RowSide;
  rowKey: string;
}

/** The fields of a new row; it is inserted without amounts. */
export interface NewRow {
  key: string;
  level: RowLevel;
  name: string;
  code?: string;
  govCode?: string;
  govName?: string;
  unitName?: string;
}

export interface InsertRowInput {
  bookId: number;
  tableId: string;
  side: RowSide;
  row: NewRow;
  /**
   * Placement within the row's side: a key = right after that row; null = first row of the side;
   * undefined (omitted) = last row of the side. When the side has no rows yet, the row goes at the end of the table.
   */
  afterKey?: string | null;
  actor?: string;
}

export interface DeleteRowInput {
  bookId: number;
  tableId: string;
  side: RowSide;
  rowKey: string;
  actor?: string;
}

export interface RowEditResult {
  changed: true;
  /** seq of the 'insertRow' / 'deleteRow' edit_log entry written. */
  seq: number;
  revision: number;
}

/** Rows that appeared or disappeared: the book's structure changed (validators must be rebuilt). */
export interface RowStructureChange {
  inserted?: RowRef[];
  deleted?: RowRef[];
}

export interface InsertRowPayload {
  tableId: string;
  side: RowSide;
  row: NewRow;
  /** As given; null both for "first of its side" and for "last of its side" (then atEnd is true). */
  afterKey: string | null;
  atEnd?: true;
  /** book_rows.position the row was written at (0-based across the whole table). */
  position: number;
}

export interface DeleteRowPayload {
  tableId: string;
  side: RowSide;
  /** The whole row as it was, amounts (with source refs) included. */
  row: Omit<BookRow, 'side'>;
  /** book_rows.position it held; undo puts it back there. */
  position: number;
}

export interface UndoRedoResult {
  /** seq of the new 'undo'/'redo' edit_log entry. */
  seq: number;
  /** seq of the edit that was undone or redone. */
  targetSeq: number;
  revision: number;
  /** What actually changed now (before = state prior to this undo/redo); empty when the target was an 'explain'. */
  changes: AmountChange[];
  /** Present when the target was an 'explain' entry: the explanation's text now (before) and restored (after). */
  explanation?: ExplanationChange;
  /** Present when the target was an 'insertRow' / 'deleteRow' entry: the row now present or gone. */
  rows?: RowStructureChange;
  /** Present when the target was a 'narrative' entry: the narrative now (before) and restored (after). */
  narrative?: NarrativeChange;
  /** Present when the target was a 'performanceForm' entry: the form(s) now (before) and restored (after). */
  performance?: PerformanceFormChange;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  revision: number;
}

export interface ImportPayload {
  sources: string[];
  tableCount: number;
  rowCount: number;
  amountCount: number;
  noticeCount: number;
  /** 另存为副本: the book this one was copied from. */
  copyOf?: number;
}

export interface EditPayload {
  changes: AmountChange[];
}

export type ExplainPayload = ExplanationChange;

export interface UndoRedoPayload {
  targetSeq: number;
  changes: AmountChange[];
  explanation?: ExplanationChange;
  rows?: RowStructureChange;
  narrative?: NarrativeChange;
  performance?: PerformanceFormChange;
}

interface EditLogBase {
  id: number;
  /** 1, 2, 3 … per book, in the order things happened. */
  seq: number;
  /** ISO-8601 UTC. */
  at: string;
  actor: string | null;
  /** The edit is currently undone. */
  undone: boolean;
  /** seq of the later edit that cleared the redo stack while this one was undone; it can no longer be redone. */
  discardedBy: number | null;
}

export type EditLogEntry =
  | (EditLogBase & { kind: 'import'; payload: ImportPayload })
  | (EditLogBase & { kind: 'setAmount' | 'setAmounts'; payload: EditPayload })
  | (EditLogBase & { kind: 'explain'; payload: ExplainPayload })
  | (EditLogBase & { kind: 'insertRow'; payload: InsertRowPayload })
  | (EditLogBase & { kind: 'deleteRow'; payload: DeleteRowPayload })
  | (EditLogBase & { kind: 'replaceTables'; payload: ReplaceTablesPayload })
  | (EditLogBase & { kind: 'narrative'; payload: NarrativeChange })
  | (EditLogBase & { kind: 'performanceForm'; payload: PerformanceFormChange })
  | (EditLogBase & { kind: 'undo' | 'redo'; payload: UndoRedoPayload });

export type EditKind = EditLogEntry['kind'];

export interface Store {
  /** Absolute path of the database file. */
  readonly path: string;
  /** Writes the whole book (and its import notices) in one transaction; returns the new book id. */
  insertBook(book: Book, notices?: readonly Notice[], options?: InsertBookOptions): number;
  /** The book with `id` set: tables by `no`, rows in original order. */
  loadBook(id: number): Book;
  loadNotices(id: number): Notice[];
  /** The books in use (not in the 回收站), by id. */
  listBooks(): BookSummary[];
  /** Deletes a book for good, whether in use or in the 回收站 (children cascade). */
  deleteBook(id: number): void;
  /** The 回收站: soft-deleted books, most recently deleted first. */
  listTrash(): TrashedBookSummary[];
  /** Moves a book in use to the 回收站 (hidden from listBooks, nothing else changes). */
  trashBook(id: number): void;
  /** Brings a book back from the 回收站. */
  restoreBook(id: number): void;
  /** Sets the clerk's title (trimmed; null or blank removes it); returns the title now stored. */
  renameBook(id: number, title: string | null): string | null;
  /**
   * 另存为副本: a full copy (tables, rows, amounts, units, sources, 审核说明, 绩效目标表, 情况说明, import notices) as a new
   * book in one transaction; the copy's edit log starts fresh. Returns the new id.
   */
  duplicateBook(id: number, options?: { title?: string; actor?: string }): number;
  /** Books in use with this family, department, year and unit (a re-import's conflict), by id. */
  findSameBooks(identity: Pick<Book, 'familyId' | 'department' | 'year' | 'unit'>): BookSummary[];
  /** Every import into the book, oldest first, each with the notices it reported. */
  importLog(id: number): ImportRecord[];
  /** The latest import of every book (in use or not), for book lists. */
  lastImports(): LastImport[];
  /**
   * 导入表格: replaces (or adds) whole tables — rows and amounts — in one transaction, logged as one undoable
   * 'replaceTables' entry; the notices are stored with it.
   */
  replaceTables(input: ReplaceTablesInput): ReplaceTablesResult;
  setAmount(edit: SetAmountInput): EditResult;
  setAmounts(edit: SetAmountsInput): EditResult;
  /**
   * Sets (or, with null/blank text, removes) the 审核说明 of one finding, logged as an undoable 'explain' entry.
   * The caller must already have checked that the finding is a warning: errors cannot be explained away.
   */
  setExplanation(edit: SetExplanationInput): SetExplanationResult;
  /**
   * Inserts a row without amounts (see InsertRowInput.afterKey for placement), logged as an undoable 'insertRow'.
   * Duplicate key in that table/side: 'duplicate-key'; unknown table or afterKey: 'table-not-found' / 'row-not-found'.
   */
  insertRow(input: InsertRowInput): RowEditResult;
  /** Deletes a row and its amounts, logged as an undoable 'deleteRow' holding the whole row for an exact undo. */
  deleteRow(input: DeleteRowInput): RowEditResult;
  /** The book's explanations, sorted by findingKey. */
  explanations(bookId: number): Explanation[];
  /**
   * Sets (or, with null or no paragraphs, removes) the book's 情况说明 in one transaction, logged as an undoable
   * 'narrative' entry holding the whole narrative before and after. Paragraphs are trimmed, blank ones dropped.
   */
  setNarrative(bookId: number, narrative: Narrative | null, options?: { actor?: string }): SetNarrativeResult;
  /** The book's 情况说明, or null when it has none. */
  narrative(bookId: number): Narrative | null;
  /**
   * 绩效目标表: replaces the form at `index`, appends one (no index) or removes one (form null), in one transaction
   * logged as an undoable 'performanceForm' entry. A form that is not one (shape, sizes: src/shared/api/performance.ts)
   * is refused with a Chinese 'invalid-value' error; an index the book does not have, likewise.
   */
  setPerformanceForm(input: SetPerformanceFormInput): SetPerformanceResult;
  /** Every project form (and, when given, the department-wide form; undefined leaves it) at once: one undo step. */
  replacePerformanceForms(input: { bookId: number; forms: readonly PerformanceTargetForm[]; department?: DepartmentPerformanceForm | null; actor?: string }): SetPerformanceResult;
  /** Sets (or, with null, removes) the 部门（单位）整体绩效目标表: one undo step. */
  setDepartmentPerformance(bookId: number, form: DepartmentPerformanceForm | null, options?: { actor?: string }): SetPerformanceResult;
  /** The book's forms now (its project forms in order and the department-wide form). */
  performance(bookId: number): PerformanceSet;
  /** Undoes the latest edit (amount, explanation or row) that is not undone; null when there is nothing to undo. */
  undo(bookId: number): UndoRedoResult | null;
  /** Redoes the most recently undone edit unless a later edit discarded it; null when nothing to redo. */
  redo(bookId: number): UndoRedoResult | null;
  historyState(bookId: number): HistoryState;
  /** The audit trail, oldest first: import, every edit, every undo and redo. */
  editLog(bookId: number): EditLogEntry[];
  /**
   * Stores the findings summary of a book revision (replacing an older one). False when the book is gone or a
   * newer revision's summary is already stored.
   */
  recordFindingsSummary(input: FindingsSummaryInput): boolean;
  /** Every stored findings summary, by book id; the caller compares revisions and rules to judge staleness. */
  findingsSummaries(): StoredFindingsSummary[];
  /** PRAGMA integrity_check: 'ok' when the file is sound, otherwise SQLite's findings, one per line. */
  integrityCheck(): string;
  schemaVersion(): number;
  close(): void;
}
