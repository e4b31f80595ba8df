// The header of 河南's 项目绩效目标汇总表, over three rows:
//   单位编码（项目编码） | 项目单位（项目名称） | 项目金额（万元）: 资金总额 政府预算资金 财政专户管理资金 单位资金 |
//   绩效目标: 成本指标 产出指标 效益指标 满意度指标, each over (三级指标, 指标值).
// Every column is found by its label, never by position; an indicator group spans from its head to the next head.
import { labelMatcher } from './labels';
import type { Token } from './tokens';

export const SUMMARY_LABELS = {
  code: ['单位编码（项目编码）', '单位代码（项目代码）', '项目编码', '单位编码'],
  name: ['项目单位（项目名称）', '单位名称（项目名称）', '项目名称', '项目单位'],
  amounts: ['项目金额（万元）', '项目金额（元）', '项目金额'],
  total: ['资金总额'],
  governmentBudget: ['政府预算资金'],
  specialAccount: ['财政专户管理资金'],
  unitFunds: ['单位资金'],
  targets: ['绩效目标'],
  cost: ['成本指标'],
  output: ['产出指标'],
  effect: ['效益指标'],
  satisfaction: ['满意度指标'],
  level3: ['三级指标'],
  value: ['指标值'],
} as const;

export type SummaryLabel = keyof typeof SUMMARY_LABELS;
export type AmountField = 'total' | 'governmentBudget' | 'specialAccount' | 'unitFunds';
type GroupKey = 'cost' | 'output' | 'effect' | 'satisfaction';

/**
 * The 一级指标 each indicator column stands for. The table prints no 二级指标, so none is made up: 成本指标 stays the
 * 一级 it is printed as (the checks count it under 产出, see src/shared/performance/check/indicators.ts).
 */
export const GROUP_LEVEL1: Readonly<Record<GroupKey, string>> = { cost: '成本指标', output: '产出指标', effect: '效益指标', satisfaction: '满意度指标' };
const GROUP_KEYS = Object.keys(GROUP_LEVEL1) as GroupKey[];
const AMOUNT_FIELDS: readonly AmountField[] = ['total', 'governmentBudget', 'specialAccount', 'unitFunds'];

const matchLabel = labelMatcher(SUMMARY_LABELS);

/** A header label: the label alone in its cell (「项目名称：某某」 is a value, not a heading). */
export function summaryLabel(text: string): SummaryLabel | undefined {
  const match = matchLabel(text);
  return match && !match.rest ? match.key : undefined;
}

export interface IndicatorGroup {
  level1: string;
  level3: number;
  value: number;
}

export interface SummaryColumns {
  code: number;
  name: number;
  amounts: Partial<Record<AmountField, number>>;
  /** The unit 项目金额 is printed in. */
  unit: '万元' | '元';
  /** Left to right. */
  groups: IndicatorGroup[];
  /** First column of the indicator area. */
  indicatorStart: number;
}

export interface SummaryHeader {
  columns: SummaryColumns;
  /** Index (into the rows given) of the first row under the header. */
  bodyStart: number;
}

export type HeaderResult = { header: SummaryHeader } | { missing: string[]; at?: Token };

const MAX_HEADER_ROWS = 4;

/** Finds the header among the rows of the table: the row naming 编码 and 名称, with the label rows under it. */
export function readSummaryHeader(rows: readonly Token[][]): HeaderResult {
  const first = rows.findIndex((tokens) => tokens.some((t) => summaryLabel(t.text) === 'code') && tokens.some((t) => summaryLabel(t.text) === 'name'));
  if (first < 0) {
    const anyLabel = rows.find((tokens) => tokens.some((t) => summaryLabel(t.text)));
    return { missing: ['单位编码（项目编码）', '项目单位（项目名称）'], ...(anyLabel?.[0] ? { at: anyLabel[0] } : {}) };
  }
  let end = first + 1;
  while (end < rows.length && end - first < MAX_HEADER_ROWS && (rows[end] as Token[]).every((t) => summaryLabel(t.text))) end++;
  const labels = rows.slice(first, end).flat().map((token) => ({ token, key: summaryLabel(token.text) }));
  const columnOf = (key: SummaryLabel): number | undefined => labels.find((l) => l.key === key)?.token.column;
  const code = columnOf('code') as number;
  const name = columnOf('name') as number;

  const amounts: SummaryColumns['amounts'] = {};
  for (const field of AMOUNT_FIELDS) {
    const column = columnOf(field);
    if (column !== undefined) amounts[field] = column;
  }
  const heads = GROUP_KEYS.flatMap((key) => {
    const column = columnOf(key);
    return column === undefined ? [] : [{ key, column }];
  }).sort((a, b) => a.column - b.column);
  const groups = heads.map(({ key, column }, i): IndicatorGroup => {
    const next = heads[i + 1]?.column ?? Number.MAX_SAFE_INTEGER;
    const within = (k: SummaryLabel, from: number): number | undefined =>
      labels.filter((l) => l.key === k && l.token.column >= from && l.token.column < next).map((l) => l.token.column).sort((a, b) => a - b)[0];
    const level3 = within('level3', column) ?? column;
    const value = within('value', level3 + 1) ?? level3 + 1;
    return { level1: GROUP_LEVEL1[key], level3, value };
  });
  if (groups.length === 0) return { missing: ['成本指标、产出指标、效益指标、满意度指标'], at: rows[first]?.[0] as Token };
  const amountsText = labels.find((l) => l.key === 'amounts')?.token.text ?? '';
  const unit = /[(（]\s*元\s*[)）]/.test(amountsText) ? '元' : '万元';
  const indicatorStart = Math.min(...groups.map((g) => Math.min(g.level3, g.value)));
  return { header: { columns: { code, name, amounts, unit, groups, indicatorStart }, bodyStart: end } };
}
