// Quick fixes for findings (issue 11): what the clerk can do about a finding in one step, each shown as the cells
// it will change before it changes them, and applied as one undoable edit.
//   按明细重算  a sum finding: the total becomes the sum of its parts; totals above it follow.
//   采用…的数   an equality between two single cells where the one to change is an input (not a total).
//   全部重算    the book: every total becomes the sum of its parts, bottom-up.
import type { BookSession } from './book-session';
import { cellKey, patchCells, type BookPatch, type CellAddress } from './cell';
import { Dec, formatAmount } from './money';

export type QuickFixId = 'recalculate' | 'takeLeft' | 'takeRight' | 'recalculateAll';

export interface FixChange extends CellAddress {
  /** "表三「合计」基本支出" */
  label: string;
  before: string | null;
  after: string | null;
}

export interface QuickFix {
  id: QuickFixId;
  /** What the button says. */
  label: string;
  changes: FixChange[];
  patch: BookPatch;
}

const shown = (value: string | null): string => (value === null ? '空白' : formatAmount(new Dec(value)));

function describePatch(session: BookSession, patch: BookPatch): FixChange[] {
  const index = session.validator.figures;
  return patchCells(patch).map((cell) => {
    const row = index.row(cell.tableId, cell.side, cell.rowKey);
    const id = row ? index.cellId(row, cell.columnId) : undefined;
    const before = id === undefined ? undefined : index.figure(id);
    return {
      tableId: cell.tableId,
      side: cell.side,
      rowKey: cell.rowKey,
      columnId: cell.columnId,
      label: id === undefined ? cellKey(cell) : session.validator.describeCell(id),
      before: before === undefined ? null : index.toCanonical(before),
      after: cell.value,
    };
  });
}

const fix = (session: BookSession, id: QuickFixId, label: string, patch: BookPatch): QuickFix => ({ id, label, patch, changes: describePatch(session, patch) });

/** The fixes a finding offers (none when nothing can be done in one step). */
export function fixesFor(session: BookSession, findingKey: string): QuickFix[] {
  const check = session.validator.checkFor(findingKey);
  if (!check) return [];
  const index = session.validator.figures;
  const computed = session.computedCellIds();
  const fixes: QuickFix[] = [];
  if (check.sum && check.sum.length >= 2) {
    const [total, ...parts] = check.sum as [number, ...number[]];
    let value = 0n;
    let present = 0;
    for (const part of parts) {
      const figure = index.figure(part);
      if (figure === undefined) continue;
      value += figure;
      present++;
    }
    const next = present === 0 ? undefined : value;
    if (next !== index.figure(total)) {
      const { tableId, row, column } = index.cellInfo(total);
      const patch = session.plan([{ tableId, side: row.side, rowKey: row.key, columnId: column, value: next === undefined ? null : index.toCanonical(next) }]);
      fixes.push(fix(session, 'recalculate', `按明细重算：${session.validator.describeCell(total)}`, patch));
    }
  }
  if (check.match && check.match.left.length === 1 && check.match.right.length === 1) {
    const [left, right] = [check.match.left[0] as number, check.match.right[0] as number];
    const take = (target: number, source: number, id: 'takeLeft' | 'takeRight'): void => {
      if (computed.has(target)) return;
      const figure = index.figure(source);
      if (figure === index.figure(target)) return;
      const value = figure === undefined ? null : index.toCanonical(figure);
      const { tableId, row, column } = index.cellInfo(target);
      const patch = session.plan([{ tableId, side: row.side, rowKey: row.key, columnId: column, value }]);
      fixes.push(fix(session, id, `采用${session.validator.describeCell(source)}的数（${shown(value)}）`, patch));
    };
    take(left, right, 'takeRight');
    take(right, left, 'takeLeft');
  }
  return fixes;
}

/** 全部重算: undefined when every total already equals the sum of its parts. */
export function recalculateAll(session: BookSession): QuickFix | undefined {
  const patch = session.planRecalculation();
  return patchCells(patch).length ? fix(session, 'recalculateAll', '全部重算', patch) : undefined;
}

/** One fix by its id: the same plan the preview showed, planned again on the book as it is now. */
export function findFix(session: BookSession, id: QuickFixId, findingKey?: string): QuickFix | undefined {
  if (id === 'recalculateAll') return recalculateAll(session);
  return findingKey ? fixesFor(session, findingKey).find((f) => f.id === id) : undefined;
}
