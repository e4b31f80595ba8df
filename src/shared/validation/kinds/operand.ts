// Operands: selected rows of one table side, each worth the sum of some columns.
import type { BookRow } from '../../book';
import { Dec } from '../../money';
import { cellKey } from '../book-index';
import type { Location, Operand, SideId } from '../types';
import type { CompileContext } from './context';

export interface ResolvedOperand {
  operand: Operand;
  side: SideId;
  rows: BookRow[];
}

export function resolve(ctx: CompileContext, operand: Operand): ResolvedOperand {
  const side = operand.side ?? 'main';
  return { operand, side, rows: ctx.index.select(operand.table, side, operand.rows) };
}

export function depsOf(resolved: ResolvedOperand, rows: readonly BookRow[] = resolved.rows): string[] {
  return rows.flatMap((row) => resolved.operand.columns.map((column) => cellKey(resolved.operand.table, resolved.side, row.key, column)));
}

/** Sum of the operand's cells over the given rows, and how many of them were not blank. */
export function valueOver(ctx: CompileContext, resolved: ResolvedOperand, rows: readonly BookRow[] = resolved.rows): { value: Dec; present: number } {
  let value = new Dec(0);
  let present = 0;
  for (const row of rows) {
    for (const column of resolved.operand.columns) {
      const cell = ctx.index.value(resolved.operand.table, resolved.side, row.key, column);
      if (cell === undefined) continue;
      value = value.plus(cell);
      present++;
    }
  }
  return { value, present };
}

export function locationsOver(ctx: CompileContext, resolved: ResolvedOperand, rows: readonly BookRow[] = resolved.rows): Location[] {
  return rows.flatMap((row) => resolved.operand.columns.map((column) => ctx.describe.location(resolved.operand.table, resolved.side, row, column)));
}

/** "表三「合计」项目支出" or "表六「公务接待费」合计" — names the cells an operand reads. */
export function describeOperand(ctx: CompileContext, resolved: ResolvedOperand, rows: readonly BookRow[] = resolved.rows): string {
  const columns = resolved.operand.columns.map((c) => ctx.describe.columnLabel(resolved.operand.table, c)).join('+');
  const first = rows[0];
  if (rows.length === 1 && first) return `${ctx.describe.cell(resolved.operand.table, resolved.side, first)}${columns}`;
  const names = [...new Set(rows.map((r) => r.name))];
  const subject = names.length === 1 ? `「${names[0]}」` : rows.length === 0 ? '（无此行）' : `${rows.length} 行`;
  return `${ctx.describe.tableName(resolved.operand.table)}${subject}${columns}`;
}
