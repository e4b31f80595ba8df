// The indicator tree of a 项目支出绩效目标表 as the printed form lays it out: 实施期 and 年度 side by side, one row per
// indicator, grouped by 一级 then 二级 指标. Every 二级指标 of the framework is printed even when no indicator has it
// (seed 000 prints an empty 经济效益指标 row on every form), and a group with more 年度 than 实施期 indicators gets
// extra rows. Indicators whose 二级指标 is blank stay where they were, after the group they followed, as their own
// segment: the writer prints their 二级 cell blank and unmerged, so a reader sees the 二级 is missing.
import { normaliseName } from '../../../shared/catalogue/normalise';
import { INDICATOR_FRAMEWORK, matchLevel1, matchLevel2, PERFORMANCE_PERIODS, type PerformanceIndicator, type PerformancePeriod } from '../../../shared/performance';

/** One printed row: the 实施期 indicator on the left, the 年度 one on the right (either may be absent). */
export type PairedRow = Record<PerformancePeriod, PerformanceIndicator | undefined>;

/** Consecutive rows under one 二级指标 (or under none, when `carried` is false). */
export interface IndicatorSegment {
  /**
   * The 二级 cell's text on each side: the side's own first indicator's; a placeholder prints the framework's name on
   * both sides. '' where the side has no indicator in a group the other side has: printing the name there would
   * read back as an empty indicator of that period.
   */
  level2: Record<PerformancePeriod, string>;
  /** The rows carry a 二级指标 (merged over them); false for indicators whose 二级 is blank. */
  carried: boolean;
  /** At least one row; a placeholder segment has one row with no indicator on either side. */
  rows: PairedRow[];
}

export interface IndicatorBlock {
  /** The 一级 cell's text ('' when the indicators have none: printed blank and unmerged). */
  level1: string;
  segments: IndicatorSegment[];
}

/** The standard name a printed 一级 stands for, else its normalised text; '' for blank. */
const level1Key = (text: string): string => (normaliseName(text) ? (matchLevel1(text) ?? normaliseName(text)) : '');
/** The standard name a printed 二级 stands for, else its normalised text; undefined for blank. */
const level2Key = (text: string): string | undefined => (normaliseName(text) ? (matchLevel2(text)?.level2 ?? normaliseName(text)) : undefined);

interface Segment {
  key: string;
  carried: boolean;
  standard?: string;
  sides: Record<PerformancePeriod, PerformanceIndicator[]>;
}

const emptySides = (): Record<PerformancePeriod, PerformanceIndicator[]> => ({ 实施期: [], 年度: [] });

/**
 * The blocks in print order: the framework's 一级 (产出, 效益, 满意度) with all their 二级, then any other 一级 the
 * indicators name, in order of appearance. Within a 一级, an indicator's 二级 outside the framework is placed after
 * the group it followed on its own side.
 */
export function indicatorBlocks(indicators: readonly PerformanceIndicator[]): IndicatorBlock[] {
  const order: string[] = INDICATOR_FRAMEWORK.map((entry) => entry.name);
  for (const indicator of indicators) {
    const key = level1Key(indicator.level1);
    if (!order.includes(key)) order.push(key);
  }
  return order.flatMap((key): IndicatorBlock[] => {
    const members = indicators.filter((indicator) => level1Key(indicator.level1) === key);
    const standard = INDICATOR_FRAMEWORK.find((entry) => entry.name === key);
    if (!standard && members.length === 0) return [];
    const segments: Segment[] = (standard?.level2 ?? []).map((name) => ({ key: name, carried: true, standard: name, sides: emptySides() }));
    for (const period of PERFORMANCE_PERIODS) placeSide(segments, members.filter((indicator) => indicator.period === period), period);
    const printedLevel1 = members.find((m) => m.period === '实施期')?.level1 ?? members[0]?.level1 ?? standard?.name ?? '';
    return [{ level1: printedLevel1, segments: segments.map(printed) }];
  });
}

/** Adds one side's indicators to the segments, creating segments for 二级 outside the framework and for blank ones. */
function placeSide(segments: Segment[], side: readonly PerformanceIndicator[], period: PerformancePeriod): void {
  let previous = -1;
  for (const indicator of side) {
    const named = level2Key(indicator.level2);
    const before = segments[previous];
    // A blank 二级 belongs after the group it followed (a run of blanks stays together); both sides' blank runs
    // there share one segment.
    const key = named ?? (before && !before.carried ? before.key : `\u0000after:${before?.key ?? ''}`);
    let at = segments.findIndex((segment) => segment.key === key);
    if (at < 0) {
      at = previous + 1;
      segments.splice(at, 0, { key, carried: named !== undefined, sides: emptySides() });
    }
    segments[at]?.sides[period].push(indicator);
    previous = at;
  }
}

function printed(segment: Segment): IndicatorSegment {
  const count = Math.max(1, segment.sides['实施期'].length, segment.sides['年度'].length);
  const rows: PairedRow[] = Array.from({ length: count }, (_, i) => ({ 实施期: segment.sides['实施期'][i], 年度: segment.sides['年度'][i] }));
  const placeholder = segment.sides['实施期'].length === 0 && segment.sides['年度'].length === 0;
  const text = (period: PerformancePeriod) => segment.sides[period][0]?.level2 ?? (placeholder ? (segment.standard ?? '') : '');
  const level2 = segment.carried ? { 实施期: text('实施期'), 年度: text('年度') } : { 实施期: '', 年度: '' };
  return { level2, carried: segment.carried, rows };
}
