// Some provinces print 项目资金 in 万元 (「项目资金（万元）」, or 「单位：万元」 over the form). The model holds 元, so such
// amounts are converted exactly, and the annual-funds check then compares like with like.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { readPerformanceFile } from '../src/main/import/performance';
import { Validator } from '../src/shared/validation';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, splitForms, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
let inWan: string;
let withUnitLine: string;

/** Seed 000's first form (Z专项检查工作经费, 50,000 元 = 5.00 万元) printed in 万元. */
function firstFormInWan(heading: (line: string) => string[]): string {
  const [first] = splitForms(performanceTsv('datong-2024-forms.tsv'));
  if (!first) throw new Error('no form in the fixture');
  return first
    .flatMap((line) => (line.startsWith('项目资金') ? heading(line) : [line]))
    .map((line) => line.replace(/\b50,000\b/g, '5.00'))
    .join('\n');
}

beforeAll(async () => {
  tmp = makeTmpDir('performance-units-');
  const bracketed = firstFormInWan((line) => [line.replace('项目资金（元）', '项目资金（万元）')]);
  inWan = await tsvWorkbook(bracketed, tmp.file('万元.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
  // 「单位：万元」 over the form, under its year, and a plain 「项目资金」 heading.
  const unitLine = firstFormInWan((line) => [line.replace('项目资金（元）', '项目资金')]).replace('(2024年度)', '(2024年度)\n\t\t\t\t\t\t\t\t单位：万元');
  withUnitLine = await tsvWorkbook(unitLine, tmp.file('单位行.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
});
afterAll(() => tmp.remove());

describe('项目资金 printed in 万元', () => {
  it('is held in 元, exactly', async () => {
    for (const file of [inWan, withUnitLine]) {
      const { forms } = await readPerformanceFile(file);
      expect(forms[0]?.funds['年度']).toMatchObject({ unit: '元', total: '50000.00', cityCounty: '50000.00', central: '0.00' });
      expect(forms[0]?.funds['实施期'].total).toBe('50000.00');
    }
  });

  it('agrees with 表十二 as the 元 form does: no annual-funds finding', async () => {
    const { book } = await importWorkbooks([DATONG_XLSX, inWan]);
    const findings = new Validator(book).findings().filter((f) => f.rule === 'perf.project' && f.severity === 'error');
    expect(findings).toEqual([]);
  });
});
