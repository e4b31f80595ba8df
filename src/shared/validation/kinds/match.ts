// Cross-table relations: the same figure in two tables, a figure that is the sum of figures elsewhere,
// or an inequality (三公 ≥ 表六 items). Rows pair by code, by key, or each side is summed whole.
import type { BookRow } from '../../book';
import { toCanonical } from '../../money';
import type { Check } from '../check';
import { compareMessage, missingCounterpartMessage, sumMessage } from '../messages';
import { judgeSum } from '../rounding';
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
    return [{ id: rule.id, deps: [...l.cells, ...r.flatMap((s) => s.cells)], run: () => compare(ctx, rule, rule.id, l, r) }];
  }
  const right = rights[0];
  if (!right) return [];
  const keyOf = (row: BookRow): string | undefined => (rule.pairBy === 'code' ? row.code : row.key);
  const leftBy = new Map(left.rows.map((row) => [keyOf(row), row]));
  const rightBy = new Map(right.rows.map((row) => [keyOf(row), row]));
  const keys = [...new Set([...leftBy.keys(), ...rightBy.keys()])].filter((k): k is string => Boolean(k));
  return keys.map((key) => {
    const leftRow = leftBy.get(key);
    const rightRow = rightBy.get(key);
    const id = `${rule.id}:${key}`;
    if (leftRow && rightRow) {
      const l = sideOf(ctx, left, [leftRow]);
      const r = sideOf(ctx, right, [rightRow]);
      return { id, deps: [...l.cells, ...r.cells], run: () => compare(ctx, rule, id, l, [r]) };
    }
    const present = leftRow ? sideOf(ctx, left, [leftRow]) : sideOf(ctx, right, [rightRow as BookRow]);
    const other = leftRow ? right : left;
    return { id, deps: present.cells, run: () => missing(ctx, rule, id, present, other) };
  });
}

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
  if (rule.relation !== '=') {
    const holds = rule.relation === '>=' ? l.value >= rightValue : l.value <= rightValue;
    if (holds) return [];
  }
  const verdict = rule.relation === '=' ? judgeSum(l.value, rightValue, Math.max(l.present, rightPresent), rule.tolerance === 'rounded' ? ctx.quantum : undefined) : 'error';
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

function missing(ctx: CompileContext, rule: MatchRule, key: string, present: Side, other: ResolvedOperand): Finding[] {
  const { value, present: count } = sumOf(ctx, present.cells);
  if (count === 0 || value === 0n) return [];
  const row = present.rows[0] as BookRow;
  const what = rule.pairBy === 'code' ? `科目 ${row.code ?? ''}` : `「${row.name}」行`;
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
