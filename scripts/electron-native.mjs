// better-sqlite3 for Electron's ABI in out/native/better_sqlite3.node (src/main/shell/database.ts passes it to
// better-sqlite3 as nativeBinding). node_modules keeps the Node build, so the CLI and the tests are unaffected.
// Built by the pinned devDependency @electron/rebuild (never `npx --yes`), from a throw-away copy of
// better-sqlite3; needs Electron's headers (~/.electron-gyp, downloaded once) and a C++ toolchain.
// `npm start` calls buildNative() with a timeout; run this file directly to build (or rebuild) by hand.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLogged } from './start/run.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'native');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'better_sqlite3.json');
export const NATIVE_LOG = join(root, 'out', 'logs', 'electron-native.log');

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** What the binding must have been built for; undefined when electron or better-sqlite3 is not installed. */
function wanted() {
  const electron = packageVersion('electron');
  const betterSqlite3 = packageVersion('better-sqlite3');
  if (!electron || !betterSqlite3) return undefined;
  return { electron, betterSqlite3, platform: process.platform, arch: process.arch };
}

/** True when out/native holds a binding built for the installed Electron and better-sqlite3. */
export function nativeReady() {
  const want = wanted();
  if (!want || !existsSync(target) || !existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(want).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

/** Where node-gyp (run by @electron/rebuild --sequential) keeps Electron's headers once downloaded. */
export function headersCached(home = homedir()) {
  const version = packageVersion('electron');
  return Boolean(version) && existsSync(join(home, '.electron-gyp', version, 'installVersion'));
}

export function headersUrl() {
  const base = (process.env.ELECTRON_REBUILD_DIST_URL || 'https://www.electronjs.org/headers').replace(/\/+$/, '');
  const version = packageVersion('electron');
  return `${base}/v${version}/node-v${version}-headers.tar.gz`;
}

function rebuildCli() {
  try {
    const cli = join(dirname(require.resolve('@electron/rebuild')), 'cli.js');
    return existsSync(cli) ? cli : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the binding; resolves true on success. `fromSource` skips prebuilt downloads (offline with cached
 * headers). Output goes to NATIVE_LOG; the timeout ends the compiler too.
 */
export async function buildNative({ fromSource, timeoutMs }) {
  const want = wanted();
  const cli = rebuildCli();
  if (!want || !cli) {
    mkdirSync(dirname(NATIVE_LOG), { recursive: true });
    writeFileSync(NATIVE_LOG, '找不到 electron、better-sqlite3 或 @electron/rebuild，请先在项目目录运行 npm install。\n');
    return false;
  }
  // A throw-away project holding a copy of better-sqlite3, so node_modules keeps its Node build.
  const work = mkdtempSync(join(tmpdir(), 'bw-electron-native-'));
  try {
    const source = dirname(require.resolve('better-sqlite3/package.json'));
    const copy = join(work, 'node_modules', 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (path) => path !== join(source, 'build') });
    const project = { name: 'electron-native-build', private: true, dependencies: { 'better-sqlite3': want.betterSqlite3 } };
    writeFileSync(join(work, 'package.json'), JSON.stringify(project));
    const args = [cli, '--version', want.electron, '--arch', process.arch, '--module-dir', work, '--only', 'better-sqlite3', '--force', '--sequential'];
    if (fromSource) args.push('--build-from-source');
    const result = await runLogged(process.execPath, args, { cwd: work, timeoutMs, logFile: NATIVE_LOG });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!result.ok || !existsSync(built)) return false;
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, target);
    writeFileSync(stampFile, JSON.stringify(want, null, 2));
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Run directly: build when needed, with Chinese messages and no time limit worth noticing.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (nativeReady()) {
    console.log(`[electron-native] 已是最新：${target}`);
  } else {
    console.log('[electron-native] 正在为 Electron 编译 better-sqlite3（只需一次，约一两分钟）…');
    const ok = await buildNative({ fromSource: process.argv.includes('--build-from-source'), timeoutMs: 30 * 60 * 1000 });
    if (ok) console.log(`[electron-native] 完成：${target}`);
    else {
      console.error(
        `[electron-native] 编译失败，详见 ${NATIVE_LOG}。需要 Electron 头文件（首次需联网，之后在 ~/.electron-gyp）和 C++ 编译工具（见 README）；` +
          '也可以从同样操作系统和 CPU 的电脑复制 out/native/better_sqlite3.node 和 better_sqlite3.json。',
      );
      process.exitCode = 1;
    }
  }
}
