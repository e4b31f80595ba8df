// perf.indicators.required / .value / .levels: the indicator tree is complete (产出, 效益 and 满意度 in every period
// the form fills), every 三级指标 has its 指标值, and the 一级/二级 names belong to the standard framework.
import { normaliseName } from '../../catalogue/normalise';
import type { Finding, FormIndicatorCategoriesRule, FormIndicatorLevelsRule, FormIndicatorValuesRule } from '../../validation/types';
import { parseAmount } from '../../money';
import { checkIndicatorLevels, INDICATOR_FRAMEWORK, matchLevel1, matchLevel2 } from '../framework';
import { PERFORMANCE_PERIODS, type PerformanceIndicator, type PerformancePeriod, type PerformanceTargetForm } from '../types';
import { formFinding, formRefs, indicatorFinding, indicatorIdentities, indicatorPath, isBlankIndicator, projectText, type FormCheckContext } from './context';

/**
 * The standard 一级指标 an indicator belongs to: its printed 一级 name, else the one its 二级 name belongs to. A 一级
 * that is a 二级 name of the framework (the newer 一级 「成本指标」) counts for the 一级 it belongs to (产出).
 */
export function indicatorCategory(indicator: PerformanceIndicator): string | undefined {
  return matchLevel1(indicator.level1) ?? matchLevel2(indicator.level2)?.level1 ?? matchLevel2(indicator.level1)?.level1;
}

/** A period the form fills: it has indicators, a 资金总额 or a 总体目标. */
function fills(form: PerformanceTargetForm, period: PerformancePeriod): boolean {
  return (
    form.indicators.some((i) => i.period === period && !isBlankIndicator(i)) ||
    parseAmount(form.funds[period].total).kind !== 'blank' ||
    Boolean(form.overallGoals[period]?.trim())
  );
}

export function checkFormIndicatorCategories(rule: FormIndicatorCategoriesRule, ctx: FormCheckContext): Finding[] {
  return formRefs(ctx.book).flatMap((ref) =>
    PERFORMANCE_PERIODS.filter((period) => rule.periods.includes(period) || fills(ref.form, period)).flatMap((period): Finding[] => {
      const indicators = ref.form.indicators.filter((i) => i.period === period && !isBlankIndicator(i));
      if (indicators.length === 0) {
        return [formFinding(rule, rule.severity, ref, 'indicators', `indicators:${period}`, `${period}绩效指标`, `${projectText(ref.form)}的绩效目标表没有${period}绩效指标。`)];
      }
      const present = new Set(indicators.map(indicatorCategory));
      return rule.categories
        .filter((category) => !present.has(matchLevel1(category) ?? category))
        .map((category) => {
          const level2 = INDICATOR_FRAMEWORK.find((entry) => entry.name === (matchLevel1(category) ?? category))?.level2 ?? [];
          const kinds = level2.length > 1 ? `（${level2.join('、')}）` : '';
          return formFinding(rule, rule.severity, ref, 'indicators', `indicators:${period}:${normaliseName(category)}`, `${period}${category}`, `${projectText(ref.form)}的${period}绩效指标中没有${category}${kinds}，应至少填写一项。`);
        });
    }),
  );
}

export function checkFormIndicatorValues(rule: FormIndicatorValuesRule, ctx: FormCheckContext): Finding[] {
  return formRefs(ctx.book).flatMap((ref) => {
    const identities = indicatorIdentities(ref.form);
    return ref.form.indicators.flatMap((indicator, i): Finding[] => {
      if (isBlankIndicator(indicator)) return [];
      if (!indicator.value.trim()) {
        return [indicatorFinding(rule, rule.severity, ref, identities, i, 'value', `${projectText(ref.form)}${indicator.period}指标“${indicatorPath(indicator)}”没有填写指标值。`)];
      }
      if (!indicator.level3.trim()) {
        return [indicatorFinding(rule, rule.severity, ref, identities, i, 'level3', `${projectText(ref.form)}${indicator.period}指标“${indicatorPath(indicator)}”有指标值“${indicator.value.trim()}”，但没有填写三级指标名称。`)];
      }
      return [];
    });
  });
}

export function checkFormIndicatorLevels(rule: FormIndicatorLevelsRule, ctx: FormCheckContext): Finding[] {
  return formRefs(ctx.book).flatMap((ref) => {
    const identities = indicatorIdentities(ref.form);
    return ref.form.indicators.flatMap((indicator, i): Finding[] => {
      if (isBlankIndicator(indicator)) return [];
      const problem = checkIndicatorLevels(indicator.level1, indicator.level2);
      if (!problem) return [];
      const field = problem.startsWith('缺少一级') || problem.startsWith('一级') ? 'level1' : 'level2';
      return [indicatorFinding(rule, rule.severity, ref, identities, i, field, `${projectText(ref.form)}${indicator.period}指标“${indicatorPath(indicator)}”：${problem}。`)];
    });
  });
}
