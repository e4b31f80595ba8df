// The whole disclosure document (.docx) read the way a reader meets it: LibreOffice Writer prints it to PDF, poppler
// reads the pages back. The Datong book (山西, with a 情况说明 given on the book) and a real 上海 book must show the
// cover, a 目录 whose page numbers lead to the headings, every table title and every figure exactly as the Excel
// export formats it, the narrative in order, and nothing outside the page. The pages are rendered to PNG in
// test-results/document/ for a person to look at. Tools are Debian packages; a missing one fails with its name
// (the tool checks follow tests/export-print.test.ts).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { printedText } from '../src/main/export/document/column-fit';
import { exportDocument, type DocumentExportResult } from '../src/main/export/document/export-document';
import { importWorkbooks } from '../src/main/import/import-book';
import { openStore } from '../src/main/store';
import type { ApiResult } from '../src/shared/api/contract';
import type { Book } from '../src/shared/book';
import { planTable, type TablePlan } from '../src/shared/export/layout';
import { documentOutline } from '../src/shared/template/document-outline';
import { narrativeLevel, planDocument } from '../src/shared/template/document-plan';
import { findFamily } from '../src/shared/template/registry';
import { cli } from './helpers/cli';
import { DATONG_XLSX, FIXTURES } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { runTool } from './helpers/run-tool';
import { onPath, readPages, squash, type Page } from './helpers/pdf-pages';

const PAGES_DIR = resolve(__dirname, '..', 'test-results', 'document');
const SHANGHAI_REAL = join(FIXTURES, 'real', 'shanghai-putuo-sfj-2026.xlsx');
const A4 = [595, 842];

/** A 情况说明 as a clerk writes it: its own part title first, headings of three levels, figures in sentences. */
const NARRATIVE = [
  '第三部分 2024年度部门预算情况说明',
  '一、部门预算收支数据变动情况及原因',
  '2024年收入预算472.39万元，支出预算472.39万元，与上年相比减少12.30万元，主要原因是人员变动。',
  '二、收入预算情况说明',
  '（一）一般公共预算拨款收入',
  '一般公共预算拨款收入472.39万元，占收入总额的100%。',
  '三、支出预算情况说明',
  '基本支出431.39万元，项目支出41.00万元。',
];

/** Fails (never skips) with the Debian package that provides what is missing. */
function requireTools(): void {
  const missing: string[] = [];
  if (!onPath('soffice')) missing.push('`soffice` (Debian package libreoffice-writer-nogui)');
  // Calc alone cannot open a .docx: Writer's filter library must be there.
  else if (!existsSync('/usr/lib/libreoffice/program/libswlo.so') && process.platform === 'linux') missing.push('LibreOffice Writer (Debian package libreoffice-writer-nogui)');
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) if (!onPath(tool)) missing.push(`\`${tool}\` (Debian package poppler-utils)`);
  if (!onPath('python3')) missing.push('`python3` (Debian package python3)');
  if (missing.length > 0) throw new Error(`export-document needs ${missing.join(', ')}. Install with: apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils`);
}

const run = runTool;

interface Printed {
  name: string;
  book: Book;
  docx: string;
  result: DocumentExportResult;
  tables: TablePlan[];
  pages: Page[];
}

/** The tables as the Excel export plans them (write-table.ts), independently of the document code. */
function workbookPlans(book: Book): TablePlan[] {
  const family = findFamily(book.familyId);
  if (!family) throw new Error(`family ${book.familyId}`);
  return family.tables.map((def) => planTable(book, def, book.tables.find((t) => t.tableId === def.id), family, 'print'));
}

/** "- 7 -" at the foot of a page, or undefined (cover, 目录). */
function footerNumber(page: Page): number | undefined {
  const lines = page.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = lines[lines.length - 1] ?? '';
  const match = /^-\s*(\d+)\s*-$/.exec(last);
  return match ? Number(match[1]) : undefined;
}

/** The 目录: the unnumbered pages after the cover. */
function contentsPages(pages: readonly Page[]): Page[] {
  const first = pages.findIndex((page) => footerNumber(page) !== undefined);
  return pages.slice(1, first);
}

/** Figures in reading order: "1,234.56", "0.83", "0". */
const figuresIn = (text: string): string[] => text.match(/-?\d[\d,]*(?:\.\d+)?/g) ?? [];

function countOf(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function docxPart(docx: string, part: string): string {
  return run('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8"))', docx, part]);
}

let tmp: TmpDir;
const printed: Record<'datong' | 'shanghai', Printed> = {} as Record<'datong' | 'shanghai', Printed>;

beforeAll(async () => {
  requireTools();
  tmp = makeTmpDir('export-document-');
  const datong = (await importWorkbooks([DATONG_XLSX])).book;
  datong.narrative = { paragraphs: NARRATIVE };
  const shanghai = (await importWorkbooks([SHANGHAI_REAL])).book;
  const outDir = tmp.file('pdf');
  mkdirSync(outDir);
  const docs: [keyof typeof printed, Book][] = [
    ['datong', datong],
    ['shanghai', shanghai],
  ];
  const written = await Promise.all(docs.map(async ([name, book]) => ({ name, book, docx: tmp.file(`${name}.docx`), result: await exportDocument(book, tmp.file(`${name}.docx`)) })));
  // A private LibreOffice profile: parallel runs (and a clerk's open LibreOffice) never share one.
  const profile = pathToFileURL(tmp.file('lo-profile')).href;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...written.map((w) => w.docx)], 180_000);
  rmSync(PAGES_DIR, { recursive: true, force: true });
  mkdirSync(PAGES_DIR, { recursive: true });
  for (const { name, book, docx, result } of written) {
    const pdf = join(outDir, `${name}.pdf`);
    if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${docx}`);
    printed[name] = { name, book, docx, result, tables: workbookPlans(book), pages: readPages(pdf) };
    copyFileSync(docx, join(PAGES_DIR, `${name}.docx`));
    copyFileSync(pdf, join(PAGES_DIR, `${name}.pdf`));
    run('pdftoppm', ['-png', '-r', '60', pdf, join(PAGES_DIR, name)]);
  }
}, 300_000);

afterAll(() => tmp?.remove());

describe.each(['datong', 'shanghai'] as const)('the %s disclosure document printed by LibreOffice', (name) => {
  const doc = () => printed[name];

  it('prints every page on A4, and nothing outside the page', () => {
    const { pages } = doc();
    expect(pages.length).toBeGreaterThan(doc().tables.length);
    const outside: string[] = [];
    for (const page of pages) {
      expect([Math.round(page.width), Math.round(page.height)].sort((a, b) => a - b), `page ${page.number}`).toEqual(A4);
      for (const word of page.words) {
        if (word.xMin < 20 || word.yMin < 20 || word.xMax > page.width - 20 || word.yMax > page.height - 20) outside.push(`page ${page.number}: 「${word.text}」 at ${word.xMin}–${word.xMax}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('opens with the cover, unnumbered, then the 目录, unnumbered', () => {
    const { pages, book } = doc();
    const family = findFamily(book.familyId);
    if (!family) throw new Error('family');
    const plan = planDocument(book, family, '');
    const cover = squash(pages[0]?.text ?? '');
    expect(cover).toContain(squash(plan.cover.title.join('')));
    for (const line of plan.cover.lines) expect(cover).toContain(squash(line));
    expect(squash(pages[1]?.text ?? '')).toMatch(/^目录/);
    expect(footerNumber(pages[0] as Page)).toBeUndefined();
    const contents = contentsPages(pages);
    expect(contents.length).toBeGreaterThanOrEqual(1);
    for (const page of contents) expect(footerNumber(page)).toBeUndefined();
    expect(footerNumber(pages[1 + contents.length] as Page)).toBe(1);
  });

  it('lists every part and every table in the 目录, each with the page its heading is on', () => {
    const { pages, book } = doc();
    const family = findFamily(book.familyId);
    if (!family) throw new Error('family');
    const plan = planDocument(book, family, '');
    const contents = contentsPages(pages).map((p) => p.text).join('\n');
    const entries = [...plan.parts.map((p) => p.heading), ...plan.parts.flatMap((p) => (p.content.kind === 'tables' ? p.content.tables.map((t) => t.entry) : []))];
    const lines = contents.split('\n').map(squash).filter(Boolean);
    const byNumber = new Map(pages.map((page) => [footerNumber(page), page]));
    for (const entry of entries) {
      // A long entry wraps: its page number ends the line where the entry's last characters are.
      const at = lines.findIndex((line, i) => (line + (lines[i + 1] ?? '')).startsWith(squash(entry)) || line.startsWith(squash(entry)));
      expect(at, `目录 lacks 「${entry}」:\n${contents}`).toBeGreaterThanOrEqual(0);
      const numbered = lines.slice(at, at + 2).find((line) => /\d+$/.test(line)) ?? '';
      const number = Number(/(\d+)$/.exec(numbered)?.[1]);
      const target = byNumber.get(number);
      const heading = squash(entry).replace(/^表[一二三四五六七八九十]+|^\d+\./, ''); // the table entry's 表一 / 1. is not on the page
      expect(squash(target?.text ?? ''), `「${entry}」 points to page ${number}`).toContain(heading);
    }
  });

  it('prints every table title, in order, and every figure as the Excel export formats it', () => {
    const { pages, tables, result } = doc();
    expect(result.tables).toEqual(tables.map((t) => t.title));
    // Each table's pages: from the page with its title to the page before the next table's title.
    const starts = tables.map((table, i) => {
      const page = pages.findIndex((p, at) => at > 1 && p.text.split('\n').some((line) => squash(line) === squash(table.title)));
      expect(page, `表 ${i + 1} 「${table.title}」 is printed`).toBeGreaterThan(1);
      return page;
    });
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // After the last table: the next part's page, if any.
    const family = findFamily(doc().book.familyId);
    if (!family) throw new Error('family');
    const headings = planDocument(doc().book, family, '').parts.map((p) => squash(p.heading));
    const last = starts[starts.length - 1] ?? 0;
    const after = pages.findIndex((p, at) => at > last && headings.some((h) => squash(p.text).startsWith(h)));
    const missing: string[] = [];
    tables.forEach((table, i) => {
      const end = starts[i + 1] ?? (after > 0 ? after : pages.length);
      const text = pages.slice(starts[i], end).map((p) => p.text).join('\n');
      const have = countOf(figuresIn(text));
      const want = countOf(table.body.flat().filter((cell) => cell.kind === 'amount' && cell.value !== undefined).map(printedText));
      for (const [figure, count] of want) {
        if ((have.get(figure) ?? 0) < count) missing.push(`「${table.title}」: ${figure} ×${count}, printed ×${have.get(figure) ?? 0}`);
      }
      if (table.emptyNote) expect(squash(text)).toContain(squash(table.emptyNote));
    });
    expect(missing).toEqual([]);
  });

  it('turns wide tables landscape and keeps narrow ones portrait, as the workbook prints them', () => {
    const { pages } = doc();
    expect(pages.some((p) => p.width > p.height)).toBe(true);
    expect(pages.some((p) => p.width < p.height)).toBe(true);
  });
});

describe('the document’s text parts', () => {
  it('prints the narrative given on the book in its part, in order, without repeating the part title', () => {
    const { pages } = printed.datong;
    const start = pages.findIndex((p) => footerNumber(p) !== undefined && squash(p.text).startsWith('第三部分2024年度部门预算情况说明'));
    expect(start).toBeGreaterThan(1);
    const text = squash(pages.slice(start, start + 2).map((p) => p.text).join('\n'));
    let at = 0;
    for (const paragraph of NARRATIVE.slice(1)) {
      const found = text.indexOf(squash(paragraph), at);
      expect(found, `「${paragraph}」 after position ${at}`).toBeGreaterThanOrEqual(at);
      at = found + squash(paragraph).length;
    }
    expect(text.split('第三部分').length - 1).toBe(1);
    // Then the standard 名词解释, since the narrative has none of its own.
    const glossary = pages.findIndex((p) => footerNumber(p) !== undefined && squash(p.text).startsWith('第四部分名词解释'));
    expect(glossary).toBeGreaterThan(start);
    expect(squash(pages[glossary]?.text ?? '')).toContain('一、财政拨款收入：');
  });

  it('holds placeholders where the book has no text: 职能, 机构设置, 情况说明 (上海: numbered parts, 名词解释 before the tables)', () => {
    const text = squash(printed.shanghai.pages.map((p) => p.text).join('\n'));
    for (const words of ['【请填写部门主要职能】', '【请填写部门机构设置情况】', '【尚未填写情况说明】']) expect(text).toContain(words);
    const order = ['一、部门主要职能', '二、部门机构设置', '三、名词解释', '四、部门预算编制说明', '五、部门预算表'].map((h) => printed.shanghai.pages.findIndex((p, i) => i > 1 && squash(p.text).includes(h)));
    expect(order.every((page) => page > 1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('prints the narrative’s own 名词解释 where the family puts 名词解释, and reads its headings by their numbers', () => {
    const shanxi = findFamily('shanxi-2024');
    const shanghai = findFamily('shanghai-2026-department');
    if (!shanxi || !shanghai) throw new Error('family');
    const own = { ...printed.datong.book, narrative: { paragraphs: [...NARRATIVE, '第四部分 名词解释', '一、基本支出：指……。'] } };
    const plan = planDocument(own, shanxi, '');
    expect(plan.parts.map((p) => p.heading)).toEqual(['第一部分 概况', '第二部分 2024年部门预算报表', '第三部分 2024年度部门预算情况说明', '第四部分 名词解释']);
    expect(plan.parts[3]?.content).toEqual({ kind: 'narrative', blocks: [{ text: '一、基本支出：指……。', level: 0 }] });
    // 上海 prints 名词解释 before the 编制说明: a narrative read from a 上海 document starts with it.
    const putuo = { ...printed.shanghai.book, narrative: { paragraphs: ['名词解释', '（一）财政拨款收入：指……。', '2026年部门预算编制说明', '2026年，收入预算9628.22万元。', '其他相关情况说明', '一、2026年“三公”经费预算情况说明'] } };
    const parts = planDocument(putuo, shanghai, '无').parts;
    // … and 其他相关情况说明 after the tables; 七、项目经费情况说明 only when the narrative has one.
    expect(parts.map((p) => p.heading)).toEqual(['一、部门主要职能', '二、部门机构设置', '三、名词解释', '四、部门预算编制说明', '五、部门预算表', '六、其他相关情况说明']);
    expect(parts[2]?.content).toEqual({ kind: 'narrative', blocks: [{ text: '（一）财政拨款收入：指……。', level: 0 }] });
    expect(parts[3]?.content).toEqual({ kind: 'narrative', blocks: [{ text: '2026年，收入预算9628.22万元。', level: 0 }] });
    expect(parts[5]?.content).toEqual({ kind: 'narrative', blocks: [{ text: '一、2026年“三公”经费预算情况说明', level: 1 }] });
    const projects = planDocument({ ...putuo, narrative: { paragraphs: ['正文。', '人民调解项目经费情况说明', '一、项目概述'] } }, shanghai, '无').parts;
    expect(projects.map((p) => p.heading).slice(3)).toEqual(['四、部门预算编制说明', '五、部门预算表', '六、项目经费情况说明']);
    expect(projects[5]?.content).toEqual({ kind: 'narrative', blocks: [{ text: '人民调解项目经费情况说明', level: 1 }, { text: '一、项目概述', level: 1 }] });
    expect(['第四部分 名词解释', '一、收入预算情况说明', '（一）收入', '1. 人员', '1、公共安全支出1672.67万元。', '六、财政专户管理资金：', '2026年部门预算编制说明'].map(narrativeLevel)).toEqual(['part', 1, 2, 3, 0, 0, 1]);
    expect(documentOutline('unknown-family')).toBe(documentOutline('shanxi-2024'));
  });

  it('writes the fonts official documents use, with fall-backs, and asks Word to fill in the 目录 page numbers', () => {
    const { docx } = printed.datong;
    const fonts = docxPart(docx, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    const body = docxPart(docx, 'word/document.xml');
    for (const font of ['仿宋_GB2312', '黑体', '方正小标宋简体', '宋体']) expect(body).toContain(`w:eastAsia="${font}"`);
    expect(body).toMatch(/PAGEREF _RefBw0001/);
    expect(docxPart(docx, 'word/settings.xml')).toContain('w:updateFields');
  });
});

describe('export-doc (CLI) and export.document (API)', () => {
  it('writes the document of workbooks or of a stored book, and refuses a name that is no .docx', async () => {
    const out = tmp.file('cli.docx');
    const run1 = await cli('export-doc', DATONG_XLSX, '--out', out);
    expect(run1.code, run1.stderr).toBe(0);
    expect(run1.stdout).toContain('大同市人民政府金融工作办公室2024年部门预算公开');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
    const wrong = await cli('export-doc', DATONG_XLSX, '--out', tmp.file('x.xlsx'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('.docx');

    const db = tmp.file('cli.db');
    expect((await cli('import', DATONG_XLSX, '--db', db)).code).toBe(0);
    const stored = await cli('export-doc', '--db', db, '--book', '1', '--out', tmp.file('stored.docx'));
    expect(stored.code, stored.stderr).toBe(0);
    expect(readFileSync(tmp.file('stored.docx')).length).toBeGreaterThan(10_000);
    const missingDir = await cli('export-doc', DATONG_XLSX, '--out', tmp.file(join('no-such-folder', 'a.docx')));
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr).toMatch(/[\u4e00-\u9fff]/);
  });

  it('returns the bytes and the file name to a browser, and refuses a path there', async () => {
    const store = openStore(tmp.file('api.db'));
    try {
      const desktop = createRouter(new Workbench(store, 'electron'));
      const imported = await desktop.call('books.import', { files: [{ name: 'datong.xlsx', path: DATONG_XLSX }] });
      if (!imported.ok) throw new Error(imported.error.message);
      const { bookId } = imported.result as ApiResult<'books.import'>;
      const web = createRouter(new Workbench(store, 'web'));
      const response = await web.call('export.document', { bookId });
      if (!response.ok) throw new Error(response.error.message);
      const bytes = response.result as ApiResult<'export.document'>;
      expect(bytes.fileName).toBe('大同市人民政府金融工作办公室2024年部门预算公开.docx');
      expect(Buffer.from(bytes.dataBase64 ?? '', 'base64').subarray(0, 2).toString()).toBe('PK');
      expect(await web.call('export.document', { bookId, path: tmp.file('web.docx') })).toMatchObject({ ok: false, error: { code: 'refused' } });
      const toPath = await desktop.call('export.document', { bookId, path: tmp.file('desktop.docx') });
      expect(toPath).toMatchObject({ ok: true, result: { path: tmp.file('desktop.docx') } });
    } finally {
      store.close();
    }
  });
});
