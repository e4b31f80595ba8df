// Export (DESIGN.md §7): import → export → import gives the same book, for the department fixture and for the
// generated large book; the 审核报告 sheet, exit codes, empty-table notes and the atomic write, as a reviewer and a
// clerk would meet them.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook, exportBook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import { openStore } from '../src/main/store';
import type { Book, Notice } from '../src/shared/book';
import { toDump, type Dump } from '../src/shared/dump';
import { Validator } from '../src/shared/validation';
import { cli } from './helpers/cli';
import { contentOf } from './helpers/dump-match';
import { writeLargeWorkbook, type LargeWorkbookFacts } from './helpers/large-workbook';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const REPORT = '审核报告';
const EMPTY_NOTE = '注：本表无数据';
/** 表二「21011 行政事业单位医疗」合计: a 尾差 warning in seed 000. */
const TAIL = 't02.tree:main:21011:total';

let tmp: TmpDir;
let seed: { book: Book; notices: Notice[] };
let large: { file: string; facts: LargeWorkbookFacts };

beforeAll(async () => {
  tmp = makeTmpDir('export-');
  seed = await importWorkbooks([DATONG_XLSX]);
  const file = tmp.file('large-department.xlsx');
  large = { file, facts: await writeLargeWorkbook(file) };
});
afterAll(() => tmp?.remove());

let counter = 0;
/** A fresh directory for one test's files. */
function freshDir(name: string): string {
  const dir = tmp.file(`${++counter}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => relative(dir, join(dir, name)).replace(/\\/g, '/'))
    .sort();
}

const tmpFilesUnder = (dir: string): string[] => filesUnder(dir).filter((name) => name.endsWith('.tmp'));

/**
 * The differences between two dumps' content as readable lines (table, row, field), so a failing round trip says
 * where it differs instead of printing two 11,000-row objects.
 */
function dumpDifferences(before: Dump, after: Dump): string[] {
  const out: string[] = [];
  const a = contentOf(before) as Record<string, unknown> & { tables: Record<string, unknown>[] };
  const b = contentOf(after) as Record<string, unknown> & { tables: Record<string, unknown>[] };
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  for (const key of ['template', 'year', 'department', 'unit', 'units']) {
    if (!same(a[key], b[key])) out.push(`${key}: ${JSON.stringify(a[key])} → ${JSON.stringify(b[key])}`);
  }
  const tables = Math.max(a.tables.length, b.tables.length);
  for (let t = 0; t < tables; t++) {
    const ta = a.tables[t] as (Record<string, unknown> & { rows: Record<string, unknown>[] }) | undefined;
    const tb = b.tables[t] as (Record<string, unknown> & { rows: Record<string, unknown>[] }) | undefined;
    const name = `表${String(ta?.no ?? tb?.no)}`;
    if (!ta || !tb) {
      out.push(`${name}: ${ta ? '再次导入后缺失' : '再次导入后多出'}`);
      continue;
    }
    for (const key of new Set([...Object.keys(ta), ...Object.keys(tb)])) {
      if (key !== 'rows' && !same(ta[key], tb[key])) out.push(`${name} ${key}: ${JSON.stringify(ta[key])} → ${JSON.stringify(tb[key])}`);
    }
    const rows = Math.max(ta.rows.length, tb.rows.length);
    if (ta.rows.length !== tb.rows.length) out.push(`${name}: ${ta.rows.length} 行 → ${tb.rows.length} 行`);
    for (let r = 0; r < rows; r++) {
      const ra = ta.rows[r] ?? {};
      const rb = tb.rows[r] ?? {};
      const label = `${name} 第 ${r + 1} 行（${String(ra.code ?? ra.name ?? rb.code ?? rb.name)}）`;
      for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
        if (key === 'values') {
          const va = (ra.values ?? {}) as Record<string, string>;
          const vb = (rb.values ?? {}) as Record<string, string>;
          for (const column of new Set([...Object.keys(va), ...Object.keys(vb)])) {
            if (va[column] !== vb[column]) out.push(`${label} ${column}: ${va[column] ?? '（空）'} → ${vb[column] ?? '（空）'}`);
          }
        } else if (!same(ra[key], rb[key])) {
          out.push(`${label} ${key}: ${JSON.stringify(ra[key])} → ${JSON.stringify(rb[key])}`);
        }
      }
    }
  }
  return out.slice(0, 50);
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const cellText = (cell: ExcelJS.Cell): string => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

/** The sheet's rows as arrays of cell texts (1-based columns become 0-based), through its last row. */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: sheet.columnCount }, (_, c) => cellText(row.getCell(c + 1))));
  }
  return rows;
}

/** A store holding seed 000 as book #1 (a fresh file each time, so edits in one test do not leak). */
async function seedStore(name: string): Promise<string> {
  const db = join(freshDir(name), 'books.db');
  const store = openStore(db);
  try {
    expect(store.insertBook(seed.book, seed.notices)).toBe(1);
  } finally {
    store.close();
  }
  return db;
}

describe('import → export → import', () => {
  it('gives the same content for the department workbook (seed 000)', async () => {
    const out = join(freshDir('seed'), '导出.xlsx');
    const result = await exportBook(seed.book, out);
    expect(result.sheets.slice(0, 13)).toEqual(Array.from({ length: 13 }, (_, i) => `预算公开表${i + 1}`));
    const again = await importWorkbooks([out]);
    expect(dumpDifferences(toDump(seed.book, seed.notices), toDump(again.book, again.notices))).toEqual([]);
    expect(contentOf(toDump(again.book, again.notices))).toEqual(contentOf(toDump(seed.book, seed.notices)));
  });

  it('gives the same content for the generated large book (5,000 projects, 2,000 coded rows)', async () => {
    const first = await importWorkbooks([large.file]);
    expect(first.book.tables.reduce((n, t) => n + t.rows.length, 0)).toBe(large.facts.totalRows);
    const out = join(freshDir('large'), 'large-export.xlsx');
    const result = await exportBook(first.book, out);
    // The large book is internally consistent: no errors or warnings, so no 审核报告 by default.
    expect(result.summary.errors + result.summary.warnings).toBe(0);
    expect(result.reportIncluded).toBe(false);
    expect(result.sheets).not.toContain(REPORT);
    const again = await importWorkbooks([out]);
    expect(again.notices.filter((n) => n.level !== '提示')).toEqual([]);
    expect(dumpDifferences(toDump(first.book, first.notices), toDump(again.book, again.notices))).toEqual([]);
    expect(contentOf(toDump(again.book, again.notices))).toEqual(contentOf(toDump(first.book, first.notices)));
  });

  it('from the command line: export FILE --out, then dump OUT --json equals dump FILE --json', async () => {
    const out = join(freshDir('cli-file'), '大同.xlsx');
    const exported = await cli('export', DATONG_XLSX, '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('已导出');
    expect(existsSync(out)).toBe(true);
    const fromFile = JSON.parse((await cli('dump', DATONG_XLSX, '--json')).stdout) as Dump;
    const fromExport = JSON.parse((await cli('dump', out, '--json')).stdout) as Dump;
    expect(dumpDifferences(fromFile, fromExport)).toEqual([]);
    expect(contentOf(fromExport)).toEqual(contentOf(fromFile));
  });

  it('from a stored book: export --db DB --book 1 --out', async () => {
    const db = await seedStore('cli-db');
    const out = join(freshDir('cli-db-out'), 'stored.xlsx');
    const exported = await cli('export', '--db', db, '--book', '1', '--out', out);
    expect(exported.code).toBe(0);
    const fromFile = JSON.parse((await cli('dump', DATONG_XLSX, '--json')).stdout) as Dump;
    const fromExport = JSON.parse((await cli('dump', out, '--json')).stdout) as Dump;
    expect(dumpDifferences(fromFile, fromExport)).toEqual([]);
    expect(contentOf(fromExport)).toEqual(contentOf(fromFile));
  });
});

describe('the 审核报告 sheet', () => {
  it('is there by default for seed 000, listing every 尾差 warning with the clerk’s 审核说明', async () => {
    const db = await seedStore('report');
    const store = openStore(db);
    let warnings: number;
    try {
      store.setExplanation({ bookId: 1, findingKey: TAIL, text: '尾差：各项按元四舍五入后合计差 0.01 万元。', actor: '张会计' });
      const findings = new Validator(store.loadBook(1)).findings();
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      warnings = findings.filter((f) => f.severity === 'warning').length;
      expect(warnings).toBeGreaterThan(0);
    } finally {
      store.close();
    }

    const out = join(freshDir('report-out'), 'with-report.xlsx');
    const exported = await cli('export', '--db', db, '--book', '1', '--out', out);
    expect(exported.code).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((s) => s.name).at(-1)).toBe(REPORT);
    const rows = sheetRows(workbook.getWorksheet(REPORT) as ExcelJS.Worksheet);
    const header = rows[1] ?? [];
    expect(header).toEqual(['序号', '级别', '位置', '问题', '审核说明']);
    const listed = rows.slice(2).filter((r) => r.some((c) => c !== ''));
    expect(listed).toHaveLength(warnings);
    const column = (label: string): number => header.indexOf(label);
    for (const row of listed) expect(row[column('级别')]).toBe('警告（尾差）');

    const explained = listed.filter((r) => r[column('审核说明')] !== '');
    expect(explained).toHaveLength(1);
    expect(explained[0]?.[column('问题')]).toContain('表二「21011 行政事业单位医疗」合计');
    expect(explained[0]?.[column('审核说明')]).toBe('尾差：各项按元四舍五入后合计差 0.01 万元。');
  });

  it('is left out with --no-report', async () => {
    const out = join(freshDir('no-report'), 'no-report.xlsx');
    const exported = await cli('export', DATONG_XLSX, '--out', out, '--no-report');
    expect(exported.code).toBe(0);
    const names = (await readWorkbook(out)).worksheets.map((s) => s.name);
    expect(names).not.toContain(REPORT);
    expect(names).toHaveLength(13);
  });

  it('importing an export that carries it gives only a 提示 for that sheet', async () => {
    const out = join(freshDir('reimport'), 'with-report.xlsx');
    const result = await exportBook(seed.book, out);
    expect(result.reportIncluded).toBe(true);
    const { notices } = await importWorkbooks([out]);
    const aboutReport = notices.filter((n) => n.sheet === REPORT);
    expect(aboutReport).toHaveLength(1);
    expect(aboutReport[0]?.level).toBe('提示');
    expect(notices.filter((n) => n.level !== '提示')).toEqual([]);
  });
});

describe('exit codes', () => {
  it('a book with an error is exported but exits 1 unless --force', async () => {
    const db = await seedStore('errors');
    const store = openStore(db);
    try {
      store.setAmount({ bookId: 1, tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'total', value: '188.93' });
    } finally {
      store.close();
    }
    const dir = freshDir('errors-out');

    const refused = join(dir, 'not-forced.xlsx');
    const plain = await cli('export', '--db', db, '--book', '1', '--out', refused);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/错误/);
    expect(plain.stderr).toContain('--force');
    expect(existsSync(refused)).toBe(true);
    // The file holds the edited figure and its 审核报告 names the error.
    const workbook = await readWorkbook(refused);
    const report = sheetRows(workbook.getWorksheet(REPORT) as ExcelJS.Worksheet);
    expect(report.some((r) => r[1]?.startsWith('错误'))).toBe(true);
    const again = await importWorkbooks([refused]);
    expect(again.book.tables.find((t) => t.tableId === 't02')?.rows.find((r) => r.key === '2010301')?.values.total?.value).toBe('188.93');

    const forcedOut = join(dir, 'forced.xlsx');
    const forced = await cli('export', '--db', db, '--book', '1', '--out', forcedOut, '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(forcedOut)).toBe(true);
    expect(filesUnder(dir)).toEqual(['forced.xlsx', 'not-forced.xlsx']);
  });

  it('unreadable input exits 2 and writes nothing', async () => {
    const dir = freshDir('unreadable');
    const notExcel = join(dir, '不是工作簿.xlsx');
    writeFileSync(notExcel, 'plain text, not a workbook\n');
    for (const input of [notExcel, join(dir, '不存在.xlsx')]) {
      const out = join(dir, 'out.xlsx');
      const result = await cli('export', input, '--out', out);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toBe('');
      expect(existsSync(out)).toBe(false);
    }
    expect(filesUnder(dir)).toEqual(['不是工作簿.xlsx']);
  });

  it('--out that does not end in .xlsx is a usage error', async () => {
    const dir = freshDir('usage');
    for (const name of ['out.xls', 'out.csv', 'out']) {
      const result = await cli('export', DATONG_XLSX, '--out', join(dir, name));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('用法错误');
    }
    const missing = await cli('export', DATONG_XLSX);
    expect(missing.code).toBe(2);
    expect(filesUnder(dir)).toEqual([]);
  });
});

describe('empty tables', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const out = join(freshDir('empty'), 'empty-tables.xlsx');
    await exportBook(seed.book, out, 'never');
    workbook = await readWorkbook(out);
  });
  const rowsOf = (no: number): string[][] => sheetRows(workbook.getWorksheet(`预算公开表${no}`) as ExcelJS.Worksheet);
  /** The last non-blank row is the note, alone in column A, under the table's last bordered row. */
  const expectNoteUnderTable = (no: number): string[][] => {
    const rows = rowsOf(no);
    const filled = rows.filter((r) => r.some((c) => c !== ''));
    const last = filled.at(-1) ?? [];
    expect(last[0], `表${no}`).toBe(EMPTY_NOTE);
    expect(last.slice(1).every((c) => c === ''), `表${no}`).toBe(true);
    expect(rows.filter((r) => r.includes(EMPTY_NOTE)), `表${no}`).toHaveLength(1);
    const noteRow = rows.indexOf(last) + 1;
    const sheet = workbook.getWorksheet(`预算公开表${no}`) as ExcelJS.Worksheet;
    expect(sheet.getCell(noteRow - 1, 1).border?.bottom?.style, `表${no}：注 紧挨表格下方`).toBe('thin');
    expect(sheet.getCell(noteRow, 1).border?.bottom, `表${no}：注 不在表格内`).toBeUndefined();
    return rows;
  };

  it.each([7, 8, 9, 10, 13])('表%i carries 注：本表无数据 under the table', (no) => {
    expectNoteUnderTable(no);
  });

  it('tables with figures carry no note', () => {
    for (const no of [1, 2, 3, 4, 5, 6, 11, 12]) expect(rowsOf(no).some((r) => r.includes(EMPTY_NOTE)), `表${no}`).toBe(false);
  });

  it('表十 keeps its template rows, blank', () => {
    const rows = expectNoteUnderTable(10);
    const names = rows.map((r) => r[0]);
    const body = names.slice(names.indexOf('因公出国（境）费'), names.indexOf(EMPTY_NOTE));
    expect(body).toEqual(['因公出国（境）费', '公务接待费', '公务用车购置及运行费', '①公务用车购置费', '②公务用车运行维护费', '合计']);
    for (const row of rows.slice(names.indexOf('因公出国（境）费'), names.indexOf(EMPTY_NOTE))) expect(row.slice(1).every((c) => c === '')).toBe(true);
  });

  it('表十三 keeps its header and column-number row', () => {
    const rows = expectNoteUnderTable(13);
    const numbers = rows.findIndex((r) => r[0] === '1');
    expect(rows[numbers]).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[numbers - 1]).toEqual(['项目名称', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']);
    expect(rows[numbers + 1]?.[0]).toBe(EMPTY_NOTE);
  });
});

describe('atomic write', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a path in a directory that does not exist fails and leaves nothing behind', async () => {
    const dir = freshDir('missing-parent');
    await expect(exportBook(seed.book, join(dir, '没有这个目录', 'out.xlsx'))).rejects.toThrow();
    expect(filesUnder(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);

    const viaCli = await cli('export', DATONG_XLSX, '--out', join(dir, '没有这个目录', 'out.xlsx'));
    expect(viaCli.code).toBe(2);
    expect(viaCli.stderr).toMatch(/错误/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a path under a FILE fails and leaves that file (an earlier export) untouched', async () => {
    const dir = freshDir('parent-is-file');
    const earlier = join(dir, 'earlier.xlsx');
    await exportBook(seed.book, earlier);
    const bytes = readFileSync(earlier);
    const mtime = statSync(earlier).mtimeMs;
    await expect(exportBook(seed.book, join(earlier, 'out.xlsx'))).rejects.toThrow();
    expect(readFileSync(earlier).equals(bytes)).toBe(true);
    expect(statSync(earlier).mtimeMs).toBe(mtime);
    expect(filesUnder(dir)).toEqual(['earlier.xlsx']);
  });

  it('an existing target is replaced only after a successful write', async () => {
    const dir = freshDir('replace');
    const target = join(dir, 'target.xlsx');
    await exportBook(seed.book, target, 'never');
    const previous = readFileSync(target);

    // The writer dies half-way: some bytes reach its file, then it fails.
    const { workbook } = buildWorkbook(seed.book);
    const xlsxPrototype = Object.getPrototypeOf(workbook.xlsx) as { writeFile: (path: string) => Promise<void> };
    const writes: string[] = [];
    vi.spyOn(xlsxPrototype, 'writeFile').mockImplementation(async (path: string) => {
      writes.push(path);
      writeFileSync(path, previous.subarray(0, 1000));
      throw new Error('磁盘已满（模拟）');
    });
    await expect(exportBook(seed.book, target, 'always')).rejects.toThrow('磁盘已满（模拟）');
    expect(writes).toHaveLength(1);
    expect(writes[0], 'the writer must not write the target itself').not.toBe(target);
    expect(readFileSync(target).equals(previous)).toBe(true);
    expect(filesUnder(dir)).toEqual(['target.xlsx']);
    vi.restoreAllMocks();

    // A successful write replaces it, and leaves no temporary file.
    const result = await exportBook(seed.book, target, 'always');
    expect(result.reportIncluded).toBe(true);
    expect(readFileSync(target).equals(previous)).toBe(false);
    expect((await readWorkbook(target)).worksheets.map((s) => s.name)).toContain(REPORT);
    expect(filesUnder(dir)).toEqual(['target.xlsx']);
    expect(tmpFilesUnder(tmp.path)).toEqual([]);
  });
});
