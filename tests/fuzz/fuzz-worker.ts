// Runs one hostile file at a time through `check`'s path (read, import, validate) and answers how it ended.
import { parentPort } from 'node:worker_threads';
import { checkWorkbook } from '../../src/main/services/exchange';

export interface FuzzAnswer {
  file: string;
  /** read: a result with findings or a refusal message; crash: something escaped the service. */
  outcome: 'read' | 'refused' | 'crash';
  message?: string;
  ms: number;
  heapMb: number;
}

parentPort?.on('message', async (file: string) => {
  const started = performance.now();
  let answer: Omit<FuzzAnswer, 'ms' | 'heapMb'>;
  try {
    const result = await checkWorkbook(file);
    answer = 'error' in result && !result.ok ? { file, outcome: 'refused', message: result.error } : { file, outcome: 'read' };
  } catch (error) {
    answer = { file, outcome: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage({ ...answer, ms: performance.now() - started, heapMb: process.memoryUsage().heapUsed / 1048576 } satisfies FuzzAnswer);
});
