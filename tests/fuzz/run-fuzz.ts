// Runs generated hostile files through worker threads with the production limits per file (heap through
// resourceLimits, time through a watchdog) and reports every file that did not end in a Chinese answer in time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { hostileCases, type HostileCase } from './generate';
import type { FuzzAnswer } from './fuzz-worker';

export interface FuzzOptions {
  seed: number;
  count: number;
  workers: number;
  /** Per file: the worker's heap limit and the time before it is stopped. */
  memoryMb: number;
  seconds: number;
  /** Where cases are written; failing cases are kept there for replay. */
  dir: string;
  onProgress?: (done: number, count: number) => void;
}

export interface FuzzFailure {
  name: string;
  kind: string;
  reason: string;
}

export interface FuzzReport {
  cases: number;
  outcomes: Record<string, { read: number; refused: number }>;
  failures: FuzzFailure[];
  slowest: { name: string; ms: number };
  peakHeapMb: number;
  peakRssMb: number;
  totalMs: number;
}

/** What a refusal must not contain: stacks, paths, library English, or our own internal-error reference. */
const LEAKS: [RegExp, string][] = [
  [/\bat .+:\d+:\d+/, '含调用栈'],
  [/(^|[\s(（「])\/(work|home|tmp|usr|root)\//, '含服务器路径'],
  [/node_modules/, '含依赖路径'],
  [/程序内部错误/, '内部错误（程序缺陷）'],
  [/[A-Za-z]+Error\b|Cannot |undefined|is not a function|Unexpected|Invalid time|Maximum call stack/, '含库的英文原文'],
];

export function problemWith(message: string): string | undefined {
  if (!/[\u4e00-\u9fff]/.test(message)) return '不是中文';
  return LEAKS.find(([pattern]) => pattern.test(message))?.[1];
}

function startWorker(memoryMb: number): Worker {
  const source = JSON.stringify(join(__dirname, 'fuzz-worker.ts'));
  return new Worker(`require('tsx/cjs'); require(${source});`, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, memoryMb) },
  });
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const started = performance.now();
  const report: FuzzReport = { cases: 0, outcomes: {}, failures: [], slowest: { name: '', ms: 0 }, peakHeapMb: 0, peakRssMb: 0, totalMs: 0 };
  const sampler = setInterval(() => {
    report.peakRssMb = Math.max(report.peakRssMb, process.memoryUsage.rss() / 1048576);
  }, 50);
  const cases = hostileCases(options.seed, options.count);
  const next = (): HostileCase | undefined => {
    const item = cases.next();
    return item.done ? undefined : item.value;
  };

  const runOne = (worker: Worker, file: string): Promise<FuzzAnswer | { failed: string }> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => finish({ failed: `超过 ${options.seconds} 秒未结束` }), options.seconds * 1000);
      const onMessage = (answer: FuzzAnswer): void => finish(answer);
      const onError = (error: Error): void => finish({ failed: `工作线程失败：${(error as { code?: string }).code ?? error.message}` });
      const finish = (result: FuzzAnswer | { failed: string }): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(result);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(file);
    });

  const lane = async (): Promise<void> => {
    let worker = startWorker(options.memoryMb);
    for (let item = next(); item; item = next()) {
      const file = join(options.dir, item.name);
      writeFileSync(file, item.bytes);
      const result = await runOne(worker, file);
      const outcome = (report.outcomes[item.kind] ??= { read: 0, refused: 0 });
      let reason: string | undefined;
      if ('failed' in result) {
        reason = result.failed;
        await worker.terminate();
        worker = startWorker(options.memoryMb);
      } else {
        if (result.ms > report.slowest.ms) report.slowest = { name: item.name, ms: result.ms };
        report.peakHeapMb = Math.max(report.peakHeapMb, result.heapMb);
        if (result.outcome === 'crash') reason = `未处理的异常：${result.message?.split('\n')[0]}`;
        else if (result.outcome === 'refused') reason = problemWith(result.message ?? '') && `${problemWith(result.message ?? '')}：${result.message}`;
        if (!reason) outcome[result.outcome === 'read' ? 'read' : 'refused']++;
      }
      if (reason) report.failures.push({ name: item.name, kind: item.kind, reason });
      else rmSync(file, { force: true });
      report.cases++;
      options.onProgress?.(report.cases, options.count);
    }
    await worker.terminate();
  };
  try {
    await Promise.all(Array.from({ length: options.workers }, lane));
  } finally {
    clearInterval(sampler);
  }
  report.totalMs = performance.now() - started;
  return report;
}

export function formatReport(report: FuzzReport): string {
  const lines = [`敌意文件 ${report.cases} 个，用时 ${(report.totalMs / 1000).toFixed(1)} 秒；最慢 ${report.slowest.name} ${report.slowest.ms.toFixed(0)} ms；工作线程堆峰值 ${report.peakHeapMb.toFixed(0)} MB，进程常驻内存峰值 ${report.peakRssMb.toFixed(0)} MB`];
  for (const [kind, counts] of Object.entries(report.outcomes)) lines.push(`  ${kind.padEnd(16)} 读出 ${counts.read}，拒绝 ${counts.refused}`);
  for (const failure of report.failures) lines.push(`  失败 ${failure.name}：${failure.reason}`);
  return lines.join('\n');
}
