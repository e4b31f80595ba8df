// A synthetic but realistic LARGE Shanxi-2024 department workbook (DESIGN.md §8 "synthetic large book"):
// all 13 tables laid out like fixtures/datong-2024-shanxi.xlsx (title row merged, 部门名称/单位 line, merged
// multi-row headers, thin borders, #,##0.00), with thousands of project rows and a deep coded tree.
//
// Amounts are 万元 with 2 decimals. Everything is computed in integer hundredths of a 万元 ("cents", 0.01 万元 =
// 100 元; exact in a JS number far beyond these totals) and checked figures are returned as decimal strings, so
// tests compare against the generator's own exact arithmetic, never against binary floating point.
// The book is internally consistent (DESIGN.md §4): 类 = Σ款, 款 = Σ项, 合计 = Σ类; 表二/表三/表五 agree by code;
// 表一/表四 restate them by class; 表五 基本支出 合计 = 表六 合计; 表三 项目支出 合计 = 表十二 合计;
// 表十二 department = Σ units = Σ projects; 表十一 部门合计 = Σ units ≤ 表六 公用经费; 表十 ≥ its 表六 items.
import ExcelJS from 'exceljs';
import functionCatalogue from '../../resources/catalogue/function-2024.json';
import govFundCatalogue from '../../resources/catalogue/gov-fund-income-2024.json';
import { Dec } from '../../src/shared/money';
import { FUNCTION_CLASS_ROWS } from '../../src/shared/template/families/common';
import { primaryLabel } from '../../src/shared/template/types';
import { seededRandom } from './rng';

export interface LargeWorkbookOptions {
  /** Project rows in 表十二 (default 5,000). */
  projectRows?: number;
  /** Coded rows (类 + 款 + 项, without 合计) in each of 表二, 表三 and 表五 (default 2,000; at least 3). */
  codedRows?: number;
  /** Seed of the deterministic pseudo-random figures (default 2024). */
  seed?: number;
}

export interface LargeWorkbookUnit {
  name: string;
  /** Listed in 表十一 (行政单位). */
  administrative: boolean;
  /** Its project rows in 表十二. */
  projects: number;
  /** Its 表十二 合计, decimal string. */
  total: string;
}

export interface LargeWorkbookFacts {
  projectRows: number;
  /** Coded rows of 表二, 表三 and 表五 each (合计 not counted). */
  codedRows: number;
  /** Rows the importer should produce over all tables (each side of a two-sided row counts once). */
  totalRows: number;
  /** Non-blank amount cells in the workbook. */
  amountCells: number;
  /** 表二 合计 row, 合计 column. */
  table2Total: string;
  /** 表十二 department row, 合计 column (= 表三 合计 row, 项目支出 column). */
  table12DepartmentTotal: string;
  /** 表五 合计 row, 基本支出 column (= 表六 合计). */
  table5BasicTotal: string;
  year: number;
  department: string;
  /** 表十二 unit rows in sheet order. */
  units: LargeWorkbookUnit[];
  /** Rows per table number (as `totalRows`, split by table). */
  rowsByTable: Record<number, number>;
}

const YEAR = 2024;
const DEPARTMENT = '某某市某某局';

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness and exact integer money


type Rng = () => number;

const randInt = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** An amount in cents (0.01 万元), log-uniform between `min` and `max` (every digit is random). */
const logUniformCents = (rng: Rng, min: number, max: number): number => Math.floor(Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min))));

/**
 * Splits `total` cents exactly into parts proportional to integer `weights` (largest remainder, BigInt).
 * When total ≥ n every part gets at least 1 cent.
 */
function partition(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const base = total >= n ? 1 : 0;
  const rest = BigInt(total - base * n);
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const parts = weights.map((w) => (rest * BigInt(w)) / sum);
  let remainder = rest - parts.reduce((a, b) => a + b, 0n);
  const byRemainder = weights.map((w, i) => ({ i, r: (rest * BigInt(w)) % sum })).sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (let k = 0; remainder > 0n; k++, remainder--) {
    const index = byRemainder[k % n]?.i ?? 0;
    parts[index] = (parts[index] ?? 0n) + 1n;
  }
  return parts.map((p) => Number(p) + base);
}

const randomWeights = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => randInt(rng, 1, 1000));

/** cents → "1234.56" (万元) exactly. */
const centsText = (cents: number): string => new Dec(cents).dividedBy(100).toFixed(2);
/** cents → the number Excel stores; blank for 0. The double is the one nearest to the 2-decimal value. */
const centsCell = (cents: number): number | null => (cents === 0 ? null : Number(centsText(cents)));

// ---------------------------------------------------------------------------------------------------------------
// The coded tree (支出功能分类 类/款/项)

interface CatalogueEntry {
  code: string;
  name: string;
}

interface ItemFunds {
  /** 基本支出 (all 一般公共预算) */
  basic: number;
  /** 项目支出 by source */
  gpb: number;
  gfb: number;
  fsm: number;
  unitFunds: number;
}

interface CodedNode {
  code: string;
  name: string;
  children: CodedNode[];
  /** Leaves: their own funds; inner nodes: sums, filled by `sumTree`. */
  funds: ItemFunds;
}

const emptyFunds = (): ItemFunds => ({ basic: 0, gpb: 0, gfb: 0, fsm: 0, unitFunds: 0 });

const GENERIC_ITEM_NAMES = ['专项业务', '专项工作', '信息化建设', '业务管理', '能力建设', '监督检查', '宣传培训', '运行维护'];

/** Builds exactly `codedRows` 类/款/项 nodes: real catalogue codes first, synthesised 款/项 where it has too few. */
function buildCodedTree(codedRows: number): CodedNode[] {
  if (codedRows < 3) throw new Error(`codedRows 至少为 3（一个类、一个款、一个项），收到 ${codedRows}`);
  const entries = (functionCatalogue as { entries: CatalogueEntry[] }).entries;
  const byCode = new Map(entries.map((e) => [e.code, e.name]));
  const childrenOf = (code: string, length: number): CatalogueEntry[] => entries.filter((e) => e.code.length === length && e.code.startsWith(code));
  const allClasses = entries.filter((e) => e.code.length === 3);

  const classCount = Math.max(1, Math.min(allClasses.length, Math.round(codedRows / 67), Math.floor(codedRows / 3)));
  // Spread the chosen classes over the catalogue (all 30 for the default size).
  const classes = Array.from({ length: classCount }, (_, i) => allClasses[Math.floor((i * allClasses.length) / classCount)] as CatalogueEntry);
  const rest = codedRows - classCount;

  return classes.map((cls, ci) => {
    const rows = Math.floor(rest / classCount) + (ci < rest % classCount ? 1 : 0); // 款 + 项 under this class
    const sectionCount = Math.max(Math.max(1, Math.ceil(rows / 100)), Math.min(Math.round(rows / 7), 98, Math.floor(rows / 2)));
    const sections = pickCodes(cls.code, sectionCount, childrenOf(cls.code, 5), (nn) => `${cls.name.replace(/支出$/, '')}专项事务${nn}`);
    const itemTotal = rows - sectionCount;
    return {
      code: cls.code,
      name: byCode.get(cls.code) ?? cls.name,
      funds: emptyFunds(),
      children: sections.map((section, si) => {
        const itemCount = Math.floor(itemTotal / sectionCount) + (si < itemTotal % sectionCount ? 1 : 0);
        const items = pickCodes(section.code, itemCount, childrenOf(section.code, 7), (nn) => `${GENERIC_ITEM_NAMES[Number(nn) % GENERIC_ITEM_NAMES.length]}${nn}`);
        return { ...section, funds: emptyFunds(), children: items.map((item) => ({ ...item, funds: emptyFunds(), children: [] })) };
      }),
    };
  });
}

/** `count` child codes of `parent`: the catalogue's first, then unused two-digit suffixes; in code order. */
function pickCodes(parent: string, count: number, known: CatalogueEntry[], nameFor: (nn: string) => string): CatalogueEntry[] {
  const picked = known.slice(0, count);
  const used = new Set(picked.map((e) => e.code));
  const knownCodes = new Set(known.map((e) => e.code));
  for (let n = 1; picked.length < count && n <= 99; n++) {
    const nn = String(n).padStart(2, '0');
    const code = `${parent}${nn}`;
    if (used.has(code) || knownCodes.has(code)) continue;
    picked.push({ code, name: nameFor(nn) });
    used.add(code);
  }
  if (picked.length < count) throw new Error(`科目 ${parent} 下放不下 ${count} 个下级科目`);
  return picked.sort((a, b) => a.code.localeCompare(b.code));
}

function sumTree(nodes: CodedNode[]): ItemFunds {
  const total = emptyFunds();
  for (const node of nodes) {
    if (node.children.length > 0) node.funds = sumTree(node.children);
    for (const key of Object.keys(total) as (keyof ItemFunds)[]) total[key] += node.funds[key];
  }
  return total;
}

function* walk(nodes: CodedNode[]): Generator<CodedNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

const leavesOf = (nodes: CodedNode[]): CodedNode[] => [...walk(nodes)].filter((n) => n.children.length === 0);

// ---------------------------------------------------------------------------------------------------------------
// Units and projects (表十二)

const UNIT_NAMES: readonly [string, boolean][] = [
  [DEPARTMENT, true],
  ['某某市某某局综合行政执法队', true],
  ['某某市某某局城区分局', true],
  ['某某市某某发展服务中心', false],
  ['某某市某某信息中心', false],
  ['某某市某某检验检测站', false],
  ['某某市某某研究所', false],
  ['某某市某某科学研究院', false],
  ['某某市某某培训学校', false],
  ['某某市某某档案馆', false],
  ['某某市某某监测站', false],
  ['某某市某某技术推广站', false],
  ['某某市某某质量监督站', false],
  ['某某市某某勘察设计院', false],
  ['某某市某某应急救援队', false],
  ['某某市某某宣传教育中心', false],
  ['某某市某某事务服务中心', false],
  ['某某市某某规划研究院', false],
  ['某某市某某医院', false],
  ['某某市某某评审中心', false],
];

const PROJECT_NAMES = [
  '专项工作经费',
  '水电物业经费',
  '信息化建设运维经费',
  '业务培训经费',
  '专项检查工作经费',
  '监测评估经费',
  '宣传教育经费',
  '设备购置经费',
  '课题研究经费',
  '应急处置经费',
  '档案整理经费',
  '政策调研经费',
];

interface Funds6 {
  total: number;
  gpb: number;
  gfb: number;
  scob: number;
  fsm: number;
  unitFunds: number;
}

const emptyFunds6 = (): Funds6 => ({ total: 0, gpb: 0, gfb: 0, scob: 0, fsm: 0, unitFunds: 0 });

function addFunds6(into: Funds6, add: Funds6): void {
  for (const key of Object.keys(into) as (keyof Funds6)[]) into[key] += add[key];
}

interface Project {
  name: string;
  funds: Funds6;
}

interface UnitProjects {
  name: string;
  administrative: boolean;
  projects: Project[];
  funds: Funds6;
}

function buildProjects(rng: Rng, projectRows: number): UnitProjects[] {
  const unitCount = Math.max(1, Math.min(UNIT_NAMES.length, projectRows));
  const weights = Array.from({ length: unitCount }, (_, i) => (i === 0 ? 3000 : randInt(rng, 200, 1000)));
  const counts = partition(projectRows, weights);
  let index = 0;
  return counts.map((count, u) => {
    const [name, administrative] = UNIT_NAMES[u] as [string, boolean];
    const projects: Project[] = [];
    const unitFunds = emptyFunds6();
    for (let p = 0; p < count; p++) {
      index++;
      const r = rng();
      const prefix = r < 0.5 ? 'Z' : r < 0.85 ? 'J' : 'B';
      const base = PROJECT_NAMES[randInt(rng, 0, PROJECT_NAMES.length - 1)] ?? PROJECT_NAMES[0];
      const funds = projectFunds(rng, logUniformCents(rng, 20, 20_000));
      projects.push({ name: `${prefix}${base}${String(index).padStart(4, '0')}`, funds });
      addFunds6(unitFunds, funds);
    }
    return { name, administrative, projects, funds: unitFunds };
  });
}

/** A project's money by source: mostly 一般公共预算, some 财政专户/单位资金, a few 政府性基金. */
function projectFunds(rng: Rng, total: number): Funds6 {
  const funds = emptyFunds6();
  funds.total = total;
  const r = rng();
  const split = (): number => Math.floor((total * randInt(rng, 20, 80)) / 100);
  if (r < 0.75) funds.gpb = total;
  else if (r < 0.85) {
    funds.fsm = split();
    funds.gpb = total - funds.fsm;
  } else if (r < 0.93) {
    funds.unitFunds = rng() < 0.5 ? total : split();
    funds.gpb = total - funds.unitFunds;
  } else funds.gfb = total;
  return funds;
}

// ---------------------------------------------------------------------------------------------------------------
// 表六 economic pairs (部门预算经济科目 / 政府预算经济科目), all names from the bundled catalogues

interface EconomicPair {
  classCode: '301' | '302' | '303' | '310';
  dept: string;
  gov: string;
  weight: number;
}

const ECONOMIC_CLASSES: readonly { code: EconomicPair['classCode']; name: string; personnel: boolean }[] = [
  { code: '301', name: '工资福利支出', personnel: true },
  { code: '302', name: '商品和服务支出', personnel: false },
  { code: '303', name: '对个人和家庭的补助', personnel: true },
  { code: '310', name: '资本性支出', personnel: false },
];

/** Each 部门 item twice: 机关 (50x 款) and 事业单位 (505 对事业单位经常性补助 / 506). */
const ECONOMIC_PAIRS: readonly EconomicPair[] = [
  ...(
    [
      ['基本工资', '工资奖金津补贴', 30],
      ['津贴补贴', '工资奖金津补贴', 25],
      ['奖金', '工资奖金津补贴', 10],
      ['伙食补助费', '工资奖金津补贴', 2],
      ['绩效工资', '工资奖金津补贴', 20],
      ['机关事业单位基本养老保险缴费', '社会保障缴费', 15],
      ['职业年金缴费', '社会保障缴费', 6],
      ['职工基本医疗保险缴费', '社会保障缴费', 8],
      ['公务员医疗补助缴费', '社会保障缴费', 2],
      ['其他社会保障缴费', '社会保障缴费', 1],
      ['住房公积金', '住房公积金', 12],
      ['医疗费', '其他工资福利支出', 1],
      ['其他工资福利支出', '其他工资福利支出', 2],
    ] as const
  ).flatMap(([dept, gov, weight]) => [
    { classCode: '301' as const, dept, gov, weight },
    { classCode: '301' as const, dept, gov: '工资福利支出', weight: Math.ceil(weight / 2) },
  ]),
  ...(
    [
      ['办公费', '办公经费', 4],
      ['邮电费', '办公经费', 1],
      ['电费', '办公经费', 1],
      ['物业管理费', '办公经费', 2],
      ['差旅费', '办公经费', 2],
      ['因公出国（境）费用', '因公出国（境）费用', 1],
      ['维修（护）费', '维修（护）费', 1],
      ['会议费', '会议费', 1],
      ['培训费', '培训费', 1],
      ['公务接待费', '公务接待费', 1],
      ['工会经费', '办公经费', 2],
      ['福利费', '办公经费', 3],
      ['公务用车运行维护费', '公务用车运行维护费', 2],
      ['其他交通费用', '办公经费', 1],
      ['其他商品和服务支出', '其他商品和服务支出', 2],
    ] as const
  ).flatMap(([dept, gov, weight]) => [
    { classCode: '302' as const, dept, gov, weight },
    { classCode: '302' as const, dept, gov: '商品和服务支出', weight },
  ]),
  { classCode: '303', dept: '退休费', gov: '离退休费', weight: 3 },
  { classCode: '303', dept: '生活补助', gov: '社会福利和救助', weight: 1 },
  { classCode: '303', dept: '奖励金', gov: '社会福利和救助', weight: 1 },
  { classCode: '310', dept: '办公设备购置', gov: '设备购置', weight: 1 },
  { classCode: '310', dept: '办公设备购置', gov: '资本性支出（一）', weight: 1 },
];

// ---------------------------------------------------------------------------------------------------------------
// Sheet writing, laid out like the fixture

type CellValue = string | number | null;

interface HeaderCell {
  row: number; // 1-based within the header block
  column: number;
  text: string;
  /** merge to (row, column), inclusive, header-relative */
  to?: [number, number];
}

interface TableLayout {
  no: number;
  sheetName: string;
  title: string;
  columns: number;
  headerRows: number;
  header: HeaderCell[];
  /** 1-based columns that hold amounts (numbers). */
  amountColumns: readonly number[];
  /** Label columns of each side, to count the importer's rows per side. */
  sideLabelColumns: readonly (readonly number[])[];
  /** "1 2 3 …" row under the header (表十二/十三). */
  columnNumberRow?: boolean;
}

interface Tally {
  rows: number;
  amountCells: number;
  rowsByTable: Record<number, number>;
}

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 16, bold: true };
const AMOUNT_FORMAT = '#,##0.00';

function writeTable(workbook: ExcelJS.Workbook, layout: TableLayout, rows: readonly CellValue[][], emptyNote: boolean, tally: Tally): void {
  const sheet = workbook.addWorksheet(layout.sheetName);
  sheet.getColumn(1).width = 30;
  for (let c = 2; c <= layout.columns; c++) sheet.getColumn(c).width = 16;

  const title = sheet.getCell(1, 1);
  title.value = layout.title.replace('{year}', String(YEAR));
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(1, 1, 1, layout.columns);
  sheet.getCell(2, 1).value = `部门名称：${DEPARTMENT}[部门]`;
  sheet.getCell(2, layout.columns).value = '单位：万元';

  const headerTop = 3;
  for (const cell of layout.header) {
    sheet.getCell(headerTop + cell.row - 1, cell.column).value = cell.text.replace('{year}', String(YEAR));
  }
  for (const cell of layout.header) {
    if (cell.to) sheet.mergeCells(headerTop + cell.row - 1, cell.column, headerTop + cell.to[0] - 1, cell.to[1]);
  }
  let next = headerTop + layout.headerRows;
  if (layout.columnNumberRow) {
    for (let c = 1; c <= layout.columns; c++) sheet.getCell(next, c).value = String(c);
    next++;
  }
  const amountColumns = new Set(layout.amountColumns);
  let tableRows = 0;
  for (const values of rows) {
    const row = sheet.getRow(next++);
    values.forEach((value, i) => {
      if (value === null || value === '') return;
      const cell = row.getCell(i + 1);
      cell.value = value;
      if (amountColumns.has(i + 1) && typeof value === 'number') {
        cell.numFmt = AMOUNT_FORMAT;
        tally.amountCells++;
      }
    });
    tableRows += layout.sideLabelColumns.filter((columns) => columns.some((c) => values[c - 1] !== null && values[c - 1] !== '')).length;
  }
  const lastRow = next - 1;
  for (let r = headerTop; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= layout.columns; c++) row.getCell(c).border = BORDER;
  }
  if (emptyNote) sheet.getCell(next, 1).value = '注：本表无数据';
  tally.rows += tableRows;
  tally.rowsByTable[layout.no] = tableRows;
}

/** 科目编码 | 科目名称 | amounts… rows of a coded tree (合计 first). */
function codedRows(total: CellValue[], nodes: CodedNode[], amounts: (funds: ItemFunds) => CellValue[], include: (node: CodedNode) => boolean = () => true): CellValue[][] {
  const out: CellValue[][] = [['合计', null, ...total]];
  for (const node of walk(nodes)) if (include(node)) out.push([node.code, node.name, ...amounts(node.funds)]);
  return out;
}

// Header layouts copied from fixtures/datong-2024-shanxi.xlsx.
const codedHeader = (groupLabel: string): HeaderCell[] => [
  { row: 1, column: 1, text: '项目', to: [1, 2] },
  { row: 1, column: 3, text: groupLabel, to: [1, 5] },
  { row: 2, column: 1, text: '科目编码' },
  { row: 2, column: 2, text: '科目名称' },
  { row: 2, column: 3, text: '合计' },
  { row: 2, column: 4, text: '基本支出' },
  { row: 2, column: 5, text: '项目支出' },
];

const fundColumnsHeader = (groupLabel: string, firstLabel: string): HeaderCell[] => [
  { row: 1, column: 1, text: firstLabel, to: [2, 1] },
  { row: 1, column: 2, text: groupLabel, to: [1, 5] },
  { row: 2, column: 2, text: '合计' },
  { row: 2, column: 3, text: '一般公共预算' },
  { row: 2, column: 4, text: '政府性基金预算' },
  { row: 2, column: 5, text: '国有资本经营预算' },
];

// ---------------------------------------------------------------------------------------------------------------

export async function writeLargeWorkbook(path: string, options: LargeWorkbookOptions = {}): Promise<LargeWorkbookFacts> {
  const projectRows = options.projectRows ?? 5_000;
  const codedRowCount = options.codedRows ?? 2_000;
  const rng = seededRandom(options.seed ?? 2024);
  if (projectRows < 1) throw new Error(`projectRows 至少为 1，收到 ${projectRows}`);

  // Projects first: their totals by source are what the coded tree's 项目支出 must add up to.
  const units = buildProjects(rng, projectRows);
  const department = emptyFunds6();
  for (const unit of units) addFunds6(department, unit.funds);

  const tree = buildCodedTree(codedRowCount);
  const items = leavesOf(tree);
  for (const item of items) if (rng() < 0.7) item.funds.basic = logUniformCents(rng, 100, 30_000);
  const spread = (total: number, chosen: CodedNode[], key: keyof ItemFunds): void => {
    if (total === 0 || chosen.length === 0) return;
    partition(total, randomWeights(rng, chosen.length)).forEach((part, i) => {
      (chosen[i] as CodedNode).funds[key] += part;
    });
  };
  const sample = (share: number): CodedNode[] => {
    const chosen = items.filter(() => rng() < share);
    return chosen.length > 0 ? chosen : items.slice(0, 1);
  };
  spread(department.gpb, items.filter((item) => item.funds.basic === 0 || rng() < 0.6), 'gpb');
  // Every 项 carries some 一般公共预算 money, so 表五 lists the same codes as 表二/表三.
  for (const item of items) if (item.funds.basic === 0 && item.funds.gpb === 0) item.funds.basic = logUniformCents(rng, 100, 30_000);
  // 政府性基金 money goes to 城乡社区 / 农林水 / 社会保障 items, the classes fund expenditure usually sits in.
  const fundCandidates = ['212', '213', '208'].flatMap((cls) => items.filter((item) => item.code.startsWith(cls)));
  spread(department.gfb, (fundCandidates.length > 0 ? fundCandidates : items).slice(0, 20), 'gfb');
  spread(department.fsm, sample(0.08), 'fsm');
  spread(department.unitFunds, sample(0.08), 'unitFunds');
  const grand = sumTree(tree);

  const classOf = new Map(tree.map((node) => [node.code, node.funds]));
  const gpbOf = (f: ItemFunds): number => f.basic + f.gpb;
  const projectOf = (f: ItemFunds): number => f.gpb + f.gfb + f.fsm + f.unitFunds;
  const totalOf = (f: ItemFunds): number => f.basic + projectOf(f);
  const basicTotal = grand.basic;

  // 表六: basic expenditure by economic pair.
  const pairAmounts = partition(
    basicTotal,
    ECONOMIC_PAIRS.map((p) => Math.max(1, Math.round(p.weight * 100 * (0.5 + rng())))),
  );
  const personnelClass = (code: string): boolean => ECONOMIC_CLASSES.find((c) => c.code === code)?.personnel ?? false;
  let personnel = 0;
  let publicFunds = 0;
  ECONOMIC_PAIRS.forEach((pair, i) => {
    if (personnelClass(pair.classCode)) personnel += pairAmounts[i] ?? 0;
    else publicFunds += pairAmounts[i] ?? 0;
  });
  const pairSum = (dept: string): number => ECONOMIC_PAIRS.reduce((n, p, i) => n + (p.dept === dept ? (pairAmounts[i] ?? 0) : 0), 0);

  const tally: Tally = { rows: 0, amountCells: 0, rowsByTable: {} };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'budget-workbench tests';
  const f = centsCell;

  // 表一 预算收支总表
  {
    const income: [string, number][] = [
      ['一、一般公共预算', gpbOf(grand)],
      ['二、政府性基金预算', grand.gfb],
      ['三、国有资本经营预算', 0],
      ['四、财政专户管理资金', grand.fsm],
      ['五、单位资金', grand.unitFunds],
    ];
    const total = totalOf(grand);
    const rows: CellValue[][] = FUNCTION_CLASS_ROWS.map((cls, i) => {
      const funds = classOf.get(cls.code ?? '');
      const amount = funds ? totalOf(funds) : 0;
      const [label, value] = income[i] ?? [null, 0];
      return [label, label === null ? null : f(value), primaryLabel(cls.label), f(amount), f(amount), null];
    });
    rows.push(['本年收入合计', f(total), '本年支出合计', f(total), f(total), null]);
    rows.push(['上年结转', null, '年终结转', null, null, null]);
    rows.push(['收入总计', f(total), '支出总计', f(total), f(total), null]);
    writeTable(
      workbook,
      {
        no: 1,
        sheetName: '预算公开表1',
        title: '{year}年预算收支总表',
        columns: 6,
        headerRows: 2,
        header: [
          { row: 1, column: 1, text: '收入', to: [1, 2] },
          { row: 1, column: 3, text: '支出', to: [1, 6] },
          { row: 2, column: 1, text: '项目' },
          { row: 2, column: 2, text: '{year}年' },
          { row: 2, column: 3, text: '项目' },
          { row: 2, column: 4, text: '{year}年合计' },
          { row: 2, column: 5, text: '当年预算安排' },
          { row: 2, column: 6, text: '上年结转安排' },
        ],
        amountColumns: [2, 4, 5, 6],
        sideLabelColumns: [[1], [3]],
      },
      rows,
      false,
      tally,
    );
  }

  // 表二 预算收入总表
  const t2Amounts = (x: ItemFunds): CellValue[] => [f(totalOf(x)), f(gpbOf(x)), f(x.gfb), null, f(x.fsm), f(x.unitFunds), null];
  writeTable(
    workbook,
    {
      no: 2,
      sheetName: '预算公开表2',
      title: '{year}年预算收入总表',
      columns: 9,
      headerRows: 2,
      header: [
        { row: 1, column: 1, text: '项目', to: [1, 2] },
        { row: 1, column: 3, text: '本年收入', to: [1, 8] },
        { row: 1, column: 9, text: '上年结转', to: [2, 9] },
        { row: 2, column: 1, text: '科目编码' },
        { row: 2, column: 2, text: '科目名称' },
        { row: 2, column: 3, text: '合计' },
        { row: 2, column: 4, text: '一般公共预算' },
        { row: 2, column: 5, text: '政府性基金' },
        { row: 2, column: 6, text: '国有资本经营预算' },
        { row: 2, column: 7, text: '财政专户管理资金' },
        { row: 2, column: 8, text: '单位资金' },
      ],
      amountColumns: [3, 4, 5, 6, 7, 8, 9],
      sideLabelColumns: [[1, 2]],
    },
    codedRows(t2Amounts(grand), tree, t2Amounts),
    false,
    tally,
  );

  // 表三 预算支出总表
  const t3Amounts = (x: ItemFunds): CellValue[] => [f(totalOf(x)), f(x.basic), f(projectOf(x))];
  writeTable(
    workbook,
    { no: 3, sheetName: '预算公开表3', title: '{year}年预算支出总表', columns: 5, headerRows: 2, header: codedHeader('{year}年预算数'), amountColumns: [3, 4, 5], sideLabelColumns: [[1, 2]] },
    codedRows(t3Amounts(grand), tree, t3Amounts),
    false,
    tally,
  );

  // 表四 财政拨款收支总表
  {
    const gpb = gpbOf(grand);
    const total = gpb + grand.gfb;
    const incomeRows: [string, number][] = [
      ['一、一般公共预算', gpb],
      ['二、政府性基金预算', grand.gfb],
      ['三、国有资本经营预算', 0],
    ];
    const rows: CellValue[][] = FUNCTION_CLASS_ROWS.map((cls, i) => {
      const funds = classOf.get(cls.code ?? '');
      const g = funds ? gpbOf(funds) : 0;
      const fund = funds?.gfb ?? 0;
      const [label, value] = incomeRows[i] ?? [null, 0];
      return [label, label === null ? null : f(value), primaryLabel(cls.label), f(g + fund), f(g), f(fund), null];
    });
    rows.push(['本年收入合计', f(total), '本年支出合计', f(total), f(gpb), f(grand.gfb), null]);
    rows.push(['上年财政拨款结转', null, '年终结转', null, null, null, null]);
    rows.push(['一、一般公共预算', null, null, null, null, null, null]);
    rows.push(['二、政府性基金预算', null, null, null, null, null, null]);
    rows.push(['三、国有资本经营预算', null, null, null, null, null, null]);
    rows.push(['收入总计', f(total), '支出总计', f(total), f(gpb), f(grand.gfb), null]);
    writeTable(
      workbook,
      {
        no: 4,
        sheetName: '预算公开表4',
        title: '{year}年财政拨款收支总表',
        columns: 7,
        headerRows: 3,
        header: [
          { row: 1, column: 1, text: '收入', to: [1, 2] },
          { row: 1, column: 3, text: '支出', to: [1, 7] },
          { row: 2, column: 1, text: '项目', to: [3, 1] },
          { row: 2, column: 2, text: '金额', to: [3, 2] },
          { row: 2, column: 3, text: '项目', to: [3, 3] },
          { row: 2, column: 4, text: '金额', to: [2, 7] },
          { row: 3, column: 4, text: '小计' },
          { row: 3, column: 5, text: '一般公共预算' },
          { row: 3, column: 6, text: '政府性基金预算' },
          { row: 3, column: 7, text: '国有资本经营预算' },
        ],
        amountColumns: [2, 4, 5, 6, 7],
        sideLabelColumns: [[1], [3]],
      },
      rows,
      false,
      tally,
    );
  }

  // 表五 一般公共预算支出预算表（不含上年结转）
  const t5Amounts = (x: ItemFunds): CellValue[] => [f(gpbOf(x)), f(x.basic), f(x.gpb)];
  writeTable(
    workbook,
    {
      no: 5,
      sheetName: '预算公开表5',
      title: '{year}年一般公共预算支出预算表（不含上年结转）',
      columns: 5,
      headerRows: 2,
      header: codedHeader('{year}年预算数'),
      amountColumns: [3, 4, 5],
      sideLabelColumns: [[1, 2]],
    },
    codedRows(t5Amounts(grand), tree, t5Amounts, (node) => gpbOf(node.funds) > 0),
    false,
    tally,
  );

  // 表六 一般公共预算安排基本支出分经济科目表（不含上年结转）
  {
    const rows: CellValue[][] = [['合计', null, f(basicTotal), f(personnel), f(publicFunds)]];
    for (const cls of ECONOMIC_CLASSES) {
      const members = ECONOMIC_PAIRS.map((pair, i) => ({ pair, amount: pairAmounts[i] ?? 0 })).filter((m) => m.pair.classCode === cls.code);
      const sum = members.reduce((n, m) => n + m.amount, 0);
      const split = (amount: number): CellValue[] => [f(amount), cls.personnel ? f(amount) : null, cls.personnel ? null : f(amount)];
      rows.push([cls.name, null, ...split(sum)]);
      for (const m of members) rows.push([m.pair.dept, m.pair.gov, ...split(m.amount)]);
    }
    writeTable(
      workbook,
      {
        no: 6,
        sheetName: '预算公开表6',
        title: '{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）',
        columns: 5,
        headerRows: 2,
        header: [
          { row: 1, column: 1, text: '部门预算支出经济科目名称', to: [2, 1] },
          { row: 1, column: 2, text: '政府预算支出经济科目名称', to: [2, 2] },
          { row: 1, column: 3, text: '{year}年预算数', to: [1, 5] },
          { row: 2, column: 3, text: '合计' },
          { row: 2, column: 4, text: '人员经费' },
          { row: 2, column: 5, text: '公用经费' },
        ],
        amountColumns: [3, 4, 5],
        sideLabelColumns: [[1, 2]],
      },
      rows,
      false,
      tally,
    );
  }

  // 表七 政府性基金预算收入表 / 表八 政府性基金预算支出表
  {
    const fundItems = (govFundCatalogue as { entries: CatalogueEntry[] }).entries;
    const incomeItems = fundItems.filter((e) => e.code.length === 7);
    const rows: CellValue[][] = [['合计', null, f(grand.gfb)]];
    if (grand.gfb > 0) {
      for (const e of fundItems.filter((x) => x.code.length < 7)) rows.push([e.code, e.name, f(grand.gfb)]);
      const parts = partition(grand.gfb, incomeItems.map((_, i) => (i === 2 ? 6 : 1)));
      incomeItems.forEach((e, i) => rows.push([e.code, e.name, f(parts[i] ?? 0)]));
    }
    writeTable(
      workbook,
      {
        no: 7,
        sheetName: '预算公开表7',
        title: '{year}年政府性基金预算收入表（不含上年结转）',
        columns: 3,
        headerRows: 2,
        header: [
          { row: 1, column: 1, text: '项目', to: [1, 2] },
          { row: 1, column: 3, text: '政府性基金收入预算', to: [2, 3] },
          { row: 2, column: 1, text: '收入科目编码' },
          { row: 2, column: 2, text: '科目名称' },
        ],
        amountColumns: [3],
        sideLabelColumns: [[1, 2]],
      },
      rows,
      grand.gfb === 0,
      tally,
    );
    const t8Amounts = (x: ItemFunds): CellValue[] => [f(x.gfb), null, f(x.gfb)];
    writeTable(
      workbook,
      {
        no: 8,
        sheetName: '预算公开表8',
        title: '{year}年政府性基金预算支出表（不含上年结转）',
        columns: 5,
        headerRows: 1,
        header: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'].map((text, i) => ({ row: 1, column: i + 1, text })),
        amountColumns: [3, 4, 5],
        sideLabelColumns: [[1, 2]],
      },
      codedRows(t8Amounts(grand), tree, t8Amounts, (node) => node.funds.gfb > 0),
      grand.gfb === 0,
      tally,
    );
  }

  // 表九 国有资本经营预算收支预算表: this department has none.
  writeTable(
    workbook,
    {
      no: 9,
      sheetName: '预算公开表9',
      title: '{year}年国有资本经营预算收支预算表（不含上年结转）',
      columns: 8,
      headerRows: 3,
      header: [
        { row: 1, column: 1, text: '国有资本经营预算收入', to: [1, 3] },
        { row: 1, column: 4, text: '国有资本经营预算支出', to: [1, 8] },
        { row: 2, column: 1, text: '项目', to: [2, 2] },
        { row: 2, column: 3, text: '国有资本经营收入预算', to: [3, 3] },
        ...['科目编码', '科目名称', '合计', '基本支出', '项目支出'].map((text, i) => ({ row: 2, column: 4 + i, text, to: [3, 4 + i] as [number, number] })),
        { row: 3, column: 1, text: '收入科目编码' },
        { row: 3, column: 2, text: '科目名称' },
      ],
      amountColumns: [3, 6, 7, 8],
      sideLabelColumns: [[1, 2], [4, 5]],
    },
    [['合计', null, null, null, null, null, null, null]],
    true,
    tally,
  );

  // 表十 “三公”经费: at least the matching 表六 items (三公 also carries project money).
  {
    const extra = (): number => (rng() < 0.7 ? logUniformCents(rng, 100, 2_000) : 0);
    const travel = pairSum('因公出国（境）费用') + extra();
    const reception = pairSum('公务接待费') + extra();
    const purchase = rng() < 0.5 ? logUniformCents(rng, 1_000, 5_000) : 0;
    const operation = pairSum('公务用车运行维护费') + extra();
    const vehicles = purchase + operation;
    const line = (label: string, amount: number): CellValue[] => [label, f(amount), f(amount), null, null];
    writeTable(
      workbook,
      {
        no: 10,
        sheetName: '预算公开表10',
        title: '{year}年财政拨款安排“三公”经费支出预算表',
        columns: 5,
        headerRows: 2,
        header: fundColumnsHeader('{year}年预算数', '项目'),
        amountColumns: [2, 3, 4, 5],
        sideLabelColumns: [[1]],
      },
      [
        line('因公出国（境）费', travel),
        line('公务接待费', reception),
        line('公务用车购置及运行费', vehicles),
        line('①公务用车购置费', purchase),
        line('②公务用车运行维护费', operation),
        line('合计', travel + reception + vehicles),
      ],
      false,
      tally,
    );
  }

  // 表十一 机关运行经费: the administrative units, together at most half the 表六 公用经费.
  {
    const administrative = units.filter((u) => u.administrative);
    const total = Math.floor(publicFunds / 2);
    const parts = partition(total, administrative.map((_, i) => (i === 0 ? 3000 : randInt(rng, 200, 1000))));
    const line = (label: string, amount: number): CellValue[] => [label, f(amount), f(amount), null, null];
    writeTable(
      workbook,
      {
        no: 11,
        sheetName: '预算公开表11',
        title: '{year}年财政拨款安排机关运行经费预算表',
        columns: 5,
        headerRows: 2,
        // The fixture prints "2024预算数" here (no 年).
        header: fundColumnsHeader('{year}预算数', '单位名称'),
        amountColumns: [2, 3, 4, 5],
        sideLabelColumns: [[1]],
      },
      [line('部门合计', total), ...administrative.map((u, i) => line(u.name, parts[i] ?? 0))],
      false,
      tally,
    );
  }

  // 表十二 项目支出预算表（本年预算）: department → units → projects.
  {
    const line = (label: string, x: Funds6): CellValue[] => [label, f(x.total), f(x.gpb), f(x.gfb), f(x.scob), f(x.fsm), f(x.unitFunds)];
    const rows: CellValue[][] = [line(`${DEPARTMENT} [部门]`, department)];
    for (const unit of units) {
      rows.push(line(unit.name, unit.funds));
      for (const project of unit.projects) rows.push(line(project.name, project.funds));
    }
    writeTable(
      workbook,
      {
        no: 12,
        sheetName: '预算公开表12',
        title: '{year}年项目支出预算表（本年预算）',
        columns: 7,
        headerRows: 2,
        header: [
          { row: 1, column: 1, text: '项目名称', to: [2, 1] },
          { row: 1, column: 2, text: '合计', to: [2, 2] },
          { row: 1, column: 3, text: '{year}年财政拨款', to: [1, 5] },
          { row: 1, column: 6, text: '财政专户管理 资金', to: [2, 6] },
          { row: 1, column: 7, text: '单位资金', to: [2, 7] },
          { row: 2, column: 3, text: '一般公共预算' },
          { row: 2, column: 4, text: '政府性 基金预 算' },
          { row: 2, column: 5, text: '国有资本经营 预算' },
        ],
        amountColumns: [2, 3, 4, 5, 6, 7],
        sideLabelColumns: [[1]],
        columnNumberRow: true,
      },
      rows,
      false,
      tally,
    );
  }

  // 表十三 项目支出预算表（上年结转）: no carry-over this year.
  writeTable(
    workbook,
    {
      no: 13,
      sheetName: '预算公开表13',
      title: '{year}年项目支出预算表（上年结转）',
      columns: 5,
      headerRows: 2,
      header: [
        { row: 1, column: 1, text: '项目名称', to: [2, 1] },
        { row: 1, column: 2, text: '合计', to: [2, 2] },
        { row: 1, column: 3, text: '{year}年财政拨款', to: [1, 5] },
        { row: 2, column: 3, text: '一般公共预算' },
        { row: 2, column: 4, text: '政府性基金预算' },
        { row: 2, column: 5, text: '国有资本经营预算' },
      ],
      amountColumns: [2, 3, 4, 5],
      sideLabelColumns: [[1]],
      columnNumberRow: true,
    },
    [],
    true,
    tally,
  );

  await workbook.xlsx.writeFile(path);

  if (projectOf(grand) !== department.total) throw new Error('内部错误：表三项目支出合计与表十二合计不一致');
  return {
    projectRows,
    codedRows: codedRowCount,
    totalRows: tally.rows,
    amountCells: tally.amountCells,
    table2Total: centsText(totalOf(grand)),
    table12DepartmentTotal: centsText(department.total),
    table5BasicTotal: centsText(basicTotal),
    year: YEAR,
    department: DEPARTMENT,
    units: units.map((u) => ({ name: u.name, administrative: u.administrative, projects: u.projects.length, total: centsText(u.funds.total) })),
    rowsByTable: tally.rowsByTable,
  };
}
