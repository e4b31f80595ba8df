// What every bench section gets: input files (the department fixture, the generated large workbook, made once
// and shared), fresh scratch paths, run counts and a progress log. A new section (export, validation, UI) is one
// file exporting a BenchSection, registered in scripts/bench.ts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLargeWorkbook, type LargeWorkbookFacts } from '../../tests/helpers/large-workbook';
import { DATONG_XLSX } from '../../tests/helpers/seed';
import type { SectionResult } from './report';

export const ROOT = resolve(__dirname, '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench-results');

/** The real department workbook (seed 000, 13 tables, ~200 rows). */
export const DEPARTMENT_XLSX = DATONG_XLSX;

/** DESIGN.md §8: the synthetic large book. */
export const LARGE_BOOK = { projectRows: 5_000, codedRows: 2_000, seed: 2024 } as const;

export interface RunCounts {
  warmup: number;
  runs: number;
}

export interface BenchOptions {
  /** Fewer runs, for a quick look (`npm run bench -- --quick`). */
  quick: boolean;
  /** Only these section ids (`npm run bench -- import`); all when empty. */
  only: string[];
}

export interface BenchContext {
  options: BenchOptions;
  /** Run counts for small inputs (the department workbook) and large ones. */
  small: RunCounts;
  large: RunCounts;
  departmentXlsx: string;
  /** The generated large workbook: written on first use, then shared by all sections. */
  largeWorkbook(): Promise<{ path: string; facts: LargeWorkbookFacts }>;
  /** A path in the scratch directory that does not exist yet (a fresh SQLite file, an export target…). */
  scratchPath(name: string): string;
  log(message: string): void;
}

export interface BenchSection {
  id: string;
  title: string;
  run(context: BenchContext): Promise<SectionResult>;
}

export interface OwnedContext extends BenchContext {
  dispose(): void;
}

export function createContext(options: BenchOptions): OwnedContext {
  const scratch = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  let counter = 0;
  let large: Promise<{ path: string; facts: LargeWorkbookFacts }> | undefined;
  const log = (message: string): void => {
    process.stderr.write(`[bench] ${message}\n`);
  };
  return {
    options,
    small: options.quick ? { warmup: 1, runs: 3 } : { warmup: 5, runs: 11 },
    large: options.quick ? { warmup: 1, runs: 1 } : { warmup: 1, runs: 5 },
    departmentXlsx: DEPARTMENT_XLSX,
    largeWorkbook() {
      large ??= (async () => {
        const path = join(scratch, 'large-department.xlsx');
        log(`生成大型工作簿（${LARGE_BOOK.projectRows} 个项目行，${LARGE_BOOK.codedRows} 个科目行）…`);
        const facts = await writeLargeWorkbook(path, LARGE_BOOK);
        return { path, facts };
      })();
      return large;
    },
    scratchPath(name) {
      counter++;
      const dir = join(scratch, String(counter));
      mkdirSync(dir, { recursive: true });
      return join(dir, name);
    },
    log,
    dispose() {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}
