// No network but loopback (issue 15): the CLI's import, check and export, and the web host through an upload, an
// edit and an export, all traced with strace. Every connect() and bind() must be a local socket or 127.0.0.1 / ::1.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir } from './helpers/tmp';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = join(ROOT, 'src', 'main', 'cli', 'main.ts');
const tmp = makeTmpDir('egress-');
afterAll(() => tmp.remove());

const traced = (trace: string, args: string[]): string[] => ['-f', '-qq', '-e', 'trace=connect,bind,sendto,sendmsg', '-o', trace, process.execPath, TSX, CLI, ...args];

const LOOPBACK = /inet_addr\("127\.0\.0\.1"\)|inet_pton\(AF_INET6, "::1"/;

/** Socket calls with a network address that is not loopback (a bind to 0.0.0.0 counts: it listens on every network). */
function nonLocal(trace: string): string[] {
  return readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => /sa_family=AF_INET6?\b/.test(line) && !LOOPBACK.test(line));
}

describe('no network but loopback', () => {
  it('tells a connection beyond this machine from a loopback one', () => {
    const trace = tmp.file('sample.trace');
    writeFileSync(
      trace,
      [
        '1 connect(19, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("10.1.2.3")}, 16) = -1 EINPROGRESS',
        '1 bind(20, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
        '1 connect(21, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
        '1 connect(22, {sa_family=AF_UNIX, sun_path="/tmp/x"}, 110) = 0',
      ].join('\n'),
    );
    expect(nonLocal(trace)).toHaveLength(2);
  });

  it('import, check and export from the command line open no network connection', () => {
    const trace = tmp.file('cli.trace');
    const db = tmp.file('cli.db');
    for (const [i, args] of [
      ['import', DATONG_XLSX, '--db', db],
      ['check', DATONG_XLSX, '--json'],
      ['export', '--db', db, '--book', '1', '--out', tmp.file('out.xlsx')],
    ].entries()) {
      const run = spawnSync('strace', traced(`${trace}.${i}`, args), { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BW_LOG_DIR: tmp.file('logs') } });
      expect(run.status, run.stderr).toBeLessThanOrEqual(1);
      expect(nonLocal(`${trace}.${i}`)).toEqual([]);
      expect(readFileSync(`${trace}.${i}`, 'utf8')).toMatch(/\S/);
    }
  }, 120_000);

  it('the web host listens on 127.0.0.1 only and connects nowhere while importing, editing and exporting', async () => {
    const trace = tmp.file('web.trace');
    // Its own process group: Ctrl+C reaches the host itself, not only strace.
    const child = spawn('strace', traced(trace, ['web', '--db', tmp.file('web.db'), '--port', '0']), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      await expect.poll(() => stdout, { timeout: 30_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}\n/);
      const url = stdout.split('\n')[0] as string;
      const origin = url.replace(/\/#.*$/, '');
      const token = url.replace(/^.*#token=/, '');
      const call = async (method: string, params: unknown): Promise<{ ok: boolean; result?: { bookId?: number } }> =>
        (await (await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': token }, body: JSON.stringify(params) })).json()) as never;
      const imported = await call('books.import', { files: [{ name: '大同.xlsx', dataBase64: readFileSync(DATONG_XLSX).toString('base64') }] });
      expect(imported.ok).toBe(true);
      const bookId = imported.result?.bookId;
      expect((await call('book.setCells', { bookId, cells: [{ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '1.00' }] })).ok).toBe(true);
      expect((await call('export.workbook', { bookId })).ok).toBe(true);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-(child.pid as number), 'SIGINT');
      await exited;
    }
    const calls = readFileSync(trace, 'utf8');
    expect(calls).toMatch(/bind\(.*inet_addr\("127\.0\.0\.1"\)/);
    expect(nonLocal(trace)).toEqual([]);
  }, 120_000);
});
