// Release packaging without the Electron binary and without network: the electron-builder configuration, the
// offline cache list, the icons, and a real electron-builder run (`dist.ts linux --dir --x64`) against a fake
// cache whose Electron zip holds a stub executable and whose better-sqlite3 "prebuilt" is a stub ELF file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { extractAll, listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { builderConfig, releasePaths, stageDir } from '../electron-builder';
import { electronZip, filesToFetch, readSidecar, installedVersions, prebuiltSqlite, ROOT, TOOL_CHECKSUMS, sha256File, writeSidecar, type CacheFile } from '../scripts/packaging/cache';
import { fillCache } from '../scripts/packaging/fill-cache';
import { ICO_SIZES, PNG_SIZES, writeIcons } from '../scripts/packaging/icons';
import { storedZip } from './helpers/stored-zip';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { devDependencies: Record<string, string> };
const versions = installedVersions();
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DIST = join(ROOT, 'scripts', 'packaging', 'dist.ts');

function runDist(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [TSX, DIST, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: `${result.stdout}\n${result.stderr}` };
}

describe('electron-builder configuration', () => {
  it('names the app, installs per user in Chinese, keeps data and unpacks the native module', () => {
    expect(existsSync(join(ROOT, 'electron-builder.yml'))).toBe(false); // a .yml would take precedence over the .ts
    expect(config.appId).toBe('cn.gov.budget.workbench');
    expect(config.productName).toBe('预算公开工作台');
    expect(pkg.productName).toBe('预算公开工作台'); // Electron names the user-data folder after it
    expect(typeof pkg.author === 'string' && pkg.author.length > 0).toBe(true);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false, installerLanguages: ['zh_CN'], language: '2052' });
    expect(config.nsis?.multiLanguageInstaller).not.toBe(false); // false would make the installer English
    expect(config.win?.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.linux?.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['out/native/**', 'node_modules/better-sqlite3/**']));
    expect(config.npmRebuild).toBe(false);
    expect(config.toolsets).toEqual({ nsis: '0.0.0', appimage: '0.0.0', winCodeSign: '0.0.0' });
    expect(releasePaths({})).toEqual({ cacheDir: join(ROOT, 'release-cache'), outDir: join(ROOT, 'release') });
    const paths = releasePaths();
    expect(config.electronDist).toBe(join(paths.cacheDir, 'electron'));
    expect(config.win?.icon).toBe(join(stageDir(paths), 'icon.ico'));
    expect(config.linux?.icon).toBe(join(stageDir(paths), 'icons'));
    expect(builderConfig({ cacheDir: '/c', outDir: '/o' }).electronDist).toBe(join('/c', 'electron'));
  });
});

describe('offline release cache', () => {
  it('lists every Electron zip and tool archive, with the checksums electron-builder in node_modules pins', () => {
    const paths = filesToFetch(versions, ['win', 'linux']).map((file) => file.path);
    for (const target of ['win32-x64', 'linux-x64', 'linux-arm64']) {
      expect(paths).toContain(`electron/electron-v${versions.electron}-${target}.zip`);
      expect(paths).toContain(`better-sqlite3/better-sqlite3-v${versions.betterSqlite3}-electron-v${versions.abi}-${target}.tar.gz`);
    }
    expect(paths).toContain(`headers/node-v${versions.electron}-headers.tar.gz`);
    expect(paths).toContain('headers/win-x64/node.lib');
    const toolsets = join(ROOT, 'node_modules', 'app-builder-lib', 'out', 'toolsets');
    const source = readdirSync(toolsets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(toolsets, name), 'utf8'))
      .join('\n');
    for (const [key, sha256] of Object.entries(TOOL_CHECKSUMS)) {
      const [release, file] = key.split('/') as [string, string];
      expect(paths).toContain(`electron-builder/${key}`);
      expect(source, key).toContain(release);
      expect(source.split('\n').some((line) => line.includes(`"${file}"`) && line.includes(sha256)), key).toBe(true);
    }
  });

  it('dist:fetch keeps only verified files, with checksums beside them, and resumes', async () => {
    const dir = makeTmpDir('packaging-fetch-');
    const zip = Buffer.from('electron zip');
    const tool = Buffer.from('tool archive');
    const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    const served = new Map<string, Buffer>([
      ['https://e/v1/electron.zip', zip],
      ['https://e/v1/SHASUMS256.txt', Buffer.from(`${sha(zip)} *electron.zip\n`)],
      ['https://t/r/tool.7z', tool],
    ]);
    const requests: string[] = [];
    const get = async (url: string) => {
      requests.push(url);
      const body = served.get(url);
      return body ? new Response(new Uint8Array(body)) : new Response('not found', { status: 404 });
    };
    const files: CacheFile[] = [
      { path: 'electron/electron.zip', url: 'https://e/v1/electron.zip', shasums: { url: 'https://e/v1/SHASUMS256.txt', name: 'electron.zip' } },
      { path: 'electron-builder/r/tool.7z', url: 'https://t/r/tool.7z', sha256: sha(tool) },
      { path: 'better-sqlite3/prebuilt.tar.gz', url: 'https://g/prebuilt.tar.gz', optional: true },
    ];
    try {
      const first = await fillCache(dir.path, files, get, () => {});
      expect(first.stored.map((file) => [file.path, file.sha256])).toEqual([
        ['electron/electron.zip', sha(zip)],
        ['electron-builder/r/tool.7z', sha(tool)],
      ]);
      expect(first.absent).toEqual(['better-sqlite3/prebuilt.tar.gz']);
      expect(readSidecar(dir.file('electron/electron.zip'))).toBe(sha(zip));
      expect(readFileSync(dir.file('electron-builder/r/tool.7z.sha256'), 'utf8')).toBe(`${sha(tool)}  tool.7z\n`);
      expect(existsSync(dir.file('electron/SHASUMS256.txt'))).toBe(true);
      requests.length = 0;
      await fillCache(dir.path, files, get, () => {});
      expect(requests).toEqual(['https://e/v1/SHASUMS256.txt', 'https://g/prebuilt.tar.gz']); // nothing fetched twice
      served.set('https://t/r/tool.7z', Buffer.from('tampered'));
      rmSync(dir.file('electron-builder/r/tool.7z'));
      await expect(fillCache(dir.path, files, get, () => {})).rejects.toThrow(/校验失败/);
      expect(existsSync(dir.file('electron-builder/r/tool.7z'))).toBe(false);
    } finally {
      dir.remove();
    }
  });

  it('stops at once, naming each missing file and npm run dist:fetch', () => {
    const empty = makeTmpDir('packaging-empty-');
    try {
      const { code, out } = runDist(['linux'], { BW_RELEASE_CACHE: empty.path, BW_RELEASE_OUT: empty.file('out') });
      expect(code).toBe(1);
      expect(out).toContain('npm run dist:fetch');
      expect(out).toContain(`electron-v${versions.electron}-linux-x64.zip`);
      expect(out).toContain(`electron-v${versions.electron}-linux-arm64.zip`);
      expect(out).toContain('appimage-12.0.1.7z');
      expect(out).toContain(`node-v${versions.electron}-headers.tar.gz`);
      expect(existsSync(empty.file('out'))).toBe(false);
      const outside = runDist(['linux', '--dir'], { BW_RELEASE_CACHE: empty.path, BW_RELEASE_OUT: join(tmpdir(), 'bw-outside') });
      expect(outside.code).toBe(1);
      expect(outside.out).toContain('必须在项目文件夹内');
    } finally {
      empty.remove();
    }
  });
});

function decodePng(file: string): { size: number; pixel(x: number, y: number): number[] } {
  const png = readFileSync(file);
  const size = png.readUInt32BE(16);
  let at = 8;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data)); // the encoder writes filter 0 on every row
  return { size, pixel: (x, y) => [...rows.subarray(y * (size * 4 + 1) + 1 + x * 4, y * (size * 4 + 1) + 5 + x * 4)] };
}

describe('icons', () => {
  let dir: TmpDir;
  beforeAll(() => {
    dir = makeTmpDir('packaging-icons-');
  });
  afterAll(() => dir.remove());

  it('renders resources/icon.svg to PNGs and a multi-size ICO, sharp at 16 px', () => {
    const files = writeIcons(join(ROOT, 'resources', 'icon.svg'), dir.path);
    for (const size of PNG_SIZES) expect(decodePng(join(files.pngDir, `${size}x${size}.png`)).size).toBe(size);
    expect(decodePng(files.png512).size).toBe(512);
    const ico = readFileSync(files.ico);
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual(ICO_SIZES);
    expect(ICO_SIZES).toContain(256); // electron-builder refuses smaller icons
    const small = decodePng(join(files.pngDir, '16x16.png'));
    expect(small.pixel(0, 0)[3]).toBeLessThan(128); // rounded corner
    expect(small.pixel(8, 0)).toEqual([0xb3, 0x26, 0x1e, 255]); // red tile
    expect(small.pixel(4, 3)).toEqual([0xb3, 0x26, 0x1e, 255]); // header row of the sheet
    expect(small.pixel(4, 5)).toEqual([255, 255, 255, 255]); // a cell
    expect(small.pixel(6, 8)).toEqual([0x7b, 0x87, 0x94, 255]); // a column rule, whole pixels
  });
});

interface Tar {
  c(options: { gzip: boolean; file: string; cwd: string }, files: string[]): Promise<void>;
}
const tar = createRequire(createRequire(join(ROOT, 'package.json')).resolve('app-builder-lib/package.json'))('tar') as Tar;

/** A 64-byte ELF header for x86-64 plus a glibc version string: enough for dist's architecture check. */
function stubElf(): Buffer {
  const elf = Buffer.alloc(64);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  elf.writeUInt16LE(0x3e, 18);
  return Buffer.concat([elf, Buffer.from('GLIBC_2.17\0')]);
}

async function fakeCache(root: string): Promise<void> {
  const put = async (file: CacheFile, write: (path: string) => Promise<void> | void) => {
    const path = join(root, file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    await write(path);
    writeSidecar(path, await sha256File(path));
  };
  await put(electronZip(versions, 'linux', 'x64'), (path) =>
    writeFileSync(
      path,
      storedZip([
        { name: 'electron', data: Buffer.from('#!/bin/sh\nexit 0\n'), mode: 0o100755 },
        { name: 'locales/zh-CN.pak', data: Buffer.from('zh') },
        { name: 'locales/en-US.pak', data: Buffer.from('en') },
        { name: 'locales/de.pak', data: Buffer.from('de') },
      ]),
    ),
  );
  await put(prebuiltSqlite(versions, 'linux', 'x64'), async (path) => {
    const work = mkdtempSync(join(tmpdir(), 'bw-prebuilt-'));
    mkdirSync(join(work, 'build', 'Release'), { recursive: true });
    writeFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), stubElf());
    await tar.c({ gzip: true, file: path, cwd: work }, ['build']);
    rmSync(work, { recursive: true, force: true });
  });
}

describe('packaged app (electron-builder --dir, linux x64, stub Electron)', () => {
  let dir: TmpDir;
  let extracted: string;
  let run: { code: number | null; out: string };
  let app: string;
  let entries: string[];

  beforeAll(async () => {
    dir = makeTmpDir('packaging-dist-');
    await fakeCache(dir.file('cache'));
    run = runDist(['linux', '--dir', '--x64', '--skip-build'], { BW_RELEASE_CACHE: dir.file('cache'), BW_RELEASE_OUT: dir.file('out') });
    app = join(dir.file('out'), 'linux-unpacked');
    const asar = join(app, 'resources', 'app.asar');
    entries = existsSync(asar) ? listPackage(asar, { isPack: false }).map((entry) => entry.replace(/\\/g, '/')) : [];
    // Outside the project, so Node cannot fall back to the project's node_modules.
    extracted = mkdtempSync(join(tmpdir(), 'bw-app-'));
    if (existsSync(asar)) extractAll(asar, extracted);
  }, 120_000);
  afterAll(() => {
    dir.remove();
    rmSync(extracted, { recursive: true, force: true });
  });

  it('builds offline from the cache', () => {
    expect(run.out).not.toMatch(/downloading|下载/i);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('预编译包');
    expect(run.out).toContain('linux-x64，需要 glibc ≥ 2.17');
    expect(existsSync(join(app, 'budget-workbench'))).toBe(true);
    expect(readdirSync(join(app, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('packs what the app runs and nothing else', () => {
    for (const needed of ['/package.json', '/out/main/index.js', '/out/main/services.js', '/out/main/cli.js', '/out/main/import-worker.js', '/out/main/check-worker.js', '/out/preload/index.js', '/out/renderer/index.html', '/resources/catalogue/function-2024.json', '/out/native/better_sqlite3.node', '/node_modules/better-sqlite3/lib/index.js', '/node_modules/exceljs/package.json', '/node_modules/decimal.js/package.json', '/node_modules/@e965/xlsx/xlsx.js']) {
      expect(entries, needed).toContain(needed);
    }
    const forbidden = entries.filter(
      (entry) =>
        /^\/(src|tests|scripts|bin|build|release|release-cache|test-results|bench-results)(\/|$)/.test(entry) ||
        /\/fixtures(\/|$)|\.(ts|tsx|mts|cts|map)$/.test(entry) ||
        /^\/(electron-builder\.ts|tsconfig\.json|vitest\.config\.mts|electron\.vite\.config\.ts|package-lock\.json|README\.md)$/.test(entry) ||
        /^\/out\/native\/better_sqlite3\.json$/.test(entry) ||
        /^\/node_modules\/(better-sqlite3\/(build|deps|src)|exceljs\/dist)(\/|$)/.test(entry),
    );
    expect(forbidden).toEqual([]);
    const dev = Object.keys(pkg.devDependencies).filter((name) => entries.some((entry) => entry.startsWith(`/node_modules/${name}/`)));
    expect(dev).toEqual([]);
  });

  it('unpacks the native module from the asar', () => {
    const unpacked = join(app, 'resources', 'app.asar.unpacked');
    expect(readFileSync(join(unpacked, 'out', 'native', 'better_sqlite3.node'))).toEqual(stubElf());
    expect(existsSync(join(unpacked, 'node_modules', 'better-sqlite3', 'lib', 'index.js'))).toBe(true);
    expect(statFile(join(app, 'resources', 'app.asar'), 'out/native/better_sqlite3.node')).toMatchObject({ unpacked: true });
  });

  it('runs the packaged CLI with only the packaged node_modules (.xlsx through exceljs, .xls through SheetJS)', () => {
    for (const fixture of ['datong-2024-shanxi.xlsx', 'datong-2024-shanxi.xls']) {
      const result = spawnSync(process.execPath, [join(extracted, 'out', 'main', 'cli.js'), 'dump', join(ROOT, 'tests', 'fixtures', fixture), '--json'], { cwd: extracted, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { tables: unknown[] }).tables.length).toBeGreaterThan(0);
    }
  });
});
