// The Henan 2024 rule catalogue (DESIGN.md §4 as it holds for 预算01–10表), as data. Ids follow the Shanxi
// catalogue: "tNN.what" in-table, "x.what" across tables, "code.*" for codes. Henan's coded tables print only
// 项 rows under unit rows, so class-level comparisons sum the 项 rows of each 类 (pairBy 'class').
import type { DepartmentBudgetField, Operand, Rule, RowSelector, SideId } from '../types';
import { performanceFormRules } from './performance-forms';

const TOTAL: RowSelector = { keys: ['total'] };
const ITEMS: RowSelector = { levels: ['item'] };
const CLASS_ROWS: RowSelector = { hasCode: true };
const op = (table: string, rows: RowSelector, columns: string[], side?: SideId): Operand => ({ table, rows, columns, ...(side ? { side } : {}) });
const keys = (...ids: string[]): RowSelector => ({ keys: ids });

/** Income sources as 01表 and 02表 list them (其中：财政拨款 is part of 一般公共预算, not added). */
const SOURCES = ['gpb', 'gfb', 'scob', 'fsm', 'business', 'operating', 'superior', 'subsidiary', 'other'];
const BASIC_PARTS = ['wages', 'family', 'goods', 'capital'];
const EXPENDITURE_COLUMNS = ['total', 'basic', ...BASIC_PARTS, 'project', 'projectOther', 'projectSpecific'];

/** 03/05/09表: 合计 = 基本 + 项目; 基本 = 人员经费(工资福利 + 对个人和家庭) + 公用经费(商品和服务 + 资本性); 项目 = 其他运转类 + 特定目标类. */
function expenditureTable(table: string, name: string): Rule[] {
  return [
    { id: `${table}.row`, kind: 'rowSum', severity: 'error', title: `${name}：合计 = 基本支出 + 项目支出`, table, total: 'total', parts: ['basic', 'project'] },
    { id: `${table}.basic`, kind: 'rowSum', severity: 'error', title: `${name}：基本支出 = 工资福利支出 + 对个人和家庭的补助 + 商品和服务支出 + 资本性支出`, table, total: 'basic', parts: BASIC_PARTS },
    { id: `${table}.project`, kind: 'rowSum', severity: 'error', title: `${name}：项目支出 = 其他运转类 + 特定目标类`, table, total: 'project', parts: ['projectOther', 'projectSpecific'] },
    { id: `${table}.tree`, kind: 'treeSum', severity: 'error', title: `${name}：合计 = Σ单位，单位 = Σ所属科目`, table, columns: EXPENDITURE_COLUMNS },
  ];
}

const ofWhich = (id: string, table: string, side: SideId | undefined, part: string, whole: string, column: string, title: string): Rule => ({
  id,
  kind: 'match',
  severity: 'error',
  title,
  left: op(table, keys(part), [column], side),
  right: op(table, keys(whole), [column], side),
  pairBy: 'aggregate',
  relation: '<=',
  tolerance: 'exact',
});

const inTable: Rule[] = [
  // 预算01表 部门收支总体情况表
  { id: 't01.incomeTotal', kind: 'rowsSum', severity: 'error', title: '表1：本年收入合计 = 各项收入之和', table: 't01', side: 'income', total: 'incomeTotal', parts: keys(...SOURCES), columns: ['incomeAmount'] },
  ofWhich('t01.appropriation', 't01', 'income', 'gpbAppropriation', 'gpb', 'incomeAmount', '表1：其中：财政拨款 ≤ 一般公共预算'),
  { id: 't01.incomeGrandTotal', kind: 'rowsSum', severity: 'error', title: '表1：收入总计 = 本年收入合计 + 上年结转结余', table: 't01', side: 'income', total: 'incomeGrandTotal', parts: keys('incomeTotal', 'carryOver'), columns: ['incomeAmount'] },
  { id: 't01.expTotal', kind: 'rowsSum', severity: 'error', title: '表1：本年支出合计 = 各类支出之和', table: 't01', side: 'expenditure', total: 'expTotal', parts: CLASS_ROWS, columns: ['expAmount'] },
  { id: 't01.expGrandTotal', kind: 'rowsSum', severity: 'error', title: '表1：支出总计 = 本年支出合计 + 年终结转结余', table: 't01', side: 'expenditure', total: 'expGrandTotal', parts: keys('expTotal', 'yearEndCarry'), columns: ['expAmount'] },
  { id: 't01.balance', kind: 'match', severity: 'error', title: '表1：收入总计 = 支出总计', left: op('t01', keys('incomeGrandTotal'), ['incomeAmount'], 'income'), right: op('t01', keys('expGrandTotal'), ['expAmount'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

  // 预算02表 部门收入总体情况表
  { id: 't02.grandTotal', kind: 'rowSum', severity: 'error', title: '表2：总计 = 本年收入合计 + 上年结转结余合计', table: 't02', total: 'grandTotal', parts: ['total', 'carryTotal'] },
  { id: 't02.row', kind: 'rowSum', severity: 'error', title: '表2：本年收入合计 = 各项收入之和', table: 't02', total: 'total', parts: SOURCES },
  { id: 't02.carry', kind: 'rowSum', severity: 'error', title: '表2：上年结转结余合计 = 各来源之和', table: 't02', total: 'carryTotal', parts: ['carryGpb', 'carryGfb', 'carryScob', 'carryFsm', 'carryUnitFunds'] },
  { id: 't02.tree', kind: 'treeSum', severity: 'error', title: '表2：合计 = Σ部门，部门 = Σ所属单位', table: 't02', columns: ['grandTotal', 'total', 'gpb', 'gpbAppropriation', ...SOURCES.slice(1), 'carryTotal', 'carryGpb', 'carryGfb', 'carryScob', 'carryFsm', 'carryUnitFunds'] },

  ...expenditureTable('t03', '表3'),

  // 预算04表 财政拨款收支总体情况表
  { id: 't04.incomeCurrent', kind: 'rowsSum', severity: 'error', title: '表4：本年收入 = 三项财政拨款之和', table: 't04', side: 'income', total: 'incomeCurrent', parts: keys('gpb', 'gfb', 'scob'), columns: ['incomeAmount'] },
  ofWhich('t04.appropriation', 't04', 'income', 'gpbAppropriation', 'gpb', 'incomeAmount', '表4：其中：财政拨款 ≤ 一般公共预算拨款'),
  { id: 't04.carryOver', kind: 'rowsSum', severity: 'error', title: '表4：上年结转 = 三项结转之和', table: 't04', side: 'income', total: 'carryOver', parts: keys('carryOverGpb', 'carryOverGfb', 'carryOverScob'), columns: ['incomeAmount'] },
  { id: 't04.incomeTotal', kind: 'rowsSum', severity: 'error', title: '表4：收入合计 = 本年收入 + 上年结转', table: 't04', side: 'income', total: 'incomeTotal', parts: keys('incomeCurrent', 'carryOver'), columns: ['incomeAmount'] },
  { id: 't04.expCurrent', kind: 'rowsSum', severity: 'error', title: '表4：本年支出 = 各类支出之和', table: 't04', side: 'expenditure', total: 'expCurrent', parts: CLASS_ROWS, columns: ['expTotal', 'expGpb', 'expGpbAppropriation', 'expGfb', 'expScob'] },
  { id: 't04.expTotal', kind: 'rowsSum', severity: 'error', title: '表4：支出合计 = 本年支出 + 年终结转结余', table: 't04', side: 'expenditure', total: 'expTotal', parts: keys('expCurrent', 'yearEndCarry'), columns: ['expTotal', 'expGpb', 'expGpbAppropriation', 'expGfb', 'expScob'] },
  { id: 't04.row', kind: 'rowSum', severity: 'error', title: '表4：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算', table: 't04', side: 'expenditure', total: 'expTotal', parts: ['expGpb', 'expGfb', 'expScob'] },
  { id: 't04.balance', kind: 'match', severity: 'error', title: '表4：收入合计 = 支出合计', left: op('t04', keys('incomeTotal'), ['incomeAmount'], 'income'), right: op('t04', keys('expTotal'), ['expTotal'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

  ...expenditureTable('t05', '表5'),

  // 预算06表 一般公共预算基本支出表
  { id: 't06.row', kind: 'rowSum', severity: 'error', title: '表6：合计 = 人员经费 + 公用经费', table: 't06', total: 'total', parts: ['personnel', 'public'] },
  { id: 't06.tree', kind: 'treeSum', severity: 'error', title: '表6：合计 = Σ所属科目', table: 't06', columns: ['total', 'personnel', 'public'] },

  // 预算07表 支出经济分类汇总表
  { id: 't07.row', kind: 'rowSum', severity: 'error', title: '表7：总计 = 各资金来源之和', table: 't07', total: 'grandTotal', parts: ['gpb', 'gfb', 'scob', 'carryOver', 'fsm', 'business', 'superior', 'subsidiary', 'operating', 'other'] },
  { id: 't07.tree', kind: 'treeSum', severity: 'error', title: '表7：合计 = Σ单位，单位 = Σ所属科目', table: 't07', columns: ['grandTotal', 'gpb', 'gpbAppropriation', 'gfb', 'scob', 'carryOver', 'fsm', 'business', 'superior', 'subsidiary', 'operating', 'other'] },

  // 预算08表 “三公”经费
  { id: 't08.total', kind: 'rowSum', severity: 'error', title: '表8：“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费', table: 't08', total: 'total', parts: ['travelAbroad', 'vehicles', 'reception'] },
  { id: 't08.vehicles', kind: 'rowSum', severity: 'error', title: '表8：公务用车购置及运行费 = 购置费 + 运行费', table: 't08', total: 'vehicles', parts: ['vehiclePurchase', 'vehicleOperation'] },

  ...expenditureTable('t09', '表9'),

  // 预算10表 项目支出表
  { id: 't10.row', kind: 'rowSum', severity: 'error', title: '表10：合计 = 各资金来源之和', table: 't10', total: 'total', parts: ['gpb', 'gfb', 'scob', 'carryGpb', 'carryGfb', 'carryScob', 'fsm', 'unitFunds'] },
  { id: 't10.tree', kind: 'treeSum', severity: 'error', title: '表10：合计 = Σ单位，单位 = Σ项目', table: 't10', columns: ['total', 'gpb', 'gfb', 'scob', 'carryGpb', 'carryGfb', 'carryScob', 'fsm', 'unitFunds'] },
];

/** 01表 income rows ↔ 02表 合计 row columns. */
const T01_T02: [string, string][] = [...SOURCES.map((s): [string, string] => [s, s]), ['gpbAppropriation', 'gpbAppropriation'], ['incomeTotal', 'total'], ['carryOver', 'carryTotal'], ['incomeGrandTotal', 'grandTotal']];
const same = (id: string, title: string, left: Operand, right: Operand | Operand[], tolerance: 'exact' | 'rounded' = 'exact'): Rule => ({ id, kind: 'match', severity: 'error', title, left, right, pairBy: 'aggregate', relation: '=', tolerance });
const byClass = (id: string, title: string, left: Operand, right: Operand): Rule => ({ id, kind: 'match', severity: 'error', title, left, right, pairBy: 'class', relation: '=', tolerance: 'rounded' });
const UNITS: RowSelector = { levels: ['total', 'department'] };
/** 三公 items in 07表 (its 一般公共预算 column) are the 08表 figures; other accounts may carry 三公 money, so a warning. */
const sanGong = (id: string, column: string, names: string[], title: string): Rule => ({ id, kind: 'match', severity: 'warning', title, left: op('t08', keys('budget'), [column]), right: op('t07', { names }, ['gpb']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' });

const crossTable: Rule[] = [
  ...T01_T02.map(([row, column]) => same(`x.t01-t02.${row}`, '表1收入 = 表2合计行（按来源）', op('t01', keys(row), ['incomeAmount'], 'income'), op('t02', TOTAL, [column]))),
  byClass('x.t01-t03.class', '表1各类支出 = 表3该类各项之和', op('t01', CLASS_ROWS, ['expAmount'], 'expenditure'), op('t03', ITEMS, ['total'])),
  same('x.t01-t03.total', '表1本年支出合计 = 表3合计', op('t01', keys('expTotal'), ['expAmount'], 'expenditure'), op('t03', TOTAL, ['total'])),
  { id: 'x.t02-t03.unit', kind: 'match', severity: 'error', title: '表2总计 = 表3合计（合计及各部门）', left: op('t02', UNITS, ['grandTotal']), right: op('t03', UNITS, ['total']), pairBy: 'key', relation: '=', tolerance: 'exact' },
  // 04表 is the 财政拨款 part of 01表; its 一般公共预算/政府性基金 columns by class are 05表/09表
  ...['gpb', 'gpbAppropriation', 'gfb', 'scob'].map((row) => same(`x.t04-t01.${row}`, '表4收入 = 表1同项收入', op('t04', keys(row), ['incomeAmount'], 'income'), op('t01', keys(row), ['incomeAmount'], 'income'))),
  { id: 'x.t04-t01.class', kind: 'match', severity: 'error', title: '表4各类财政拨款支出不超过表1同类支出', left: op('t04', CLASS_ROWS, ['expTotal'], 'expenditure'), right: op('t01', CLASS_ROWS, ['expAmount'], 'expenditure'), pairBy: 'code', relation: '<=', tolerance: 'exact' },
  byClass('x.t04-t05.class', '表4一般公共预算（按类）= 表5该类各项之和', op('t04', CLASS_ROWS, ['expGpb'], 'expenditure'), op('t05', ITEMS, ['total'])),
  same('x.t04-t05.total', '表4本年支出一般公共预算 = 表5合计', op('t04', keys('expCurrent'), ['expGpb'], 'expenditure'), op('t05', TOTAL, ['total'])),
  byClass('x.t04-t09.class', '表4政府性基金（按类）= 表9该类各项之和', op('t04', CLASS_ROWS, ['expGfb'], 'expenditure'), op('t09', ITEMS, ['total'])),
  same('x.t04-t09.total', '表4本年支出政府性基金 = 表9合计', op('t04', keys('expCurrent'), ['expGfb'], 'expenditure'), op('t09', TOTAL, ['total'])),
  // 05表 = 03表 only when every yuan is 一般公共预算 of this year
  {
    id: 'x.t05-t03.code',
    kind: 'match',
    severity: 'error',
    title: '表5 = 表3（全部资金为一般公共预算时）',
    left: op('t05', {}, ['total']),
    right: op('t03', {}, ['total']),
    pairBy: 'key',
    relation: '=',
    tolerance: 'exact',
    when: [{ left: op('t02', TOTAL, [...SOURCES.slice(1), 'carryTotal']), relation: '=', right: 'zero', description: '表2合计行除一般公共预算外没有其他来源和上年结转结余' }],
  },
  // 05表 基本支出 is what 06表 breaks down by economic class
  same('x.t05-t06.basic', '表5基本支出合计 = 表6合计', op('t05', TOTAL, ['basic']), op('t06', TOTAL, ['total'])),
  same('x.t05-t06.personnel', '表5人员经费（工资福利 + 对个人和家庭的补助）= 表6人员经费', op('t05', TOTAL, ['wages', 'family']), op('t06', TOTAL, ['personnel']), 'rounded'),
  same('x.t05-t06.public', '表5公用经费（商品和服务 + 资本性）= 表6公用经费', op('t05', TOTAL, ['goods', 'capital']), op('t06', TOTAL, ['public']), 'rounded'),
  same('x.t07-t03.total', '表7总计 = 表3合计', op('t07', TOTAL, ['grandTotal']), op('t03', TOTAL, ['total'])),
  same('x.t07-t05.gpb', '表7一般公共预算 = 表5合计', op('t07', TOTAL, ['gpb']), op('t05', TOTAL, ['total'])),
  sanGong('x.t08-t07.travel', 'travelAbroad', ['因公出国（境）费用', '因公出国（境）费'], '表8因公出国（境）费 = 表7同名科目（一般公共预算）'),
  sanGong('x.t08-t07.reception', 'reception', ['公务接待费'], '表8公务接待费 = 表7同名科目（一般公共预算）'),
  sanGong('x.t08-t07.vehiclePurchase', 'vehiclePurchase', ['公务用车购置'], '表8公务用车购置费 = 表7公务用车购置（一般公共预算）'),
  sanGong('x.t08-t07.vehicleOperation', 'vehicleOperation', ['公务用车运行维护费'], '表8公务用车运行费 = 表7公务用车运行维护费（一般公共预算）'),
  same('x.t10-t03.project', '表10合计 = 表3项目支出合计', op('t10', { levels: ['department'] }, ['total']), op('t03', TOTAL, ['project'])),
  same('x.t10-t05.project', '表10本年拨款一般公共预算 = 表5项目支出合计', op('t10', { levels: ['department'] }, ['gpb']), op('t05', TOTAL, ['project'])),
];

const FUNCTION_TABLES = [{ table: 't03' }, { table: 't05' }, { table: 't09' }];

const codes: Rule[] = [
  { id: 'code.structure', kind: 'codeStructure', severity: 'error', title: '科目编码结构：类 3 位/款 5 位/项 7 位', tables: FUNCTION_TABLES },
  { id: 'code.catalogue', kind: 'catalogueName', severity: 'warning', title: '科目名称与科目表一致', tables: [...FUNCTION_TABLES, { table: 't06' }, { table: 't07' }] },
  { id: 'code.sameName', kind: 'consistentNames', severity: 'warning', title: '同一科目编码在各表中名称相同', tables: FUNCTION_TABLES },
  { id: 'table.emptyNote', kind: 'emptyNote', severity: 'warning', title: '空表注明「本表无数据」' },
];

// 项目绩效目标: 河南 publishes each project's targets for the budget year (项目绩效目标汇总表), so only 年度 is required;
// that table prints 成本/产出/效益/满意度 and the 三级指标 without any 二级指标, so 一级/二级 are not held to the framework.
const projectForms: Rule[] = performanceFormRules({ table: 't10', column: 'total', tableName: '表10', periods: ['年度'], levels: false });

/**
 * 部门（单位）整体绩效目标表 预算情况 against the tables (seed 003: 504.11 = 467.11 + 37.00). 部门预算总额 and 资金结构 are
 * 表3's 合计 row; 资金来源 splits 表2's 合计 row (本年收入 + 上年结转结余) as 表10 does: 政府预算资金 = the three 财政拨款
 * budgets of this year and their carry-over, 财政专户管理资金, 单位资金 = every other source.
 */
const departmentBudget = (field: DepartmentBudgetField, title: string, tables: Operand[], tolerance: 'exact' | 'rounded' = 'exact'): Rule => ({
  id: `perf.department.${field}`,
  kind: 'departmentBudget',
  severity: 'error',
  title: `部门（单位）整体绩效目标表${title}`,
  field,
  tables,
  tolerance,
});
const departmentForm: Rule[] = [
  departmentBudget('total', '部门预算总额 = 表3合计', [op('t03', TOTAL, ['total'])]),
  departmentBudget('governmentBudget', '政府预算资金 = 表2合计行财政拨款三项预算（含上年结转）', [op('t02', TOTAL, ['gpb', 'gfb', 'scob', 'carryGpb', 'carryGfb', 'carryScob'])], 'rounded'),
  departmentBudget('specialAccount', '财政专户管理资金 = 表2合计行财政专户管理资金（含上年结转）', [op('t02', TOTAL, ['fsm', 'carryFsm'])], 'rounded'),
  departmentBudget('unitFunds', '单位资金 = 表2合计行其他各项收入（含上年结转）', [op('t02', TOTAL, ['business', 'operating', 'superior', 'subsidiary', 'other', 'carryUnitFunds'])], 'rounded'),
  departmentBudget('basic', '基本支出 = 表3合计行基本支出', [op('t03', TOTAL, ['basic'])]),
  departmentBudget('project', '项目支出 = 表3合计行项目支出', [op('t03', TOTAL, ['project'])]),
];

export const HENAN_2024_RULES: readonly Rule[] = [...inTable, ...crossTable, ...codes, ...projectForms, ...departmentForm];
