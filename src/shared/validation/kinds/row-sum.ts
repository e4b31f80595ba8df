import type { Check } from '../check';
import { sumCheck } from '../sums';
import type { RowSumRule, RowsSumRule } from '../types';
import type { CompileContext } from './context';

/** In each selected row: total column = Σ part columns. */
export function compileRowSum(rule: RowSumRule, ctx: CompileContext): Check[] {
  const side = rule.side ?? 'main';
  const partsLabel = rule.parts.map((c) => ctx.describe.columnLabel(rule.table, c)).join('+');
  const columns = [rule.total, ...rule.parts];
  return ctx.index.select(rule.table, side, rule.rows ?? {}).map((row) =>
    sumCheck(ctx, {
      key: `${rule.id}:${side}:${row.key}`,
      rule: rule.id,
      severity: rule.severity,
      table: rule.table,
      cells: columns.map((column) => ctx.index.cellId(row, column)),
      refs: () => columns.map((column) => ({ side, row, column })),
      partsLabel,
    }),
  );
}

/** In each column: the total row = Σ the part rows. */
export function compileRowsSum(rule: RowsSumRule, ctx: CompileContext): Check[] {
  const side = rule.side ?? 'main';
  const totalRow = ctx.index.row(rule.table, side, rule.total);
  if (!totalRow) return [];
  const rows = [totalRow, ...ctx.index.select(rule.table, side, rule.parts).filter((row) => row !== totalRow)];
  const partsLabel = rows.length <= 5 ? rows.slice(1).map((p) => `「${p.name}」`).join('+') : `各分项（${rows.length - 1} 行）之和`;
  return rule.columns.map((column) =>
    sumCheck(ctx, {
      key: `${rule.id}:${side}:${rule.total}:${column}`,
      rule: rule.id,
      severity: rule.severity,
      table: rule.table,
      cells: rows.map((row) => ctx.index.cellId(row, column)),
      refs: () => rows.map((row) => ({ side, row, column })),
      partsLabel,
    }),
  );
}
