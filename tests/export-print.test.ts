// The exported department book printed the way a clerk would check it: LibreOffice converts it to PDF,
// poppler reads the pages back. Every page must be A4, show its table's first and last header column (a
// table split across the page width would lose one), carry "第 N 页 共 M 页", and every sheet must be
// printed. The pages are also rendered to PNG in test-results/export-pages/ for a person to look at.
// Tools are Debian packages (.ci/run installs them); a missing one fails with the package to install.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBook, type ExportResult } from '../src/main/export/export-book';
import { REPORT_SHEET } from '../src/main/export/write-report';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { headerGrid } from '../src/shared/template/header-grid';
import { findFamily } from '../src/shared/template/registry';
import { substituteYear } from '../src/shared/template/types';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { runTool } from './helpers/run-tool';

const PAGES_DIR = resolve(__dirname, '..', 'test-results', 'export-pages');
const A4 = [595, 842];

/** What the printed pages of one sheet must show. */
interface PrintedSheet {
  sheet: string;
  title: string;
  firstLabel: string;
  lastLabel: string;
}

interface Page {
  number: number;
  width: number;
  height: number;
  text: string;
}

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** Fails (never skips) with the Debian package that provides what is missing. */
function requireTools(): void {
  const missing: string[] = [];
  const need = (command: string, pkg: string): void => {
    if (!onPath(command)) missing.push(`\`${command}\` (Debian package ${pkg})`);
  };
  need('soffice', 'libreoffice-calc-nogui');
  need('pdfinfo', 'poppler-utils');
  need('pdftotext', 'poppler-utils');
  need('pdftoppm', 'poppler-utils');
  need('pdffonts', 'poppler-utils');
  need('fc-list', 'fontconfig');
  if (missing.length === 0) {
    const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    if (fonts.status !== 0 || fonts.stdout.trim() === '') missing.push('a CJK font (Debian package fonts-wqy-zenhei)');
  }
  if (missing.length > 0) {
    throw new Error(
      `export-print needs ${missing.join(', ')}. Install with: ` +
        'apt-get install --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei',
    );
  }
}

const run = runTool;

const squash = (text: string): string => text.replace(/\s+/g, '');

function expectedSheets(book: Book): PrintedSheet[] {
  const family = findFamily(book.familyId);
  if (!family) throw new Error(`family ${book.familyId} not registered`);
  const sheets = family.tables.map((def): PrintedSheet => {
    const grid = headerGrid(def.header, book.year);
    const leafAt = (column: number): string => {
      // The leaf is the lowest header cell covering the column (it spans down to the last header row).
      const leaf = grid.cells.filter((c) => c.column <= column && column < c.column + c.columnSpan && c.row + c.rowSpan === grid.rows && c.columnSpan === 1);
      if (leaf.length !== 1 || !leaf[0]) throw new Error(`表${def.no}: no single leaf header cell in column ${column}`);
      return leaf[0].label;
    };
    return { sheet: def.sheetName, title: substituteYear(def.title, book.year), firstLabel: leafAt(0), lastLabel: leafAt(grid.columns - 1) };
  });
  // The 审核报告's own columns (write-report.ts): 序号 … 审核说明.
  sheets.push({ sheet: REPORT_SHEET, title: `${book.department} ${book.year}年 审核报告`, firstLabel: '序号', lastLabel: '审核说明' });
  return sheets;
}

/** The lines of a page above its first body line (a figure or the empty-table note): title, meta, header. */
function headerBlock(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => /\d\.\d\d(?!\d)/.test(l) || l.includes('注：本表无数据'));
  return squash((end < 0 ? lines : lines.slice(0, end)).join('\n'));
}

let tmp: TmpDir;
let book: Book;
let result: ExportResult;
let expected: PrintedSheet[];
let pages: Page[] = [];
/** Sheet printed on each page (index = page - 1), from the title or, on continuation pages, the previous page. */
let owners: PrintedSheet[] = [];
let pdfFile = '';

beforeAll(async () => {
  requireTools();
  tmp = makeTmpDir('export-print-');
  ({ book } = await importWorkbooks([DATONG_XLSX]));
  expected = expectedSheets(book);
  const xlsx = tmp.file('datong-export.xlsx');
  result = await exportBook(book, xlsx);

  // A private LibreOffice profile: parallel runs (and a clerk's open LibreOffice) never share one.
  const profile = pathToFileURL(tmp.file('lo-profile')).href;
  const outDir = tmp.file('pdf');
  mkdirSync(outDir);
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, xlsx], 120_000);
  pdfFile = join(outDir, 'datong-export.pdf');
  if (!statSync(pdfFile, { throwIfNoEntry: false })) throw new Error(`soffice wrote no PDF into ${outDir}`);

  const info = run('pdfinfo', [pdfFile]);
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = run('pdfinfo', ['-f', '1', '-l', String(count), pdfFile]);
  for (let number = 1; number <= count; number++) {
    const size = new RegExp(`^Page\\s+${number} size:\\s+([\\d.]+) x ([\\d.]+) pts`, 'm').exec(sizes);
    const text = run('pdftotext', ['-layout', '-f', String(number), '-l', String(number), pdfFile, '-']);
    pages.push({ number, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), text });
  }
  let current: PrintedSheet | undefined;
  owners = pages.map((page) => {
    const top = page.text.split('\n').map(squash).filter(Boolean).slice(0, 3);
    current = expected.find((s) => top.includes(squash(s.title))) ?? current;
    if (!current) throw new Error(`page ${page.number} shows no table title and follows none:\n${page.text}`);
    return current;
  });

  rmSync(PAGES_DIR, { recursive: true, force: true });
  mkdirSync(PAGES_DIR, { recursive: true });
  copyFileSync(pdfFile, join(PAGES_DIR, 'datong-export.pdf'));
  copyFileSync(xlsx, join(PAGES_DIR, 'datong-export.xlsx'));
  run('pdftoppm', ['-r', '60', '-png', pdfFile, join(PAGES_DIR, 'page')]);
}, 240_000);

afterAll(() => tmp?.remove());

describe('exported department book printed to PDF by LibreOffice', () => {
  it('prints every page on A4, portrait or landscape', () => {
    expect(pages.length).toBeGreaterThanOrEqual(result.sheets.length);
    for (const page of pages) {
      expect([Math.round(page.width), Math.round(page.height)].sort((a, b) => a - b), `page ${page.number}`).toEqual(A4);
    }
    // Both orientations occur: wide tables are printed landscape, narrow ones portrait.
    expect(pages.some((p) => p.width > p.height)).toBe(true);
    expect(pages.some((p) => p.width < p.height)).toBe(true);
  });

  it('prints every sheet, in workbook order, each starting with its title', () => {
    expect(expected.map((s) => s.sheet)).toEqual(result.sheets);
    const order = owners.map((o) => o.sheet).filter((s, i, all) => all[i - 1] !== s);
    expect(order).toEqual(result.sheets);
  });

  it('shows the first and the last header column of its table on every page (no table split across the width)', () => {
    const problems: string[] = [];
    pages.forEach((page, i) => {
      const owner = owners[i];
      if (!owner) return;
      const header = headerBlock(page.text);
      for (const label of [owner.firstLabel, owner.lastLabel]) {
        if (!header.includes(squash(label))) problems.push(`page ${page.number} (${owner.sheet}) lacks the header 「${label}」`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('numbers every page 第 N 页 共 M 页', () => {
    for (const page of pages) {
      const footer = /第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/.exec(page.text);
      expect(footer, `page ${page.number} footer`).not.toBeNull();
      expect([Number(footer?.[1]), Number(footer?.[2])], `page ${page.number}`).toEqual([page.number, pages.length]);
    }
  });

  it('embeds a CJK font for the Chinese text (宋体 is substituted by fontconfig, never left as boxes)', () => {
    expect(pages.map((p) => p.text).join('\n')).toContain(`部门名称：${book.department}`);
    const key = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const cjkFamilies = run('fc-list', [':lang=zh', 'family'])
      .split('\n')
      .flatMap((line) => line.split(','))
      .map(key)
      .filter((k) => k.length >= 4);
    const embedded = run('pdffonts', [pdfFile])
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean)
      .map((name) => key(name.replace(/^[A-Z]{6}\+/, '')));
    expect(embedded.filter((font) => cjkFamilies.some((family) => font.startsWith(family))), `embedded: ${embedded.join(', ')}`).not.toEqual([]);
  });

  it('renders each page to a non-trivial PNG in test-results/export-pages/', () => {
    const pngs = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toHaveLength(pages.length);
    for (const png of pngs) {
      expect(statSync(join(PAGES_DIR, png)).size, png).toBeGreaterThan(5 * 1024);
    }
  });
});
