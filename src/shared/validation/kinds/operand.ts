// Operands: selected rows of one table side, each worth the sum of some columns. Cells resolve to ids once.
import type { BookRow } from '../../book';
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

export function cellsOf(ctx: CompileContext, resolved: ResolvedOperand, rows: readonly BookRow[] = resolved.rows): number[] {
  return rows.flatMap((row) => resolved.operand.columns.map((column) => ctx.index.cellId(row, column)));
}

/** Sum of cells (scaled integers) and how many were not blank. */
export function sumOf(ctx: CompileContext, cells: readonly number[]): { value: bigint; present: number } {
  let value = 0n;
  let present = 0;
  for (const cell of cells) {
    const figure = ctx.index.figure(cell);
    if (figure === undefined) continue;
    value += figure;
    present++;
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
