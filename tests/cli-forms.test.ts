// `check --forms`: a department's tables checked with the 绩效目标表 workbook it keeps apart; form findings name the
// project and the field, in the text report and in the JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
let forms: string;
beforeAll(async () => {
  tmp = makeTmpDir('cli-forms-');
  forms = await tsvWorkbook(performanceTsv('datong-2024-forms.tsv'), tmp.file('绩效目标表.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
});
afterAll(() => tmp.remove());

describe('check --forms', () => {
  it('checks the forms with the tables and prints where each form finding is', async () => {
    const run = await cli('check', DATONG_XLSX, '--forms', forms);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0); // the forms' problems are warnings
    const lines = run.stdout.split('\n');
    const repeat = lines.find((l) => l.includes('J水电物业经费') && l.includes('支付费用及时性') && l.includes('重复'));
    expect(repeat).toMatch(/^\s+警告\s+绩效目标表\s+J水电物业经费\s+产出指标\/时效指标\/支付费用及时性 的(实施期|年度)指标值/);
    expect(lines.filter((l) => l.includes('没有项目支出绩效目标表'))).toHaveLength(2);
  });

  it('gives the form location in the JSON', async () => {
    const run = await cli('check', DATONG_XLSX, '--forms', forms, '--json');
    const book = JSON.parse(run.stdout) as { findings: { rule: string; form?: { scope: string; name: string; field: string } }[] };
    const levels = book.findings.filter((f) => f.rule === 'perf.indicators.levels') ?? [];
    expect(levels).toHaveLength(10);
    expect(levels[0]?.form).toMatchObject({ scope: 'project', field: expect.stringMatching(/^indicators\.\d+\.level2$/) });
  });

  it('refuses --forms with several workbooks, and with --db', async () => {
    const several = await cli('check', DATONG_XLSX, DATONG_XLSX, '--forms', forms);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('只能与一个工作簿一起使用');
    const stored = await cli('check', '--db', tmp.file('x.db'), '--book', '1', '--forms', forms);
    expect(stored.code).toBe(2);
    expect(stored.stderr).toContain('--forms');
  });
});
