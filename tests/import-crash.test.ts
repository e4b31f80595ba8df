// A clerk's PC can lose power mid-import. Kill the CLI while it is writing a large book: the reopened store
// must pass integrity_check and hold the whole book or none of it — and the book imported before is untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../src/main/store';
import { cli } from './helpers/cli';
import { writeLargeWorkbook, type LargeWorkbookFacts } from './helpers/large-workbook';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let large: string;
let facts: LargeWorkbookFacts;

beforeAll(async () => {
  tmp = makeTmpDir('crash-');
  large = tmp.file('large.xlsx');
  facts = await writeLargeWorkbook(large);
});
afterAll(() => tmp.remove());

/** Starts `budget-workbench import` from source and SIGKILLs it as soon as it reports writing rows. */
function importAndKillWhileWriting(db: string): Promise<{ killedWhileWriting: boolean; signal: NodeJS.Signals | null }> {
  const main = join(__dirname, '..', 'src', 'main', 'cli', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'import', large, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  let killedWhileWriting = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (!killedWhileWriting && chunk.includes('正在写入数据库')) {
      killedWhileWriting = true;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ killedWhileWriting, signal })));
}

describe('a process killed in the middle of a large import', () => {
  it('leaves a sound store with the earlier book intact and no part of the interrupted one', async () => {
    const db = tmp.file('crash.db');
    expect((await cli('import', DATONG_XLSX, '--db', db)).code).toBe(0);
    const before = openStore(db);
    const earlier = before.loadBook(1);
    before.close();

    const { killedWhileWriting, signal } = await importAndKillWhileWriting(db);
    expect(killedWhileWriting).toBe(true);
    expect(signal).toBe('SIGKILL');

    const store = openStore(db);
    try {
      expect(store.integrityCheck()).toBe('ok');
      const books = store.listBooks();
      // All or nothing: the interrupted book is absent, or (if the commit won the race) complete.
      if (books.length === 2) expect(books[1]?.rowCount).toBe(facts.totalRows);
      else expect(books.map((b) => b.id)).toEqual([1]);
      expect(store.loadBook(1)).toEqual(earlier);
    } finally {
      store.close();
    }
    // The store still takes the same import afterwards.
    const retried = await cli('import', large, '--db', db);
    expect(retried.code).toBe(0);
    const after = openStore(db);
    expect(after.listBooks().at(-1)?.rowCount).toBe(facts.totalRows);
    expect(after.integrityCheck()).toBe('ok');
    after.close();
  });
});
