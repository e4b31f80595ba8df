// A deliberately small evaluator for formulas saved without a cached result (files written by programs,
// not by Excel). It handles what budget templates use: numbers, same-sheet cell references, SUM over
// ranges and lists, + - * / and parentheses. Anything else returns undefined and becomes a notice.
import { Dec } from '../../shared/money';
import { parseAddress } from './grid';

export type CellLookup = (row: number, column: number) => Dec | undefined | 'unknown';

type Token = { kind: 'num'; value: string } | { kind: 'ref'; row: number; column: number } | { kind: 'op'; value: string } | { kind: 'fn'; name: string };

function tokenize(formula: string): Token[] | undefined {
  const tokens: Token[] = [];
  const text = formula.replace(/^=/, '').replace(/\s+/g, '');
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const num = /^\d+(\.\d+)?/.exec(rest);
    const ref = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(rest);
    const fn = /^([A-Za-z]+)\(/.exec(rest);
    if (fn && fn[1] && !/^\$?[A-Za-z]{1,3}\$?\d/.test(rest)) {
      tokens.push({ kind: 'fn', name: fn[1].toUpperCase() });
      tokens.push({ kind: 'op', value: '(' });
      i += fn[0].length;
    } else if (ref) {
      const address = parseAddress(ref[0].replace(/\$/g, ''));
      if (!address) return undefined;
      tokens.push({ kind: 'ref', ...address });
      i += ref[0].length;
    } else if (num) {
      tokens.push({ kind: 'num', value: num[0] });
      i += num[0].length;
    } else if ('+-*/(),:'.includes(rest[0] ?? '')) {
      tokens.push({ kind: 'op', value: rest[0] ?? '' });
      i += 1;
    } else {
      return undefined;
    }
  }
  return tokens;
}

class Unsupported extends Error {}

/** The used area of the sheet: ranges are clipped to it before anything walks them (A1:XFD1048576 is a range). */
export interface SheetBounds {
  rows: number;
  columns: number;
}

/** Nesting deeper than this ("((((…", "- - - …") is not a budget template: refused instead of a stack overflow. */
const MAX_NESTING = 200;

export function evaluateFormula(formula: string, lookup: CellLookup, bounds?: SheetBounds): Dec | undefined {
  if (formula.length > 10_000) return undefined;
  const tokens = tokenize(formula);
  if (!tokens) return undefined;
  let pos = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (value: string): boolean => {
    const t = peek();
    return t?.kind === 'op' && t.value === value;
  };
  const expectOp = (value: string): void => {
    if (!isOp(value)) throw new Unsupported();
    pos++;
  };
  const valueAt = (row: number, column: number): Dec => {
    const v = lookup(row, column);
    if (v === 'unknown') throw new Unsupported();
    return v ?? new Dec(0);
  };
  const rangeSum = (from: { row: number; column: number }, to: { row: number; column: number }): Dec => {
    let total = new Dec(0);
    const lastRow = Math.min(Math.max(from.row, to.row), bounds?.rows ?? Infinity);
    const lastColumn = Math.min(Math.max(from.column, to.column), bounds?.columns ?? Infinity);
    for (let r = Math.min(from.row, to.row); r <= lastRow; r++) {
      for (let c = Math.min(from.column, to.column); c <= lastColumn; c++) total = total.plus(valueAt(r, c));
    }
    return total;
  };
  const primary = (): Dec => {
    const t = peek();
    if (!t || ++depth > MAX_NESTING) throw new Unsupported();
    try {
      return primaryAt(t);
    } finally {
      depth--;
    }
  };
  const primaryAt = (t: Token): Dec => {
    if (t.kind === 'num') {
      pos++;
      return new Dec(t.value);
    }
    if (t.kind === 'ref') {
      pos++;
      if (isOp(':')) {
        pos++;
        const end = peek();
        if (end?.kind !== 'ref') throw new Unsupported();
        pos++;
        return rangeSum(t, end);
      }
      return valueAt(t.row, t.column);
    }
    if (t.kind === 'fn') {
      if (t.name !== 'SUM') throw new Unsupported();
      pos++;
      expectOp('(');
      let total = new Dec(0);
      if (!isOp(')')) {
        total = total.plus(expression());
        while (isOp(',')) {
          pos++;
          total = total.plus(expression());
        }
      }
      expectOp(')');
      return total;
    }
    if (t.value === '(') {
      pos++;
      const inner = expression();
      expectOp(')');
      return inner;
    }
    if (t.value === '-') {
      pos++;
      return primary().negated();
    }
    if (t.value === '+') {
      pos++;
      return primary();
    }
    throw new Unsupported();
  };
  const term = (): Dec => {
    let value = primary();
    while (isOp('*') || isOp('/')) {
      const op = (peek() as { value: string }).value;
      pos++;
      const rhs = primary();
      if (op === '/' && rhs.isZero()) throw new Unsupported();
      value = op === '*' ? value.times(rhs) : value.dividedBy(rhs);
    }
    return value;
  };
  function expression(): Dec {
    let value = term();
    while (isOp('+') || isOp('-')) {
      const op = (peek() as { value: string }).value;
      pos++;
      const rhs = term();
      value = op === '+' ? value.plus(rhs) : value.minus(rhs);
    }
    return value;
  }
  try {
    const result = expression();
    return pos === tokens.length ? result : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
