// `check`: validates each workbook as its own book, reports findings in Chinese or as DESIGN.md §7 JSON, and keeps
// going past unreadable files. Exit 0 clean, 1 validation errors, 2 unreadable input or bad usage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openStore } from '../src/main/store';
import { cli } from './helpers/cli';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

interface JsonLocation {
  table: number;
  row: string;
  column?: string;
  sheet?: string;
  cell?: string;
}
interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  locations: JsonLocation[];
  expected?: string;
  actual?: string;
  difference?: string;
  roundingTail?: boolean;
}
interface JsonSummary {
  errors: number;
  warnings: number;
  infos: number;
}
interface JsonBook {
  file: string;
  department: string;
  year: number;
  ok: boolean;
  summary: JsonSummary;
  findings: JsonFinding[];
}
interface JsonUnreadable {
  file: string;
  ok: false;
  error: string;
}
interface JsonBatch {
  ok: boolean;
  summary: JsonSummary;
  files: (JsonBook | JsonUnreadable)[];
}

let tmp: TmpDir;
let folder: string;
beforeAll(async () => {
  tmp = makeTmpDir('check-');
  folder = tmp.file('审核');
  mkdirSync(folder);
  copyFileSync(DATONG_XLSX, `${folder}/01-大同金融办.xlsx`);
  // One figure changed: 表二 行政运行 (2010301) 合计 187.93 → 188.93 breaks its row sum, its 款's tree sum and 表二/表三.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(DATONG_XLSX);
  const cell = workbook.getWorksheet('预算公开表2')?.getCell('C8');
  if (!cell) throw new Error('fixture: 预算公开表2!C8 missing');
  expect(cell.result ?? cell.value).toBe(187.93);
  cell.value = 188.93;
  await workbook.xlsx.writeFile(`${folder}/02-改错一个数.xlsx`);
  writeFileSync(`${folder}/03-乱码.xlsx`, Buffer.from('这不是工作簿，只是一些字节 \u0000\u0001\u0002', 'utf8'));
  writeFileSync(`${folder}/说明.txt`, '审核材料说明：本文件夹收到的各部门工作簿。');
  writeFileSync(`${folder}/~$01-大同金融办.xlsx`, Buffer.alloc(165, 0)); // Excel's lock file while the workbook is open
});
afterAll(() => tmp.remove());

const summaryOf = (findings: readonly JsonFinding[]): JsonSummary => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  infos: findings.filter((f) => f.severity === 'info').length,
});

describe('check one workbook', () => {
  it('the department fixture: exit 0, no errors, every warning a 尾差, DESIGN.md §7 JSON', async () => {
    const run = await cli('check', DATONG_XLSX, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonBook;
    expect(report).toMatchObject({ file: 'datong-2024-shanxi.xlsx', department: '大同市人民政府金融工作办公室', year: 2024, ok: true });
    expect(report.summary.errors).toBe(0);
    expect(report.summary).toEqual(summaryOf(report.findings));
    expect(report.summary.warnings).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(finding.severity).toBe('warning');
      expect(finding.roundingTail).toBe(true);
      expect(typeof finding.rule).toBe('string');
      expect(finding.message).toMatch(/尾差/);
      expect(finding.expected).toMatch(/^-?\d+\.\d{2}$/);
      expect(finding.actual).toMatch(/^-?\d+\.\d{2}$/);
      expect(finding.difference).toMatch(/^-?\d+\.\d{2}$/);
      expect(finding.locations.length).toBeGreaterThan(0);
      for (const location of finding.locations) {
        expect(location).toEqual(expect.objectContaining({ table: expect.any(Number), row: expect.any(String), column: expect.any(String), sheet: expect.stringMatching(/^预算公开表\d+$/), cell: expect.stringMatching(/^[A-Z]+\d+$/) }));
      }
    }
  });

  it('the readable report: header with department, year and counts, one aligned line per finding, 尾差 marked', async () => {
    const run = await cli('check', DATONG_XLSX);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^datong-2024-shanxi\.xlsx　部门：大同市人民政府金融工作办公室　年度：2024　错误 0，警告 (\d+)，提示 0$/);
    expect(lines[1]).toMatch(/^ {2}按表格标题和表头识别为「山西省部门预算公开（13张表）」（shanxi-2024）：识别出 13\/13 张表/);
    const warnings = Number(/警告 (\d+)/.exec(lines[0] ?? '')?.[1]);
    const findingLines = lines.slice(2);
    expect(findingLines).toHaveLength(warnings);
    for (const line of findingLines) expect(line).toMatch(/^ {2}警告（尾差） {2}表[一二三四五六七八九十]+ /);
    expect(findingLines.some((l) => /表二 +21011 +合计 +预算公开表2!C17 +表二「21011 行政事业单位医疗」合计 19\.96/.test(l))).toBe(true);
    // Aligned: the sheet!cell column starts at the same terminal column on every line (CJK characters are two wide).
    const columnOf = (line: string, text: string): number => [...line.slice(0, line.indexOf(text))].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
    const starts = new Set(findingLines.map((l) => columnOf(l, '预算公开表')));
    expect(starts.size).toBe(1);
  });
});

describe('check a reviewer’s folder', () => {
  it('reports every workbook, keeps going past the unreadable one, exits 2', async () => {
    const run = await cli('check', folder, '--json');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonBatch;
    expect(report.files.map((f) => f.file)).toEqual(['01-大同金融办.xlsx', '02-改错一个数.xlsx', '03-乱码.xlsx']);
    expect(report.ok).toBe(false);

    const [good, broken, garbage] = report.files as [JsonBook, JsonBook, JsonUnreadable];
    expect(good.ok).toBe(true);
    expect(good.summary.errors).toBe(0);

    expect(broken.ok).toBe(false);
    expect(broken.summary.errors).toBeGreaterThan(0);
    const errors = broken.findings.filter((f) => f.severity === 'error');
    const atC8 = errors.filter((f) => f.locations[0]?.table === 2 && f.locations[0].row === '2010301');
    expect(atC8.length).toBeGreaterThan(0);
    expect(atC8[0]?.locations[0]).toMatchObject({ table: 2, row: '2010301', column: '合计', sheet: '预算公开表2', cell: 'C8' });
    expect(atC8[0]).toMatchObject({ actual: '188.93', expected: '187.93', difference: '1.00' });
    // The same figure also breaks the 款's tree sum and 表二 = 表三: both name C8 among their cells.
    const touchingC8 = errors.filter((f) => f.locations.some((l) => l.sheet === '预算公开表2' && l.cell === 'C8'));
    expect(touchingC8.length).toBeGreaterThanOrEqual(3);
    expect(errors.some((f) => f.locations.some((l) => l.table === 3))).toBe(true);

    expect(garbage).toEqual({ file: '03-乱码.xlsx', ok: false, error: expect.stringMatching(/「03-乱码\.xlsx」不是 Excel 工作簿/) });
    expect(run.stderr).toMatch(/「03-乱码\.xlsx」/);

    expect(report.summary).toEqual({
      errors: good.summary.errors + broken.summary.errors,
      warnings: good.summary.warnings + broken.summary.warnings,
      infos: good.summary.infos + broken.summary.infos,
    });
    expect(JSON.stringify(report)).not.toMatch(/说明\.txt|~\$/);
  });

  it('the readable report names every file and ends with a total line', async () => {
    const run = await cli('check', folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^01-大同金融办\.xlsx　部门：大同市人民政府金融工作办公室　年度：2024　错误 0，/m);
    expect(run.stdout).toMatch(/^02-改错一个数\.xlsx　部门：大同市人民政府金融工作办公室　年度：2024　错误 [1-9]\d*，/m);
    expect(run.stdout).toMatch(/^ {2}错误 +表二 +2010301 +合计 +预算公开表2!C8 +/m);
    expect(run.stdout).toMatch(/^03-乱码\.xlsx　无法读取\n {2}错误 {2}「03-乱码\.xlsx」不是 Excel 工作簿/m);
    expect(run.stdout).toMatch(/\n合计：3 个文件（1 个无法读取），错误 [1-9]\d*，警告 \d+，提示 \d+。\n$/);
    expect(run.stdout).not.toMatch(/说明\.txt/);
  });

  it('without the unreadable file the same folder exits 1 (errors found)', async () => {
    const clean = tmp.file('审核-可读');
    mkdirSync(clean);
    copyFileSync(`${folder}/01-大同金融办.xlsx`, `${clean}/01-大同金融办.xlsx`);
    copyFileSync(`${folder}/02-改错一个数.xlsx`, `${clean}/02-改错一个数.xlsx`);
    copyFileSync(`${folder}/说明.txt`, `${clean}/说明.txt`);
    const run = await cli('check', clean, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonBatch;
    expect(report.files.map((f) => [f.file, f.ok])).toEqual([
      ['01-大同金融办.xlsx', true],
      ['02-改错一个数.xlsx', false],
    ]);
    // Files and folders mix on the command line; the good file alone is still clean.
    expect((await cli('check', `${clean}/01-大同金融办.xlsx`)).code).toBe(0);
    expect((await cli('check', `${clean}/01-大同金融办.xlsx`, `${clean}/02-改错一个数.xlsx`)).code).toBe(1);
  });

  it('checks a folder of five copies in this one process', async () => {
    const five = tmp.file('五份');
    mkdirSync(five);
    for (let i = 1; i <= 5; i++) copyFileSync(DATONG_XLSX, `${five}/部门${i}.xlsx`);
    const run = await cli('check', five, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonBatch;
    expect(report.files).toHaveLength(5);
    expect(report.files.every((f) => f.ok)).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('checks a larger folder on worker threads: progress on stderr, results in input order, a broken file reported in place', async () => {
    const many = tmp.file('十二份');
    mkdirSync(many);
    for (let i = 1; i <= 12; i++) copyFileSync(DATONG_XLSX, `${many}/部门${String(i).padStart(2, '0')}.xlsx`);
    writeFileSync(`${many}/部门07.xlsx`, Buffer.from('不是工作簿'));
    const run = await cli('check', many, '--json');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonBatch;
    expect(report.files.map((f) => f.file)).toEqual(Array.from({ length: 12 }, (_, i) => `部门${String(i + 1).padStart(2, '0')}.xlsx`));
    expect(report.files.map((f) => f.ok)).toEqual(Array.from({ length: 12 }, (_, i) => i !== 6));
    const progress = run.stderr.split('\n').filter((line) => line.startsWith('已审核'));
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toMatch(/^已审核 12\/12：部门\d{2}\.xlsx$/);
  });
});

describe('check: input and usage errors', () => {
  it('a workbook with no recognised table is unreadable, named in Chinese', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').getCell('A1').value = '某某局2024年部门预算';
    const file = tmp.file('封面.xlsx');
    await workbook.xlsx.writeFile(file);
    const run = await cli('check', file, '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ file: '封面.xlsx', ok: false, error: expect.stringMatching(/「封面\.xlsx」/) });
  });

  it('a missing file, an empty folder and bad usage exit 2', async () => {
    const missing = await cli('check', tmp.file('不存在.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/不存在\.xlsx/);
    const empty = tmp.file('空文件夹');
    mkdirSync(empty);
    const none = await cli('check', empty);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/文件夹「空文件夹」中没有 Excel 工作簿/);
    const usage = await cli('check');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/用法错误：check 需要至少一个 Excel 文件/);
    expect((await cli('check', DATONG_XLSX, '--bogus')).code).toBe(2);
    expect((await cli('check', '--db', tmp.file('x.db'))).code).toBe(2);
  });
});

describe('check a stored book', () => {
  it('validates the book from the database, with the clerk’s explanations on warnings', async () => {
    const db = tmp.file('books.db');
    expect((await cli('import', DATONG_XLSX, '--db', db)).code).toBe(0);
    const first = JSON.parse((await cli('check', '--db', db, '--book', '1', '--json')).stdout) as JsonBook & { findings: (JsonFinding & { key: string })[] };
    const key = first.findings[0]?.key ?? '';
    expect(key).not.toBe('');
    const store = openStore(db);
    try {
      store.setExplanation({ bookId: 1, findingKey: key, text: '万元四舍五入造成，原始元数据相符。' });
    } finally {
      store.close();
    }
    const run = await cli('check', '--db', db, '--book', '1', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { book: number; ok: boolean; summary: JsonSummary; findings: (JsonFinding & { key: string; explanation?: string })[] };
    expect(report).toMatchObject({ book: 1, ok: true, summary: first.summary });
    expect(report.findings.find((f) => f.key === key)?.explanation).toBe('万元四舍五入造成，原始元数据相符。');
    const text = await cli('check', '--db', db, '--book', '1');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^预算本 #1　部门：大同市人民政府金融工作办公室　年度：2024　错误 0/);
    expect(text.stdout).toMatch(/说明：万元四舍五入造成，原始元数据相符。/);
    const missing = await cli('check', '--db', db, '--book', '99');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到编号为 99 的预算本/);
  });
});
