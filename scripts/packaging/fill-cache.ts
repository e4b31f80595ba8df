// Downloads cache files (cache.ts) into the release cache: each verified against its pinned or upstream SHA-256
// before it is kept, with <file>.sha256 beside it. Files already present and intact are not downloaded again.
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { problemWith, readSidecar, sha256File, writeSidecar, type CacheFile } from './cache';

type Fetch = (url: string) => Promise<Response>;

async function download(get: Fetch, url: string, dest: string): Promise<'ok' | 'absent'> {
  let response: Response;
  try {
    response = await get(url);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`无法下载 ${url}（${cause}）。dist:fetch 需要联网；镜像见 ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR。`);
  }
  if (response.status === 404) return 'absent';
  if (!response.ok || !response.body) throw new Error(`下载失败 ${url}：HTTP ${response.status}`);
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), createWriteStream(partial));
  renameSync(partial, dest);
  return 'ok';
}

export interface FillResult {
  stored: Array<CacheFile & { sha256: string }>;
  /** optional files upstream does not publish */
  absent: string[];
}

export async function fillCache(root: string, files: CacheFile[], get: Fetch = fetch, log: (line: string) => void = console.log): Promise<FillResult> {
  // Upstream SHASUMS256.txt, fetched once per run and kept beside the files it lists (electron/, headers/).
  const lists = new Map<string, Map<string, string>>();
  const listed = async (file: CacheFile & { shasums: NonNullable<CacheFile['shasums']> }) => {
    let sums = lists.get(file.shasums.url);
    if (!sums) {
      const dest = join(root, dirname(file.path).split('/')[0]!, 'SHASUMS256.txt');
      if ((await download(get, file.shasums.url, dest)) === 'absent') throw new Error(`上游没有校验清单 ${file.shasums.url}`);
      sums = new Map([...readFileSync(dest, 'utf8').matchAll(/^([0-9a-f]{64})\s+\*?(\S+)\s*$/gim)].map((m) => [m[2]!, m[1]!.toLowerCase()]));
      lists.set(file.shasums.url, sums);
    }
    const sum = sums.get(file.shasums.name);
    if (!sum) throw new Error(`校验清单 ${file.shasums.url} 里没有 ${file.shasums.name}`);
    return sum;
  };
  const result: FillResult = { stored: [], absent: [] };
  for (const file of files) {
    const path = join(root, file.path);
    const expected = file.sha256 ?? (file.shasums ? await listed({ ...file, shasums: file.shasums }) : undefined);
    const intact = (await problemWith(root, file)) === undefined && (!expected || readSidecar(path) === expected);
    if (!intact) {
      log(`[dist:fetch] 下载 ${file.url}`);
      if ((await download(get, file.url, path)) === 'absent') {
        if (!file.optional) throw new Error(`上游没有这个文件：${file.url}`);
        result.absent.push(file.path);
        log(`[dist:fetch] 上游未提供 ${file.path}：打包时改用缓存中的 Electron 头文件在同平台电脑上编译 better-sqlite3（需要 C++ 编译工具）。`);
        continue;
      }
      const actual = await sha256File(path);
      if (expected && actual !== expected) {
        rmSync(path, { force: true });
        throw new Error(`校验失败，已删除：${file.url}（应为 ${expected}，实为 ${actual}）`);
      }
      writeSidecar(path, actual);
    }
    result.stored.push({ ...file, sha256: readSidecar(path)! });
  }
  return result;
}
