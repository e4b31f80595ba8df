// Bench section "import": the department fixture and the generated large workbook, each timed as
// exceljs load alone, our import (read + recognise), store insert and import + insert; peak memory of the large
// import measured in a fresh child process. Budgets: DESIGN.md §8.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Book, Notice } from '../../src/shared/book';
import { buildBook, importWorkbooks } from '../../src/main/import/import-book';
import { readWorkbook } from '../../src/main/import/read-workbook';
import type { WorkbookGrid } from '../../src/main/import/grid';
import { openStore } from '../../src/main/store';
import type { BenchContext, BenchSection, RunCounts } from './context';
import type { ImportMemoryResult } from './import-memory-child';
import { MB, runInChild, time, type Timing } from './measure';
import { formatMb, timeMetric, type Budget, type Metric } from './report';

const BUDGETS = {
  departmentImport: { max: 150, label: '< 150 ms（导入+校验的一部分；合计见“校验”一节）' },
  largeImport: { max: 3000, label: '< 3 s' },
  memory: { max: 300 * MB, label: '< 300 MB（主进程）' },
} satisfies Record<string, Budget>;

const rowCount = (book: Book): number => book.tables.reduce((n, t) => n + t.rows.length, 0);


const ratioMetric = (id: string, label: string, ours: Timing, exceljs: Timing): Metric => ({
  id,
  label,
  kind: 'ratio',
  value: ours.median / exceljs.median,
  detail: `中位数之比：${ours.median.toFixed(1)} ms ÷ ${exceljs.median.toFixed(1)} ms`,
});

async function importOnce(file: string): Promise<{ book: Book; notices: Notice[] }> {
  return importWorkbooks([file]);
}

function insertOnce(context: BenchContext, book: Book, notices: readonly Notice[]): void {
  const store = openStore(context.scratchPath('bench.db'));
  try {
    store.insertBook(book, notices);
  } finally {
    store.close();
  }
}

interface FileTimings {
  exceljsLoad: Timing;
  importTiming: Timing;
  insert: Timing;
  importInsert: Timing;
  book: Book;
  notices: Notice[];
}

async function timeFile(context: BenchContext, file: string, counts: RunCounts, label: string): Promise<FileTimings> {
  const buffer = await readFile(file);
  context.log(`${label}：exceljs 加载…`);
  const exceljsLoad = await time(() => new ExcelJS.Workbook().xlsx.load(buffer as unknown as ArrayBuffer), counts);
  context.log(`${label}：导入…`);
  let last: { book: Book; notices: Notice[] } | undefined;
  const importTiming = await time(async () => {
    last = await importOnce(file);
  }, counts);
  if (!last) throw new Error(`${label}：导入没有结果`);
  const { book, notices } = last;
  context.log(`${label}：写入数据库…`);
  const insert = await time(() => insertOnce(context, book, notices), counts);
  context.log(`${label}：导入 + 写入数据库…`);
  const importInsert = await time(async () => {
    const result = await importOnce(file);
    insertOnce(context, result.book, result.notices);
  }, counts);
  return { exceljsLoad, importTiming, insert, importInsert, book, notices };
}

const TITLE = '导入（读取 + 识别）与入库';

export const importSection: BenchSection = {
  id: 'import',
  title: TITLE,
  async run(context) {
    const metrics: Metric[] = [];
    const notes: string[] = [];

    // The department fixture.
    const department = await timeFile(context, context.departmentXlsx, context.small, '部门工作簿');
    if (department.book.tables.length !== 13) throw new Error(`部门工作簿只识别出 ${department.book.tables.length} 张表（应为 13 张）`);
    metrics.push(
      timeMetric('import.department.import', '部门工作簿：导入', department.importTiming, BUDGETS.departmentImport),
      timeMetric('import.department.insert', '部门工作簿：写入新数据库', department.insert),
      timeMetric('import.department.importInsert', '部门工作簿：导入 + 写入新数据库', department.importInsert),
      timeMetric('import.department.exceljsLoad', '部门工作簿：exceljs 仅加载', department.exceljsLoad),
      ratioMetric('import.department.ratio', '部门工作簿：导入 ÷ exceljs 加载', department.importTiming, department.exceljsLoad),
    );
    notes.push(`部门工作簿：${department.book.tables.length} 张表，${rowCount(department.book)} 行，${department.notices.length} 条导入提示。`);

    // The generated large workbook.
    const { path, facts } = await context.largeWorkbook();
    const large = await timeFile(context, path, context.large, '大型工作簿');
    const rows = rowCount(large.book);
    if (large.book.tables.length !== 13 || rows !== facts.totalRows) {
      throw new Error(`大型工作簿导入不完整：${large.book.tables.length} 张表、${rows} 行（应为 13 张表、${facts.totalRows} 行）`);
    }
    metrics.push(
      timeMetric('import.large.import', '大型工作簿：导入', large.importTiming, BUDGETS.largeImport),
      timeMetric('import.large.insert', '大型工作簿：写入新数据库', large.insert),
      timeMetric('import.large.importInsert', '大型工作簿：导入 + 写入新数据库', large.importInsert),
      timeMetric('import.large.exceljsLoad', '大型工作簿：exceljs 仅加载', large.exceljsLoad),
      ratioMetric('import.large.ratio', '大型工作簿：导入 ÷ exceljs 加载', large.importTiming, large.exceljsLoad),
    );

    // Where the large import's time goes: reading the file into a grid vs recognising and reading the tables.
    context.log('大型工作簿：分阶段计时…');
    let grid: WorkbookGrid | undefined;
    const readTiming = await time(async () => {
      grid = await readWorkbook(path);
    }, context.large);
    const buildTiming = await time(() => buildBook([grid as WorkbookGrid]), context.large);
    metrics.push(
      timeMetric('import.large.readWorkbook', '  其中：读成网格（readWorkbook）', readTiming),
      timeMetric('import.large.buildBook', '  其中：识别与读表（buildBook）', buildTiming),
    );

    // Peak memory, in a fresh process so nothing above is counted.
    context.log('大型工作簿：内存峰值（子进程）…');
    const memory = await runInChild<ImportMemoryResult>(join(__dirname, 'import-memory-child.ts'), [path, context.scratchPath('memory.db')]);
    metrics.push(
      { id: 'import.large.maxRss', label: '大型工作簿：导入峰值 RSS', kind: 'memory', value: memory.maxRssImport, budget: BUDGETS.memory, detail: `单次运行，进程峰值（resourceUsage().maxRSS）；导入前基线 ${formatMb(memory.baselineRss)}（已加载模块，含 tsx 加载器），导入使峰值增加 ${formatMb(memory.maxRssImport - memory.baselineRss)}` },
      { id: 'import.large.maxRssInsert', label: '大型工作簿：导入 + 入库峰值 RSS', kind: 'memory', value: memory.maxRssImportInsert, budget: BUDGETS.memory, detail: `单次运行，进程峰值（resourceUsage().maxRSS），比导入前基线增加 ${formatMb(memory.maxRssImportInsert - memory.baselineRss)}` },
      {
        id: 'import.large.peakHeap',
        label: '大型工作簿：导入堆内存峰值（采样）',
        kind: 'memory',
        value: memory.peakHeapUsedImport,
        detail: `单次运行，${memory.samples} 次 process.memoryUsage() 采样的最大 heapUsed（同步阶段之间无法采样，实际峰值可能更高）；导入 + 入库 ${formatMb(memory.peakHeapUsedImportInsert)}；基线 ${formatMb(memory.baselineHeapUsed)}`,
      },
    );
    notes.push(
      `大型工作簿：${facts.projectRows} 个项目行、每表 ${facts.codedRows} 个科目行，共 ${rows} 行、${facts.amountCells} 个金额，${large.notices.length} 条导入提示。`,
    );
    return { id: 'import', title: TITLE, metrics, notes };
  },
};
