// perf.project: the forms against the family's project table (表十二 in 山西, 表10 in 河南), paired by matchForms so
// the import notices, these findings and the 绩效目标 view agree. 年度资金总额 is in 元, the project in 万元 (or the
// book's unit): the form's figure, converted, rounds (四舍五入) to the project's at the precision the project holds.
import { convertUnit, Dec, parseAmount, roundHalfUp, toCanonical } from '../../money';
import type { Finding, ProjectFormsRule } from '../../validation/types';
import { matchForms, type ProjectRef } from '../match';
import { formFinding, formRefs, projectText, type FormCheckContext, type FormRef } from './context';

const FIELD = 'funds.年度.total';
const LABEL = '年度资金总额';

export function checkProjectForms(rule: ProjectFormsRule, ctx: FormCheckContext): Finding[] {
  if (!ctx.book.performanceForms) return [];
  const matching = matchForms(ctx.book);
  const refs = formRefs(ctx.book);
  const out: Finding[] = [];
  for (const { project, formIndex } of matching.projects) {
    if (project.amountWan === undefined || new Dec(project.amountWan).isZero()) continue;
    const ref = formIndex === undefined ? undefined : refs[formIndex];
    if (ref) out.push(...annualFunds(rule, ctx, ref, project));
    else out.push(missingForm(rule, ctx, project));
  }
  const tableName = ctx.describe.tableName(rule.table);
  for (const formIndex of matching.formsWithoutProject) {
    const ref = refs[formIndex] as FormRef;
    const unit = ref.form.implementingUnit.trim() ? `（实施单位“${ref.form.implementingUnit.trim()}”）` : '';
    out.push(formFinding(rule, rule.unmatchedSeverity, ref, 'projectName', 'projectName', '项目名称', `${projectText(ref.form)}${unit}的绩效目标表在${tableName}中没有同名项目，请核对项目名称。`));
  }
  for (const formIndex of matching.duplicateForms) {
    const ref = refs[formIndex] as FormRef;
    out.push(formFinding(rule, rule.unmatchedSeverity, ref, 'projectName', 'projectName', '项目名称', `${tableName}${projectText(ref.form)}已有一张绩效目标表，这一张（第 ${formIndex + 1} 张）与它重复。`));
  }
  return out;
}

function projectLocation(rule: ProjectFormsRule, ctx: FormCheckContext, project: ProjectRef) {
  const row = ctx.index.row(rule.table, 'main', project.rowKey);
  return row ? [ctx.describe.location(rule.table, 'main', row, rule.column)] : [];
}

function missingForm(rule: ProjectFormsRule, ctx: FormCheckContext, project: ProjectRef): Finding {
  const row = ctx.index.row(rule.table, 'main', project.rowKey);
  const subject = row ? ctx.describe.cell(rule.table, 'main', row) : `${ctx.describe.tableName(rule.table)}「${project.name}」`;
  return {
    key: `${rule.id}:${project.rowKey}`,
    rule: rule.id,
    severity: rule.missingSeverity,
    message: `${subject}（${project.amountWan ?? ''} 万元）没有项目支出绩效目标表。`,
    locations: projectLocation(rule, ctx, project),
  };
}

function annualFunds(rule: ProjectFormsRule, ctx: FormCheckContext, ref: FormRef, project: ProjectRef): Finding[] {
  const printed = ref.form.funds['年度'].total;
  const parsed = parseAmount(printed);
  const expected = new Dec(project.amountWan as string);
  const locations = projectLocation(rule, ctx, project);
  const finding = (message: string, extra: Partial<Finding> = {}): Finding[] => [formFinding(rule, rule.severity, ref, FIELD, FIELD, LABEL, message, { locations, ...extra })];
  if (parsed.kind === 'blank') {
    return finding(`${projectText(ref.form)}绩效目标表未填年度资金总额，项目支出预算表为${toCanonical(expected)}万元。`, { expected: toCanonical(expected) });
  }
  if (parsed.kind !== 'value') return finding(`${projectText(ref.form)}：年度资金总额“${printed ?? ''}”不是有效金额。`);
  // The project's precision: 2 decimals of 万元 as published; to the 分 (6 decimals of 万元) when the book holds 元.
  const decimals = ctx.book.unit === '元' ? 6 : Math.max(2, expected.decimalPlaces());
  const rounded = roundHalfUp(convertUnit(parsed.value, '元', '万元'), decimals);
  const difference = rounded.minus(expected);
  if (difference.isZero()) return [];
  const [actualText, roundedText, expectedText, differenceText] = [toCanonical(parsed.value), toCanonical(rounded), toCanonical(expected), toCanonical(difference)];
  return finding(`${projectText(ref.form)}绩效目标表年度资金总额${actualText}元，折合${roundedText}万元，与项目支出预算表${expectedText}万元不符（相差${differenceText}万元）。`, {
    expected: expectedText,
    actual: roundedText,
    difference: differenceText,
  });
}
