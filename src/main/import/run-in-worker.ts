// Runs an import in a worker thread so a large workbook never blocks the Electron main process.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { internalErrorMessage, logInternalError } from '../error-log';
import { ImportError } from './errors';
import type { ImportResult } from './import-book';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/**
 * What one import may use: a hostile workbook (a zip bomb below the size check, a sheet whose extent lies) must end
 * in a Chinese answer, not take the machine. Heap and the inflate cap (xlsx/limits.ts) together stay under 1 GB; the largest real department workbooks need a small fraction of either.
 */
export const WORKER_LIMITS = { memoryMb: 640, seconds: 20 };

/** The bundled worker sits beside the built main entry; from source (tests, tsx) tsx compiles worker.ts. */
function startWorker(request: WorkerRequest, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, memoryMb) };
  // Bundled code may run from out/main or from a chunk in out/main/chunks.
  const built = [join(__dirname, 'import-worker.js'), join(__dirname, '..', 'import-worker.js')].find((path) => existsSync(path));
  if (built) return new Worker(built, { workerData: request, resourceLimits });
  const source = JSON.stringify(join(__dirname, 'worker.ts'));
  return new Worker(`require('tsx/cjs'); require(${source});`, { eval: true, workerData: request, resourceLimits });
}

const fileNames = (request: WorkerRequest): string => request.files.map((f) => `「${basename(f)}」`).join('、');

export function importInWorker(request: WorkerRequest, onProgress?: (message: string) => void, limits = WORKER_LIMITS): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request, limits.memoryMb);
    // Past the time limit the worker is stopped: the caller gets the same Chinese answer a refusal would give.
    const timer = setTimeout(
      () => settle(() => reject(new ImportError(`读取${fileNames(request)}超过 ${limits.seconds} 秒仍未完成，已停止。文件可能已损坏或异常庞大（例如压缩炸弹），请检查后重试。`, request.files[0] ?? ''))),
      limits.seconds * 1000,
    );
    timer.unref();
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.message);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else if (message.type === 'importError') settle(() => reject(new ImportError(message.message, message.file, message.sheet, message.cell)));
      // A crash is a bug: its stack goes to the local log, the caller gets the reference only.
      else settle(() => reject(new Error(internalErrorMessage(logInternalError(message.message)))));
    });
    worker.on('error', (error) =>
      settle(() =>
        reject(
          (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportError(`读取${fileNames(request)}需要的内存超过 ${limits.memoryMb} MB 的上限，已停止。文件可能已损坏或异常庞大（例如压缩炸弹），请检查后重试。`, request.files[0] ?? '')
            : error,
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`导入进程意外退出（代码 ${code}）。`))));
  });
}
