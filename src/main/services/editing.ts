// Editing an open book: the clerk's figures (with every total that follows), undo/redo through the edit log, and
// rows added or removed. An edit is planned by the book's session as one BookPatch, written by the store in one
// transaction first (one undo step), then committed to the session, whose validator re-checks what it touched.
import type { QuickFixPreview, ValidationState } from '../../shared/api/contract';
import { findFix, fixesFor, recalculateAll, type QuickFixId } from '../../shared/quick-fixes';
import type { Book, Notice } from '../../shared/book';
import { cellKey, patchCells, type BookPatch, type CellValue, type SideId } from '../../shared/cell';
import type { AmountChange, Store, UndoRedoResult } from '../store';
import { ServiceError } from './errors';
import { checkDeletable, planInsert } from './rows';
import type { BookSessions } from './sessions';

export type HistoryAnswer = ValidationState & { changed: boolean; patch: BookPatch; reload: boolean };

export interface EditingService {
  /** The book as stored, its import notices, its findings and which cells are totals (read-only). */
  open(bookId: number): { book: Book; notices: Notice[]; state: ValidationState; computed: string[] };
  setCells(bookId: number, cells: readonly CellValue[]): ValidationState & { patch: BookPatch };
  /** Quick fixes for a finding, or 全部重算 for the book, with the cells each would change. */
  fixes(bookId: number, findingKey?: string): QuickFixPreview[];
  applyFix(bookId: number, fixId: QuickFixId, findingKey?: string): ValidationState & { patch: BookPatch };
  undo(bookId: number): HistoryAnswer;
  redo(bookId: number): HistoryAnswer;
  insertRow(input: { bookId: number; tableId: string; side: SideId; code?: string; name?: string; unitName?: string }): { rowKeys: string[] };
  deleteRow(input: { bookId: number; tableId: string; side: SideId; rowKey: string }): { deleted: true };
}

export function createEditingService(deps: { store: Store; sessions: BookSessions }): EditingService {
  const { store, sessions } = deps;

  /**
   * Undo/redo of figures come back as a patch (the cells as they now are) for the session and the renderer to lay
   * on; undoing a row insertion or deletion changes the book's structure, so the renderer reloads — and so it does
   * when the 情况说明 or a 绩效目标表 came back, which a patch of cells cannot carry.
   */
  const history = (bookId: number, result: UndoRedoResult | null): HistoryAnswer => {
    const patch: BookPatch = { set: (result?.changes ?? []).map(asCell), derived: [] };
    const reload = Boolean(result?.rows || result?.narrative || result?.performance);
    if (result?.rows) sessions.forget(bookId);
    else if (result) {
      sessions.committed(bookId, patch, result.revision);
      if (result.explanation) sessions.explanationsChanged(bookId);
      if (result.narrative) sessions.narrativeChanged(bookId);
      if (result.performance) sessions.formsChanged(bookId);
    }
    return { ...sessions.state(bookId), changed: result !== null, patch, reload };
  };

  return {
    open(bookId) {
      const book = store.loadBook(bookId);
      return { book, notices: store.loadNotices(bookId), state: sessions.state(bookId), computed: [...sessions.session(bookId).computedCells()] };
    },

    /** The clerk's edits plus every total that follows from them. Totals are never typed. */
    setCells(bookId, cells) {
      const session = sessions.session(bookId);
      const computed = session.computedCells();
      if (cells.some((c) => computed.has(cellKey(c)))) throw new ServiceError('refused', '合计、小计等汇总数由下级数据自动计算，不能直接修改；请修改其下级数据。');
      const patch = session.plan(cells);
      const result = store.setAmounts({ bookId, cells: patchCells(patch) });
      sessions.committed(bookId, patch, result.revision);
      return { ...sessions.state(bookId), patch };
    },

    fixes(bookId, findingKey) {
      const session = sessions.session(bookId);
      const fixes = findingKey === undefined ? [recalculateAll(session)].filter((f) => f !== undefined) : fixesFor(session, findingKey);
      return fixes.map(({ patch: _patch, ...preview }) => preview);
    },

    /** A fix is written like an edit (one transaction, one undo step); recalculated totals are its point. */
    applyFix(bookId, fixId, findingKey) {
      const session = sessions.session(bookId);
      const found = findFix(session, fixId, findingKey);
      if (!found) throw new ServiceError('refused', '这项修正已不适用（数据已经变化），请重新查看审核结果。');
      const result = store.setAmounts({ bookId, cells: patchCells(found.patch) });
      sessions.committed(bookId, found.patch, result.revision);
      return { ...sessions.state(bookId), patch: found.patch };
    },

    undo: (bookId) => history(bookId, store.undo(bookId)),
    redo: (bookId) => history(bookId, store.redo(bookId)),

    insertRow(input) {
      const planned = planInsert(store.loadBook(input.bookId), input.tableId, input.side, input);
      for (const { row, afterKey } of planned) store.insertRow({ bookId: input.bookId, tableId: input.tableId, side: input.side, row, afterKey });
      sessions.forget(input.bookId); // the structure changed: the session is rebuilt on next use
      return { rowKeys: planned.map((r) => r.row.key) };
    },

    deleteRow(input) {
      checkDeletable(store.loadBook(input.bookId), input.tableId, input.side, input.rowKey);
      store.deleteRow({ bookId: input.bookId, tableId: input.tableId, side: input.side, rowKey: input.rowKey });
      sessions.forget(input.bookId);
      return { deleted: true as const };
    },
  };
}

const asCell = ({ tableId, side, rowKey, columnId, after }: AmountChange): CellValue => ({ tableId, side, rowKey, columnId, value: after?.value ?? null, ...(after ? { amount: after } : {}) });
