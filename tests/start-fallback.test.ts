// `npm start` on a machine where Electron cannot be had (this one: no binary, no internet), end to end: one
// Chinese line saying why, the workbench opened in the "browser" ($BROWSER records the address) within 15 s,
// the page served, and SIGTERM ends it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REASONS } from '../scripts/start/decide.mjs';
import { makeTmpDir } from './helpers/tmp';

const ROOT = resolve(__dirname, '..');
const tmp = makeTmpDir('start-fallback-');
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  tmp.remove();
});

async function waitFor<T>(what: string, deadline: number, probe: () => T | undefined): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

describe('npm start without Electron', () => {
  it('says why in one Chinese line, opens the workbench in the browser within 15 s, and stops on SIGTERM', async () => {
    // The "browser": records the address it was asked to open.
    const recorded = tmp.file('opened-url.txt');
    const recorder = tmp.file('record-url.mjs');
    writeFileSync(recorder, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(recorded)}, process.argv[2]);\n`);
    const emptyDir = tmp.file('empty');
    mkdirSync(emptyDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BROWSER: `${/\s/.test(process.execPath) ? 'node' : process.execPath} ${recorder}`,
      // The default data file lands here, not in the real user-data folder.
      XDG_CONFIG_HOME: tmp.file('config'),
      APPDATA: tmp.file('config'),
      // Offline the same way on any machine: no unpacked binary, an empty download cache, a mirror that refuses.
      ELECTRON_OVERRIDE_DIST_PATH: emptyDir,
      electron_config_cache: emptyDir,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    };

    const started = Date.now();
    const proc = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));

    const deadline = started + 15_000;
    const url = await waitFor('the browser to be opened', deadline, () => (existsSync(recorded) ? readFileSync(recorded, 'utf8') : undefined));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(15_000);
    console.log(`npm start fell back to the browser in ${elapsed} ms`);

    // Exactly one line says why, and it carries the address the browser got.
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=[0-9a-f]{64}$/.exec(url);
    expect(match, url).not.toBeNull();
    const reasonLines = stdout.split('\n').filter((line) => line.includes('改为在浏览器中打开工作台'));
    expect(reasonLines).toEqual([`${REASONS.noElectron}，改为在浏览器中打开工作台：${url}`]);

    const page = await fetch(url.replace(/#.*$/, ''), { signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())) });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>预算公开工作台</title>');
    expect(html).toContain('<div id="root">');

    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('本地服务已停止，数据已保存。');
    expect(await portIsFree(Number(match![1]))).toBe(true);
    // The store was closed: a clean close folds the WAL back into the file.
    const db = join(tmp.file('config'), '预算公开工作台', 'budget-workbench.db');
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
    // Nothing in English for the user: no stack trace, no tool output.
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/Error|\bat .+:\d+:\d+/);
  });
});
