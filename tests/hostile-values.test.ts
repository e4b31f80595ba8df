// Hostile values end in a clear answer, never a hang or an English exception: amounts of any length format in
// one linear pass, and a date-formatted cell holding no real date is read as text (reported, not thrown).
import { describe, expect, it } from 'vitest';
import { toGridCell } from '../src/main/import/read-xlsx';
import { Dec, formatAmount } from '../src/shared/money';

describe('formatAmount', () => {
  it('groups thousands exactly as before for every length, sign and decimals', () => {
    const reference = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    for (let length = 1; length <= 40; length++) {
      const digits = '9876543210'.repeat(4).slice(0, length).replace(/^0+(?=\d)/, '');
      expect(formatAmount(new Dec(digits))).toBe(`${reference(digits)}.00`);
      expect(formatAmount(new Dec(`-${digits}.5`), { decimals: 1 })).toBe(`-${reference(digits)}.5`);
    }
    expect(formatAmount(new Dec('1234567.891'), { thousands: false })).toBe('1234567.89');
  });

  it('formats a 100,000-digit amount (a hostile workbook) without a quadratic scan', () => {
    const huge = `1${'0'.repeat(99_999)}`;
    const text = formatAmount(new Dec(huge), { decimals: 0 });
    expect(text.length).toBe(100_000 + 33_333);
    expect(text.startsWith('1,000,000')).toBe(true);
  });
});

describe('date cells', () => {
  it('reads a real date as YYYY-MM-DD and an impossible one as text, without throwing', () => {
    expect(toGridCell(new Date(Date.UTC(2024, 0, 31)))).toEqual({ value: '2024-01-31' });
    expect(() => toGridCell(new Date(Number.NaN))).not.toThrow();
    expect(toGridCell(new Date(Number.NaN))).toEqual({ value: '（无效日期）' });
  });
});
