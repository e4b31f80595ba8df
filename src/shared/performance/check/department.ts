// perf.department.*: the 预算情况 of the 部门（单位）整体绩效目标表 (河南) states figures in 万元 — 部门预算总额, 资金来源
// and 资金结构 — that the tables hold too; which cells is rule data (DepartmentBudgetRule.tables). Compared at the
// precision the form states them; a sum of several rounded table figures may differ by its 尾差 ('rounded').
import { convertUnit, Dec, decimalText, parseAmount, roundHalfUp, toCanonical } from '../../money';
import { cellsOf, describeOperand, locationsOver, resolve, sumOf } from '../../validation/kinds/operand';
import type { DepartmentBudgetField, DepartmentBudgetRule, Finding } from '../../validation/types';
import type { FormLocation } from '../types';
import type { FormCheckContext } from './context';

export const DEPARTMENT_BUDGET_LABELS: Readonly<Record<DepartmentBudgetField, string>> = {
  total: '部门预算总额',
  governmentBudget: '资金来源：政府预算资金',
  specialAccount: '资金来源：财政专户管理资金',
  unitFunds: '资金来源：单位资金',
  basic: '资金结构：基本支出',
  project: '资金结构：项目支出',
};
const FIELDS = Object.keys(DEPARTMENT_BUDGET_LABELS) as DepartmentBudgetField[];

export function checkDepartmentBudget(rule: DepartmentBudgetRule, ctx: FormCheckContext): Finding[] {
  const form = ctx.book.departmentPerformance;
  if (!form) return [];
  // A form that states no 预算情况 at all says nothing to compare; once it states some, a blank one means zero.
  if (FIELDS.every((field) => parseAmount(form.budget[field]).kind === 'blank')) return [];
  if (rule.tables.some((operand) => !ctx.index.table(operand.table))) return [];
  const label = DEPARTMENT_BUDGET_LABELS[rule.field];
  const at: FormLocation = { scope: 'department', name: form.departmentName, field: `budget.${rule.field}`, label };
  const key = `${rule.id}:${form.departmentName.trim()}:budget.${rule.field}`;
  const subject = `部门（单位）整体绩效目标表${label}`;
  const printed = form.budget[rule.field];
  const stated = parseAmount(printed);
  if (stated.kind === 'invalid') return [{ key, rule: rule.id, severity: rule.severity, message: `${subject}“${stated.text}”不是有效金额。`, locations: [], form: at }];
  const statedValue = stated.kind === 'value' ? stated.value : new Dec(0);
  const decimals = Math.max(2, statedValue.decimalPlaces());

  const resolved = rule.tables.map((operand) => resolve(ctx, operand));
  const cells = resolved.flatMap((r) => cellsOf(ctx, r));
  const { value, present } = sumOf(ctx, cells);
  const unit = ctx.book.unit;
  const tables = convertUnit(ctx.index.toDec(value), unit, '万元');
  const difference = statedValue.minus(roundHalfUp(tables, decimals));
  if (difference.isZero()) return [];
  const quantum = ctx.index.quantumOf(cells);
  // 尾差 as DESIGN §5 judges a sum of n ≥ 2 rounded figures: each, and the stated one, may be off by half a quantum.
  // One figure is the stated figure printed again: it must agree.
  const tail = rule.tolerance === 'rounded' && present >= 2 && quantum !== undefined && difference.abs().times(2).lte(convertUnit(ctx.index.toDec(quantum), unit, '万元').times(present + 1));
  const tablesText = resolved.map((r) => describeOperand(ctx, r)).join('+');
  const [statedText, tablesShown, differenceText] = [decimalText(statedValue, decimals), decimalText(tables, decimals), decimalText(difference, decimals)];
  const verdict = tail ? '，在四舍五入的尾差范围内（尾差）' : '';
  return [
    {
      key,
      rule: rule.id,
      severity: tail ? 'warning' : rule.severity,
      message: `${subject}${stated.kind === 'blank' ? '未填写（按 0 计）' : `${statedText}万元`}，与${tablesText} ${tablesShown}万元不符（相差${differenceText}万元）${verdict}。`,
      locations: resolved.flatMap((r) => locationsOver(ctx, r)),
      expected: toCanonical(roundHalfUp(tables, decimals)),
      actual: toCanonical(statedValue),
      difference: toCanonical(difference),
      ...(tail ? { roundingTail: true } : {}),
      form: at,
    },
  ];
}
