// electron-builder configuration. Use it through `npm run dist:win` / `npm run dist:linux`
// (scripts/packaging/dist.ts), which first checks the offline release cache, builds the app, draws the icons and
// stages better-sqlite3 for Electron; README "Release" explains the offline path.
import type { Configuration } from 'electron-builder';
import { join, relative, resolve, sep } from 'node:path';

export interface ReleasePaths {
  /** the release cache filled by `npm run dist:fetch` */
  cacheDir: string;
  /** installers go here; generated build inputs (icons, native module) in <outDir>/.stage, inside the project */
  outDir: string;
}

export function releasePaths(env: NodeJS.ProcessEnv = process.env): ReleasePaths {
  return {
    cacheDir: resolve(__dirname, env.BW_RELEASE_CACHE || 'release-cache'),
    outDir: resolve(__dirname, env.BW_RELEASE_OUT || 'release'),
  };
}

export const stageDir = (paths: ReleasePaths): string => join(paths.outDir, '.stage');

export function builderConfig(paths: ReleasePaths): Configuration {
  const stage = stageDir(paths);
  return {
    appId: 'cn.gov.budget.workbench',
    productName: '预算公开工作台',
    directories: { output: paths.outDir, buildResources: stage },
    // A folder holding electron-v<version>-<platform>-<arch>.zip: electron-builder unpacks the one it needs.
    electronDist: join(paths.cacheDir, 'electron'),
    // node_modules keeps better-sqlite3's Node build; the Electron build comes from <stage>/native (below).
    npmRebuild: false,
    // Pinned, so the tool archives in the cache (scripts/packaging/cache.ts) are exactly the ones used.
    toolsets: { nsis: '0.0.0', appimage: '0.0.0', winCodeSign: '0.0.0' },
    electronLanguages: ['zh-CN', 'en-US'],
    files: [
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'resources/catalogue/*.json',
      'package.json',
      '!**/*.{map,ts,mts,cts}', // source maps, TypeScript sources and declarations (exceljs ships index.ts)
      // better-sqlite3: only its JS; its own build is for Node's ABI and the host CPU, its sources are 10 MB.
      '!**/node_modules/better-sqlite3/{build,deps,src}{,/**}',
      '!**/node_modules/exceljs/dist{,/**}', // browser bundles; Node loads exceljs/lib
      // docx: Node loads dist/index.cjs, which bundles everything it needs; its other builds and entries are 20 MB.
      '!**/node_modules/docx/dist/!(index.cjs)',
      '!**/node_modules/docx/node_modules{,/**}',
      '!**/node_modules/@types{,/**}', // pulled in by @fast-csv, types only
      { from: join(stage, 'native', '${os}-${arch}'), to: 'out/native', filter: ['better_sqlite3.node'] },
    ],
    // asarUnpack patterns are matched against a file's source path, so the staged folder is listed as well.
    asarUnpack: ['out/native/**', 'node_modules/better-sqlite3/**', `${relative(__dirname, join(stage, 'native')).split(sep).join('/')}/**`],
    publish: null,
    win: {
      target: [
        { target: 'nsis', arch: ['x64'] },
        { target: 'portable', arch: ['x64'] },
      ],
      icon: join(stage, 'icon.ico'),
    },
    nsis: {
      oneClick: false,
      perMachine: false, // "只为我安装" needs no administrator; the install-mode page still offers "所有用户"
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false, // the clerk's books stay in %APPDATA%\预算公开工作台
      // One language, Simplified Chinese. multiLanguageInstaller must stay true: false means English only.
      installerLanguages: ['zh_CN'],
      multiLanguageInstaller: true,
      language: '2052',
      displayLanguageSelector: false,
      shortcutName: '预算公开工作台',
      artifactName: 'budget-workbench-${version}-setup-${arch}.${ext}',
    },
    portable: { artifactName: 'budget-workbench-${version}-portable-${arch}.${ext}' },
    linux: {
      target: [
        { target: 'deb', arch: ['x64', 'arm64'] },
        { target: 'AppImage', arch: ['x64', 'arm64'] },
      ],
      icon: join(stage, 'icons'),
      executableName: 'budget-workbench',
      category: 'Office',
      maintainer: '预算公开工作台项目组',
      synopsis: '部门预算公开：导入、审核、导出',
    },
    appImage: { artifactName: 'budget-workbench-${version}-${arch}.${ext}' },
  };
}

export default builderConfig(releasePaths());
