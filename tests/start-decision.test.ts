// `npm start`'s choice between the desktop app and the browser, with Electron mocked: the decision over injected
// probes, the binary lookup on disk, and the desktop launch falling back when Electron dies at start.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decideLaunch, fallbackLine, REASONS, TIMEOUTS, type LaunchProbes } from '../scripts/start/decide.mjs';
import { runDesktop } from '../scripts/start/desktop.mjs';
import { findElectron, reachable, realProbes } from '../scripts/start/probes.mjs';
import { makeTmpDir } from './helpers/tmp';

const tmp = makeTmpDir('start-decision-');
afterAll(() => tmp.remove());

/** A machine where everything works; each test breaks one thing. */
function probes(overrides: Partial<LaunchProbes> = {}): LaunchProbes {
  return {
    platform: 'linux',
    arch: 'x64',
    platformSupported: true,
    hasDisplay: true,
    electronZipUrl: 'https://example.invalid/electron.zip',
    headersUrl: 'https://example.invalid/headers.tar.gz',
    logs: { electron: '/logs/electron-download.log', native: '/logs/electron-native.log' },
    findElectron: vi.fn(() => '/app/node_modules/electron/dist/electron'),
    electronZipCached: vi.fn(async () => false),
    reachable: vi.fn(async () => true),
    fetchElectron: vi.fn(async () => true),
    nativeReady: vi.fn(() => true),
    headersCached: vi.fn(() => false),
    buildNative: vi.fn(async () => true),
    ...overrides,
  };
}

describe('decideLaunch', () => {
  it('starts the desktop app when the binary is present and better-sqlite3 is built for it, touching no network', async () => {
    const p = probes();
    expect(await decideLaunch(p)).toEqual({ mode: 'desktop', electron: '/app/node_modules/electron/dist/electron' });
    expect(p.reachable).not.toHaveBeenCalled();
    expect(p.fetchElectron).not.toHaveBeenCalled();
    expect(p.buildNative).not.toHaveBeenCalled();
  });

  it('falls back when the binary is missing and its download host does not answer, after one short probe', async () => {
    const p = probes({ findElectron: vi.fn(() => undefined), reachable: vi.fn(async () => false) });
    expect(await decideLaunch(p)).toEqual({ mode: 'browser', reason: REASONS.noElectron });
    expect(p.reachable).toHaveBeenCalledExactlyOnceWith('https://example.invalid/electron.zip', TIMEOUTS.probeMs);
    expect(TIMEOUTS.probeMs).toBeLessThanOrEqual(5000);
    expect(p.fetchElectron).not.toHaveBeenCalled();
  });

  it('downloads a missing binary when the host answers, saying so first', async () => {
    const found = vi.fn<() => string | undefined>().mockReturnValueOnce(undefined).mockReturnValue('/e/electron');
    const p = probes({ findElectron: found });
    const notify = vi.fn();
    expect(await decideLaunch(p, notify)).toEqual({ mode: 'desktop', electron: '/e/electron' });
    expect(p.fetchElectron).toHaveBeenCalledWith(TIMEOUTS.downloadMs);
    expect(notify).toHaveBeenCalledWith(expect.stringContaining('正在下载 Electron'));
  });

  it('unpacks a binary from the local download cache without asking the network', async () => {
    const found = vi.fn<() => string | undefined>().mockReturnValueOnce(undefined).mockReturnValue('/e/electron');
    const p = probes({ findElectron: found, electronZipCached: vi.fn(async () => true) });
    expect(await decideLaunch(p)).toMatchObject({ mode: 'desktop' });
    expect(p.reachable).not.toHaveBeenCalled();
    expect(p.fetchElectron).toHaveBeenCalledWith(TIMEOUTS.extractMs);
  });

  it('falls back naming the log when the download fails', async () => {
    const p = probes({ findElectron: vi.fn(() => undefined), fetchElectron: vi.fn(async () => false) });
    expect(await decideLaunch(p)).toEqual({ mode: 'browser', reason: REASONS.electronFetchFailed('/logs/electron-download.log') });
  });

  it('falls back when better-sqlite3 must be built but Electron headers are neither cached nor reachable', async () => {
    const p = probes({ nativeReady: vi.fn(() => false), reachable: vi.fn(async () => false) });
    expect(await decideLaunch(p)).toEqual({ mode: 'browser', reason: REASONS.noHeaders });
    expect(p.reachable).toHaveBeenCalledExactlyOnceWith('https://example.invalid/headers.tar.gz', TIMEOUTS.probeMs);
    expect(p.buildNative).not.toHaveBeenCalled();
  });

  it('falls back naming the log when the native build fails', async () => {
    const p = probes({ nativeReady: vi.fn(() => false), buildNative: vi.fn(async () => false) });
    expect(await decideLaunch(p)).toEqual({ mode: 'browser', reason: REASONS.nativeFailed('/logs/electron-native.log') });
    expect(p.buildNative).toHaveBeenCalledWith({ fromSource: false, timeoutMs: TIMEOUTS.nativeMs });
  });

  it('builds from source, offline, when the headers are cached', async () => {
    const p = probes({ nativeReady: vi.fn(() => false), headersCached: vi.fn(() => true) });
    expect(await decideLaunch(p)).toMatchObject({ mode: 'desktop' });
    expect(p.reachable).not.toHaveBeenCalled();
    expect(p.buildNative).toHaveBeenCalledWith({ fromSource: true, timeoutMs: TIMEOUTS.nativeMs });
  });

  it('falls back on a system Electron does not ship for, and without a graphical desktop', async () => {
    expect(await decideLaunch(probes({ platformSupported: false, arch: 'loong64' }))).toEqual({ mode: 'browser', reason: REASONS.unsupported('linux', 'loong64') });
    expect(await decideLaunch(probes({ hasDisplay: false }))).toEqual({ mode: 'browser', reason: REASONS.noDisplay });
  });

  it('words the fallback as one Chinese line ending in the address', () => {
    const line = fallbackLine(REASONS.noElectron, 'http://127.0.0.1:1234/#token=ab');
    expect(line).toBe('未找到 Electron 桌面程序，且无法联网下载（离线？），改为在浏览器中打开工作台：http://127.0.0.1:1234/#token=ab');
    expect(line).not.toContain('\n');
  });
});

describe('findElectron', () => {
  const electronDir = tmp.file('electron');
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ version: '45.4.1' }));

  it('finds nothing before install.js ran (no path.txt), without downloading', () => {
    expect(findElectron(electronDir, {}, 'linux')).toBeUndefined();
  });

  it('finds the unpacked binary of the installed version only', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
    writeFileSync(join(electronDir, 'dist', 'version'), 'v45.4.1');
    expect(findElectron(electronDir, {}, 'linux')).toBe(join(electronDir, 'dist', 'electron'));
    writeFileSync(join(electronDir, 'dist', 'version'), 'v44.0.0');
    expect(findElectron(electronDir, {}, 'linux')).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const override = tmp.file('unpacked');
    mkdirSync(override);
    expect(findElectron(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBeUndefined();
    writeFileSync(join(override, 'electron'), '');
    expect(findElectron(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBe(join(override, 'electron'));
  });
});

describe('runDesktop with a stand-in Electron', () => {
  /** Runs Node instead of Electron with the given script, as the launcher would run `electron .`. */
  const fakeElectron = (script: string) => (_command: string, _args: string[], options: SpawnOptions): ChildProcess => spawn(process.execPath, ['-e', script], options);
  const logFile = tmp.file('logs/electron.log');

  it('returns the exit code when the app ends normally, with its console output in the log', async () => {
    const result = await runDesktop('/fake/electron', { root: tmp.path, logFile, spawn: fakeElectron('console.error("GPU warning"); process.exit(0)') });
    expect(result).toEqual({ code: 0 });
  });

  it('reports a start-up crash as a fallback reason naming the log, not a stack trace', async () => {
    const result = await runDesktop('/fake/electron', { root: tmp.path, logFile, spawn: fakeElectron('throw new Error("libnss3.so: cannot open shared object file")') });
    expect(result).toEqual({ failed: REASONS.desktopFailed(logFile) });
  });

  it('does not pass ELECTRON_RUN_AS_NODE on to Electron', async () => {
    const result = await runDesktop('/fake/electron', {
      root: tmp.path,
      logFile,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      spawn: fakeElectron('process.exit(process.env.ELECTRON_RUN_AS_NODE ? 1 : 0)'),
    });
    expect(result).toEqual({ code: 0 });
  });
});

describe('realProbes on this project', () => {
  it('sees an Electron zip placed in the download cache exactly where install.js will look for it', async () => {
    const cache = tmp.file('electron-cache');
    const saved = process.env.electron_config_cache;
    process.env.electron_config_cache = cache;
    try {
      const before = await realProbes(resolve(__dirname, '..'));
      expect(before.electronZipUrl).toMatch(/\/v([\d.]+)\/electron-v\1-[a-z0-9]+-[a-z0-9]+\.zip$/);
      expect(await before.electronZipCached()).toBe(false);
      // @electron/get's layout: <cache>/<sha256 of the download folder URL>/<file name>.
      const url = before.electronZipUrl;
      const folder = createHash('sha256').update(url.slice(0, url.lastIndexOf('/'))).digest('hex');
      mkdirSync(join(cache, folder), { recursive: true });
      writeFileSync(join(cache, folder, basename(url)), 'zip');
      expect(await (await realProbes(resolve(__dirname, '..'))).electronZipCached()).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.electron_config_cache;
      else process.env.electron_config_cache = saved;
    }
  });
});

describe('reachable', () => {
  const listen = async (server: Server): Promise<number> => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return (server.address() as { port: number }).port;
  };

  it('counts any HTTP answer, even a redirect', async () => {
    const server = createHttpServer((_req, res) => res.writeHead(302, { Location: 'https://example.invalid/' }).end());
    const port = await listen(server);
    try {
      expect(await reachable(`http://127.0.0.1:${port}/electron.zip`, 3000)).toBe(true);
    } finally {
      server.close();
    }
  });

  it('gives up on a refused connection at once and on a silent host at the timeout', async () => {
    const silent = createTcpServer(() => {});
    const port = await listen(silent);
    try {
      const started = Date.now();
      expect(await reachable(`http://127.0.0.1:${port}/electron.zip`, 500)).toBe(false);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      silent.close();
    }
    expect(await reachable(`http://127.0.0.1:${port}/electron.zip`, 3000)).toBe(false);
  });
});
