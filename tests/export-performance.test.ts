// The 项目支出绩效目标表 and 部门整体绩效目标表 in the exported workbook, read back by exceljs and by openpyxl: sheets
// after the tables, each form printed line for line as seed 000 prints it (the seed's own text is the expectation),
// 一级/二级 groups merged and a blank 二级 blank and unmerged, amounts as numbers with the format they were printed
// with, text never a formula, A4 portrait fitted to one page. Also: the indicator pairing, sheet names, the dump and
// the 审核报告's pointer into a form.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbook, exportBook } from '../src/main/export/export-book';
import { indicatorBlocks } from '../src/main/export/performance/indicator-rows';
import { safeSheetName, uniqueSheetName } from '../src/main/export/performance/sheet-names';
import { writeReport, REPORT_SHEET } from '../src/main/export/write-report';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { toDump } from '../src/shared/dump';
import { performanceDumpLines } from '../src/shared/dump-performance';
import { Dec, formatAmount } from '../src/shared/money';
import { INDICATOR_FRAMEWORK } from '../src/shared/performance';
import type { Finding } from '../src/shared/validation';
import { HENAN_XLSX } from './helpers/henan-seed';
import { DATONG_XLSX, FIXTURES } from './helpers/seed';
import { oneYearForm, seedForms, specialInspectionForm, utilitiesForm, xinxiangDepartmentForm } from './helpers/seed-forms';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const SEED_000 = join(FIXTURES, 'seeds', '000_8a413295a909103c.txt');
const FORM_TITLE = '大同市市级预算部门（单位）项目支出绩效目标表';
const TABLE_SHEETS = Array.from({ length: 13 }, (_, i) => `预算公开表${i + 1}`);
const FORM_SHEETS = ['绩效-Z专项检查工作经费', '绩效-J水电物业经费', '绩效-Z政银企对接经费'];

/** Seed 000's printed forms, each as its non-blank lines split into non-empty cells, keyed by 项目名称. */
function seedFormLines(): Map<string, string[][]> {
  const lines = readFileSync(SEED_000, 'utf8').split('\n');
  const forms = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const line of lines) {
    const cells = line.split('\t').map((c) => c.trim()).filter(Boolean);
    if (cells.length === 1 && cells[0] === FORM_TITLE) current = [];
    else if (current && /^十一、/.test(cells[0] ?? '')) current = undefined;
    if (!current || cells.length === 0) continue;
    current.push(cells);
    if (cells[0] === '项目名称' && cells[1]) forms.set(cells[1], current);
  }
  return forms;
}

/** A number as its cell's format shows it: "#,##0.00" → 28,569.78, "#,##0" → 50,000. */
function shown(cell: ExcelJS.Cell): string {
  if (typeof cell.value === 'number') return formatAmount(new Dec(String(cell.value)), { decimals: /\.(0+)/.exec(cell.numFmt ?? '')?.[1]?.length ?? 0 });
  return cell.value === null || cell.value === undefined ? '' : String(cell.value);
}

/** Each row of a sheet as its non-empty cells, merged cells once (at their top-left), left to right. */
function sheetLines(sheet: ExcelJS.Worksheet): string[][] {
  const lines: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const text = shown(cell).trim();
      if (text) cells.push(text);
    }
    if (cells.length) lines.push(cells);
  }
  return lines;
}

function merges(sheet: ExcelJS.Worksheet): string[] {
  return [...((sheet.model as { merges?: string[] }).merges ?? [])].sort();
}

/** The merge covering a cell ("C30:C32"), or undefined. */
function mergeAt(sheet: ExcelJS.Worksheet, address: string): string | undefined {
  const target = sheet.getCell(address);
  return merges(sheet).find((range) => {
    const [from = '', to = ''] = range.split(':');
    const a = sheet.getCell(from);
    const b = sheet.getCell(to);
    return Number(target.row) >= Number(a.row) && Number(target.row) <= Number(b.row) && Number(target.col) >= Number(a.col) && Number(target.col) <= Number(b.col);
  });
}

/** Row number of the first cell in column `column` whose text is `text`. */
function rowOf(sheet: ExcelJS.Worksheet, column: string, text: string, from = 1): number {
  for (let r = from; r <= sheet.rowCount; r++) if (String(sheet.getCell(`${column}${r}`).value ?? '') === text) return r;
  throw new Error(`${sheet.name}: no 「${text}」 in column ${column}`);
}

let tmp: TmpDir;
let datong: Book;
let datongOut: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  tmp = makeTmpDir('export-performance-');
  datong = (await importWorkbooks([DATONG_XLSX])).book;
  datong.performanceForms = seedForms();
  datongOut = tmp.file('大同-绩效.xlsx');
  await exportBook(datong, datongOut);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(datongOut);
}, 120_000);

afterAll(() => tmp?.remove());

const formSheet = (name: string): ExcelJS.Worksheet => {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`sheet ${name} missing: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return sheet;
};

describe('the indicator tree as the form prints it', () => {
  it('prints every 二级 of the framework, groups 实施期 and 年度 side by side, and keeps rows without a 二级 after 成本指标', () => {
    const blocks = indicatorBlocks(utilitiesForm().indicators);
    expect(blocks.map((b) => b.level1)).toEqual(['产出指标', '效益指标', '满意度指标']);
    const [output, benefit, satisfaction] = blocks;
    expect(output?.segments.map((s) => [s.level2['实施期'], s.rows.length, s.carried])).toEqual([
      ['数量指标', 3, true],
      ['质量指标', 1, true],
      ['时效指标', 1, true],
      ['成本指标', 1, true],
      ['', 2, false],
    ]);
    expect(output?.segments[4]?.rows.map((r) => [r['实施期']?.level3, r['年度']?.level3])).toEqual([
      ['单位用水成本', '单位用水成本'],
      ['单位用电成本', '单位用电成本'],
    ]);
    // Empty framework groups are placeholders: one row, the standard name on both sides, no indicator.
    expect(benefit?.segments.map((s) => [s.level2['实施期'], s.level2['年度'], s.rows.filter((r) => r['实施期'] || r['年度']).length])).toEqual([
      ['经济效益指标', '经济效益指标', 0],
      ['社会效益指标', '社会效益指标', 1],
      ['生态效益指标', '生态效益指标', 0],
      ['可持续影响指标', '可持续影响指标', 0],
    ]);
    // Each side prints its own 二级 text: 年度 was cut by the column width in seed 000.
    expect(satisfaction?.segments[0]?.level2).toEqual({ 实施期: '服务对象满意度', 年度: '服务对象满意度指' });
  });

  it('gives a group with more 年度 than 实施期 indicators extra rows, 实施期 blank there', () => {
    const social = indicatorBlocks(oneYearForm().indicators)[1]?.segments.find((s) => s.level2['年度'] === '社会效益指标');
    expect(social?.rows.map((r) => [r['实施期']?.level3 ?? null, r['年度']?.level3 ?? null])).toEqual([
      ['企业获得贷款笔数', '企业获得贷款笔数'],
      [null, '对接企业数量'],
    ]);
  });

  it('prints the whole framework for a form without indicators, and a group only one period has with a blank 二级 on the other side', () => {
    const empty = indicatorBlocks([]);
    expect(empty.map((b) => [b.level1, b.segments.map((s) => s.level2['年度'])])).toEqual(INDICATOR_FRAMEWORK.map((e) => [e.name, [...e.level2]]));
    const oneSided = indicatorBlocks([{ period: '年度', level1: '产出指标', level2: '数量指标', level3: '场次', value: '≥4场' }]);
    expect(oneSided[0]?.segments[0]?.level2).toEqual({ 实施期: '', 年度: '数量指标' });
    const other = indicatorBlocks([{ period: '实施期', level1: '其他指标', level2: '自定指标', level3: '甲', value: '1' }]);
    expect(other.map((b) => b.level1)).toEqual(['产出指标', '效益指标', '满意度指标', '其他指标']);
  });
});

describe('sheet names', () => {
  it('are at most 31 characters, without []:*?/\\, unique regardless of case', () => {
    expect(safeSheetName('绩效-a/b[c]:d*e?f\\g', 'x')).toBe('绩效-a_b_c__d_e_f_g');
    expect(safeSheetName("'''", '绩效-未命名项目')).toBe('绩效-未命名项目');
    const long = `绩效-${'很长的项目名称'.repeat(6)}`;
    const taken = new Set(['预算公开表1'.toLowerCase()]);
    const first = uniqueSheetName(long, 'x', taken);
    const second = uniqueSheetName(long, 'x', taken);
    const third = uniqueSheetName(long.toUpperCase(), 'x', taken);
    expect([...first].length).toBe(31);
    expect([...second].length).toBeLessThanOrEqual(31);
    expect(second.endsWith('(2)')).toBe(true);
    expect(third.endsWith('(3)')).toBe(true);
    expect(uniqueSheetName('预算公开表1', 'x', taken)).toBe('预算公开表1(2)');
  });

  it('are given to forms of the same project and to nameless forms', () => {
    const book = { ...datong, performanceForms: [specialInspectionForm(), specialInspectionForm(), { ...utilitiesForm(), projectName: '  ' }] };
    const { result } = buildWorkbook(book, 'never');
    expect(result.sheets.slice(13)).toEqual(['绩效-Z专项检查工作经费', '绩效-Z专项检查工作经费(2)', '绩效-未命名项目']);
  });
});

describe('the exported forms, read by exceljs', () => {
  it('come after the tables and before the 审核报告, one sheet per form in book order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...TABLE_SHEETS, ...FORM_SHEETS, REPORT_SHEET]);
  });

  it.each([
    ['Z专项检查工作经费', '绩效-Z专项检查工作经费'],
    ['J水电物业经费', '绩效-J水电物业经费'],
  ])('print %s line for line as seed 000 prints it', (project, sheet) => {
    const seed = seedFormLines().get(project);
    expect(seed, `seed 000 has ${project}`).toBeDefined();
    expect(sheetLines(formSheet(sheet))).toEqual(seed);
  });

  it('merge the upper part as the printed form does', () => {
    const sheet = formSheet('绩效-J水电物业经费');
    expect(merges(sheet)).toEqual(
      expect.arrayContaining(['A1:H1', 'A2:H2', 'A3:B3', 'C3:H3', 'A4:B4', 'C4:D4', 'F4:H4', 'A6:B11', 'C6:D6', 'F6:G6', 'A12:B12', 'C12:H12']),
    );
    expect(sheet.getCell('A6').value).toBe('项目资金（元）');
    expect(sheet.getCell('E4').value).toBe('实施单位');
    expect(sheet.getCell('E5').value).toBe('项目期');
    expect(sheet.getCell('C4').value).toBe('038-大同市人民政府金融工作办公室[部门]');
  });

  it('write amounts as numbers with the decimals they were printed with, a blank source blank', () => {
    const sheet = formSheet('绩效-J水电物业经费');
    expect(sheet.getCell('E6')).toMatchObject({ value: 28569.78, numFmt: '#,##0.00' });
    expect(sheet.getCell('H6')).toMatchObject({ value: 28569.78, numFmt: '#,##0.00' });
    expect(sheet.getCell('E7')).toMatchObject({ value: 0, numFmt: '#,##0' });
    expect(sheet.getCell('H9').value).toBe(28569.78);
    expect(sheet.getCell('E11').value).toBeNull(); // 其他资金 printed blank
    expect(sheet.getCell('H11').value).toBeNull();
    expect(formSheet('绩效-Z专项检查工作经费').getCell('E6')).toMatchObject({ value: 50000, numFmt: '#,##0' });
  });

  it('merge each 二级 group over its rows and leave the rows that lost their 二级 blank and unmerged', () => {
    const sheet = formSheet('绩效-J水电物业经费');
    const header = rowOf(sheet, 'B', '一级指标');
    const quantity = rowOf(sheet, 'C', '数量指标', header);
    expect(quantity).toBe(header + 1);
    expect(mergeAt(sheet, `C${quantity}`)).toBe(`C${quantity}:C${quantity + 2}`);
    expect(mergeAt(sheet, `F${quantity}`)).toBe(`F${quantity}:F${quantity + 2}`);
    const water = rowOf(sheet, 'D', '单位用水成本', header);
    for (const row of [water, water + 1]) {
      for (const column of ['C', 'F']) {
        expect(sheet.getCell(`${column}${row}`).value, `${column}${row}`).toBeNull();
        expect(mergeAt(sheet, `${column}${row}`), `${column}${row}`).toBeUndefined();
      }
    }
    expect(sheet.getCell(`D${water + 1}`).value).toBe('单位用电成本');
    expect(sheet.getCell(`G${water}`).value).toBe('单位用水成本');
    // 产出指标 spans its eight rows, the blank-二级 rows included; 绩效指标 the header and every indicator row.
    expect(mergeAt(sheet, `B${quantity}`)).toBe(`B${quantity}:B${water + 1}`);
    const satisfaction = rowOf(sheet, 'B', '满意度指标', header);
    expect(mergeAt(sheet, `A${header}`)).toBe(`A${header}:A${satisfaction}`);
    // Empty framework groups are printed, as in the seed.
    const economic = rowOf(sheet, 'C', '经济效益指标', header);
    expect(sheet.getCell(`F${economic}`).value).toBe('经济效益指标');
    expect([sheet.getCell(`D${economic}`).value, sheet.getCell(`E${economic}`).value, sheet.getCell(`G${economic}`).value]).toEqual([null, null, null]);
  });

  it('give 年度 extra rows in a group where it has more indicators, under the 实施期 group merge', () => {
    const sheet = formSheet('绩效-Z政银企对接经费');
    const social = rowOf(sheet, 'C', '社会效益指标');
    expect(mergeAt(sheet, `C${social}`)).toBe(`C${social}:C${social + 1}`);
    expect(mergeAt(sheet, `F${social}`)).toBe(`F${social}:F${social + 1}`);
    expect(sheet.getCell(`G${social + 1}`).value).toBe('对接企业数量');
    expect(sheet.getCell(`D${social + 1}`).value).toBeNull();
    // A 满意度 indicator without a value: its 指标值 cell stays blank.
    const satisfaction = rowOf(sheet, 'D', '参会企业满意度');
    expect(sheet.getCell(`E${satisfaction}`).value).toBeNull();
    // The 负责人 line under the form, caption and value in cells of their own, all text.
    const foot = rowOf(sheet, 'A', '负责人：');
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getCell(foot, c).value)).toEqual(['负责人：', '张明', '经办人：', '李华', '联系电话：', '0352-1234567', '填报日期：', '20240130093000']);
    expect(sheet.getCell(foot, 1).border?.top).toBeUndefined();
  });

  it('set each form up for A4 portrait, one page wide and tall, with the tables margins and footer', () => {
    for (const name of FORM_SHEETS) {
      const sheet = formSheet(name);
      expect(sheet.pageSetup, name).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, horizontalCentered: true });
      expect(sheet.pageSetup.margins, name).toMatchObject({ left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 });
      expect(sheet.headerFooter.oddFooter, name).toBe('&C第 &P 页 共 &N 页');
      expect(sheet.getCell('A1').font, name).toMatchObject({ name: '宋体', size: 16, bold: true });
      expect(sheet.getCell('C3').font, name).toMatchObject({ name: '宋体', size: 11 });
      expect(sheet.getCell('C3').border?.left, name).toEqual({ style: 'thin' });
    }
  });

  it('merges a text too long for one Excel row over several rows, and lets such a form run on past one page', () => {
    const long = { ...utilitiesForm(), overview: '补充机关公用经费不足，保证机关正常运行，'.repeat(70) };
    const { workbook: built } = buildWorkbook({ ...datong, performanceForms: [long] }, 'never');
    const sheet = built.getWorksheet('绩效-J水电物业经费') as ExcelJS.Worksheet;
    expect(sheet.getCell('A12').value).toBe('项目概况');
    expect(merges(sheet)).toEqual(expect.arrayContaining(['A12:B13', 'C12:H13']));
    expect(sheet.getCell('A14').value).toBe('立项依据');
    expect((sheet.getRow(12).height ?? 0) + (sheet.getRow(13).height ?? 0)).toBeGreaterThan(409);
    for (let r = 1; r <= sheet.rowCount; r++) expect(sheet.getRow(r).height ?? 0, `row ${r}`).toBeLessThanOrEqual(409);
    expect(sheet.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
  });

  it('makes a row tall enough for its wrapped text', () => {
    const sheet = formSheet('绩效-Z专项检查工作经费');
    const basis = rowOf(sheet, 'A', '立项依据');
    const plan = rowOf(sheet, 'A', '项目实施计划');
    expect(sheet.getRow(basis).height).toBeGreaterThan(2 * (sheet.getRow(plan).height ?? 0));
  });
});

describe('the exported forms, read by openpyxl', () => {
  interface CellInfo {
    value: string | number | null;
    type: string;
    format: string;
  }
  interface SheetInfo {
    name: string;
    merged: string[];
    fitToWidth: number | null;
    fitToHeight: number | null;
    fitToPage: boolean | null;
    paperSize: number | null;
    orientation: string | null;
    cells: Record<string, CellInfo>;
  }

  it('sees the same sheets, merges, numbers, text and one-page setup, and no formula', () => {
    const run = spawnSync('/usr/bin/python3', [join(__dirname, 'helpers', 'inspect_xlsx.py'), datongOut], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`inspect_xlsx.py failed (install python3-openpyxl): ${run.stderr}`);
    const sheets = (JSON.parse(run.stdout) as { sheets: SheetInfo[] }).sheets;
    expect(sheets.map((s) => s.name)).toEqual([...TABLE_SHEETS, ...FORM_SHEETS, REPORT_SHEET]);
    for (const name of FORM_SHEETS) {
      const info = sheets.find((s) => s.name === name) as SheetInfo;
      expect(info, name).toMatchObject({ fitToWidth: 1, fitToHeight: 1, fitToPage: true, paperSize: 9, orientation: 'portrait' });
      expect(Object.entries(info.cells).filter(([, c]) => c.type === 'f'), name).toEqual([]);
      expect(info.merged, name).toEqual(expect.arrayContaining(['A1:H1', 'A6:B11', 'C3:H3']));
      expect(info.cells['A1']?.value).toBe(FORM_TITLE);
      expect(info.cells['A2']?.value).toBe('(2024年度)');
    }
    const utilities = sheets.find((s) => s.name === '绩效-J水电物业经费') as SheetInfo;
    expect(utilities.cells['E6']).toMatchObject({ value: 28569.78, type: 'n', format: '#,##0.00' });
    expect(utilities.cells['E7']).toMatchObject({ value: 0, type: 'n', format: '#,##0' });
    expect(utilities.cells['E11']?.value ?? null).toBeNull();
    const date = Object.values(utilities.cells).find((c) => c.value === '20240129120257');
    expect(date).toMatchObject({ type: 's' });
    // The blank-二级 rows: no merge covers their 二级 cells (openpyxl lists every range).
    const water = Object.entries(utilities.cells).find(([, c]) => c.value === '单位用水成本')?.[0] ?? '';
    const row = Number(/\d+/.exec(water)?.[0]);
    const covers = (range: string, column: string, r: number) => {
      const [, c1 = '', r1 = '0', c2 = '', r2 = '0'] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range) ?? [];
      return column >= c1 && column <= c2 && r >= Number(r1) && r <= Number(r2);
    };
    expect(utilities.merged.filter((range) => covers(range, 'C', row) || covers(range, 'F', row) || covers(range, 'C', row + 1))).toEqual([]);
  });
});

describe('the 部门（单位）整体绩效目标表 (河南)', () => {
  let sheet: ExcelJS.Worksheet;
  let names: string[];

  beforeAll(async () => {
    const henan = (await importWorkbooks([HENAN_XLSX])).book;
    henan.departmentPerformance = xinxiangDepartmentForm();
    henan.performanceForms = [specialInspectionForm()];
    const out = tmp.file('新乡-绩效.xlsx');
    await exportBook(henan, out, 'never');
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    names = read.worksheets.map((s) => s.name);
    sheet = read.getWorksheet('部门整体绩效目标') as ExcelJS.Worksheet;
  }, 120_000);

  it('is one sheet after the tables, before the project forms', () => {
    expect(names.slice(-2)).toEqual(['部门整体绩效目标', '绩效-Z专项检查工作经费']);
  });

  it('prints as seed 003: 部门名称, 年度履职目标, 年度主要任务, 预算情况 in 万元, then the indicators', () => {
    const lines = sheetLines(sheet);
    expect(lines.slice(0, 5)).toEqual([
      ['部门（单位）整体绩效目标表'],
      ['（2024年度）'],
      ['部门名称：新乡市金融工作局'],
      ['年度履职目标', xinxiangDepartmentForm().annualGoal],
      ['年度主要任务', '任务名称', '主要内容'],
    ]);
    expect(lines[5]).toEqual(['持续推进“登顶太行”计划', '引导企业根据实际情况对标不同层次资本市场，合理选择发行地点和板块，科学规划上市路径，力争全年新增上市企业取得新突破。']);
    expect(lines.slice(9, 15)).toEqual([
      ['预算情况', '部门预算总额（万元）', '504.11'],
      ['1、资金来源：（1）政府预算资金', '504.11'],
      ['（2）财政专户管理资金'],
      ['（3）单位资金'],
      ['2、资金结构：（1）基本支出', '467.11'],
      ['（2）项目支出', '37.00'],
    ]);
    expect(lines[15]).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '指标值说明']);
    expect(lines[16]?.slice(0, 4)).toEqual(['投入管理指标', '工作目标管理', '年度履职目标相关性', '相关']);
    expect(lines[17]?.slice(0, 2)).toEqual(['工作任务科学性', '科学']);
  });

  it('merges 一级 and 二级 over the rows they head, and writes 万元 with two decimals', () => {
    const first = rowOf(sheet, 'C', '年度履职目标相关性');
    expect(mergeAt(sheet, `A${first}`)).toBe(`A${first}:A${first + 4}`);
    expect(mergeAt(sheet, `B${first}`)).toBe(`B${first}:B${first + 1}`);
    expect(mergeAt(sheet, `B${first + 2}`)).toBe(`B${first + 2}:B${first + 4}`);
    const total = rowOf(sheet, 'B', '部门预算总额（万元）');
    expect(sheet.getCell(`D${total}`)).toMatchObject({ value: 504.11, numFmt: '#,##0.00' });
    expect(sheet.getCell(`D${total + 2}`).value).toBeNull();
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
  });
});

describe('findings on a form', () => {
  it('name the exported sheet and cell of the field in the 审核报告', async () => {
    const report = new ExcelJS.Workbook().addWorksheet(REPORT_SHEET);
    const finding: Finding = {
      key: 'perf.test',
      rule: 'perf.test',
      severity: 'error',
      message: '年度资金总额与项目支出预算表不符。',
      locations: [],
      form: { scope: 'project', formIndex: 1, name: 'J水电物业经费', field: 'funds.年度.total', label: '年度资金总额', sheet: '绩效-J水电物业经费', cell: 'H6' },
    };
    writeReport(report, [finding], '审核报告', { body: '宋体', title: '宋体' }, { tableNumbering: 'chinese' });
    expect(report.getCell('C3').value).toBe('绩效-J水电物业经费!H6 年度资金总额');
  });

  it('point at their form sheet and cell in an export of a book with a planted error', () => {
    const book = { ...datong, performanceForms: seedForms() };
    const utilities = book.performanceForms[1];
    if (!utilities) throw new Error('fixture');
    utilities.funds['年度'] = { ...utilities.funds['年度'], total: '27000.00', cityCounty: '27000.00' };
    const { result, workbook: built } = buildWorkbook(book, 'always');
    const onForm = result.findings.filter((f) => f.form?.scope === 'project' && f.form.formIndex === 1);
    expect(onForm.length, result.findings.map((f) => f.message).join('\n')).toBeGreaterThan(0);
    for (const finding of onForm) expect(finding.form, finding.message).toMatchObject({ sheet: '绩效-J水电物业经费' });
    const annual = onForm.find((f) => f.form?.field === 'funds.年度.total');
    expect(annual?.form?.cell).toBe('H6');
    const listed = built.getWorksheet(REPORT_SHEET);
    const places: string[] = [];
    listed?.eachRow((row) => places.push(String(row.getCell(3).value ?? '')));
    expect(places.some((p) => p.startsWith('绩效-J水电物业经费!H6'))).toBe(true);
  });
});

describe('dump', () => {
  it('leaves a book without forms as it was: no performance keys', async () => {
    const plain = (await importWorkbooks([DATONG_XLSX])).book;
    const dump = toDump(plain, []);
    expect(Object.keys(dump)).toEqual(['template', 'year', 'department', 'unit', 'units', 'tables', 'notices']);
    expect(performanceDumpLines(dump)).toEqual([]);
  });

  it('lists the forms normalised: without source, in a fixed key order, each 指标值 read', () => {
    const shuffled = seedForms().map((form) => {
      const { contacts, indicators, funds, ...rest } = form;
      // Keys in another order and a source: the dump must not show either.
      return { contacts, indicators, source: { file: 'x.xlsx', sheet: '绩效', cell: 'A1' }, ...rest, funds: { 年度: funds['年度'], 实施期: funds['实施期'] } };
    });
    const ordered = toDump({ ...datong, performanceForms: seedForms(), departmentPerformance: xinxiangDepartmentForm() }, []);
    const scrambled = toDump({ ...datong, performanceForms: shuffled, departmentPerformance: { ...xinxiangDepartmentForm(), source: { file: 'y.xlsx' } } }, []);
    expect(JSON.stringify(scrambled)).toBe(JSON.stringify(ordered));
    expect(JSON.stringify(ordered)).not.toContain('"source"');
    const form = ordered.performanceForms?.[1];
    expect(Object.keys(form ?? {})).toEqual(['title', 'year', 'projectName', 'department', 'implementingUnit', 'projectAttribute', 'projectTerm', 'funds', 'overview', 'basis', 'necessity', 'safeguards', 'plan', 'overallGoals', 'indicators', 'contacts']);
    expect(form?.funds['年度']).toEqual({ unit: '元', total: '28569.78', central: '0.00', provincial: '0.00', cityCounty: '28569.78', selfRaised: '0.00' });
    expect(form?.indicators[4]).toEqual({ period: '实施期', level1: '产出指标', level2: '数量指标', level3: '预计用电量', value: '≤2.46万度', parsed: { comparator: '≤', number: '2.46', unit: '万度' } });
    expect(ordered.departmentPerformance?.budget).toEqual({ unit: '万元', total: '504.11', governmentBudget: '504.11', basic: '467.11', project: '37.00' });
    expect(Object.keys(ordered).slice(-2)).toEqual(['performanceForms', 'departmentPerformance']);
    expect(performanceDumpLines(ordered)).toEqual([
      '部门整体绩效目标表：新乡市金融工作局　部门预算总额=504.11万元　指标 9 项',
      '',
      '项目支出绩效目标表（3 张）：',
      '  Z专项检查工作经费　实施单位：大同市人民政府金融工作办公室　项目期：99年　年度资金总额=50,000.00元　指标 12 项',
      '  J水电物业经费　实施单位：大同市人民政府金融工作办公室　项目期：99年　年度资金总额=28,569.78元　指标 20 项',
      '  Z政银企对接经费　实施单位：大同市人民政府金融工作办公室　项目期：1年　年度资金总额=60,000.00元　指标 11 项',
      '',
    ]);
  });
});
