// Bench section "export": the department book and the generated large book, each imported once (not timed) and
// then exported from memory to a written .xlsx file (`exportBook`: build + validate + write to a temporary file +
// rename). Where the time goes: `buildWorkbook` alone (layout, painting and the validation behind the 审核报告),
// the validation inside it, and exceljs serialising an already built workbook (`writeBuffer`). Budgets: DESIGN.md §8.
import { statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { Book } from '../../src/shared/book';
import { Validator } from '../../src/shared/validation';
import { buildWorkbook, exportBook, type ExportResult } from '../../src/main/export/export-book';
import { importWorkbooks } from '../../src/main/import/import-book';
import type { BenchContext, BenchSection, RunCounts } from './context';
import { time, type Timing } from './measure';
import { formatMb, timeMetric, type Budget, type Metric, type SectionResult } from './report';

const BUDGETS = {
  departmentExport: { max: 200, label: '< 200 ms' },
  largeExport: { max: 3000, label: '< 3 s' },
} satisfies Record<string, Budget>;

const TITLE = '导出（内存中的预算本 → .xlsx 文件）';


const rowCount = (book: Book): number => book.tables.reduce((n, t) => n + t.rows.length, 0);

interface BookTimings {
  exportTiming: Timing;
  build: Timing;
  validate: Timing;
  write: Timing;
  result: ExportResult;
  bytes: number;
}

async function timeBook(context: BenchContext, book: Book, counts: RunCounts, label: string): Promise<BookTimings> {
  let out = '';
  let result: ExportResult | undefined;
  context.log(`${label}：导出到文件（exportBook）…`);
  const exportTiming = await time(
    async () => {
      result = await exportBook(book, out);
    },
    { ...counts, before: () => (out = context.scratchPath('export.xlsx')) },
  );
  if (!result) throw new Error(`${label}：导出没有结果`);
  const bytes = statSync(out).size;

  context.log(`${label}：仅构建工作簿（buildWorkbook）…`);
  const build = await time(() => buildWorkbook(book), counts);
  context.log(`${label}：其中的校验…`);
  const validate = await time(() => new Validator(book).findings(), counts);

  context.log(`${label}：仅 exceljs 序列化（writeBuffer）…`);
  // A freshly built workbook for every run, built outside the timed region.
  let workbook: ExcelJS.Workbook | undefined;
  const write = await time(() => workbook?.xlsx.writeBuffer(), {
    ...counts,
    before: () => {
      workbook = buildWorkbook(book).workbook;
    },
  });
  return { exportTiming, build, validate, write, result, bytes };
}

function metricsFor(prefix: 'department' | 'large', label: string, t: BookTimings, budget: Budget): Metric[] {
  return [
    timeMetric(`export.${prefix}.export`, `${label}：导出到文件（exportBook）`, t.exportTiming, budget),
    timeMetric(`export.${prefix}.build`, '  其中：构建工作簿（buildWorkbook，含校验）', t.build),
    timeMetric(`export.${prefix}.validate`, '    其中：校验（审核报告所需）', t.validate),
    timeMetric(`export.${prefix}.writeBuffer`, '  其中：exceljs 序列化（writeBuffer）', t.write),
  ];
}

const formatBytes = (bytes: number): string => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : formatMb(bytes));

function noteFor(label: string, book: Book, t: BookTimings): string {
  const { summary, sheets, reportIncluded } = t.result;
  // exportBook = buildWorkbook + writing (exceljs to a temporary file, then rename); the second part by difference.
  const writing = Math.max(0, t.exportTiming.median - t.build.median);
  const percent = (ms: number): string => `${((ms / t.exportTiming.median) * 100).toFixed(0)}%`;
  return (
    `${label}：${book.tables.length} 张表，${rowCount(book)} 行 → ${sheets.length} 个工作表${reportIncluded ? '（含审核报告）' : ''}，文件 ${formatBytes(t.bytes)}；` +
    `审核结果 错误 ${summary.errors}，警告 ${summary.warnings}，提示 ${summary.infos}。` +
    `导出时间（中位数）分布：构建 ${percent(t.build.median)}（其中校验 ${percent(t.validate.median)}），` +
    `写出（exceljs 写临时文件并改名）约 ${percent(writing)}；单独的 writeBuffer 为 ${t.write.median.toFixed(0)} ms（写出部分按差值约 ${writing.toFixed(0)} ms），时间主要花在${t.write.median > t.build.median ? ' exceljs 序列化' : '构建工作簿'}上。`
  );
}

export const exportSection: BenchSection = {
  id: 'export',
  title: TITLE,
  async run(context): Promise<SectionResult> {
    const metrics: Metric[] = [];
    const notes: string[] = [];

    context.log('部门工作簿：导入（一次，不计时）…');
    const department = (await importWorkbooks([context.departmentXlsx])).book;
    if (department.tables.length !== 13) throw new Error(`部门工作簿只识别出 ${department.tables.length} 张表（应为 13 张）`);
    const departmentTimings = await timeBook(context, department, context.small, '部门工作簿');
    metrics.push(...metricsFor('department', '部门工作簿', departmentTimings, BUDGETS.departmentExport));
    notes.push(noteFor('部门工作簿', department, departmentTimings));

    const { path, facts } = await context.largeWorkbook();
    context.log('大型工作簿：导入（一次，不计时）…');
    const large = (await importWorkbooks([path])).book;
    if (rowCount(large) !== facts.totalRows) throw new Error(`大型工作簿导入不完整：${rowCount(large)} 行（应为 ${facts.totalRows} 行）`);
    const largeTimings = await timeBook(context, large, context.large, '大型工作簿');
    metrics.push(...metricsFor('large', '大型工作簿', largeTimings, BUDGETS.largeExport));
    notes.push(noteFor('大型工作簿', large, largeTimings));

    return { id: 'export', title: TITLE, metrics, notes };
  },
};
