// The reviewer's command line: import into a store, list, dump from file and from store, as DESIGN.md §7.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importInWorker } from '../src/main/import/run-in-worker';
import { toDump } from '../src/shared/dump';
import { cli } from './helpers/cli';
import { contentOf } from './helpers/dump-match';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('cli-');
});
afterAll(() => tmp.remove());

describe('import → books → dump --db', () => {
  it('stores the book and dumps it back exactly as the file dumps', async () => {
    const db = tmp.file('books.db');
    const imported = await cli('import', DATONG_XLSX, '--db', db);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('已导入预算本 #1：大同市人民政府金融工作办公室 2024 年，模板 shanxi-2024，13 张表');
    expect(imported.stderr).toContain('正在写入数据库');

    const books = await cli('books', '--db', db);
    expect(books.stdout).toMatch(/#1\t大同市人民政府金融工作办公室\t2024\tshanxi-2024\t13 张表/);

    const fromFile = JSON.parse((await cli('dump', DATONG_XLSX, '--json')).stdout);
    const fromStore = JSON.parse((await cli('dump', '--db', db, '--book', '1', '--json')).stdout);
    expect(contentOf(fromStore)).toEqual(contentOf(fromFile));
    expect(fromStore.notices).toEqual(fromFile.notices);
  });

  it('prints a readable Chinese dump without --json', async () => {
    const result = await cli('dump', DATONG_XLSX);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('表六　2024年一般公共预算安排基本支出分经济科目表（不含上年结转）');
    expect(result.stdout).toContain('30101 基本工资 / 工资奖金津补贴　合计=79.69　人员经费=79.69');
  });
});

describe('the installed binary (npx budget-workbench)', () => {
  const launcher = join(__dirname, '..', 'bin', 'budget-workbench.mjs');
  it('is built by npm install and answers like the in-process CLI', () => {
    expect(existsSync(join(__dirname, '..', 'out', 'main', 'cli.js')), 'run npm install (or npm run build) first').toBe(true);
    const json = execFileSync(process.execPath, [launcher, 'dump', DATONG_XLSX, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(json).tables).toHaveLength(13);
    const bad = spawnSync(process.execPath, [launcher, 'dump', join(__dirname, 'cli.test.ts')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('不是 Excel 工作簿');
  });
});

describe('import off the main thread', () => {
  it('runs in a worker thread with progress and the same result', async () => {
    const progress: string[] = [];
    const result = await importInWorker({ files: [DATONG_XLSX] }, (message) => progress.push(message));
    expect(progress).toContain('正在读取 datong-2024-shanxi.xlsx…');
    const { importWorkbooks } = await import('../src/main/import/import-book');
    const direct = await importWorkbooks([DATONG_XLSX]);
    expect(toDump(result.book, result.notices)).toEqual(toDump(direct.book, direct.notices));
  });

  it('reports unreadable files from the worker as the same Chinese error', async () => {
    await expect(importInWorker({ files: [join(__dirname, 'cli.test.ts')] })).rejects.toThrow(/不是 Excel 工作簿/);
  });
});
