// Worker-thread entry for `check FOLDER`: checks one workbook per message and answers with its result.
import { parentPort } from 'node:worker_threads';
import { checkWorkbook } from '../services/exchange';
import type { CheckJob, CheckAnswer } from './check-pool';

parentPort?.on('message', async (job: CheckJob) => {
  const result = await checkWorkbook(job.file, job.template);
  parentPort?.postMessage({ index: job.index, result } satisfies CheckAnswer);
});
