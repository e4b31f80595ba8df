import { describe, expect, it } from 'vitest';
import { convertUnit, Dec, formatAmount, fromSpreadsheetNumber, parseAmount, parseUnitLabel, roundHalfUp, toCanonical } from '../src/shared/money';

const value = (input: string | number): string => {
  const parsed = parseAmount(input);
  if (parsed.kind !== 'value') throw new Error(`expected a value for ${String(input)}, got ${parsed.kind}`);
  return parsed.value.toString();
};

describe('parseAmount', () => {
  it('reads what clerks type and workbooks store as text', () => {
    expect(value('1,234.50')).toBe('1234.5');
    expect(value('1234.50')).toBe('1234.5');
    expect(value('１２３４．５')).toBe('1234.5');
    expect(value(' 472.39 ')).toBe('472.39');
    expect(value('-12.30')).toBe('-12.3');
    expect(value('(12.30)')).toBe('-12.3');
    expect(value('1,234,567.89')).toBe('1234567.89');
    expect(value('¥100')).toBe('100');
    expect(value('0')).toBe('0');
  });

  it('treats blank and dash marks as blank, and keeps an explicit zero as a value', () => {
    for (const blank of ['', '  ', '-', '—', '－', '/', null, undefined]) expect(parseAmount(blank).kind).toBe('blank');
    expect(parseAmount('0.00')).toMatchObject({ kind: 'value' });
    expect(parseAmount(0)).toMatchObject({ kind: 'value' });
  });

  it('rejects text that is not an amount', () => {
    for (const bad of ['abc', '12.5万元', '1,23.4', '1.2.3', '12a', Number.NaN]) expect(parseAmount(bad).kind).toBe('invalid');
  });

  it('turns spreadsheet doubles into the decimals they meant', () => {
    expect(fromSpreadsheetNumber(0.1 + 0.2).toString()).toBe('0.3');
    expect(fromSpreadsheetNumber(472.38999999999993).toString()).toBe('472.39');
    expect(fromSpreadsheetNumber(2.856978).toString()).toBe('2.856978');
  });
});

describe('rounding and formatting', () => {
  it('rounds half up (四舍五入), also for negatives away from zero', () => {
    expect(roundHalfUp(new Dec('2.345')).toString()).toBe('2.35');
    expect(roundHalfUp(new Dec('2.344')).toString()).toBe('2.34');
    expect(roundHalfUp(new Dec('-2.345')).toString()).toBe('-2.35');
    expect(roundHalfUp(new Dec('0.005')).toString()).toBe('0.01');
  });

  it('formats with thousands separators and two decimals', () => {
    expect(formatAmount(new Dec('1234567.891'))).toBe('1,234,567.89');
    expect(formatAmount(new Dec('-1234.5'))).toBe('-1,234.50');
    expect(formatAmount(new Dec('-0.001'))).toBe('0.00');
    expect(formatAmount(new Dec('42'), { thousands: false, decimals: 0 })).toBe('42');
  });

  it('keeps canonical strings exact', () => {
    expect(toCanonical(new Dec('42'))).toBe('42.00');
    expect(toCanonical(new Dec('2.856978'))).toBe('2.856978');
  });

  it('converts 元 ↔ 万元 exactly', () => {
    expect(convertUnit(new Dec('28569.78'), '元', '万元').toString()).toBe('2.856978');
    expect(convertUnit(new Dec('2.856978'), '万元', '元').toString()).toBe('28569.78');
  });

  it('reads unit labels, even broken over lines', () => {
    expect(parseUnitLabel('单位：万元')).toBe('万元');
    expect(parseUnitLabel('单位:\n万元')).toBe('万元');
    expect(parseUnitLabel('金额单位：元')).toBe('元');
    expect(parseUnitLabel('部门名称：某局')).toBeUndefined();
  });
});

describe('decimalText', () => {
  it('prints exactly the decimals asked for, 四舍五入, with no float in between', async () => {
    const { decimalText } = await import('../src/shared/money');
    expect(decimalText(new Dec('43.6'), 2)).toBe('43.60');
    expect(decimalText(new Dec('87.708'), 2)).toBe('87.71');
    expect(decimalText(new Dec('0.125'), 2)).toBe('0.13');
    expect(decimalText(new Dec('-0.125'), 2)).toBe('-0.13');
    expect(decimalText(new Dec('12345678901234567890.005'), 2)).toBe('12345678901234567890.01');
  });
});

describe('fast paths of the importer', () => {
  it('plainSpreadsheetNumber gives what the decimal path gives, or declines', async () => {
    const { plainSpreadsheetNumber } = await import('../src/shared/money');
    const { seededRandom } = await import('./helpers/rng');
    const random = seededRandom(7);
    const samples = [0, -0, 5, 5.5, -0.5, 472.38999999999993, 0.1 + 0.2, 1e20, 1e21, 1e-7, 0.12345678901, 123456789012.34];
    for (let i = 0; i < 2000; i++) samples.push(Math.round((random() - 0.5) * 10 ** (1 + (i % 12))) / 10 ** (i % 5), (random() - 0.5) * 10 ** (i % 9));
    let declined = 0;
    for (const n of samples) {
      const fast = plainSpreadsheetNumber(n);
      if (fast === undefined) declined++;
      else expect(fast, String(n)).toBe(toCanonical(fromSpreadsheetNumber(n)));
    }
    expect(plainSpreadsheetNumber(-0.5)).toBe('-0.50');
    expect(plainSpreadsheetNumber(1e21)).toBeUndefined();
    expect(declined).toBeLessThan(samples.length / 2); // the fast path is the usual one
  });

  it('toScaledInteger counts exact quanta, rounding half up beyond the scale', async () => {
    const { toScaledInteger, fractionDigits } = await import('../src/shared/money');
    expect(toScaledInteger('12.5', 2)).toBe(1250n);
    expect(toScaledInteger('-3', 2)).toBe(-300n);
    expect(toScaledInteger('0.125', 2)).toBe(13n);
    expect(toScaledInteger('-0.125', 2)).toBe(-13n);
    expect(toScaledInteger('98765432109876543210.01', 2)).toBe(9876543210987654321001n);
    expect(fractionDigits('12.50')).toBe(2);
    expect(fractionDigits('7')).toBe(0);
  });
});
