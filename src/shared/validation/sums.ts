// Shared by every sum-like kind: read cells, judge total vs Σ parts with the book's rounding rule, and
// produce one finding with every location involved.
import type { BookRow } from '../book';
import { Dec } from '../money';
import { toCanonical } from '../money';
import type { BookIndex } from './book-index';
import { cellKey } from './book-index';
import type { Describer } from './describe';
import { sumMessage } from './messages';
import { judgeSum } from './rounding';
import type { Finding, Location, Severity, SideId } from './types';

export interface CellRef {
  tableId: string;
  side: SideId;
  row: BookRow;
  column: string;
}

export interface SumContext {
  index: BookIndex;
  describe: Describer;
  /** Rounding quantum of the book's figures (0.01 万元), or undefined when figures are exact 元. */
  quantum: Dec | undefined;
}

export const refKey = (ref: CellRef): string => cellKey(ref.tableId, ref.side, ref.row.key, ref.column);

export function valueOf(ctx: SumContext, ref: CellRef): Dec | undefined {
  return ctx.index.value(ref.tableId, ref.side, ref.row.key, ref.column);
}

export function locationOf(ctx: SumContext, ref: CellRef): Location {
  return ctx.describe.location(ref.tableId, ref.side, ref.row, ref.column);
}

export interface SumSpec {
  key: string;
  rule: string;
  severity: Severity;
  total: CellRef;
  parts: CellRef[];
  /** "下级科目之和", "基本支出+项目支出" … */
  partsLabel: string;
  /** Rounded figures may differ by 尾差; 'exact' for the same figure printed twice. */
  tolerance: 'rounded' | 'exact';
}

export function runSum(ctx: SumContext, spec: SumSpec): Finding[] {
  const total = valueOf(ctx, spec.total);
  const parts = spec.parts.map((ref) => ({ ref, value: valueOf(ctx, ref) }));
  const present = parts.filter((p) => p.value !== undefined);
  if (total === undefined && present.length === 0) return [];
  const sum = present.reduce((acc, p) => acc.plus(p.value as Dec), new Dec(0));
  const totalValue = total ?? new Dec(0);
  const verdict = judgeSum(totalValue, sum, present.length, spec.tolerance === 'rounded' ? ctx.quantum : undefined);
  if (verdict.status === 'equal') return [];
  const tail = verdict.status === 'tail';
  const subject = ctx.describe.cell(spec.total.tableId, spec.total.side, spec.total.row, spec.total.column);
  return [
    {
      key: spec.key,
      rule: spec.rule,
      severity: tail ? 'warning' : spec.severity,
      message: sumMessage(subject, totalValue, spec.partsLabel, sum, verdict.difference, tail),
      locations: [locationOf(ctx, spec.total), ...(present.length ? present : parts).map((p) => locationOf(ctx, p.ref))],
      expected: toCanonical(sum),
      actual: toCanonical(totalValue),
      difference: toCanonical(verdict.difference),
      ...(tail ? { roundingTail: true } : {}),
    },
  ];
}
