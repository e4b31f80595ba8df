// Checks on 项目资金（元）: the split adds up, and the 年度 total agrees with 表十二's 万元 amount.
import { convertUnit, Dec, parseAmount, roundHalfUp, toCanonical } from '../money';
import { FUND_SOURCE_LABELS, FUND_SOURCES, PERFORMANCE_PERIODS, type FundBreakdown, type PerformancePeriod, type PerformanceTargetForm } from './types';

type Amount = { ok: true; value: Dec } | { ok: false; text: string };

/** A form amount: blank is zero, anything unreadable is reported rather than guessed. */
function readAmount(text: string | undefined): Amount {
  const parsed = parseAmount(text);
  if (parsed.kind === 'blank') return { ok: true, value: new Dec(0) };
  if (parsed.kind === 'value') return { ok: true, value: parsed.value };
  return { ok: false, text: parsed.text };
}

/** Canonical 元 string for a form cell ("28,569.78" → "28569.78"); blank → undefined; unreadable → undefined. */
export function toFundAmount(text: string | number | undefined): string | undefined {
  const parsed = parseAmount(text);
  return parsed.kind === 'value' ? toCanonical(parsed.value) : undefined;
}

export interface AnnualFundsCheck {
  ok: boolean;
  /** 表十二's amount, 万元, 2 decimals. */
  expectedWan: string;
  /** 年度资金总额 as on the form, 元. */
  actualYuan: string;
  /** actualYuan in 万元 without rounding ("2.856978"). */
  exactWan: string;
  /** exactWan 四舍五入 to 2 decimals. */
  roundedWan: string;
  /** roundedWan − expectedWan, 万元. */
  difference: string;
  /** Set when not ok. */
  message?: string;
}

/** 年度资金总额 (元) must round to the project's 万元 amount in 表十二 (项目支出预算表). */
export function checkAnnualFunds(form: PerformanceTargetForm, projectAmountWan: string): AnnualFundsCheck {
  const actual = readAmount(form.funds['年度'].total);
  const expected = readAmount(projectAmountWan);
  if (!actual.ok || !expected.ok) {
    const bad = !actual.ok ? `年度资金总额“${actual.text}”` : `项目支出预算表金额“${projectAmountWan}”`;
    return {
      ok: false,
      expectedWan: expected.ok ? toCanonical(roundHalfUp(expected.value)) : projectAmountWan,
      actualYuan: actual.ok ? toCanonical(actual.value) : (form.funds['年度'].total ?? ''),
      exactWan: '',
      roundedWan: '',
      difference: '',
      message: `项目“${form.projectName}”：${bad}不是有效金额`,
    };
  }
  const exactWan = convertUnit(actual.value, '元', '万元');
  const roundedWan = roundHalfUp(exactWan);
  const difference = roundedWan.minus(expected.value);
  const result: AnnualFundsCheck = {
    ok: difference.isZero(),
    expectedWan: toCanonical(expected.value),
    actualYuan: toCanonical(actual.value),
    exactWan: toCanonical(exactWan, 0),
    roundedWan: toCanonical(roundedWan),
    difference: toCanonical(difference),
  };
  if (!result.ok) {
    result.message =
      `项目“${form.projectName}”绩效目标表年度资金总额${result.actualYuan}元，折合${result.roundedWan}万元，` +
      `与项目支出预算表${result.expectedWan}万元不符（相差${result.difference}万元）`;
  }
  return result;
}

export interface FundSplitCheck {
  ok: boolean;
  period: PerformancePeriod;
  /** 资金总额, 元. */
  total: string;
  /** 中央 + 省级 + 市县（区） + 单位自筹 + 其他, 元. */
  sumOfSources: string;
  /** total − sumOfSources, 元. */
  difference: string;
  message?: string;
}

/** The sources must add up to 资金总额 exactly: the form is in 元, so there is no 尾差 to allow. */
export function checkFundSplit(funds: FundBreakdown, period: PerformancePeriod): FundSplitCheck {
  const total = readAmount(funds.total);
  let sum = new Dec(0);
  const unreadable: string[] = [];
  if (!total.ok) unreadable.push('资金总额');
  for (const source of FUND_SOURCES) {
    const amount = readAmount(funds[source]);
    if (amount.ok) sum = sum.plus(amount.value);
    else unreadable.push(FUND_SOURCE_LABELS[source]);
  }
  const totalValue = total.ok ? total.value : new Dec(0);
  const difference = totalValue.minus(sum);
  const result: FundSplitCheck = {
    ok: unreadable.length === 0 && difference.isZero(),
    period,
    total: total.ok ? toCanonical(totalValue) : (funds.total ?? ''),
    sumOfSources: toCanonical(sum),
    difference: toCanonical(difference),
  };
  if (unreadable.length > 0) {
    result.message = `${period}资金：${unreadable.join('、')}不是有效金额`;
  } else if (!result.ok) {
    result.message =
      `${period}资金总额${result.total}元，不等于${sourcesNamed(funds)}之和` +
      `${result.sumOfSources}元（相差${result.difference}元）`;
  }
  return result;
}

/** The sources a split adds, as the form names them: 山西's five, or the national template's 财政拨款 and the rest. */
function sourcesNamed(funds: FundBreakdown): string {
  if (funds.fiscal === undefined) return '中央、省级、市县（区）财政资金、单位自筹与其他资金';
  const named = FUND_SOURCES.filter((source) => funds[source] !== undefined).map((source) => FUND_SOURCE_LABELS[source]);
  return named.length > 1 ? `${named.slice(0, -1).join('、')}与${named[named.length - 1] ?? ''}` : (named[0] ?? '');
}

/** Both periods of a form. */
export function checkFormFundSplits(form: PerformanceTargetForm): FundSplitCheck[] {
  return PERFORMANCE_PERIODS.map((period) => checkFundSplit(form.funds[period], period));
}
