// Builds better-sqlite3 for Electron's ABI into out/native/better_sqlite3.node (used by src/main/shell/database.ts
// as better-sqlite3's nativeBinding). node_modules keeps the Node build, so the CLI and the tests are unaffected.
// Needs a connected machine (it fetches @electron/rebuild and Electron's headers) and the C++ build tools.
// Does nothing when the binding is already built for the installed Electron and better-sqlite3 versions.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'native');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'better_sqlite3.json');

class Failed extends Error {
  constructor(zh, en, detail) {
    super(en);
    this.zh = zh;
    this.en = en;
    this.detail = detail;
  }
}

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function upToDate(wanted) {
  if (!existsSync(target) || !existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

function build(electronVersion, sqliteVersion, wanted) {
  console.log(`[electron-native] 正在为 Electron ${electronVersion} 编译 better-sqlite3 ${sqliteVersion}（只需一次，约一两分钟）…`);
  console.log(`[electron-native] Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once, a minute or two)…`);
  // A throw-away project holding a copy of better-sqlite3, so node_modules keeps its Node build.
  const work = mkdtempSync(join(tmpdir(), 'bw-electron-native-'));
  try {
    const source = dirname(require.resolve('better-sqlite3/package.json'));
    const copy = join(work, 'node_modules', 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (path) => path !== join(source, 'build') });
    writeFileSync(
      join(work, 'package.json'),
      JSON.stringify({ name: 'electron-native-build', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
    );
    const result = spawnSync(
      'npx',
      ['--yes', '@electron/rebuild', '--version', electronVersion, '--arch', process.arch, '--module-dir', work, '--only', 'better-sqlite3', '--force'],
      { stdio: 'inherit', cwd: work, shell: process.platform === 'win32' },
    );
    if (result.error || result.status !== 0) {
      throw new Failed(
        '为 Electron 编译 better-sqlite3 失败（可能没有联网，或缺少 C++ 编译工具）。',
        'Building better-sqlite3 for Electron failed (no internet, or no C++ build tools?).',
        result.error ? result.error.message : `@electron/rebuild exit code ${result.status}`,
      );
    }
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Failed('编译结束，但找不到 better_sqlite3.node。', `The build finished but ${built} is missing.`);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, target);
    writeFileSync(stampFile, JSON.stringify(wanted, null, 2));
    console.log(`[electron-native] 完成 / done: ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  const electronVersion = packageVersion('electron');
  const sqliteVersion = packageVersion('better-sqlite3');
  if (!electronVersion || !sqliteVersion) {
    throw new Failed('找不到 electron 或 better-sqlite3，请先运行 npm install。', 'electron or better-sqlite3 is missing: run npm install first.');
  }
  const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
  if (!upToDate(wanted)) build(electronVersion, sqliteVersion, wanted);
} catch (error) {
  const failed = error instanceof Failed ? error : new Failed('为 Electron 编译 better-sqlite3 时出错。', 'Building better-sqlite3 for Electron failed.', String(error));
  console.error(`\n[electron-native] ${failed.zh}\n[electron-native] ${failed.en}`);
  if (failed.detail) console.error(`[electron-native] ${failed.detail}`);
  console.error(
    '[electron-native] 需要联网和 C++ 编译工具（见 README）；也可以从同样操作系统和 CPU 的联网电脑复制 out/native/better_sqlite3.node 和 better_sqlite3.json。\n' +
      '[electron-native] Needs internet and a C++ toolchain (see README), or copy out/native/better_sqlite3.node and better_sqlite3.json from a connected machine with the same OS and CPU.',
  );
  process.exitCode = 1;
}
