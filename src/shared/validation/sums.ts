// Shared by every sum-like kind: judge total vs Σ parts with the book's rounding rule. A compiled sum holds
// only cell ids (cells[0] is the total); rows and columns are looked up again only to word a failure.
import type { BookRow } from '../book';
import { toCanonical } from '../money';
import type { BookIndex } from './book-index';
import type { Check } from './check';
import type { Describer } from './describe';
import { sumMessage } from './messages';
import { judgeSum } from './rounding';
import type { Finding, Severity, SideId } from './types';

export interface SumContext {
  index: BookIndex;
  describe: Describer;
}

/** A cell by table, side, row and column, for wording findings. */
export interface CellRef {
  side: SideId;
  row: BookRow;
  column: string;
}

export interface SumSpec {
  key: string;
  rule: string;
  severity: Severity;
  table: string;
  /** Cell ids: the total first, then the parts. */
  cells: number[];
  /** Rebuilds the cells' references when a finding must name them (same order as `cells`). */
  refs: () => CellRef[];
  /** "所属各项之和", "基本支出+项目支出" … */
  partsLabel: string;
}

export function sumCheck(ctx: SumContext, spec: SumSpec): Check {
  return { id: spec.key, deps: spec.cells, sum: spec.cells, run: () => runSum(ctx, spec) };
}

export function runSum(ctx: SumContext, spec: SumSpec): Finding[] {
  const index = ctx.index;
  const cells = spec.cells;
  const total = index.figure(cells[0] as number);
  let sum = 0n;
  let present = 0;
  for (let i = 1; i < cells.length; i++) {
    const value = index.figure(cells[i] as number);
    if (value === undefined) continue;
    sum += value;
    present++;
  }
  if (total === undefined && present === 0) return [];
  const totalValue = total ?? 0n;
  // The quantum is looked up only when the figures differ: most sums are equal.
  const verdict = totalValue === sum ? 'equal' : judgeSum(totalValue, sum, present, index.quantumOf(cells));
  if (verdict === 'equal') return [];
  return [sumFinding(ctx, spec, totalValue, sum, verdict === 'tail')];
}

/** Worded only when a check fails: the hot path stays in integers. */
function sumFinding(ctx: SumContext, spec: SumSpec, total: bigint, sum: bigint, tail: boolean): Finding {
  const index = ctx.index;
  const [totalDec, sumDec, difference] = [index.toDec(total), index.toDec(sum), index.toDec(total - sum)];
  const refs = spec.refs();
  const [totalRef, ...parts] = refs as [CellRef, ...CellRef[]];
  const present = parts.filter((_, i) => index.figure(spec.cells[i + 1] as number) !== undefined);
  const locate = (ref: CellRef) => ctx.describe.location(spec.table, ref.side, ref.row, ref.column);
  return {
    key: spec.key,
    rule: spec.rule,
    severity: tail ? 'warning' : spec.severity,
    message: sumMessage(ctx.describe.cell(spec.table, totalRef.side, totalRef.row, totalRef.column), totalDec, spec.partsLabel, sumDec, difference, tail),
    locations: [locate(totalRef), ...(present.length ? present : parts).map(locate)],
    expected: toCanonical(sumDec),
    actual: toCanonical(totalDec),
    difference: toCanonical(difference),
    ...(tail ? { roundingTail: true } : {}),
  };
}
