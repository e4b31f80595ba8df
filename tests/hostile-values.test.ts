// Hostile values end in a clear answer, never a hang or an English exception: amounts of any length format in
// one linear pass, a date-formatted cell holding no real date is read as text (reported, not thrown), and formulas
// without cached results are evaluated within bounds (ranges clipped, nesting and chains limited).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { importInWorker } from '../src/main/import/run-in-worker';
import { causeOf } from '../src/main/import/library-errors';
import { internalErrorMessage, logInternalError } from '../src/main/error-log';
import { DATONG_XLSX } from './helpers/seed';
import { evaluateFormula } from '../src/main/import/formula';
import { dateText, emptySheet, getCell, setCell } from '../src/main/import/grid';
import { resolveFormulasWithoutResult } from '../src/main/import/resolve-formulas';
import type { Book, BookRow } from '../src/shared/book';
import { Dec, formatAmount } from '../src/shared/money';
import { BookIndex } from '../src/shared/validation/book-index';

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
    expect(dateText(new Date(Date.UTC(2024, 0, 31)))).toBe('2024-01-31');
    expect(dateText(new Date(Number.NaN))).toBe('（无效日期）');
  });
});

describe('formulas without cached results', () => {
  const lookup = (values: Record<string, number>) => (row: number, column: number) => {
    const value = values[`${row}:${column}`];
    return value === undefined ? undefined : new Dec(value);
  };

  it('clips a range to the used area instead of walking the whole sheet', () => {
    let reads = 0;
    const counting = (row: number, column: number) => {
      reads++;
      return lookup({ '2:1': 3, '3:2': 4 })(row, column);
    };
    expect(evaluateFormula('SUM(A1:XFD1048576)', counting, { rows: 3, columns: 2 })?.toString()).toBe('7');
    expect(reads).toBe(6);
  });

  it('evaluates nesting of any depth without recursion, and refuses formulas longer than any template', () => {
    expect(evaluateFormula(`${'('.repeat(50)}1+2${')'.repeat(50)}`, lookup({}))?.toString()).toBe('3');
    expect(evaluateFormula(`${'('.repeat(4000)}1${')'.repeat(4000)}`, lookup({}))?.toString()).toBe('1');
    expect(evaluateFormula(`${'-'.repeat(5001)}1`, lookup({}))?.toString()).toBe('-1');
    expect(evaluateFormula(`-A1*2+SUM(B1,2*3,-(4))`, lookup({ '1:1': 5, '1:2': 1 }))?.toString()).toBe('-7');
    expect(evaluateFormula(`SUM()+1`, lookup({}))?.toString()).toBe('1');
    expect(evaluateFormula(`${'('.repeat(6000)}1${')'.repeat(6000)}`, lookup({}))).toBeUndefined();
    for (const broken of ['1+', '(1', '1)', '()', 'SUM(1,)', 'MAX(1)', '*1', 'A1:', '1/0']) expect(evaluateFormula(broken, lookup({}))).toBeUndefined();
  });

  it('resolves a chain of thousands of formulas without a value, and leaves a cycle without one, never throwing', () => {
    const sheet = emptySheet('链');
    for (let row = 1; row <= 30_000; row++) setCell(sheet, row, 1, { value: null, formula: row === 1 ? '1' : `A${row - 1}+1`, formulaWithoutResult: true });
    setCell(sheet, 1, 2, { value: null, formula: 'C1+1', formulaWithoutResult: true });
    setCell(sheet, 1, 3, { value: null, formula: 'B1+1', formulaWithoutResult: true });
    expect(() => resolveFormulasWithoutResult(sheet)).not.toThrow();
    expect(getCell(sheet, 30_000, 1)?.value).toBe('30000');
    expect(getCell(sheet, 1, 2)).toMatchObject({ value: null, formulaWithoutResult: true });
    expect(getCell(sheet, 1, 3)).toMatchObject({ value: null, formulaWithoutResult: true });
  });
});

describe('amounts beyond any budget', () => {
  it('are refused cell by cell with a notice, the rest of the table read', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表');
    sheet.addRow(['2026年部门支出预算总表']);
    sheet.addRow(['编制部门：某某局', '', '', '', '', '单位：元']);
    sheet.addRow(['功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出']);
    sheet.addRow(['类', '款', '项']);
    sheet.addRow(['201', '', '', '一般公共服务支出', `1${'0'.repeat(100_000)}`, 1, 2]);
    const file = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'huge.xlsx');
    await workbook.xlsx.writeFile(file);
    const { book, notices } = await importWorkbooks([file], { familyId: 'shanghai-2026-department' });
    expect(notices.some((n) => n.cell === 'E5' && /超出合理范围（整数部分至多 20 位），已忽略/.test(n.message))).toBe(true);
    expect(book.tables[0]?.rows[0]?.values).toMatchObject({ basic: { value: '1.00' }, project: { value: '2.00' } });
    expect(book.tables[0]?.rows[0]?.values.total).toBeUndefined();
  });
});

describe('the import worker is bounded in memory and time', () => {
  it('stops an import that needs more memory than its limit, in Chinese', async () => {
    await expect(importInWorker({ files: [DATONG_XLSX] }, undefined, { memoryMb: 8, seconds: 60 })).rejects.toThrow(/需要的内存超过 8 MB 的上限，已停止/);
  }, 60_000);

  it('stops an import that runs past its time limit, in Chinese', async () => {
    await expect(importInWorker({ files: [DATONG_XLSX] }, undefined, { memoryMb: 1024, seconds: 0.05 })).rejects.toThrow(/超过 0\.05 秒仍未完成，已停止/);
  }, 60_000);

  it('imports normally within the default limits', async () => {
    const { book } = await importInWorker({ files: [DATONG_XLSX] });
    expect(book.tables).toHaveLength(13);
  }, 60_000);
});

describe('refusals say what is wrong in Chinese, never in a library’s words', () => {
  it('maps reader exceptions to causes a clerk can act on', () => {
    expect(causeOf(new Error('Bug : uncompressed data size mismatch'), 'xlsx')).toMatch(/^文件的压缩结构已损坏/);
    expect(causeOf(new Error('Unexpected close tag\nLine: 3'), 'xlsx')).toMatch(/^工作簿内部的某个部分（XML）已损坏/);
    expect(causeOf(new Error("Cannot set properties of undefined (setting 'sheetNo')"), 'xlsx')).toBe('文件已损坏或不是有效的 Excel（.xlsx）工作簿。请在 Excel/WPS 中打开后另存为 .xlsx 再导入');
    expect(causeOf(new Error('File is password-protected'), 'xls')).toMatch(/^工作簿设置了打开密码/);
  });

  it('a truncated workbook is refused with the cause and no raw library text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const bytes = readFileSync(DATONG_XLSX);
    const file = join(dir, '截断.xlsx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const error = await importWorkbooks([file]).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^无法读取「截断\.xlsx」：/);
    // Only the product names Excel/WPS and the file type may appear in Latin letters.
    expect(error?.message.replace(/Excel|WPS|xlsx|xls/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('an internal error is logged with its stack and shown as a reference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'error-log-'));
    const reference = logInternalError(new TypeError("Cannot read properties of null (reading 'x')"), dir);
    expect(reference).toMatch(/^E\d{8}-[0-9A-F]{6}$/);
    const logged = readFileSync(join(dir, 'errors.log'), 'utf8');
    expect(logged).toContain(reference);
    expect(logged).toContain('Cannot read properties of null');
    expect(internalErrorMessage(reference)).toBe(`程序内部错误（编号 ${reference}）。操作未完成，已保存的数据不受影响；详细信息已记入本机错误日志，请把编号告诉维护人员。`);
    expect(internalErrorMessage(reference)).not.toMatch(/Cannot|TypeError|\//);
  });
});

describe('cell ids never alias across rows', () => {
  it('widens the stride for a book with many columns and refuses a column beyond it', () => {
    const values = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`c${i}`, { value: String(i) }]));
    const rows = [0, 1].map((i) => ({ key: `r${i}`, side: 'main' as const, level: 'item' as const, name: `行${i}`, values }));
    const book: Book = { familyId: 'shanxi-2024', year: 2024, department: '某局', unit: '万元', decimals: 2, units: [], sources: [], tables: [{ tableId: 't02', no: 2, title: 'x', emptyNote: false, rows }] };
    const index = new BookIndex(book);
    const ids = rows.flatMap((row) => Object.keys(values).map((column) => index.cellId(row, column)));
    expect(new Set(ids).size).toBe(140);
    for (const row of rows) for (const column of Object.keys(values)) expect(index.cellInfo(index.cellId(row, column))).toMatchObject({ row, column });
    const extra = Array.from({ length: 200 }, (_, i) => `x${i}`);
    expect(() => extra.forEach((column) => index.cellId(rows[0] as BookRow, column))).toThrow(/金额列超过 \d+ 个/);
  });
});
