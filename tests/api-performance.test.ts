// The 绩效目标 methods through the router (src/main/api/router.ts → src/main/services/performance.ts) on the real
// Datong book: the projects of 表十二 with their forms' status, a new form pre-filled from the book (exact 元),
// saving one answers with the findings as they now are (a form field is named), undo through the edit log, and
// importing a workbook of seed 000's forms replaces the project's form and adds the others in one step.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { isProvincialDepartment } from '../src/main/services/performance-draft';
import { mergeForms } from '../src/main/services/performance';
import { readWorkbooks } from '../src/main/services/exchange';
import { openStore, type Store } from '../src/main/store';
import type { ApiMethod, ApiResult } from '../src/shared/api/contract';
import type { Book } from '../src/shared/book';
import type { PerformanceTargetForm } from '../src/shared/performance/types';
import type { Finding } from '../src/shared/validation/types';
import { cityForm } from './helpers/performance-form';
import { DATONG_XLSX } from './helpers/seed';
import { utilitiesForm } from './helpers/seed-forms';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
let store: Store;
let router: Router;
let datong: Book;

async function ok<M extends ApiMethod>(method: M, params: unknown): Promise<ApiResult<M>> {
  const response = await router.call(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as ApiResult<M>;
}

async function refused(method: ApiMethod, params: unknown): Promise<{ code: string; message: string }> {
  const response = await router.call(method, params);
  if (response.ok) throw new Error(`${method} should have been refused`);
  return response.error;
}

beforeAll(async () => {
  tmp = makeTmpDir('api-performance-');
  store = openStore(tmp.file('api.db'));
  router = createRouter(new Workbench(store, 'electron'));
  datong = (await readWorkbooks([DATONG_XLSX])).book;
});
afterAll(() => {
  store.close();
  tmp.remove();
});

const rowKeyOf = (book: Book, name: string): string => {
  const row = book.tables.find((t) => t.tableId === 't12')?.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no project ${name}`);
  return row.key;
};
const onForm = (findings: readonly Finding[], formIndex: number): Finding[] => findings.filter((f) => f.form?.scope === 'project' && f.form.formIndex === formIndex);

describe('book.newForm: a draft pre-filled from the book', () => {
  it('fills name, unit, department, year and both totals in 元 exactly; city money goes to 市县（区）; nothing is stored', async () => {
    const bookId = store.insertBook(datong);
    const { form, project } = await ok('book.newForm', { bookId, rowKey: rowKeyOf(datong, 'J水电物业经费') });
    expect(project).toMatchObject({ name: 'J水电物业经费', unitName: '大同市人民政府金融工作办公室', amountWan: '2.86' });
    const funds = { unit: '元', total: '28600.00', cityCounty: '28600.00' };
    expect(form).toMatchObject({
      year: 2024,
      projectName: 'J水电物业经费',
      department: { code: '', name: '大同市人民政府金融工作办公室' },
      implementingUnit: '大同市人民政府金融工作办公室',
      projectAttribute: '',
      projectTerm: '',
      overallGoals: { 实施期: '', 年度: '' },
      contacts: {},
    });
    expect(form.funds).toEqual({ 实施期: funds, 年度: funds });
    expect(form).not.toHaveProperty('title');
    // The printed skeleton: every 二级指标 once per period, nothing typed.
    expect(form.indicators).toHaveLength(18);
    expect(form.indicators.filter((i) => i.period === '年度').map((i) => `${i.level1}/${i.level2}`)).toEqual([
      '产出指标/数量指标', '产出指标/质量指标', '产出指标/时效指标', '产出指标/成本指标',
      '效益指标/经济效益指标', '效益指标/社会效益指标', '效益指标/生态效益指标', '效益指标/可持续影响指标',
      '满意度指标/服务对象满意度指标',
    ]);
    expect(form.indicators.every((i) => i.level3 === '' && i.value === '')).toBe(true);
    // The other unit's project names its own unit.
    expect((await ok('book.newForm', { bookId, rowKey: rowKeyOf(datong, 'J水电物业费') })).form).toMatchObject({ implementingUnit: '大同市金融发展服务中心', funds: { 年度: { total: '5100.00' } } });
    expect(store.performance(bookId).forms).toEqual([]);
    expect(store.historyState(bookId).revision).toBe(0);
  });

  it('splits a provincial department\'s project: 财政拨款 → 省级, 单位资金 → 单位自筹, 财政专户 → 其他资金', async () => {
    const book = structuredClone(datong);
    book.department = '山西省地方金融监督管理局';
    const row = book.tables.find((t) => t.tableId === 't12')?.rows.find((r) => r.name === 'Z专项检查工作经费');
    if (!row) throw new Error('no row');
    row.values = { total: { value: '10.5' }, gpb: { value: '7.123456' }, gfb: { value: '0.126544' }, unitFunds: { value: '2' }, fsm: { value: '1.25' } };
    const bookId = store.insertBook(book);
    const { form } = await ok('book.newForm', { bookId, rowKey: row.key });
    expect(form.funds.年度).toEqual({ unit: '元', total: '105000.00', provincial: '72500.00', selfRaised: '20000.00', other: '12500.00' });
    expect(form.department).toEqual({ code: '', name: '山西省地方金融监督管理局' });
  });

  it('tells a provincial department from a city or county one by its name', () => {
    expect(['山西省财政厅', '山西省市场监督管理局', '北京市财政局', '内蒙古自治区财政厅', '山西省城市建设投资中心'].map(isProvincialDepartment)).toEqual([true, true, true, true, true]);
    expect(['大同市人民政府金融工作办公室', '山西省大同市财政局', '北京市朝阳区财政局', '内蒙古自治区呼和浩特市财政局', '山西省阳曲县财政局', '新乡市金融工作局'].map(isProvincialDepartment)).toEqual([false, false, false, false, false, false]);
  });

  it('refuses a row that is no project, in Chinese', async () => {
    const bookId = store.insertBook(datong);
    expect(await refused('book.newForm', { bookId, rowKey: 'unit:大同市金融发展服务中心' })).toEqual({ code: 'not-found', message: '项目支出预算表中没有这个项目（unit:大同市金融发展服务中心），无法新建绩效目标表。' });
  });
});

describe('book.setForm, book.performance, undo', () => {
  it('saves a form and answers with the findings on it; the overview counts them; undo takes the form back', async () => {
    const bookId = store.insertBook(datong);
    const before = await ok('book.performance', { bookId });
    expect(before.table).toEqual({ tableId: 't12', no: 12, title: '2024年项目支出预算表（本年预算）' });
    expect(before.projects).toHaveLength(10);
    expect(before.projects.every((p) => p.status === 'missing' && p.formIndex === undefined)).toBe(true);
    expect(before.looseForms).toEqual([]);

    // Seed 000's 「J水电物业经费」 as printed: 28,569.78 元 rounds to 表十二's 2.86 万元; 「保障保障」 is written twice.
    const saved = await ok('book.setForm', { bookId, form: utilitiesForm() });
    expect(saved).toMatchObject({ changed: true, index: 0, canUndo: true, revision: 1 });
    expect(saved.form.indicators[0]?.parsed).toEqual({ comparator: '=', number: '508.45', unit: '平方米', text: '508.45平方米' });
    const mine = onForm(saved.findings, 0);
    expect(mine.map((f) => f.rule)).toContain('perf.text.repeat');
    // Each repeat points at the very indicator value that holds it.
    const repeated = mine.filter((f) => f.rule === 'perf.text.repeat' && f.form?.field.endsWith('.value'));
    const values = repeated.map((f) => saved.form.indicators[Number(/^indicators\.(\d+)\.value$/.exec(f.form?.field ?? '')?.[1])]?.value);
    expect(values).toContain('保障保障');
    expect(values.every((v) => v === '保障保障' || v === '及时及时')).toBe(true);
    expect(mine.some((f) => f.rule === 'perf.project')).toBe(false);
    // The book now has forms: the other projects miss theirs (at their 表十二 row).
    expect(saved.findings.filter((f) => f.rule === 'perf.project' && !f.form)).toHaveLength(9);

    const overview = await ok('book.performance', { bookId });
    const water = overview.projects.find((p) => p.name === 'J水电物业经费');
    const errors = mine.filter((f) => f.severity === 'error').length;
    const warnings = mine.filter((f) => f.severity === 'warning').length;
    expect(water).toMatchObject({ formIndex: 0, errors, warnings, status: errors ? 'errors' : 'warnings', amountWan: '2.86', unitName: '大同市人民政府金融工作办公室' });
    expect(overview.projects.filter((p) => p.status === 'missing')).toHaveLength(9);

    // A 年度资金总额 that does not round to the project: an error at that field, counted on the form.
    const wrong: PerformanceTargetForm = { ...saved.form, funds: { ...saved.form.funds, 年度: { ...saved.form.funds.年度, total: '30000.00', cityCounty: '30000.00' } } };
    const edited = await ok('book.setForm', { bookId, index: 0, form: wrong });
    const funds = onForm(edited.findings, 0).find((f) => f.rule === 'perf.project');
    expect(funds).toMatchObject({ severity: 'error', form: { field: 'funds.年度.total', formIndex: 0 } });
    // (实施期 is now below 年度 too: perf.funds.periods.)
    const nowErrors = onForm(edited.findings, 0).filter((f) => f.severity === 'error').length;
    expect(nowErrors).toBeGreaterThan(errors);
    expect((await ok('book.performance', { bookId })).projects.find((p) => p.name === 'J水电物业经费')).toMatchObject({ status: 'errors', errors: nowErrors });
    // The same form again is no edit.
    expect(await ok('book.setForm', { bookId, index: 0, form: edited.form })).toMatchObject({ changed: false, revision: edited.revision });

    // Undo brings the printed figure back, and the findings with it; the answer asks the UI to reload the book.
    const undone = await ok('book.undo', { bookId });
    expect(undone).toMatchObject({ changed: true, reload: true });
    expect(onForm(undone.findings, 0).some((f) => f.rule === 'perf.project')).toBe(false);
    expect(store.performance(bookId).forms[0]?.funds.年度.total).toBe('28569.78');
    const redone = await ok('book.redo', { bookId });
    expect(onForm(redone.findings, 0).some((f) => f.rule === 'perf.project')).toBe(true);
  });

  it('drops the skeleton rows left empty, lists a form without a project, and deletes one step at a time', async () => {
    const bookId = store.insertBook(datong);
    const { form } = await ok('book.newForm', { bookId, rowKey: rowKeyOf(datong, 'Z专项检查工作经费') });
    const filled = { ...form, indicators: form.indicators.map((i, n) => (n === 0 ? { ...i, level3: '专项检查工作次数', value: '≥10次' } : i)) };
    const saved = await ok('book.setForm', { bookId, form: filled });
    expect(saved.form.indicators.map((i) => i.level3)).toEqual(['专项检查工作次数']);

    const other = await ok('book.setForm', { bookId, form: cityForm('不存在的项目', '1,000') });
    expect(other.index).toBe(1);
    const overview = await ok('book.performance', { bookId });
    // Named no project of 表十二 (a warning) and without any indicator (errors).
    expect(overview.looseForms).toMatchObject([{ formIndex: 1, projectName: '不存在的项目', reason: 'noProject', status: 'errors' }]);
    expect(overview.looseForms[0]?.warnings).toBeGreaterThanOrEqual(1);
    expect(overview.formCount).toBe(2);

    const deleted = await ok('book.deleteForm', { bookId, index: 0 });
    expect(deleted.changed).toBe(true);
    expect(store.performance(bookId).forms.map((f) => f.projectName)).toEqual(['不存在的项目']);
    expect((await ok('book.performance', { bookId })).looseForms).toMatchObject([{ formIndex: 0 }]);
    await ok('book.undo', { bookId });
    expect(store.performance(bookId).forms.map((f) => f.projectName)).toEqual(['Z专项检查工作经费', '不存在的项目']);
  });

  it('refuses a form of the wrong shape at the boundary, naming the field', async () => {
    const bookId = store.insertBook(datong);
    const bad = { ...utilitiesForm(), indicators: [{ period: '全年', level1: '', level2: '', level3: '', value: '' }] };
    expect(await refused('book.setForm', { bookId, form: bad })).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^调用 book\.setForm 的参数 form\.indicators\[0\]\.period 不正确：应为「实施期」「年度」之一/) });
    expect(await refused('book.setForm', { bookId, index: 5, form: utilitiesForm() })).toEqual({ code: 'bad-request', message: '预算本中还没有绩效目标表，找不到第 6 张' });
    expect(await refused('book.deleteForm', { bookId, index: 0 })).toMatchObject({ code: 'bad-request' });
    expect(store.historyState(bookId).revision).toBe(0);
  });
});

describe('book.importForms', () => {
  it('reads a workbook of seed 000\'s forms: the project\'s form is replaced, the others added, one undo step', async () => {
    const bookId = store.insertBook(datong);
    const mine = await ok('book.setForm', { bookId, form: cityForm('J水电物业经费', '1') });
    expect(mine.index).toBe(0);
    const path = await tsvWorkbook(performanceTsv('datong-2024-forms.tsv'), tmp.file('forms.xlsx'), { layout: 'stacked', numbers: true });
    const answer = await ok('book.importForms', { bookId, file: { name: '绩效目标表.xlsx', dataBase64: readFileSync(path).toString('base64') } });
    expect(answer).toMatchObject({ changed: true, replaced: 1, added: 7 });
    expect(answer.message).toBe('「绩效目标表.xlsx」：读到 8 张项目支出绩效目标表；替换 1 张，新增 7 张。');
    const forms = store.performance(bookId).forms;
    expect(forms).toHaveLength(8);
    expect(forms[0]).toMatchObject({ projectName: 'J水电物业经费', funds: { 年度: { total: '28569.78' } } });
    const overview = await ok('book.performance', { bookId });
    expect(overview.projects.filter((p) => p.formIndex !== undefined)).toHaveLength(8);

    const undone = await ok('book.undo', { bookId });
    expect(undone.reload).toBe(true);
    expect(store.performance(bookId).forms).toEqual([mine.form]);
  });

  it('says so when the workbook holds no form, and stores nothing', async () => {
    const bookId = store.insertBook(datong);
    const error = await refused('book.importForms', { bookId, file: { name: '大同.xlsx', dataBase64: readFileSync(DATONG_XLSX).toString('base64') } });
    expect(error.code).toBe('unreadable');
    expect(error.message).toMatch(/中没有读到绩效目标表。$/);
    expect(store.historyState(bookId).revision).toBe(0);
  });

  it('merges by 项目名称 and 实施单位: a same-named project of another unit is added, not replaced', () => {
    const a = { ...cityForm('J水电物业费', '1'), implementingUnit: '大同市金融发展服务中心' };
    const b = cityForm('J水电物业费', '2');
    const merged = mergeForms([a], [b, { ...a, projectName: ' J水电物业费 ' }]);
    expect(merged).toMatchObject({ replaced: 1, added: 1 });
    expect(merged.forms.map((f) => f.implementingUnit)).toEqual(['大同市金融发展服务中心', '大同市人民政府金融工作办公室']);
  });
});
