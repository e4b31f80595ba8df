// Labelled values shared by both forms: the value of a label is the text after its colon, else the next non-empty
// cell to its right unless that cell is itself a label (「负责人： | 经办人：」 leaves 负责人 blank).
import type { LabelMatch } from './labels';
import type { Token } from './tokens';

export interface LabelledCell<K extends string> {
  token: Token;
  /** Index of the token in its row. */
  index: number;
  match: LabelMatch<K>;
}

export function labelledCells<K extends string>(tokens: Token[], match: (text: string) => LabelMatch<K> | undefined): LabelledCell<K>[] {
  const cells: LabelledCell<K>[] = [];
  tokens.forEach((token, index) => {
    const found = match(token.text);
    if (found) cells.push({ token, index, match: found });
  });
  return cells;
}

export function valueAfter<K extends string>(tokens: Token[], cell: LabelledCell<K>, isLabel: (text: string) => boolean): Token | undefined {
  if (cell.match.rest) return { ...cell.token, text: cell.match.rest, value: cell.match.rest };
  const next = tokens[cell.index + 1];
  return next && !isLabel(next.text) ? next : undefined;
}

/** The year a form is for: 「(2024年度)」 under the title, or a year in the title itself. */
export function readYear(texts: readonly string[]): number | undefined {
  for (const text of texts) {
    const match = /[(（]\s*((?:19|20)\d\d)\s*年度?\s*[)）]/.exec(text) ?? /((?:19|20)\d\d)\s*年/.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}
