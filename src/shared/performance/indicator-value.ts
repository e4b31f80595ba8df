// Reads a 指标值 such as "≥10次", "不超过5万元", "100%" or "满意" into comparator + number + unit.
import { Dec } from '../money';
import type { IndicatorComparator, IndicatorValue, PerformanceIndicator } from './types';

type NumericComparator = Exclude<IndicatorComparator, '定性'>;

// Longer forms first: ">=" must win over ">", "不大于" over "大于".
const PREFIXES: ReadonlyArray<readonly [RegExp, NumericComparator]> = [
  [/^(?:>=|=>|≥|≧|不低于|不少于|不小于|大于等于|大于或等于)/, '≥'],
  [/^(?:<=|=<|≤|≦|不高于|不超过|不多于|不大于|小于等于|小于或等于)/, '≤'],
  [/^(?:>|大于|高于|超过|多于)/, '>'],
  [/^(?:<|小于|低于|少于)/, '<'],
  [/^(?:=|等于)/, '='],
];

// "90%以上" reads as ≥ in Chinese usage (以上/以下 include the bound).
const SUFFIXES: ReadonlyArray<readonly [RegExp, NumericComparator]> = [
  [/(?:及以上|以上)$/, '≥'],
  [/(?:及以下|以下|以内)$/, '≤'],
];

const NUMBER_THEN_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)$/;

/** A unit with a digit in it ("年12月31日前") means the value was a date or phrase, not a measure; "m2" is fine. */
const DIGIT_NOT_AFTER_LETTER = /(?:^|[^A-Za-z])\d/;
/** "2024年底前", "2024年内完成": a deadline, not the number 2024. */
const isYearDeadline = (number: string, unit: string): boolean => /^(?:19|20)\d\d$/.test(number) && /^年./.test(unit);

function takeComparator(text: string, patterns: ReadonlyArray<readonly [RegExp, NumericComparator]>) {
  for (const [pattern, comparator] of patterns) {
    const match = pattern.exec(text);
    if (match) return { comparator, rest: text.replace(pattern, '') };
  }
  return undefined;
}

function readNumeric(compact: string): Omit<IndicatorValue, 'text'> | undefined {
  const prefixed = takeComparator(compact, PREFIXES);
  const suffixed = prefixed ? undefined : takeComparator(compact, SUFFIXES);
  const comparator = prefixed?.comparator ?? suffixed?.comparator ?? '=';
  const rest = prefixed?.rest ?? suffixed?.rest ?? compact;
  const match = NUMBER_THEN_UNIT.exec(rest);
  if (!match) return undefined;
  const unit = match[2] ?? '';
  if (DIGIT_NOT_AFTER_LETTER.test(unit) || isYearDeadline(match[1] ?? '', unit)) return undefined;
  const number = new Dec((match[1] ?? '').replace(/,/g, '')).toFixed();
  return unit ? { comparator, number, unit } : { comparator, number };
}

/** Never throws: anything that is not a comparator + number (+ unit) is '定性' (qualitative). */
export function parseIndicatorValue(text: string): IndicatorValue {
  const raw = typeof text === 'string' ? text : String(text ?? '');
  try {
    // NFKC folds full-width signs and digits ("＜５" → "<5", "％" → "%").
    const compact = raw.normalize('NFKC').replace(/\s+/g, '');
    const numeric = readNumeric(compact);
    if (numeric) return { ...numeric, text: raw };
  } catch {
    // Fall through: an unreadable value is treated as qualitative, never as an error.
  }
  return { comparator: '定性', text: raw };
}

/** The indicator with `parsed` filled from its printed value. */
export function withParsedValue(indicator: PerformanceIndicator): PerformanceIndicator {
  return { ...indicator, parsed: parseIndicatorValue(indicator.value) };
}
