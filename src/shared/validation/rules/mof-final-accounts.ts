// 部门决算 (财政部 9 tables) rule catalogue, as data. Table ids follow the family: t01 收入支出决算总表,
// t02 收入决算表, t03 支出决算表, t04 财政拨款收入支出决算总表, t05 一般公共预算财政拨款支出决算表,
// t06 基本支出决算表 (income side = 人员经费, expenditure side = 公用经费), t07 “三公”, t08 政府性基金, t09 国有资本经营.
import type { Operand, Rule, RowSelector, SideId } from '../types';

const CLASSES: RowSelector = { levels: ['class'] };
const CLASS_ROWS: RowSelector = { hasCode: true };
const TOTAL: RowSelector = { keys: ['total'] };
const ALL_CODED: RowSelector = { levels: ['total', 'class', 'section', 'item'] };
const op = (table: string, rows: RowSelector, columns: string[], side?: SideId): Operand => ({ table, rows, columns, ...(side ? { side } : {}) });
const keys = (...ids: string[]): RowSelector => ({ keys: ids });

const INCOME_ITEMS = ['gpb', 'gfb', 'scob', 'superior', 'business', 'operating', 'affiliated', 'other'];
const T02_SOURCES = ['grants', 'superior', 'business', 'operating', 'affiliated', 'other'];
const T03_PARTS = ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'];
const T04_COLUMNS = ['expTotal', 'expgpb', 'expgfb', 'expscob'];
const FUND_COLUMNS = ['opening', 'income', 'expTotal', 'expBasic', 'expProject', 'closing'];

/** 政府性基金 / 国有资本经营: 本年支出 = 基本 + 项目, the coded tree, and 年初 + 本年收入 = 本年支出 + 年末 per row. */
function grantFundTable(table: string, name: string): Rule[] {
  return [
    { id: `${table}.row`, kind: 'rowSum', severity: 'error', title: `${name}：本年支出合计 = 基本支出 + 项目支出`, table, total: 'expTotal', parts: ['expBasic', 'expProject'] },
    { id: `${table}.tree`, kind: 'treeSum', severity: 'error', title: `${name}：合计 = Σ类，类 = Σ款，款 = Σ项`, table, columns: FUND_COLUMNS },
    { id: `${table}.balance`, kind: 'match', severity: 'error', title: `${name}：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余`, left: op(table, ALL_CODED, ['opening', 'income']), right: op(table, ALL_CODED, ['expTotal', 'closing']), pairBy: 'key', relation: '=', tolerance: 'rounded' },
  ];
}

const inTable: Rule[] = [
  // 收入支出决算总表
  { id: 't01.incomeTotal', kind: 'rowsSum', severity: 'error', title: '收入支出决算总表：本年收入合计 = 各项收入之和', table: 't01', side: 'income', total: 'incomeTotal', parts: keys(...INCOME_ITEMS), columns: ['incomeAmount'] },
  { id: 't01.incomeGrandTotal', kind: 'rowsSum', severity: 'error', title: '收入支出决算总表：总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', table: 't01', side: 'income', total: 'incomeGrandTotal', parts: keys('incomeTotal', 'nonGrantBalance', 'openingBalance'), columns: ['incomeAmount'] },
  { id: 't01.expTotal', kind: 'rowsSum', severity: 'error', title: '收入支出决算总表：本年支出合计 = 各类支出之和', table: 't01', side: 'expenditure', total: 'expTotal', parts: CLASS_ROWS, columns: ['expAmount'] },
  { id: 't01.expGrandTotal', kind: 'rowsSum', severity: 'error', title: '收入支出决算总表：总计 = 本年支出合计 + 结余分配 + 年末结转和结余', table: 't01', side: 'expenditure', total: 'expGrandTotal', parts: keys('expTotal', 'surplusDistribution', 'closingBalance'), columns: ['expAmount'] },
  { id: 't01.balance', kind: 'match', severity: 'error', title: '收入支出决算总表：收入总计 = 支出总计', left: op('t01', keys('incomeGrandTotal'), ['incomeAmount'], 'income'), right: op('t01', keys('expGrandTotal'), ['expAmount'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

  // 收入决算表 / 支出决算表
  { id: 't02.row', kind: 'rowSum', severity: 'error', title: '收入决算表：本年收入合计 = 各来源之和', table: 't02', total: 'total', parts: T02_SOURCES },
  { id: 't02.tree', kind: 'treeSum', severity: 'error', title: '收入决算表：合计 = Σ类，类 = Σ款，款 = Σ项', table: 't02', columns: ['total', ...T02_SOURCES] },
  { id: 't03.row', kind: 'rowSum', severity: 'error', title: '支出决算表：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出', table: 't03', total: 'total', parts: T03_PARTS },
  { id: 't03.tree', kind: 'treeSum', severity: 'error', title: '支出决算表：合计 = Σ类，类 = Σ款，款 = Σ项', table: 't03', columns: ['total', ...T03_PARTS] },

  // 财政拨款收入支出决算总表
  { id: 't04.incomeTotal', kind: 'rowsSum', severity: 'error', title: '财政拨款收入支出决算总表：本年收入合计 = 三项财政拨款之和', table: 't04', side: 'income', total: 'incomeTotal', parts: keys('gpb', 'gfb', 'scob'), columns: ['incomeAmount'] },
  { id: 't04.openingBalance', kind: 'rowsSum', severity: 'error', title: '财政拨款收入支出决算总表：年初财政拨款结转和结余 = 三项之和', table: 't04', side: 'income', total: 'openingBalance', parts: keys('openingGpb', 'openingGfb', 'openingScob'), columns: ['incomeAmount'] },
  { id: 't04.incomeGrandTotal', kind: 'rowsSum', severity: 'error', title: '财政拨款收入支出决算总表：总计 = 本年收入合计 + 年初财政拨款结转和结余', table: 't04', side: 'income', total: 'incomeGrandTotal', parts: keys('incomeTotal', 'openingBalance'), columns: ['incomeAmount'] },
  { id: 't04.expTotal', kind: 'rowsSum', severity: 'error', title: '财政拨款收入支出决算总表：本年支出合计 = 各类支出之和', table: 't04', side: 'expenditure', total: 'expTotal', parts: CLASS_ROWS, columns: T04_COLUMNS },
  { id: 't04.expGrandTotal', kind: 'rowsSum', severity: 'error', title: '财政拨款收入支出决算总表：总计 = 本年支出合计 + 年末财政拨款结转和结余', table: 't04', side: 'expenditure', total: 'expGrandTotal', parts: keys('expTotal', 'closingBalance'), columns: T04_COLUMNS },
  { id: 't04.row', kind: 'rowSum', severity: 'error', title: '财政拨款收入支出决算总表：合计 = 三项财政拨款之和', table: 't04', side: 'expenditure', total: 'expTotal', parts: ['expgpb', 'expgfb', 'expscob'] },
  { id: 't04.balance', kind: 'match', severity: 'error', title: '财政拨款收入支出决算总表：收入总计 = 支出总计', left: op('t04', keys('incomeGrandTotal'), ['incomeAmount'], 'income'), right: op('t04', keys('expGrandTotal'), ['expTotal'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

  // 一般公共预算财政拨款支出决算表
  { id: 't05.row', kind: 'rowSum', severity: 'error', title: '一般公共预算财政拨款支出决算表：合计 = 基本支出 + 项目支出', table: 't05', total: 'total', parts: ['basic', 'project'] },
  { id: 't05.tree', kind: 'treeSum', severity: 'error', title: '一般公共预算财政拨款支出决算表：合计 = Σ类，类 = Σ款，款 = Σ项', table: 't05', columns: ['total', 'basic', 'project'] },

  // 基本支出决算表: 人员经费合计 = Σ类 (301, 303), 公用经费合计 = Σ类 (302, 310), 类 = Σ款
  { id: 't06.personnelTree', kind: 'treeSum', severity: 'error', title: '基本支出决算表：人员经费合计 = Σ类，类 = Σ款', table: 't06', side: 'income', columns: ['personnelAmount'] },
  { id: 't06.publicTree', kind: 'treeSum', severity: 'error', title: '基本支出决算表：公用经费合计 = Σ类，类 = Σ款', table: 't06', side: 'expenditure', columns: ['publicAmount'] },

  // “三公”经费: 预算数 and 决算数 each add up
  ...(['Budget', 'Final'] as const).flatMap((kind): Rule[] => {
    const name = kind === 'Budget' ? '预算数' : '决算数';
    return [
      { id: `t07.total${kind}`, kind: 'rowSum', severity: 'error', title: `“三公”经费（${name}）：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费`, table: 't07', total: `total${kind}`, parts: [`travel${kind}`, `vehicles${kind}`, `reception${kind}`] },
      { id: `t07.vehicles${kind}`, kind: 'rowSum', severity: 'error', title: `“三公”经费（${name}）：公务用车购置及运行维护费 = 购置费 + 运行维护费`, table: 't07', total: `vehicles${kind}`, parts: [`vehiclePurchase${kind}`, `vehicleOperation${kind}`] },
    ];
  }),

  ...grantFundTable('t08', '政府性基金预算财政拨款收入支出决算表'),
  ...grantFundTable('t09', '国有资本经营预算财政拨款收入支出决算表'),
];

/** 收支总表 income item → 收入决算表 合计 column (财政拨款收入 is the three 财政拨款 items together). */
const T01_T02: [rows: string[], column: string, tolerance: 'exact' | 'rounded'][] = [
  [['incomeTotal'], 'total', 'exact'],
  [['gpb', 'gfb', 'scob'], 'grants', 'rounded'],
  [['superior'], 'superior', 'exact'],
  [['business'], 'business', 'exact'],
  [['operating'], 'operating', 'exact'],
  [['affiliated'], 'affiliated', 'exact'],
  [['other'], 'other', 'exact'],
];

/** 三公 决算数 contains project money too, so it is at least the 基本支出 item of the same name (warning). */
const THREE_PUBLIC_ITEMS: [column: string, code: string, name: string][] = [
  ['travelFinal', '30212', '因公出国（境）费用'],
  ['receptionFinal', '30217', '公务接待费'],
  ['vehicleOperationFinal', '30231', '公务用车运行维护费'],
  ['vehiclePurchaseFinal', '31013', '公务用车购置'],
];

const FUND_TABLES: [fund: 'gfb' | 'scob', table: string, name: string][] = [
  ['gfb', 't08', '政府性基金'],
  ['scob', 't09', '国有资本经营'],
];

const crossTable: Rule[] = [
  ...T01_T02.map(([rows, column, tolerance]): Rule => ({
    id: `x.t01-t02.${column}`,
    kind: 'match',
    severity: 'error',
    title: '收入支出决算总表收入 = 收入决算表合计行（按来源）',
    left: op('t01', keys(...rows), ['incomeAmount'], 'income'),
    right: op('t02', TOTAL, [column]),
    pairBy: 'aggregate',
    relation: '=',
    tolerance,
  })),
  { id: 'x.t01-t03.class', kind: 'match', severity: 'error', title: '收入支出决算总表各类支出 = 支出决算表类级科目', left: op('t01', CLASS_ROWS, ['expAmount'], 'expenditure'), right: op('t03', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
  { id: 'x.t01-t03.total', kind: 'match', severity: 'error', title: '收入支出决算总表本年支出合计 = 支出决算表合计', left: op('t01', keys('expTotal'), ['expAmount'], 'expenditure'), right: op('t03', TOTAL, ['total']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
  // 财政拨款收入支出决算总表 is the 财政拨款 part of 收入支出决算总表
  ...['gpb', 'gfb', 'scob'].map((fund): Rule => ({ id: `x.t04-t01.${fund}`, kind: 'match', severity: 'error', title: '财政拨款收入支出决算总表收入 = 收入支出决算总表同项收入', left: op('t04', keys(fund), ['incomeAmount'], 'income'), right: op('t01', keys(fund), ['incomeAmount'], 'income'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' })),
  { id: 'x.t04-t01.class', kind: 'match', severity: 'error', title: '财政拨款各类支出不超过收入支出决算总表同类支出', left: op('t04', CLASS_ROWS, ['expTotal'], 'expenditure'), right: op('t01', CLASS_ROWS, ['expAmount'], 'expenditure'), pairBy: 'code', relation: '<=', tolerance: 'exact' },
  { id: 'x.t04-t05.class', kind: 'match', severity: 'error', title: '财政拨款收入支出决算总表一般公共预算（按类）= 一般公共预算财政拨款支出决算表类级科目', left: op('t04', CLASS_ROWS, ['expgpb'], 'expenditure'), right: op('t05', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
  { id: 'x.t04-t05.total', kind: 'match', severity: 'error', title: '财政拨款收入支出决算总表一般公共预算本年支出合计 = 一般公共预算财政拨款支出决算表合计', left: op('t04', keys('expTotal'), ['expgpb'], 'expenditure'), right: op('t05', TOTAL, ['total']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
  { id: 'x.t05-t06.basic', kind: 'match', severity: 'error', title: '一般公共预算财政拨款支出决算表基本支出合计 = 基本支出决算表人员经费合计 + 公用经费合计', left: op('t05', TOTAL, ['basic']), right: [op('t06', TOTAL, ['personnelAmount'], 'income'), op('t06', TOTAL, ['publicAmount'], 'expenditure')], pairBy: 'aggregate', relation: '=', tolerance: 'rounded' },
  // 政府性基金 / 国有资本经营: the fund column of 财政拨款收支总表 = its own table
  ...FUND_TABLES.flatMap(([fund, table, name]): Rule[] => [
    { id: `x.t04-${table}.class`, kind: 'match', severity: 'error', title: `财政拨款收入支出决算总表${name}（按类）= ${name}表类级科目本年支出`, left: op('t04', CLASS_ROWS, [`exp${fund}`], 'expenditure'), right: op(table, CLASSES, ['expTotal']), pairBy: 'code', relation: '=', tolerance: 'exact' },
    { id: `x.t04-${table}.income`, kind: 'match', severity: 'error', title: `财政拨款收入支出决算总表${name}收入 = ${name}表合计本年收入`, left: op('t04', keys(fund), ['incomeAmount'], 'income'), right: op(table, TOTAL, ['income']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
    { id: `x.t04-${table}.opening`, kind: 'match', severity: 'error', title: `财政拨款收入支出决算总表年初${name}结转和结余 = ${name}表合计年初结转和结余`, left: op('t04', keys(`opening${fund[0]?.toUpperCase()}${fund.slice(1)}`), ['incomeAmount'], 'income'), right: op(table, TOTAL, ['opening']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
    { id: `x.t04-${table}.closing`, kind: 'match', severity: 'error', title: `财政拨款收入支出决算总表年末${name}结转和结余 = ${name}表合计年末结转和结余`, left: op('t04', keys('closingBalance'), [`exp${fund}`], 'expenditure'), right: op(table, TOTAL, ['closing']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
  ]),
  ...THREE_PUBLIC_ITEMS.map(([column, code, name]): Rule => ({ id: `x.t07-t06.${code}`, kind: 'match', severity: 'warning', title: `“三公”经费决算数 ≥ 基本支出决算表「${name}」`, left: op('t07', {}, [column]), right: op('t06', keys(code), ['publicAmount'], 'expenditure'), pairBy: 'aggregate', relation: '>=', tolerance: 'exact' })),
];

const FUNCTION_TABLES = ['t02', 't03', 't05', 't08', 't09'].map((table) => ({ table }));
const ECONOMIC_SIDES = [{ table: 't06', side: 'income' as const }, { table: 't06', side: 'expenditure' as const }];

const codes: Rule[] = [
  { id: 'code.structure', kind: 'codeStructure', severity: 'error', title: '科目编码结构：类 3 位/款 5 位/项 7 位，下级有所属上级', tables: [...FUNCTION_TABLES, ...ECONOMIC_SIDES] },
  { id: 'code.catalogue', kind: 'catalogueName', severity: 'warning', title: '科目名称与科目表一致', tables: [...FUNCTION_TABLES, ...ECONOMIC_SIDES] },
  { id: 'code.sameName', kind: 'consistentNames', severity: 'warning', title: '同一科目编码在各表中名称相同', tables: FUNCTION_TABLES },
  { id: 'table.emptyNote', kind: 'emptyNote', severity: 'warning', title: '空表注明「本表无数据」' },
];

export const MOF_FINAL_ACCOUNTS_RULES: readonly Rule[] = [...inTable, ...crossTable, ...codes];
