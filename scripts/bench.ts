// `npm run bench`: measures the DESIGN.md §8 budgets on this machine and prints them as a table per section
// (指标 / 中位数 / 预算 / 结论), then writes bench-results/bench.json. Timing never fails the run; only an error does.
//
//   npm run bench                 all sections
//   npm run bench -- import       only the named sections
//   npm run bench -- --quick      fewer runs (a quick look, not a measurement)
//
// To add a section (export, validation, UI): write scripts/bench/<name>.ts exporting a BenchSection and add it
// to SECTIONS below. Sections share the generated large workbook through the context.
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { createContext, RESULTS_DIR, type BenchSection } from './bench/context';
import { cliSection } from './bench/cli';
import { exportSection } from './bench/export';
import { importSection } from './bench/import';
import { uiSection } from './bench/ui';
import { validateSection } from './bench/validate';
import { MB } from './bench/measure';
import { renderSection, renderSummary, verdictOf, type SectionResult } from './bench/report';

const SECTIONS: readonly BenchSection[] = [importSection, validateSection, exportSection, uiSection, cliSection];

function parseArgs(argv: readonly string[]): { quick: boolean; only: string[] } {
  const quick = argv.includes('--quick');
  const only = argv.filter((a) => !a.startsWith('--'));
  const unknown = only.filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`未知的测量部分：${unknown.join('、')}。可用：${SECTIONS.map((s) => s.id).join('、')}`);
  return { quick, only };
}

function machine(): Record<string, unknown> {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cpuCount: cpuList.length,
    totalMemoryMb: Math.round(totalmem() / MB),
    platform: `${platform()} ${release()} ${arch()}`,
    node: process.version,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const context = createContext(options);
  const started = new Date();
  const results: SectionResult[] = [];
  const info = machine();
  try {
    const sections = SECTIONS.filter((s) => options.only.length === 0 || options.only.includes(s.id));
    for (const section of sections) {
      context.log(`开始：${section.title}`);
      results.push(await section.run(context));
    }
  } finally {
    context.dispose();
  }

  const header = [
    '# 预算公开工作台 性能测量（npm run bench）',
    '',
    `机器：${String(info.cpuModel)} × ${String(info.cpuCount)}，内存 ${String(info.totalMemoryMb)} MB，${String(info.platform)}，Node ${String(info.node)}`,
    `时间：${started.toISOString()}${options.quick ? '（--quick：运行次数较少，仅供粗看）' : ''}`,
    '',
  ];
  console.log([...header, ...results.map(renderSection).flatMap((s) => [s, '']), renderSummary(results)].join('\n'));

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, 'bench.json');
  const json = {
    generatedAt: started.toISOString(),
    machine: info,
    options,
    sections: results.map((r) => ({
      ...r,
      metrics: r.metrics.map((m) => ({ ...m, verdict: verdictOf(m) })),
    })),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\n结果已写入 ${file}`);
}

main().catch((error: unknown) => {
  console.error(`性能测量出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
