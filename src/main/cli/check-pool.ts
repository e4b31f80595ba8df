// `check` of many workbooks on every core: worker threads (at most one per core, with the import worker's memory
// limit) take the files in turn; results come back in input order whatever finishes first. A worker that dies on a
// file (out of memory) reports that file as unreadable and is replaced. Few files are checked in this thread:
// starting workers costs more than it saves.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileLabel } from '../import/file-label';
import { WORKER_LIMITS } from '../import/run-in-worker';
import { checkWorkbook, type CheckResult } from '../services/exchange';

export interface CheckJob {
  index: number;
  file: string;
  template?: string;
}

export interface CheckAnswer {
  index: number;
  result: CheckResult;
}

/** Below this many files the batch stays in this thread. */
const PARALLEL_FROM = 8;

function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_LIMITS.memoryMb, maxYoungGenerationSizeMb: 64 };
  const built = [join(__dirname, 'check-worker.js'), join(__dirname, '..', 'check-worker.js')].find((path) => existsSync(path));
  if (built) return new Worker(built, { resourceLimits });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'check-worker.ts'))});`, { eval: true, resourceLimits });
}

export async function checkMany(files: readonly string[], template: string | undefined, onProgress: (done: number, total: number, file: string) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array(files.length);
  let done = 0;
  const finished = (index: number, result: CheckResult): void => {
    results[index] = result;
    onProgress(++done, files.length, files[index] as string);
  };
  const workers = Math.min(availableParallelism(), Math.ceil(files.length / 2));
  if (files.length < PARALLEL_FROM || workers < 2) {
    for (const [index, file] of files.entries()) finished(index, await checkWorkbook(file, template));
    return results;
  }
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker = startWorker();
    try {
      while (next < files.length) {
        const index = next++;
        const file = files[index] as string;
        try {
          finished(index, await ask(worker, { index, file, ...(template ? { template } : {}) }));
        } catch {
          // The worker died on this file (its memory limit): the file is reported, the next one gets a new worker.
          finished(index, { file: fileLabel(file), ok: false, error: `读取「${fileLabel(file)}」需要的内存超过 ${WORKER_LIMITS.memoryMb} MB 的上限，已停止。文件可能已损坏或异常庞大，请检查后重试。` });
          await worker.terminate();
          worker = startWorker();
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: workers }, lane));
  return results;
}

function ask(worker: Worker, job: CheckJob): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: CheckAnswer): void => {
      cleanup();
      resolve(answer.result);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
  });
}
