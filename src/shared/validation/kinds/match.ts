// Cross-table relations: the same figure in two tables, a figure that is the sum of figures elsewhere,
// or an inequality (三公 ≥ 表六 items). Rows pair by code, by key, or each side is summed whole.
import type { BookRow } from '../../book';
import { Dec, toCanonical } from '../../money';
import type { Check } from '../check';
import { compareMessage, missingCounterpartMessage, sumMessage } from '../messages';
import { judgeSum } from '../rounding';
import type { Finding, MatchRule } from '../types';
import type { CompileContext } from './context';
import { depsOf, describeOperand, locationsOver, resolve, valueOver, type ResolvedOperand } from './operand';

export function compileMatch(rule: MatchRule, ctx: CompileContext): Check[] {
  const left = resolve(ctx, rule.left);
  const rights = (Array.isArray(rule.right) ? rule.right : [rule.right]).map((operand) => resolve(ctx, operand as MatchRule['left']));
  if (rule.pairBy === 'aggregate') {
    const id = `${rule.id}`;
    return [{ id, deps: [...depsOf(left), ...rights.flatMap((r) => depsOf(r))], run: () => compare(ctx, rule, id, left, left.rows, rights.map((r) => ({ resolved: r, rows: r.rows }))) }];
  }
  const right = rights[0];
  if (!right) return [];
  const keyOf = (row: BookRow): string | undefined => (rule.pairBy === 'code' ? row.code : row.key);
  const leftBy = new Map(left.rows.map((row) => [keyOf(row), row]));
  const rightBy = new Map(right.rows.map((row) => [keyOf(row), row]));
  const keys = [...new Set([...leftBy.keys(), ...rightBy.keys()])].filter((k): k is string => Boolean(k));
  return keys.map((key) => {
    const leftRows = leftBy.has(key) ? [leftBy.get(key) as BookRow] : [];
    const rightRows = rightBy.has(key) ? [rightBy.get(key) as BookRow] : [];
    const id = `${rule.id}:${key}`;
    return {
      id,
      deps: [...depsOf(left, leftRows), ...depsOf(right, rightRows)],
      run: () => (leftRows.length && rightRows.length ? compare(ctx, rule, id, left, leftRows, [{ resolved: right, rows: rightRows }]) : missing(ctx, rule, id, leftRows.length ? { resolved: left, rows: leftRows, other: right } : { resolved: right, rows: rightRows, other: left })),
    };
  });
}

function compare(ctx: CompileContext, rule: MatchRule, key: string, left: ResolvedOperand, leftRows: BookRow[], rights: { resolved: ResolvedOperand; rows: BookRow[] }[]): Finding[] {
  const l = valueOver(ctx, left, leftRows);
  const r = rights.map((side) => valueOver(ctx, side.resolved, side.rows));
  if (l.present === 0 && r.every((v) => v.present === 0)) return [];
  const rightValue = r.reduce((acc, v) => acc.plus(v.value), new Dec(0));
  const locations = [...locationsOver(ctx, left, leftRows), ...rights.flatMap((side) => locationsOver(ctx, side.resolved, side.rows))];
  const leftText = describeOperand(ctx, left, leftRows);
  const rightText = rights.map((side) => describeOperand(ctx, side.resolved, side.rows)).join('+');
  const base = { key, rule: rule.id, locations, expected: toCanonical(rightValue), actual: toCanonical(l.value) };
  if (rule.relation !== '=') {
    const holds = rule.relation === '>=' ? l.value.gte(rightValue) : l.value.lte(rightValue);
    if (holds) return [];
    return [{ ...base, severity: rule.severity, message: compareMessage(leftText, l.value, rule.relation, rightText, rightValue), difference: toCanonical(l.value.minus(rightValue)) }];
  }
  const addends = Math.max(l.present, r.reduce((n, v) => n + v.present, 0));
  const verdict = judgeSum(l.value, rightValue, addends, rule.tolerance === 'rounded' ? ctx.quantum : undefined);
  if (verdict.status === 'equal') return [];
  const tail = verdict.status === 'tail';
  return [
    {
      ...base,
      severity: tail ? 'warning' : rule.severity,
      message: sumMessage(leftText, l.value, rightText, rightValue, verdict.difference, tail),
      difference: toCanonical(verdict.difference),
      ...(tail ? { roundingTail: true } : {}),
    },
  ];
}

function missing(ctx: CompileContext, rule: MatchRule, key: string, side: { resolved: ResolvedOperand; rows: BookRow[]; other: ResolvedOperand }): Finding[] {
  const { value, present } = valueOver(ctx, side.resolved, side.rows);
  if (present === 0 || value.isZero()) return [];
  const row = side.rows[0] as BookRow;
  const what = rule.pairBy === 'code' ? `科目 ${row.code ?? ''}` : `「${row.name}」行`;
  return [
    {
      key,
      rule: rule.id,
      severity: rule.severity,
      message: missingCounterpartMessage(describeOperand(ctx, side.resolved, side.rows), value, ctx.describe.tableName(side.other.operand.table), what),
      locations: locationsOver(ctx, side.resolved, side.rows),
      actual: toCanonical(value),
      expected: '0.00',
      difference: toCanonical(value),
    },
  ];
}
