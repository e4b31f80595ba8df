// `npm run dist:fetch [-- --only win|linux]`, on a connected machine: fills the release cache with every file the
// offline `npm run dist:win` / `dist:linux` need (the list and layout: cache.ts) and writes manifest.json.
// Run it again to complete an interrupted fetch. Node's fetch ignores HTTPS_PROXY unless NODE_USE_ENV_PROXY=1 is
// set (recent Node 22.x / 24.x releases), so behind a proxy set both.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { releasePaths } from '../../electron-builder';
import { filesToFetch, installedVersions, type Os } from './cache';
import { fillCache } from './fill-cache';

async function main(): Promise<void> {
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const oses: Os[] = process.argv.includes('--only') && (only === 'win' || only === 'linux') ? [only] : ['win', 'linux'];
  const root = releasePaths().cacheDir;
  const versions = installedVersions();
  console.log(`[dist:fetch] Electron ${versions.electron}（ABI ${versions.abi}）、better-sqlite3 ${versions.betterSqlite3}，平台 ${oses.join('、')} → ${root}`);
  mkdirSync(root, { recursive: true });
  const { stored, absent } = await fillCache(root, filesToFetch(versions, oses));
  const manifest = {
    ...versions,
    fetchedAt: new Date().toISOString(),
    platforms: oses,
    files: stored.map(({ path, url, sha256 }) => ({ path, url, sha256 })),
    notPublishedUpstream: absent,
  };
  writeFileSync(join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`[dist:fetch] 完成：${stored.length} 个文件在 ${root}。把项目文件夹（含 node_modules）和这个缓存带到离线电脑，运行 npm run dist:win 或 npm run dist:linux。`);
}

main().catch((error: unknown) => {
  console.error(`[dist:fetch] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
