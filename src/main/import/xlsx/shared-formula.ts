// A shared formula is written once, at its anchor cell; the other cells of its range say only "shared formula 0".
// Each one is the anchor's formula with its relative references moved by the cell's offset from the anchor.
import { columnLetters, parseAddress } from '../grid';

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

/** References outside quoted text: an optional $, 1–3 letters, an optional $, digits; not part of a name (LOG10, A1B). */
const REFERENCE = /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

export function translateSharedFormula(formula: string, rowOffset: number, columnOffset: number): string {
  // Split on double quotes: even parts are formula text, odd parts are string literals and stay untouched.
  return formula
    .split('"')
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(REFERENCE, (whole, columnDollar: string, letters: string, rowDollar: string, digits: string) => {
            const at = parseAddress(`${letters}${digits}`);
            if (!at) return whole;
            const column = columnDollar ? at.column : at.column + columnOffset;
            const row = rowDollar ? at.row : at.row + rowOffset;
            if (column < 1 || row < 1 || column > MAX_COLUMN || row > MAX_ROW) return '#REF!';
            return `${columnDollar}${columnLetters(column)}${rowDollar}${row}`;
          }),
    )
    .join('"');
}
