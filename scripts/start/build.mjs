// Builds out/ with electron-vite only when it is missing or older than the sources, so `npm start` after the
// first build starts at once. The build output goes to out/logs/build.log.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runLogged } from './run.mjs';

const OUTPUTS = ['out/main/index.js', 'out/main/services.js', 'out/main/cli.js', 'out/preload/index.js', 'out/renderer/index.html'];
const SOURCES = ['src', 'resources', 'electron.vite.config.ts', 'package-lock.json'];
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when an output is missing or any source changed after the oldest output was written. */
export function buildIsStale(root) {
  const outputs = OUTPUTS.map((file) => join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** One build at a time (two starts, or tests in parallel): out/.build-lock holds the builder's pid. */
async function withBuildLock(root, build) {
  const lock = join(root, 'out', '.build-lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner = 0;
    try {
      owner = Number(readFileSync(lock, 'utf8'));
    } catch {
      continue;
    }
    // Left by a build that was killed: take it over.
    if (!owner || !alive(owner)) rmSync(lock, { force: true });
    else await new Promise((r) => setTimeout(r, 200));
  }
  const release = () => rmSync(lock, { force: true });
  process.once('exit', release);
  try {
    return await build();
  } finally {
    process.off('exit', release);
    release();
  }
}

/** Builds when stale; resolves with undefined, or with the path of the build log when the build failed. */
export async function ensureBuilt(root, notify) {
  if (!buildIsStale(root)) return undefined;
  return withBuildLock(root, async () => {
    // Another process may have built it while we waited.
    if (!buildIsStale(root)) return undefined;
    notify('正在构建工作台（首次启动或源代码有更新，约需几秒到十几秒）…');
    const bin = join(createRequire(join(root, 'package.json')).resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js');
    const logFile = join(root, 'out', 'logs', 'build.log');
    const result = await runLogged(process.execPath, [bin, 'build'], { cwd: root, timeoutMs: BUILD_TIMEOUT_MS, logFile });
    return result.ok ? undefined : logFile;
  });
}
