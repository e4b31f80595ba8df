// Bench section "cli" (issue 14): `check` of the department workbook as a whole process against python3 + openpyxl
// merely loading the same file (paired, alternating runs), a folder of 100 workbooks per file, and how soon `web`
// prints its address. Wall-clock medians; the ratios are what the budgets are about.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, type BenchContext, type BenchSection } from './context';
import { median } from './measure';
import { formatMs, type Metric, type SectionResult } from './report';

const CLI = join(ROOT, 'bin', 'budget-workbench.mjs');
const PYTHON = '/usr/bin/python3';

function wall(command: string, args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}

const ms = (id: string, label: string, value: number, detail: string, budget?: Metric['budget']): Metric => ({ id, label, kind: 'time', value, detail, ...(budget ? { budget } : {}) });
const ratio = (id: string, label: string, value: number, detail: string, max: number): Metric => ({ id, label, kind: 'ratio', value, detail, budget: { max, label: `≤ ${max.toFixed(1)}×` } });

/** Milliseconds until `web --port 0` prints its first line (the address). */
function webReady(db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, 'web', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!out.includes('\n')) return;
      const elapsed = performance.now() - start;
      child.kill('SIGINT');
      child.once('exit', () => resolve(elapsed));
    });
    child.once('error', reject);
  });
}

export const cliSection: BenchSection = {
  id: 'cli',
  title: '命令行（整个进程）',
  async run(context: BenchContext): Promise<SectionResult> {
    const file = context.departmentXlsx;
    const pairs = context.options.quick ? 3 : 9;
    const ours: number[] = [];
    const openpyxl: number[] = [];
    context.log(`check 与 openpyxl 加载交替各 ${pairs} 次…`);
    for (let i = 0; i < pairs; i++) {
      ours.push(wall(process.execPath, [CLI, 'check', file]));
      openpyxl.push(wall(PYTHON, ['-c', `import openpyxl; openpyxl.load_workbook(${JSON.stringify(file)})`]));
    }
    const folder = context.scratchPath('folder');
    mkdirSync(folder);
    for (let i = 0; i < 100; i++) copyFileSync(file, join(folder, `部门${String(i).padStart(3, '0')}.xlsx`));
    context.log('check 一个含 100 个工作簿的文件夹…');
    const folderRuns = Array.from({ length: context.options.quick ? 1 : 3 }, () => wall(process.execPath, [CLI, 'check', folder, '--json']));
    const perFile = median(folderRuns) / 100;
    context.log('web 打印地址所需时间…');
    const web: number[] = [];
    for (let i = 0; i < (context.options.quick ? 2 : 5); i++) web.push(await webReady(context.scratchPath(`web-${i}.db`)));
    const baseline = median(openpyxl);
    const paired = `${pairs} 对交替运行的中位数`;
    return {
      id: 'cli',
      title: '命令行（整个进程）',
      metrics: [
        ms('cli.check.department', 'check 部门工作簿（整个进程）', median(ours), paired),
        ms('cli.openpyxl.load', 'python3 + openpyxl 仅加载同一文件', baseline, paired),
        ratio('cli.check.ratio', 'check ÷ openpyxl 加载', median(ours) / baseline, paired, 1.0),
        ms('cli.check.folder.perFile', 'check 100 个工作簿的文件夹：每个文件', perFile, `${folderRuns.length} 次中位数，整夹 ${formatMs(median(folderRuns))}`),
        ratio('cli.check.folder.ratio', '文件夹每个文件 ÷ openpyxl 加载', perFile / baseline, '同上', 0.4),
        ms('cli.web.ready', 'web 启动到打印地址', median(web), `${web.length} 次中位数`, { max: 1000, label: '< 1 s' }),
      ],
      notes: [],
    };
  },
};
