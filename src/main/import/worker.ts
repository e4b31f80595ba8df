// Worker-thread entry: parses workbooks off the Electron main thread (and off the UI), reporting progress.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from './errors';
import { importWorkbooks, type ImportOptions } from './import-book';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

async function run(request: WorkerRequest): Promise<WorkerMessage> {
  const options: ImportOptions = {
    ...(request.familyId ? { familyId: request.familyId } : {}),
    onProgress: (message) => parentPort?.postMessage({ type: 'progress', message } satisfies WorkerMessage),
  };
  try {
    return { type: 'done', result: await importWorkbooks(request.files, options) };
  } catch (error) {
    if (error instanceof ImportError) {
      return { type: 'importError', message: error.message, file: error.file, ...(error.sheet ? { sheet: error.sheet } : {}), ...(error.cell ? { cell: error.cell } : {}) };
    }
    return { type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (parentPort) {
  void run(workerData as WorkerRequest).then((message) => parentPort?.postMessage(message));
}
