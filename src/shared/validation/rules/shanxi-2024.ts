// The Shanxi 2024 rule catalogue (DESIGN.md §4), as data. Ids read "tNN.what" for in-table rules and
// "x.what" for cross-table rules; codes and names are "code.*".
import type { Operand, Rule, RowSelector, SideId } from '../types';
import { performanceFormRules } from './performance-forms';

const CLASSES: RowSelector = { levels: ['class'] };
const TOTAL: RowSelector = { keys: ['total'] };
const op = (table: string, rows: RowSelector, columns: string[], side?: SideId): Operand => ({ table, rows, columns, ...(side ? { side } : {}) });
const FUNDS = ['gpb', 'gfb', 'scob'];

/** 表三/表五/表八 (and 表九's expenditure side): 合计 = 基本 + 项目, and the coded tree adds up. */
function expenditureTable(table: string, name: string, side?: SideId, ids = { total: 'total', basic: 'basic', project: 'project' }): Rule[] {
  const columns = [ids.total, ids.basic, ids.project];
  return [
    { id: `${table}.row`, kind: 'rowSum', severity: 'error', title: `${name}：合计 = 基本支出 + 项目支出`, table, ...(side ? { side } : {}), total: ids.total, parts: [ids.basic, ids.project] },
    { id: `${table}.tree`, kind: 'treeSum', severity: 'error', title: `${name}：合计 = Σ类，类 = Σ款，款 = Σ项`, table, ...(side ? { side } : {}), columns },
  ];
}

const inTable: Rule[] = [
  // 表一 预算收支总表
  { id: 't01.incomeTotal', kind: 'rowsSum', severity: 'error', title: '表一：本年收入合计 = 各项收入之和', table: 't01', side: 'income', total: 'incomeTotal', parts: { keys: ['gpb', 'gfb', 'scob', 'fsm', 'unitFunds'] }, columns: ['incomeAmount'] },
  { id: 't01.incomeGrandTotal', kind: 'rowsSum', severity: 'error', title: '表一：收入总计 = 本年收入合计 + 上年结转', table: 't01', side: 'income', total: 'incomeGrandTotal', parts: { keys: ['incomeTotal', 'carryOver'] }, columns: ['incomeAmount'] },
  { id: 't01.expTotal', kind: 'rowsSum', severity: 'error', title: '表一：本年支出合计 = 各类支出之和', table: 't01', side: 'expenditure', total: 'expTotal', parts: { hasCode: true }, columns: ['expTotal', 'expCurrent', 'expCarryOver'] },
  { id: 't01.expGrandTotal', kind: 'rowsSum', severity: 'error', title: '表一：支出总计 = 本年支出合计 + 年终结转', table: 't01', side: 'expenditure', total: 'expGrandTotal', parts: { keys: ['expTotal', 'yearEndCarry'] }, columns: ['expTotal', 'expCurrent', 'expCarryOver'] },
  { id: 't01.row', kind: 'rowSum', severity: 'error', title: '表一：合计 = 当年预算安排 + 上年结转安排', table: 't01', side: 'expenditure', total: 'expTotal', parts: ['expCurrent', 'expCarryOver'] },
  { id: 't01.balance', kind: 'match', severity: 'error', title: '表一：收入总计 = 支出总计', left: op('t01', { keys: ['incomeGrandTotal'] }, ['incomeAmount'], 'income'), right: op('t01', { keys: ['expGrandTotal'] }, ['expTotal'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

  // 表二 预算收入总表
  { id: 't02.row', kind: 'rowSum', severity: 'error', title: '表二：本年收入合计 = 各来源之和', table: 't02', total: 'total', parts: ['gpb', 'gfb', 'scob', 'fsm', 'unitFunds'] },
  { id: 't02.tree', kind: 'treeSum', severity: 'error', title: '表二：合计 = Σ类，类 = Σ款，款 = Σ项', table: 't02', columns: ['total', 'gpb', 'gfb', 'scob', 'fsm', 'unitFunds', 'carryOver'] },

  ...expenditureTable('t03', '表三'),

  // 表四 财政拨款收支总表
  { id: 't04.incomeTotal', kind: 'rowsSum', severity: 'error', title: '表四：本年收入合计 = 三项财政拨款之和', table: 't04', side: 'income', total: 'incomeTotal', parts: { keys: FUNDS }, columns: ['incomeAmount'] },
  { id: 't04.carryOver', kind: 'rowsSum', severity: 'error', title: '表四：上年财政拨款结转 = 三项结转之和', table: 't04', side: 'income', total: 'carryOver', parts: { keys: ['carryOverGpb', 'carryOverGfb', 'carryOverScob'] }, columns: ['incomeAmount'] },
  { id: 't04.incomeGrandTotal', kind: 'rowsSum', severity: 'error', title: '表四：收入总计 = 本年收入合计 + 上年财政拨款结转', table: 't04', side: 'income', total: 'incomeGrandTotal', parts: { keys: ['incomeTotal', 'carryOver'] }, columns: ['incomeAmount'] },
  { id: 't04.expTotal', kind: 'rowsSum', severity: 'error', title: '表四：本年支出合计 = 各类支出之和', table: 't04', side: 'expenditure', total: 'expTotal', parts: { hasCode: true }, columns: ['expTotal', 'expgpb', 'expgfb', 'expscob'] },
  { id: 't04.expGrandTotal', kind: 'rowsSum', severity: 'error', title: '表四：支出总计 = 本年支出合计 + 年终结转', table: 't04', side: 'expenditure', total: 'expGrandTotal', parts: { keys: ['expTotal', 'yearEndCarry'] }, columns: ['expTotal', 'expgpb', 'expgfb', 'expscob'] },
  { id: 't04.row', kind: 'rowSum', severity: 'error', title: '表四：小计 = 三项财政拨款之和', table: 't04', side: 'expenditure', total: 'expTotal', parts: ['expgpb', 'expgfb', 'expscob'] },
  { id: 't04.balance', kind: 'match', severity: 'error', title: '表四：收入总计 = 支出总计', left: op('t04', { keys: ['incomeGrandTotal'] }, ['incomeAmount'], 'income'), right: op('t04', { keys: ['expGrandTotal'] }, ['expTotal'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

  ...expenditureTable('t05', '表五'),

  // 表六 基本支出分经济科目
  { id: 't06.row', kind: 'rowSum', severity: 'error', title: '表六：合计 = 人员经费 + 公用经费', table: 't06', total: 'total', parts: ['personnel', 'public'] },
  { id: 't06.tree', kind: 'treeSum', severity: 'error', title: '表六：合计 = Σ类，类 = Σ所属科目', table: 't06', columns: ['total', 'personnel', 'public'] },

  { id: 't07.tree', kind: 'treeSum', severity: 'error', title: '表七：合计 = Σ类，类 = Σ款，款 = Σ项', table: 't07', columns: ['amount'] },
  ...expenditureTable('t08', '表八'),

  // 表九 国有资本经营预算收支
  { id: 't09.incomeTree', kind: 'treeSum', severity: 'error', title: '表九收入：合计 = Σ类，类 = Σ款，款 = Σ项', table: 't09', side: 'income', columns: ['incomeAmount'] },
  ...expenditureTable('t09', '表九支出', 'expenditure', { total: 'expTotal', basic: 'expBasic', project: 'expProject' }),

  // 表十 三公经费
  { id: 't10.row', kind: 'rowSum', severity: 'error', title: '表十：合计 = 三项财政拨款之和', table: 't10', total: 'total', parts: FUNDS },
  { id: 't10.vehicles', kind: 'rowsSum', severity: 'error', title: '表十：公务用车购置及运行费 = ① + ②', table: 't10', total: 'vehicles', parts: { keys: ['vehiclePurchase', 'vehicleOperation'] }, columns: ['total', ...FUNDS] },
  { id: 't10.total', kind: 'rowsSum', severity: 'error', title: '表十：合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费', table: 't10', total: 'total', parts: { keys: ['travelAbroad', 'reception', 'vehicles'] }, columns: ['total', ...FUNDS] },

  // 表十一 机关运行经费
  { id: 't11.row', kind: 'rowSum', severity: 'error', title: '表十一：合计 = 三项财政拨款之和', table: 't11', total: 'total', parts: FUNDS },
  { id: 't11.tree', kind: 'treeSum', severity: 'error', title: '表十一：部门合计 = Σ单位', table: 't11', columns: ['total', ...FUNDS] },

  // 表十二/十三 项目支出
  { id: 't12.row', kind: 'rowSum', severity: 'error', title: '表十二：合计 = 各资金来源之和', table: 't12', total: 'total', parts: [...FUNDS, 'fsm', 'unitFunds'] },
  { id: 't12.tree', kind: 'treeSum', severity: 'error', title: '表十二：部门 = Σ单位，单位 = Σ项目', table: 't12', columns: ['total', ...FUNDS, 'fsm', 'unitFunds'] },
  { id: 't13.row', kind: 'rowSum', severity: 'error', title: '表十三：合计 = 三项财政拨款之和', table: 't13', total: 'total', parts: FUNDS },
  { id: 't13.tree', kind: 'treeSum', severity: 'error', title: '表十三：部门 = Σ单位，单位 = Σ项目', table: 't13', columns: ['total', ...FUNDS] },
];

const T01_INCOME: [string, string][] = [
  ['gpb', 'gpb'],
  ['gfb', 'gfb'],
  ['scob', 'scob'],
  ['fsm', 'fsm'],
  ['unitFunds', 'unitFunds'],
  ['incomeTotal', 'total'],
  ['carryOver', 'carryOver'],
];

const crossTable: Rule[] = [
  // 表一 收入 by source = 表二 合计 row by source
  ...T01_INCOME.map(([t01Row, t02Column]): Rule => ({
    id: `x.t01-t02.${t01Row}`,
    kind: 'match',
    severity: 'error',
    title: '表一收入 = 表二合计行（按来源）',
    left: op('t01', { keys: [t01Row] }, ['incomeAmount'], 'income'),
    right: op('t02', TOTAL, [t02Column]),
    pairBy: 'aggregate',
    relation: '=',
    tolerance: 'exact',
  })),
  // 表一 class amounts = 表三 class rows; 本年支出合计 = 表三 合计
  { id: 'x.t01-t03.class', kind: 'match', severity: 'error', title: '表一各类支出 = 表三类级科目', left: op('t01', { hasCode: true }, ['expTotal'], 'expenditure'), right: op('t03', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
  { id: 'x.t01-t03.total', kind: 'match', severity: 'error', title: '表一本年支出合计 = 表三合计', left: op('t01', { keys: ['expTotal'] }, ['expTotal'], 'expenditure'), right: op('t03', TOTAL, ['total']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
  // 表二 and 表三: the same codes, 表二 (本年收入 + 上年结转) = 表三 合计
  { id: 'x.t02-t03.code', kind: 'match', severity: 'error', title: '表二（本年收入合计 + 上年结转）= 表三合计（逐科目）', left: op('t02', { levels: ['total', 'class', 'section', 'item'] }, ['total', 'carryOver']), right: op('t03', { levels: ['total', 'class', 'section', 'item'] }, ['total']), pairBy: 'key', relation: '=', tolerance: 'rounded' },
  // 表四 is the 财政拨款 part of 表一
  ...FUNDS.map((fund): Rule => ({ id: `x.t04-t01.${fund}`, kind: 'match', severity: 'error', title: '表四收入 = 表一同项收入', left: op('t04', { keys: [fund] }, ['incomeAmount'], 'income'), right: op('t01', { keys: [fund] }, ['incomeAmount'], 'income'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' })),
  { id: 'x.t04-t01.class', kind: 'match', severity: 'error', title: '表四各类财政拨款支出不超过表一同类支出', left: op('t04', { hasCode: true }, ['expTotal'], 'expenditure'), right: op('t01', { hasCode: true }, ['expTotal'], 'expenditure'), pairBy: 'code', relation: '<=', tolerance: 'exact' },
  { id: 'x.t04-t05.class', kind: 'match', severity: 'error', title: '表四一般公共预算（按类）= 表五类级科目', left: op('t04', { hasCode: true }, ['expgpb'], 'expenditure'), right: op('t05', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
  { id: 'x.t04-t08.class', kind: 'match', severity: 'error', title: '表四政府性基金预算（按类）= 表八类级科目', left: op('t04', { hasCode: true }, ['expgfb'], 'expenditure'), right: op('t08', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
  { id: 'x.t04-t09.class', kind: 'match', severity: 'error', title: '表四国有资本经营预算（按类）= 表九支出类级科目', left: op('t04', { hasCode: true }, ['expscob'], 'expenditure'), right: op('t09', CLASSES, ['expTotal'], 'expenditure'), pairBy: 'code', relation: '=', tolerance: 'exact' },
  // 表五 = 表三 only when every yuan is 一般公共预算 (no other source, no carry-over)
  {
    id: 'x.t05-t03.code',
    kind: 'match',
    severity: 'error',
    title: '表五 = 表三（全部资金为一般公共预算时）',
    left: op('t05', { levels: ['total', 'class', 'section', 'item'] }, ['total']),
    right: op('t03', { levels: ['total', 'class', 'section', 'item'] }, ['total']),
    pairBy: 'key',
    relation: '=',
    tolerance: 'exact',
    when: [{ left: op('t02', TOTAL, ['gfb', 'scob', 'fsm', 'unitFunds', 'carryOver']), relation: '=', right: 'zero', description: '表二合计行除一般公共预算外没有其他来源和上年结转' }],
  },
  { id: 'x.t05-t06.basic', kind: 'match', severity: 'error', title: '表五基本支出合计 = 表六合计', left: op('t05', TOTAL, ['basic']), right: op('t06', TOTAL, ['total']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
  { id: 'x.t03-t12-t13.project', kind: 'match', severity: 'error', title: '表三项目支出合计 = 表十二合计 + 表十三合计', left: op('t03', TOTAL, ['project']), right: [op('t12', { levels: ['department'] }, ['total']), op('t13', { levels: ['department'] }, ['total'])], pairBy: 'aggregate', relation: '=', tolerance: 'rounded' },
  // 三公 also contains project money: 表十 items ≥ the matching 表六 basic-expenditure items (warning)
  { id: 'x.t10-t06.travel', kind: 'match', severity: 'warning', title: '表十因公出国（境）费 ≥ 表六同名科目', left: op('t10', { keys: ['travelAbroad'] }, ['gpb']), right: op('t06', { names: ['因公出国（境）费用', '因公出国（境）费'] }, ['total']), pairBy: 'aggregate', relation: '>=', tolerance: 'exact' },
  { id: 'x.t10-t06.reception', kind: 'match', severity: 'warning', title: '表十公务接待费 ≥ 表六同名科目', left: op('t10', { keys: ['reception'] }, ['gpb']), right: op('t06', { names: ['公务接待费'] }, ['total']), pairBy: 'aggregate', relation: '>=', tolerance: 'exact' },
  { id: 'x.t10-t06.vehicle', kind: 'match', severity: 'warning', title: '表十公务用车运行维护费 ≥ 表六同名科目', left: op('t10', { keys: ['vehicleOperation'] }, ['gpb']), right: op('t06', { names: ['公务用车运行维护费'] }, ['total']), pairBy: 'aggregate', relation: '>=', tolerance: 'exact' },
  { id: 'x.t11-t06.public', kind: 'match', severity: 'warning', title: '表十一部门合计 ≤ 表六公用经费合计', left: op('t11', TOTAL, ['total']), right: op('t06', TOTAL, ['public']), pairBy: 'aggregate', relation: '<=', tolerance: 'exact' },
];

const FUNCTION_TABLES = [{ table: 't02' }, { table: 't03' }, { table: 't05' }, { table: 't08' }, { table: 't09', side: 'expenditure' as const }];

const codes: Rule[] = [
  { id: 'code.structure', kind: 'codeStructure', severity: 'error', title: '科目编码结构：类 3 位/款 5 位/项 7 位，项有所属款和类', tables: [...FUNCTION_TABLES, { table: 't07' }, { table: 't09', side: 'income' }] },
  { id: 'code.catalogue', kind: 'catalogueName', severity: 'warning', title: '科目名称与科目表一致', tables: [...FUNCTION_TABLES, { table: 't07' }, { table: 't09', side: 'income' }] },
  { id: 'code.sameName', kind: 'consistentNames', severity: 'warning', title: '同一科目编码在各表中名称相同', tables: FUNCTION_TABLES },
  { id: 'table.emptyNote', kind: 'emptyNote', severity: 'warning', title: '空表注明「本表无数据」' },
  { id: 'table.precision', kind: 'printedPrecision', severity: 'warning', title: '同一列金额的小数位数一致' },
];

// 项目支出绩效目标表: seed 000's 市级 and seed 004's 省级 forms print both columns, 实施期 and 年度, for every project.
const performance: Rule[] = performanceFormRules({ table: 't12', column: 'total', tableName: '表十二', periods: ['实施期', '年度'], levels: true });

export const SHANXI_2024_RULES: readonly Rule[] = [...inTable, ...crossTable, ...codes, ...performance];
