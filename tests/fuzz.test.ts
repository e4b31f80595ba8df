// The fuzz suite in the test command: a few hundred seeded hostile files (tests/fuzz/generate.ts), each with the
// production limits (640 MB heap, 20 s), each ending in a reading or a Chinese refusal without leaks. Resident memory
// per process is measured in hostile-memory.test.ts, where one file has the process to itself.
// `npm run fuzz` runs thousands with a fresh seed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CLASSES } from './fuzz/generate';
import { formatReport, problemWith, runFuzz } from './fuzz/run-fuzz';

describe('fuzz: hostile workbooks', () => {
  it('tells a leak from a clean refusal', () => {
    expect(problemWith('「a.xlsx」已损坏。')).toBeUndefined();
    expect(problemWith('Bug : uncompressed data size mismatch')).toBe('不是中文');
    expect(problemWith('无法读取：TypeError: x is not a function')).toBe('含库的英文原文');
    expect(problemWith('无法读取 /work/main/x.xlsx')).toBe('含服务器路径');
    expect(problemWith('程序内部错误（编号 E1）')).toBe('内部错误（程序缺陷）');
  });

  it('every generated file ends in time, within memory, with a reading or a Chinese refusal', async () => {
    const report = await runFuzz({ seed: 20261128, count: 240, workers: 2, memoryMb: 640, seconds: 20, dir: join(__dirname, '.tmp', 'fuzz-suite') });
    console.log(formatReport(report));
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(240);
    // Every class was exercised, and the damaged classes really were refused at least once.
    expect(Object.keys(report.outcomes).sort()).toEqual([...HOSTILE_CLASSES].sort());
    for (const kind of ['zip-bomb', 'xml-entity', 'encrypted', 'truncate']) expect(report.outcomes[kind]?.refused, kind).toBeGreaterThan(0);
  }, 180_000);
});
