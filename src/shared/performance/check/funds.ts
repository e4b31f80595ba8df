// perf.funds.split and perf.funds.periods: the form's own 项目资金（元） adds up, and the implementation period
// covers the budget year (the whole of it for a one-year project).
import { normaliseName } from '../../catalogue/normalise';
import { parseAmount, toCanonical } from '../../money';
import type { Finding, FormFundPeriodsRule, FormFundSplitRule } from '../../validation/types';
import { checkFundSplit } from '../funds';
import { FUND_SOURCE_LABELS, FUND_SOURCES, PERFORMANCE_PERIODS, type FundBreakdown, type PerformancePeriod, type PerformanceTargetForm } from '../types';
import { formFinding, formRefs, projectText, type FormCheckContext } from './context';

const isBlank = (text: string | undefined): boolean => parseAmount(text).kind === 'blank';

export function checkFundSplits(rule: FormFundSplitRule, ctx: FormCheckContext): Finding[] {
  return formRefs(ctx.book).flatMap((ref) =>
    PERFORMANCE_PERIODS.flatMap((period): Finding[] => {
      const funds = ref.form.funds[period];
      const totalField = `funds.${period}.total`;
      const totalLabel = `${period}资金总额`;
      // Nothing broken down (a form that states only its totals): nothing to add up; an unreadable total is still said.
      if (FUND_SOURCES.every((source) => isBlank(funds[source]))) {
        const total = parseAmount(funds.total);
        if (total.kind !== 'invalid') return [];
        return [formFinding(rule, rule.severity, ref, totalField, totalField, totalLabel, `${projectText(ref.form)}：${totalLabel}“${total.text}”不是有效金额。`)];
      }
      const result = checkFundSplit(funds, period);
      if (result.ok) return [];
      const unreadable = unreadableField(funds);
      const field = unreadable ? `funds.${period}.${unreadable}` : totalField;
      const label = unreadable && unreadable !== 'total' ? `${period}${FUND_SOURCE_LABELS[unreadable]}` : totalLabel;
      const figures = unreadable ? {} : { expected: result.sumOfSources, actual: result.total, difference: result.difference };
      return [formFinding(rule, rule.severity, ref, field, field, label, `${projectText(ref.form)}${result.message ?? ''}。`, figures)];
    }),
  );
}

function unreadableField(funds: FundBreakdown): 'total' | (typeof FUND_SOURCES)[number] | undefined {
  if (parseAmount(funds.total).kind === 'invalid') return 'total';
  return FUND_SOURCES.find((source) => parseAmount(funds[source]).kind === 'invalid');
}

/** 项目期 「1年」「一年」「1」 (as the rule lists them); the system's 「99年」 marks an ongoing project. */
export function isOneYearProject(form: PerformanceTargetForm, oneYearTerms: readonly string[]): boolean {
  const term = normaliseName(form.projectTerm ?? '');
  return term !== '' && oneYearTerms.some((t) => normaliseName(t) === term);
}

export function checkFundPeriods(rule: FormFundPeriodsRule, ctx: FormCheckContext): Finding[] {
  return formRefs(ctx.book).flatMap((ref): Finding[] => {
    const total = (period: PerformancePeriod) => parseAmount(ref.form.funds[period].total);
    const [whole, year] = [total('实施期'), total('年度')];
    if (whole.kind !== 'value' || year.kind !== 'value') return [];
    const difference = whole.value.minus(year.value);
    const oneYear = isOneYearProject(ref.form, rule.oneYearTerms);
    if (oneYear ? difference.isZero() : !difference.isNegative()) return [];
    const [wholeText, yearText, differenceText] = [toCanonical(whole.value), toCanonical(year.value), toCanonical(difference)];
    const message = oneYear
      ? `${projectText(ref.form)}项目期为“${ref.form.projectTerm.trim()}”，实施期资金总额${wholeText}元应等于年度资金总额${yearText}元（相差${differenceText}元）。`
      : `${projectText(ref.form)}实施期资金总额${wholeText}元小于年度资金总额${yearText}元（相差${differenceText}元），实施期应包含本年度。`;
    const field = 'funds.实施期.total';
    return [formFinding(rule, rule.severity, ref, field, field, '实施期资金总额', message, { expected: yearText, actual: wholeText, difference: differenceText })];
  });
}
