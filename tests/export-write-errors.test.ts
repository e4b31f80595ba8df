// Every failure a clerk can cause when saving an export is a Chinese message naming the path and what to do:
// a missing folder, a read-only folder, a file held open by Excel/WPS (Windows lock), a full disk.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { describeWriteError, ExportWriteError } from '../src/main/export/write-errors';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { cli } from './helpers/cli';

let tmp: TmpDir;
let book: Book;
beforeAll(async () => {
  tmp = makeTmpDir('export-errors-');
  book = (await importWorkbooks([DATONG_XLSX])).book;
});
afterAll(() => tmp.remove());

describe('saving an export where it cannot go', () => {
  it('names a missing folder and leaves no temporary file', async () => {
    const out = join(tmp.path, '没有的文件夹', '导出.xlsx');
    await expect(exportBook(book, out)).rejects.toThrow(new ExportWriteError(`文件夹「${join(tmp.path, '没有的文件夹')}」不存在，无法保存「${out}」。请先建立该文件夹，或另选保存位置。`, out));
    expect(existsSync(join(tmp.path, '没有的文件夹'))).toBe(false);
  });

  it('names an output path that is a folder', async () => {
    const folder = join(tmp.path, '像文件名的文件夹.xlsx');
    mkdirSync(folder);
    await expect(exportBook(book, folder)).rejects.toThrow(/是一个文件夹，请填写要保存的文件名/);
    expect(readdirSync(tmp.path).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says what each operating-system cause means (read-only folder, Windows lock, read-only disk, disk full)', () => {
    const as = (code: string) => (describeWriteError(Object.assign(new Error('raw'), { code }), 'D:\\报送\\x.xlsx') as Error).message;
    expect(as('EBUSY')).toBe('「D:\\报送\\x.xlsx」正被其他程序（如 Excel、WPS）打开，无法覆盖。请关闭该文件后重试，或另存为其他文件名。');
    expect(as('EPERM')).toMatch(/^无法写入「D:\\报送\\x\.xlsx」：文件可能正被其他程序（如 Excel、WPS）打开/);
    expect(as('ENOSPC')).toBe('磁盘空间不足，无法保存「D:\\报送\\x.xlsx」。请清理磁盘或另选保存位置后重试。');
    expect(as('EROFS')).toMatch(/所在的磁盘是只读的/);
    // A read-only folder (tests run as root in CI, where chmod cannot make one): EACCES.
    expect(as('EACCES')).toBe('没有权限写入「D:\\报送\\x.xlsx」（文件夹只读或没有写权限）。请另选保存位置，或请管理员开放该文件夹的写权限。');
    const other = new Error('something else');
    expect(describeWriteError(other, 'x.xlsx')).toBe(other);
  });

  it('the CLI prints the Chinese message and exits 2', async () => {
    const run = await cli('export', DATONG_XLSX, '--out', join(tmp.path, 'missing-folder', 'x.xlsx'));
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^错误：文件夹「.*missing-folder」不存在，无法保存「.*x\.xlsx」。请先建立该文件夹，或另选保存位置。$/);
    expect(run.stderr).not.toMatch(/ENOENT|xlsx\.\d+\.tmp/);
  });
});
