// `npm run dist:win` (NSIS installer + portable, x64) and `npm run dist:linux` (deb + AppImage, x64 and arm64),
// offline: every download comes from the release cache (cache.ts), filled by `npm run dist:fetch`.
//   extra flags (after `--`): --dir (unpacked folders only) --x64 / --arm64 (only these) --skip-build (package out/ as it is)
// Steps: check the cache (fail at once, naming each missing file) → electron-vite build → icons → better-sqlite3 for
// Electron per architecture → electron-builder with ELECTRON_BUILDER_CACHE inside the cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { releasePaths, stageDir } from '../../electron-builder';
import { electronZip, headerFiles, installedVersions, nodePlatform, prebuiltSqlite, problemWith, ROOT, TARGET_ARCHS, toolFiles, type Arch, type CacheFile, type Os, type Versions } from './cache';
import { writeIcons } from './icons';
import { compileBlocker, DistError, prepareNative } from './native';

interface Options {
  os: Os;
  archs: Arch[];
  dir: boolean;
  /** run electron-vite build first */
  build: boolean;
}

function parseArgs(argv: string[]): Options {
  const os = argv[0];
  if (os !== 'win' && os !== 'linux') throw new DistError('用法：tsx scripts/packaging/dist.ts win|linux [--dir] [--x64] [--arm64] [--skip-build]');
  const only = TARGET_ARCHS[os].filter((arch) => argv.includes(`--${arch}`));
  return { os, archs: only.length > 0 ? only : TARGET_ARCHS[os], dir: argv.includes('--dir'), build: !argv.includes('--skip-build') };
}

/** Everything missing or damaged in the cache for this build, in Chinese; empty when the build can run offline. */
async function cacheProblems(cache: string, v: Versions, options: Options): Promise<string[]> {
  const problems: string[] = [];
  const check = async (file: CacheFile) => {
    const problem = await problemWith(cache, file);
    if (problem) problems.push(problem);
  };
  for (const arch of options.archs) await check(electronZip(v, options.os, arch));
  if (!options.dir) for (const file of toolFiles(options.os, process.arch as Arch)) await check(file);
  for (const arch of options.archs) {
    const prebuilt = prebuiltSqlite(v, options.os, arch);
    const problem = await problemWith(cache, prebuilt);
    if (!problem) continue;
    if (existsSync(join(cache, prebuilt.path))) {
      problems.push(problem);
      continue;
    }
    // No prebuilt: compile from Electron's headers, which needs those files and a host able to build os-arch.
    const missingHeaders = (await Promise.all(headerFiles(v, options.os, arch).map((file) => problemWith(cache, file)))).filter(Boolean);
    const blocker = compileBlocker(options.os, arch);
    if (missingHeaders.length > 0 || blocker) {
      problems.push(`better-sqlite3 (${options.os}-${arch})：缺少预编译包 ${join(cache, prebuilt.path)}，也无法本机编译：${[...missingHeaders, blocker].filter(Boolean).join('；')}`);
    }
  }
  return problems;
}

function hostCheck(options: Options): void {
  if (options.dir) return;
  if (options.os === 'win' && (process.platform !== 'win32' || process.arch !== 'x64')) {
    throw new DistError('Windows 安装包要在 x64 的 Windows 电脑上生成（NSIS 要在 Windows 下生成卸载程序）。这里只能用 --dir 生成未打包的目录。');
  }
  if (options.os === 'linux' && process.platform !== 'linux') throw new DistError('deb 和 AppImage 要在 Linux 电脑上生成。这里只能用 --dir 生成未打包的目录。');
  if (process.arch !== 'x64' && process.arch !== 'arm64') throw new DistError(`不支持在 ${process.arch} 电脑上打包（支持 x64 和 arm64）。`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  hostCheck(options);
  const paths = releasePaths();
  const stage = stageDir(paths);
  if (relative(ROOT, stage).startsWith('..') || isAbsolute(relative(ROOT, stage))) {
    throw new DistError(`输出文件夹 ${paths.outDir} 必须在项目文件夹内（electron-builder 按项目内的相对路径决定哪些文件解压到 asar 之外）。`);
  }
  const versions = installedVersions();
  const problems = await cacheProblems(paths.cacheDir, versions, options);
  if (problems.length > 0) {
    throw new DistError(
      `离线发布缓存不完整（${paths.cacheDir}）：\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        '请在联网电脑上运行 npm run dist:fetch，再把 release-cache 文件夹一起带过来（放在项目目录里，或用环境变量 BW_RELEASE_CACHE 指向它）。',
    );
  }
  if (options.build) {
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new DistError('electron-vite build 失败（见上面的输出）。');
  }
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new DistError('out/main/index.js 不存在：请先运行 npm run build。');
  mkdirSync(stage, { recursive: true });
  writeIcons(join(ROOT, 'resources', 'icon.svg'), stage);
  for (const arch of options.archs) console.log(`[dist] ${await prepareNative(paths.cacheDir, stage, versions, options.os, arch)}`);

  // electron-builder.ts reads the same two paths from these variables; its tool archives come from the cache.
  process.env.BW_RELEASE_CACHE = paths.cacheDir;
  process.env.BW_RELEASE_OUT = paths.outDir;
  process.env.ELECTRON_BUILDER_CACHE = join(paths.cacheDir, 'electron-builder');
  const { build, Platform, Arch: BuilderArch } = await import('electron-builder');
  const platform = nodePlatform(options.os) === 'win32' ? Platform.WINDOWS : Platform.LINUX;
  const types = options.dir ? ['dir'] : options.os === 'win' ? ['nsis', 'portable'] : ['deb', 'AppImage'];
  const artifacts = await build({ projectDir: ROOT, targets: platform.createTarget(types, ...options.archs.map((arch) => BuilderArch[arch])), publish: 'never' });
  console.log(`[dist] 完成，输出在 ${paths.outDir}${artifacts.length > 0 ? `：\n${artifacts.map((file) => `  ${file}`).join('\n')}` : ''}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof DistError ? `[dist] ${error.message}` : error);
  process.exitCode = 1;
});
