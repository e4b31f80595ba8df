// Runs an import in a worker thread so a large workbook never blocks the Electron main process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors';
import type { ImportResult } from './import-book';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/** The bundled worker sits beside the built main entry; from source (tests, tsx) tsx compiles worker.ts. */
function startWorker(request: WorkerRequest): Worker {
  // Bundled code may run from out/main or from a chunk in out/main/chunks.
  const built = [join(__dirname, 'import-worker.js'), join(__dirname, '..', 'import-worker.js')].find((path) => existsSync(path));
  if (built) return new Worker(built, { workerData: request });
  const source = JSON.stringify(join(__dirname, 'worker.ts'));
  return new Worker(`require('tsx/cjs'); require(${source});`, { eval: true, workerData: request });
}

export function importInWorker(request: WorkerRequest, onProgress?: (message: string) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.message);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else if (message.type === 'importError') settle(() => reject(new ImportError(message.message, message.file, message.sheet, message.cell)));
      else settle(() => reject(new Error(`导入过程意外中止：${message.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`导入进程意外退出（代码 ${code}）。`))));
  });
}
