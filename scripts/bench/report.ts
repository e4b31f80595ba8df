// What a bench section reports, and how it is printed: one table per section with the columns
// 指标 / 中位数 / 预算 / 结论, then notes (run counts, ranges, where the time goes).
import type { Timing } from './measure';
import { MB } from './measure';
import { displayWidth } from '../../src/shared/text';

export type MetricKind = 'time' | 'ratio' | 'memory' | 'count';

/** A DESIGN.md §8 budget: the metric must stay strictly below `max` (same unit as the metric's value). */
export interface Budget {
  max: number;
  /** Shown in the 预算 column, e.g. "< 150 ms（仅导入）". */
  label: string;
}

export interface Metric {
  /** Stable id for bench.json and for comparing runs, e.g. "import.large.import". */
  id: string;
  /** 指标: what was measured, in Chinese. */
  label: string;
  kind: MetricKind;
  /** ms for time, a factor for ratio, bytes for memory, a plain number for count. */
  value: number;
  budget?: Budget;
  /** How the value was obtained (shown under the table), e.g. "7 次中位数，范围 41.2–47.9 ms". */
  detail?: string;
  timing?: Timing;
}

export interface SectionResult {
  id: string;
  title: string;
  metrics: Metric[];
  /** Free-form observations printed after the table. */
  notes: string[];
}

export type Verdict = 'OK' | '超出' | '—';

export function verdictOf(metric: Metric): Verdict {
  if (!metric.budget) return '—';
  return metric.value < metric.budget.max ? 'OK' : '超出';
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

export function formatValue(metric: Metric): string {
  switch (metric.kind) {
    case 'time':
      return formatMs(metric.value);
    case 'ratio':
      return `${metric.value.toFixed(2)}×`;
    case 'memory':
      return formatMb(metric.value);
    case 'count':
      return metric.value.toLocaleString('en-US');
  }
}

/** "7 次中位数，范围 41.2 ms – 47.9 ms（预热 3 次）" */
export function timingDetail(timing: Timing): string {
  return `${timing.runs} 次中位数，范围 ${formatMs(timing.min)} – ${formatMs(timing.max)}（预热 ${timing.warmup} 次）`;
}

export { displayWidth };

const pad = (text: string, width: number, align: 'left' | 'right'): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
};

/** A plain-ASCII-ruled table (box-drawing characters are double width in many CJK terminals). */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0, align[i] ?? 'left')).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function renderSection(result: SectionResult): string {
  const rows = result.metrics.map((m) => [m.label, formatValue(m), m.budget?.label ?? '—', verdictOf(m)]);
  const details = result.metrics.filter((m) => m.detail).map((m) => `  · ${m.label}：${m.detail}`);
  const notes = result.notes.map((n) => `  ※ ${n}`);
  return [`## ${result.title}`, '', renderTable(['指标', '中位数', '预算', '结论'], rows, ['left', 'right', 'left', 'left']), '', ...details, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

export function renderSummary(results: readonly SectionResult[]): string {
  const budgeted = results.flatMap((r) => r.metrics).filter((m) => m.budget);
  const over = budgeted.filter((m) => verdictOf(m) === '超出');
  if (budgeted.length === 0) return '没有设预算的指标。';
  if (over.length === 0) return `全部 ${budgeted.length} 项有预算的指标都在预算内。`;
  return `${budgeted.length} 项有预算的指标中 ${over.length} 项超出：${over.map((m) => `${m.label}（${formatValue(m)}，预算 ${m.budget?.label ?? ''}）`).join('；')}。`;
}

/** A timed metric with its run details, optionally against a budget. */
export const timeMetric = (id: string, label: string, timing: Timing, budget?: Budget): Metric => ({
  id,
  label,
  kind: 'time',
  value: timing.median,
  timing,
  detail: timingDetail(timing),
  ...(budget ? { budget } : {}),
});
