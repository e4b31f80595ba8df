// Amount edits, and undo/redo of every undoable entry. The edit_log is the single history:
//  - an edit (setAmount/setAmounts) appends an entry holding every cell's before/after state; an 'explain'
//    entry (explanations.ts) holds one finding's before/after explanation text and undoes the same way, and so
//    does a 'narrative' entry (narratives.ts) with the whole 情况说明 before and after, and a 'performanceForm'
//    entry (performance.ts) with a 绩效目标表 (or all of them) before and after;
//    'insertRow'/'deleteRow' entries (rows.ts) hold the row and its position, and undo by deleting/re-inserting;
//    a 'replaceTables' entry (导入表格, tables.ts) holds whole tables before and after;
//  - undo re-applies the `before` states of the latest edit with undone = 0, flags it undone = 1 and appends
//    an 'undo' entry; redo re-applies the `after` states of the earliest undone, non-discarded edit, clears
//    its flag and appends a 'redo' entry — so the audit trail lists every action, including undo and redo;
//  - a new edit clears the redo stack: every undone entry not yet discarded gets discarded_by = the new
//    edit's seq. Nothing is deleted; a discarded entry simply can never be redone.
// Invariant: among non-discarded edits, the undone ones are exactly the newest few, which is why "latest not
// undone" and "earliest undone" are the tops of the undo and redo stacks.
import type Database from 'better-sqlite3';
import type { BookAmount } from '../../shared/book';
import { isCanonicalDecimal } from './canonical';
import { AMOUNT_COLUMNS, amountFromColumns, amountToColumns, INSERT_AMOUNT, type AmountColumns } from './codec';
import { StoreError, storeMessages } from './errors';
import type { ExplanationRepository } from './explanations';
import type { LogWriter } from './log';
import type { NarrativeRepository } from './narratives';
import type { PerformanceRepository } from './performance';
import type { RowRepository } from './rows';
import type { TableRepository } from './tables';
import type {
  AmountChange,
  CellAddress,
  DeleteRowPayload,
  EditLogEntry,
  EditPayload,
  EditResult,
  ExplainPayload,
  HistoryState,
  InsertRowPayload,
  NarrativeChange,
  PerformanceFormChange,
  ReplaceTablesPayload,
  SetAmountsInput,
  UndoRedoPayload,
  UndoRedoResult,
} from './types';

const UNDOABLE = "('setAmount', 'setAmounts', 'explain', 'insertRow', 'deleteRow', 'replaceTables', 'narrative', 'performanceForm')";

interface LogRow {
  id: number;
  seq: number;
  at: string;
  actor: string | null;
  kind: EditLogEntry['kind'];
  payload: string;
  undone: number;
  discarded_by: number | null;
}

export interface EditRepository {
  setAmounts(input: SetAmountsInput, kind: 'setAmount' | 'setAmounts'): EditResult;
  undo(bookId: number): UndoRedoResult | null;
  redo(bookId: number): UndoRedoResult | null;
  historyState(bookId: number): HistoryState;
  editLog(bookId: number): EditLogEntry[];
}

export function createEditRepository(
  db: Database.Database,
  log: LogWriter,
  now: () => Date,
  explanations: ExplanationRepository,
  rows: RowRepository,
  tables: TableRepository,
  narratives: NarrativeRepository,
  performance: PerformanceRepository,
): EditRepository {
  const s = {
    locate: db.prepare<[string, string, number, string], { title: string; row_id: number | null }>(
      `SELECT t.title, r.id AS row_id FROM book_tables t
       LEFT JOIN book_rows r ON r.book_table_id = t.id AND r.side = ? AND r.row_key = ?
       WHERE t.book_id = ? AND t.table_id = ?`,
    ),
    readAmount: db.prepare<[number, string], AmountColumns>(`SELECT ${AMOUNT_COLUMNS} FROM amounts WHERE row_id = ? AND column_id = ?`),
    upsertAmount: db.prepare(
      `${INSERT_AMOUNT}
       ON CONFLICT (row_id, column_id) DO UPDATE SET value = excluded.value, source_file = excluded.source_file,
         source_sheet = excluded.source_sheet, source_cell = excluded.source_cell,
         from_formula = excluded.from_formula, decimals = excluded.decimals`,
    ),
    deleteAmount: db.prepare('DELETE FROM amounts WHERE row_id = ? AND column_id = ?'),
    undoTop: db.prepare<[number], LogRow>(
      `SELECT * FROM edit_log WHERE book_id = ? AND undone = 0 AND kind IN ${UNDOABLE}
       ORDER BY seq DESC LIMIT 1`,
    ),
    redoTop: db.prepare<[number], LogRow>(
      `SELECT * FROM edit_log WHERE book_id = ? AND undone = 1 AND discarded_by IS NULL
       ORDER BY seq ASC LIMIT 1`,
    ),
    setUndone: db.prepare('UPDATE edit_log SET undone = ? WHERE id = ?'),
    log: db.prepare<[number], LogRow>('SELECT * FROM edit_log WHERE book_id = ? ORDER BY seq'),
  };

  /** Database row id of a cell's row, or a Chinese error naming what is missing. */
  const locate = (bookId: number, cell: CellAddress): number => {
    if (!cell.columnId) throw new StoreError('invalid-value', storeMessages.emptyColumnId);
    const found = s.locate.get(cell.side, cell.rowKey, bookId, cell.tableId);
    if (!found) {
      log.assertBook(bookId);
      throw new StoreError('table-not-found', storeMessages.tableNotFound(bookId, cell.tableId));
    }
    if (found.row_id === null) {
      throw new StoreError('row-not-found', storeMessages.rowNotFound(found.title, cell.rowKey, cell.side));
    }
    return found.row_id;
  };

  const read = (rowId: number, columnId: string): BookAmount | null => {
    const row = s.readAmount.get(rowId, columnId);
    return row ? amountFromColumns(row) : null;
  };

  const write = (rowId: number, columnId: string, amount: BookAmount | null): void => {
    if (amount === null) s.deleteAmount.run(rowId, columnId);
    else s.upsertAmount.run(rowId, columnId, ...amountToColumns(amount));
  };

  /** Puts each cell into the chosen state, returning what actually changed (before = state found now). */
  const apply = (bookId: number, changes: AmountChange[], state: 'before' | 'after'): AmountChange[] =>
    changes.map((change) => {
      const { tableId, side, rowKey, columnId } = change;
      const rowId = locate(bookId, change);
      const current = read(rowId, columnId);
      write(rowId, columnId, change[state]);
      return { tableId, side, rowKey, columnId, before: current, after: change[state] };
    });

  const setAmounts = db.transaction((input: SetAmountsInput, kind: 'setAmount' | 'setAmounts'): EditResult => {
    log.assertBook(input.bookId);
    const changes: AmountChange[] = [];
    for (const cell of input.cells) {
      if (cell.value !== null && !isCanonicalDecimal(cell.value)) {
        throw new StoreError('invalid-value', storeMessages.invalidAmount(String(cell.value)));
      }
      const { tableId, side, rowKey, columnId } = cell;
      const rowId = locate(input.bookId, cell);
      const before = read(rowId, columnId);
      // Same text again (e.g. Enter on an untouched cell) is not an edit: keep history and redo stack clean.
      if ((before?.value ?? null) === cell.value) continue;
      // A typed value keeps the cell's source location (reviewers still find it in Excel) but is no longer
      // a formula's cached result, so the formula flag is dropped.
      const after: BookAmount | null =
        cell.value === null ? null : before?.source ? { value: cell.value, source: before.source } : { value: cell.value };
      write(rowId, columnId, after);
      changes.push({ tableId, side, rowKey, columnId, before, after });
    }
    if (changes.length === 0) {
      return { changed: false, seq: null, revision: log.revision(input.bookId), changes };
    }
    const at = now().toISOString();
    const seq = log.append(input.bookId, kind, { changes } satisfies EditPayload, input.actor, at);
    log.discardRedo(input.bookId, seq);
    return { changed: true, seq, revision: log.bump(input.bookId, at), changes };
  });

  const step = (direction: 'undo' | 'redo') =>
    db.transaction((bookId: number): UndoRedoResult | null => {
      log.assertBook(bookId);
      const target = direction === 'undo' ? s.undoTop.get(bookId) : s.redoTop.get(bookId);
      if (!target) return null;
      const state = direction === 'undo' ? 'before' : 'after';
      const at = now().toISOString();
      let payload: UndoRedoPayload;
      if (target.kind === 'explain') {
        const explanation = explanations.restore(bookId, JSON.parse(target.payload) as ExplainPayload, state, at);
        payload = { targetSeq: target.seq, changes: [], explanation };
      } else if (target.kind === 'narrative') {
        // 情况说明: the whole narrative as it was (undo) or as set (redo).
        const narrative = narratives.restore(bookId, JSON.parse(target.payload) as NarrativeChange, state, at);
        payload = { targetSeq: target.seq, changes: [], narrative };
      } else if (target.kind === 'performanceForm') {
        // 绩效目标表: the form(s) as they were (undo) or as set (redo).
        const change = performance.restore(bookId, JSON.parse(target.payload) as PerformanceFormChange, state, at);
        payload = { targetSeq: target.seq, changes: [], performance: change };
      } else if (target.kind === 'insertRow' || target.kind === 'deleteRow') {
        const recorded = JSON.parse(target.payload) as InsertRowPayload | DeleteRowPayload;
        payload = { targetSeq: target.seq, changes: [], rows: rows.restore(bookId, target.kind, recorded, state) };
      } else if (target.kind === 'replaceTables') {
        // 导入表格: whole tables back as they were (undo) or as imported (redo); the book's rows changed.
        const recorded = JSON.parse(target.payload) as ReplaceTablesPayload;
        payload = { targetSeq: target.seq, changes: [], rows: tables.restore(bookId, recorded, state) };
      } else {
        const recorded = (JSON.parse(target.payload) as EditPayload).changes;
        // Undo walks the cells backwards so a cell edited twice in one step ends at its first `before`.
        const cells = direction === 'undo' ? [...recorded].reverse() : recorded;
        payload = { targetSeq: target.seq, changes: apply(bookId, cells, state) };
      }
      s.setUndone.run(direction === 'undo' ? 1 : 0, target.id);
      const seq = log.append(bookId, direction, payload, undefined, at);
      return { seq, revision: log.bump(bookId, at), ...payload };
    });
  const undo = step('undo');
  const redo = step('redo');

  return {
    // IMMEDIATE everywhere we write: wait for a concurrent writer instead of failing mid-transaction.
    setAmounts: (input, kind) => setAmounts.immediate(input, kind),
    undo: (bookId) => undo.immediate(bookId),
    redo: (bookId) => redo.immediate(bookId),
    historyState(bookId) {
      const revision = log.revision(bookId);
      return { canUndo: !!s.undoTop.get(bookId), canRedo: !!s.redoTop.get(bookId), revision };
    },
    editLog(bookId) {
      log.assertBook(bookId);
      return s.log.all(bookId).map(
        (r) =>
          ({
            id: r.id,
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            kind: r.kind,
            payload: JSON.parse(r.payload) as unknown,
            undone: r.undone === 1,
            discardedBy: r.discarded_by,
          }) as EditLogEntry,
      );
    },
  };
}
