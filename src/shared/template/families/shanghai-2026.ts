// 上海 区级部门预算 / 单位预算 (9 tables, official 2026 templates; the 2023–2025 documents share the layout).
// Amounts in 元 (the 三公 table in 万元); 类 | 款 | 项 printed in three cells; "编制部门：" / "编制单位：" under the
// title. The 单位 version differs only in its titles, its meta label and its 收支总表's split 支出 columns,
// so both families are built from one description. Titles without the 部门/单位 word are accepted by both
// editions; detection then goes by the headers (the 单位 收支总表 splits 人员经费/公用经费/项目支出).
import type { ColumnDef, FixedRowDef, HeaderNode, TableDef, TemplateFamily } from '../types';
import { amount, codeColumn, FUNCTION_CLASS_ROWS, GFB_LABELS, GPB_LABELS, nameColumn, SCOB_LABELS } from './common';

export type ShanghaiEdition = 'department' | 'unit';

const EMPTY_NOTE = '注：本表无数据';
const TOTAL_LABELS = ['合计', '总计'];
const CODE_LABELS = ['功能分类科目编码', '科目编码'];
const NAME_LABELS = ['功能分类科目名称', '科目名称'];

/** Title prefixes: 部门 documents say "部门", 单位 documents "预算单位" (and "单位" on the 三公 table). */
const PREFIX: Record<ShanghaiEdition, { main: string; threePublic: string }> = {
  department: { main: '部门', threePublic: '部门' },
  unit: { main: '预算单位', threePublic: '单位' },
};

/** Sheet names of the official templates: "部门收入总表" / "单位收入总表" … */
const SHEET_PREFIX: Record<ShanghaiEdition, string> = { department: '部门', unit: '单位' };

const codeHeader = (labels = CODE_LABELS): HeaderNode => ({ label: labels, column: 'code', codeSplit: ['类', '款', '项'] });

/** 收入预算总表 / 支出预算总表 / the three 功能分类预算表: 项目{编码, 名称} | group{amount columns}. */
function functionTable(id: string, no: number, title: string, sheet: string, group: string[], amounts: HeaderNode[], columns: ColumnDef[], edition: ShanghaiEdition): TableDef {
  return {
    id,
    no,
    title: `{year}年${PREFIX[edition].main}${title}`,
    titleAliases: [`{year}年${title}`],
    sheetName: `${SHEET_PREFIX[edition]}${sheet}`,
    header: [
      { label: ['项目', '科目'], children: [codeHeader(), { label: NAME_LABELS, column: 'name' }] },
      { label: group, children: amounts },
    ],
    sides: [{ id: 'main', columns: [codeColumn('code', '功能分类科目编码'), nameColumn('name', '功能分类科目名称'), ...columns], rows: { kind: 'codedTree', totalLabel: TOTAL_LABELS, classification: 'function' } }],
    emptyNote: EMPTY_NOTE,
  };
}

/**
 * 上海 prints only the classes the department has, numbered in order ("一、公共安全支出"): every class row is optional,
 * read when printed and exported only when the book holds it.
 */
const CLASS_ROWS: FixedRowDef[] = FUNCTION_CLASS_ROWS.map((row) => ({ ...row, optional: true }));

const BASIC_PROJECT_HEADERS: HeaderNode[] = [
  { label: '合计', column: 'total' },
  { label: '基本支出', column: 'basic' },
  { label: '项目支出', column: 'project' },
];
const BASIC_PROJECT_COLUMNS: ColumnDef[] = [amount('total', '合计'), amount('basic', '基本支出'), amount('project', '项目支出')];

function financialSummary(edition: ShanghaiEdition): TableDef {
  const unitSplit = edition === 'unit';
  const expenditureColumns: ColumnDef[] = unitSplit
    ? [nameColumn('expName', '项目'), amount('expTotal', '合计'), amount('expPersonnel', '人员经费'), amount('expPublic', '公用经费'), amount('expProject', '项目支出')]
    : [nameColumn('expName', '项目'), amount('expTotal', '预算数')];
  const expenditureHeader: HeaderNode[] = unitSplit
    ? [
        { label: '项目', column: 'expName' },
        {
          label: '预算数',
          children: [
            { label: '合计', column: 'expTotal' },
            { label: '基本支出', children: [{ label: '人员经费', column: 'expPersonnel' }, { label: '公用经费', column: 'expPublic' }] },
            { label: '项目支出', column: 'expProject' },
          ],
        },
      ]
    : [{ label: '项目', column: 'expName' }, { label: ['预算数', '金额'], column: 'expTotal' }];
  const incomeRows: FixedRowDef[] = [
    { id: 'fiscal', label: ['一、财政拨款收入', '财政拨款收入'], computed: true },
    { id: 'gpb', label: ['1. 一般公共预算', '一般公共预算资金', '一般公共预算拨款'], depth: 1 },
    { id: 'gfb', label: ['2. 政府性基金预算', '政府性基金', '政府性基金预算资金'], depth: 1 },
    { id: 'scob', label: ['3. 国有资本经营预算', '国有资本经营预算资金'], depth: 1 },
    { id: 'business', label: ['二、事业收入', '事业收入'] },
    { id: 'operating', label: ['三、事业单位经营收入', '事业单位经营收入'] },
    { id: 'other', label: ['四、其他收入', '其他收入'] },
    { id: 'incomeGrandTotal', label: ['收入总计', '收入合计'], computed: true, alignWith: 'expGrandTotal' },
  ];
  return {
    id: 't01',
    no: 1,
    title: `{year}年${PREFIX[edition].main}财务收支预算总表`,
    titleAliases: [`{year}年财务收支预算总表`],
    sheetName: `${SHEET_PREFIX[edition]}收支总表`,
    header: [
      { label: '本年收入', children: [{ label: '项目', column: 'incomeName' }, { label: ['预算数', '金额'], column: 'incomeAmount' }] },
      { label: '本年支出', children: expenditureHeader },
    ],
    sides: [
      { id: 'income', label: '本年收入', columns: [nameColumn('incomeName', '项目'), amount('incomeAmount', '预算数')], rows: { kind: 'fixed', rows: incomeRows } },
      {
        id: 'expenditure',
        label: '本年支出',
        columns: expenditureColumns,
        rows: { kind: 'fixed', rows: [...CLASS_ROWS, { id: 'expGrandTotal', label: ['支出总计', '支出合计'], computed: true }] },
      },
    ],
    emptyNote: EMPTY_NOTE,
  };
}

function fiscalSummary(edition: ShanghaiEdition): TableDef {
  return {
    id: 't04',
    no: 4,
    title: `{year}年${PREFIX[edition].main}财政拨款收支预算总表`,
    titleAliases: [`{year}年财政拨款收支预算总表`],
    sheetName: `${SHEET_PREFIX[edition]}财政拨款收支总表`,
    header: [
      { label: '财政拨款收入', children: [{ label: '项目', column: 'incomeName' }, { label: ['预算数', '金额'], column: 'incomeAmount' }] },
      {
        label: '财政拨款支出',
        children: [
          { label: '项目', column: 'expName' },
          { label: ['合计', '小计'], column: 'expTotal' },
          { label: GPB_LABELS, column: 'expgpb' },
          { label: GFB_LABELS, column: 'expgfb' },
          { label: SCOB_LABELS, column: 'expscob' },
        ],
      },
    ],
    sides: [
      {
        id: 'income',
        label: '财政拨款收入',
        columns: [nameColumn('incomeName', '项目'), amount('incomeAmount', '预算数')],
        rows: {
          kind: 'fixed',
          rows: [
            { id: 'gpb', label: ['一、一般公共预算', '一般公共预算资金'] },
            { id: 'gfb', label: ['二、政府性基金预算', '政府性基金'] },
            { id: 'scob', label: ['三、国有资本经营预算'] },
            { id: 'incomeGrandTotal', label: ['收入总计', '收入合计'], computed: true, alignWith: 'expGrandTotal' },
          ],
        },
      },
      {
        id: 'expenditure',
        label: '财政拨款支出',
        columns: [nameColumn('expName', '项目'), amount('expTotal', '合计'), amount('expgpb', '一般公共预算'), amount('expgfb', '政府性基金预算'), amount('expscob', '国有资本经营预算')],
        rows: { kind: 'fixed', rows: [...CLASS_ROWS, { id: 'expGrandTotal', label: ['支出总计', '支出合计'], computed: true }] },
      },
    ],
    emptyNote: EMPTY_NOTE,
  };
}

function economicTable(edition: ShanghaiEdition): TableDef {
  return {
    id: 't08',
    no: 8,
    title: `{year}年${PREFIX[edition].main}一般公共预算基本支出部门预算经济分类预算表`,
    titleAliases: [`{year}年一般公共预算基本支出部门预算经济分类预算表`],
    sheetName: `${SHEET_PREFIX[edition]}一般公共预算拨款基本支出明细表`,
    header: [
      {
        label: ['项目', '科目'],
        children: [
          { label: ['部门预算经济分类科目编码', '经济分类科目编码', '科目编码'], column: 'code', codeSplit: ['类', '款'] },
          { label: ['经济分类科目名称', '部门经济分类科目名称', '部门预算经济分类科目名称', '科目名称'], column: 'name' },
        ],
      },
      {
        label: ['一般公共预算基本支出', '{year}年一般公共预算基本支出'],
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
        columns: [codeColumn('code', '部门预算经济分类科目编码'), nameColumn('name', '经济分类科目名称'), amount('total', '合计'), amount('personnel', '人员经费'), amount('public', '公用经费')],
        rows: { kind: 'codedTree', totalLabel: TOTAL_LABELS, classification: 'economicDept' },
      },
    ],
    emptyNote: EMPTY_NOTE,
  };
}

function threePublicTable(edition: ShanghaiEdition): TableDef {
  return {
    id: 't09',
    no: 9,
    title: `{year}年${PREFIX[edition].threePublic}“三公”经费和机关运行经费预算表`,
    titleAliases: ['{year}年“三公”经费和机关运行经费预算表'],
    sheetName: `${SHEET_PREFIX[edition]}“三公”经费和机关运行费预算表`,
    unit: '万元',
    header: [
      {
        label: ['{year}年“三公”经费预算数', '“三公”经费预算数'],
        children: [
          { label: '合计', column: 'total' },
          { label: ['因公出国(境)费', '因公出国（境）费', '因公出国（境）费用'], column: 'travelAbroad' },
          { label: '公务接待费', column: 'reception' },
          {
            label: ['公务用车购置及运行费', '公务用车购置及运行维护费'],
            children: [
              { label: '小计', column: 'vehicles' },
              { label: ['购置费', '公务用车购置费'], column: 'vehiclePurchase' },
              { label: ['运行费', '公务用车运行费', '公务用车运行维护费'], column: 'vehicleOperation' },
            ],
          },
        ],
      },
      { label: ['{year}年机关运行经费预算数', '机关运行经费预算数', '机关运行经费'], column: 'operating' },
    ],
    sides: [
      {
        id: 'main',
        columns: [
          amount('total', '“三公”经费合计'),
          amount('travelAbroad', '因公出国(境)费'),
          amount('reception', '公务接待费'),
          amount('vehicles', '公务用车购置及运行费'),
          amount('vehiclePurchase', '公务用车购置费'),
          amount('vehicleOperation', '公务用车运行费'),
          amount('operating', '机关运行经费'),
        ],
        rows: { kind: 'fixed', rows: [{ id: 'budget', label: '预算数' }] },
      },
    ],
    emptyNote: EMPTY_NOTE,
  };
}

function shanghaiTables(edition: ShanghaiEdition): TableDef[] {
  const fundTable = (id: string, no: number, fund: string, sheet: string): TableDef =>
    functionTable(id, no, `${fund}支出功能分类预算表`, sheet, [`${fund}支出`], BASIC_PROJECT_HEADERS, BASIC_PROJECT_COLUMNS, edition);
  return [
    financialSummary(edition),
    functionTable(
      't02',
      2,
      '收入预算总表',
      '收入总表',
      ['收入预算', '{year}年收入预算'],
      [
        { label: '合计', column: 'total' },
        { label: '财政拨款收入', column: 'fiscal' },
        { label: '事业收入', column: 'business' },
        { label: ['事业单位经营收入', '经营收入'], column: 'operating' },
        { label: '其他收入', column: 'other' },
      ],
      [amount('total', '合计'), amount('fiscal', '财政拨款收入'), amount('business', '事业收入'), amount('operating', '事业单位经营收入'), amount('other', '其他收入')],
      edition,
    ),
    functionTable('t03', 3, '支出预算总表', '支出总表', ['支出预算', '{year}年支出预算'], BASIC_PROJECT_HEADERS, BASIC_PROJECT_COLUMNS, edition),
    fiscalSummary(edition),
    fundTable('t05', 5, '一般公共预算', '一般公共预算拨款表'),
    fundTable('t06', 6, '政府性基金预算', '政府性基金拨款表'),
    fundTable('t07', 7, '国有资本经营预算', '国有资本经营预算拨款表'),
    economicTable(edition),
    threePublicTable(edition),
  ];
}

/** The same for both editions. */
const SHANGHAI_SHORT_TITLES = ['收支总表', '收入总表', '支出总表', '财拨收支', '一般公共', '政府基金', '国资经营', '基本支出', '三公运行'];

export const SHANGHAI_2026_DEPARTMENT: TemplateFamily<'shanghai-2026-department'> = {
  id: 'shanghai-2026-department',
  tableNumbering: 'arabic',
  name: '上海市区级部门预算公开（部门，9张表）',
  region: '上海',
  unit: '元',
  decimals: 2,
  departmentLabels: ['编制部门', '部门名称', '预算主管部门'],
  tables: shanghaiTables('department'),
  shortTitles: SHANGHAI_SHORT_TITLES,
  catalogueVersion: '2024',
};

export const SHANGHAI_2026_UNIT: TemplateFamily<'shanghai-2026-unit'> = {
  id: 'shanghai-2026-unit',
  tableNumbering: 'arabic',
  name: '上海市区级单位预算公开（单位，9张表）',
  region: '上海',
  unit: '元',
  decimals: 2,
  departmentLabels: ['编制单位', '单位名称', '编制部门'],
  tables: shanghaiTables('unit'),
  shortTitles: SHANGHAI_SHORT_TITLES,
  catalogueVersion: '2024',
};
