// The other layouts forms come in: 山西省's 申报表 (seed 004), a clerk's hand-typed form with odd labels, a workbook
// that merges its 二级指标 cells (as an exported one does), legacy .xls, and 河南's 部门（单位）整体绩效目标表 (seed 003).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { readPerformanceFile } from '../src/main/import/performance';
import type { PerformanceIndicator, PerformanceTargetForm } from '../src/shared/performance';
import { HENAN_XLSX } from './helpers/henan-seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, tsvWorkbook } from './helpers/tsv-workbook';
import { saveAsXls } from './helpers/variants';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('performance-layouts-');
});
afterAll(() => tmp.remove());

type Row = [PerformanceIndicator['period'], string, string, string, string];
const rows = (f: PerformanceTargetForm | undefined): Row[] => (f?.indicators ?? []).map((i) => [i.period, i.level1, i.level2, i.level3, i.value]);

describe('seed 004: 山西省省级 项目支出绩效目标申报表', () => {
  let forms: PerformanceTargetForm[];
  beforeAll(async () => {
    const file = await tsvWorkbook(performanceTsv('shanxi-province-2024-forms.tsv'), tmp.file('shanxi-province.xlsx'), { layout: 'per-form', numbers: true });
    const read = await readPerformanceFile(file);
    expect(read.notices).toEqual([]);
    forms = read.forms;
  });
  const byName = (name: string) => forms.find((f) => f.projectName === name);

  it('reads the seven forms with their 省级 money, the wrapped 「市县（区）财政资」「金」 line included', () => {
    expect(forms.map((f) => [f.projectName, f.funds.年度.total])).toEqual([
      ['政府购买服务经费', '1700000.00'],
      ['金融办业务经费', '2455600.00'],
      ['单位聘用人员经费', '165000.00'],
      ['信息网络运维费', '569500.00'],
      ['办公设备购置', '200000.00'],
      ['会议(培训)费', '320000.00'],
      ['维修维护费', '45000.00'],
    ]);
    for (const f of forms) {
      expect(f.title).toBe('山西省省级预算部门（单位）项目支出绩效目标申报表');
      expect(f.year).toBe(2024);
      expect(f.department).toEqual({ code: '231', name: '山西省地方金融监督管理局' });
      expect(f.implementingUnit).toBe('山西省地方金融监督管理局机关');
      for (const period of ['实施期', '年度'] as const) {
        expect(f.funds[period]).toEqual({ unit: '元', total: f.funds.年度.total, central: '0.00', provincial: f.funds.年度.total, cityCounty: '0.00', selfRaised: '0.00' });
      }
      // The 申报表 has no contacts line: the form ends at the next title.
      expect(f.contacts).toEqual({});
    }
  });

  it('reads 金融办业务经费, printed a column narrower, and keeps its empty 年度 成本指标 as an indicator without 三级 and value', () => {
    const f = byName('金融办业务经费');
    expect(f?.overallGoals.实施期).toMatch(/^依据省委全覆盖/);
    expect(f?.overallGoals.年度).toBe(f?.overallGoals.实施期);
    expect(rows(f)).toEqual([
      ['实施期', '产出指标', '数量指标', '培训场次', '≥4场'],
      ['年度', '产出指标', '数量指标', '培训场次', '≥4场'],
      ['实施期', '产出指标', '数量指标', '金融类课题研究报告数', '≥4个'],
      ['年度', '产出指标', '数量指标', '金融类课题研究报告数', '≥3个'],
      ['实施期', '产出指标', '数量指标', '形成调研分析报告数', '≥9份'],
      ['年度', '产出指标', '数量指标', '形成调研分析报告数', '≥9份'],
      ['实施期', '产出指标', '数量指标', '处非宣传活动场次', '≥10场'],
      ['年度', '产出指标', '数量指标', '处非宣传活动场次', '≥10场'],
      ['实施期', '产出指标', '数量指标', '金融宣传片制作数', '≥6个'],
      ['年度', '产出指标', '数量指标', '金融宣传片制作数', '≥6个'],
      ['实施期', '产出指标', '质量指标', '人员培训合格率', '≥90%'],
      ['年度', '产出指标', '质量指标', '人员培训合格率', '≥90%'],
      ['实施期', '产出指标', '时效指标', '处非宣传时间', '≥30天'],
      ['年度', '产出指标', '时效指标', '处非宣传时间', '≥30天'],
      ['实施期', '产出指标', '成本指标', '单位宣传物料成本', '符合符合市场价格'],
      // 「年度成本指标没有三级指标和指标值」: kept so the checks can say so.
      ['年度', '产出指标', '成本指标', '', ''],
      ['实施期', '效益指标', '社会效益指标', '参训人次', '≥600人次'],
      ['年度', '效益指标', '社会效益指标', '培训人次', '≥600人次'],
      ['实施期', '满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
      ['年度', '满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
    ]);
  });

  it('keeps an empty 年度 经济效益指标 beside a filled 实施期 one, and drops rows empty in both periods', () => {
    const economic = byName('会议(培训)费')?.indicators.filter((i) => i.level2 === '经济效益指标');
    expect(economic?.map((i) => [i.period, i.level3, i.value])).toEqual([
      ['实施期', '业务能力提升', '提升'],
      ['年度', '', ''],
    ]);
    expect(byName('政府购买服务经费')?.indicators.filter((i) => i.level2 === '经济效益指标')).toEqual([]);
    // The 信息网络运维费 header has an empty column before the 年度 group: periods still split right.
    expect(rows(byName('信息网络运维费')).slice(0, 2)).toEqual([
      ['实施期', '产出指标', '数量指标', '保障局机关计算机设备数', '≥60台'],
      ['年度', '产出指标', '数量指标', '保障局机关计算', '≥60台'],
    ]);
    expect(byName('信息网络运维费')?.indicators.at(-1)?.level2).toBe('服务对象满意度指');
  });
});

describe('a clerk-typed form: inline values, half-width colons, spaced labels, no title', () => {
  let read: Awaited<ReturnType<typeof readPerformanceFile>>;
  beforeAll(async () => {
    read = await readPerformanceFile(await tsvWorkbook(performanceTsv('datong-2024-nasty-form.tsv'), tmp.file('nasty.xlsx'), { layout: 'stacked', rowOffset: 3, columnOffset: 2, sheetName: '填报' }));
  });

  it('reads the head and money whatever the labels look like, and names the unreadable amount\'s cell', () => {
    const [f] = read.forms;
    expect(read.forms).toHaveLength(1);
    expect(f?.title).toBeUndefined();
    expect(f?.year).toBeUndefined();
    expect(f?.source).toEqual({ file: 'nasty.xlsx', sheet: '填报', cell: 'C4' });
    expect(f?.projectName).toBe('Z专项检查工作经费');
    expect(f?.department).toEqual({ code: '038', name: '大同市人民政府金融工作办公室[部门]' });
    expect(f?.implementingUnit).toBe('大同市人民政府金融工作办公室');
    expect(f?.projectAttribute).toBe('经常性项目（长期开展）');
    expect(f?.projectTerm).toBe('1年');
    expect(f?.funds).toEqual({
      实施期: { unit: '元', total: '50000.00', central: '0.00', cityCounty: '50000.00' },
      年度: { unit: '元', total: '45000.50', cityCounty: '45000.50' },
    });
    expect(read.notices).toEqual([
      { level: '警告', file: 'nasty.xlsx', sheet: '填报', cell: 'G8', message: '年度中央财政资金「五万元」不是金额（应为以元为单位的数字，如 28,569.78），已留空。' },
    ]);
    expect(f?.overview).toBe('负责小额贷款等公司的检查。');
    expect(f?.safeguards).toBe('按照省局要求执行。');
    expect(f?.overallGoals).toEqual({ 实施期: '', 年度: '完成年度检查。' });
    expect(f?.contacts).toEqual({ responsiblePerson: '张三', phone: '0352-1234567', filledOn: '2024-01-29' });
  });

  it('reads the tree with spaced headings, stops at the footnote and keeps an empty 年度 时效指标', () => {
    expect(rows(read.forms[0])).toEqual([
      ['实施期', '产出指标', '数量指标', '专项检查工作次数', '≥ 10 次'],
      ['年度', '产出指标', '数量指标', '专项检查工作次数', '≥ 10 次'],
      ['实施期', '产出指标', '数量指标', '检查覆盖机构数', '≥20家'],
      ['年度', '产出指标', '数量指标', '检查覆盖机构数', '≥20家'],
      ['实施期', '产出指标', '质量指标', '检查工作合格率', '≥90%'],
      ['年度', '产出指标', '质量指标', '检查工作合格率', '≥90%'],
      ['实施期', '产出指标', '时效指标', '检查工作及时率', '及时及时'],
      ['年度', '产出指标', '时效指标', '', ''],
      ['实施期', '产出指标', '成本指标', '检查工作所需资金', '≤5万元'],
      ['年度', '产出指标', '成本指标', '检查工作所需资金', '≤4.5万元'],
      ['实施期', '效益指标', '社会效益指标', '检查单位满意度', '≥90%'],
      ['年度', '效益指标', '社会效益指标', '检查单位满意度', '≥90%'],
      ['实施期', '满意度', '服务对象满意度', '服务对象满意度', '满意'],
      ['年度', '满意度', '服务对象满意度', '服务对象满意度', '满意'],
    ]);
    expect(read.forms[0]?.indicators[0]?.parsed).toEqual({ comparator: '≥', number: '10', unit: '次', text: '≥ 10 次' });
  });

  it('reads the same from a legacy .xls', async () => {
    const xlsx = await tsvWorkbook(performanceTsv('datong-2024-nasty-form.tsv'), tmp.file('nasty-for-xls.xlsx'), { layout: 'stacked', rowOffset: 3, columnOffset: 2, sheetName: '填报' });
    const xls = tmp.file('nasty.xls');
    saveAsXls(xlsx, xls);
    const fromXls = await readPerformanceFile(xls);
    const strip = (f: PerformanceTargetForm) => ({ ...f, source: { ...f.source, file: '' } });
    expect(fromXls.forms.map(strip)).toEqual(read.forms.map(strip));
    expect(fromXls.notices.map((n) => ({ ...n, file: '' }))).toEqual(read.notices.map((n) => ({ ...n, file: '' })));
  });
});

describe('a workbook that merges its 一级/二级 cells', () => {
  const LINES = [
    '项目支出绩效目标表',
    '(2025年度)',
    '项目名称\t测试项目',
    '主管部门及代码\t001-测试部门\t实施单位\t测试单位',
    '项目资金（元）\t实施期资金总额：\t1000\t年度资金总额：\t1000',
    '绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值',
    '\t产出指标\t数量指标\t甲\t1个\t数量指标\t甲\t1个',
    '\t\t\t乙\t2个\t\t乙\t2个',
    '\t\t成本指标\t丙\t≤3元\t成本指标\t丙\t≤3元',
    '\t\t\t丁\t≤4元\t\t丁\t≤4元',
    '\t满意度指标\t服务对象满意度指标\t戊\t≥90%\t服务对象满意度指标\t戊\t≥90%',
  ];
  it('carries a blank 二级 cell inside a merge, and leaves one outside any merge empty', async () => {
    // Rows 7–10 hold 产出指标; 数量指标 is merged over rows 7–8 in both periods, 成本指标 (row 9) is not merged down.
    const file = await tsvWorkbook(LINES.join('\n'), tmp.file('merged.xlsx'), { layout: 'stacked', merges: ['B7:B10', 'C7:C8', 'F7:F8'] });
    const { forms, notices } = await readPerformanceFile(file);
    expect(notices).toEqual([]);
    expect(forms[0]?.year).toBe(2025);
    expect(rows(forms[0])).toEqual([
      ['实施期', '产出指标', '数量指标', '甲', '1个'],
      ['年度', '产出指标', '数量指标', '甲', '1个'],
      ['实施期', '产出指标', '数量指标', '乙', '2个'],
      ['年度', '产出指标', '数量指标', '乙', '2个'],
      ['实施期', '产出指标', '成本指标', '丙', '≤3元'],
      ['年度', '产出指标', '成本指标', '丙', '≤3元'],
      ['实施期', '产出指标', '', '丁', '≤4元'],
      ['年度', '产出指标', '', '丁', '≤4元'],
      ['实施期', '满意度指标', '服务对象满意度指标', '戊', '≥90%'],
      ['年度', '满意度指标', '服务对象满意度指标', '戊', '≥90%'],
    ]);
  });

  it('carries the same blank cells down when the sheet merges nothing', async () => {
    const file = await tsvWorkbook(LINES.join('\n'), tmp.file('unmerged.xlsx'), { layout: 'stacked' });
    const { forms } = await readPerformanceFile(file);
    expect(forms[0]?.indicators.filter((i) => i.level3 === '丁').map((i) => i.level2)).toEqual(['成本指标', '成本指标']);
  });
});

describe('seed 003: 河南 部门（单位）整体绩效目标表 and 项目绩效目标汇总表', () => {
  let file: string;
  beforeAll(async () => {
    file = await tsvWorkbook([performanceTsv('henan-2024-department.tsv'), performanceTsv('henan-2024-summary.tsv')], tmp.file('henan-forms.xlsx'), {
      layout: 'per-form',
      sheetName: (i) => ['部门整体绩效目标表', '项目绩效目标汇总表'][i] ?? `表${i}`,
      numbers: true,
    });
  });

  it('reads the department form: name, goal, tasks, budget figures in 万元 and the indicators with carry-down', async () => {
    const read = await readPerformanceFile(file);
    // The 汇总表 on the other sheet gives its one project (tests/import-performance-summary.test.ts reads it closely).
    expect(read.forms.map((f) => [f.projectName, f.layout, f.department])).toEqual([['金融及处非工作经费', 'summary', { code: '154', name: '新乡市金融工作局' }]]);
    expect(read.summary).toBe('读到 1 张项目支出绩效目标表和 1 张部门（单位）整体绩效目标表');
    expect(read.notices).toEqual([
      { level: '提示', file: 'henan-forms.xlsx', sheet: '项目绩效目标汇总表', cell: 'H13', message: '项目「金融及处非工作经费」第 13–18 行的绩效指标比表头左移了一列（常见于从 PDF 转换的表格），已按表头的三级指标、指标值列读取，请核对。' },
      { level: '提示', file: 'henan-forms.xlsx', sheet: '项目绩效目标汇总表', cell: 'I20', message: '「业出具金融合规证明」单独成行，是上方「2024 年市金融局为拟上市企」跨页断开的后半部分，已接在其后（请核对）。' },
    ]);
    const d = read.department;
    expect(d?.title).toBe('部门（单位）整体绩效目标表');
    expect(d?.year).toBe(2024);
    expect(d?.departmentName).toBe('新乡市金融工作局');
    expect(d?.annualGoal).toMatch(/^引导中小微企业上市.*最大程度维护群众合法权益。$/);
    expect(d?.tasks.map((t) => t.name)).toEqual(['持续推进“登顶太行”计划', '深入开展非法集资专项治理', '扛稳行业监管主体责任', '全方位开展多层次银企对接']);
    expect(d?.tasks[1]?.content).toBe('持续加大非法集资打击力度，增强工作合力，促进上下联动，丰富处置手段，稳妥加快存量案件化解。');
    expect(d?.budget).toEqual({ unit: '万元', total: '504.11', governmentBudget: '504.11', basic: '467.11', project: '37.00' });
    expect(d?.source).toEqual({ file: 'henan-forms.xlsx', sheet: '部门整体绩效目标表', cell: 'A1' });

    const indicators = d?.indicators ?? [];
    expect(indicators).toHaveLength(36);
    const find = (level3: string) => indicators.find((i) => i.level3 === level3);
    expect(find('年度履职目标相关性')).toMatchObject({ level1: '投入管理指标', level2: '工作目标管理', value: '相关' });
    expect(find('专项资金细化率')).toMatchObject({ level1: '投入管理指标', level2: '预算和财务管理', value: '≥90%', parsed: { comparator: '≥', number: '90', unit: '%', text: '≥90%' } });
    // Blank lines inside the table do not break the carry-down.
    expect(find('资金使用合规性')).toMatchObject({ level1: '投入管理指标', level2: '预算和财务管理', value: '合规' });
    expect(find('评价结果应用率')).toMatchObject({ level1: '投入管理指标', level2: '绩效管理', value: '100%' });
    expect(find('非法集资案件销号')).toMatchObject({ level1: '产出指标', level2: '重点工作任务完成', value: '≥10 起', note: '2024 年内达到非法集资案件结案销号 20 起的目标。' });
    expect(find('银企对接')).toMatchObject({ level1: '产出指标', level2: '履职目标实现', value: '常态化对接' });
    expect(find('群众满意度')).toMatchObject({ level1: '效益指标', level2: '满意度', value: '≥90%' });
    expect(find('银行、保险满意度')).toMatchObject({ level1: '效益指标', level2: '满意度', value: '≥95%' });
    expect(indicators.every((i) => i.note && i.parsed?.text === i.value)).toBe(true);
  });

  it('reads a department form that merges its 一级/二级 cells: a blank one outside a merge is missing, not carried', async () => {
    const lines = [
      '部门（单位）整体绩效目标表',
      '（2025年度）',
      '部门名称：某局',
      '一级指标\t二级指标\t三级指标\t指标值\t指标值说明',
      '产出指标\t重点工作任务完成\t甲\t≥1 场\t说明甲',
      '\t\t乙\t2 次\t说明乙',
      '\t\t丙\t≥5 家\t说明丙',
      '效益指标\t履职效益\t丁\t提升\t说明丁',
    ];
    // 一级 A5:A7 and 二级 B5:B6 merged; B7 is blank and outside any merge.
    const merged = await tsvWorkbook(lines.join('\n'), tmp.file('department-merged.xlsx'), { layout: 'stacked', merges: ['A5:A7', 'B5:B6'] });
    const plain = await tsvWorkbook(lines.join('\n'), tmp.file('department-plain.xlsx'), { layout: 'stacked' });
    const levels = async (file: string) => (await readPerformanceFile(file)).department?.indicators.map((i) => [i.level1, i.level2, i.level3]);
    expect(await levels(merged)).toEqual([
      ['产出指标', '重点工作任务完成', '甲'],
      ['产出指标', '重点工作任务完成', '乙'],
      ['产出指标', '', '丙'],
      ['效益指标', '履职效益', '丁'],
    ]);
    expect((await levels(plain))?.[2]).toEqual(['产出指标', '重点工作任务完成', '丙']);
  });

  it('puts the department form on the book imported with 河南\'s tables, the summary\'s project as a form', async () => {
    const tables = await importWorkbooks([HENAN_XLSX]);
    const { book, notices } = await importWorkbooks([HENAN_XLSX, file]);
    expect(book.departmentPerformance?.departmentName).toBe('新乡市金融工作局');
    expect(book.departmentPerformance?.budget.total).toBe('504.11');
    expect(book.performanceForms?.map((f) => f.projectName)).toEqual(['金融及处非工作经费']);
    const added = notices.filter((n) => !tables.notices.some((m) => m.message === n.message));
    expect(added).toEqual([
      { level: '提示', file: 'henan-forms.xlsx', sheet: '项目绩效目标汇总表', cell: 'H13', message: '项目「金融及处非工作经费」第 13–18 行的绩效指标比表头左移了一列（常见于从 PDF 转换的表格），已按表头的三级指标、指标值列读取，请核对。' },
      { level: '提示', file: 'henan-forms.xlsx', sheet: '项目绩效目标汇总表', cell: 'I20', message: '「业出具金融合规证明」单独成行，是上方「2024 年市金融局为拟上市企」跨页断开的后半部分，已接在其后（请核对）。' },
    ]);
  });
});
