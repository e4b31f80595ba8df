// 河南's 部门预算项目绩效目标汇总表 (seed 003) imported as one 年度-only form per project (layout 'summary'): the table as
// it sits in an Excel sheet (tests/fixtures/performance/henan-2024-summary-clean.tsv, merged cells, amounts as numbers)
// and as the PDF conversion left it (henan-2024-summary.tsv: a page printed one column left, a cell broken over a
// page); matched to 表10 and checked with the Xinxiang tables; odd and hostile rows only ever make notices.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { emptySheet, setCell, type SheetGrid } from '../src/main/import/grid';
import { governmentBudgetSource, readPerformanceFile, readPerformanceSheet, settleSummaryForm } from '../src/main/import/performance';
import { openStore } from '../src/main/store';
import { matchForms, type PerformanceTargetForm } from '../src/shared/performance';
import { Validator, type Finding } from '../src/shared/validation';
import { HENAN_XLSX } from './helpers/henan-seed';
import { seededRandom } from './helpers/rng';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('performance-summary-');
});
afterAll(() => tmp.remove());

const CLEAN = performanceTsv('henan-2024-summary-clean.tsv');
const PDF = performanceTsv('henan-2024-summary.tsv');

/** The clean fixture's merges, as the sheet has them: the header's group cells, and the project's head cells down its rows. */
const CLEAN_MERGES = ['A3:A5', 'B3:B5', 'C3:F3', 'G3:N3', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:H4', 'I4:J4', 'K4:L4', 'M4:N4', 'A8:A17', 'B8:B17', 'C8:C17', 'D8:D17', 'E8:E17', 'F8:F17'];

/** Amount cells (columns C–F) as numbers, as an exported sheet holds them; 编码 stay text (21 digits do not fit a double). */
async function amountsAsNumbers(path: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      for (const column of [3, 4, 5, 6]) {
        const cell = row.getCell(column);
        if (typeof cell.value === 'string' && /^\d+(?:\.\d+)?$/.test(cell.value)) cell.value = Number(cell.value);
      }
    }),
  );
  await workbook.xlsx.writeFile(path);
  return path;
}

type Row = [string, string, string, string];
const rows = (form: PerformanceTargetForm | undefined): Row[] => (form?.indicators ?? []).map((i) => [i.level1, i.level2, i.level3, i.value]);
const compact = (list: Row[]): Row[] => list.map((row) => row.map((text) => text.replace(/\s+/g, '')) as Row);

/** Seed 003's project, group by group as the columns print them (成本, 产出, 效益, 满意度), top to bottom. */
const SEED_ROWS: Row[] = [
  ['成本指标', '', '2024年总支出', '≤37万元'],
  ['产出指标', '', '2024年组织大型政企对接会', '≥1场'],
  ['产出指标', '', '2024年新增上市（挂牌）企业数量', '≥5家'],
  ['产出指标', '', '2024年进行地方金融组织年审、专项检查', '2次'],
  ['产出指标', '', '2024年开展资本市场知识培训', '≥4场'],
  ['产出指标', '', '主要贷款指标在全省名次', '位居全省前列'],
  ['产出指标', '', '小贷、典当公司监管分类评级合格率', '≥90%'],
  ['产出指标', '', '向金融机构推介有融资需求的企业，要求金融机构及时反馈对接情况', '≤7工作日'],
  ['产出指标', '', '2024年市金融局为拟上市企业出具金融合规证明', '≤7工作日'],
  ['产出指标', '', '为地方金融组织变更政务服务事项', '≤2工作日'],
  ['产出指标', '', '2024年非法集资案件结案销号规模', '≥10起'],
  ['效益指标', '', '缓解企业融资难题', '全力满足企业融资需求'],
  ['效益指标', '', '加强对地方金融组织事中、事后监管', '督促地方金融组织合规经营'],
  ['效益指标', '', '最大限度为群众追赃挽损', '维护群众合法权益'],
  ['效益指标', '', '企业和政府人员对企业上市的了解程度', '明显提升'],
  ['满意度指标', '', '群众满意度', '≥90%'],
  ['满意度指标', '', '上市公司满意度', '≥90%'],
  ['满意度指标', '', '地方金融组织满意度', '≥95%'],
  ['满意度指标', '', '银行机构满意度', '≥95%'],
];

describe('seed 003: the 汇总表 as an Excel sheet', () => {
  let cleanFile: string;
  beforeAll(async () => {
    cleanFile = await amountsAsNumbers(await tsvWorkbook(CLEAN, tmp.file('summary-clean.xlsx'), { layout: 'stacked', sheetName: '项目绩效目标汇总表', merges: CLEAN_MERGES }));
  });

  it('reads its one project as a 年度-only form: 37.00 万元 → 370000.00 元, the unit above it, 19 indicators without 二级', async () => {
    const read = await readPerformanceFile(cleanFile);
    expect(read.notices).toEqual([]);
    expect(read.summary).toBe('读到 1 张项目支出绩效目标表');
    const [form, ...others] = read.forms;
    expect(others).toEqual([]);
    const { indicators, ...head } = form as PerformanceTargetForm;
    expect(head).toEqual({
      title: '2024年部门预算项目绩效目标汇总表',
      year: 2024,
      projectName: '金融及处非工作经费',
      // 「部门名称：本级」 and a blank name on the 154 row name no one: the book's name comes in at import.
      department: { code: '154', name: '' },
      implementingUnit: '新乡市金融工作局',
      projectAttribute: '',
      projectTerm: '',
      // 政府预算资金 of a 市 unit is the city's money.
      funds: { 实施期: { unit: '元' }, 年度: { unit: '元', total: '370000.00', cityCounty: '370000.00' } },
      overview: '',
      basis: '',
      necessity: '',
      safeguards: '',
      plan: '',
      overallGoals: { 实施期: '', 年度: '' },
      contacts: {},
      source: { file: 'summary-clean.xlsx', sheet: '项目绩效目标汇总表', cell: 'A8' },
      layout: 'summary',
    });
    expect(rows(form)).toEqual(SEED_ROWS);
    expect(indicators.every((i) => i.period === '年度' && i.parsed?.text === i.value)).toBe(true);
    expect(indicators.find((i) => i.level3 === '2024年总支出')?.parsed).toEqual({ comparator: '≤', number: '37', unit: '万元', text: '≤37万元' });
  });

  it('reads the same without merged cells, and with the project\'s 编码 and name repeated on every row', async () => {
    const plain = await tsvWorkbook(CLEAN, tmp.file('summary-plain.xlsx'), { layout: 'stacked' });
    const lines = CLEAN.replace(/\n+$/, '').split('\n');
    const head = (lines[7] as string).split('\t').slice(0, 2).join('\t');
    const repeated = lines.map((line, i) => (i > 7 ? `${head}${line.slice(1)}` : line)).join('\n');
    const flat = await tsvWorkbook(repeated, tmp.file('summary-repeated.xlsx'), { layout: 'stacked' });
    for (const file of [plain, flat]) {
      const read = await readPerformanceFile(file);
      expect(read.notices, file).toEqual([]);
      expect(read.forms.map((f) => [f.projectName, f.funds.年度.total, f.implementingUnit])).toEqual([['金融及处非工作经费', '370000.00', '新乡市金融工作局']]);
      expect(rows(read.forms[0])).toEqual(SEED_ROWS);
    }
  });

  it('with the Xinxiang tables: matched to 表10「金融及处非工作经费」, named after the department, and nothing wrong', async () => {
    const tables = await importWorkbooks([HENAN_XLSX], { familyId: 'henan-2024' });
    const { book, notices } = await importWorkbooks([HENAN_XLSX, cleanFile], { familyId: 'henan-2024' });
    expect(notices.filter((n) => !tables.notices.some((m) => m.message === n.message))).toEqual([]);
    const form = book.performanceForms?.[0];
    expect(book.performanceForms).toHaveLength(1);
    expect(form?.department).toEqual({ code: '154', name: '新乡市金融工作局' });
    const matching = matchForms(book);
    expect(matching.table).toBe('t10');
    expect(matching.projects.map((p) => [p.project.name, p.project.amountWan, p.formIndex])).toEqual([['金融及处非工作经费', '37.00', 0]]);
    expect(matching.formsWithoutProject).toEqual([]);

    const perf = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('perf.'));
    // Nothing is wrong with this project: 370000.00 元 is 表10's 37.00 万元, the one source adds up to the total, 产出
    // (成本 counts under it), 效益 and 满意度 are there, every 三级指标 has its value, no text is typed twice; 实施期 is
    // not required of a 汇总表 and 河南's catalogue holds no 一级/二级 against the framework.
    expect(perf(new Validator(book).findings()).map((f) => [f.rule, f.severity, f.form?.field, f.message])).toEqual([]);

    // Kept as read by the store (its schema admits `layout`), so the book reopens with the same form.
    const store = openStore(tmp.file('summary.db'));
    try {
      expect(store.loadBook(store.insertBook(book)).performanceForms).toEqual(book.performanceForms);
    } finally {
      store.close();
    }

    // The check is live: a 年度资金总额 that does not round to 表10's figure is an error on that field.
    const wrong = structuredClone(book);
    const annual = (wrong.performanceForms?.[0] as PerformanceTargetForm).funds.年度;
    annual.total = annual.cityCounty = '371000.00';
    expect(perf(new Validator(wrong).findings()).map((f) => [f.rule, f.severity, f.form?.field, f.expected, f.actual])).toEqual([['perf.project', 'error', 'funds.年度.total', '37.00', '37.10']]);
  });
});

describe('seed 003: the 汇总表 as the PDF conversion left it', () => {
  it('reads the same project: the page printed one column left and the cell broken over a page are put right, and said', async () => {
    const file = await tsvWorkbook(PDF, tmp.file('summary-pdf.xlsx'), { layout: 'stacked', numbers: true, sheetName: '汇总表' });
    const read = await readPerformanceFile(file);
    expect(read.notices).toEqual([
      { level: '提示', file: 'summary-pdf.xlsx', sheet: '汇总表', cell: 'H13', message: '项目「金融及处非工作经费」第 13–18 行的绩效指标比表头左移了一列（常见于从 PDF 转换的表格），已按表头的三级指标、指标值列读取，请核对。' },
      { level: '提示', file: 'summary-pdf.xlsx', sheet: '汇总表', cell: 'I20', message: '「业出具金融合规证明」单独成行，是上方「2024 年市金融局为拟上市企」跨页断开的后半部分，已接在其后（请核对）。' },
    ]);
    const [form] = read.forms;
    expect(read.forms).toHaveLength(1);
    // Wrapped cells come back whole (「金融及处 非工作经 费」); the PDF's space between a number and its word stays.
    expect(form?.projectName).toBe('金融及处非工作经费');
    expect(form?.indicators.find((i) => i.level1 === '成本指标')?.level3).toBe('2024 年总支出');
    expect(compact(rows(form))).toEqual(SEED_ROWS);
    expect(form?.funds.年度).toEqual({ unit: '元', total: '370000.00', cityCounty: '370000.00' });
    expect([form?.department, form?.implementingUnit, form?.year]).toEqual([{ code: '154', name: '' }, '新乡市金融工作局', 2024]);
  });
});

/** A sheet from tab-separated lines (row 1 first), cells as given: strings, or numbers where a test wants them. */
function sheetOf(name: string, lines: readonly (string | (string | number | null)[])[]): SheetGrid {
  const sheet = emptySheet(name);
  lines.forEach((line, r) => {
    const cells = typeof line === 'string' ? line.split('\t') : line;
    cells.forEach((value, c) => {
      if (value !== '' && value !== null) setCell(sheet, r + 1, c + 1, { value });
    });
  });
  return sheet;
}

const HEADER = CLEAN.split('\n').slice(2, 5);
const title = (year: number, department: string): string[] => [`${year}年部门预算项目绩效目标汇总表`, `部门名称：${department}`];
const pad = (cells: string[]): string => ['', '', '', '', '', '', ...cells].join('\t');

describe('the rows of a 汇总表', () => {
  it('carries each project down to the next 编码, under its department and unit; money converted exactly, by source', () => {
    const sheet = sheetOf('汇总', [
      ...title(2025, '某某县教育局'),
      ...HEADER,
      '201\t某某县教育局\t100.00\t80.00\t20.00',
      '201001\t某某县教育局本级\t60.00\t40.00\t20.00',
      '411000250000000000001\t项目 甲\t12.345678\t10.00\t2.345678\t0\t成本甲\t≤1万元\t产出甲\t≥1次\t效益甲\t提升\t满意甲\t≥90%',
      pad(['', '', '产出乙', '≥2次']),
      '411000250000000000002\t项目乙\t47.654322\t30.00\t17.654322\t\t\t\t产出丙\t100%\t效益乙\t明显\t满意乙\t≥95%',
      '201002\t某某县第一中学\t40.00\t40.00',
      ['411000250000000000003', '项目丙', 40, 40, null, null, null, null, '产出丁', 3, '效益丙', '改善', '满意丙', '≥90%'],
      pad(['', '', '', '', '效益丁', '提升']),
    ]);
    const read = readPerformanceSheet('汇总.xlsx', sheet);
    expect(read.notices).toEqual([]);
    expect(read.forms.map((f) => [f.projectName, f.year, f.department, f.implementingUnit, f.funds.年度, f.source?.cell])).toEqual([
      ['项目甲', 2025, { code: '201', name: '某某县教育局' }, '某某县教育局本级', { unit: '元', total: '123456.78', cityCounty: '100000.00', other: '23456.78', selfRaised: '0.00' }, 'A8'],
      ['项目乙', 2025, { code: '201', name: '某某县教育局' }, '某某县教育局本级', { unit: '元', total: '476543.22', cityCounty: '300000.00', other: '176543.22' }, 'A10'],
      ['项目丙', 2025, { code: '201', name: '某某县教育局' }, '某某县第一中学', { unit: '元', total: '400000.00', cityCounty: '400000.00' }, 'A12'],
    ]);
    expect(read.forms.map((f) => f.indicators.map((i) => `${i.level1}/${i.level3}/${i.value}`))).toEqual([
      ['成本指标/成本甲/≤1万元', '产出指标/产出甲/≥1次', '产出指标/产出乙/≥2次', '效益指标/效益甲/提升', '满意度指标/满意甲/≥90%'],
      ['产出指标/产出丙/100%', '效益指标/效益乙/明显', '满意度指标/满意乙/≥95%'],
      ['产出指标/产出丁/3', '效益指标/效益丙/改善', '效益指标/效益丁/提升', '满意度指标/满意丙/≥90%'],
    ]);
  });

  it('puts 政府预算资金 at the level of the department (省级 for a province\'s), in 元 where the header says so', () => {
    const header = HEADER.map((line) => line.replace('项目金额（万元）', '项目金额（元）'));
    const sheet = sheetOf('省', [...title(2024, '河南省地方金融监督管理局'), ...header, '301\t\t500000\t500000', '301001\t河南省地方金融监督管理局\t500000\t500000', '410000240000000000009\t监管经费\t500000\t450000\t\t50000\t\t\t检查\t≥2次']);
    const [form] = readPerformanceSheet('省.xlsx', sheet).forms;
    expect([form?.department, form?.funds.年度]).toEqual([{ code: '301', name: '河南省地方金融监督管理局' }, { unit: '元', total: '500000.00', provincial: '450000.00', selfRaised: '50000.00' }]);

    expect(
      ['新乡市金融工作局', '河南省新乡市金融工作局', '某某县教育局', '北京市海淀区教委', '河南省地方金融监督管理局', '河南省市场监督管理局', '北京市财政局', '广西壮族自治区财政厅', '财政局', ''].map(governmentBudgetSource),
    ).toEqual(['cityCounty', 'cityCounty', 'cityCounty', 'cityCounty', 'provincial', 'provincial', 'provincial', 'provincial', 'provincial', 'provincial']);
  });

  it('takes the department\'s name the import settled on, moving 政府预算资金 to the level that name says', () => {
    const sheet = sheetOf('无名', [...title(2024, '本级'), ...HEADER, '501\t\t10.00\t10.00', '501001\t本级\t10.00\t10.00', '410000240000000000010\t某经费\t10.00\t10.00\t\t\t\t\t检查\t≥2次']);
    const [form] = readPerformanceSheet('无名.xlsx', sheet).forms as [PerformanceTargetForm];
    // Nothing names a place: 省级 until a name is known.
    expect([form.department, form.implementingUnit, form.funds.年度]).toEqual([{ code: '501', name: '' }, '', { unit: '元', total: '100000.00', provincial: '100000.00' }]);
    const settled = settleSummaryForm(form, '某某市某局');
    expect([settled.department, settled.funds.年度]).toEqual([{ code: '501', name: '某某市某局' }, { unit: '元', total: '100000.00', cityCounty: '100000.00' }]);
    // A form that already names its department, or is not from a 汇总表, is left alone.
    expect(settleSummaryForm(settled, '河南省某厅')).toBe(settled);
    const { layout: _layout, ...full } = form;
    expect(settleSummaryForm(full, '某某市某局')).toBe(full);
  });
});

describe('odd and hostile rows', () => {
  it('become notices naming their cells; the good projects are still read', () => {
    const sheet = sheetOf('乱', [
      ...title(2024, '本级'),
      ...HEADER,
      pad(['', '', '孤儿指标', '≥1次']),
      '合计\t\t99.00\t99.00',
      '154\t\t99.00\t99.00',
      '154001\t新乡市金融工作局\t99.00\t99.00',
      '某某说明文字\t\t1.00',
      '410700220000000000001\t\t5.00\t5.00\t\t\t\t\t无名指标\t1次',
      pad(['', '', '无名续行', '2次']),
      '410700220000000000002\t好项目\t三十七\t37.00\t\t\t\t\t产出甲\t≥1场\t\t\t满意甲\t≥90%',
      '\t\t\t\t\t\t\t\t产出乙\t≥2场\t\t\t\t\t\t\t远处\t垃圾',
      '\t\t1.00',
      ['410700220000000000003', '大数项目', 1e308, Number.MAX_VALUE, null, null, null, null, 'x'.repeat(5000), '≥1'],
      '注：本表金额单位为万元。',
      pad(['', '', '注后的行', '1']),
    ]);
    sheet.merges.push({ top: 14, left: 9, bottom: 20, right: 12 });
    const read = readPerformanceSheet('乱.xlsx', sheet);
    expect(read.forms.map((f) => [f.projectName, f.funds.年度, f.indicators.map((i) => i.level3.slice(0, 4))])).toEqual([
      ['好项目', { unit: '元', cityCounty: '370000.00' }, ['产出甲', '产出乙', '满意甲']],
      ['大数项目', { unit: '元' }, ['xxxx']],
    ]);
    expect(read.notices.map((n) => [n.level, n.cell, n.message])).toEqual([
      ['提示', 'I6', '项目绩效目标汇总表中的「孤儿指标」「≥1次」上方没有项目（单位编码（项目编码）和项目名称），未导入。'],
      ['提示', 'A10', '项目绩效目标汇总表中的「某某说明文字」不是单位编码或项目编码（应为数字编码，如 154001），未导入。'],
      ['警告', 'A11', '项目绩效目标汇总表中编码为 410700220000000000001 的项目没有填写项目名称（应在「项目单位（项目名称）」列），此项目的绩效目标未导入。'],
      ['警告', 'C13', '项目「好项目」的资金总额「三十七」不是金额（应以万元为单位的数字，如 37.00），已留空。'],
      ['提示', 'Q14', '项目绩效目标汇总表中的「远处」「垃圾」不在任何三级指标、指标值列之下，未导入。'],
      ['提示', 'C15', '项目绩效目标汇总表中的「1.00」所在行没有单位编码（项目编码）和名称，未导入。'],
      ['警告', 'C16', '项目「大数项目」的资金总额「1e+308」不是金额（应以万元为单位的数字，如 37.00），已留空。'],
      ['警告', 'D16', `项目「大数项目」的政府预算资金「${String(Number.MAX_VALUE)}」不是金额（应以万元为单位的数字，如 37.00），已留空。`],
    ]);
    for (const notice of read.notices) expect([notice.file, notice.sheet]).toEqual(['乱.xlsx', '乱']);
  });

  it('a title with nothing under it is a table of contents; a table without its header is said and skipped', () => {
    const contents = readPerformanceSheet('目录.xlsx', sheetOf('目录', ['目录', '2024年部门预算项目绩效目标汇总表', '部门（单位）整体绩效目标表']));
    expect(contents.notices.filter((n) => n.cell === 'A2').map((n) => [n.level, n.message])).toEqual([['提示', '「2024年部门预算项目绩效目标汇总表」下面没有汇总表的内容（如目录），已跳过。']]);
    const headless = readPerformanceSheet('无表头.xlsx', sheetOf('无表头', ['2024年部门预算项目绩效目标汇总表', '154\t\t37.00', '410700220000000029927\t某经费\t37.00']));
    expect(headless.forms).toEqual([]);
    expect(headless.notices.map((n) => [n.level, n.cell, n.message])).toEqual([['警告', 'A1', '「2024年部门预算项目绩效目标汇总表」中没有找到表头（单位编码（项目编码）、项目单位（项目名称）），未导入。']]);
    const noGroups = readPerformanceSheet('无指标.xlsx', sheetOf('无指标', ['2024年部门预算项目绩效目标汇总表', '单位编码（项目编码）\t项目单位（项目名称）\t资金总额', '154\t\t37.00']));
    expect(noGroups.notices.map((n) => [n.level, n.cell, n.message])).toEqual([['警告', 'A2', '「2024年部门预算项目绩效目标汇总表」中没有找到表头（成本指标、产出指标、效益指标、满意度指标），未导入。']]);
  });

  it('random rows under a real header never throw, and every form read is well formed', () => {
    const random = seededRandom(2024);
    const words = ['154', '154001', '410700220000000029927', '新乡市金融工作局', '金融及处非工作经费', '本级', '合计', '37.00', '三十七', '-', '≥90%', '2次', '满意', '注：说明', '成本指标', '三级指标', '指标值', '资金总额', '绩效目标', '项目绩效目标汇总表', '部门（单位）整体绩效目标表', '项目名称', ''];
    let forms = 0;
    for (let round = 0; round < 300; round++) {
      const sheet = sheetOf(`随机${round}`, [...title(2024, '本级'), ...HEADER.slice(0, 1 + Math.floor(random() * 3))]);
      const rowCount = 6 + Math.floor(random() * 30);
      for (let row = 6; row <= rowCount; row++) {
        const width = Math.floor(random() * 9);
        for (let i = 0; i < width; i++) {
          const roll = random();
          const value = roll < 0.1 ? random() * 1e7 : roll < 0.12 ? Number.MAX_VALUE : roll < 0.14 ? null : (words[Math.floor(random() * words.length)] as string);
          setCell(sheet, row, 1 + Math.floor(random() * 16), { value });
        }
      }
      sheet.merges.push({ top: 6, left: 1, bottom: 6 + Math.floor(random() * 10), right: 1 + Math.floor(random() * 3) });
      let result: ReturnType<typeof readPerformanceSheet> | undefined;
      expect(() => (result = readPerformanceSheet('随机.xlsx', sheet)), `round ${round}`).not.toThrow();
      for (const form of result?.forms ?? []) {
        forms++;
        expect(form.projectName).not.toBe('');
        expect(form.layout).toBe('summary');
        for (const indicator of form.indicators) {
          expect(indicator.period).toBe('年度');
          expect(indicator.parsed?.text).toBe(indicator.value);
        }
        for (const amount of Object.values(form.funds.年度)) expect(amount).toMatch(/^(?:元|-?\d+\.\d{2,})$/);
      }
      for (const notice of result?.notices ?? []) expect(notice.message).not.toMatch(/出错/);
    }
    expect(forms).toBeGreaterThan(50);
  });
});

describe('a 汇总表 and a 部门（单位）整体绩效目标表 on one sheet', () => {
  it.each([
    ['department first', [performanceTsv('henan-2024-department.tsv'), CLEAN]],
    ['summary first', [CLEAN, performanceTsv('henan-2024-department.tsv')]],
  ])('%s: both are read, and the summary\'s project takes the department\'s name', async (label, sources) => {
    const file = await tsvWorkbook(sources, tmp.file(`one-sheet-${label}.xlsx`), { layout: 'stacked', numbers: true, sheetName: '绩效目标' });
    const read = await readPerformanceFile(file);
    expect(read.notices).toEqual([]);
    expect(read.summary).toBe('读到 1 张项目支出绩效目标表和 1 张部门（单位）整体绩效目标表');
    expect(read.department?.departmentName).toBe('新乡市金融工作局');
    expect(read.department?.indicators).toHaveLength(36);
    expect(read.forms.map((f) => [f.projectName, f.department, f.funds.年度.total, f.indicators.length])).toEqual([['金融及处非工作经费', { code: '154', name: '新乡市金融工作局' }, '370000.00', 19]]);
  });
});
