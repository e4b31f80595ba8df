// better-sqlite3 built for Electron's ABI, per target platform and architecture, from the release cache only.
// The packaged app loads it as out/native/better_sqlite3.node (src/main/shell/database.ts), so node_modules keeps
// its Node build for the CLI and the tests. Source, in this order:
//   1. the prebuilt archive upstream publishes for this Electron ABI (cached by dist:fetch), or
//   2. a compile with node-gyp against Electron's headers from the cache (--nodedir: node-gyp downloads nothing).
//      We drive node-gyp directly rather than @electron/rebuild, which first tries a prebuilt download and keeps
//      its headers in ~/.electron-gyp. Needs the C++ tools and a host of the target platform; another CPU needs a
//      cross compiler (Linux: g++-aarch64-linux-gnu / g++-x86-64-linux-gnu).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { headerFiles, nodePlatform, prebuiltSqlite, ROOT, type Arch, type Os, type Versions } from './cache';

export class DistError extends Error {}

interface Tar {
  x(options: { file: string; cwd: string; strip?: number }): Promise<void>;
}
// The tar package electron-builder itself uses (a dependency of app-builder-lib), wherever npm placed it.
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
const tar = createRequire(requireFromRoot.resolve('app-builder-lib/package.json'))('tar') as Tar;

/** UOS 20 (Debian 10 base) ships glibc 2.28; a binary needing more will not load there. */
const TARGET_GLIBC_MINOR = 28;

/** Checks the binary's CPU against the target (ELF e_machine / PE Machine) and reports its glibc floor. */
export function describeBinary(path: string, os: Os, arch: Arch): string {
  const bytes = readFileSync(path);
  let machine: number | undefined;
  if (os === 'linux' && bytes.length >= 64 && bytes.readUInt32BE(0) === 0x7f454c46) machine = bytes.readUInt16LE(18);
  if (os === 'win' && bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.toString('latin1', pe, pe + 4) === 'PE\0\0') machine = bytes.readUInt16LE(pe + 4);
  }
  const wanted = os === 'linux' ? { x64: 0x3e, arm64: 0xb7 }[arch] : { x64: 0x8664, arm64: 0xaa64 }[arch];
  if (machine !== wanted) throw new DistError(`${path} 不是 ${os}-${arch} 的二进制文件（机器类型 ${machine?.toString(16) ?? '无法识别'}）。`);
  if (os !== 'linux') return `${os}-${arch}`;
  const glibc = Math.max(0, ...[...bytes.toString('latin1').matchAll(/GLIBC_2\.(\d+)/g)].map((m) => Number(m[1])));
  if (glibc === 0) return `${os}-${arch}`;
  const note = glibc > TARGET_GLIBC_MINOR ? `（注意：高于统信UOS 20 的 glibc 2.${TARGET_GLIBC_MINOR}，在旧系统上可能无法加载）` : '';
  return `${os}-${arch}，需要 glibc ≥ 2.${glibc}${note}`;
}

const crossPrefix = (arch: Arch): string => (arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu');

/** Why this host cannot compile better-sqlite3 for os-arch, or undefined when it can (given the C++ tools). */
export function compileBlocker(os: Os, arch: Arch): string | undefined {
  if (nodePlatform(os) !== process.platform) return `只能在 ${os === 'win' ? 'Windows' : 'Linux'} 电脑上为 ${os}-${arch} 编译 better-sqlite3`;
  if (arch === process.arch) return undefined;
  const prefix = crossPrefix(arch);
  if (os === 'linux' && spawnSync(`${prefix}-g++`, ['--version'], { stdio: 'ignore' }).status === 0) return undefined;
  return `本机 (${process.arch}) 没有 ${prefix}-g++ 交叉编译器（Debian/UOS: apt install g++-${prefix.replace(/_/g, '-')}），请在 ${arch} 电脑上打包或安装它`;
}

async function compile(cache: string, stage: string, v: Versions, os: Os, arch: Arch, dest: string): Promise<void> {
  const blocker = compileBlocker(os, arch);
  if (blocker) throw new DistError(`缓存里没有 ${os}-${arch} 的 better-sqlite3 预编译包，而${blocker}。`);
  const prefix = crossPrefix(arch);
  const cross = arch === process.arch ? {} : { CC: `${prefix}-gcc`, CXX: `${prefix}-g++`, LINK: `${prefix}-g++`, AR: `${prefix}-ar` };
  const env = { ...process.env, ...cross };
  const [tarball, nodeLib] = headerFiles(v, os, arch).map((file) => join(cache, file.path));
  const nodedir = join(stage, 'headers', `electron-v${v.electron}`);
  if (!existsSync(join(nodedir, 'include', 'node', 'node.h'))) {
    mkdirSync(nodedir, { recursive: true });
    await tar.x({ file: tarball!, cwd: nodedir, strip: 1 });
  }
  // node-gyp looks for the import library at <nodedir>/Release/node.lib when --nodedir is given.
  if (nodeLib) {
    mkdirSync(join(nodedir, 'Release'), { recursive: true });
    copyFileSync(nodeLib, join(nodedir, 'Release', 'node.lib'));
  }
  // A throw-away copy, so node_modules/better-sqlite3 keeps its Node build.
  const work = mkdtempSync(join(tmpdir(), 'bw-sqlite-'));
  try {
    const source = dirname(requireFromRoot.resolve('better-sqlite3/package.json'));
    const copy = join(work, 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (path) => path !== join(source, 'build') });
    const nodeGyp = requireFromRoot.resolve('node-gyp/bin/node-gyp.js');
    const args = [nodeGyp, 'rebuild', '--release', `--nodedir=${nodedir}`, `--arch=${arch}`, '--jobs=max'];
    const result = spawnSync(process.execPath, args, { cwd: copy, env, stdio: 'inherit' });
    if (result.status !== 0) throw new DistError(`用 node-gyp 为 Electron ${v.electron} (${os}-${arch}) 编译 better-sqlite3 失败；需要 C++ 编译工具和 Python（见上面的输出）。`);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), dest);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Puts the Electron-ABI better_sqlite3.node for os-arch at <stage>/native/<os>-<arch>/ and describes it. */
export async function prepareNative(cache: string, stage: string, v: Versions, os: Os, arch: Arch): Promise<string> {
  const dest = join(stage, 'native', `${os}-${arch}`, 'better_sqlite3.node');
  rmSync(dirname(dest), { recursive: true, force: true });
  const prebuilt = join(cache, prebuiltSqlite(v, os, arch).path);
  let origin: string;
  if (existsSync(prebuilt)) {
    const unpacked = join(stage, 'native', `${os}-${arch}-prebuilt`);
    rmSync(unpacked, { recursive: true, force: true });
    mkdirSync(unpacked, { recursive: true });
    await tar.x({ file: prebuilt, cwd: unpacked });
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(unpacked, 'build', 'Release', 'better_sqlite3.node'), dest);
    rmSync(unpacked, { recursive: true, force: true });
    origin = '预编译包';
  } else {
    await compile(cache, stage, v, os, arch, dest);
    origin = '本机编译';
  }
  return `better-sqlite3 ${v.betterSqlite3}（${origin}）：${describeBinary(dest, os, arch)}`;
}
