// The 上海 部门/单位预算 rule catalogue, as data (relations of DESIGN §4 as they hold in the 9 Shanghai tables).
// Ids follow the Shanxi catalogue: "tNN.what" in-table, "x.what" across tables, "code.*" for codes.
import type { ShanghaiEdition } from '../../template/families/shanghai-2026';
import type { Condition, Operand, Rule, RowSelector, SideId } from '../types';

const CLASSES: RowSelector = { levels: ['class'] };
const TOTAL: RowSelector = { keys: ['total'] };
const ALL_LEVELS: RowSelector = { levels: ['total', 'class', 'section', 'item'] };
const op = (table: string, rows: RowSelector, columns: string[], side?: SideId): Operand => ({ table, rows, columns, ...(side ? { side } : {}) });
const FUNDS = ['gpb', 'gfb', 'scob'];
const ONLY_GENERAL_BUDGET: Condition = { left: op('t01', { keys: ['gfb', 'scob', 'business', 'operating', 'other'] }, ['incomeAmount'], 'income'), relation: '=', right: 'zero', description: '表1除一般公共预算外没有其他收入' };
const EXP_FUNDS = ['expgpb', 'expgfb', 'expscob'];

/** 支出预算总表 and the three 功能分类预算表: 合计 = 基本 + 项目, and the coded tree adds up. */
function basicProjectTable(table: string, name: string): Rule[] {
  return [
    { id: `${table}.row`, kind: 'rowSum', severity: 'error', title: `${name}：合计 = 基本支出 + 项目支出`, table, total: 'total', parts: ['basic', 'project'] },
    { id: `${table}.tree`, kind: 'treeSum', severity: 'error', title: `${name}：合计 = Σ类，类 = Σ款，款 = Σ项`, table, columns: ['total', 'basic', 'project'] },
  ];
}

function inTable(edition: ShanghaiEdition): Rule[] {
  const t01ExpColumns = edition === 'unit' ? ['expTotal', 'expPersonnel', 'expPublic', 'expProject'] : ['expTotal'];
  return [
    // 表1 财务收支预算总表
    { id: 't01.fiscal', kind: 'rowsSum', severity: 'error', title: '表1：财政拨款收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算', table: 't01', side: 'income', total: 'fiscal', parts: { keys: FUNDS }, columns: ['incomeAmount'] },
    { id: 't01.incomeGrandTotal', kind: 'rowsSum', severity: 'error', title: '表1：收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入', table: 't01', side: 'income', total: 'incomeGrandTotal', parts: { keys: ['fiscal', 'business', 'operating', 'other'] }, columns: ['incomeAmount'] },
    { id: 't01.expGrandTotal', kind: 'rowsSum', severity: 'error', title: '表1：支出总计 = 各类支出之和', table: 't01', side: 'expenditure', total: 'expGrandTotal', parts: { hasCode: true }, columns: t01ExpColumns },
    ...(edition === 'unit'
      ? [{ id: 't01.row', kind: 'rowSum', severity: 'error', title: '表1：合计 = 人员经费 + 公用经费 + 项目支出', table: 't01', side: 'expenditure', total: 'expTotal', parts: ['expPersonnel', 'expPublic', 'expProject'] } satisfies Rule]
      : []),
    { id: 't01.balance', kind: 'match', severity: 'error', title: '表1：收入总计 = 支出总计', left: op('t01', { keys: ['incomeGrandTotal'] }, ['incomeAmount'], 'income'), right: op('t01', { keys: ['expGrandTotal'] }, ['expTotal'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

    // 表2 收入预算总表
    { id: 't02.row', kind: 'rowSum', severity: 'error', title: '表2：合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入', table: 't02', total: 'total', parts: ['fiscal', 'business', 'operating', 'other'] },
    { id: 't02.tree', kind: 'treeSum', severity: 'error', title: '表2：合计 = Σ类，类 = Σ款，款 = Σ项', table: 't02', columns: ['total', 'fiscal', 'business', 'operating', 'other'] },

    ...basicProjectTable('t03', '表3'),

    // 表4 财政拨款收支预算总表
    { id: 't04.incomeGrandTotal', kind: 'rowsSum', severity: 'error', title: '表4：收入总计 = 三项财政拨款之和', table: 't04', side: 'income', total: 'incomeGrandTotal', parts: { keys: FUNDS }, columns: ['incomeAmount'] },
    { id: 't04.expGrandTotal', kind: 'rowsSum', severity: 'error', title: '表4：支出总计 = 各类支出之和', table: 't04', side: 'expenditure', total: 'expGrandTotal', parts: { hasCode: true }, columns: ['expTotal', ...EXP_FUNDS] },
    { id: 't04.row', kind: 'rowSum', severity: 'error', title: '表4：合计 = 三项财政拨款之和', table: 't04', side: 'expenditure', total: 'expTotal', parts: EXP_FUNDS },
    { id: 't04.balance', kind: 'match', severity: 'error', title: '表4：收入总计 = 支出总计', left: op('t04', { keys: ['incomeGrandTotal'] }, ['incomeAmount'], 'income'), right: op('t04', { keys: ['expGrandTotal'] }, ['expTotal'], 'expenditure'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },

    ...basicProjectTable('t05', '表5'),
    ...basicProjectTable('t06', '表6'),
    ...basicProjectTable('t07', '表7'),

    // 表8 一般公共预算基本支出部门预算经济分类预算表
    { id: 't08.row', kind: 'rowSum', severity: 'error', title: '表8：合计 = 人员经费 + 公用经费', table: 't08', total: 'total', parts: ['personnel', 'public'] },
    { id: 't08.tree', kind: 'treeSum', severity: 'error', title: '表8：合计 = Σ类，类 = Σ款', table: 't08', columns: ['total', 'personnel', 'public'] },

    // 表9 三公经费和机关运行经费
    { id: 't09.total', kind: 'rowSum', severity: 'error', title: '表9：“三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费', table: 't09', total: 'total', parts: ['travelAbroad', 'reception', 'vehicles'] },
    { id: 't09.vehicles', kind: 'rowSum', severity: 'error', title: '表9：公务用车购置及运行费 = 购置费 + 运行费', table: 't09', total: 'vehicles', parts: ['vehiclePurchase', 'vehicleOperation'] },
  ];
}

/** 表1 income item → 表2 合计-row column. */
const T01_T02: [string, string][] = [
  ['fiscal', 'fiscal'],
  ['business', 'business'],
  ['operating', 'operating'],
  ['other', 'other'],
  ['incomeGrandTotal', 'total'],
];

function crossTable(edition: ShanghaiEdition): Rule[] {
  const rules: Rule[] = [
    ...T01_T02.map(([t01Row, t02Column]): Rule => ({
      id: `x.t01-t02.${t01Row}`,
      kind: 'match',
      severity: 'error',
      title: '表1收入 = 表2合计行（按来源）',
      left: op('t01', { keys: [t01Row] }, ['incomeAmount'], 'income'),
      right: op('t02', TOTAL, [t02Column]),
      pairBy: 'aggregate',
      relation: '=',
      tolerance: 'exact',
    })),
    { id: 'x.t01-t03.class', kind: 'match', severity: 'error', title: '表1各类支出 = 表3类级科目', left: op('t01', { hasCode: true }, ['expTotal'], 'expenditure'), right: op('t03', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
    { id: 'x.t01-t03.total', kind: 'match', severity: 'error', title: '表1支出总计 = 表3合计', left: op('t01', { keys: ['expGrandTotal'] }, ['expTotal'], 'expenditure'), right: op('t03', TOTAL, ['total']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
    { id: 'x.t02-t03.code', kind: 'match', severity: 'error', title: '表2合计 = 表3合计（逐科目）', left: op('t02', ALL_LEVELS, ['total']), right: op('t03', ALL_LEVELS, ['total']), pairBy: 'key', relation: '=', tolerance: 'exact' },
    ...FUNDS.map((fund): Rule => ({ id: `x.t04-t01.${fund}`, kind: 'match', severity: 'error', title: '表4收入 = 表1同项收入', left: op('t04', { keys: [fund] }, ['incomeAmount'], 'income'), right: op('t01', { keys: [fund] }, ['incomeAmount'], 'income'), pairBy: 'aggregate', relation: '=', tolerance: 'exact' })),
    { id: 'x.t04-t01.class', kind: 'match', severity: 'error', title: '表4各类财政拨款支出不超过表1同类支出', left: op('t04', { hasCode: true }, ['expTotal'], 'expenditure'), right: op('t01', { hasCode: true }, ['expTotal'], 'expenditure'), pairBy: 'code', relation: '<=', tolerance: 'exact' },
    { id: 'x.t04-t05.class', kind: 'match', severity: 'error', title: '表4一般公共预算（按类）= 表5类级科目', left: op('t04', { hasCode: true }, ['expgpb'], 'expenditure'), right: op('t05', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
    { id: 'x.t04-t06.class', kind: 'match', severity: 'error', title: '表4政府性基金预算（按类）= 表6类级科目', left: op('t04', { hasCode: true }, ['expgfb'], 'expenditure'), right: op('t06', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
    { id: 'x.t04-t07.class', kind: 'match', severity: 'error', title: '表4国有资本经营预算（按类）= 表7类级科目', left: op('t04', { hasCode: true }, ['expscob'], 'expenditure'), right: op('t07', CLASSES, ['total']), pairBy: 'code', relation: '=', tolerance: 'exact' },
    {
      id: 'x.t05-t03.code',
      kind: 'match',
      severity: 'error',
      title: '表5 = 表3（全部资金为一般公共预算时）',
      left: op('t05', ALL_LEVELS, ['total', 'basic', 'project']),
      right: op('t03', ALL_LEVELS, ['total', 'basic', 'project']),
      pairBy: 'key',
      relation: '=',
      tolerance: 'exact',
      when: [ONLY_GENERAL_BUDGET],
    },
    { id: 'x.t05-t08.basic', kind: 'match', severity: 'error', title: '表5基本支出合计 = 表8合计', left: op('t05', TOTAL, ['basic']), right: op('t08', TOTAL, ['total']), pairBy: 'aggregate', relation: '=', tolerance: 'exact' },
    // 三公 also contains project money: 表9 items ≥ the matching 表8 basic-expenditure items (warnings).
    { id: 'x.t09-t08.travel', kind: 'match', severity: 'warning', title: '表9因公出国（境）费 ≥ 表8同名科目（30212）', left: op('t09', { keys: ['budget'] }, ['travelAbroad']), right: op('t08', { keys: ['30212'] }, ['total']), pairBy: 'aggregate', relation: '>=', tolerance: 'exact' },
    { id: 'x.t09-t08.reception', kind: 'match', severity: 'warning', title: '表9公务接待费 ≥ 表8同名科目（30217）', left: op('t09', { keys: ['budget'] }, ['reception']), right: op('t08', { keys: ['30217'] }, ['total']), pairBy: 'aggregate', relation: '>=', tolerance: 'exact' },
    { id: 'x.t09-t08.vehicle', kind: 'match', severity: 'warning', title: '表9公务用车运行费 ≥ 表8公务用车运行维护费（30231）', left: op('t09', { keys: ['budget'] }, ['vehicleOperation']), right: op('t08', { keys: ['30231'] }, ['total']), pairBy: 'aggregate', relation: '>=', tolerance: 'exact' },
    { id: 'x.t09-t08.operating', kind: 'match', severity: 'warning', title: '表9机关运行经费 ≤ 表8公用经费合计', left: op('t09', { keys: ['budget'] }, ['operating']), right: op('t08', TOTAL, ['public']), pairBy: 'aggregate', relation: '<=', tolerance: 'exact' },
  ];
  if (edition === 'unit') {
    rules.push(
      { id: 'x.t01-t03.basic', kind: 'match', severity: 'error', title: '表1各类基本支出（人员经费 + 公用经费）= 表3类级科目基本支出', left: op('t01', { hasCode: true }, ['expPersonnel', 'expPublic'], 'expenditure'), right: op('t03', CLASSES, ['basic']), pairBy: 'code', relation: '=', tolerance: 'exact' },
      { id: 'x.t01-t03.project', kind: 'match', severity: 'error', title: '表1各类项目支出 = 表3类级科目项目支出', left: op('t01', { hasCode: true }, ['expProject'], 'expenditure'), right: op('t03', CLASSES, ['project']), pairBy: 'code', relation: '=', tolerance: 'exact' },
      // 表8 is the 一般公共预算 part of 基本支出: equal to 表1's split when that is all the money there is.
      ...(['personnel', 'public'] as const).map(
        (column): Rule => ({
          id: `x.t01-t08.${column}`,
          kind: 'match',
          severity: 'error',
          title: `表1支出总计${column === 'personnel' ? '人员经费' : '公用经费'} = 表8合计（全部资金为一般公共预算时）`,
          left: op('t01', { keys: ['expGrandTotal'] }, [column === 'personnel' ? 'expPersonnel' : 'expPublic'], 'expenditure'),
          right: op('t08', TOTAL, [column]),
          pairBy: 'aggregate',
          relation: '=',
          tolerance: 'exact',
          when: [ONLY_GENERAL_BUDGET],
        }),
      ),
    );
  }
  return rules;
}

const FUNCTION_TABLES = [{ table: 't02' }, { table: 't03' }, { table: 't05' }, { table: 't06' }, { table: 't07' }];

const codes: Rule[] = [
  { id: 'code.structure', kind: 'codeStructure', severity: 'error', title: '科目编码结构：类 3 位/款 5 位/项 7 位，项有所属款和类', tables: [...FUNCTION_TABLES, { table: 't08' }] },
  { id: 'code.catalogue', kind: 'catalogueName', severity: 'warning', title: '科目名称与科目表一致', tables: [...FUNCTION_TABLES, { table: 't08' }] },
  { id: 'code.sameName', kind: 'consistentNames', severity: 'warning', title: '同一科目编码在各表中名称相同', tables: FUNCTION_TABLES },
  { id: 'table.emptyNote', kind: 'emptyNote', severity: 'warning', title: '空表注明「本表无数据」' },
  { id: 'table.precision', kind: 'printedPrecision', severity: 'warning', title: '同一列金额的小数位数一致' },
];

export function shanghaiRules(edition: ShanghaiEdition): readonly Rule[] {
  return [...inTable(edition), ...crossTable(edition), ...codes];
}
