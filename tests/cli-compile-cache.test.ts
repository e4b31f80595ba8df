// The launcher's compile cache (bin/compile-cache.cjs, Node < 22): the CLI answers the same with no cache, a warm
// cache, a corrupted cache and a cache folder others could write (which it must not trust).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const launcher = join(__dirname, '..', 'bin', 'budget-workbench.mjs');
const hasOwnCache = !('enableCompileCache' in (await import('node:module')));
let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('compile-cache-');
});
afterAll(() => tmp.remove());

/** Runs `check --json` with the cache under `cacheHome`; stderr must stay empty (no warnings from the cache). */
const check = (cacheHome: string): string => {
  const run = spawnSync(process.execPath, [launcher, 'check', DATONG_XLSX, '--json'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
};
const cacheFiles = (cacheHome: string): string[] => {
  const dir = join(cacheHome, 'budget-workbench', 'compile-cache', process.version);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
};

describe.runIf(hasOwnCache && process.platform !== 'win32')('compile cache of the launcher', () => {
  it('fills on the first run, is used on the next, and survives corruption', () => {
    expect(existsSync(join(__dirname, '..', 'out', 'main', 'cli.js')), 'run npm install (or npm run build) first').toBe(true);
    const home = tmp.file('cache');
    const first = check(home);
    const files = cacheFiles(home);
    expect(files.length).toBeGreaterThan(1); // cli.js and the chunks it loads
    expect(check(home)).toBe(first);
    for (const file of files) writeFileSync(file, 'not a code cache');
    expect(check(home)).toBe(first);
    expect(JSON.parse(first).summary).toEqual({ errors: 0, warnings: 18, infos: 0 });
  });

  it('fills from a cold start of web, which loads more files than one listener each would allow', async () => {
    const home = tmp.file('web-cache');
    const run = spawnSync(process.execPath, [launcher, 'web', '--db', tmp.file('web.db'), '--port', '0'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home }, timeout: 5000, killSignal: 'SIGINT' });
    expect(run.stdout.split('\n')[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(run.stderr).toBe('');
    expect(cacheFiles(home).length).toBeGreaterThan(10);
  });

  it('does not use a cache folder others can write', () => {
    const home = tmp.file('shared-cache');
    const dir = join(home, 'budget-workbench', 'compile-cache', process.version);
    execFileSync('mkdir', ['-p', dir]);
    chmodSync(dir, 0o777);
    check(home);
    expect(cacheFiles(home)).toEqual([]);
  });
});
