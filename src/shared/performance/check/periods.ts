// perf.indicators.periods: the 实施期 and 年度 columns describe the same indicators. Each indicator has a counterpart
// in the other period under the same 一级/二级 with the same 三级 name — the 年度 column is narrower, so a name cut
// short (「确保处置工作所」 for 「确保处置工作所需经费」, at least `minPrefix` characters) is the same name. For a
// one-year project the two columns are the same year, so the counterparts' 指标值 agree as well.
import { normaliseName } from '../../catalogue/normalise';
import type { Finding, FormIndicatorPeriodsRule } from '../../validation/types';
import { matchLevel2 } from '../framework';
import type { PerformanceIndicator, PerformancePeriod } from '../types';
import { formRefs, indicatorFinding, indicatorIdentities, indicatorPath, isBlankIndicator, projectText, type FormCheckContext, type FormRef } from './context';
import { isOneYearProject } from './funds';
import { indicatorCategory } from './indicators';

const OTHER: Record<PerformancePeriod, PerformancePeriod> = { 实施期: '年度', 年度: '实施期' };

/** 一级/二级 agree: the same standard names where both are known; a blank 二级 (a row that lost it) agrees with any. */
function sameLevels(a: PerformanceIndicator, b: PerformanceIndicator): boolean {
  const [c1, c2] = [indicatorCategory(a), indicatorCategory(b)];
  if (c1 && c2 && c1 !== c2) return false;
  const [l1, l2] = [normaliseName(a.level2), normaliseName(b.level2)];
  if (!l1 || !l2) return true;
  return (matchLevel2(a.level2)?.level2 ?? l1) === (matchLevel2(b.level2)?.level2 ?? l2);
}

/** 'exact', 'prefix' (one name is the other cut short, ≥ minPrefix characters) or undefined. */
export function sameIndicatorName(a: string, b: string, minPrefix: number): 'exact' | 'prefix' | undefined {
  const [x, y] = [normaliseName(a), normaliseName(b)];
  if (!x || !y) return undefined;
  if (x === y) return 'exact';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return [...short].length >= minPrefix && long.startsWith(short) ? 'prefix' : undefined;
}

const sameValue = (a: string, b: string): boolean => normaliseName(a) === normaliseName(b);

/** Pairs each 年度 indicator with a 实施期 one: exact names first, then names cut short, in form order. */
function pairIndicators(indicators: readonly PerformanceIndicator[], minPrefix: number): Map<number, number> {
  const byPeriod = (period: PerformancePeriod) => indicators.flatMap((indicator, i) => (indicator.period === period && indicator.level3.trim() ? [i] : []));
  const [years, wholes] = [byPeriod('年度'), byPeriod('实施期')];
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (const wanted of ['exact', 'prefix'] as const) {
    for (const y of years) {
      if (pairs.has(y)) continue;
      const a = indicators[y] as PerformanceIndicator;
      const w = wholes.find((w) => {
        const b = indicators[w] as PerformanceIndicator;
        return !taken.has(w) && sameLevels(a, b) && sameIndicatorName(a.level3, b.level3, minPrefix) === wanted;
      });
      if (w === undefined) continue;
      pairs.set(y, w);
      taken.add(w);
    }
  }
  return pairs;
}

export function checkIndicatorPeriods(rule: FormIndicatorPeriodsRule, ctx: FormCheckContext): Finding[] {
  return formRefs(ctx.book).flatMap((ref) => checkForm(rule, ref));
}

function checkForm(rule: FormIndicatorPeriodsRule, ref: FormRef): Finding[] {
  const { indicators } = ref.form;
  const named = (period: PerformancePeriod) => indicators.some((i) => i.period === period && !isBlankIndicator(i));
  // A period without any indicator is perf.indicators.required's finding, not one per indicator of the other.
  if (!named('实施期') || !named('年度')) return [];
  const identities = indicatorIdentities(ref.form);
  const pairs = pairIndicators(indicators, rule.minPrefix);
  const paired = new Set([...pairs.keys(), ...pairs.values()]);
  const out: Finding[] = [];
  indicators.forEach((indicator, i) => {
    if (!indicator.level3.trim() || paired.has(i)) return;
    const other = OTHER[indicator.period];
    out.push(
      indicatorFinding(rule, rule.severity, ref, identities, i, 'level3', `${projectText(ref.form)}${indicator.period}指标“${indicatorPath(indicator)}”在${other}指标中没有对应的同名指标（二级指标相同、三级指标名称相同）。`),
    );
  });
  if (isOneYearProject(ref.form, rule.oneYearTerms)) {
    for (const [y, w] of pairs) {
      const [year, whole] = [indicators[y] as PerformanceIndicator, indicators[w] as PerformanceIndicator];
      if (!year.value.trim() || !whole.value.trim() || sameValue(year.value, whole.value)) continue;
      out.push(
        indicatorFinding(
          rule,
          rule.severity,
          ref,
          identities,
          y,
          'value',
          `${projectText(ref.form)}项目期为“${ref.form.projectTerm.trim()}”，年度指标“${indicatorPath(year)}”的指标值“${year.value.trim()}”与实施期“${whole.value.trim()}”不一致。`,
        ),
      );
    }
  }
  return out;
}
