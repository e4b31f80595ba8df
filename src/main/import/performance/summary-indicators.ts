// The indicator cells of one row of the 项目绩效目标汇总表, put under their (三级指标, 指标值) columns. A table converted
// from a PDF prints a whole page one column left of the header (the page after a page break has no header of its
// own): such a row is read where it fits the pairs clearly better — every pair a name and its value, no value standing
// where a name belongs — and never otherwise, so a well-placed row with a missing name or value stays as it is.
import { parseIndicatorValue } from '../../../shared/performance';
import type { IndicatorGroup } from './summary-header';
import type { Token } from './tokens';

export interface PlacedPair {
  level3?: Token;
  value?: Token;
}

export interface PlacedRow {
  /** Columns the row was moved by to fit the header (+1: it was printed one column left). */
  offset: number;
  /** By index into the groups. */
  pairs: Map<number, PlacedPair>;
  /** Cells under no 三级指标 / 指标值 column. */
  strays: Token[];
}

const OFFSETS = [0, 1, -1];

const isMeasure = (text: string): boolean => parseIndicatorValue(text).comparator !== '定性';

function place(groups: readonly IndicatorGroup[], tokens: readonly Token[], offset: number): PlacedRow {
  const pairs = new Map<number, PlacedPair>();
  const strays: Token[] = [];
  for (const token of tokens) {
    const column = token.column + offset;
    const index = groups.findIndex((g) => g.level3 === column || g.value === column);
    const group = groups[index];
    if (!group) {
      strays.push(token);
      continue;
    }
    const pair = pairs.get(index) ?? {};
    pair[group.level3 === column ? 'level3' : 'value'] = token;
    pairs.set(index, pair);
  }
  return { offset, pairs, strays };
}

/** How well a placement reads: a whole pair counts, a lone half or a stray cell counts against it. */
function score(row: PlacedRow): number {
  let total = -2 * row.strays.length;
  for (const { level3, value } of row.pairs.values()) {
    if (level3 && value) total += isMeasure(level3.text) && !isMeasure(value.text) ? 1 : 2;
    else total -= 1;
  }
  return total;
}

export function placeIndicatorRow(groups: readonly IndicatorGroup[], tokens: readonly Token[]): PlacedRow {
  const [asPrinted, ...moved] = OFFSETS.map((offset) => place(groups, tokens, offset)) as [PlacedRow, ...PlacedRow[]];
  const best = moved.reduce((a, b) => (score(b) > score(a) ? b : a), asPrinted);
  return score(best) > score(asPrinted) ? best : asPrinted;
}
