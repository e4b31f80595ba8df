// A figure's rounding quantum is the precision it was printed at (DESIGN §5 with q from the file): whole 元 are
// rounded from 分 (q = 1 元), figures printed to 分 must add up exactly, 万元 with two decimals have q = 0.01 万元;
// the same figure printed at two precisions is compared at the coarser one; a column mixing precisions is a warning.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { openStore } from '../src/main/store';
import type { Book } from '../src/shared/book';
import { formatDecimals, textDecimals } from '../src/shared/number-format';
import { Validator } from '../src/shared/validation';
import { realWorkbook } from './helpers/real-documents';

const tmp = mkdtempSync(join(tmpdir(), 'precision-'));

describe('printed decimals', () => {
  it('reads them from number formats and from numbers typed as text', () => {
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(formatDecimals('#,##0_ ')).toBe(0);
    expect(formatDecimals('0.0%')).toBe(1);
    expect(formatDecimals('#,##0.00;[Red]-#,##0.00')).toBe(2);
    expect(formatDecimals('"￥"#,##0')).toBe(0);
    expect(formatDecimals('General')).toBeUndefined();
    expect(formatDecimals('@')).toBeUndefined();
    expect(formatDecimals('yyyy-mm-dd')).toBeUndefined();
    expect(textDecimals('1,234.50')).toBe(2);
    expect(textDecimals('12')).toBe(0);
    expect(textDecimals('合计')).toBeUndefined();
  });
});

/** A one-table Shanghai workbook (支出预算总表) whose amounts use `format`; 合计 is off by `offBy` 元. */
async function expenditureWorkbook(name: string, format: string, offBy: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('部门支出总表');
  sheet.addRow(['2026年部门支出预算总表']);
  sheet.addRow(['编制部门：某某局', '', '', '', '', '单位：元']);
  sheet.addRow(['项目', '', '', '', '支出预算']);
  sheet.addRow(['功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出']);
  sheet.addRow(['类', '款', '项']);
  const rows: [string, string, string, string, number, number, number][] = [
    ['201', '', '', '一般公共服务支出', 300 + offBy, 200 + offBy, 100],
    ['201', '03', '', '政府办公厅（室）及相关机构事务', 300, 200, 100],
    ['201', '03', '01', '行政运行', 300, 200, 100],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.addRow(['合计', '', '', '', 300 + offBy, 200 + offBy, 100]);
  for (let r = 6; r <= 9; r++) for (const c of [5, 6, 7]) sheet.getCell(r, c).numFmt = format;
  const file = join(tmp, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const errorsAndTails = (book: Book) => {
  const findings = new Validator(book).findings().filter((f) => f.rule.startsWith('t03.'));
  return { errors: findings.filter((f) => f.severity === 'error').length, tails: findings.filter((f) => f.roundingTail).length };
};

describe('rounding tolerance from the printed precision', () => {
  it('whole 元 figures may differ by their 尾差; figures printed to 分 may not', async () => {
    const whole = await importWorkbooks([await expenditureWorkbook('whole.xlsx', '#,##0', 1)], { familyId: 'shanghai-2026-department' });
    expect(whole.book.tables[0]?.precision?.decimals).toEqual({ total: 0, basic: 0, project: 0 });
    expect(errorsAndTails(whole.book)).toEqual({ errors: 0, tails: 2 });
    const cents = await importWorkbooks([await expenditureWorkbook('cents.xlsx', '#,##0.00', 1)], { familyId: 'shanghai-2026-department' });
    expect(errorsAndTails(cents.book)).toEqual({ errors: 2, tails: 0 });
  });

  it('a difference beyond the tolerance of whole 元 is an error', async () => {
    const far = await importWorkbooks([await expenditureWorkbook('far.xlsx', '#,##0', 5)], { familyId: 'shanghai-2026-department' });
    expect(errorsAndTails(far.book)).toEqual({ errors: 2, tails: 0 });
  });

  it('keeps each figure’s precision through the store', async () => {
    const { book, notices } = await importWorkbooks([realWorkbook('shanghai-putuo-sfj-unit-2026')]);
    const store = openStore(join(tmp, 'precision.db'));
    try {
      const id = store.insertBook(book, notices);
      const loaded = store.loadBook(id);
      const t03 = loaded.tables.find((t) => t.tableId === 't03');
      expect(t03?.precision).toEqual(book.tables.find((t) => t.tableId === 't03')?.precision);
      // 22,118,861 is printed in whole 元 among figures printed to 分.
      expect(t03?.rows.find((r) => r.key === 'total')?.values.basic).toMatchObject({ value: '22118861.00', decimals: 0 });
      expect(t03?.precision?.mixed).toEqual(['basic']);
      expect(new Validator(loaded).findings().map((f) => f.key)).toEqual(new Validator(book).findings().map((f) => f.key));
    } finally {
      store.close();
    }
  });

  it('compares a figure printed in 万元 with the same figure in 元 at the coarser precision', async () => {
    // sfj 2026: 三公 公务接待费 0.83 万元 (8,300 元 at 0.01 万元) against 经济分类 30217 公务接待费 8,265.00 元.
    const { book } = await importWorkbooks([realWorkbook('shanghai-putuo-sfj-2026')]);
    const validator = new Validator(book);
    expect(validator.findings().filter((f) => f.rule.startsWith('x.t09-t08'))).toEqual([]);
    validator.setValue('t08', 'main', '30217', 'total', '8349');
    expect(validator.findings().filter((f) => f.rule === 'x.t09-t08.reception')).toEqual([]); // rounds to 0.83 万元
    validator.setValue('t08', 'main', '30217', 'total', '8350');
    expect(validator.findings().filter((f) => f.rule === 'x.t09-t08.reception').map((f) => f.severity)).toEqual(['warning']);
  });

  it('reports a column that mixes precisions', async () => {
    const { book } = await importWorkbooks([realWorkbook('shanghai-putuo-sfj-unit-2026')]);
    const mixed = new Validator(book).findings().filter((f) => f.rule === 'table.precision');
    expect(mixed.map((f) => `${f.locations[0]?.tableId}:${f.locations[0]?.columnId}`).sort()).toEqual(['t01:expPersonnel', 't03:basic', 't05:basic']);
    expect(mixed[0]?.severity).toBe('warning');
  });
});
