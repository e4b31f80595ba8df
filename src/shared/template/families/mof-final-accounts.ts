// 部门决算: the 财政部 nine 决算 tables (DESIGN.md §3b), as the Shanghai 2024 documents and the official
// template print them. Amounts in 万元. Titles carry no year ("收入支出决算总表" under a heading
// "XX局2024年度部门决算表"); titles with a year prefix are accepted too. Codes may be one cell (2080505) or
// 类 | 款 | 项 cells: the importer reads both.
import type { ColumnDef, FixedRowDef, HeaderNode, RowModel, TableDef, TemplateFamily } from '../types';
import { labelsOf } from '../types';
import { CHINESE_ORDINALS } from '../../labels';
import { amount, codeColumn, FUNCTION_CLASS_ROWS, nameColumn } from './common';
import { stripOrdinal } from '../../text';

const EMPTY_NOTE = '注：本表无数据';
const TOTAL_LABELS = ['合计', '总计'];
const CODE_LABELS = ['科目编码', '功能分类科目编码', '支出功能分类科目编码'];
const FINAL = ['决算数', '金额'];

/** Published and year-prefixed forms of a title. */
const titled = (title: string): Pick<TableDef, 'title' | 'titleAliases'> => ({ title, titleAliases: [`{year}年度${title}`, `{year}年${title}`, `部门${title}`] });

/**
 * The classes the 2024 决算 template lists, numbered by position. Other classes (债务还本支出 … printed by
 * some departments) are optional rows: read when printed, exported only when the book holds them.
 */
const LISTED = ['201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '234'];
const CLASS_ROWS: readonly FixedRowDef[] = (() => {
  let position = 0;
  return FUNCTION_CLASS_ROWS.map((row): FixedRowDef => {
    const [printed = '', ...former] = labelsOf(row.label);
    const name = stripOrdinal(printed);
    if (!LISTED.includes(row.id)) return { ...row, label: [name, ...former], optional: true };
    return { ...row, label: [`${CHINESE_ORDINALS[position++]}、${name}`, ...former] };
  });
})();

const codedTree: RowModel = { kind: 'codedTree', totalLabel: TOTAL_LABELS, classification: 'function' };
const itemHeader: HeaderNode = { label: ['项目', '科目'], children: [{ label: CODE_LABELS, column: 'code' }, { label: ['科目名称', '功能分类科目名称'], column: 'name' }] };
const labelColumns = (): ColumnDef[] => [codeColumn('code', '科目编码'), nameColumn('name', '科目名称')];

/** A coded-tree table whose amount columns sit directly under their own labels. */
function codedTable(id: string, no: number, title: string, columns: [id: string, labels: string[]][]): TableDef {
  return {
    id,
    no,
    ...titled(title),
    sheetName: title,
    header: [itemHeader, ...columns.map(([column, labels]): HeaderNode => ({ label: labels, column }))],
    sides: [{ id: 'main', columns: [...labelColumns(), ...columns.map(([column, labels]) => amount(column, labels[0] ?? column))], rows: codedTree }],
    emptyNote: EMPTY_NOTE,
  };
}

const t01: TableDef = {
  id: 't01',
  no: 1,
  ...titled('收入支出决算总表'),
  sheetName: '收入支出决算总表',
  header: [
    { label: '收入', children: [{ label: '项目', column: 'incomeName' }, { label: FINAL, column: 'incomeAmount' }] },
    { label: '支出', children: [{ label: '项目', column: 'expName' }, { label: FINAL, column: 'expAmount' }] },
  ],
  sides: [
    {
      id: 'income',
      label: '收入',
      columns: [nameColumn('incomeName', '项目'), amount('incomeAmount', '决算数')],
      rows: {
        kind: 'fixed',
        rows: [
          { id: 'gpb', label: ['一、一般公共预算财政拨款收入', '一般公共预算财政拨款'] },
          { id: 'gfb', label: ['二、政府性基金预算财政拨款收入', '政府性基金预算财政拨款'] },
          { id: 'scob', label: ['三、国有资本经营预算财政拨款收入', '国有资本经营预算财政拨款'] },
          { id: 'superior', label: '四、上级补助收入' },
          { id: 'business', label: '五、事业收入' },
          { id: 'operating', label: '六、经营收入' },
          { id: 'affiliated', label: '七、附属单位上缴收入' },
          { id: 'other', label: '八、其他收入' },
          { id: 'incomeTotal', label: '本年收入合计', computed: true, alignWith: 'expTotal' },
          { id: 'nonGrantBalance', label: ['使用非财政拨款结余', '使用非财政拨款结余（含专用结余）'], alignWith: 'surplusDistribution' },
          { id: 'openingBalance', label: '年初结转和结余', alignWith: 'closingBalance' },
          { id: 'incomeGrandTotal', label: ['总计', '收入总计'], computed: true, alignWith: 'expGrandTotal' },
        ],
      },
    },
    {
      id: 'expenditure',
      label: '支出',
      columns: [nameColumn('expName', '项目'), amount('expAmount', '决算数')],
      rows: {
        kind: 'fixed',
        rows: [
          ...CLASS_ROWS,
          { id: 'expTotal', label: '本年支出合计', computed: true },
          { id: 'surplusDistribution', label: '结余分配' },
          { id: 'closingBalance', label: '年末结转和结余' },
          { id: 'expGrandTotal', label: ['总计', '支出总计'], computed: true },
        ],
      },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t02 = codedTable('t02', 2, '收入决算表', [
  ['total', ['本年收入合计', '合计']],
  ['grants', ['财政拨款收入']],
  ['superior', ['上级补助收入']],
  ['business', ['事业收入']],
  ['operating', ['经营收入']],
  ['affiliated', ['附属单位上缴收入']],
  ['other', ['其他收入']],
]);

const t03 = codedTable('t03', 3, '支出决算表', [
  ['total', ['本年支出合计', '合计']],
  ['basic', ['基本支出']],
  ['project', ['项目支出']],
  ['toSuperior', ['上缴上级支出']],
  ['operating', ['经营支出']],
  ['toAffiliated', ['对附属单位补助支出']],
]);

const GRANT_FUNDS: [string, string][] = [
  ['gpb', '一般公共预算财政拨款'],
  ['gfb', '政府性基金预算财政拨款'],
  ['scob', '国有资本经营预算财政拨款'],
];

const t04: TableDef = {
  id: 't04',
  no: 4,
  ...titled('财政拨款收入支出决算总表'),
  sheetName: '财政拨款收入支出决算总表',
  header: [
    { label: '收入', children: [{ label: '项目', column: 'incomeName' }, { label: FINAL, column: 'incomeAmount' }] },
    {
      label: '支出',
      children: [
        { label: '项目', column: 'expName' },
        { label: ['合计', '小计'], column: 'expTotal' },
        ...GRANT_FUNDS.map(([id, label]): HeaderNode => ({ label: [label, label.replace('财政拨款', '')], column: `exp${id}` })),
      ],
    },
  ],
  sides: [
    {
      id: 'income',
      label: '收入',
      columns: [nameColumn('incomeName', '项目'), amount('incomeAmount', '决算数')],
      rows: {
        kind: 'fixed',
        rows: [
          ...GRANT_FUNDS.map(([id, label], i): FixedRowDef => ({ id, label: `${CHINESE_ORDINALS[i]}、${label}` })),
          { id: 'incomeTotal', label: '本年收入合计', computed: true, alignWith: 'expTotal' },
          { id: 'openingBalance', label: ['年初财政拨款结转和结余', '年初结转和结余'], computed: true, alignWith: 'closingBalance' },
          ...GRANT_FUNDS.map(([id, label], i): FixedRowDef => ({ id: `opening${id[0]?.toUpperCase()}${id.slice(1)}`, label: `${CHINESE_ORDINALS[i]}、${label}`, depth: 1 })),
          { id: 'incomeGrandTotal', label: ['总计', '收入总计'], computed: true, alignWith: 'expGrandTotal' },
        ],
      },
    },
    {
      id: 'expenditure',
      label: '支出',
      columns: [nameColumn('expName', '项目'), amount('expTotal', '合计'), ...GRANT_FUNDS.map(([id, label]) => amount(`exp${id}`, label))],
      rows: {
        kind: 'fixed',
        rows: [
          ...CLASS_ROWS,
          { id: 'expTotal', label: '本年支出合计', computed: true },
          { id: 'closingBalance', label: ['年末财政拨款结转和结余', '年末结转和结余'] },
          { id: 'expGrandTotal', label: ['总计', '支出总计'], computed: true },
        ],
      },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t05 = codedTable('t05', 5, '一般公共预算财政拨款支出决算表', [
  ['total', ['合计', '小计']],
  ['basic', ['基本支出']],
  ['project', ['项目支出']],
]);

/** 基本支出决算表: 人员经费 codes (301, 303) on the left, 公用经费 (302, 310) on the right, each its own tree. */
const economicSide = (id: 'income' | 'expenditure', prefix: string, label: string): TableDef['sides'][number] => ({
  // The store knows two slots per table, 'income' (left) and 'expenditure' (right); the label says what they hold.
  id,
  label,
  columns: [codeColumn(`${prefix}Code`, '科目编码'), nameColumn(`${prefix}Name`, '科目名称'), amount(`${prefix}Amount`, '决算数')],
  rows: { kind: 'codedTree', totalLabel: [`${label}合计`, ...TOTAL_LABELS], classification: 'economicDept' },
});
const economicHeader = (prefix: string): HeaderNode[] => [
  { label: ['经济分类科目编码', '科目编码'], column: `${prefix}Code` },
  { label: '科目名称', column: `${prefix}Name` },
  { label: FINAL, column: `${prefix}Amount` },
];

const t06: TableDef = {
  id: 't06',
  no: 6,
  ...titled('一般公共预算财政拨款基本支出决算表'),
  sheetName: '一般公共预算财政拨款基本支出决算表',
  header: [...economicHeader('personnel'), ...economicHeader('public')],
  sides: [economicSide('income', 'personnel', '人员经费'), economicSide('expenditure', 'public', '公用经费')],
  emptyNote: EMPTY_NOTE,
};

/** 三公: one line of 预算数/决算数 pairs, no row label (read positionally). */
const THREE_PUBLIC_ITEMS: [id: string, labels: string[], parent?: string][] = [
  ['total', ['合计']],
  ['travel', ['因公出国（境）费', '因公出国（境）费用']],
  ['vehicles', ['小计'], 'vehicles'],
  ['vehiclePurchase', ['公务用车购置费'], 'vehicles'],
  ['vehicleOperation', ['公务用车运行维护费', '公务用车运行费'], 'vehicles'],
  ['reception', ['公务接待费']],
];
const pair = (id: string): HeaderNode[] => [
  { label: '预算数', column: `${id}Budget` },
  { label: '决算数', column: `${id}Final` },
];
const itemNode = ([id, labels]: (typeof THREE_PUBLIC_ITEMS)[number]): HeaderNode => ({ label: labels, children: pair(id) });

const t07: TableDef = {
  id: 't07',
  no: 7,
  ...titled('财政拨款“三公”经费支出决算表'),
  sheetName: '财政拨款“三公”经费支出决算表',
  header: [
    {
      label: ['财政拨款“三公”经费', '“三公”经费'],
      children: [
        itemNode(THREE_PUBLIC_ITEMS[0]!),
        itemNode(THREE_PUBLIC_ITEMS[1]!),
        { label: ['公务用车购置及运行维护费', '公务用车购置及运行费'], children: THREE_PUBLIC_ITEMS.filter((item) => item[2] === 'vehicles').map(itemNode) },
        itemNode(THREE_PUBLIC_ITEMS[5]!),
      ],
    },
  ],
  sides: [
    {
      id: 'main',
      columns: THREE_PUBLIC_ITEMS.flatMap(([id, labels]) => {
        const name = id === 'vehicles' ? '公务用车购置及运行维护费' : (labels[0] ?? id);
        return [amount(`${id}Budget`, `${name}预算数`), amount(`${id}Final`, `${name}决算数`)];
      }),
      rows: { kind: 'fixed', rows: [{ id: 'amounts', label: '财政拨款“三公”经费' }] },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

/** 政府性基金 / 国有资本经营预算财政拨款收入支出决算表. */
function grantFundTable(id: string, no: number, title: string): TableDef {
  return {
    id,
    no,
    ...titled(title),
    sheetName: title,
    header: [
      itemHeader,
      { label: '年初结转和结余', column: 'opening' },
      { label: '本年收入', column: 'income' },
      { label: '本年支出', children: [{ label: ['合计', '小计'], column: 'expTotal' }, { label: '基本支出', column: 'expBasic' }, { label: '项目支出', column: 'expProject' }] },
      { label: '年末结转和结余', column: 'closing' },
    ],
    sides: [
      {
        id: 'main',
        columns: [
          ...labelColumns(),
          amount('opening', '年初结转和结余'),
          amount('income', '本年收入'),
          amount('expTotal', '本年支出合计'),
          amount('expBasic', '本年支出基本支出'),
          amount('expProject', '本年支出项目支出'),
          amount('closing', '年末结转和结余'),
        ],
        rows: codedTree,
      },
    ],
    emptyNote: EMPTY_NOTE,
  };
}

const t08 = grantFundTable('t08', 8, '政府性基金预算财政拨款收入支出决算表');
const t09 = grantFundTable('t09', 9, '国有资本经营预算财政拨款收入支出决算表');

export const MOF_FINAL_ACCOUNTS: TemplateFamily<'mof-final-accounts'> = {
  id: 'mof-final-accounts',
  tableNumbering: 'chinese',
  name: '部门决算（财政部9张决算表）',
  region: '全国（财政部格式）',
  unit: '万元',
  decimals: 2,
  departmentLabels: ['部门名称', '编制单位', '单位名称', '编制部门', '部门'],
  heading: '{department}{year}年度部门决算表',
  tables: [t01, t02, t03, t04, t05, t06, t07, t08, t09],
  shortTitles: ['收支总表', '收入决算', '支出决算', '财拨收支', '一般公共', '基本支出', '三公经费', '政府基金', '国资经营'],
  catalogueVersion: '2024',
};
