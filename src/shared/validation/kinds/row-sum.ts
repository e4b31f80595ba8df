import type { Check } from '../check';
import { refKey, runSum, type CellRef } from '../sums';
import type { RowSumRule, RowsSumRule } from '../types';
import type { CompileContext } from './context';

/** In each selected row: total column = Σ part columns. */
export function compileRowSum(rule: RowSumRule, ctx: CompileContext): Check[] {
  const side = rule.side ?? 'main';
  const partsLabel = rule.parts.map((c) => ctx.describe.columnLabel(rule.table, c)).join('+');
  return ctx.index.select(rule.table, side, rule.rows ?? {}).map((row) => {
    const ref = (column: string): CellRef => ({ tableId: rule.table, side, row, column });
    const spec = {
      key: `${rule.id}:${side}:${row.key}`,
      rule: rule.id,
      severity: rule.severity,
      total: ref(rule.total),
      parts: rule.parts.map(ref),
      partsLabel,
      tolerance: 'rounded' as const,
    };
    return { id: spec.key, deps: [spec.total, ...spec.parts].map(refKey), run: () => runSum(ctx, spec) };
  });
}

/** In each column: the total row = Σ the part rows. */
export function compileRowsSum(rule: RowsSumRule, ctx: CompileContext): Check[] {
  const side = rule.side ?? 'main';
  const totalRow = ctx.index.row(rule.table, side, rule.total);
  if (!totalRow) return [];
  const parts = ctx.index.select(rule.table, side, rule.parts).filter((row) => row !== totalRow);
  const partsLabel = parts.length <= 4 ? parts.map((p) => `「${p.name}」`).join('+') : `各分项（${parts.length} 行）之和`;
  return rule.columns.map((column) => {
    const spec = {
      key: `${rule.id}:${side}:${rule.total}:${column}`,
      rule: rule.id,
      severity: rule.severity,
      total: { tableId: rule.table, side, row: totalRow, column },
      parts: parts.map((row) => ({ tableId: rule.table, side, row, column })),
      partsLabel,
      tolerance: 'rounded' as const,
    };
    return { id: spec.key, deps: [spec.total, ...spec.parts].map(refKey), run: () => runSum(ctx, spec) };
  });
}
