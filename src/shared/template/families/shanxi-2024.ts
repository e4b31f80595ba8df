// 山西 2024 部门预算公开 13-table set (DESIGN.md §3), as data. The year is substituted from `{year}`.
import type { ClassificationId, ColumnDef, HeaderNode, RowModel, TableDef, TemplateFamily } from '../types';
import { amount, codeColumn, FUNCTION_CLASS_ROWS, GFB_LABELS, GPB_LABELS, nameColumn, SCOB_LABELS } from './common';

const EMPTY_NOTE = '注：本表无数据';
const YEAR_BUDGET = ['{year}年预算数', '{year}预算数', '预算数'];

const TOTAL_LABELS = ['合计', '总计'];
const codedTree = (classification: ClassificationId): RowModel => ({ kind: 'codedTree', totalLabel: TOTAL_LABELS, classification });
/** 一般公共预算 / 政府性基金预算 / 国有资本经营预算 amount columns, ids optionally prefixed. */
const fundAmounts = (prefix = ''): ColumnDef[] => [
  amount(`${prefix}gpb`, '一般公共预算'),
  amount(`${prefix}gfb`, '政府性基金预算'),
  amount(`${prefix}scob`, '国有资本经营预算'),
];

const fundHeaders = (prefix = ''): HeaderNode[] => [
  { label: GPB_LABELS, column: `${prefix}gpb` },
  { label: GFB_LABELS, column: `${prefix}gfb` },
  { label: SCOB_LABELS, column: `${prefix}scob` },
];

/** 表三/表五/表八: 科目编码, 科目名称, 合计, 基本支出, 项目支出. */
function expenditureByFunction(id: string, no: number, title: string, sheetName: string, aliases: string[] = []): TableDef {
  return {
    id,
    no,
    title,
    titleAliases: aliases,
    sheetName,
    header: [
      { label: ['项目', '科目'], children: [{ label: ['科目编码', '功能分类科目编码'], column: 'code' }, { label: ['科目名称', '功能分类科目名称'], column: 'name' }] },
      {
        label: YEAR_BUDGET,
        children: [
          { label: '合计', column: 'total' },
          { label: '基本支出', column: 'basic' },
          { label: '项目支出', column: 'project' },
        ],
      },
    ],
    sides: [
      {
        id: 'main',
        columns: [codeColumn(), nameColumn(), amount('total', '合计'), amount('basic', '基本支出'), amount('project', '项目支出')],
        rows: codedTree('function'),
      },
    ],
    emptyNote: EMPTY_NOTE,
  };
}

const t01: TableDef = {
  id: 't01',
  no: 1,
  title: '{year}年预算收支总表',
  titleAliases: ['{year}年部门收支总表', '{year}年部门预算收支总表'],
  sheetName: '预算公开表1',
  header: [
    { label: '收入', children: [{ label: '项目', column: 'incomeName' }, { label: ['{year}年', '预算数', '金额'], column: 'incomeAmount' }] },
    {
      label: '支出',
      children: [
        { label: '项目', column: 'expName' },
        { label: ['{year}年合计', '合计', '预算数'], column: 'expTotal' },
        { label: '当年预算安排', column: 'expCurrent' },
        { label: '上年结转安排', column: 'expCarryOver' },
      ],
    },
  ],
  sides: [
    {
      id: 'income',
      label: '收入',
      columns: [nameColumn('incomeName', '项目'), amount('incomeAmount', '{year}年')],
      rows: {
        kind: 'fixed',
        rows: [
          { id: 'gpb', label: ['一、一般公共预算', '一般公共预算拨款收入', '一般公共预算拨款'] },
          { id: 'gfb', label: ['二、政府性基金预算', '政府性基金预算拨款收入', '政府性基金预算拨款'] },
          { id: 'scob', label: ['三、国有资本经营预算', '国有资本经营预算拨款收入', '国有资本经营预算拨款'] },
          { id: 'fsm', label: ['四、财政专户管理资金', '财政专户管理资金收入'] },
          { id: 'unitFunds', label: ['五、单位资金'] },
          { id: 'incomeTotal', label: '本年收入合计', computed: true, alignWith: 'expTotal' },
          { id: 'carryOver', label: ['上年结转', '上年结转结余'], alignWith: 'yearEndCarry' },
          { id: 'incomeGrandTotal', label: '收入总计', computed: true, alignWith: 'expGrandTotal' },
        ],
      },
    },
    {
      id: 'expenditure',
      label: '支出',
      columns: [nameColumn('expName', '项目'), amount('expTotal', '{year}年合计'), amount('expCurrent', '当年预算安排'), amount('expCarryOver', '上年结转安排')],
      rows: {
        kind: 'fixed',
        rows: [
          ...FUNCTION_CLASS_ROWS,
          { id: 'expTotal', label: '本年支出合计', computed: true },
          { id: 'yearEndCarry', label: ['年终结转', '年终结转结余'] },
          { id: 'expGrandTotal', label: '支出总计', computed: true },
        ],
      },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t02: TableDef = {
  id: 't02',
  no: 2,
  title: '{year}年预算收入总表',
  titleAliases: ['{year}年部门收入总表', '{year}年部门预算收入总表'],
  sheetName: '预算公开表2',
  header: [
    { label: ['项目', '科目'], children: [{ label: ['科目编码', '功能分类科目编码'], column: 'code' }, { label: ['科目名称', '功能分类科目名称'], column: 'name' }] },
    {
      label: '本年收入',
      children: [
        { label: '合计', column: 'total' },
        { label: GPB_LABELS, column: 'gpb' },
        { label: GFB_LABELS, column: 'gfb' },
        { label: SCOB_LABELS, column: 'scob' },
        { label: '财政专户管理资金', column: 'fsm' },
        { label: '单位资金', column: 'unitFunds' },
      ],
    },
    { label: ['上年结转', '上年结转结余'], column: 'carryOver' },
  ],
  sides: [
    {
      id: 'main',
      columns: [
        codeColumn(),
        nameColumn(),
        amount('total', '合计'),
        amount('gpb', '一般公共预算'),
        amount('gfb', '政府性基金'),
        amount('scob', '国有资本经营预算'),
        amount('fsm', '财政专户管理资金'),
        amount('unitFunds', '单位资金'),
        amount('carryOver', '上年结转'),
      ],
      rows: codedTree('function'),
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t03 = expenditureByFunction('t03', 3, '{year}年预算支出总表', '预算公开表3', ['{year}年部门支出总表', '{year}年部门预算支出总表']);

const t04: TableDef = {
  id: 't04',
  no: 4,
  title: '{year}年财政拨款收支总表',
  titleAliases: ['{year}年部门财政拨款收支总表', '{year}年财政拨款收支预算总表'],
  sheetName: '预算公开表4',
  header: [
    { label: '收入', children: [{ label: '项目', column: 'incomeName' }, { label: ['金额', '预算数'], column: 'incomeAmount' }] },
    {
      label: '支出',
      children: [
        { label: '项目', column: 'expName' },
        { label: ['金额', '预算数'], children: [{ label: ['小计', '合计'], column: 'expTotal' }, ...fundHeaders('exp')] },
      ],
    },
  ],
  sides: [
    {
      id: 'income',
      label: '收入',
      columns: [nameColumn('incomeName', '项目'), amount('incomeAmount', '金额')],
      rows: {
        kind: 'fixed',
        rows: [
          { id: 'gpb', label: ['一、一般公共预算', '一般公共预算拨款'] },
          { id: 'gfb', label: ['二、政府性基金预算', '政府性基金预算拨款'] },
          { id: 'scob', label: ['三、国有资本经营预算', '国有资本经营预算拨款'] },
          { id: 'incomeTotal', label: '本年收入合计', computed: true, alignWith: 'expTotal' },
          { id: 'carryOver', label: ['上年财政拨款结转', '上年结转'], computed: true, alignWith: 'yearEndCarry' },
          { id: 'carryOverGpb', label: ['一、一般公共预算', '一般公共预算拨款'], depth: 1 },
          { id: 'carryOverGfb', label: ['二、政府性基金预算', '政府性基金预算拨款'], depth: 1 },
          { id: 'carryOverScob', label: ['三、国有资本经营预算', '国有资本经营预算拨款'], depth: 1 },
          { id: 'incomeGrandTotal', label: '收入总计', computed: true, alignWith: 'expGrandTotal' },
        ],
      },
    },
    {
      id: 'expenditure',
      label: '支出',
      columns: [
        nameColumn('expName', '项目'),
        amount('expTotal', '小计'),
        ...fundAmounts('exp'),
      ],
      rows: {
        kind: 'fixed',
        rows: [
          ...FUNCTION_CLASS_ROWS,
          { id: 'expTotal', label: '本年支出合计', computed: true },
          { id: 'yearEndCarry', label: ['年终结转', '年终结转结余'] },
          { id: 'expGrandTotal', label: '支出总计', computed: true },
        ],
      },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t05 = expenditureByFunction('t05', 5, '{year}年一般公共预算支出预算表（不含上年结转）', '预算公开表5', [
  '{year}年一般公共预算支出预算表',
  '{year}年一般公共预算支出表',
]);

const t06: TableDef = {
  id: 't06',
  no: 6,
  title: '{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）',
  titleAliases: ['{year}年一般公共预算安排基本支出分经济科目表', '{year}年一般公共预算基本支出表'],
  sheetName: '预算公开表6',
  header: [
    { label: ['部门预算支出经济科目名称', '部门预算经济科目名称', '部门经济科目名称'], column: 'deptName' },
    { label: ['政府预算支出经济科目名称', '政府预算经济科目名称', '政府经济科目名称'], column: 'govName' },
    {
      label: YEAR_BUDGET,
      children: [
        { label: '合计', column: 'total' },
        { label: '人员经费', column: 'personnel' },
        { label: '公用经费', column: 'public' },
      ],
    },
  ],
  sides: [
    {
      id: 'main',
      columns: [
        nameColumn('deptName', '部门预算支出经济科目名称'),
        { id: 'govName', kind: 'govName', label: '政府预算支出经济科目名称' },
        amount('total', '合计'),
        amount('personnel', '人员经费'),
        amount('public', '公用经费'),
      ],
      rows: { kind: 'economicPairs', totalLabel: TOTAL_LABELS },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t07: TableDef = {
  id: 't07',
  no: 7,
  title: '{year}年政府性基金预算收入表（不含上年结转）',
  titleAliases: ['{year}年政府性基金预算收入表'],
  sheetName: '预算公开表7',
  header: [
    { label: ['项目', '科目'], children: [{ label: ['收入科目编码', '科目编码'], column: 'code' }, { label: '科目名称', column: 'name' }] },
    { label: ['政府性基金收入预算', '政府性基金预算收入', '预算数'], column: 'amount' },
  ],
  sides: [
    {
      id: 'main',
      columns: [codeColumn('code', '收入科目编码'), nameColumn(), amount('amount', '政府性基金收入预算')],
      rows: codedTree('govFundIncome'),
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t08: TableDef = {
  ...expenditureByFunction('t08', 8, '{year}年政府性基金预算支出表（不含上年结转）', '预算公开表8', ['{year}年政府性基金预算支出表']),
  header: [
    { label: ['科目编码', '功能分类科目编码'], column: 'code' },
    { label: ['科目名称', '功能分类科目名称'], column: 'name' },
    { label: '合计', column: 'total' },
    { label: '基本支出', column: 'basic' },
    { label: '项目支出', column: 'project' },
  ],
};

const t09: TableDef = {
  id: 't09',
  no: 9,
  title: '{year}年国有资本经营预算收支预算表（不含上年结转）',
  titleAliases: ['{year}年国有资本经营预算收支预算表', '{year}年国有资本经营预算支出表'],
  sheetName: '预算公开表9',
  header: [
    {
      label: '国有资本经营预算收入',
      children: [
        { label: '项目', children: [{ label: ['收入科目编码', '科目编码'], column: 'incomeCode' }, { label: '科目名称', column: 'incomeName' }] },
        { label: ['国有资本经营收入预算', '预算数'], column: 'incomeAmount' },
      ],
    },
    {
      label: '国有资本经营预算支出',
      children: [
        { label: '科目编码', column: 'expCode' },
        { label: '科目名称', column: 'expName' },
        { label: '合计', column: 'expTotal' },
        { label: '基本支出', column: 'expBasic' },
        { label: '项目支出', column: 'expProject' },
      ],
    },
  ],
  sides: [
    {
      id: 'income',
      label: '国有资本经营预算收入',
      columns: [codeColumn('incomeCode', '收入科目编码'), nameColumn('incomeName'), amount('incomeAmount', '国有资本经营收入预算')],
      rows: codedTree('stateCapitalIncome'),
    },
    {
      id: 'expenditure',
      label: '国有资本经营预算支出',
      columns: [
        codeColumn('expCode'),
        nameColumn('expName'),
        amount('expTotal', '合计'),
        amount('expBasic', '基本支出'),
        amount('expProject', '项目支出'),
      ],
      rows: codedTree('function'),
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t10: TableDef = {
  id: 't10',
  no: 10,
  title: '{year}年财政拨款安排“三公”经费支出预算表',
  titleAliases: ['{year}年财政拨款安排三公经费支出预算表', '{year}年“三公”经费支出预算表'],
  sheetName: '预算公开表10',
  header: [
    { label: '项目', column: 'name' },
    { label: YEAR_BUDGET, children: [{ label: '合计', column: 'total' }, ...fundHeaders()] },
  ],
  sides: [
    {
      id: 'main',
      columns: [nameColumn('name', '项目'), amount('total', '合计'), ...fundAmounts()],
      rows: {
        kind: 'fixed',
        rows: [
          { id: 'travelAbroad', label: ['因公出国（境）费', '因公出国（境）费用'] },
          { id: 'reception', label: '公务接待费' },
          { id: 'vehicles', label: ['公务用车购置及运行费', '公务用车购置及运行维护费'], computed: true },
          { id: 'vehiclePurchase', label: ['①公务用车购置费', '公务用车购置费'], depth: 1 },
          { id: 'vehicleOperation', label: ['②公务用车运行维护费', '公务用车运行费'], depth: 1 },
          { id: 'total', label: ['合计', '总计'], computed: true },
        ],
      },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t11: TableDef = {
  id: 't11',
  no: 11,
  title: '{year}年财政拨款安排机关运行经费预算表',
  titleAliases: ['{year}年机关运行经费预算表'],
  sheetName: '预算公开表11',
  header: [
    { label: '单位名称', column: 'name' },
    { label: YEAR_BUDGET, children: [{ label: '合计', column: 'total' }, ...fundHeaders()] },
  ],
  sides: [
    {
      id: 'main',
      columns: [nameColumn('name', '单位名称'), amount('total', '合计'), ...fundAmounts()],
      rows: { kind: 'unitList', totalLabel: ['部门合计', '合计', '总计'] },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const PROJECT_TREE = {
  kind: 'projectTree',
  departmentMarker: '[部门]',
  projectNamePattern: '^[A-Z][^A-Za-z]',
  unitNamePattern: '(办公室|中心|局|委员会|委|厅|站|所|院|队|馆|处|会|部|学校|医院|公司|社|团|台)$',
} as const;

const t12: TableDef = {
  id: 't12',
  no: 12,
  title: '{year}年项目支出预算表（本年预算）',
  titleAliases: ['{year}年项目支出预算表'],
  sheetName: '预算公开表12',
  header: [
    { label: ['项目名称', '单位名称（项目）'], column: 'name' },
    { label: '合计', column: 'total' },
    { label: ['{year}年财政拨款', '财政拨款'], children: fundHeaders() },
    { label: '财政专户管理资金', column: 'fsm' },
    { label: '单位资金', column: 'unitFunds' },
  ],
  columnNumberRow: true,
  sides: [
    {
      id: 'main',
      columns: [
        nameColumn('name', '项目名称'),
        amount('total', '合计'),
        ...fundAmounts(),
        amount('fsm', '财政专户管理资金'),
        amount('unitFunds', '单位资金'),
      ],
      rows: PROJECT_TREE,
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t13: TableDef = {
  id: 't13',
  no: 13,
  title: '{year}年项目支出预算表（上年结转）',
  sheetName: '预算公开表13',
  header: [
    { label: ['项目名称', '单位名称（项目）'], column: 'name' },
    { label: '合计', column: 'total' },
    { label: ['{year}年财政拨款', '财政拨款'], children: fundHeaders() },
  ],
  columnNumberRow: true,
  sides: [
    {
      id: 'main',
      columns: [nameColumn('name', '项目名称'), amount('total', '合计'), ...fundAmounts()],
      rows: PROJECT_TREE,
    },
  ],
  emptyNote: EMPTY_NOTE,
};

export const SHANXI_2024: TemplateFamily<'shanxi-2024'> = {
  id: 'shanxi-2024',
  tableNumbering: 'chinese',
  name: '山西省部门预算公开（13张表）',
  region: '山西',
  unit: '万元',
  decimals: 2,
  departmentLabels: ['部门名称', '编制部门', '单位名称', '预算主管部门'],
  tables: [t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13],
  shortTitles: ['收支总表', '收入总表', '支出总表', '财拨收支', '一般公共', '基本支出', '基金收入', '基金支出', '国资经营', '三公经费', '机关运行', '项目支出', '结转项目'],
  catalogueVersion: '2024',
  projects: { table: 't12', amountColumn: 'total' },
};
