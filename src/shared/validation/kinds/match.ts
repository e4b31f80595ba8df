// Cross-table relations: the same figure in two tables, a figure that is the sum of figures elsewhere,
// or an inequality (三公 ≥ 表六 items). Rows pair by code, by key, or each side is summed whole.
import type { BookRow } from '../../book';
import { classCodeOf } from '../../catalogue';
import { toCanonical } from '../../money';
import type { Check } from '../check';
import { compareMessage, missingCounterpartMessage, sumMessage } from '../messages';
import { judgeSum, type SumVerdict } from '../rounding';
import type { Finding, MatchRule, Operand } from '../types';
import type { CompileContext } from './context';
import { cellsOf, describeOperand, locationsOver, resolve, sumOf, type ResolvedOperand } from './operand';

interface Side {
  resolved: ResolvedOperand;
  rows: BookRow[];
  cells: number[];
}

const sideOf = (ctx: CompileContext, resolved: ResolvedOperand, rows: BookRow[] = resolved.rows): Side => ({ resolved, rows, cells: cellsOf(ctx, resolved, rows) });

export function compileMatch(rule: MatchRule, ctx: CompileContext): Check[] {
  const left = resolve(ctx, rule.left);
  const rights = (Array.isArray(rule.right) ? (rule.right as readonly Operand[]) : [rule.right as Operand]).map((operand) => resolve(ctx, operand));
  if (rule.pairBy === 'aggregate') {
    const l = sideOf(ctx, left);
    const r = rights.map((right) => sideOf(ctx, right));
    return [{ id: rule.id, deps: [...l.cells, ...r.flatMap((s) => s.cells)], ...equality(rule, l, r), run: () => compare(ctx, rule, rule.id, l, r) }];
  }
  const right = rights[0];
  if (!right) return [];
  const keyOf = (row: BookRow): string | undefined => (rule.pairBy === 'code' ? row.code : rule.pairBy === 'class' ? (row.code === undefined ? undefined : classCodeOf(row.code)) : row.key);
  // One row per code or key (the last one); a 类 gathers every row under it (河南 lists only 项 rows).
  const group = (rows: readonly BookRow[]): Map<string | undefined, BookRow[]> => {
    const out = new Map<string | undefined, BookRow[]>();
    for (const row of rows) out.set(keyOf(row), rule.pairBy === 'class' ? [...(out.get(keyOf(row)) ?? []), row] : [row]);
    return out;
  };
  const leftBy = group(left.rows);
  const rightBy = group(right.rows);
  const keys = [...new Set([...leftBy.keys(), ...rightBy.keys()])].filter((k): k is string => Boolean(k));
  return keys.map((key) => {
    const leftRows = leftBy.get(key);
    const rightRows = rightBy.get(key);
    const id = `${rule.id}:${key}`;
    if (leftRows && rightRows) {
      const l = sideOf(ctx, left, leftRows);
      const r = sideOf(ctx, right, rightRows);
      return { id, deps: [...l.cells, ...r.cells], ...equality(rule, l, [r]), run: () => compare(ctx, rule, id, l, [r]) };
    }
    const present = leftRows ? sideOf(ctx, left, leftRows) : sideOf(ctx, right, rightRows as BookRow[]);
    const other = leftRows ? right : left;
    return { id, deps: present.cells, run: () => missing(ctx, rule, id, present, other) };
  });
}

/** An '=' relation names its two sides, so a finding can offer to take either figure. */
const equality = (rule: MatchRule, left: Side, rights: Side[]): Pick<Check, 'match'> =>
  rule.relation === '=' ? { match: { left: left.cells, right: rights.flatMap((side) => side.cells) } } : {};

function compare(ctx: CompileContext, rule: MatchRule, key: string, left: Side, rights: Side[]): Finding[] {
  const l = sumOf(ctx, left.cells);
  let rightValue = 0n;
  let rightPresent = 0;
  for (const side of rights) {
    const r = sumOf(ctx, side.cells);
    rightValue += r.value;
    rightPresent += r.present;
  }
  if (l.present === 0 && rightPresent === 0) return [];
  if (relationHolds(rule.relation, l.value, rightValue)) return [];
  const verdict = judgeMatch(ctx, rule, left, rights, l, { value: rightValue, present: rightPresent });
  if (verdict === 'equal') return [];
  const index = ctx.index;
  const [leftDec, rightDec, difference] = [index.toDec(l.value), index.toDec(rightValue), index.toDec(l.value - rightValue)];
  const leftText = describeOperand(ctx, left.resolved, left.rows);
  const rightText = rights.map((side) => describeOperand(ctx, side.resolved, side.rows)).join('+');
  const tail = verdict === 'tail';
  return [
    {
      key,
      rule: rule.id,
      severity: tail ? 'warning' : rule.severity,
      message: rule.relation === '=' ? sumMessage(leftText, leftDec, rightText, rightDec, difference, tail) : compareMessage(leftText, leftDec, rule.relation, rightText, rightDec),
      locations: [...locationsOver(ctx, left.resolved, left.rows), ...rights.flatMap((side) => locationsOver(ctx, side.resolved, side.rows))],
      expected: toCanonical(rightDec),
      actual: toCanonical(leftDec),
      difference: toCanonical(difference),
      ...(tail ? { roundingTail: true } : {}),
    },
  ];
}

function relationHolds(relation: MatchRule['relation'], left: bigint, right: bigint): boolean {
  return relation === '=' ? left === right : relation === '>=' ? left >= right : left <= right;
}

/** Half-up rounding of a scaled figure to a coarser quantum (a 元 figure compared with a 万元 one). */
function roundTo(value: bigint, quantum: bigint): bigint {
  const half = quantum / 2n;
  return value >= 0n ? ((value + half) / quantum) * quantum : -(((-value + half) / quantum) * quantum);
}

/**
 * Figures that differ: a sum of rounded figures may differ by its 尾差 ('rounded'); the same figure printed at two
 * precisions (元 and 万元) is compared at the coarser one; otherwise any difference is an error.
 */
function judgeMatch(ctx: CompileContext, rule: MatchRule, left: Side, rights: Side[], l: { value: bigint; present: number }, r: { value: bigint; present: number }): SumVerdict {
  const rightCells = rights.flatMap((side) => side.cells);
  if (rule.tolerance === 'rounded') {
    if (rule.relation !== '=') return 'error';
    return judgeSum(l.value, r.value, Math.max(l.present, r.present), ctx.index.quantumOf([...left.cells, ...rightCells]));
  }
  const [ql, qr] = [ctx.index.quantumOf(left.cells), ctx.index.quantumOf(rightCells)];
  if (ql === qr) return 'error';
  const coarser = (ql ?? 1n) > (qr ?? 1n) ? (ql ?? 1n) : (qr ?? 1n);
  return relationHolds(rule.relation, roundTo(l.value, coarser), roundTo(r.value, coarser)) ? 'equal' : 'error';
}

function missing(ctx: CompileContext, rule: MatchRule, key: string, present: Side, other: ResolvedOperand): Finding[] {
  const { value, present: count } = sumOf(ctx, present.cells);
  if (count === 0 || value === 0n) return [];
  const row = present.rows[0] as BookRow;
  const what = rule.pairBy === 'code' ? `科目 ${row.code ?? ''}` : rule.pairBy === 'class' ? `类 ${classCodeOf(row.code ?? '')} 的科目` : `「${row.name}」行`;
  const amount = ctx.index.toDec(value);
  return [
    {
      key,
      rule: rule.id,
      severity: rule.severity,
      message: missingCounterpartMessage(describeOperand(ctx, present.resolved, present.rows), amount, ctx.describe.tableName(other.operand.table), what),
      locations: locationsOver(ctx, present.resolved, present.rows),
      actual: toCanonical(amount),
      expected: '0.00',
      difference: toCanonical(amount),
    },
  ];
}
