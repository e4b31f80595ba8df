// The national 项目支出绩效目标申报表 prints only 「其中：财政拨款」 and 「其他资金」 under each 资金总额. Those forms read
// with 财政拨款 as a source of its own, add up, print back with the line, and a 山西 form still prints no such line.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import { readPerformanceFile } from '../src/main/import/performance';
import { Validator } from '../src/shared/validation';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, splitForms, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
let file: string;

/** Seed 000's first form (50,000 元) with the national template's two source lines. */
function nationalForm(fiscal: string): string {
  const [first] = splitForms(performanceTsv('datong-2024-forms.tsv'));
  if (!first) throw new Error('no form in the fixture');
  const out: string[] = [];
  for (const line of first) {
    if (/中央财政资金/.test(line)) out.push(`\t\t其中：财政拨款\t\t${fiscal}\t\t其中：财政拨款\t\t${fiscal}`);
    else if (/省级财政资金|市县（区）财政资金|单位自筹/.test(line)) continue;
    else out.push(line);
  }
  return out.join('\n');
}

beforeAll(async () => {
  tmp = makeTmpDir('performance-national-');
  file = await tsvWorkbook(nationalForm('50,000'), tmp.file('national.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
});
afterAll(() => tmp.remove());

describe('the national template (财政拨款 + 其他资金)', () => {
  it('reads 财政拨款 as a source and the split adds up', async () => {
    const { forms } = await readPerformanceFile(file);
    expect(forms[0]?.funds['年度']).toEqual({ unit: '元', total: '50000.00', fiscal: '50000.00' });
    const { book } = await importWorkbooks([DATONG_XLSX, file]);
    const money = new Validator(book).findings().filter((f) => f.rule.startsWith('perf.funds') || (f.rule === 'perf.project' && f.severity === 'error'));
    expect(money).toEqual([]);
  });

  it('names 财政拨款 when the split does not add up', async () => {
    const off = await tsvWorkbook(nationalForm('49,000'), tmp.file('off.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
    const { book } = await importWorkbooks([DATONG_XLSX, off]);
    const split = new Validator(book).findings().filter((f) => f.rule === 'perf.funds.split');
    expect(split.map((f) => f.message)).toContain('项目“Z专项检查工作经费”年度资金总额50000.00元，不等于财政拨款之和49000.00元（相差1000.00元）。');
  });

  it('prints the 财政拨款 line only on forms that have it', async () => {
    const { book } = await importWorkbooks([DATONG_XLSX, file]);
    const seed = await tsvWorkbook(performanceTsv('datong-2024-forms.tsv'), tmp.file('seed.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
    const shanxi = (await importWorkbooks([DATONG_XLSX, seed])).book;
    const texts = async (b: typeof book): Promise<string[]> => {
      const { workbook } = buildWorkbook(b, 'never');
      const buffer = await workbook.xlsx.writeBuffer();
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(buffer);
      const sheet = back.worksheets.find((s) => s.name.includes('Z专项检查工作经费'));
      const out: string[] = [];
      // Merged cells read back on every cell they cover: count each label once, at its master cell.
      sheet?.eachRow((row) => row.eachCell((cell) => {
        if (!cell.isMerged || cell.master.address === cell.address) out.push(String(cell.value ?? ''));
      }));
      return out;
    };
    expect((await texts(book)).filter((t) => t.includes('财政拨款'))).toHaveLength(2);
    expect((await texts(shanxi)).some((t) => t.includes('财政拨款'))).toBe(false);
    // and it reads back as it was
    const out = tmp.file('back.xlsx');
    const { workbook } = buildWorkbook(book, 'never');
    await workbook.xlsx.writeFile(out);
    const again = await importWorkbooks([out]);
    expect(again.book.performanceForms?.[0]?.funds['年度'].fiscal).toBe('50000.00');
  });
});
