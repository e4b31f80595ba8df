// Seed 000's eight 项目支出绩效目标表 (大同, tests/fixtures/performance/datong-2024-forms.tsv, laid out as the PDF prints
// them, shifts included) written to real workbooks, read back, and imported with the department's tables.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { readPerformanceFile } from '../src/main/import/performance';
import { toDump } from '../src/shared/dump';
import type { PerformanceIndicator, PerformanceTargetForm } from '../src/shared/performance';
import { contentOf } from './helpers/dump-match';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
let stacked: PerformanceTargetForm[];
let perSheet: PerformanceTargetForm[];
let stackedFile: string;
const FORMS = performanceTsv('datong-2024-forms.tsv');

beforeAll(async () => {
  tmp = makeTmpDir('performance-');
  // Stacked as the budget system exports them, amounts as numbers; one sheet per form, amounts as printed text.
  stackedFile = await tsvWorkbook(FORMS, tmp.file('datong-forms-stacked.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
  const perSheetFile = await tsvWorkbook(FORMS, tmp.file('datong-forms-per-sheet.xlsx'), { layout: 'per-form', sheetName: (i) => `项目${i + 1}` });
  const a = await readPerformanceFile(stackedFile);
  const b = await readPerformanceFile(perSheetFile);
  expect(a.notices).toEqual([]);
  expect(b.notices).toEqual([]);
  expect(a.summary).toBe('读到 8 张项目支出绩效目标表');
  stacked = a.forms;
  perSheet = b.forms;
});
afterAll(() => tmp.remove());

const form = (name: string): PerformanceTargetForm => {
  const found = stacked.find((f) => f.projectName === name);
  if (!found) throw new Error(`no form ${name}`);
  return found;
};
type Row = [PerformanceIndicator['period'], string, string, string, string];
const rows = (f: PerformanceTargetForm): Row[] => f.indicators.map((i) => [i.period, i.level1, i.level2, i.level3, i.value]);
/** Each printed row gives the same indicator for 实施期 and 年度 unless the second is given. */
const both = (level1: string, level2: string, level3: string, value: string, annual?: [string, string, string]): Row[] => [
  ['实施期', level1, level2, level3, value],
  ['年度', level1, annual?.[0] ?? level2, annual?.[1] ?? level3, annual?.[2] ?? value],
];
const withoutSource = ({ source: _source, ...rest }: PerformanceTargetForm) => rest;

describe('seed 000: eight 大同 forms from a workbook in the published layout', () => {
  it('reads every form, in order, stacked on one sheet or one per sheet alike', () => {
    expect(stacked.map((f) => f.projectName)).toEqual([
      'Z专项检查工作经费',
      'J水电物业经费',
      'Z处置非法集资奖励经费',
      'Z防范处置非法集资工作经费',
      'J金融工作经费',
      'Z金融发展服务专项工作经费',
      'J金融发展服务工作经费',
      'J水电物业费',
    ]);
    expect(perSheet.map(withoutSource)).toEqual(stacked.map(withoutSource));
    expect(perSheet.map((f) => f.source)).toEqual(stacked.map((_, i) => ({ file: 'datong-forms-per-sheet.xlsx', sheet: `项目${i + 1}`, cell: 'A1' })));
    expect(stacked.map((f) => f.source?.cell)).toEqual(['A1', 'A33', 'A69', 'A101', 'A133', 'A165', 'A199', 'A231']);
  });

  it('reads the head of a form: title, year, department ref, unit, attribute, term', () => {
    for (const f of stacked) {
      expect(f.title).toBe('大同市市级预算部门（单位）项目支出绩效目标表');
      expect(f.year).toBe(2024);
      expect(f.department).toEqual({ code: '038', name: '大同市人民政府金融工作办公室[部门]' });
      expect(f.projectAttribute).toBe('经常性项目（长期开展）');
      expect(f.projectTerm).toBe('99年');
    }
    expect(stacked.map((f) => f.implementingUnit)).toEqual([
      ...Array(5).fill('大同市人民政府金融工作办公室'),
      ...Array(3).fill('大同市金融发展服务中心'),
    ]);
  });

  it('reads 项目资金 by source for both periods, in 元, blank 其他资金 left blank', () => {
    const totals = ['50000.00', '28569.78', '10000.00', '230000.00', '351430.22', '50000.00', '144872.55', '5127.45'];
    stacked.forEach((f, i) => {
      const expected = { unit: '元', total: totals[i], central: '0.00', provincial: '0.00', cityCounty: totals[i], selfRaised: '0.00' };
      expect(f.funds.实施期).toEqual(expected);
      expect(f.funds.年度).toEqual(expected);
      expect(f.funds.年度.other).toBeUndefined();
    });
  });

  it('reads the texts, 总体目标 per period and the contacts line', () => {
    const f = form('J水电物业经费');
    expect(f.overview).toBe('补充机关公用经费不足，保证机关正常运行');
    expect(f.basis).toBe('依据金融办党组会议纪要实施');
    expect(f.necessity).toBe('为了调动机关工作人员积极性，促进政府法制工作发展，提高工作效率。圆满完成工作任务。');
    expect(f.safeguards).toBe('项目支出依据《会计法》和《行政事业单位会计准则》');
    expect(f.plan).toBe('年底前完成各项支付。');
    expect(f.overallGoals).toEqual({ 实施期: '支付大楼全年应承担的水、电物业费用，保证机关正常运行', 年度: '及时支付应承担办公大楼的水电物业费用。' });
    expect(f.contacts).toEqual({ filledOn: '20240129120257' });
    // 「实施期目标」 printed in column A (shifted) on this form: the goals still split by order.
    expect(form('Z防范处置非法集资工作经费').overallGoals.实施期).toMatch(/^有效防范、打击和处置非法集资/);
    expect(stacked.map((f) => f.contacts.filledOn)).toEqual([
      '20240129115246', '20240129120257', '20240129115101', '20240129120109',
      '20240129121418', '20240129164327', '20240131172449', '20240129164547',
    ]);
  });

  it('reads J水电物业经费 indicator by indicator: rows two columns left lose their 二级指标, cut names kept', () => {
    expect(rows(form('J水电物业经费'))).toEqual([
      ...both('产出指标', '数量指标', '物业管理面积', '508.45平方米'),
      ...both('产出指标', '数量指标', '预计用水量', '≤218吨'),
      ...both('产出指标', '数量指标', '预计用电量', '≤2.46万度'),
      ...both('产出指标', '质量指标', '水电暖气物业等保障度', '保障保障', ['质量指标', '水电暖气物业等', '保障保障']),
      ...both('产出指标', '时效指标', '支付费用及时性', '及时及时'),
      ...both('产出指标', '成本指标', '单位物业管理成本', '≤29元/平方米'),
      // The 「成本指标 rows that lost their 二级指标」: level2 '' so the checks can report it.
      ...both('产出指标', '', '单位用水成本', '≤7元/吨'),
      ...both('产出指标', '', '单位用电成本', '≤0.52元/度'),
      ...both('效益指标', '社会效益指标', '单位正常运转保障度', '保障保障', ['社会效益指标', '单位正常运转保', '保障保障']),
      // 「服务对象满意度指」, cut by the column, still delimits 年度.
      ...both('满意度指标', '服务对象满意度', '单位人员满意度', '≥99%', ['服务对象满意度指', '单位人员满意度', '≥99%']),
    ]);
  });

  it('reads Z金融发展服务专项工作经费: a shifted 成本 row, a second 社会效益 row, empty placeholders dropped', () => {
    expect(rows(form('Z金融发展服务专项工作经费'))).toEqual([
      ...both('产出指标', '数量指标', '政银企对接活动次数', '≥10场'),
      ...both('产出指标', '质量指标', '提升金融服务实体经济质效', '提升提升'),
      ...both('产出指标', '时效指标', '2024年底前完成计划场次', '保证保证'),
      ...both('产出指标', '成本指标', '委托第三方服务费', '≤40000元'),
      ...both('产出指标', '', '办公费等各类支出', '≤10000元'),
      ...both('效益指标', '社会效益指标', '确保各项日常工作正常开展', '保证保证'),
      ...both('效益指标', '社会效益指标', '助企纾困完成率', '≥90%'),
      ...both('满意度指标', '服务对象满意度', '企业满意度', '≥90%'),
    ]);
  });

  it('reads Z专项检查工作经费, printed one column right of its header, with a 三级指标 named like its 二级', () => {
    expect(rows(form('Z专项检查工作经费'))).toEqual([
      ...both('产出指标', '数量指标', '专项检查工作次数', '≥10次'),
      ...both('产出指标', '质量指标', '检查工作合格率', '≥90%'),
      ...both('产出指标', '时效指标', '检查工作及时率', '99%'),
      ...both('产出指标', '成本指标', '检查工作所需资金', '≤5万元'),
      ...both('效益指标', '社会效益指标', '检查单位满意度', '≥90%'),
      ...both('满意度指标', '服务对象满意度', '服务对象满意度', '满意'),
    ]);
  });

  it('keeps every form\'s tree the same shape: 实施期 and 年度 pair up, no placeholder stored, all parsed', () => {
    const counts = stacked.map((f) => f.indicators.length);
    expect(counts).toEqual([12, 20, 12, 12, 12, 16, 12, 20]);
    for (const f of stacked) {
      expect(f.indicators.filter((i) => i.period === '实施期').length).toBe(f.indicators.length / 2);
      for (const i of f.indicators) {
        expect(i.level3, `${f.projectName}: ${i.level2}`).not.toBe('');
        expect(i.parsed?.text).toBe(i.value);
      }
      expect(f.indicators.some((i) => /经济效益|生态效益|可持续影响/.test(i.level2))).toBe(false);
    }
    // Values doubled by the system are kept as printed: the checks report them.
    expect(form('J金融工作经费').indicators.filter((i) => i.value === '保障保障' || i.value === '及时及时' || i.value === '满意满意')).toHaveLength(6);
  });

  it('parses 指标值 into comparator, number and unit and keeps the printed text', () => {
    const parsed = (name: string, level3: string) => form(name).indicators.find((i) => i.level3 === level3 && i.period === '实施期')?.parsed;
    expect(parsed('J水电物业经费', '单位人员满意度')).toEqual({ comparator: '≥', number: '99', unit: '%', text: '≥99%' });
    expect(parsed('J水电物业经费', '预计用水量')).toEqual({ comparator: '≤', number: '218', unit: '吨', text: '≤218吨' });
    expect(parsed('J水电物业经费', '预计用电量')).toEqual({ comparator: '≤', number: '2.46', unit: '万度', text: '≤2.46万度' });
    expect(parsed('J水电物业经费', '物业管理面积')).toEqual({ comparator: '=', number: '508.45', unit: '平方米', text: '508.45平方米' });
    expect(parsed('J水电物业经费', '支付费用及时性')).toEqual({ comparator: '定性', text: '及时及时' });
  });
});

describe('forms imported with the department\'s tables', () => {
  it('matches the eight forms to their 表十二 projects and names the two projects without one', async () => {
    const tables = await importWorkbooks([DATONG_XLSX]);
    const both = await importWorkbooks([DATONG_XLSX, stackedFile]);
    expect(both.book.performanceForms?.map(withoutSource)).toEqual(stacked.map(withoutSource));
    expect(contentOf(toDump(both.book, []))).toEqual(contentOf(toDump(tables.book, [])));
    const added = both.notices.filter((n) => !tables.notices.some((m) => m.message === n.message));
    expect(added).toEqual([
      { level: '提示', message: '表十二的项目「Z政银企对接经费」（6.00 万元）没有导入项目支出绩效目标表。' },
      { level: '提示', message: '表十二的项目「Z金融稳定发展工作经费」（7.00 万元）没有导入项目支出绩效目标表。' },
    ]);
  });

  it('leaves a book without forms as it was: no performanceForms, no notice about forms', async () => {
    const { book, notices } = await importWorkbooks([DATONG_XLSX]);
    expect('performanceForms' in book).toBe(false);
    expect('departmentPerformance' in book).toBe(false);
    expect(notices.filter((n) => n.message.includes('绩效'))).toEqual([]);
  });

  it('warns, at the form, about a form naming no project of 表十二', async () => {
    const renamed = FORMS.replace('J水电物业费\t', 'J水电物业费（二期）\t');
    const file = await tsvWorkbook(renamed, tmp.file('renamed.xlsx'), { layout: 'per-form' });
    const { book, notices } = await importWorkbooks([DATONG_XLSX, file]);
    expect(book.performanceForms).toHaveLength(8);
    expect(notices.filter((n) => n.level === '警告')).toEqual([
      { level: '警告', file: 'renamed.xlsx', sheet: '表8', cell: 'A1', message: '绩效目标表的项目「J水电物业费（二期）」在表十二中找不到同名项目，请核对项目名称。' },
    ]);
    expect(notices.filter((n) => n.message.includes('没有导入项目支出绩效目标表')).map((n) => n.message)).toContain('表十二的项目「J水电物业费」（0.51 万元）没有导入项目支出绩效目标表。');
  });

  it('reads tables and forms that share a sheet: each stops where the other begins', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(DATONG_XLSX);
    // Under 表十二 itself: read on, the project table would take the forms' lines for projects.
    const projects = workbook.getWorksheet('预算公开表12') as ExcelJS.Worksheet;
    const first = projects.rowCount + 3;
    FORMS.split('\n').forEach((line, i) => line.split('\t').forEach((field, c) => {
      if (field) projects.getCell(first + i, c + 1).value = field;
    }));
    const file = tmp.file('tables-and-forms.xlsx');
    await workbook.xlsx.writeFile(file);
    const tables = await importWorkbooks([DATONG_XLSX]);
    const shared = await importWorkbooks([file]);
    expect(contentOf(toDump(shared.book, []))).toEqual(contentOf(toDump(tables.book, [])));
    expect(shared.book.performanceForms?.map(withoutSource)).toEqual(stacked.map(withoutSource));
    expect(shared.notices.filter((n) => n.level !== '提示')).toEqual([]);
  });
});
