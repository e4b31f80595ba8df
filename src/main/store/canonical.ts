// The store keeps money as canonical decimal strings (see src/shared/money.ts toCanonical): plain digits,
// optional leading minus, optional fraction. No separators, exponents, "+", spaces, leading zeros or "-0".
const CANONICAL_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const NEGATIVE_ZERO = /^-0(?:\.0+)?$/;

export function isCanonicalDecimal(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL_DECIMAL.test(value) && !NEGATIVE_ZERO.test(value);
}
