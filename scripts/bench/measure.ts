// Measuring helpers for `npm run bench`: warm-up + median timing, garbage collection between runs,
// memory sampling, and running a measurement in a fresh child process (for peak memory).
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface TimingOptions {
  /** Unmeasured runs first (JIT, caches, lazy module loading). */
  warmup: number;
  /** Measured runs; the median is reported. */
  runs: number;
  /** Runs before each warm-up and measured run, outside the timed region (e.g. pick a fresh file name). */
  before?: () => unknown;
}

export interface Timing {
  /** Milliseconds of each measured run, in run order. */
  samples: number[];
  median: number;
  min: number;
  max: number;
  warmup: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

let gcFunction: (() => void) | undefined | null = null;

/** A full garbage collection, so one run's garbage is not billed to the next (no-op if V8 refuses). */
export function collectGarbage(): void {
  if (gcFunction === null) {
    try {
      setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc') as () => void;
    } catch {
      gcFunction = undefined;
    }
  }
  gcFunction?.();
}

/** Times `fn` after `warmup` unmeasured runs; garbage is collected before every run, outside the timing. */
export async function time(fn: () => unknown, options: TimingOptions): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    await options.before?.();
    collectGarbage();
    const start = performance.now();
    await fn();
    const elapsed = performance.now() - start;
    if (i >= options.warmup) samples.push(Math.round(elapsed * 1000) / 1000);
  }
  return { samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), warmup: options.warmup, runs: options.runs };
}

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export const snapshot = (): MemorySnapshot => {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
};

/** Peak resident set size of this process so far, in bytes (the kernel's figure, not a sample). */
export const maxRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

/**
 * Samples process.memoryUsage() on an interval and at explicit `mark()` calls. Interval samples only land when
 * the event loop is free, so long synchronous stretches are covered by `mark()` and by `maxRssBytes()`.
 */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  peakRss = 0;
  peakHeapUsed = 0;
  samples = 0;

  start(intervalMs = 5): this {
    this.mark();
    this.timer = setInterval(() => this.mark(), intervalMs);
    this.timer.unref();
    return this;
  }

  mark(): MemorySnapshot {
    const now = snapshot();
    this.samples++;
    this.peakRss = Math.max(this.peakRss, now.rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, now.heapUsed);
    return now;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.mark();
  }
}

/**
 * Runs a TypeScript module in a fresh Node process (same loader flags as this one, so tsx keeps working) and
 * resolves with the single message it sends back with `process.send`. Rejects on a non-zero exit or no message.
 */
export function runInChild<T>(modulePath: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(modulePath, [...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: { ok: true; value: T } | { ok: false; error: string } | undefined;
    child.on('message', (message) => {
      result = message as typeof result;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result?.ok) resolve(result.value);
      else if (result && !result.ok) reject(new Error(result.error));
      else reject(new Error(`子进程 ${modulePath} 异常退出（code ${code ?? '—'}，signal ${signal ?? '—'}），没有返回结果`));
    });
  });
}

/** For child modules: send `value` (or the error) to the parent and exit. */
export async function replyToParent<T>(work: () => Promise<T>): Promise<void> {
  let message: unknown;
  try {
    message = { ok: true, value: await work() };
  } catch (error) {
    message = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    process.exitCode = 1;
  }
  // Disconnect once the message is out, so the IPC channel does not keep the child alive.
  await new Promise<void>((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => resolve());
  });
  process.disconnect?.();
}

export const MB = 1024 * 1024;
