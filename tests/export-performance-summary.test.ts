// Forms read from 河南's 部门预算项目绩效目标汇总表 (layout 'summary', seed 003) exported as that one table — the sheet
// 「项目绩效目标汇总表」 laid out like the seed (department, unit and project rows under the three-row header, a
// project's name and 万元 amounts merged down over its indicators) — and read back by the importer into the same forms
// with the same findings. The sheet's cells and merges are read with exceljs; LibreOffice prints it (and the .docx
// 附件) to PDF, rendered to PNG in test-results/export-performance-summary/ for a person to look at.
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../src/main/export/document/export-document';
import { buildWorkbook, exportBook } from '../src/main/export/export-book';
import { placedCell, writePerformanceSheets, type PlacedForm } from '../src/main/export/performance/write-forms';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { Dec, formatAmount } from '../src/shared/money';
import { withParsedValue, type PerformanceTargetForm } from '../src/shared/performance';
import { Validator, type Finding } from '../src/shared/validation';
import { HENAN_XLSX } from './helpers/henan-seed';
import { readPages, requirePrintTools, squash, wordsOutside, type Page, type Word } from './helpers/pdf-pages';
import { runTool as run } from './helpers/run-tool';
import { specialInspectionForm } from './helpers/seed-forms';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, tsvWorkbook } from './helpers/tsv-workbook';

const SHEET = '项目绩效目标汇总表';
const PAGES_DIR = resolve(__dirname, '..', 'test-results', 'export-performance-summary');

let tmp: TmpDir;
/** The Xinxiang tables with seed 003's 汇总表, as the clerk imports them. */
let seedBook: Book;

beforeAll(async () => {
  tmp = makeTmpDir('export-performance-summary-');
  const summary = await tsvWorkbook(performanceTsv('henan-2024-summary-clean.tsv'), tmp.file('summary-clean.xlsx'), { layout: 'stacked', sheetName: SHEET });
  seedBook = (await importWorkbooks([HENAN_XLSX, summary], { familyId: 'henan-2024' })).book;
});
afterAll(() => tmp?.remove());

const withoutSource = ({ source: _source, ...rest }: PerformanceTargetForm): Omit<PerformanceTargetForm, 'source'> => rest;
const perf = (book: Book) => new Validator(book).findings().filter((f) => f.rule.startsWith('perf.'));
const described = (findings: Finding[]) => findings.map((f) => [f.rule, f.severity, f.form?.formIndex, f.form?.field, f.message]);

async function roundTrip(book: Book, name: string): Promise<{ back: Book; file: string }> {
  const file = tmp.file(name);
  await exportBook(book, file, 'never');
  const { book: back } = await importWorkbooks([file], { familyId: 'henan-2024' });
  return { back, file };
}

/** A cell as Excel shows it (a merged cell's text in its first cell only): numbers in the export's 万元 format. */
function shown(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  if (typeof cell.value !== 'number') return cell.value === null ? '' : cell.text;
  expect(cell.numFmt).toBe('#,##0.00');
  return formatAmount(new Dec(String(cell.value)), { decimals: 2 });
}

async function readSheet(file: string, name = SHEET): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in ${file}: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

describe('seed 003 round trip', () => {
  it('reads back the same form, layout kept, with the same (no) findings', async () => {
    const before = seedBook.performanceForms ?? [];
    expect(before.map((f) => [f.projectName, f.layout])).toEqual([['金融及处非工作经费', 'summary']]);
    const { back } = await roundTrip(seedBook, 'seed.xlsx');
    expect(back.performanceForms?.map(withoutSource)).toEqual(before.map(withoutSource));
    expect(back.performanceForms?.[0]?.source).toEqual({ file: 'seed.xlsx', sheet: SHEET, cell: 'B8' });
    expect(described(perf(seedBook))).toEqual([]);
    expect(described(perf(back))).toEqual([]);
  });

  it('a 年度资金总额 that does not round to 表10 is found before and after, and the 审核报告 points at its 汇总表 cell', async () => {
    const book = structuredClone(seedBook);
    const form = book.performanceForms?.[0] as PerformanceTargetForm;
    // 37.1234 万元 prints as 37.12 but the cell holds it exactly: the form reads back to the 分.
    form.funds.年度 = { unit: '元', total: '371234.00', cityCounty: '371234.00' };
    const findings = perf(book);
    expect(described(findings)).toEqual([
      ['perf.project', 'error', 0, 'funds.年度.total', '项目“金融及处非工作经费”绩效目标表年度资金总额371234.00元，折合37.12万元，与项目支出预算表37.00万元不符（相差0.12万元）。'],
    ]);
    const { back, file } = await roundTrip(book, 'planted.xlsx');
    expect(back.performanceForms?.map(withoutSource)).toEqual(book.performanceForms?.map(withoutSource));
    expect(described(perf(back))).toEqual(described(findings));

    const sheet = await readSheet(file);
    expect([sheet.getCell('C8').value, sheet.getCell('C8').numFmt, shown(sheet.getCell('C8'))]).toEqual([37.1234, '#,##0.00', '37.12']);
    // The department and unit rows add up their projects, exactly.
    expect([sheet.getCell('C6').value, sheet.getCell('C7').value, sheet.getCell('D7').value]).toEqual([37.1234, 37.1234, 37.1234]);

    const { result, workbook } = buildWorkbook(book, 'auto');
    const placed = result.findings.filter((f) => f.rule.startsWith('perf.')).map((f) => [f.rule, f.form?.sheet, f.form?.cell]);
    expect(placed).toEqual([['perf.project', SHEET, 'C8']]);
    const report = workbook.getWorksheet('审核报告');
    const texts: string[] = [];
    report?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
    expect(texts.some((t) => t.includes(`${SHEET}!C8 年度资金总额`))).toBe(true);
  });
});

/** A form as the importer makes one from the 汇总表, for a project not in the seed. */
function summaryForm(projectName: string, implementingUnit: string, annual: PerformanceTargetForm['funds']['年度'], indicators: [string, string, string][]): PerformanceTargetForm {
  const seed = seedBook.performanceForms?.[0] as PerformanceTargetForm;
  return {
    ...structuredClone(seed),
    projectName,
    implementingUnit,
    funds: { 实施期: { unit: '元' }, 年度: annual },
    indicators: indicators.map(([level1, level3, value]) => withParsedValue({ period: '年度', level1, level2: '', level3, value })),
  };
}

describe('several units, and 汇总表 forms beside full forms', () => {
  const SERVICE = '新乡市金融服务中心';
  const UNLISTED = '新乡市地方金融研究会';
  let book: Book;
  let back: Book;
  let file: string;
  beforeAll(async () => {
    book = structuredClone(seedBook);
    // A second unit the tables list (with its 单位代码), and one they do not.
    const t02 = book.tables.find((t) => t.tableId === 't02');
    const unitRow = t02?.rows.find((r) => r.code === '154001');
    if (!t02 || !unitRow) throw new Error('no unit row 154001 in 预算02表');
    t02.rows.splice(t02.rows.indexOf(unitRow) + 1, 0, { key: 'unit:154002', side: 'main', level: 'unit', code: '154002', name: SERVICE, values: {} });
    const seed = book.performanceForms?.[0] as PerformanceTargetForm;
    book.performanceForms = [
      seed,
      specialInspectionForm(),
      summaryForm('金融研究课题经费', UNLISTED, { unit: '元', total: '50000.00', cityCounty: '50000.00' }, [['产出指标', '完成课题数', '≥2个']]),
      summaryForm('金融服务平台运维经费', SERVICE, { unit: '元', total: '123456.78', cityCounty: '100000.00', selfRaised: '23456.78' }, [
        ['满意度指标', '平台用户满意度', '≥90%'],
        ['成本指标', '运维费用', '≤12.35万元'],
        ['产出指标', '平台正常运行率', '≥99%'],
        ['产出指标', '服务企业数', '≥200家'],
        ['效益指标', '融资对接成功率', '逐年提高'],
      ]),
      summaryForm('金融风险监测经费', seed.implementingUnit, { unit: '元', total: '80000.00', cityCounty: '60000.00', other: '20000.00' }, []),
    ];
    ({ back, file } = await roundTrip(book, 'units.xlsx'));
  });

  const byName = (forms: PerformanceTargetForm[] | undefined) => [...(forms ?? [])].map(withoutSource).sort((a, b) => a.projectName.localeCompare(b.projectName));

  it('prints the department, then the projects of a unit the tables do not code, then each coded unit with its projects', async () => {
    const sheet = await readSheet(file);
    const head = (n: number) => [1, 2, 3, 4, 5, 6].map((c) => shown(sheet.getCell(n, c)));
    expect([6, 7, 8, 9, 19, 20].map(head)).toEqual([
      ['154', '新乡市金融工作局', '62.35', '58.00', '2.00', '2.35'],
      ['', '金融研究课题经费', '5.00', '5.00', '', ''],
      ['154001', '新乡市金融工作局', '45.00', '43.00', '2.00', ''],
      ['', '金融及处非工作经费', '37.00', '37.00', '', ''],
      ['', '金融风险监测经费', '8.00', '6.00', '2.00', ''],
      ['154002', SERVICE, '12.35', '10.00', '', '2.35'],
    ]);
    // Totals are exact sums; the project's own figure is exact too.
    expect([sheet.getCell('C6').value, sheet.getCell('C21').value, sheet.getCell('F21').value]).toEqual([62.345678, 12.345678, 2.345678]);
    expect(shown(sheet.getCell('B21'))).toBe('金融服务平台运维经费');
    // Its five indicators under their groups: one row each except 产出 (two).
    expect(['G21', 'H21', 'I21', 'I22', 'K21', 'M21', 'M22'].map((a) => shown(sheet.getCell(a)))).toEqual(['运维费用', '≤12.35万元', '平台正常运行率', '服务企业数', '融资对接成功率', '平台用户满意度', '']);
    expect(sheet.rowCount).toBe(22);
    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    expect(merges).toEqual(expect.arrayContaining(['B21:B22', 'C21:C22', 'F21:F22']));
    expect(merges.some((m) => m.startsWith('B7:') || m.startsWith('B19:'))).toBe(false);
  });

  it('reads back every form: the full one from its own sheet, without layout; the unit without a code loses its name', () => {
    // The table lists a project's indicators group by group (成本, 产出, 效益, 满意度), and so they come back.
    const GROUPS = ['成本指标', '产出指标', '效益指标', '满意度指标'];
    const inTableOrder = (form: Omit<PerformanceTargetForm, 'source'>) =>
      form.layout === 'summary' ? { ...form, indicators: [...form.indicators].sort((a, b) => GROUPS.indexOf(a.level1) - GROUPS.indexOf(b.level1)) } : form;
    const expected = byName(book.performanceForms)
      .map(inTableOrder)
      .map((form) => (form.implementingUnit === UNLISTED ? { ...form, implementingUnit: '' } : form));
    expect(byName(back.performanceForms)).toEqual(expected);
    expect(back.performanceForms?.map((f) => [f.projectName, f.layout ?? 'full', f.source?.sheet])).toEqual([
      ['金融研究课题经费', 'summary', SHEET],
      ['金融及处非工作经费', 'summary', SHEET],
      ['金融风险监测经费', 'summary', SHEET],
      ['金融服务平台运维经费', 'summary', SHEET],
      [specialInspectionForm().projectName, 'full', `绩效-${specialInspectionForm().projectName}`],
    ]);
  });

  it('places each form\'s fields at its row\'s cells, for the 审核报告', () => {
    const placed = writePerformanceSheets(new ExcelJS.Workbook(), book, { body: '宋体', title: '宋体' });
    const platform = placed.projects[3] as PlacedForm;
    expect(platform.sheet).toBe(SHEET);
    const fields = ['projectName', 'department', 'implementingUnit', 'funds.年度.total', 'funds.年度.cityCounty', 'funds.年度.provincial', 'funds.年度.other', 'funds.年度.selfRaised'];
    expect(fields.map((f) => placedCell(platform, f))).toEqual(['B21', 'B6', 'B20', 'C21', 'D21', 'D21', 'E21', 'F21']);
    // Indicators where they print (满意度 first in the form, 产出's second one on the row below); the tree as a whole at the first.
    const indicators = ['indicators.0.level3', 'indicators.0.value', 'indicators.1.level1', 'indicators.3.level3', 'indicators.4.value', 'indicators'];
    expect(indicators.map((f) => placedCell(platform, f))).toEqual(['M21', 'N21', 'G21', 'I22', 'L21', 'M21']);
    // What the table does not print points at the project's row.
    expect(['overview', 'funds.实施期.total', 'contacts.phone'].map((f) => placedCell(platform, f))).toEqual(['B21', 'B21', 'B21']);
    // A unit without a row: its projects' 实施单位 is their own row.
    expect(placedCell(placed.projects[2] as PlacedForm, 'implementingUnit')).toBe('B7');
    expect(placed.projects[1]?.sheet).toBe(`绩效-${specialInspectionForm().projectName}`);

    const { result } = buildWorkbook(book, 'auto');
    const unmatched = result.findings.find((f) => f.rule === 'perf.project' && f.form?.formIndex === 3);
    expect([unmatched?.form?.field, unmatched?.form?.sheet, unmatched?.form?.cell]).toEqual(['projectName', SHEET, 'B21']);
  });

  it('finds the same about each form before and after', () => {
    const keyed = (b: Book) =>
      perf(b)
        .map((f) => [f.rule, f.severity, f.form ? b.performanceForms?.[f.form.formIndex ?? -1]?.projectName : undefined, f.form?.field, f.message.replace(`（实施单位“${UNLISTED}”）`, '')])
        .map((row) => JSON.stringify(row))
        .sort();
    const before = keyed(book);
    expect(before.length).toBeGreaterThan(0);
    expect(keyed(back)).toEqual(before);
  });
});

describe('the 汇总表 sheet', () => {
  let sheet: ExcelJS.Worksheet;
  let sheets: string[];
  beforeAll(async () => {
    const file = tmp.file('sheet.xlsx');
    sheets = (await exportBook(seedBook, file, 'never')).sheets;
    sheet = await readSheet(file);
  });

  it('follows the tables, one sheet for the forms of the 汇总表', () => {
    expect(sheets.slice(-2)).toEqual(['预算10表', SHEET]);
  });

  it('prints title, 部门名称 and the three-row header as the seed does', () => {
    const text = (address: string) => sheet.getCell(address).text;
    expect(text('A1')).toBe('2024年部门预算项目绩效目标汇总表');
    expect(text('A2')).toBe('部门名称：新乡市金融工作局');
    expect(['A3', 'B3', 'C3', 'G3'].map(text)).toEqual(['单位编码（项目编码）', '项目单位（项目名称）', '项目金额（万元）', '绩效目标']);
    expect(['C4', 'D4', 'E4', 'F4', 'G4', 'I4', 'K4', 'M4'].map(text)).toEqual(['资金总额', '政府预算资金', '财政专户管理资金', '单位资金', '成本指标', '产出指标', '效益指标', '满意度指标']);
    expect(['G5', 'H5', 'I5', 'J5', 'K5', 'L5', 'M5', 'N5'].map(text)).toEqual(['三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值']);
    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    expect(merges).toEqual(expect.arrayContaining(['A1:N1', 'A2:N2', 'A3:A5', 'B3:B5', 'C3:F3', 'G3:N3', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:H4', 'I4:J4', 'K4:L4', 'M4:N4']));
  });

  it('prints the department, unit and project rows, the project merged down over its ten indicator rows', () => {
    const row = (n: number) => Array.from({ length: 14 }, (_, i) => shown(sheet.getCell(n, i + 1)));
    expect(row(6)).toEqual(['154', '新乡市金融工作局', '37.00', '37.00', '', '', '', '', '', '', '', '', '', '']);
    expect(row(7)).toEqual(['154001', '新乡市金融工作局', '37.00', '37.00', '', '', '', '', '', '', '', '', '', '']);
    expect(row(8)).toEqual(['', '金融及处非工作经费', '37.00', '37.00', '', '', '2024年总支出', '≤37万元', '2024年组织大型政企对接会', '≥1场', '缓解企业融资难题', '全力满足企业融资需求', '群众满意度', '≥90%']);
    expect(row(17).slice(6)).toEqual(['', '', '2024年非法集资案件结案销号规模', '≥10起', '', '', '', '']);
    expect(sheet.getCell('C8').value).toBe(37);
    expect(sheet.getCell('E8').value).toBeNull();
    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    expect(merges).toEqual(expect.arrayContaining(['A8:A17', 'B8:B17', 'C8:C17', 'D8:D17', 'E8:E17', 'F8:F17']));
    expect(merges.filter((m) => /^[G-N]\d/.test(m) && !/^[G-N][345]:/.test(m))).toEqual([]);
    expect(sheet.rowCount).toBe(17);
    // Ruled from the header down, the title and 部门名称 lines not.
    expect(sheet.getCell('N17').border?.bottom?.style).toBe('thin');
    expect(sheet.getCell('A2').border?.top).toBeUndefined();
  });

  it('prints on A4 landscape, one page wide, the header repeated on every page', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '3:5' });
  });
});

/** What the seed's 汇总表 page must show: captions, the rows' codes, names and amounts, every indicator and value. */
function seedTexts(): string[] {
  const form = seedBook.performanceForms?.[0] as PerformanceTargetForm;
  return [
    '2024年部门预算项目绩效目标汇总表',
    '部门名称：新乡市金融工作局',
    '单位编码（项目编码）',
    '项目单位（项目名称）',
    '项目金额（万元）',
    '财政专户管理资金',
    '满意度指标',
    '154001',
    '金融及处非工作经费',
    '37.00',
    ...form.indicators.flatMap((i) => [i.level3, i.value]),
  ];
}

/** Converts files to PDF with a private LibreOffice profile; the pages of each, by file stem, rendered to PNG from `firstPage` (0-based) on. */
function printAll(files: string[], firstPage: (pages: Page[]) => number): Map<string, Page[]> {
  const outDir = tmp.file('pdf');
  mkdirSync(outDir, { recursive: true });
  run('soffice', [`-env:UserInstallation=${pathToFileURL(tmp.file('lo-profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], 240_000);
  mkdirSync(PAGES_DIR, { recursive: true });
  const printed = new Map<string, Page[]>();
  for (const file of files) {
    const stem = /([^/\\]+)\.(?:xlsx|docx)$/.exec(file)?.[1] ?? '';
    const pdf = join(outDir, `${stem}.pdf`);
    if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${file}`);
    const pages = readPages(pdf);
    printed.set(stem, pages);
    copyFileSync(pdf, join(PAGES_DIR, `${stem}.pdf`));
    const first = firstPage(pages);
    if (first >= 0) run('pdftoppm', ['-r', '80', '-png', '-f', String(first + 1), '-l', String(pages.length), pdf, join(PAGES_DIR, stem)]);
  }
  return printed;
}

/**
 * Whether a cell's text is on the page, read word by word as a person reads the cell: the next piece either right
 * after the last on its line (Writer sets 「2024 年」 apart) or on the line below it, starting at the same left edge or
 * centred on the same middle (a centred caption wraps). Every continuation that keeps the text is tried, so a word of
 * the next cell on the same line (narrow 汇总表 columns leave little room between) does not end the search.
 */
function readsOn(page: Page, text: string): boolean {
  const want = squash(text);
  const words = page.words.map((w) => ({ ...w, text: squash(w.text) }));
  const centre = (w: { xMin: number; xMax: number }) => (w.xMin + w.xMax) / 2;
  const follow = (read: string, first: Word, last: Word): boolean => {
    if (read === want) return true;
    return words.some((next) => {
      if (!next.text || !want.startsWith(read + next.text)) return false;
      const besides = Math.abs(next.yMin - last.yMin) < 2 && next.xMin >= last.xMax - 1 && next.xMin - last.xMax < 4;
      const below = next.yMin > last.yMin + 2 && next.yMin - last.yMax < 6 && (Math.abs(next.xMin - first.xMin) < 3 || Math.abs(centre(next) - centre(first)) < 3);
      return (besides || below) && follow(read + next.text, first, next);
    });
  };
  return words.some((w) => w.text && want.startsWith(w.text) && (want.includes(w.text) ? follow(w.text, w, w) : false));
}

const summaryPage = (pages: readonly Page[]) => pages.findIndex((p) => squash(p.text).includes('部门预算项目绩效目标汇总表'));

describe('printed by LibreOffice', () => {
  let sheets: Map<string, Page[]>;
  let document: Map<string, Page[]>;
  beforeAll(async () => {
    requirePrintTools('export-performance-summary', 'calc');
    requirePrintTools('export-performance-summary', 'writer');
    rmSync(PAGES_DIR, { recursive: true, force: true });
    await exportBook(seedBook, tmp.file('seed-summary.xlsx'), 'never');
    // Twelve projects of the seed's size: more than a page.
    const long = structuredClone(seedBook);
    const seed = long.performanceForms?.[0] as PerformanceTargetForm;
    long.performanceForms = Array.from({ length: 12 }, (_, i) => ({ ...structuredClone(seed), projectName: `${seed.projectName}（第${i + 1}项）` }));
    await exportBook(long, tmp.file('long-summary.xlsx'), 'never');
    // units.xlsx is the workbook the 'several units' tests above exported: printed for a person to look at.
    sheets = printAll([tmp.file('seed-summary.xlsx'), tmp.file('units.xlsx'), tmp.file('long-summary.xlsx')], summaryPage);
    await exportDocument(seedBook, tmp.file('seed-document.docx'));
    document = printAll([tmp.file('seed-document.docx')], (pages) => pages.findIndex((p) => squash(p.text).startsWith('附件：项目绩效目标汇总表')));
  }, 300_000);

  it('prints the sheet on one A4 landscape page after the tables, everything on it', () => {
    const pages = sheets.get('seed-summary') as Page[];
    const at = summaryPage(pages);
    expect(at).toBe(pages.length - 1);
    const page = pages[at] as Page;
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
    expect(seedTexts().filter((t) => !readsOn(page, t))).toEqual([]);
    expect(wordsOutside(page)).toEqual([]);
    // The project's name sits level with its first indicator; the codes and names read left to right.
    const word = (text: string) => page.words.find((w) => w.text.includes(text));
    const name = word('金融及处非工作经费');
    const cost = word('2024年总支出');
    expect(name && cost && name.xMax < cost.xMin).toBe(true);
    expect(squash(page.text)).toContain(squash(`第${page.number}页共${pages.length}页`));
  });

  it('runs a long 汇总表 on over landscape pages one page wide, the header on every page, no project lost', () => {
    const pages = sheets.get('long-summary') as Page[];
    const table = pages.slice(summaryPage(pages));
    expect(table.length).toBeGreaterThan(2);
    expect(table.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual(table.map(() => [842, 595]));
    expect(table.filter((page) => !readsOn(page, '项目金额（万元）') || !readsOn(page, '满意度指标')).map((p) => p.number)).toEqual([]);
    const names = Array.from({ length: 12 }, (_, i) => `金融及处非工作经费（第${i + 1}项）`);
    expect(names.filter((name) => !table.some((page) => readsOn(page, name)))).toEqual([]);
    expect(table.flatMap((page) => wordsOutside(page))).toEqual([]);
    // No project is split over two pages: a page shows the name of every project whose last indicator it shows.
    const split = table.filter((page) => names.filter((name) => readsOn(page, name)).length !== page.words.filter((w) => w.text === '≥10起').length);
    expect(split.map((p) => p.number)).toEqual([]);
    // One page wide: every page prints the 满意度 column at the same place (nothing pushed onto a page to the right).
    const right = table.map((page) => Math.round(page.words.find((w) => w.text.includes('满意度指标'))?.xMax ?? 0));
    expect(new Set(right).size).toBe(1);
  });

  it('prints the .docx 附件 as the same table on an A4 landscape page', () => {
    const pages = document.get('seed-document') as Page[];
    const at = pages.findIndex((p) => squash(p.text).startsWith('附件：项目绩效目标汇总表'));
    expect(at).toBeGreaterThan(0);
    // The table runs on to a second page (as the seed's does), its header printed again at the top.
    const table = pages.slice(at);
    expect(table.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual(table.map(() => [842, 595]));
    expect(seedTexts().filter((t) => !table.some((page) => readsOn(page, t)))).toEqual([]);
    expect(table.flatMap((page) => wordsOutside(page))).toEqual([]);
    expect(table.slice(1).every((page) => readsOn(page, '项目金额（万元）') && readsOn(page, '满意度指标'))).toBe(true);
    // No 项目支出绩效目标表 附件: the book has no full forms.
    expect(pages.some((p) => squash(p.text).includes('附件：项目支出绩效目标表'))).toBe(false);
  });
});
