// Unreadable input gets a clear Chinese error naming the file, exit code 2, and nothing reaches the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { openStore } from '../src/main/store';
import { cli } from './helpers/cli';
import { DATONG_XLSX, SHANGHAI_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('bad-input-');
});
afterAll(() => tmp.remove());

/** An OOXML file encrypted by Excel is an OLE container with these two streams instead of a zip. */
function encryptedWorkbook(path: string): void {
  const container = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 7));
  writeFileSync(path, XLSX.CFB.write(container, { type: 'buffer' }) as Buffer);
}

async function expectUnreadable(file: string, pattern: RegExp): Promise<void> {
  const dump = await cli('dump', file, '--json');
  expect(dump.code).toBe(2);
  expect(dump.stderr).toMatch(pattern);
  expect(dump.stdout).toBe('');
  const db = tmp.file(`store-${Math.random().toString(36).slice(2)}.db`);
  const imported = await cli('import', file, '--db', db);
  expect(imported.code).toBe(2);
  expect(imported.stderr).toMatch(pattern);
}

describe('unreadable input', () => {
  it('a corrupt (truncated) workbook', async () => {
    const file = tmp.file('损坏.xlsx');
    writeFileSync(file, readFileSync(DATONG_XLSX).subarray(0, 9000));
    await expectUnreadable(file, /「损坏\.xlsx」：文件已损坏/);
  });

  it('an empty file', async () => {
    const file = tmp.file('空文件.xlsx');
    writeFileSync(file, '');
    await expectUnreadable(file, /「空文件\.xlsx」是空文件/);
  });

  it('a password-protected workbook', async () => {
    const file = tmp.file('有密码.xlsx');
    encryptedWorkbook(file);
    await expectUnreadable(file, /「有密码\.xlsx」：工作簿设置了打开密码/);
  });

  it('files that are not spreadsheets: text, PDF, a Word document, a plain zip', async () => {
    const text = tmp.file('说明.txt');
    writeFileSync(text, '这不是表格');
    await expectUnreadable(text, /「说明\.txt」不是 Excel 工作簿/);
    const pdf = tmp.file('报告.xlsx');
    writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n');
    await expectUnreadable(pdf, /「报告\.xlsx」不是 Excel 工作簿/);
    const docx = tmp.file('文档.xlsx');
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer' }));
    await expectUnreadable(docx, /不是 Excel 工作簿（这是 Word 文档）/);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const file = tmp.file('巨大.xlsx');
    copyFileSync(DATONG_XLSX, file);
    truncateSync(file, 60 * 1024 * 1024);
    await expectUnreadable(file, /「巨大\.xlsx」过大（60\.0 MB）/);
  });

  it('a sheet with absurd dimensions', async () => {
    const file = tmp.file('超大范围.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表1');
    sheet.getCell('A1').value = '2024年预算支出总表';
    sheet.getCell('A300000').value = 1;
    await workbook.xlsx.writeFile(file);
    await expectUnreadable(file, /工作表「表1」数据范围过大（300000 行/);
  });

  it('a missing file and a folder', async () => {
    await expectUnreadable(tmp.file('不存在.xlsx'), /找不到或无法打开文件/);
    const folder = tmp.file('文件夹.xlsx');
    mkdirSync(folder);
    await expectUnreadable(folder, /不是文件/);
  });
});

describe('all or nothing', () => {
  it('one unreadable file among several imports nothing', async () => {
    const db = tmp.file('mixed.db');
    const bad = tmp.file('坏.xlsx');
    writeFileSync(bad, 'garbage');
    const result = await cli('import', DATONG_XLSX, bad, '--db', db);
    expect(result.code).toBe(2);
    const store = openStore(db);
    expect(store.listBooks()).toEqual([]);
    store.close();
  });

  it('a readable workbook with no template table is reported, and nothing is imported', async () => {
    const file = tmp.file('无表.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填表说明').getCell('A1').value = '请按模板填写';
    await workbook.xlsx.writeFile(file);
    const dump = await cli('dump', file, '--json');
    expect(dump.code).toBe(2);
    expect(JSON.parse(dump.stdout).notices).toContainEqual(expect.objectContaining({ sheet: '填表说明', message: expect.stringContaining('已跳过') }));
    const db = tmp.file('none.db');
    expect((await cli('import', file, '--db', db)).code).toBe(2);
  });
});

describe('usage', () => {
  it('unknown commands and missing options exit 2 with the usage text', async () => {
    for (const argv of [['frobnicate'], ['import', DATONG_XLSX], ['dump'], ['dump', DATONG_XLSX, '--jsn'], []]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
    }
    expect((await cli('import', DATONG_XLSX)).stderr).toContain('import 需要 --db');
  });
});

describe('the official Shanghai 2026 template (placeholder rows, no amounts)', () => {
  it('is detected as the Shanghai 部门 family, with every table and its placeholder rows', async () => {
    const result = await cli('dump', SHANGHAI_XLSX, '--json');
    const dump = JSON.parse(result.stdout);
    expect(dump.template).toBe('shanghai-2026-department');
    expect(dump.tables.map((t: { no: number }) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(dump.unit).toBe('元');
    // The template's "…" placeholder rows are not codes: each is named, nothing crashes.
    expect(dump.notices.some((n: { message: string }) => /科目编码「…」不是数字编码/.test(n.message))).toBe(true);
    expect(result.code).toBe(0);
  });
});
