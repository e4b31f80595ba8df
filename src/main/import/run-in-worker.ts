// Runs an import in a worker thread so a large workbook never blocks the Electron main process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors';
import type { ImportResult } from './import-book';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/** The bundled worker sits beside the built main entry; from source (tests, tsx) we load the TypeScript file. */
function workerEntry(): { path: string; execArgv: string[] } {
  const built = join(__dirname, 'import-worker.js');
  if (existsSync(built)) return { path: built, execArgv: [] };
  return { path: join(__dirname, 'worker.ts'), execArgv: ['--import', 'tsx'] };
}

export function importInWorker(request: WorkerRequest, onProgress?: (message: string) => void): Promise<ImportResult> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.path, { workerData: request, execArgv: entry.execArgv });
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
