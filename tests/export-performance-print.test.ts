// The exported 绩效目标表 printed as a clerk would print them: LibreOffice converts the workbook to PDF, poppler reads
// the pages back. Each form must come out on one A4 portrait page, right after the tables, with every caption, every
// indicator and every amount as the workbook formats it, and nothing outside the page. The form pages are rendered to
// PNG in test-results/export-performance/ for a person to look at. Tools are Debian packages; a missing one fails with
// its name (as in tests/export-print.test.ts).
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import { HENAN_XLSX } from './helpers/henan-seed';
import { formPage, printedOn, readPages, requirePrintTools, squash, wordsOutside, type Page } from './helpers/pdf-pages';
import { runTool as run } from './helpers/run-tool';
import { DATONG_XLSX } from './helpers/seed';
import { formTexts, seedForms, specialInspectionForm, xinxiangDepartmentForm } from './helpers/seed-forms';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const PAGES_DIR = resolve(__dirname, '..', 'test-results', 'export-performance');

/** Converts workbooks to PDF with a private LibreOffice profile; returns the pages of each, by file stem. */
function printAll(tmp: TmpDir, files: string[]): Map<string, { pdf: string; pages: Page[] }> {
  const outDir = tmp.file('pdf');
  mkdirSync(outDir, { recursive: true });
  run('soffice', [`-env:UserInstallation=${pathToFileURL(tmp.file('lo-profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], 240_000);
  const printed = new Map<string, { pdf: string; pages: Page[] }>();
  for (const file of files) {
    const stem = /([^/\\]+)\.xlsx$/.exec(file)?.[1] ?? '';
    const pdf = join(outDir, `${stem}.pdf`);
    if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${file}`);
    printed.set(stem, { pdf, pages: readPages(pdf) });
  }
  return printed;
}

let tmp: TmpDir;
let datong: { pdf: string; pages: Page[] };
let henan: { pdf: string; pages: Page[] };
let datongSheets: string[] = [];
const forms = seedForms();

beforeAll(async () => {
  requirePrintTools('export-performance-print', 'calc');
  tmp = makeTmpDir('export-performance-print-');
  const datongBook = (await importWorkbooks([DATONG_XLSX])).book;
  datongBook.performanceForms = forms;
  datongSheets = (await exportBook(datongBook, tmp.file('datong-forms.xlsx'), 'never')).sheets;
  const henanBook = (await importWorkbooks([HENAN_XLSX])).book;
  henanBook.departmentPerformance = xinxiangDepartmentForm();
  henanBook.performanceForms = [specialInspectionForm()];
  await exportBook(henanBook, tmp.file('henan-forms.xlsx'), 'never');
  const printed = printAll(tmp, [tmp.file('datong-forms.xlsx'), tmp.file('henan-forms.xlsx')]);
  datong = printed.get('datong-forms') as { pdf: string; pages: Page[] };
  henan = printed.get('henan-forms') as { pdf: string; pages: Page[] };

  rmSync(PAGES_DIR, { recursive: true, force: true });
  mkdirSync(PAGES_DIR, { recursive: true });
  for (const [name, { pdf, pages }] of [['datong', datong], ['henan', henan]] as const) {
    copyFileSync(pdf, join(PAGES_DIR, `${name}.pdf`));
    // The form pages only: the tables are looked at in test-results/export-pages/.
    const first = pages.findIndex((p) => /绩效目标表/.test(squash(p.text)));
    if (first >= 0) run('pdftoppm', ['-r', '70', '-png', '-f', String(first + 1), '-l', String(pages.length), pdf, join(PAGES_DIR, name)]);
  }
}, 300_000);

afterAll(() => tmp?.remove());

describe('the project forms printed by LibreOffice', () => {
  it('print one form a page, right after the tables, in book order', () => {
    const starts = forms.map((form) => formPage(datong.pages, form.projectName));
    expect(starts.every((p) => p > 0), String(starts)).toBe(true);
    expect(starts).toEqual(starts.map((_, i) => (starts[0] ?? 0) + i));
    // The last form's page is the last page: no form runs onto a second one.
    expect((starts[starts.length - 1] ?? 0) + 1).toBe(datong.pages.length);
    expect(datongSheets.slice(-3)).toEqual(forms.map((f) => `绩效-${f.projectName}`));
    const before = datong.pages[(starts[0] ?? 0) - 1];
    expect(squash(before?.text ?? '')).toContain('项目支出预算表（上年结转）');
  });

  it('print each form on A4 portrait with everything on the page', () => {
    forms.forEach((form) => {
      const page = datong.pages[formPage(datong.pages, form.projectName)] as Page;
      expect([Math.round(page.width), Math.round(page.height)], form.projectName).toEqual([595, 842]);
      const missing = formTexts(form).filter((t) => !printedOn(page, t));
      expect(missing, form.projectName).toEqual([]);
      expect(squash(page.text)).toContain(squash(`第${page.number}页共${datong.pages.length}页`));
      expect(wordsOutside(page), form.projectName).toEqual([]);
    });
  });

  it('print 实施期 on the left and 年度 on the right, on the same line', () => {
    const page = datong.pages[formPage(datong.pages, forms[1]?.projectName ?? '')] as Page;
    const line = (word: string) => page.words.find((w) => w.text.includes(word));
    const left = line('实施期资金总额');
    const right = line('年度资金总额');
    expect(left && right && left.xMax < right.xMin && Math.abs(left.yMin - right.yMin) < 2).toBe(true);
    const water = page.words.filter((w) => w.text === '单位用水成本');
    expect(water.length).toBe(2);
    expect(Math.abs((water[0]?.yMin ?? 0) - (water[1]?.yMin ?? 99))).toBeLessThan(2);
  });
});

describe('the 部门整体绩效目标表 printed by LibreOffice', () => {
  it('prints on one A4 portrait page before the project form, its budget in 万元', () => {
    const department = henan.pages.findIndex((p) => squash(p.text).includes('部门（单位）整体绩效目标表'));
    expect(department).toBeGreaterThan(0);
    expect(formPage(henan.pages, specialInspectionForm().projectName)).toBe(department + 1);
    const page = henan.pages[department] as Page;
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    const missing = ['部门名称：新乡市金融工作局', '年度履职目标', '全方位开展多层次银企对接', '部门预算总额（万元）', '504.11', '467.11', '37.00', '指标值说明', '群众满意度'].filter((t) => !printedOn(page, t));
    expect(missing).toEqual([]);
  });
});
