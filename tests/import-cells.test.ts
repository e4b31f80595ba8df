// Every cell shape exceljs hands us, on a hand-built 表三 whose figures we know.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importWorkbooks } from '../src/main/import/import-book';
import type { BookTable, Notice } from '../src/shared/book';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('cells-');
});
afterAll(() => tmp.remove());

/** 表三 at B3 with a two-row header; `rows` are [code, name, total, basic, project] cell values. */
async function table3(file: string, rows: ExcelJS.CellValue[][], unitLine = '单位：万元'): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('随便起的名字');
  sheet.getCell('B3').value = '2025年预算支出总表';
  sheet.getCell('B4').value = '部门名称：某某县财政局';
  sheet.getCell('F4').value = unitLine;
  sheet.getCell('B5').value = '项目';
  sheet.mergeCells('B5:C5');
  sheet.getCell('D5').value = '2025年预算数';
  sheet.mergeCells('D5:F5');
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'].forEach((label, i) => {
    sheet.getCell(6, 2 + i).value = label;
  });
  rows.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) sheet.getCell(7 + r, 2 + c).value = value;
  }));
  await workbook.xlsx.writeFile(file);
}

async function read(file: string): Promise<{ table: BookTable | undefined; notices: Notice[]; unit: string; year: number; department: string }> {
  const { book, notices } = await importWorkbooks([file]);
  return { table: book.tables[0], notices, unit: book.unit, year: book.year, department: book.department };
}

const valuesOf = (table: BookTable | undefined, key: string) =>
  Object.fromEntries(Object.entries(table?.rows.find((r) => r.key === key)?.values ?? {}).map(([k, v]) => [k, v.value]));

describe('cell shapes', () => {
  it('reads text amounts with separators and full-width digits, rich text, formulas and shared formulas', async () => {
    const file = tmp.file('shapes.xlsx');
    await table3(file, [
      ['合计', null, { formula: 'D8', result: 1234567.89 }, '1,234,467.89', 100],
      [{ richText: [{ text: '20' }, { text: '1' }] }, { richText: [{ text: '一般公共' }, { text: '服务支出', font: { bold: true } }] }, { formula: 'E8+F8', result: 1234567.89 }, '１２３４４６７.８９', 100],
      [20103, '政府办公厅（室）及相关机构事务', { sharedFormula: 'D8', result: 100 } as never, '—', 100],
      ['2010301', '行政运行', { formula: 'SUM(F10:F10)+E10*0' }, '-', 50],
    ]);
    const { table, notices, unit, year, department } = await read(file);
    expect({ unit, year, department }).toEqual({ unit: '万元', year: 2025, department: '某某县财政局' });
    expect(valuesOf(table, 'total')).toEqual({ total: '1234567.89', basic: '1234467.89', project: '100.00' });
    expect(table?.rows.find((r) => r.key === 'total')?.values.total?.fromFormula).toBe(true);
    expect(table?.rows.find((r) => r.key === 'total')?.values.basic?.fromFormula).toBeUndefined();
    expect(table?.rows.find((r) => r.key === '201')?.name).toBe('一般公共服务支出');
    expect(valuesOf(table, '201')).toEqual({ total: '1234567.89', basic: '1234467.89', project: '100.00' });
    // Shared-formula clones keep their cached result; "—" and "-" are blanks.
    expect(valuesOf(table, '20103')).toEqual({ total: '100.00', project: '100.00' });
    // A formula saved without a cached result is evaluated.
    expect(valuesOf(table, '2010301')).toEqual({ total: '50.00', project: '50.00' });
    expect(table?.rows.find((r) => r.key === '2010301')?.values.total?.fromFormula).toBe(true);
    expect(notices.filter((n) => n.level !== '提示')).toEqual([]);
  });

  it('names the file, sheet and cell of every value it cannot take', async () => {
    const file = tmp.file('bad-cells.xlsx');
    await table3(file, [
      ['合计', null, 'abc', { error: '#REF!' } as never, { formula: 'VLOOKUP(A1,B:C,2)' }],
      ['201', '一般公共服务支出', 1, null, null],
      ['20X', '乱码', 2, null, null],
    ]);
    const { table, notices } = await read(file);
    expect(valuesOf(table, 'total')).toEqual({});
    const byCell = Object.fromEntries(notices.filter((n) => n.cell).map((n) => [n.cell, n]));
    expect(byCell.D7).toMatchObject({ level: '警告', file: 'bad-cells.xlsx', sheet: '随便起的名字', message: expect.stringContaining('「abc」不是金额') });
    expect(byCell.E7?.message).toContain('#REF!');
    expect(byCell.F7?.message).toContain('VLOOKUP');
    expect(byCell.B9?.message).toMatch(/科目编码「20X」不是数字编码.*1 个金额未导入/);
  });

  it('keeps figures in 元 exactly as printed and records the unit', async () => {
    const file = tmp.file('yuan.xlsx');
    await table3(file, [['合计', null, 28569.78, 28569.78, null]], '单位：\n元');
    const { table, unit } = await read(file);
    expect(unit).toBe('元');
    expect(valuesOf(table, 'total')).toEqual({ total: '28569.78', basic: '28569.78' });
  });
});
