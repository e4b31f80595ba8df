// The 绩效目标表 rules (perf.*) on real books: the Datong book (表十二) with seed 000's eight forms as printed, each
// problem planted on a clean form and found at its field with a stable key, and the 河南 book (表10, 部门（单位）整体
// 绩效目标表 against 表2/表3). Findings are computed at findings() from the book's current forms and figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { findRepeatedRun, sameIndicatorName } from '../src/shared/performance/check';
import type { PerformanceIndicator, PerformanceTargetForm } from '../src/shared/performance';
import { findFamily } from '../src/shared/template/registry';
import { allColumns } from '../src/shared/template/types';
import { rulesForFamily, Validator, type Finding } from '../src/shared/validation';
import { cleanForm, indicatorRows, seed000Forms, seedForm, SEED_000_SPECS, xinxiangDepartmentForm } from './helpers/performance-form';
import { HENAN_XLSX } from './helpers/henan-seed';
import { DATONG_XLSX, FIXTURES } from './helpers/seed';

let datong: Book;
let henan: Book;
beforeAll(async () => {
  datong = (await importWorkbooks([DATONG_XLSX])).book;
  henan = (await importWorkbooks([HENAN_XLSX], { familyId: 'henan-2024' })).book;
});

/** The Datong book with seed 000's forms, `change` applied to a copy. */
function datongWith(change: (forms: PerformanceTargetForm[]) => void = () => {}): Book {
  const book = structuredClone(datong);
  book.performanceForms = seed000Forms();
  change(book.performanceForms);
  return book;
}

const perf = (findings: Finding[]): Finding[] => findings.filter((f) => f.rule.startsWith('perf.'));
const perfFindings = (book: Book): Finding[] => perf(new Validator(book).findings());
/** Findings about one form (by index), all rules. */
const ofForm = (findings: Finding[], formIndex: number): Finding[] => findings.filter((f) => f.form?.scope === 'project' && f.form.formIndex === formIndex);
const brief = (f: Finding) => [f.rule, f.severity, f.form?.field, f.key];
const FIRST = 'Z专项检查工作经费';

describe('seed 000 as printed', () => {
  it('matches every form to its 表十二 project and finds only what is really wrong in them', () => {
    const findings = perfFindings(datongWith());
    // Money: every 年度资金总额 rounds to its project, every split adds up, 实施期 = 年度 (99年). No errors at all.
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Two projects of 表十二 have no form in the document.
    expect(findings.filter((f) => f.rule === 'perf.project').map((f) => [f.severity, f.locations[0]?.row, f.message])).toEqual([
      ['warning', 'Z政银企对接经费', '表十二「Z政银企对接经费」（6.00 万元）没有项目支出绩效目标表。'],
      ['warning', 'Z金融稳定发展工作经费', '表十二「Z金融稳定发展工作经费」（7.00 万元）没有项目支出绩效目标表。'],
    ]);
    // Text typed twice: 19 values, each printed in both columns.
    const repeats = findings.filter((f) => f.rule === 'perf.text.repeat');
    const wholePeriod = repeats.filter((f) => f.form?.label.endsWith('实施期指标值')).map((f) => [f.form?.name, f.form?.label.replace(/ 的实施期指标值$/, '').split('/').pop(), /“(..)”重复书写/.exec(f.message)?.[1]]);
    expect(wholePeriod.sort()).toEqual(
      [
        ['J水电物业经费', '水电暖气物业等保障度', '保障'],
        ['J水电物业经费', '支付费用及时性', '及时'],
        ['J水电物业经费', '单位正常运转保障度', '保障'],
        ['Z处置非法集资奖励经费', '奖励及时性', '及时'],
        ['J金融工作经费', '支付费用及时性', '及时'],
        ['J金融工作经费', '保障机关运行', '保障'],
        ['J金融工作经费', '单位职工满意度', '满意'],
        ['Z金融发展服务专项工作经费', '提升金融服务实体经济质效', '提升'],
        ['Z金融发展服务专项工作经费', '2024年底前完成计划场次', '保证'],
        ['Z金融发展服务专项工作经费', '确保各项日常工作正常开展', '保证'],
        ['J金融发展服务工作经费', '各类支出及时性', '及时'],
        ['J金融发展服务工作经费', '保障单位正常运转', '保障'],
        ['J水电物业费', '支付费用及时性', '及时'],
        ['J水电物业费', '单位正常运转保障度', '保障'],
      ].sort(),
    );
    expect(repeats).toHaveLength(2 * wholePeriod.length);
    expect(repeats.every((f) => f.severity === 'warning' && /^indicators\.\d+\.value$/.test(f.form?.field ?? ''))).toBe(true);
    // The 成本指标 rows the print shifted lost their 二级指标: 5 rows, both columns.
    const levels = findings.filter((f) => f.rule === 'perf.indicators.levels');
    expect(levels.map((f) => `${f.form?.name}|${f.form?.label}`).sort()).toEqual(
      [
        'J水电物业经费|产出指标/单位用水成本 的实施期二级指标',
        'J水电物业经费|产出指标/单位用水成本 的年度二级指标',
        'J水电物业经费|产出指标/单位用电成本 的实施期二级指标',
        'J水电物业经费|产出指标/单位用电成本 的年度二级指标',
        'Z金融发展服务专项工作经费|产出指标/办公费等各类支出 的实施期二级指标',
        'Z金融发展服务专项工作经费|产出指标/办公费等各类支出 的年度二级指标',
        'J水电物业费|产出指标/单位用水成本 的实施期二级指标',
        'J水电物业费|产出指标/单位用水成本 的年度二级指标',
        'J水电物业费|产出指标/单位用电成本 的实施期二级指标',
        'J水电物业费|产出指标/单位用电成本 的年度二级指标',
      ].sort(),
    );
    expect(levels.every((f) => f.severity === 'warning' && /^indicators\.\d+\.level2$/.test(f.form?.field ?? '') && f.message.endsWith('：缺少二级指标。'))).toBe(true);
    // Nothing else: names the 年度 column cut short (「确保处置工作所」) pair with their 实施期 names.
    expect(findings.length).toBe(2 + repeats.length + levels.length);
  });

  it('a clean form gives no findings, and the row of the levels finding is the one that lost its 二级指标', () => {
    const book = datongWith();
    const findings = perfFindings(book);
    expect(ofForm(findings, 0)).toEqual([]);
    const lost = findings.find((f) => f.rule === 'perf.indicators.levels' && f.form?.name === 'J水电物业经费');
    const index = Number(/^indicators\.(\d+)\.level2$/.exec(lost?.form?.field ?? '')?.[1]);
    expect(book.performanceForms?.[1]?.indicators[index]).toMatchObject({ period: '实施期', level2: '', level3: '单位用水成本' });
    expect(lost?.key).toBe('perf.indicators.levels:J水电物业经费:实施期/产出指标//单位用水成本.level2');
    expect(lost?.message).toBe('项目“J水电物业经费”实施期指标“产出指标/单位用水成本”：缺少二级指标。');
  });
});

describe('planted problems', () => {
  it('a 年度资金总额 that does not round to its project: an error at funds.年度.total, kept fresh by table and form edits', () => {
    const book = datongWith((forms) => {
      const funds = { unit: '元' as const, total: '50100.00', central: '0.00', provincial: '0.00', cityCounty: '50100.00', selfRaised: '0.00' };
      (forms[0] as PerformanceTargetForm).funds = { 实施期: funds, 年度: { ...funds } };
    });
    const validator = new Validator(book);
    const finding = ofForm(perf(validator.findings()), 0);
    expect(finding.map(brief)).toEqual([['perf.project', 'error', 'funds.年度.total', `perf.project:${FIRST}:funds.年度.total`]]);
    expect(finding[0]).toMatchObject({
      message: `项目“${FIRST}”绩效目标表年度资金总额50100.00元，折合5.01万元，与项目支出预算表5.00万元不符（相差0.01万元）。`,
      expected: '5.00',
      actual: '5.01',
      difference: '0.01',
      form: { scope: 'project', formIndex: 0, name: FIRST, field: 'funds.年度.total', label: '年度资金总额' },
    });
    expect(finding[0]?.locations.map((l) => [l.table, l.row, l.column])).toEqual([[12, FIRST, '合计']]);

    // The project amount edited in 表十二 to agree: the finding goes, through the incremental path.
    const rowKey = book.tables.find((t) => t.tableId === 't12')?.rows.find((r) => r.name === FIRST)?.key as string;
    validator.setValue('t12', 'main', rowKey, 'total', '5.01');
    expect(ofForm(perf(validator.findings()), 0)).toEqual([]);
    // The form edited back (the book's forms changed, nothing else called): the finding is back, the other way round.
    const form = book.performanceForms?.[0] as PerformanceTargetForm;
    form.funds = { 实施期: { ...form.funds['实施期'], total: '50000.00', cityCounty: '50000.00' }, 年度: { ...form.funds['年度'], total: '50000.00', cityCounty: '50000.00' } };
    expect(ofForm(perf(validator.findings()), 0).map((f) => [f.rule, f.difference])).toEqual([['perf.project', '-0.01']]);
    // The forms replaced wholesale, as the sessions do after a store write.
    book.performanceForms = seed000Forms();
    validator.setValue('t12', 'main', rowKey, 'total', '5.00');
    expect(ofForm(perf(validator.findings()), 0)).toEqual([]);
  });

  it('a one-year project whose 实施期 differs from 年度: an error at funds.实施期.total; an ongoing one only needs ≥', () => {
    const withWhole = (term: string, whole: string) =>
      datongWith((forms) => {
        const form = forms[0] as PerformanceTargetForm;
        form.projectTerm = term;
        form.funds['实施期'] = { ...form.funds['实施期'], total: whole, cityCounty: whole };
      });
    const oneYear = ofForm(perfFindings(withWhole('1年', '60000.00')), 0);
    expect(oneYear.map(brief)).toEqual([['perf.funds.periods', 'error', 'funds.实施期.total', `perf.funds.periods:${FIRST}:funds.实施期.total`]]);
    expect(oneYear[0]).toMatchObject({
      message: `项目“${FIRST}”项目期为“1年”，实施期资金总额60000.00元应等于年度资金总额50000.00元（相差10000.00元）。`,
      expected: '50000.00',
      actual: '60000.00',
      difference: '10000.00',
      form: { label: '实施期资金总额' },
    });
    for (const term of ['一年', '1', '１年']) expect(ofForm(perfFindings(withWhole(term, '40000.00')), 0).map((f) => f.rule)).toEqual(['perf.funds.periods']);
    expect(ofForm(perfFindings(withWhole('99年', '150000.00')), 0)).toEqual([]);
    const shorter = ofForm(perfFindings(withWhole('99年', '40000.00')), 0);
    expect(shorter.map((f) => f.message)).toEqual([`项目“${FIRST}”实施期资金总额40000.00元小于年度资金总额50000.00元（相差-10000.00元），实施期应包含本年度。`]);
  });

  it('a form without 满意度: an error per period at the indicator tree', () => {
    const findings = ofForm(perfFindings(datongWith((forms) => ((forms[0] as PerformanceTargetForm).indicators = (forms[0] as PerformanceTargetForm).indicators.filter((i) => i.level1 !== '满意度指标')))), 0);
    expect(findings.map(brief)).toEqual([
      ['perf.indicators.required', 'error', 'indicators', `perf.indicators.required:${FIRST}:indicators:实施期:满意度指标`],
      ['perf.indicators.required', 'error', 'indicators', `perf.indicators.required:${FIRST}:indicators:年度:满意度指标`],
    ]);
    expect(findings[0]?.message).toBe(`项目“${FIRST}”的实施期绩效指标中没有满意度指标，应至少填写一项。`);
    expect(findings[0]?.form?.label).toBe('实施期满意度指标');
  });

  it('without 产出 or 效益, or without any indicator of a period', () => {
    const keep = (pred: (i: PerformanceIndicator) => boolean) => ofForm(perfFindings(datongWith((forms) => ((forms[0] as PerformanceTargetForm).indicators = (forms[0] as PerformanceTargetForm).indicators.filter(pred)))), 0);
    // (The 年度 产出指标 then also lack their 实施期 counterparts: perf.indicators.periods says so, one by one.)
    const required = (findings: Finding[]) => findings.filter((f) => f.rule === 'perf.indicators.required');
    expect(required(keep((i) => i.level1 !== '产出指标' || i.period === '年度')).map((f) => f.message)).toEqual([`项目“${FIRST}”的实施期绩效指标中没有产出指标（数量指标、质量指标、时效指标、成本指标），应至少填写一项。`]);
    expect(keep((i) => i.level1 !== '效益指标').map((f) => f.key)).toEqual([`perf.indicators.required:${FIRST}:indicators:实施期:效益指标`, `perf.indicators.required:${FIRST}:indicators:年度:效益指标`]);
    expect(keep((i) => i.period === '实施期').map((f) => [f.key, f.message])).toEqual([[`perf.indicators.required:${FIRST}:indicators:年度`, `项目“${FIRST}”的绩效目标表没有年度绩效指标。`]]);
  });

  it('a 三级指标 without 指标值 (and a 指标值 without 三级指标): its own finding at the field, not a missing category', () => {
    const findings = ofForm(
      perfFindings(
        datongWith((forms) => {
          const indicators = (forms[0] as PerformanceTargetForm).indicators;
          for (const i of indicators) if (i.level1 === '满意度指标') i.value = '';
          (indicators[0] as PerformanceIndicator).level3 = '';
        }),
      ),
      0,
    );
    // Errors first; the 年度 row whose 实施期 twin lost its name has no counterpart left (a warning).
    expect(findings.map(brief)).toEqual([
      ['perf.indicators.value', 'error', 'indicators.0.level3', `perf.indicators.value:${FIRST}:实施期/产出指标/数量指标/.level3`],
      ['perf.indicators.value', 'error', 'indicators.5.value', `perf.indicators.value:${FIRST}:实施期/满意度指标/服务对象满意度/服务对象满意度.value`],
      ['perf.indicators.value', 'error', 'indicators.11.value', `perf.indicators.value:${FIRST}:年度/满意度指标/服务对象满意度/服务对象满意度.value`],
      ['perf.indicators.periods', 'warning', 'indicators.6.level3', `perf.indicators.periods:${FIRST}:年度/产出指标/数量指标/专项检查工作次数.level3`],
    ]);
    expect(findings.find((f) => f.form?.field === 'indicators.5.value')?.message).toBe(`项目“${FIRST}”实施期指标“满意度指标/服务对象满意度/服务对象满意度”没有填写指标值。`);
    expect(findings.find((f) => f.form?.field === 'indicators.0.level3')?.message).toBe(`项目“${FIRST}”实施期指标“产出指标/数量指标”有指标值“≥10次”，但没有填写三级指标名称。`);
    expect(findings.find((f) => f.form?.field === 'indicators.5.value')?.form?.label).toBe('满意度指标/服务对象满意度/服务对象满意度 的实施期指标值');
  });

  it('sources that do not add up to 资金总额: an error at the period total with the figures', () => {
    const findings = ofForm(perfFindings(datongWith((forms) => ((forms[0] as PerformanceTargetForm).funds['年度'].cityCounty = '49999.00'))), 0);
    expect(findings.map(brief)).toEqual([['perf.funds.split', 'error', 'funds.年度.total', `perf.funds.split:${FIRST}:funds.年度.total`]]);
    expect(findings[0]).toMatchObject({
      message: `项目“${FIRST}”年度资金总额50000.00元，不等于中央、省级、市县（区）财政资金、单位自筹与其他资金之和49999.00元（相差1.00元）。`,
      expected: '49999.00',
      actual: '50000.00',
      difference: '1.00',
    });
    const unreadable = ofForm(perfFindings(datongWith((forms) => ((forms[0] as PerformanceTargetForm).funds['实施期'].central = '五万'))), 0);
    expect(unreadable.map((f) => [f.form?.field, f.form?.label, f.message])).toEqual([['funds.实施期.central', '实施期中央财政资金', `项目“${FIRST}”实施期资金：中央财政资金不是有效金额。`]]);
  });

  it('一级/二级 outside the framework', () => {
    const findings = ofForm(
      perfFindings(
        datongWith((forms) => {
          const indicators = (forms[0] as PerformanceTargetForm).indicators;
          for (const i of indicators) if (i.level3 === '检查工作合格率') i.level2 = '规模指标';
          for (const i of indicators) if (i.level3 === '检查单位满意度') i.level1 = '投入指标';
        }),
      ),
      0,
    );
    expect(findings.filter((f) => f.rule === 'perf.indicators.levels').map((f) => [f.form?.field, f.message])).toEqual([
      ['indicators.1.level2', `项目“${FIRST}”实施期指标“产出指标/规模指标/检查工作合格率”：二级指标“规模指标”不在标准指标体系中。`],
      ['indicators.4.level1', `项目“${FIRST}”实施期指标“投入指标/社会效益指标/检查单位满意度”：一级指标“投入指标”不在标准指标体系中（应为“产出指标”、“效益指标”、“满意度指标”之一）。`],
      ['indicators.7.level2', `项目“${FIRST}”年度指标“产出指标/规模指标/检查工作合格率”：二级指标“规模指标”不在标准指标体系中。`],
      ['indicators.10.level1', `项目“${FIRST}”年度指标“投入指标/社会效益指标/检查单位满意度”：一级指标“投入指标”不在标准指标体系中（应为“产出指标”、“效益指标”、“满意度指标”之一）。`],
    ]);
  });

  it('text typed twice in a name', () => {
    const findings = ofForm(perfFindings(datongWith((forms) => ((forms[0] as PerformanceTargetForm).indicators[2] as PerformanceIndicator).level3 = '检查检查工作及时率')), 0);
    expect(findings.filter((f) => f.rule === 'perf.text.repeat').map((f) => [f.form?.field, f.message])).toEqual([
      ['indicators.2.level3', `项目“${FIRST}”实施期指标“产出指标/时效指标/检查检查工作及时率”的三级指标名称“检查检查工作及时率”中“检查”重复书写，请删去多余的字。`],
    ]);
  });

  it('text typed twice in the prose: at the field, quoting the words around it', () => {
    const findings = ofForm(
      perfFindings(
        datongWith((forms) => {
          const form = forms[0] as PerformanceTargetForm;
          form.overview = '2021年金融工作经费工作经费自评综述';
          form.overallGoals['年度'] = '为负责小额贷款、融资担保、典当行、融资租赁等公司的发展和实施的监管监管工作提供经费保障。';
        }),
      ),
      0,
    );
    expect(findings.map((f) => [f.key, f.form?.field, f.form?.label, f.message])).toEqual([
      [`perf.text.repeat:${FIRST}:overallGoals.年度`, 'overallGoals.年度', '年度总体目标', `项目“${FIRST}”的年度总体目标“…司的发展和实施的监管监管工作提供经费保障…”中“监管”重复书写，请删去多余的字。`],
      [`perf.text.repeat:${FIRST}:overview`, 'overview', '项目概况', `项目“${FIRST}”的项目概况“2021年金融工作经费工作经费自评综述”中“工作经费”重复书写，请删去多余的字。`],
    ]);
  });

  it('keys name the indicator, not its position: a row inserted above keeps them', () => {
    const keys = (book: Book) => perfFindings(book).filter((f) => f.form?.name === 'J金融工作经费').map((f) => f.key).sort();
    const before = keys(datongWith());
    const after = keys(datongWith((forms) => (forms[4] as PerformanceTargetForm).indicators.unshift({ period: '实施期', level1: '产出指标', level2: '数量指标', level3: '新增指标', value: '≥1次' })));
    // The new 实施期 row has no 年度 counterpart: its own warning, the rest unchanged.
    expect(after.filter((k) => !before.includes(k))).toEqual(['perf.indicators.periods:J金融工作经费:实施期/产出指标/数量指标/新增指标.level3']);
    expect(before.filter((k) => !after.includes(k))).toEqual([]);
  });

  it('a 审核说明 attaches to a form warning by its key, and not to a form error', () => {
    const book = datongWith();
    const key = 'perf.text.repeat:J金融工作经费:实施期/满意度指标/服务对象满意度/单位职工满意度.value';
    const at = '2024-02-01T08:00:00.000Z';
    book.explanations = [{ findingKey: key, text: '原表如此，已通知单位更正。', updatedAt: at }];
    expect(perfFindings(book).find((f) => f.key === key)?.explanation).toBe('原表如此，已通知单位更正。');
    const form = book.performanceForms?.[0] as PerformanceTargetForm;
    form.funds['年度'] = { ...form.funds['年度'], total: '1.00', cityCounty: '1.00' };
    book.explanations = [...book.explanations, { findingKey: `perf.project:${FIRST}:funds.年度.total`, text: '不能说明', updatedAt: at }];
    expect(perfFindings(book).find((f) => f.key === `perf.project:${FIRST}:funds.年度.total`)).toMatchObject({ severity: 'error' });
    expect(perfFindings(book).find((f) => f.key === `perf.project:${FIRST}:funds.年度.total`)?.explanation).toBeUndefined();
  });

  it('forms without a project and a second form for one project: warnings at the 项目名称', () => {
    const findings = perfFindings(
      datongWith((forms) => {
        (forms[2] as PerformanceTargetForm).projectName = 'Z处置非法集资奖金';
        forms.push(cleanForm());
      }),
    );
    const named = findings.filter((f) => f.form?.field === 'projectName');
    expect(named.map((f) => [f.severity, f.key, f.form?.formIndex, f.message])).toEqual([
      ['warning', `perf.project:${FIRST}#2:projectName`, 8, `表十二项目“${FIRST}”已有一张绩效目标表，这一张（第 9 张）与它重复。`],
      ['warning', 'perf.project:Z处置非法集资奖金:projectName', 2, '项目“Z处置非法集资奖金”（实施单位“大同市人民政府金融工作办公室”）的绩效目标表在表十二中没有同名项目，请核对项目名称。'],
    ]);
    // The project whose form was renamed is now without one.
    expect(findings.filter((f) => f.rule === 'perf.project' && !f.form).map((f) => f.locations[0]?.row)).toContain('Z处置非法集资奖励经费');
  });

  it('is quiet without forms: no perf finding at all', () => {
    expect(perfFindings(structuredClone(datong))).toEqual([]);
  });
});

describe('实施期 and 年度 indicator sets (seed 004 金融办业务经费)', () => {
  // 参训人次 in 实施期, 培训人次 in 年度; 年度 成本指标 printed without 三级指标 and 指标值 (a placeholder row).
  const form = () => {
    const f = seedForm({
      name: '金融办业务经费',
      yuan: '2,455,600',
      rows: [
        ['产出指标', '数量指标', '培训场次', '≥4场'],
        ['产出指标', '数量指标', '金融类课题研究报告数', '≥4个'],
        ['产出指标', '质量指标', '人员培训合格率', '≥90%'],
        ['产出指标', '时效指标', '处非宣传时间', '≥30天'],
        ['效益指标', '社会效益指标', '参训人次', '≥600人次', '社会效益指标', '培训人次'],
        ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
      ],
    });
    f.indicators.push(
      { period: '实施期', level1: '产出指标', level2: '成本指标', level3: '单位宣传物料成本', value: '符合市场价格' },
      { period: '年度', level1: '产出指标', level2: '成本指标', level3: '', value: '' },
    );
    return f;
  };
  const findingsOf = (f: PerformanceTargetForm) => {
    const book = structuredClone(datong);
    book.performanceForms = [f];
    return perfFindings(book).filter((x) => x.form?.formIndex === 0 && x.rule === 'perf.indicators.periods');
  };

  it('reports an indicator of either period without its counterpart, by name', () => {
    expect(findingsOf(form()).map((f) => [f.form?.field, f.message]).sort()).toEqual([
      ['indicators.10.level3', '项目“金融办业务经费”年度指标“效益指标/社会效益指标/培训人次”在实施期指标中没有对应的同名指标（二级指标相同、三级指标名称相同）。'],
      ['indicators.12.level3', '项目“金融办业务经费”实施期指标“产出指标/成本指标/单位宣传物料成本”在年度指标中没有对应的同名指标（二级指标相同、三级指标名称相同）。'],
      ['indicators.4.level3', '项目“金融办业务经费”实施期指标“效益指标/社会效益指标/参训人次”在年度指标中没有对应的同名指标（二级指标相同、三级指标名称相同）。'],
    ]);
    expect(findingsOf(form()).every((f) => f.severity === 'warning')).toBe(true);
  });

  it('an ongoing project may set other values per year; a one-year project may not', () => {
    const differing = () => {
      const f = form();
      (f.indicators.find((i) => i.period === '年度' && i.level3 === '金融类课题研究报告数') as PerformanceIndicator).value = '≥3个';
      return f;
    };
    expect(findingsOf(differing()).filter((f) => f.form?.field.endsWith('.value'))).toEqual([]);
    const oneYear = differing();
    oneYear.projectTerm = '1年';
    const values = findingsOf(oneYear).filter((f) => f.form?.field.endsWith('.value'));
    expect(values.map((f) => [f.form?.field, f.key, f.message])).toEqual([
      ['indicators.7.value', 'perf.indicators.periods:金融办业务经费:年度/产出指标/数量指标/金融类课题研究报告数.value', '项目“金融办业务经费”项目期为“1年”，年度指标“产出指标/数量指标/金融类课题研究报告数”的指标值“≥3个”与实施期“≥4个”不一致。'],
    ]);
  });

  it('names cut short by the column width are the same name (4 characters at least)', () => {
    expect(sameIndicatorName('确保处置工作所需经费', '确保处置工作所', 4)).toBe('prefix');
    expect(sameIndicatorName('参训人次', '培训人次', 4)).toBeUndefined();
    expect(sameIndicatorName('会议次数', '会议（培训）次数', 4)).toBeUndefined();
    expect(sameIndicatorName('培训场次满意度', '培训', 4)).toBeUndefined();
    expect(sameIndicatorName('物业 管理面积', '物业管理面积', 4)).toBe('exact');
    // Fewer than 4 characters is too short to tell a cut name from another indicator.
    expect(sameIndicatorName('单位运行', '单位运行经费总量', 4)).toBe('prefix');
    expect(sameIndicatorName('单位运', '单位运行经费总量', 4)).toBeUndefined();
  });
});

describe('findRepeatedRun', () => {
  const options = { allowed: ['研究研究'], compoundSuffixes: ['性', '型', '化'] };
  it.each([
    ['保障保障', '保障'],
    ['及时及时', '及时'],
    ['满意满意', '满意'],
    ['提升提升', '提升'],
    ['保证保证', '保证'],
    ['符合符合政府购买服务标准', '符合'],
    ['满足满足需要', '满足'],
    ['按时 按时完成', '按时'],
    ['及时支付及时支付', '及时支付'],
    ['全年全年保障', '全年'],
  ])('%s repeats %s', (text, run) => {
    expect(findRepeatedRun(text, options)?.run).toBe(run);
  });

  it('finds a repeat deep in long prose, and stays linear on text made of one character', () => {
    // Long 项目概况 are common; the search once sliced every pair of runs (20 s for 3,000 characters).
    const sentence = '补充机关公用经费不足，保证机关正常运行，按照规定标准按时支付各项费用。';
    const prose = `${sentence.repeat(400)}确保确保完成。`;
    expect(findRepeatedRun(prose, options)).toMatchObject({ run: '确保', start: [...sentence].length * 400 });
    expect(findRepeatedRun(sentence.repeat(400), options)).toBeUndefined();
    expect(findRepeatedRun('性'.repeat(5000), options)?.run.length).toBe(64); // every shorter run is a 「…性」 compound
  });

  it.each(['常常', '多多', '天天向上', '100100', '≥90%', 'abab', '一步一步', '一个一个落实', '研究研究', '保障保障性住房', '保障能够保障全年网络正常需要', '完成年内完成', ''])('%s is not a repeat', (text) => {
    expect(findRepeatedRun(text, options)).toBeUndefined();
  });
});

describe('河南 (表10 and the 部门（单位）整体绩效目标表)', () => {
  const department = (change: (budget: Record<string, string | undefined>) => void = () => {}) => {
    const book = structuredClone(henan);
    book.departmentPerformance = xinxiangDepartmentForm();
    change(book.departmentPerformance.budget as unknown as Record<string, string | undefined>);
    return book;
  };

  it('seed 003 states 504.11 = 467.11 + 37.00 as the tables do; its 年度履职目标 has 「斗争斗争」', () => {
    const findings = perfFindings(department());
    expect(findings.map((f) => [f.rule, f.severity, f.key, f.form, f.message])).toEqual([
      [
        'perf.text.repeat',
        'warning',
        'perf.text.repeat:新乡市金融工作局:annualGoal',
        { scope: 'department', name: '新乡市金融工作局', field: 'annualGoal', label: '年度履职目标' },
        '部门（单位）整体绩效目标表年度履职目标“…全和扫黑除恶专项斗争斗争工作，规范市场行…”中“斗争”重复书写，请删去多余的字。',
      ],
    ]);
  });

  it('a stated figure that differs from its table figure: an error at budget.<field> naming the cells', () => {
    const book = department((b) => (b.basic = '476.11'));
    const validator = new Validator(book);
    const findings = perf(validator.findings()).filter((f) => f.rule.startsWith('perf.department.'));
    expect(findings.map(brief)).toEqual([['perf.department.basic', 'error', 'budget.basic', 'perf.department.basic:新乡市金融工作局:budget.basic']]);
    expect(findings[0]).toMatchObject({
      message: '部门（单位）整体绩效目标表资金结构：基本支出476.11万元，与表3「合计」基本支出 467.11万元不符（相差9.00万元）。',
      expected: '467.11',
      actual: '476.11',
      difference: '9.00',
      form: { scope: 'department', name: '新乡市金融工作局', field: 'budget.basic', label: '资金结构：基本支出' },
    });
    expect(findings[0]?.locations.map((l) => [l.table, l.row, l.columnId])).toEqual([[3, '合计', 'basic']]);
    // 表3 edited to the stated figure: the finding follows the cells (other rules then complain about 表3, not this one).
    validator.setValue('t03', 'main', 'total', 'basic', '476.11');
    expect(perf(validator.findings()).filter((f) => f.rule.startsWith('perf.department.'))).toEqual([]);
  });

  it('资金来源 are 表2 sums; a blank source counts as zero once the form states figures; a form stating none is quiet', () => {
    const moved = department((b) => {
      b.governmentBudget = '500.00';
      b.unitFunds = '4.11';
    });
    const budget = (book: Book) => perfFindings(book).filter((f) => f.rule.startsWith('perf.department.'));
    expect(budget(moved).map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['perf.department.governmentBudget', 'error', '部门（单位）整体绩效目标表资金来源：政府预算资金500.00万元，与表2「合计」一般公共预算+政府性基金+国有资本经营预算+上年结转一般公共预算+上年结转政府性基金+上年结转国有资本经营预算 504.11万元不符（相差-4.11万元）。'],
      ['perf.department.unitFunds', 'error', '部门（单位）整体绩效目标表资金来源：单位资金4.11万元，与表2「合计」事业收入+事业单位经营收入+上级补助收入+附属单位上缴收入+其他收入+上年结转单位资金 0.00万元不符（相差4.11万元）。'],
    ]);
    const blankTotal = budget(department((b) => delete b.total));
    expect(blankTotal.map((f) => [f.form?.field, f.message])).toEqual([['budget.total', '部门（单位）整体绩效目标表部门预算总额未填写（按 0 计），与表3「合计」合计 504.11万元不符（相差-504.11万元）。']]);
    const none = department((b) => {
      for (const key of ['total', 'governmentBudget', 'basic', 'project']) delete b[key];
    });
    expect(budget(none)).toEqual([]);
  });

  it('a sum of several rounded figures may differ by its 尾差 (a warning); one figure printed again may not', () => {
    const book = department((b) => (b.governmentBudget = '504.12'));
    expect(perfFindings(book).filter((f) => f.rule.startsWith('perf.department.')).map((f) => [f.rule, f.severity])).toEqual([['perf.department.governmentBudget', 'error']]);
    const split = structuredClone(book);
    const total = split.tables.find((t) => t.tableId === 't02')?.rows.find((r) => r.key === 'total');
    if (!total) throw new Error('表2 has no 合计 row');
    total.values['gpb'] = { value: '500.00' };
    total.values['carryGpb'] = { value: '4.11' };
    const tail = perfFindings(split).filter((f) => f.rule === 'perf.department.governmentBudget');
    expect(tail.map((f) => [f.severity, f.roundingTail, f.difference])).toEqual([['warning', true, '0.01']]);
  });

  it('表10 projects with 年度-only forms (the 项目绩效目标汇总表): matched and checked, 实施期 not required', () => {
    const book = structuredClone(henan);
    const form = seedForm({
      name: '金融及处非工作经费',
      yuan: '370,000',
      rows: [
        ['成本指标', '', '2024年总支出', '≤37万元'],
        ['产出指标', '', '2024年组织大型政企对接会', '≥1场'],
        ['效益指标', '', '缓解企业融资难题', '全力满足企业融资需求'],
        ['满意度指标', '', '群众满意度', '≥90%'],
      ],
    });
    form.implementingUnit = '新乡市金融工作局';
    form.indicators = form.indicators.filter((i) => i.period === '年度');
    form.funds['实施期'] = { unit: '元' };
    form.overallGoals['实施期'] = '';
    book.performanceForms = [form];
    const findings = perfFindings(book);
    // No 二级指标 in the 汇总表, 成本指标 as a 一级: not held to the framework, counted as 产出.
    expect(findings).toEqual([]);
    form.funds['年度'] = { ...form.funds['年度'], total: '371000.00', cityCounty: '371000.00' };
    expect(perfFindings(book).filter((f) => f.severity === 'error').map((f) => [f.rule, f.expected, f.actual, f.locations[0]?.table])).toEqual([['perf.project', '37.00', '37.10', 10]]);
  });
});

describe('the catalogues', () => {
  it.each(['shanxi-2024', 'henan-2024'])('%s: perf.project reads the family project table; department operands name real columns', (familyId) => {
    const family = findFamily(familyId);
    const rules = rulesForFamily(familyId);
    const project = rules.find((r) => r.id === 'perf.project');
    expect(project).toMatchObject({ kind: 'projectForms', table: family?.projects?.table, column: family?.projects?.amountColumn });
    for (const rule of rules) {
      if (rule.kind !== 'departmentBudget') continue;
      for (const operand of rule.tables) {
        const table = family?.tables.find((t) => t.id === operand.table);
        const columns = new Set(table ? allColumns(table).map((c) => c.id) : []);
        for (const column of operand.columns) expect(columns.has(column), `${rule.id}: ${operand.table}.${column}`).toBe(true);
      }
    }
    expect(rules.filter((r) => r.id.startsWith('perf.')).map((r) => r.id)).toEqual(
      [
        'perf.project',
        'perf.funds.split',
        'perf.funds.periods',
        'perf.indicators.required',
        'perf.indicators.value',
        'perf.text.repeat',
        // 河南's 汇总表 prints no 二级指标.
        ...(familyId === 'henan-2024' ? [] : ['perf.indicators.levels']),
        'perf.indicators.periods',
        ...(familyId === 'henan-2024' ? ['perf.department.total', 'perf.department.governmentBudget', 'perf.department.specialAccount', 'perf.department.unitFunds', 'perf.department.basic', 'perf.department.project'] : []),
      ],
    );
  });

  it('the helper builds seed 000 as printed: every project, amount, indicator and cut name', () => {
    const text = readFileSync(join(FIXTURES, 'seeds', '000_8a413295a909103c.txt'), 'utf8');
    const forms = text.slice(text.indexOf('（项目绩效目标表公开情况见附件）'));
    const blocks = forms.split(/\n(?=项目名称\t)/).slice(1);
    expect(blocks.map((b) => /^项目名称\t+([^\t\n]+)/.exec(b)?.[1])).toEqual(SEED_000_SPECS.map((s) => s.name));
    SEED_000_SPECS.forEach((spec, i) => {
      const lines = (blocks[i] as string).split('\n').map((line) => line.split('\t').filter(Boolean));
      expect(lines.some((cells) => cells.includes(spec.yuan)), spec.name).toBe(true);
      for (const [, , level3, value, , annualLevel3] of spec.rows) {
        // Each printed row: 三级指标 and 指标值 of 实施期, then the 年度 三级指标 (cut short where the column is narrow).
        const row = lines.find((cells) => cells.includes(level3) && cells.includes(value));
        expect(row, `${spec.name} ${level3}`).toBeDefined();
        expect(row?.slice(row.indexOf(value) + 1), `${spec.name} ${level3}`).toContain(annualLevel3 ?? level3);
      }
    });
    expect(indicatorRows([['产出指标', '数量指标', 'a', '1', '数量指标', 'b']]).map((i) => [i.period, i.level3])).toEqual([
      ['实施期', 'a'],
      ['年度', 'b'],
    ]);
  });
});
