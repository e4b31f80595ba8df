import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from '../src/renderer/src/grid/tsv';

describe('grid TSV copy', () => {
  it('joins raw values with tabs and CRLF, with a trailing line break like Excel', () => {
    expect(formatTsv([['1234.5', ''], ['合计', '0.00']])).toBe('1234.5\t\r\n合计\t0.00\r\n');
  });
  it('quotes cells holding tabs, line breaks or quotes', () => {
    expect(formatTsv([['a\tb', 'say "hi"', 'x\ny']])).toBe('"a\tb"\t"say ""hi"""\t"x\ny"\r\n');
  });
  it('gives nothing for nothing', () => {
    expect(formatTsv([])).toBe('');
  });
  it('round-trips', () => {
    const rows = [['1', 'a\tb', ''], ['"q"', 'x\r\ny', '3']];
    expect(parseTsv(formatTsv(rows))).toEqual(rows);
  });
});

describe('grid TSV paste parsing', () => {
  it("drops Excel's trailing line break", () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([['1', '2'], ['3', '4']]);
    expect(parseTsv('1\t2\n3\t4\n')).toEqual([['1', '2'], ['3', '4']]);
  });
  it('reads a single value, with or without a line break', () => {
    expect(parseTsv('12.5')).toEqual([['12.5']]);
    expect(parseTsv('12.5\r\n')).toEqual([['12.5']]);
  });
  it('keeps blanks: empty cells, trailing tabs and empty lines', () => {
    expect(parseTsv('1\t\t3\r\n\r\n\t5\t\r\n')).toEqual([['1', '', '3'], [''], ['', '5', '']]);
  });
  it('reads quoted cells with tabs, doubled quotes and line breaks', () => {
    expect(parseTsv('"1,234.50"\t"a\tb"\r\n"say ""hi"""\t"line1\nline2"\r\n')).toEqual([
      ['1,234.50', 'a\tb'],
      ['say "hi"', 'line1\nline2'],
    ]);
  });
  it('reads a stray quote literally', () => {
    expect(parseTsv('5"\t"abc\r\n')).toEqual([['5"', '"abc']]);
  });
  it('keeps full-width digits and invalid text as they are (the grid parses them)', () => {
    expect(parseTsv('１２３４.５\tabc\r\n')).toEqual([['１２３４.５', 'abc']]);
  });
  it('gives no rows for empty text', () => {
    expect(parseTsv('')).toEqual([]);
  });
  it('handles old Mac CR line ends', () => {
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
  });
});
