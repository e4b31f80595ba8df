// The release cache: every file `npm run dist:win` / `dist:linux` would otherwise download, in one folder
// (release-cache/, or $BW_RELEASE_CACHE: releasePaths in electron-builder.ts), filled on a connected machine by
// `npm run dist:fetch`. This file is the one list of those files: fill-cache.ts downloads them, dist.ts checks them.
//
//   electron/          electron-v<V>-<platform>-<arch>.zip, SHASUMS256.txt        → electron-builder `electronDist`
//   headers/           node-v<V>-headers.tar.gz, win-x64/node.lib, SHASUMS256.txt → node-gyp --nodedir (native build)
//   better-sqlite3/    better-sqlite3-v<S>-electron-v<ABI>-<platform>-<arch>.tar.gz, when upstream publishes it
//   electron-builder/  <release>/<archive> of electron-builder-binaries            → $ELECTRON_BUILDER_CACHE
//   manifest.json      versions, every file with its address and SHA-256
// Every file has <file>.sha256 beside it (`sha256sum -c` format).
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export type Os = 'win' | 'linux';
export type Arch = 'x64' | 'arm64';

export interface Versions {
  electron: string;
  betterSqlite3: string;
  /** Electron's NODE_MODULE_VERSION, which names better-sqlite3's prebuilt archives */
  abi: string;
}

export interface CacheFile {
  /** relative to the cache folder, with forward slashes */
  path: string;
  url: string;
  /** known in advance (electron-builder's own pinned checksums) */
  sha256?: string;
  /** upstream SHASUMS256.txt that lists this file, and the name it is listed under */
  shasums?: { url: string; name: string };
  /** may be absent upstream (a prebuilt binary); then the native module is compiled from the headers */
  optional?: boolean;
}

const requireFromRoot = createRequire(join(ROOT, 'package.json'));

function versionOf(name: string): string {
  return (JSON.parse(readFileSync(requireFromRoot.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/** The versions installed in node_modules: the cache must match them exactly. */
export function installedVersions(): Versions {
  const electron = versionOf('electron');
  // node-abi comes with better-sqlite3 (through prebuild-install), so it is there whenever the app can run.
  const nodeAbi = createRequire(requireFromRoot.resolve('better-sqlite3/package.json'))('node-abi') as {
    getAbi(target: string, runtime: string): string;
  };
  return { electron, betterSqlite3: versionOf('better-sqlite3'), abi: nodeAbi.getAbi(electron, 'electron') };
}

export const nodePlatform = (os: Os): 'win32' | 'linux' => (os === 'win' ? 'win32' : 'linux');

// Mirrors use the variables the upstream tools read, so a mirror configured for them works here too.
function electronBase(version: string, env: NodeJS.ProcessEnv): string {
  const mirror = env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  const dir = env.ELECTRON_CUSTOM_DIR?.replace('{{ version }}', version) ?? `v${version}`;
  return `${mirror.replace(/\/?$/, '/')}${dir}/`;
}

export function electronZip(v: Versions, os: Os, arch: Arch, env = process.env): CacheFile {
  const name = `electron-v${v.electron}-${nodePlatform(os)}-${arch}.zip`;
  const base = electronBase(v.electron, env);
  return { path: `electron/${name}`, url: base + name, shasums: { url: `${base}SHASUMS256.txt`, name } };
}

/** Electron's Node headers (and, for Windows, the import library node.lib) for compiling better-sqlite3. */
export function headerFiles(v: Versions, os: Os, arch: Arch): CacheFile[] {
  const base = `https://artifacts.electronjs.org/headers/dist/v${v.electron}/`;
  const shasums = (name: string) => ({ url: `${base}SHASUMS256.txt`, name });
  const tarball = `node-v${v.electron}-headers.tar.gz`;
  const files: CacheFile[] = [{ path: `headers/${tarball}`, url: base + tarball, shasums: shasums(tarball) }];
  if (os === 'win') files.push({ path: `headers/win-${arch}/node.lib`, url: `${base}win-${arch}/node.lib`, shasums: shasums(`win-${arch}/node.lib`) });
  return files;
}

export function prebuiltSqlite(v: Versions, os: Os, arch: Arch): CacheFile {
  const name = `better-sqlite3-v${v.betterSqlite3}-electron-v${v.abi}-${nodePlatform(os)}-${arch}.tar.gz`;
  return { path: `better-sqlite3/${name}`, url: `https://github.com/WiseLibs/better-sqlite3/releases/download/v${v.betterSqlite3}/${name}`, optional: true };
}

/**
 * Tool archives electron-builder 26.17.0 downloads from electron-builder-binaries for our targets with the
 * toolsets pinned in electron-builder.ts (all "0.0.0"), and their checksums as written in app-builder-lib
 * (tests/packaging.test.ts checks them against node_modules, so an upgrade cannot drift silently).
 * Stored as <release>/<archive>: electron-builder's documented offline layout under ELECTRON_BUILDER_CACHE.
 */
const TOOLS = {
  'nsis-3.0.4.1/nsis-3.0.4.1.7z': '9877df902530f96357d13a7a31ae2b9df67f48b11ffc9a1700a7c961574ec5fa',
  'nsis-resources-3.4.1/nsis-resources-3.4.1.7z': '593a9a92ef958321293ac6a2ee61e64bf1bd543142a5bd6b3d310709cc924103',
  'appimage-12.0.1/appimage-12.0.1.7z': 'd12ff7eb8f1d1ec4652ca5237a7fbdca33acc0c758045636feca62dc6ecb8ec4',
  '7zip@1.0.0/7zip-win-x64.tar.gz': 'be071f15bd6da2f78fe81c6ddef2009b0c4d8a51f36b780cb806c7e6df95e1b3',
  '7zip@1.0.0/7zip-linux-x64.tar.gz': 'd151bb44b2a9d9bfc52813ce4cac042916394a0ab8a56bd5d221a5dc9ef8d5d7',
  '7zip@1.0.0/7zip-linux-arm64.tar.gz': '5aff5034206b78f8261249ceb922b5c7e04c9bdb733784d8f5b6df9732cf1f79',
  'fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-amd64.7z': '44b0ec6025c14ec137f56180e62675c0eae36233cdce53d0953d9c73ced8989f',
  'fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-arm64v8.7z': '338b50cfa7f12d745a997d1a3d000bcd0410008050fa7d8c4476a78a61c0564e',
} as const;
export const TOOL_CHECKSUMS: Readonly<Record<string, string>> = TOOLS;

function tool(key: keyof typeof TOOLS, env: NodeJS.ProcessEnv): CacheFile {
  const mirror = env.ELECTRON_BUILDER_BINARIES_MIRROR || 'https://github.com/electron-userland/electron-builder-binaries/releases/download/';
  return { path: `electron-builder/${key}`, url: mirror.replace(/\/?$/, '/') + key, sha256: TOOLS[key] };
}

/** Tools for building `os` packages on a host of `hostArch` (the Windows installers are built on Windows x64). */
export function toolFiles(os: Os, hostArch: Arch, env = process.env): CacheFile[] {
  if (os === 'win') return [tool('nsis-3.0.4.1/nsis-3.0.4.1.7z', env), tool('nsis-resources-3.4.1/nsis-resources-3.4.1.7z', env), tool('7zip@1.0.0/7zip-win-x64.tar.gz', env)];
  const fpm = hostArch === 'arm64' ? 'fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-arm64v8.7z' : 'fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-amd64.7z';
  return [tool(fpm, env), tool('appimage-12.0.1/appimage-12.0.1.7z', env), tool(`7zip@1.0.0/7zip-linux-${hostArch}.tar.gz`, env)];
}

export const TARGET_ARCHS: Record<Os, Arch[]> = { win: ['x64'], linux: ['x64', 'arm64'] };

/** Everything dist:fetch stores for these platforms: both Linux build hosts (x64 and arm64) are covered. */
export function filesToFetch(v: Versions, oses: Os[], env = process.env): CacheFile[] {
  const files: CacheFile[] = [];
  for (const os of oses) {
    for (const arch of TARGET_ARCHS[os]) files.push(electronZip(v, os, arch, env), ...headerFiles(v, os, arch), prebuiltSqlite(v, os, arch));
    for (const host of os === 'win' ? (['x64'] as Arch[]) : (['x64', 'arm64'] as Arch[])) files.push(...toolFiles(os, host, env));
  }
  return files.filter((file, i) => files.findIndex((other) => other.path === file.path) === i);
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const sidecar = (path: string): string => `${path}.sha256`;

export function writeSidecar(path: string, sha256: string): void {
  writeFileSync(sidecar(path), `${sha256}  ${basename(path)}\n`);
}

export function readSidecar(path: string): string | undefined {
  if (!existsSync(sidecar(path))) return undefined;
  return /^([0-9a-f]{64})\b/.exec(readFileSync(sidecar(path), 'utf8'))?.[1];
}

/** Why a cached file cannot be used, in Chinese, or undefined when it is present and intact. */
export async function problemWith(root: string, file: CacheFile): Promise<string | undefined> {
  const path = join(root, file.path);
  if (!existsSync(path)) return `缺少 ${path}`;
  const recorded = readSidecar(path);
  if (!recorded) return `缺少校验文件 ${sidecar(path)}`;
  const actual = await sha256File(path);
  if (actual !== recorded || (file.sha256 && actual !== file.sha256)) return `校验失败（文件已损坏或被替换）：${path}`;
  return undefined;
}
