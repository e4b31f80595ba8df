// The 绩效目标表 in the disclosure document (.docx): after every part, 「附件：项目支出绩效目标表」 with each form as a
// Word table on a page of its own (河南: 「附件：部门（单位）整体绩效目标表」 first), listed in the 目录 by project name.
// LibreOffice Writer prints the document, poppler reads it back: the 目录's page numbers lead to the forms, every
// caption, indicator and amount is printed, nothing lies outside the page. A book without forms gets no 附件. The form
// pages are rendered to PNG in test-results/export-performance-document/.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentBytes, exportDocument } from '../src/main/export/document/export-document';
import { planBookForms } from '../src/main/export/performance/write-forms';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import type { PerformanceTargetForm } from '../src/shared/performance';
import { HENAN_XLSX } from './helpers/henan-seed';
import { formPage, printedOn, readPages, requirePrintTools, squash, wordsOutside, type Page } from './helpers/pdf-pages';
import { runTool as run } from './helpers/run-tool';
import { DATONG_XLSX } from './helpers/seed';
import { formTexts, seedForms, specialInspectionForm, utilitiesForm, xinxiangDepartmentForm } from './helpers/seed-forms';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const PAGES_DIR = resolve(__dirname, '..', 'test-results', 'export-performance-document');

function docxPart(docx: string, part: string): string {
  return run('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8"))', docx, part]);
}

/** "- 7 -" at the foot of a page, or undefined. */
function footerNumber(page: Page): number | undefined {
  const lines = page.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const match = /^-\s*(\d+)\s*-$/.exec(lines[lines.length - 1] ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The page number the 目录 gives for an entry (its line ends in the number). */
function contentsNumber(pages: readonly Page[], entry: string): number | undefined {
  const contents = pages.slice(1, pages.findIndex((p) => footerNumber(p) !== undefined)).map((p) => p.text).join('\n');
  const line = contents.split('\n').find((l) => squash(l).startsWith(squash(entry)));
  const match = /(\d+)\s*$/.exec(line ?? '');
  return match ? Number(match[1]) : undefined;
}

/** A form whose 项目概况 is longer than one Excel row can hold: the workbook merges it over two rows. */
function longForm(): PerformanceTargetForm {
  return { ...utilitiesForm(), overview: Array.from({ length: 120 }, (_, i) => `第${i + 1}项工作按计划推进`).join('；') + '。' };
}

let tmp: TmpDir;
const printed: Record<'datong' | 'henan', { book: Book; docx: string; pdf: string; pages: Page[] }> = {} as never;

beforeAll(async () => {
  requirePrintTools('export-performance-document', 'writer');
  tmp = makeTmpDir('export-performance-document-');
  const datong = (await importWorkbooks([DATONG_XLSX])).book;
  datong.performanceForms = seedForms();
  const henan = (await importWorkbooks([HENAN_XLSX])).book;
  henan.departmentPerformance = xinxiangDepartmentForm();
  henan.performanceForms = [specialInspectionForm(), longForm()];
  const books = { datong, henan };
  for (const [name, book] of Object.entries(books)) await exportDocument(book, tmp.file(`${name}.docx`));
  const outDir = tmp.file('pdf');
  mkdirSync(outDir);
  run('soffice', [`-env:UserInstallation=${pathToFileURL(tmp.file('lo-profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, tmp.file('datong.docx'), tmp.file('henan.docx')], 240_000);
  rmSync(PAGES_DIR, { recursive: true, force: true });
  mkdirSync(PAGES_DIR, { recursive: true });
  for (const [name, book] of Object.entries(books) as ['datong' | 'henan', Book][]) {
    const pdf = join(outDir, `${name}.pdf`);
    if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${name}.docx`);
    const pages = readPages(pdf);
    printed[name] = { book, docx: tmp.file(`${name}.docx`), pdf, pages };
    copyFileSync(pdf, join(PAGES_DIR, `${name}.pdf`));
    const first = pages.findIndex((p) => squash(p.text).startsWith('附件：') && /绩效目标表/.test(p.text));
    if (first >= 0) run('pdftoppm', ['-r', '60', '-png', '-f', String(first + 1), '-l', String(pages.length), pdf, join(PAGES_DIR, name)]);
  }
}, 300_000);

afterAll(() => tmp?.remove());

describe('the project forms as 附件 of the disclosure document', () => {
  it('follow every part under 「附件：项目支出绩效目标表」, one form a page, in book order', () => {
    const { pages, book } = printed.datong;
    const appendix = pages.findIndex((p) => squash(p.text).startsWith('附件：项目支出绩效目标表'));
    expect(appendix).toBeGreaterThan(0);
    // The last part (名词解释) comes before it.
    expect(pages.slice(0, appendix).some((p) => squash(p.text).startsWith('第四部分名词解释'))).toBe(true);
    const starts = (book.performanceForms ?? []).map((f) => formPage(pages, f.projectName));
    expect(starts).toEqual([appendix, appendix + 1, appendix + 2]);
    expect(pages.length).toBe(appendix + 3);
  });

  it('list the 附件 and every project in the 目录, each with the page its form is on', () => {
    const { pages, book } = printed.datong;
    const byNumber = new Map(pages.map((page, i) => [footerNumber(page), i]));
    const appendix = contentsNumber(pages, '附件：项目支出绩效目标表');
    expect(squash(pages[byNumber.get(appendix) ?? -1]?.text ?? '')).toContain('附件：项目支出绩效目标表');
    for (const form of book.performanceForms ?? []) {
      const number = contentsNumber(pages, form.projectName);
      expect(number, form.projectName).toBeDefined();
      expect(byNumber.get(number), form.projectName).toBe(formPage(pages, form.projectName));
    }
  });

  it('print every caption, indicator and amount of each form, the title and year above it, nothing outside the page', () => {
    const { pages, book } = printed.datong;
    for (const form of book.performanceForms ?? []) {
      const page = pages[formPage(pages, form.projectName)] as Page;
      expect([Math.round(page.width), Math.round(page.height)], form.projectName).toEqual([595, 842]);
      expect(formTexts(form).filter((t) => !printedOn(page, t)), form.projectName).toEqual([]);
      expect(squash(page.text)).toContain(squash(`${form.title}(2024年度)`));
      expect(squash(page.text)).toContain(squash(`填报日期：${form.contacts.filledOn ?? ''}`));
      expect(wordsOutside(page), form.projectName).toEqual([]);
    }
  });

  it('set the forms as Word tables with the grid merges: 项目资金 over six rows, each 二级 group over its rows', () => {
    const xml = docxPart(printed.datong.docx, 'word/document.xml');
    const restarts = (xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    // 三 forms: 项目资金 and 绩效指标 each, plus 一级 blocks and 二级 groups of several rows (J水电物业经费: 数量指标 twice).
    expect(restarts).toBeGreaterThanOrEqual(3 * 2 + 3 * 3 + 2);
    expect(xml).toContain('附件：项目支出绩效目标表');
  });
});

describe('河南: the 部门整体绩效目标表 first', () => {
  it('prints 「附件：部门（单位）整体绩效目标表」 before 「附件：项目支出绩效目标表」, each form on its page', () => {
    const { pages } = printed.henan;
    const department = pages.findIndex((p) => squash(p.text).startsWith('附件：部门（单位）整体绩效目标表'));
    const project = pages.findIndex((p) => squash(p.text).startsWith('附件：项目支出绩效目标表'));
    expect(department).toBeGreaterThan(0);
    expect(project).toBeGreaterThan(department);
    const missing = ['部门名称：新乡市金融工作局', '年度履职目标', '年度主要任务', '全方位开展多层次银企对接', '部门预算总额（万元）', '504.11', '467.11', '37.00', '指标值说明', '群众满意度'].filter(
      (t) => !pages.slice(department, project).some((page) => printedOn(page, t)),
    );
    expect(missing).toEqual([]);
    expect(formPage(pages, '新乡市金融工作局')).toBe(-1);
    expect(formPage(pages, specialInspectionForm().projectName)).toBe(project);
    for (const page of pages.slice(department)) expect(wordsOutside(page)).toEqual([]);
  });
});

describe('a long text', () => {
  it('is printed whole, in one cell', () => {
    const { pages, pdf } = printed.henan;
    const start = formPage(pages, longForm().projectName);
    expect(start).toBeGreaterThan(formPage(pages, specialInspectionForm().projectName));
    const text = squash(run('pdftotext', ['-f', String(start + 1), '-l', String(pages.length), pdf, '-']));
    expect(text).toContain(squash(longForm().overview));
  });

  it('stays in one table row that may break across pages (the workbook needs two rows for it, Word does not)', () => {
    const xml = docxPart(printed.henan.docx, 'word/document.xml');
    const table = xml.split('<w:tbl>').find((part) => part.includes('第1项工作按计划推进')) ?? '';
    const rows = table.split('<w:tr>').slice(1);
    const grid = planBookForms(printed.henan.book).projects[1];
    if (!grid) throw new Error('no grid for the long form');
    const starting = new Set(grid.cells.filter((c) => c.row >= grid.ruled.top && c.row <= grid.ruled.bottom).map((c) => c.row));
    expect(grid.cells.some((c) => c.field === 'overview' && c.rowSpan > 1)).toBe(true);
    expect(rows.length).toBe(starting.size);
    expect(rows.length).toBeLessThan(grid.ruled.bottom - grid.ruled.top + 1);
    const overview = rows.find((row) => row.includes('第1项工作按计划推进')) ?? '';
    expect(overview).not.toContain('<w:cantSplit/>');
    expect(overview).not.toContain('w:vMerge');
    expect(rows.find((row) => row.includes('项目名称'))).toContain('<w:cantSplit/>');
  });
});

describe('a book without forms', () => {
  it('gets no 附件 of forms', async () => {
    const plain = (await importWorkbooks([DATONG_XLSX])).book;
    const { data } = await documentBytes(plain);
    const out = tmp.file('plain.docx');
    writeFileSync(out, data);
    expect(docxPart(out, 'word/document.xml')).not.toContain('绩效目标表');
  });
});
