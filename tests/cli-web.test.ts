// `npx budget-workbench web` as installed (bin → out/main/cli.js): the address as the very first line of stdout,
// a clean exit 0 on SIGINT and SIGTERM (store closed, port released), Chinese errors with exit 2 for a port in use
// and an unusable data file; and how the browser gets opened.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../scripts/start/build.mjs';
import { browserCommand } from '../src/main/web/open-browser';
import { makeTmpDir } from './helpers/tmp';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'budget-workbench.mjs');
const tmp = makeTmpDir('cli-web-');
const children: ChildProcess[] = [];

beforeAll(async () => {
  // The installed command runs the build; make sure it holds the sources under test.
  expect(await ensureBuilt(ROOT, () => {})).toBeUndefined();
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  tmp.remove();
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function web(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [BIN, 'web', ...args], { cwd: tmp.path, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { child, stdout: () => stdout, stderr: () => stderr, exit: new Promise((r) => child.once('exit', (code) => r(code))) };
}

async function firstLine(run: Run): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (!run.stdout().includes('\n')) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`no first line: ${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return run.stdout().split('\n')[0]!;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

describe.each(['SIGINT', 'SIGTERM'] as const)('web, stopped with %s', (signal) => {
  it('prints the address as line 1, serves the workbench, then exits 0 with the store closed and the port free', async () => {
    const config = tmp.file(`config-${signal}`);
    // No --db: the default is the desktop app's per-user file (here under XDG_CONFIG_HOME / APPDATA).
    const run = web([], { XDG_CONFIG_HOME: config, APPDATA: config });
    const url = await firstLine(run);
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=[0-9a-f]{64}$/.exec(url);
    expect(match, url).not.toBeNull();
    const db = join(config, '预算公开工作台', 'budget-workbench.db');
    await expect.poll(() => run.stdout()).toContain(`数据文件：${db}。按 Ctrl+C 停止服务。`);

    const page = await fetch(url.replace(/#.*$/, ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>预算公开工作台</title>');

    run.child.kill(signal);
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain('本地服务已停止，数据已保存。');
    expect(run.stderr()).toBe('');
    expect(await portIsFree(Number(match![1]))).toBe(true);
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});

describe('web errors (Chinese, exit 2, nothing on stdout)', () => {
  let blocker: Server;
  let busyPort = 0;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

  it('names a port already in use and what to do', async () => {
    const run = web(['--db', tmp.file('port.db'), '--port', String(busyPort)]);
    expect(await run.exit).toBe(2);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toContain(`错误：端口 ${busyPort} 已被占用`);
    expect(run.stderr()).toContain('--port');
  });

  it('refuses a port number that is not one', async () => {
    const run = web(['--port', 'http']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('端口号「http」不正确');
  });

  it('names a data file that is not a database', async () => {
    const file = tmp.file('notes.db');
    writeFileSync(file, '这不是数据库'.repeat(200));
    const run = web(['--db', file]);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain(`错误：${file} 不是本程序的数据文件`);
    expect(run.stderr()).toContain('--db');
  });

  it('names a data path that is a folder', async () => {
    const folder = tmp.file('a-folder.db');
    mkdirSync(folder);
    const run = web(['--db', folder]);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain(`错误：无法在 ${folder} 创建或打开数据文件`);
  });

  it('names a data file locked by another program', async () => {
    const file = tmp.file('locked.db');
    const holder = new Database(file);
    try {
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.exec('CREATE TABLE held (x); INSERT INTO held VALUES (1);');
      const run = web(['--db', file]);
      expect(await run.exit).toBe(2);
      expect(run.stderr()).toContain(`错误：数据文件 ${file} 正被其他程序占用`);
      expect(run.stderr()).not.toMatch(/SQLITE_|\bat .+:\d+:\d+/);
    } finally {
      holder.close();
    }
  });
});

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:1234/#token=ab';

  it('uses $BROWSER first, as a path or as words', () => {
    expect(browserCommand(url, { env: { BROWSER: 'firefox --new-window' }, platform: 'linux' })).toEqual({ command: 'firefox', args: ['--new-window', url] });
    expect(browserCommand(url, { env: { BROWSER: process.execPath }, platform: 'linux' })).toEqual({ command: process.execPath, args: [url] });
  });

  it('uses the platform opener otherwise', () => {
    expect(browserCommand(url, { env: { DISPLAY: ':0' }, platform: 'linux' })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, { env: {}, platform: 'darwin' })).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, { env: {}, platform: 'win32' })).toEqual({ command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], verbatim: true });
  });

  it('does not try on a Linux machine without a graphical desktop', () => {
    expect(browserCommand(url, { env: {}, platform: 'linux' })).toEqual({ reason: '没有图形桌面' });
  });
});
