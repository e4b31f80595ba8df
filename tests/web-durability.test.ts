// `npm run web` as the clerk runs it: a real process, the URL on its first line, an edit over HTTP — then the
// process is killed outright (power cut, task manager). The edit answered before the kill is on disk, intact.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore } from '../src/main/store';
import type { ApiResponse, ApiResult } from '../src/shared/api/contract';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir } from './helpers/tmp';

const ROOT = resolve(__dirname, '..');
const tmp = makeTmpDir('web-kill-');
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  tmp.remove();
});

function startHost(db: string, rendererDir: string): Promise<{ child: ChildProcess; url: string; secondLine: Promise<string> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/main.ts', '--db', db, '--port', '0', '--renderer', rendererDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = createInterface({ input: proc.stdout! });
  const iterator = lines[Symbol.asyncIterator]();
  return new Promise((resolvePromise, reject) => {
    proc.once('exit', (code) => reject(new Error(`web host exited early (${code}): ${stderr}`)));
    void iterator.next().then(({ value }) => {
      resolvePromise({
        child: proc,
        url: String(value),
        secondLine: iterator.next().then((r) => String(r.value)),
      });
    }, reject);
  });
}

describe('npm run web survives being killed', () => {
  it('keeps an edit answered just before SIGKILL, and the database passes integrity_check', async () => {
    const rendererDir = tmp.file('renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    // A folder that does not exist yet: the host creates it, as on a clerk's first run.
    const db = join(tmp.path, 'nested', 'web.db');
    const host = await startHost(db, rendererDir);

    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64})$/.exec(host.url);
    expect(match, host.url).not.toBeNull();
    const [, port, token] = match!;
    expect(await host.secondLine).toMatch(/数据文件：.*web\.db.*Ctrl\+C/);

    const call = async <R,>(method: string, params: unknown): Promise<R> => {
      const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': token! },
        body: JSON.stringify(params),
      });
      const body = (await response.json()) as ApiResponse<'app.info'>;
      if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
      return body.result as R;
    };

    const { bookId } = await call<ApiResult<'books.import'>>('books.import', { files: [{ name: '大同.xlsx', dataBase64: readFileSync(DATONG_XLSX).toString('base64') }] });
    const edited = await call<ApiResult<'book.setCells'>>('book.setCells', { bookId, cells: [{ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '188.93' }] });
    host.child.kill('SIGKILL');
    await new Promise((r) => (host.child.exitCode !== null || host.child.signalCode !== null ? r(null) : host.child.once('exit', r)));
    expect(host.child.signalCode).toBe('SIGKILL');

    const store = openStore(db);
    try {
      expect(store.integrityCheck()).toBe('ok');
      const book = store.loadBook(bookId);
      const row = book.tables.find((t) => t.tableId === 't02')?.rows.find((r) => r.key === '2010301');
      expect(row?.values.gpb?.value).toBe('188.93');
      expect(store.historyState(bookId).revision).toBe(edited.revision);
    } finally {
      store.close();
    }
  });
});

describe('npm run web without a build', () => {
  it('says to run npm run build and exits 2', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/main.ts', '--db', tmp.file('unused.db'), '--renderer', tmp.file('no-build')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((r) => proc.once('exit', r));
    expect(code).toBe(2);
    expect(stderr).toContain('npm run build');
  });
});
