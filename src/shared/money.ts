// Exact money. Amounts are decimal.js values; nothing here ever touches binary floating point
// except `fromSpreadsheetNumber`, which turns the double Excel stored into the decimal it meant.
import Decimal from 'decimal.js';

export type MoneyUnit = '元' | '万元';

/** Own Decimal constructor so global config elsewhere cannot change our rounding. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/**
 * What a cell means. Blank, "-", "—", "－" and "/" all mean "nothing here": zero in every sum, shown blank,
 * omitted from dumps. An explicit 0 is a value: it is kept, shown as 0.00 and dumped.
 */
export type ParsedAmount =
  | { kind: 'blank' }
  | { kind: 'value'; value: Dec }
  | { kind: 'invalid'; text: string };

const BLANK_MARKS = new Set(['', '-', '—', '－', '–', '/', '／', '——', '--']);

/** Full-width digits, signs, separators and the ideographic space become ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Parses what a clerk types or a workbook stores as text: "1,234.50", "１２３４.５", "(12.00)" (negative),
 * "-12", "12.5万元" is *not* accepted (units belong to the table, not the cell).
 */
export function parseAmount(input: string | number | null | undefined): ParsedAmount {
  if (input === null || input === undefined) return { kind: 'blank' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { kind: 'invalid', text: String(input) };
    return { kind: 'value', value: fromSpreadsheetNumber(input) };
  }
  const trimmed = toHalfWidth(input).replace(/\s+/g, '');
  if (BLANK_MARKS.has(trimmed)) return { kind: 'blank' };
  let text = trimmed.replace(/[¥￥]/g, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1] ?? '';
  }
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/.test(text)) return { kind: 'invalid', text: input };
  const value = new Dec(text.replace(/,/g, ''));
  return { kind: 'value', value: negative ? value.negated() : value };
}

/**
 * Excel stores every number as a double; 0.1+0.2 style noise appears in cached formula results
 * (472.38999999999993). The shortest round-trip decimal of the double is what the author typed;
 * formula noise beyond 10 significant decimals is rounded away.
 */
export function fromSpreadsheetNumber(n: number): Dec {
  const shortest = new Dec(String(n));
  if (shortest.decimalPlaces() > 10) return shortest.toDecimalPlaces(10, Dec.ROUND_HALF_UP);
  return shortest;
}

/** Digits after the point of a plain decimal string ("12.50" → 2, "7" → 0). */
export function fractionDigits(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * A plain decimal string as an exact integer count of 10^-scale ("12.5", 2 → 1250n). Digits beyond `scale` are
 * rounded 四舍五入; text that is not a plain decimal goes through Dec.
 */
export function toScaledInteger(text: string, scale: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  const fraction = match?.[3] ?? '';
  if (!match || fraction.length > scale) return BigInt(new Dec(text).times(new Dec(10).pow(scale)).toFixed(0, Dec.ROUND_HALF_UP));
  return BigInt(`${match[1]}${match[2]}${fraction.padEnd(scale, '0')}`);
}

/**
 * toCanonical(fromSpreadsheetNumber(n)) for the usual cell — a finite double whose shortest text is plain, with at
 * most 10 decimals and 20 integer digits — without building a decimal; undefined for any other number.
 */
export function plainSpreadsheetNumber(n: number): string | undefined {
  const match = /^(-?\d{1,20})(?:\.(\d{1,10}))?$/.exec(String(n));
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  return `${match[1]}.${fraction.padEnd(2, '0')}`;
}

/** Canonical decimal string for storage and dumps: no exponent, no trailing zeros beyond `minDecimals`. */
export function toCanonical(value: Dec, minDecimals = 2): string {
  const places = Math.max(minDecimals, value.decimalPlaces());
  return value.toFixed(places, Dec.ROUND_HALF_UP);
}

/** The figure as text with exactly `decimals` places (四舍五入): 43.6 → "43.60", 87.708 → "87.71". Exact, never a float. */
export function decimalText(value: Dec, decimals: number): string {
  return value.toFixed(decimals, Dec.ROUND_HALF_UP);
}

/** 四舍五入 to `decimals` places. */
export function roundHalfUp(value: Dec, decimals = 2): Dec {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

/** Converts exactly between 元 and 万元 (a shift by four places, never a rounding). */
export function convertUnit(value: Dec, from: MoneyUnit, to: MoneyUnit): Dec {
  if (from === to) return value;
  return from === '元' ? value.dividedBy(10000) : value.times(10000);
}

export interface FormatOptions {
  decimals?: number;
  thousands?: boolean;
}

/** Display form: 四舍五入 to `decimals` (default 2), thousands separators, leading minus for negatives. */
export function formatAmount(value: Dec, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const fixed = value.toFixed(decimals, Dec.ROUND_HALF_UP);
  const negative = fixed.startsWith('-') && !/^-0(\.0+)?$/.test(fixed);
  const unsigned = fixed.replace(/^-/, '');
  const [whole = '0', fraction] = unsigned.split('.');
  const grouped = options.thousands === false ? whole : groupThousands(whole);
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** "1234567" → "1,234,567" in one pass: a look-ahead regex is quadratic on hostile 100,000-digit amounts. */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(',');
}

/** Reads a unit declaration such as "单位：万元", "金额单位: 元", "单位：\n万元". */
export function parseUnitLabel(text: string): MoneyUnit | undefined {
  const compact = toHalfWidth(text).replace(/\s+/g, '');
  const match = /单位[:：]?(万元|元)/.exec(compact);
  return match ? (match[1] as MoneyUnit) : undefined;
}

export function sumAmounts(values: Iterable<Dec>): Dec {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * No budget figure has more than 20 integer digits (10^20 元 is far beyond any state budget); a longer one in a
 * workbook is damage or an attack and is refused with a notice. The API's amount text has the same bound.
 */
export const MAX_AMOUNT_INTEGER_DIGITS = 20;

export function withinAmountRange(value: Dec): boolean {
  return value.isFinite() && value.abs().lt(new Dec(10).pow(MAX_AMOUNT_INTEGER_DIGITS));
}
