// The 绩效指标 tree as the printed form lays it out: 一级指标 blocks in the framework's order, each 二级指标 a group
// (every standard 二级 is printed, an empty one as one blank row), and in each group row i holds the 实施期 indicator i
// and the 年度 indicator i side by side. Indicators whose 二级 is not a standard name (blank after a lost cell,
// misspelt) form groups of their own under their 一级, so the clerk sees and can name them. Pure: the editor renders
// the rows and turns typing into new forms with the functions below; indexes are into form.indicators.
import { INDICATOR_FRAMEWORK, matchLevel1, matchLevel2 } from '../../../shared/performance/framework';
import { PERFORMANCE_PERIODS, type PerformanceIndicator, type PerformancePeriod, type PerformanceTargetForm } from '../../../shared/performance/types';

/** One row: the indicator of each period shown on it (absent: the cell is empty, typing creates one). */
export type IndicatorRow = Partial<Record<PerformancePeriod, number>> & { extra?: boolean };

export interface IndicatorGroup {
  /** Stable while the names stay: 一级|二级 as shown. */
  key: string;
  level1: string;
  level2: string;
  /** A 二级指标 of the standard framework. */
  standard: boolean;
  rows: IndicatorRow[];
  /** Every indicator in the group, in form order. */
  members: number[];
}

export interface IndicatorBlock {
  level1: string;
  groups: IndicatorGroup[];
}

const groupKey = (level1: string, level2: string): string => `${level1}|${level2}`;

/** Where an indicator is shown: its standard 二级 (and that 二级's 一级), or its own names. */
function placeOf(indicator: PerformanceIndicator): { level1: string; level2: string; standard: boolean } {
  const standard = indicator.level2.trim() ? matchLevel2(indicator.level2) : undefined;
  if (standard) return { ...standard, standard: true };
  return { level1: matchLevel1(indicator.level1) ?? indicator.level1.trim(), level2: indicator.level2.trim(), standard: false };
}

/**
 * The blocks of the tree. `extras` adds blank rows to a group (添加指标 before anything is typed: blank indicators
 * are never stored).
 */
export function layoutIndicators(form: PerformanceTargetForm, extras: Readonly<Record<string, number>> = {}): IndicatorBlock[] {
  const groups = new Map<string, IndicatorGroup>();
  const blockOrder: string[] = INDICATOR_FRAMEWORK.map((l1) => l1.name);
  const ensure = (level1: string, level2: string, standard: boolean): IndicatorGroup => {
    const key = groupKey(level1, level2);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, level1, level2, standard, rows: [], members: [] }));
    if (!blockOrder.includes(level1)) blockOrder.push(level1);
    return group;
  };
  for (const level1 of INDICATOR_FRAMEWORK) for (const level2 of level1.level2) ensure(level1.name, level2, true);
  const byPeriod = new Map<string, Record<PerformancePeriod, number[]>>();
  form.indicators.forEach((indicator, index) => {
    const place = placeOf(indicator);
    const group = ensure(place.level1, place.level2, place.standard);
    group.members.push(index);
    let lists = byPeriod.get(group.key);
    if (!lists) byPeriod.set(group.key, (lists = { 实施期: [], 年度: [] }));
    lists[indicator.period].push(index);
  });
  for (const group of groups.values()) {
    const lists = byPeriod.get(group.key) ?? { 实施期: [], 年度: [] };
    const count = Math.max(lists.实施期.length, lists.年度.length);
    for (let i = 0; i < count; i++) {
      const row: IndicatorRow = {};
      for (const period of PERFORMANCE_PERIODS) {
        const index = lists[period][i];
        if (index !== undefined) row[period] = index;
      }
      group.rows.push(row);
    }
    for (let i = 0; i < (extras[group.key] ?? 0); i++) group.rows.push({ extra: true });
    if (group.rows.length === 0) group.rows.push({});
  }
  return blockOrder.map((level1) => ({ level1, groups: [...groups.values()].filter((g) => g.level1 === level1) })).filter((b) => b.groups.length > 0);
}

/** The group keys in the order the tree shows them. */
export const groupOrder = (blocks: readonly IndicatorBlock[]): string[] => blocks.flatMap((b) => b.groups.map((g) => g.key));

export function setIndicatorText(form: PerformanceTargetForm, index: number, field: 'level3' | 'value', text: string): PerformanceTargetForm {
  const indicators = form.indicators.map((indicator, i) => (i === index ? withText(indicator, field, text) : indicator));
  return { ...form, indicators };
}

function withText(indicator: PerformanceIndicator, field: 'level3' | 'value', text: string): PerformanceIndicator {
  // The server parses 指标值 again when it stores the form; a stale `parsed` must not be sent as if it were true.
  const { parsed: _parsed, ...rest } = indicator;
  return { ...rest, [field]: text };
}

/**
 * Typing into an empty cell of a group: a new indicator of that period and group, placed after the group's last
 * indicator (or after the indicators of the groups before it), so the form keeps the tree's order.
 */
export function addIndicator(form: PerformanceTargetForm, blocks: readonly IndicatorBlock[], group: IndicatorGroup, period: PerformancePeriod, field: 'level3' | 'value', text: string): PerformanceTargetForm {
  const order = groupOrder(blocks);
  const before = new Set(order.slice(0, order.indexOf(group.key) + 1));
  let at = 0;
  for (const block of blocks) for (const g of block.groups) if (before.has(g.key)) for (const i of g.members) at = Math.max(at, i + 1);
  const indicator: PerformanceIndicator = { period, level1: group.level1, level2: group.level2, level3: '', value: '', [field]: text };
  return { ...form, indicators: [...form.indicators.slice(0, at), indicator, ...form.indicators.slice(at)] };
}

/** 删除: the row's indicators of both periods. */
export function removeRow(form: PerformanceTargetForm, row: IndicatorRow): PerformanceTargetForm {
  const gone = new Set(PERFORMANCE_PERIODS.map((p) => row[p]).filter((i): i is number => i !== undefined));
  return { ...form, indicators: form.indicators.filter((_, i) => !gone.has(i)) };
}

/** Naming a group's 二级指标 (a group that lost it, or a misspelt one): every indicator in it takes the name. */
export function renameGroup(form: PerformanceTargetForm, group: IndicatorGroup, level2: string): PerformanceTargetForm {
  const members = new Set(group.members);
  return { ...form, indicators: form.indicators.map((indicator, i) => (members.has(i) ? { ...indicator, level2 } : indicator)) };
}

/** 「产出指标/数量指标」 or the row's 三级 names, for a button's label. */
export function rowName(form: PerformanceTargetForm, group: IndicatorGroup, row: IndicatorRow): string {
  const names = PERFORMANCE_PERIODS.map((p) => (row[p] !== undefined ? form.indicators[row[p] as number]?.level3.trim() : '')).filter(Boolean);
  return names[0] ?? `${group.level1}/${group.level2}`;
}
