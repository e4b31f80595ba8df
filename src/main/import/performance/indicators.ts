// The indicator tree of a project form. The header (一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值) names the
// columns, but printed rows are shifted against it (a whole form one column right; a row two columns left), so cells
// are classified instead of placed: a framework 一级 name sets the 一级指标; framework 二级 names delimit the periods
// (first 实施期, second 年度); the other texts pair up as (三级指标, 指标值). The header's columns only decide the
// period of a row that prints no 二级 name.
import type { Notice } from '../../../shared/book';
import { matchLevel1, matchLevel2, parseIndicatorValue, PERFORMANCE_PERIODS, withParsedValue, type PerformanceIndicator, type PerformancePeriod } from '../../../shared/performance';
import type { MergeRange } from '../grid';
import { mergeLayout } from './merges';
import { matchProjectLabel } from './labels';
import { noticeAt, type Place, type Token } from './tokens';

/** Columns of the header row: 二级/三级/指标值 once per period, left (实施期) to right (年度). */
export interface TreeColumns {
  level1?: number;
  level2: number[];
  level3: number[];
  value: number[];
}

export function readTreeHeader(tokens: Token[]): TreeColumns | undefined {
  const columns: TreeColumns = { level2: [], level3: [], value: [] };
  for (const token of tokens) {
    const key = matchProjectLabel(token.text)?.key;
    if (key === 'level1Heading') columns.level1 ??= token.column;
    else if (key === 'level2Heading') columns.level2.push(token.column);
    else if (key === 'level3Heading') columns.level3.push(token.column);
    else if (key === 'valueHeading') columns.value.push(token.column);
  }
  return columns.level1 !== undefined && columns.level2.length > 0 && columns.level3.length > 0 ? columns : undefined;
}

/** Level names are a closed vocabulary: spaces a wrapped cell or a PDF left inside them (「产出 指标」) mean nothing. */
const levelName = (text: string): string => text.replace(/\s+/g, '');

interface Segment {
  level2: Token;
  texts: Token[];
}

interface ClassifiedRow {
  level1?: Token;
  segments: Segment[];
  /** Texts before any 二级 name. */
  loose: Token[];
}

function classify(tokens: Token[], yearSide: (column: number) => boolean): ClassifiedRow {
  const row: ClassifiedRow = { segments: [], loose: [] };
  let i = 0;
  const first = tokens[0];
  if (first && matchLevel1(first.text)) {
    row.level1 = first;
    i = 1;
  }
  for (; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const current = row.segments[row.segments.length - 1];
    if (matchLevel2(token.text)) {
      // 「服务对象满意度 | 服务对象满意度 | 满意」: a 三级指标 may repeat its 二级 name. Right after a 二级 name, on the same
      // side, with a value following, the name is the 三级指标; otherwise it opens the next period.
      const next = tokens[i + 1];
      const asLevel3 =
        current !== undefined && current.texts.length === 0 && next !== undefined && !matchLevel2(next.text) && yearSide(token.column) === yearSide(current.level2.column);
      if (!asLevel3) {
        row.segments.push({ level2: token, texts: [] });
        continue;
      }
    }
    (current ? current.texts : row.loose).push(token);
  }
  return row;
}

interface Slot {
  level2?: Token;
  texts: Token[];
}

export interface TreeInput {
  place: Place;
  columns: TreeColumns;
  /** Rows under the header, each as its non-empty cells. */
  rows: Token[][];
  merges: readonly MergeRange[];
}

export function readIndicatorTree({ place, columns, rows, merges }: TreeInput, notices: Notice[]): PerformanceIndicator[] {
  const [level2Left, level2Right] = columns.level2 as [number, number | undefined];
  const level2Column: Record<PerformancePeriod, number> = { 实施期: level2Left, 年度: level2Right ?? level2Left };
  // A 二级 name belongs to the period whose 二级 column it is nearer to; texts without one split where 年度 begins.
  const yearSide = (column: number): boolean => level2Right !== undefined && column * 2 > level2Left + level2Right;
  const inYearColumns = (column: number): boolean => level2Right !== undefined && column >= level2Right;
  const layout = mergeLayout(merges, rows, [columns.level1, level2Left, level2Right]);

  const indicators: PerformanceIndicator[] = [];
  let level1 = '';
  const level2: Record<PerformancePeriod, string> = { 实施期: '', 年度: '' };
  const ignore = (tokens: Token[], why: string): void => {
    const first = tokens[0];
    if (first) notices.push(noticeAt(place, '提示', first.row, first.column, `绩效指标中的「${tokens.map((t) => t.text).join('」「')}」${why}，未导入。`));
  };

  for (const printed of rows) {
    const tokens = printed.filter((token) => matchProjectLabel(token.text)?.key !== 'indicatorsHeading');
    const row = classify(tokens, yearSide);
    const rowNumber = tokens[0]?.row ?? 0;
    if (row.level1) {
      level1 = levelName(row.level1.text);
      level2.实施期 = level2.年度 = '';
    } else if (layout.merged && columns.level1 !== undefined && !layout.coveredFromAbove(rowNumber, columns.level1)) {
      // In a merged layout a blank 一级 cell outside any merge is a missing 一级, as a blank 二级 is below.
      level1 = '';
    }
    const slots = toSlots(row, yearSide, inYearColumns, ignore);
    // A blank 二级 cell means "as above" unless the row slid left into the 一级/二级 columns — the 「成本指标 rows that
    // lost their 二级指标」 — or the sheet merges its 一级/二级 cells (an exported one does) and this one is outside a merge.
    const carries = (period: PerformancePeriod, slot: Slot): boolean => {
      const first = slot.texts[0];
      if (!first) return false;
      if (layout.merged) return layout.coveredFromAbove(first.row, level2Column[period]);
      return first.column > level2Column[period];
    };
    for (const period of PERFORMANCE_PERIODS) {
      const slot = slots[period];
      const other = slots[period === '实施期' ? '年度' : '实施期'];
      if (slot.level2) level2[period] = levelName(slot.level2.text);
      // An empty 二级 line (经济效益指标 with nothing under it) is the form's placeholder, not an indicator; beside an
      // indicator of the other period it is kept, empty, so the checks can say what that period lacks.
      if (slot.texts.length === 0 && !(slot.level2 && other.texts.length > 0)) continue;
      const ownLevel2 = slot.level2 ? level2[period] : carries(period, slot) ? level2[period] : '';
      const [level3, value] = pairTexts(slot.texts);
      if (slot.texts.length > 2) ignore(slot.texts.slice(2), '多于一个三级指标和指标值');
      indicators.push(withParsedValue({ period, level1, level2: ownLevel2, level3, value }));
    }
  }
  return indicators;
}

function toSlots(
  row: ClassifiedRow,
  yearSide: (column: number) => boolean,
  inYearColumns: (column: number) => boolean,
  ignore: (tokens: Token[], why: string) => void,
): Record<PerformancePeriod, Slot> {
  const slots: Record<PerformancePeriod, Slot> = { 实施期: { texts: [] }, 年度: { texts: [] } };
  const [first, second, ...extra] = row.segments;
  if (extra.length > 0) ignore(extra.flatMap((s) => [s.level2, ...s.texts]), '多于实施期和年度两组');
  if (!first) {
    splitLoose(row.loose, inYearColumns, slots);
    return slots;
  }
  const firstPeriod: PerformancePeriod = second || !yearSide(first.level2.column) ? '实施期' : '年度';
  slots[firstPeriod] = { level2: first.level2, texts: first.texts };
  if (second) slots.年度 = { level2: second.level2, texts: second.texts };
  if (row.loose.length > 0) {
    // Texts before the only 二级 name, when that name is 年度's, are 实施期's (its 二级 cell blank: merged above).
    if (firstPeriod === '年度') slots.实施期 = { texts: row.loose };
    else ignore(row.loose, '位于二级指标之前');
  }
  return slots;
}

/**
 * A row without any 二级 name: the header decides the period of each text, unless that leaves a period with more than
 * one pair or an odd text on both sides — the row is shifted, and its texts are taken in order, 实施期 first.
 */
function splitLoose(loose: Token[], inYearColumns: (column: number) => boolean, slots: Record<PerformancePeriod, Slot>): void {
  if (loose.length === 0) return;
  const left = loose.filter((t) => !inYearColumns(t.column));
  const right = loose.filter((t) => inYearColumns(t.column));
  const fits = left.length <= 2 && right.length <= 2 && !(left.length % 2 === 1 && right.length % 2 === 1);
  if (fits) {
    slots.实施期.texts = left;
    slots.年度.texts = right;
  } else if (loose.length > 2) {
    slots.实施期.texts = loose.slice(0, 2);
    slots.年度.texts = loose.slice(2);
  } else {
    slots[inYearColumns((loose[0] as Token).column) ? '年度' : '实施期'].texts = loose;
  }
}

/** (三级指标, 指标值); a single text is the value when it reads as a measure (≥90%), else the 三级指标. */
function pairTexts(texts: Token[]): [string, string] {
  const [a, b] = texts;
  if (!a) return ['', ''];
  if (!b) return parseIndicatorValue(a.text).comparator === '定性' ? [a.text, ''] : ['', a.text];
  return [a.text, b.text];
}
