// Real files differ from the clean fixture. Each messy copy must dump exactly the same content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importWorkbooks } from '../src/main/import/import-book';
import { toDump } from '../src/shared/dump';
import { contentOf } from './helpers/dump-match';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { buildVariant, saveAsXls } from './helpers/variants';

let tmp: TmpDir;
let reference: unknown;

const dumpOf = async (...files: string[]) => {
  const { book, notices } = await importWorkbooks(files);
  return { content: contentOf(toDump(book, notices)), notices };
};

beforeAll(async () => {
  tmp = makeTmpDir('variants-');
  reference = (await dumpOf(DATONG_XLSX)).content;
});
afterAll(() => tmp.remove());

const HEADER_WORDS = ['一般公共预算', '政府性基金', '国有资本经营预算', '财政专户管理资金', '科目编码', '科目名称', '基本支出', '项目支出', '当年预算安排'];

describe('the department workbook in the shapes real files take', () => {
  it('reads the same workbook saved as .xls by LibreOffice', async () => {
    expect((await dumpOf(join(__dirname, 'fixtures', 'datong-2024-shanxi.xls'))).content).toEqual(reference);
  });

  it('reads the same workbook saved as .xls by SheetJS (BIFF8)', async () => {
    const xls = tmp.file('sheetjs.xls');
    saveAsXls(DATONG_XLSX, xls);
    expect((await dumpOf(xls)).content).toEqual(reference);
  });

  it('finds tables shifted away from A1 on renamed sheets', async () => {
    const file = tmp.file('shifted.xlsx');
    await buildVariant(DATONG_XLSX, file, { rowOffset: 4, columnOffset: 3, renameSheet: (_n, i) => `Sheet${i + 1}` });
    expect((await dumpOf(file)).content).toEqual(reference);
  });

  it('reads numbers stored as text with thousands separators, and 类 codes stored as numbers', async () => {
    const file = tmp.file('text-numbers.xlsx');
    await buildVariant(DATONG_XLSX, file, {
      value: (value) => {
        if (typeof value === 'number') return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        if (typeof value === 'string' && /^\d{3,7}$/.test(value)) return Number(value);
        return value;
      },
    });
    expect((await dumpOf(file)).content).toEqual(reference);
  });

  it('tolerates line breaks and spaces inside header labels and an extra 填表说明 sheet', async () => {
    const file = tmp.file('headers.xlsx');
    await buildVariant(DATONG_XLSX, file, {
      extraSheetsFirst: [{ name: '填表说明', rows: [['填表说明'], ['1. 本表金额单位为万元。'], ['2. 请勿修改表头。']] }],
      value: (value) => (typeof value === 'string' && HEADER_WORDS.includes(value) ? `${value.slice(0, 2)}\n${value.slice(2, 4)} ${value.slice(4)}` : value),
    });
    const { content, notices } = await dumpOf(file);
    expect(content).toEqual(reference);
    expect(notices).toContainEqual(expect.objectContaining({ sheet: '填表说明', message: expect.stringContaining('已跳过') }));
  });

  it('finds all tables stacked on one sheet', async () => {
    const file = tmp.file('stacked.xlsx');
    await buildVariant(DATONG_XLSX, file, { stackOnOneSheet: '全部报表' });
    expect((await dumpOf(file)).content).toEqual(reference);
  });

  it('makes one book from tables spread over two workbooks', async () => {
    const first = tmp.file('part1.xlsx');
    const second = tmp.file('part2.xlsx');
    const part = (keep: (i: number) => boolean) => ({ value: (v: unknown, at: { sheet: string }) => (keep(Number(at.sheet.replace(/\D/g, ''))) ? v : null) }) as const;
    await buildVariant(DATONG_XLSX, first, part((n) => n <= 6) as never);
    await buildVariant(DATONG_XLSX, second, part((n) => n > 6) as never);
    expect((await dumpOf(first, second)).content).toEqual(reference);
  });
});
