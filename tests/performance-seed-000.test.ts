// Issue 13's first "done when", end to end: seed 000's forms, written to a workbook in the published layout, import
// with the department's tables, match their 表十二 projects and check clean except for what is really wrong in them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book, Notice } from '../src/shared/book';
import { matchForms, type PerformanceTargetForm } from '../src/shared/performance';
import { Validator, type Finding } from '../src/shared/validation';
import { seed000Forms } from './helpers/performance-form';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
let book: Book;
let notices: Notice[];
beforeAll(async () => {
  tmp = makeTmpDir('seed-000-forms-');
  const forms = await tsvWorkbook(performanceTsv('datong-2024-forms.tsv'), tmp.file('绩效目标表.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
  ({ book, notices } = await importWorkbooks([DATONG_XLSX, forms]));
});
afterAll(() => tmp.remove());

/** What the checks read: the rule tests' hand-built seed-000 forms carry the same, with placeholder prose. */
const checked = (form: PerformanceTargetForm) => ({
  projectName: form.projectName,
  implementingUnit: form.implementingUnit,
  projectTerm: form.projectTerm,
  funds: form.funds,
  // The reader keeps print order (row by row, 实施期 then 年度); the hand-built forms list 实施期 first.
  indicators: ['实施期', '年度'].flatMap((p) => form.indicators.filter((i) => i.period === p)).map(({ period, level1, level2, level3, value }) => ({ period, level1, level2, level3, value })),
});

describe('seed 000: tables and forms imported together', () => {
  it('reads the eight forms exactly as printed (the same forms the rule tests build by hand)', () => {
    expect(book.performanceForms?.map(checked)).toEqual(seed000Forms().map(checked));
  });

  it('matches each form to its 表十二 project and names the two projects without one', () => {
    const matching = matchForms(book);
    expect(matching.formsWithoutProject).toEqual([]);
    expect(matching.duplicateForms).toEqual([]);
    expect(matching.projects.filter((p) => p.formIndex === undefined).map((p) => p.project.name)).toEqual(['Z政银企对接经费', 'Z金融稳定发展工作经费']);
    expect(notices.filter((n) => n.message.includes('绩效目标表') && n.level !== '提示')).toEqual([]);
    expect(notices.filter((n) => n.message.includes('没有导入项目支出绩效目标表')).length).toBe(2);
  });

  it('checks clean except for what is really wrong in them', () => {
    const findings = new Validator(book).findings().filter((f) => f.rule.startsWith('perf.'));
    const byRule = (rule: string): Finding[] => findings.filter((f) => f.rule === rule);
    // Money agrees: every 年度资金总额 rounds to 表十二, every split adds up, 实施期 = 年度.
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // What is really wrong, all warnings:
    // 1. two 表十二 projects have no form;
    expect(byRule('perf.project').map((f) => f.locations[0]?.row)).toEqual(['Z政银企对接经费', 'Z金融稳定发展工作经费']);
    // 2. fourteen values typed twice (「保障保障」「及时及时」「满意满意」「提升提升」「保证保证」), each printed in both columns;
    const repeats = byRule('perf.text.repeat');
    expect(repeats).toHaveLength(28);
    expect(new Set(repeats.map((f) => /“(..)”重复书写/.exec(f.message)?.[1]))).toEqual(new Set(['保障', '及时', '满意', '提升', '保证']));
    // 3. five 成本指标 rows that lost their 二级指标 in the print (单位用水成本, 单位用电成本 twice, 办公费等各类支出), both columns.
    const levels = byRule('perf.indicators.levels');
    expect(levels).toHaveLength(10);
    expect(new Set(levels.map((f) => /\/([^/ ]+) 的/.exec(f.form?.label ?? '')?.[1]))).toEqual(new Set(['单位用水成本', '单位用电成本', '办公费等各类支出']));
    expect(findings).toHaveLength(2 + 28 + 10);
    // Each form finding names its field on the right form.
    for (const finding of [...repeats, ...levels]) {
      const index = finding.form?.formIndex ?? -1;
      expect(book.performanceForms?.[index]?.projectName).toBe(finding.form?.name);
      expect(finding.form?.field).toMatch(/^indicators\.\d+\.(value|level2)$/);
    }
  });
});
