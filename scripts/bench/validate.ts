// Bench section "validate": full validation of the department book and of the generated large book, import +
// validate of the department workbook (what `check FILE` does), and incremental re-validation after one cell edit
// in the large book. Budgets: DESIGN.md §8.
import { performance } from 'node:perf_hooks';
import type { Book, BookRow } from '../../src/shared/book';
import { Dec, toCanonical } from '../../src/shared/money';
import { summarise, Validator, type ValidationSummary } from '../../src/shared/validation';
import { forgetStructuralFindings } from '../../src/shared/validation/structural-cache';
import { importWorkbooks } from '../../src/main/import/import-book';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkNarrative } from '../../src/shared/narrative/check';
import { narrativeOfText } from '../../tests/helpers/narrative-text';
import type { BenchContext, BenchSection, RunCounts } from './context';
import { median, time, type Timing } from './measure';
import { timeMetric, type Budget, type Metric, type SectionResult } from './report';

const BUDGETS = {
  departmentImportValidate: { max: 150, label: '< 150 ms（导入+校验）' },
  largeValidate: { max: 50, label: '< 50 ms' },
  oneCell: { max: 2, label: '< 2 ms' },
  narrative: { max: 100, label: '< 100 ms' },
} satisfies Record<string, Budget>;

/** The largest real published document (text and workbook) among the fixtures: its 情况说明 checked whole. */
async function narrativeMetric(context: BenchContext): Promise<Metric> {
  const folder = join(__dirname, '..', '..', 'tests', 'fixtures', 'real');
  const [largest] = readdirSync(join(folder, 'text'))
    .filter((f) => f.endsWith('.txt') && existsSync(join(folder, f.replace(/\.txt$/, '.xlsx'))))
    .sort((a, b) => statSync(join(folder, 'text', b)).size - statSync(join(folder, 'text', a)).size);
  const name = (largest as string).replace(/\.txt$/, '');
  const { book } = await importWorkbooks([join(folder, `${name}.xlsx`)]);
  book.narrative = narrativeOfText(join(folder, 'text', `${name}.txt`));
  const timing = await time(() => checkNarrative(book), validationCounts(context, context.small));
  return { ...timeMetric('validate.narrative', `情况说明全文校验（最大的真实文档 ${name}，${book.narrative.paragraphs.length} 段）`, timing, BUDGETS.narrative), detail: `${checkNarrative(book).length} 条发现` };
}

const TITLE = '校验（全量与单格增量）';


const countMetric = (id: string, label: string, value: number, detail?: string): Metric => ({ id, label, kind: 'count', value, ...(detail ? { detail } : {}) });

/** Validation is cheap next to import: more runs than the import section's counts, same warm-up idea. */
function validationCounts(context: BenchContext, base: RunCounts): RunCounts {
  return context.options.quick ? base : { warmup: Math.max(base.warmup, 3), runs: Math.max(base.runs * 3, 15) };
}

const countsText = (s: ValidationSummary): string => `错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}`;

function fullValidation(book: Book): { checks: number; findings: number; summary: string } {
  const validator = new Validator(book);
  const findings = validator.findings();
  return { checks: validator.checkCount, findings: findings.length, summary: countsText(summarise(findings)) };
}

interface EditTarget {
  tableId: string;
  row: BookRow;
  column: string;
  /** The cell's figure before the edits (null: blank). */
  value: string | null;
  label: string;
}

/** A 项 row of 表三 with a figure in a part column (项目支出 or 基本支出): the cell a clerk typically edits. */
function itemTarget(book: Book): EditTarget {
  const table = book.tables.find((t) => t.tableId === 't03');
  const rows = table?.rows.filter((r) => r.level === 'item') ?? [];
  // From the middle of the tree, not the first row: nothing about the first row is special-cased anywhere.
  for (const row of [...rows.slice(rows.length >> 1), ...rows]) {
    for (const [column, label] of [
      ['project', '项目支出'],
      ['basic', '基本支出'],
    ] as const) {
      const amount = row.values[column];
      if (amount) return { tableId: 't03', row, column, value: amount.value, label: `表三「${row.code ?? row.key} ${row.name}」${label}` };
    }
  }
  throw new Error('表三没有带金额的项级科目，无法测量单格增量校验');
}

/** 表二 合计行 单位资金: one of the cells the condition of 表五 = 表三 reads, so an edit here re-runs every pair. */
function conditionTarget(book: Book): EditTarget {
  const row = book.tables.find((t) => t.tableId === 't02')?.rows.find((r) => r.key === 'total');
  if (!row) throw new Error('表二没有合计行');
  return { tableId: 't02', row, column: 'unitFunds', value: row.values.unitFunds?.value ?? null, label: '表二「合计」单位资金（「表五 = 表三」规则的前提条件读取此格）' };
}

/**
 * One-cell re-validation: `setValue` alternating between the original figure and the figure + 1.00, so every
 * call really changes the cell. Each call is timed on its own (no GC between calls: they are meant to be
 * microseconds). The cell is left as it was.
 */
function timeOneCell(validator: Validator, target: EditTarget, warmup: number, runs: number): { timing: Timing; reran: number } {
  const { tableId, row, column, value: original } = target;
  const changed = toCanonical(new Dec(original ?? 0).plus(1));
  let reran = 0;
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const value = i % 2 === 0 ? changed : original;
    const start = performance.now();
    reran = validator.setValue(tableId, row.side, row.key, column, value);
    const elapsed = performance.now() - start;
    if (i >= warmup) samples.push(Math.round(elapsed * 1000) / 1000);
  }
  validator.setValue(tableId, row.side, row.key, column, original);
  return { timing: { samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), warmup, runs }, reran };
}

const oneCellDetail = (timing: Timing, target: EditTarget): string =>
  `${target.label}；${timing.runs} 次 setValue 的中位数 ${timing.median.toFixed(3)} ms（交替写入原值与原值加 1.00），范围 ${timing.min.toFixed(3)} – ${timing.max.toFixed(3)} ms（预热 ${timing.warmup} 次）`;

export const validateSection: BenchSection = {
  id: 'validate',
  title: TITLE,
  async run(context): Promise<SectionResult> {
    const metrics: Metric[] = [];
    const notes: string[] = [];

    // The department workbook.
    context.log('部门工作簿：导入…');
    const department = (await importWorkbooks([context.departmentXlsx])).book;
    const departmentFacts = fullValidation(department);
    context.log('部门工作簿：全量校验…');
    const departmentValidate = await time(() => new Validator(department).findings(), validationCounts(context, context.small));
    context.log('部门工作簿：导入 + 校验…');
    const departmentImportValidate = await time(async () => {
      const { book } = await importWorkbooks([context.departmentXlsx]);
      new Validator(book).findings();
    }, context.small);
    metrics.push(
      timeMetric('validate.department.validate', '部门工作簿：全量校验', departmentValidate),
      timeMetric('validate.department.importValidate', '部门工作簿：导入 + 校验', departmentImportValidate, BUDGETS.departmentImportValidate),
      countMetric('validate.department.checks', '部门工作簿：编译出的检查数', departmentFacts.checks),
    );
    notes.push(`部门工作簿：${departmentFacts.checks} 项检查，${departmentFacts.findings} 条结果（${departmentFacts.summary}）。`);

    // The generated large workbook.
    const { path, facts } = await context.largeWorkbook();
    context.log('大型工作簿：导入（一次，不计时）…');
    const large = (await importWorkbooks([path])).book;
    const largeFacts = fullValidation(large);
    context.log('大型工作簿：全量校验…');
    // Three cases: never seen (every rule compiled, every check run), reopened (a new copy of the same book: structural
    // findings reused by content), validated again (export, check after edits: compiled checks reused, figures
    // re-read, every figure check run). The budget applies to the last, the case the workbench repeats all day.
    let copy: Book = large;
    const counts = validationCounts(context, context.large);
    const cold = await time(() => new Validator(copy).findings(), { ...counts, before: () => { copy = structuredClone(large); forgetStructuralFindings(); } });
    const reopened = await time(() => new Validator(copy).findings(), { ...counts, before: () => { copy = structuredClone(large); } });
    new Validator(large).findings();
    const largeValidate = await time(() => new Validator(large).findings(), counts);
    metrics.push(
      timeMetric('validate.large.validate', '大型工作簿：全量校验（同一预算本再次校验：复用编译结果，重读全部金额、重跑全部金额检查）', largeValidate, BUDGETS.largeValidate),
      timeMetric('validate.large.reopened', '  对照：重新打开的同一预算本（结构检查结果按内容复用，其余编译 + 运行）', reopened),
      timeMetric('validate.large.cold', '  对照：首次校验（无任何缓存：编译 + 运行全部检查）', cold),
    );

    // Where the full validation's time goes: compiling + first run (the constructor) vs collecting the findings.
    let built: Validator | undefined;
    const construct = await time(() => {
      built = new Validator(copy);
    }, { ...counts, before: () => { copy = structuredClone(large); forgetStructuralFindings(); } });
    const collect = await time(() => built?.findings(), validationCounts(context, context.large));
    metrics.push(
      timeMetric('validate.large.construct', '  首次校验中：编译规则并首次运行（构造）', construct),
      timeMetric('validate.large.findings', '  其中：汇总结果（findings()）', collect),
    );

    context.log('大型工作簿：单格增量校验…');
    const validator = new Validator(large);
    const fresh = new Validator(large);
    const prepared = await time(() => fresh.prepareIncremental(), { warmup: 0, runs: 1 });
    metrics.push(timeMetric('validate.large.prepareIncremental', '大型工作簿：建立增量索引（打开预算本时一次）', prepared));
    validator.prepareIncremental(); // the editor does this when it opens a book, not on the first keystroke
    const before = summarise(validator.findings());
    const item = itemTarget(large);
    const itemReps = context.options.quick ? { warmup: 50, runs: 200 } : { warmup: 200, runs: 2000 };
    const itemEdit = timeOneCell(validator, item, itemReps.warmup, itemReps.runs);
    const condition = conditionTarget(large);
    const conditionReps = context.options.quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 11 };
    const conditionEdit = timeOneCell(validator, condition, conditionReps.warmup, conditionReps.runs);
    const after = summarise(validator.findings());
    metrics.push(
      { ...timeMetric('validate.large.oneCell', '大型工作簿：改表三一个项级金额后增量校验', itemEdit.timing, BUDGETS.oneCell), detail: oneCellDetail(itemEdit.timing, item) },
      { ...timeMetric('validate.large.oneCellCondition', '大型工作簿：改一个规则前提单元格后增量校验', conditionEdit.timing, BUDGETS.oneCell), detail: oneCellDetail(conditionEdit.timing, condition) },
      countMetric('validate.large.checks', '大型工作簿：编译出的检查数', largeFacts.checks),
      countMetric('validate.large.reran', '大型工作簿：改项级金额重跑的检查数', itemEdit.reran, item.label),
      countMetric('validate.large.reranCondition', '大型工作簿：改前提单元格重跑的检查数', conditionEdit.reran, condition.label),
    );
    notes.push(
      `大型工作簿：${facts.totalRows} 行，${largeFacts.checks} 项检查，${largeFacts.findings} 条结果（${largeFacts.summary}）；改表三一个项级金额重跑 ${itemEdit.reran} 项检查（占 ${((itemEdit.reran / largeFacts.checks) * 100).toFixed(2)}%），改表二合计行单位资金重跑 ${conditionEdit.reran} 项。`,
      `增量测量前后（改回原值后）的结果：${countsText(before)} → ${countsText(after)}${countsText(before) === countsText(after) ? '（一致）' : '（不一致！）'}。`,
    );
    context.log('情况说明：全文校验…');
    metrics.push(await narrativeMetric(context));
    return { id: 'validate', title: TITLE, metrics, notes };
  },
};
