// 河南 2024 部门预算公开 (seed 003, 新乡市金融工作局): 预算01–10表, as data. Codes are printed as split
// 类|款|项 cells, unit rows carry a 部门（单位）代码, coded tables list only 项 rows, and 基本支出/项目支出 are split
// into 人员经费（工资福利支出、对个人和家庭的补助）/公用经费（商品和服务支出、资本性支出）and 其他运转类/特定目标类.
// 部门（单位）整体绩效目标表 and 部门预算项目绩效目标汇总表 are text forms (indicators) and are not modelled.
import type { ColumnDef, FixedRowDef, HeaderNode, TableDef, TemplateFamily } from '../types';
import { labelsOf } from '../types';
import { CHINESE_ORDINALS } from '../../labels';
import { amount, codeColumn, FUNCTION_CLASS_ROWS, GFB_LABELS, GPB_LABELS, nameColumn, SCOB_LABELS } from './common';

const EMPTY_NOTE = '注：本表无数据';
const TOTAL_LABELS = ['合计', '总计'];
const OF_WHICH_APPROPRIATION = ['其中：财政拨款', '财政拨款'];
/** 02/04/07表 print 政府性基金 without 预算. */
const GFB_PRINTED = ['政府性基金', ...GFB_LABELS];

/** The class spellings of 预算01表 and 预算04表 (both number a class by its code: 十九 = 219). */
const CLASS_SPELLINGS: Record<string, readonly [t01: string, t04: string]> = {
  '201': ['一般公共服务', '一般公共服务支出'],
  '202': ['外交', '外交支出'],
  '203': ['国防', '国防支出'],
  '204': ['公共安全', '公共安全支出'],
  '205': ['教育', '教育支出'],
  '206': ['科学技术', '科学技术支出'],
  '207': ['文化旅游体育与传媒', '文化体育旅游与传媒支出'],
  '208': ['社会保障和就业', '社会保障和就业支出'],
  '209': ['社会保险基金支出', '社会保险基金支出'],
  '210': ['卫生健康', '卫生健康支出'],
  '211': ['节能环保', '节能环保支出'],
  '212': ['城乡社区事务', '城乡社区事务支出'],
  '213': ['农林水事务', '农林水事务支出'],
  '214': ['交通运输', '交通运输支出'],
  '215': ['资源勘探信息等', '资源勘探信息等支出'],
  '216': ['商业服务业等', '商业服务业等支出'],
  '217': ['金融支出', '金融支出'],
  '219': ['援助其他地区支出', '援助其他地区支出'],
  '220': ['自然资源海洋气象等支出', '自然资源海洋气象等支出'],
  '221': ['住房保障支出', '住房保障支出'],
  '222': ['粮油物资储备支出', '粮油物资储备支出'],
  '223': ['国有资本经营预算', '国有资本经营预算'],
  '224': ['灾害防治及应急管理', '灾害防治及应急管理'],
  '227': ['预备费', '预备费'],
  '229': ['其他支出', '其他支出'],
  '230': ['转移性支出', '转移性支出'],
  '231': ['债务还本支出', '债务还本支出'],
  '232': ['债务付息支出', '债务付息支出'],
  '233': ['债务发行费用支出', '债务发行费用支出'],
  '234': ['抗疫特别国债安排的支出', '抗疫特别国债安排的支出'],
};

/**
 * The 30 class rows as 预算01表 ("十九、援助其他地区支出") or 预算04表 ("（十九）援助其他地区支出") prints them; the
 * other spellings are aliases. Seed 003's 04表 prints the retired 210 name 医疗卫生与计划生育支出 in the （九） slot.
 */
function classRows(style: 't01' | 't04'): FixedRowDef[] {
  return FUNCTION_CLASS_ROWS.map((row) => {
    const code = row.code as string;
    const [short, long] = CLASS_SPELLINGS[code] ?? ['', ''];
    const n = CHINESE_ORDINALS[Number(code) - 201];
    const printed = style === 't01' ? `${n}、${short}` : `（${n}）${long}`;
    const retired = style === 't04' && code === '209' ? ['医疗卫生与计划生育支出'] : [];
    return { ...row, label: [printed, short, long, ...labelsOf(row.label), ...retired] };
  });
}

const unitCodeColumn: ColumnDef = { id: 'unitCode', kind: 'unitCode', label: '单位代码' };
const gpbSplit = (total: string, ofWhich: string): HeaderNode => ({ label: GPB_LABELS, children: [{ label: '小计', column: total }, { label: OF_WHICH_APPROPRIATION, column: ofWhich }] });

const t01: TableDef = {
  id: 't01',
  no: 1,
  title: '{year}年部门收支总体情况表',
  titleAliases: ['{year}年部门收支总表'],
  sheetName: '预算01表',
  header: [
    { label: '收入', children: [{ label: '项目', column: 'incomeName' }, { label: ['金额', '预算数'], column: 'incomeAmount' }] },
    { label: '支出', children: [{ label: '项目', column: 'expName' }, { label: ['金额', '预算数'], column: 'expAmount' }] },
  ],
  sides: [
    {
      id: 'income',
      label: '收入',
      columns: [nameColumn('incomeName', '项目'), amount('incomeAmount', '金额')],
      rows: {
        kind: 'fixed',
        rows: [
          { id: 'gpb', label: ['一、一般公共预算', '一般公共预算拨款收入'] },
          { id: 'gpbAppropriation', label: OF_WHICH_APPROPRIATION, depth: 1 },
          { id: 'gfb', label: ['二、政府性基金预算拨款收入', '政府性基金预算'] },
          { id: 'scob', label: ['三、国有资本经营预算拨款收入', '国有资本经营预算'] },
          { id: 'fsm', label: ['四、财政专户管理资金收入', '财政专户管理资金'] },
          { id: 'business', label: '五、事业收入' },
          { id: 'operating', label: '六、事业单位经营收入' },
          { id: 'superior', label: '七、上级补助收入' },
          { id: 'subsidiary', label: '八、附属单位上缴收入' },
          { id: 'other', label: '九、其他收入' },
          { id: 'incomeTotal', label: '本年收入合计', computed: true, alignWith: 'expTotal' },
          { id: 'carryOver', label: ['上年结转结余', '上年结转'], alignWith: 'yearEndCarry' },
          { id: 'incomeGrandTotal', label: '收入总计', computed: true, alignWith: 'expGrandTotal' },
        ],
      },
    },
    {
      id: 'expenditure',
      label: '支出',
      columns: [nameColumn('expName', '项目'), amount('expAmount', '金额')],
      rows: {
        kind: 'fixed',
        rows: [
          ...classRows('t01'),
          { id: 'expTotal', label: '本年支出合计', computed: true },
          { id: 'yearEndCarry', label: ['年终结转结余', '年终结转'] },
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
  title: '{year}年部门收入总体情况表',
  titleAliases: ['{year}年部门收入总表'],
  sheetName: '预算02表',
  header: [
    { label: ['部门（单位）代码', '单位代码'], column: 'unitCode' },
    { label: ['部门（单位）名称', '单位名称'], column: 'name' },
    { label: '总计', column: 'grandTotal' },
    {
      label: '本年收入',
      children: [
        { label: '合计', column: 'total' },
        gpbSplit('gpb', 'gpbAppropriation'),
        { label: GFB_PRINTED, column: 'gfb' },
        { label: SCOB_LABELS, column: 'scob' },
        { label: ['财政专户管理资金收入', '财政专户管理资金'], column: 'fsm' },
        { label: '事业收入', column: 'business' },
        { label: '事业单位经营收入', column: 'operating' },
        { label: '上级补助收入', column: 'superior' },
        { label: '附属单位上缴收入', column: 'subsidiary' },
        { label: '其他收入', column: 'other' },
      ],
    },
    {
      label: ['上年结转结余', '上年结转'],
      children: [
        { label: '合计', column: 'carryTotal' },
        { label: GPB_LABELS, column: 'carryGpb' },
        { label: GFB_PRINTED, column: 'carryGfb' },
        { label: SCOB_LABELS, column: 'carryScob' },
        { label: '财政专户管理资金', column: 'carryFsm' },
        { label: '单位资金', column: 'carryUnitFunds' },
      ],
    },
  ],
  sides: [
    {
      id: 'main',
      columns: [
        { ...unitCodeColumn, label: '部门（单位）代码' },
        nameColumn('name', '部门（单位）名称'),
        amount('grandTotal', '总计'),
        amount('total', '本年收入合计'),
        amount('gpb', '一般公共预算'),
        amount('gpbAppropriation', '其中：财政拨款'),
        amount('gfb', '政府性基金'),
        amount('scob', '国有资本经营预算'),
        amount('fsm', '财政专户管理资金收入'),
        amount('business', '事业收入'),
        amount('operating', '事业单位经营收入'),
        amount('superior', '上级补助收入'),
        amount('subsidiary', '附属单位上缴收入'),
        amount('other', '其他收入'),
        amount('carryTotal', '上年结转结余合计'),
        amount('carryGpb', '上年结转一般公共预算'),
        amount('carryGfb', '上年结转政府性基金'),
        amount('carryScob', '上年结转国有资本经营预算'),
        amount('carryFsm', '上年结转财政专户管理资金'),
        amount('carryUnitFunds', '上年结转单位资金'),
      ],
      rows: { kind: 'unitList', totalLabel: ['合计', '总计', '部门合计'] },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

/** 预算03/05/09表: 科目编码 (类|款|项) | 单位代码 | 单位（科目名称）| 合计 | 基本支出 … | 项目支出 …; only 项 rows. */
function expenditureByUnit(id: string, no: number, title: string, sheetName: string): TableDef {
  return {
    id,
    no,
    title,
    sheetName,
    header: [
      { label: '科目编码', column: 'code', codeSplit: ['类', '款', '项'] },
      { label: ['单位代码', '部门（单位）代码'], column: 'unitCode' },
      { label: ['单位（科目名称）', '科目名称', '单位名称'], column: 'name' },
      { label: '合计', column: 'total' },
      {
        label: '基本支出',
        children: [
          { label: '小计', column: 'basic' },
          { label: '人员经费', children: [{ label: '工资福利支出', column: 'wages' }, { label: '对个人和家庭的补助', column: 'family' }] },
          { label: '公用经费', children: [{ label: '商品和服务支出', column: 'goods' }, { label: '资本性支出', column: 'capital' }] },
        ],
      },
      {
        label: '项目支出',
        children: [
          { label: '小计', column: 'project' },
          { label: '其他运转类', column: 'projectOther' },
          { label: '特定目标类', column: 'projectSpecific' },
        ],
      },
    ],
    sides: [
      {
        id: 'main',
        columns: [
          codeColumn(),
          unitCodeColumn,
          nameColumn('name', '单位（科目名称）'),
          amount('total', '合计'),
          amount('basic', '基本支出'),
          amount('wages', '工资福利支出'),
          amount('family', '对个人和家庭的补助'),
          amount('goods', '商品和服务支出'),
          amount('capital', '资本性支出'),
          amount('project', '项目支出'),
          amount('projectOther', '其他运转类'),
          amount('projectSpecific', '特定目标类'),
        ],
        rows: { kind: 'codedTree', totalLabel: TOTAL_LABELS, classification: 'function', itemsOnly: true },
      },
    ],
    emptyNote: EMPTY_NOTE,
  };
}

const t04: TableDef = {
  id: 't04',
  no: 4,
  title: '{year}年财政拨款收支总体情况表',
  titleAliases: ['{year}年财政拨款收支总表'],
  sheetName: '预算04表',
  header: [
    { label: '收入', children: [{ label: '项目', column: 'incomeName' }, { label: ['金额', '预算数'], column: 'incomeAmount' }] },
    {
      label: '支出',
      children: [
        { label: '项目', column: 'expName' },
        { label: ['合计', '小计'], column: 'expTotal' },
        gpbSplit('expGpb', 'expGpbAppropriation'),
        { label: GFB_PRINTED, column: 'expGfb' },
        { label: SCOB_LABELS, column: 'expScob' },
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
          { id: 'incomeCurrent', label: '一、本年收入', computed: true },
          { id: 'gpb', label: ['（一）一般公共预算拨款', '一般公共预算'], depth: 1 },
          { id: 'gpbAppropriation', label: OF_WHICH_APPROPRIATION, depth: 2 },
          { id: 'gfb', label: ['（二）政府性基金预算拨款', '政府性基金预算'], depth: 1 },
          { id: 'scob', label: ['（三）国有资本经营预算拨款', '国有资本经营预算'], depth: 1 },
          { id: 'carryOver', label: ['二、上年结转', '上年结转结余'], computed: true },
          { id: 'carryOverGpb', label: ['（一）一般公共预算拨款', '一般公共预算'], depth: 1 },
          { id: 'carryOverGfb', label: ['（二）政府性基金预算拨款', '政府性基金预算'], depth: 1 },
          { id: 'carryOverScob', label: ['（三）国有资本经营预算拨款', '国有资本经营预算'], depth: 1 },
          { id: 'incomeTotal', label: ['收入合计：', '收入合计', '收入总计'], computed: true, alignWith: 'expTotal' },
        ],
      },
    },
    {
      id: 'expenditure',
      label: '支出',
      columns: [nameColumn('expName', '项目'), amount('expTotal', '合计'), amount('expGpb', '一般公共预算'), amount('expGpbAppropriation', '其中：财政拨款'), amount('expGfb', '政府性基金'), amount('expScob', '国有资本经营预算')],
      rows: {
        kind: 'fixed',
        rows: [
          { id: 'expCurrent', label: '一、本年支出', computed: true },
          ...classRows('t04').map((row) => ({ ...row, depth: 1 })),
          { id: 'yearEndCarry', label: ['二、年终结转结余', '年终结转'] },
          { id: 'expTotal', label: ['支出合计', '支出总计'], computed: true },
        ],
      },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

/** 部门预算经济分类 (类|款|科目名称) paired with 政府预算经济分类 (类|款|科目名称). */
const economicPairHeader: HeaderNode[] = [
  { label: ['部门预算经济分类', '部门预算支出经济分类'], children: [{ label: '科目编码', column: 'deptCode', codeSplit: ['类', '款'] }, { label: '科目名称', column: 'deptName' }] },
  { label: ['政府预算经济分类', '政府预算支出经济分类'], children: [{ label: '科目编码', column: 'govCode', codeSplit: ['类', '款'] }, { label: '科目名称', column: 'govName' }] },
];
const economicPairColumns: ColumnDef[] = [
  codeColumn('deptCode', '部门预算经济分类科目编码'),
  nameColumn('deptName', '部门预算经济分类科目名称'),
  { id: 'govCode', kind: 'govCode', label: '政府预算经济分类科目编码' },
  { id: 'govName', kind: 'govName', label: '政府预算经济分类科目名称' },
];

/** Seed 003 prints 05表 a second time where 06表 belongs; this layout follows 07表's classification columns. */
const t06: TableDef = {
  id: 't06',
  no: 6,
  title: '{year}年一般公共预算基本支出表',
  titleAliases: ['{year}年一般公共预算基本支出情况表'],
  sheetName: '预算06表',
  header: [...economicPairHeader, { label: '合计', column: 'total' }, { label: '人员经费', column: 'personnel' }, { label: '公用经费', column: 'public' }],
  sides: [
    {
      id: 'main',
      columns: [...economicPairColumns, amount('total', '合计'), amount('personnel', '人员经费'), amount('public', '公用经费')],
      rows: { kind: 'economicPairs', totalLabel: TOTAL_LABELS },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const t07: TableDef = {
  id: 't07',
  no: 7,
  title: '{year}年支出经济分类汇总表',
  sheetName: '预算07表',
  header: [
    ...economicPairHeader,
    { label: '总计', column: 'grandTotal' },
    gpbSplit('gpb', 'gpbAppropriation'),
    { label: GFB_PRINTED, column: 'gfb' },
    { label: SCOB_LABELS, column: 'scob' },
    { label: ['上年结转结余', '上年结转'], column: 'carryOver' },
    { label: ['财政专户管理资金收入', '财政专户管理资金'], column: 'fsm' },
    { label: '事业收入', column: 'business' },
    { label: '上级补助收入', column: 'superior' },
    { label: '附属单位上缴收入', column: 'subsidiary' },
    { label: '事业单位经营收入', column: 'operating' },
    { label: '其他收入', column: 'other' },
  ],
  sides: [
    {
      id: 'main',
      columns: [
        ...economicPairColumns,
        amount('grandTotal', '总计'),
        amount('gpb', '一般公共预算'),
        amount('gpbAppropriation', '其中：财政拨款'),
        amount('gfb', '政府性基金'),
        amount('scob', '国有资本经营预算'),
        amount('carryOver', '上年结转结余'),
        amount('fsm', '财政专户管理资金收入'),
        amount('business', '事业收入'),
        amount('superior', '上级补助收入'),
        amount('subsidiary', '附属单位上缴收入'),
        amount('operating', '事业单位经营收入'),
        amount('other', '其他收入'),
      ],
      rows: { kind: 'economicPairs', totalLabel: TOTAL_LABELS },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

/** One line of figures under a two-row header: the side has no label column, so the row is taken in order. */
const t08: TableDef = {
  id: 't08',
  no: 8,
  title: '{year}年一般公共预算“三公”经费支出情况表',
  titleAliases: ['{year}年一般公共预算三公经费支出情况表'],
  sheetName: '预算08表',
  header: [
    { label: ['“三公”经费合计', '合计'], column: 'total' },
    { label: ['因公出国（境）费', '因公出国（境）费用'], column: 'travelAbroad' },
    {
      label: ['公务用车购置及运行费', '公务用车购置及运行维护费'],
      children: [
        { label: '小计', column: 'vehicles' },
        { label: '公务用车购置费', column: 'vehiclePurchase' },
        { label: ['公务用车运行费', '公务用车运行维护费'], column: 'vehicleOperation' },
      ],
    },
    { label: '公务接待费', column: 'reception' },
  ],
  sides: [
    {
      id: 'main',
      columns: [
        amount('total', '“三公”经费合计'),
        amount('travelAbroad', '因公出国（境）费'),
        amount('vehicles', '公务用车购置及运行费'),
        amount('vehiclePurchase', '公务用车购置费'),
        amount('vehicleOperation', '公务用车运行费'),
        amount('reception', '公务接待费'),
      ],
      rows: { kind: 'fixed', rows: [{ id: 'budget', label: '预算数' }] },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

const fund = (prefix: string, ids: [string, string, string]): HeaderNode[] => [
  { label: GPB_LABELS, column: `${prefix}${ids[0]}` },
  { label: GFB_LABELS, column: `${prefix}${ids[1]}` },
  { label: SCOB_LABELS, column: `${prefix}${ids[2]}` },
];

const t10: TableDef = {
  id: 't10',
  no: 10,
  title: '{year}年项目支出表',
  titleAliases: ['{year}年项目支出预算表'],
  sheetName: '预算10表',
  header: [
    { label: '类型', column: 'category' },
    { label: '项目名称', column: 'name' },
    { label: '项目单位', column: 'unit' },
    { label: '合计', column: 'total' },
    { label: ['本年拨款', '本年财政拨款'], children: fund('', ['gpb', 'gfb', 'scob']) },
    { label: ['财政拨款结转结余', '上年结转结余'], children: fund('carry', ['Gpb', 'Gfb', 'Scob']) },
    { label: '财政专户管理资金', column: 'fsm' },
    { label: '单位资金', column: 'unitFunds' },
  ],
  sides: [
    {
      id: 'main',
      columns: [
        { id: 'category', kind: 'text', label: '类型' },
        nameColumn('name', '项目名称'),
        { id: 'unit', kind: 'unitName', label: '项目单位' },
        amount('total', '合计'),
        amount('gpb', '本年拨款一般公共预算'),
        amount('gfb', '本年拨款政府性基金预算'),
        amount('scob', '本年拨款国有资本经营预算'),
        amount('carryGpb', '结转结余一般公共预算'),
        amount('carryGfb', '结转结余政府性基金预算'),
        amount('carryScob', '结转结余国有资本经营预算'),
        amount('fsm', '财政专户管理资金'),
        amount('unitFunds', '单位资金'),
      ],
      rows: {
        kind: 'projectTree',
        departmentMarker: '[部门]',
        // Henan names projects plainly; levels come from the 项目单位 column (see rows.ts), never from a prefix.
        projectNamePattern: '(?!)',
        unitNamePattern: '(办公室|中心|局|委员会|委|厅|站|所|院|队|馆|处|会|部|学校|医院|公司|社|团|台)$',
      },
    },
  ],
  emptyNote: EMPTY_NOTE,
};

export const HENAN_2024: TemplateFamily<'henan-2024'> = {
  id: 'henan-2024',
  tableNumbering: 'arabic',
  name: '河南省部门预算公开（预算01–10表）',
  region: '河南',
  unit: '万元',
  decimals: 2,
  departmentLabels: ['部门名称'],
  tables: [
    t01,
    t02,
    expenditureByUnit('t03', 3, '{year}年部门支出总体情况表', '预算03表'),
    t04,
    expenditureByUnit('t05', 5, '{year}年一般公共预算支出情况表', '预算05表'),
    t06,
    t07,
    t08,
    expenditureByUnit('t09', 9, '{year}年政府性基金预算支出情况表', '预算09表'),
    t10,
  ],
  shortTitles: ['收支总表', '收入总表', '支出总表', '财拨收支', '一般公共', '基本支出', '经济分类', '三公经费', '政府基金', '项目支出'],
  catalogueVersion: '2024',
  projects: { table: 't10', amountColumn: 'total' },
};
