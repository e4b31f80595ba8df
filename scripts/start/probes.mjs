// The real probes behind decideLaunch(): what is on disk, what the network answers, and the two slow steps
// (fetching Electron with its own install.js, building better-sqlite3 for it). Never triggers a download by
// itself: electron's index.js would, so the binary's path is worked out here instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildNative, headersCached, headersUrl, nativeReady, NATIVE_LOG } from '../electron-native.mjs';
import { runLogged } from './run.mjs';

const EXECUTABLE = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };
const SUPPORTED = { linux: ['x64', 'arm64', 'arm'], win32: ['x64', 'arm64', 'ia32'], darwin: ['x64', 'arm64'] };

/** The Electron executable if it is installed (or ELECTRON_OVERRIDE_DIST_PATH points at one), else undefined. */
export function findElectron(electronDir, env = process.env, platform = process.platform) {
  const read = (file) => (existsSync(join(electronDir, file)) ? readFileSync(join(electronDir, file), 'utf8').trim() : undefined);
  const relative = read('path.txt');
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || EXECUTABLE[platform] || 'electron');
    return existsSync(path) ? path : undefined;
  }
  if (!relative) return undefined;
  const path = join(electronDir, 'dist', relative);
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  return existsSync(path) && read('dist/version')?.replace(/^v/, '') === version ? path : undefined;
}

/** Behind a proxy Node's fetch cannot get out, but the downloaders can: then the proxy answering is what counts. */
function proxyAnswers(proxy, timeoutMs) {
  return new Promise((done) => {
    let target;
    try {
      target = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
    } catch {
      done(false);
      return;
    }
    const socket = connect({ host: target.hostname, port: Number(target.port) || (target.protocol === 'https:' ? 443 : 80) });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Any HTTP answer within `timeoutMs` counts (a redirect from GitHub is fine); DNS failure or silence does not. */
export async function reachable(url, timeoutMs) {
  const proxy = process.env.HTTPS_PROXY || process.env.https_proxy || process.env.npm_config_https_proxy;
  if (proxy && url.startsWith('https:')) return proxyAnswers(proxy, timeoutMs);
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** The zip's download URL and whether @electron/get already holds it in its cache (same rules as install.js). */
async function electronZip(electronDir, version) {
  // As @electron/get normalises them: a 'v' before the version, armv7l for Node's 'arm'.
  const arch = process.arch === 'arm' ? 'armv7l' : process.arch;
  const details = { version: `v${version}`, artifactName: 'electron', platform: process.platform, arch };
  try {
    // @electron/get exports only its index; its cache helpers are read from the files it ships.
    const dist = dirname(createRequire(join(electronDir, 'package.json')).resolve('@electron/get'));
    const { getArtifactRemoteURL, getArtifactFileName } = await import(pathToFileURL(join(dist, 'artifact-utils.js')).href);
    const { Cache } = await import(pathToFileURL(join(dist, 'Cache.js')).href);
    const url = await getArtifactRemoteURL(details);
    const cached = new Cache(process.env.electron_config_cache || undefined).getPathForFileInCache(url, getArtifactFileName(details));
    return { url, cached: Boolean(cached) };
  } catch {
    return { url: `https://github.com/electron/electron/releases/download/v${version}/electron-v${version}-${process.platform}-${arch}.zip`, cached: false };
  }
}

export async function realProbes(root) {
  const electronDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const zip = await electronZip(electronDir, version);
  const electronLog = join(root, 'out', 'logs', 'electron-download.log');
  return {
    platform: process.platform,
    arch: process.arch,
    platformSupported: (SUPPORTED[process.platform] ?? []).includes(process.arch),
    hasDisplay: process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
    electronZipUrl: zip.url,
    headersUrl: headersUrl(),
    logs: { electron: electronLog, native: NATIVE_LOG },
    findElectron: () => findElectron(electronDir),
    electronZipCached: async () => zip.cached,
    reachable,
    fetchElectron: async (timeoutMs) =>
      (await runLogged(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, timeoutMs, logFile: electronLog })).ok,
    nativeReady,
    headersCached: () => headersCached(),
    buildNative,
  };
}
