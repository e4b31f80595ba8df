// A deliberately small evaluator for formulas saved without a cached result (files written by programs,
// not by Excel). It handles what budget templates use: numbers, same-sheet cell references, SUM over
// ranges and lists, + - * / and parentheses. Anything else returns undefined and becomes a notice.
// Parsing (shunting-yard) and evaluation (a value stack) are iterative: no input nests deep enough to overflow.
import { Dec } from '../../shared/money';
import { parseAddress } from './grid';

export type CellLookup = (row: number, column: number) => Dec | undefined | 'unknown';

export interface CellRef {
  row: number;
  column: number;
}

type Instruction =
  | { op: 'num'; value: Dec }
  | ({ op: 'ref' } & CellRef)
  | { op: 'range'; from: CellRef; to: CellRef }
  | { op: 'neg' }
  | { op: '+' | '-' | '*' | '/' }
  | { op: 'sum'; arity: number };

/** A formula in postfix order, ready to run against any lookup. */
export interface CompiledFormula {
  program: Instruction[];
}

/** The used area of the sheet: ranges are clipped to it before anything walks them (A1:XFD1048576 is a range). */
export interface SheetBounds {
  rows: number;
  columns: number;
}

const MAX_FORMULA_LENGTH = 10_000;

type Token = { kind: 'num'; value: string } | ({ kind: 'ref' } & CellRef) | { kind: 'op'; value: string } | { kind: 'fn'; name: string };

const NUMBER = /\d+(\.\d+)?/y;
const REFERENCE = /\$?[A-Za-z]{1,3}\$?\d+/y;
const FUNCTION = /([A-Za-z]+)\(/y;

function tokenize(formula: string): Token[] | undefined {
  const tokens: Token[] = [];
  const text = formula.replace(/^=/, '').replace(/\s+/g, '');
  let i = 0;
  const match = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = i;
    return pattern.exec(text);
  };
  while (i < text.length) {
    const ref = match(REFERENCE);
    const fn = ref ? null : match(FUNCTION);
    const num = match(NUMBER);
    if (fn?.[1]) {
      tokens.push({ kind: 'fn', name: fn[1].toUpperCase() });
      i += fn[0].length - 1; // the '(' is its own token
    } else if (ref) {
      const address = parseAddress(ref[0].replace(/\$/g, ''));
      if (!address) return undefined;
      tokens.push({ kind: 'ref', ...address });
      i += ref[0].length;
    } else if (num) {
      tokens.push({ kind: 'num', value: num[0] });
      i += num[0].length;
    } else if ('+-*/(),:'.includes(text[i] ?? '')) {
      tokens.push({ kind: 'op', value: text[i] ?? '' });
      i += 1;
    } else {
      return undefined;
    }
  }
  return tokens;
}

type StackEntry = { kind: 'binary'; op: '+' | '-' | '*' | '/'; precedence: number } | { kind: 'unary'; negate: boolean } | { kind: 'paren'; fn?: string; arguments: number };

/** Shunting-yard: infix tokens to postfix instructions; undefined for anything outside the supported subset. */
export function compileFormula(formula: string): CompiledFormula | undefined {
  if (formula.length > MAX_FORMULA_LENGTH) return undefined;
  const tokens = tokenize(formula);
  if (!tokens) return undefined;
  const program: Instruction[] = [];
  const stack: StackEntry[] = [];
  let expectOperand = true;
  const emit = (entry: StackEntry): void => {
    if (entry.kind === 'binary') program.push({ op: entry.op });
    else if (entry.kind === 'unary' && entry.negate) program.push({ op: 'neg' });
  };
  const popWhile = (keep: (entry: StackEntry) => boolean): void => {
    for (let top = stack.at(-1); top && top.kind !== 'paren' && keep(top); top = stack.at(-1)) emit(stack.pop() as StackEntry);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'num' || token.kind === 'ref') {
      if (!expectOperand) return undefined;
      const next = tokens[i + 1];
      if (token.kind === 'ref' && next?.kind === 'op' && next.value === ':') {
        const end = tokens[i + 2];
        if (end?.kind !== 'ref') return undefined;
        program.push({ op: 'range', from: { row: token.row, column: token.column }, to: { row: end.row, column: end.column } });
        i += 2;
      } else {
        program.push(token.kind === 'num' ? { op: 'num', value: new Dec(token.value) } : { op: 'ref', row: token.row, column: token.column });
      }
      expectOperand = false;
    } else if (token.kind === 'fn') {
      if (!expectOperand || token.name !== 'SUM') return undefined;
      const open = tokens[i + 1];
      if (open?.kind !== 'op' || open.value !== '(') return undefined;
      stack.push({ kind: 'paren', fn: token.name, arguments: 0 });
      i += 1;
    } else if (token.value === '(') {
      if (!expectOperand) return undefined;
      stack.push({ kind: 'paren', arguments: 0 });
    } else if (token.value === '+' || token.value === '-') {
      if (expectOperand) {
        stack.push({ kind: 'unary', negate: token.value === '-' });
      } else {
        popWhile(() => true);
        stack.push({ kind: 'binary', op: token.value, precedence: 1 });
        expectOperand = true;
      }
    } else if (token.value === '*' || token.value === '/') {
      if (expectOperand) return undefined;
      popWhile((entry) => entry.kind === 'unary' || (entry.kind === 'binary' && entry.precedence >= 2));
      stack.push({ kind: 'binary', op: token.value, precedence: 2 });
      expectOperand = true;
    } else if (token.value === ',') {
      if (expectOperand) return undefined;
      popWhile(() => true);
      const paren = stack.at(-1);
      if (paren?.kind !== 'paren' || !paren.fn) return undefined;
      paren.arguments++;
      expectOperand = true;
    } else if (token.value === ')') {
      const previous = tokens[i - 1];
      const emptyCall = expectOperand && stack.at(-1)?.kind === 'paren' && previous?.kind === 'op' && previous.value === '(';
      if (expectOperand && !emptyCall) return undefined;
      popWhile(() => true);
      const paren = stack.pop();
      if (paren?.kind !== 'paren') return undefined;
      if (paren.fn) program.push({ op: 'sum', arity: emptyCall ? paren.arguments : paren.arguments + 1 });
      else if (emptyCall) return undefined;
      expectOperand = false;
    } else {
      return undefined;
    }
  }
  if (expectOperand) return undefined;
  while (stack.length > 0) {
    const entry = stack.pop() as StackEntry;
    if (entry.kind === 'paren') return undefined;
    emit(entry);
  }
  return { program };
}

/** Every cell a formula reads, ranges clipped to the used area; stops early when visit returns false. */
export function forEachReference(compiled: CompiledFormula, bounds: SheetBounds, visit: (row: number, column: number) => boolean): void {
  for (const step of compiled.program) {
    if (step.op === 'ref') {
      if (!visit(step.row, step.column)) return;
    } else if (step.op === 'range') {
      const lastRow = Math.min(Math.max(step.from.row, step.to.row), bounds.rows);
      const lastColumn = Math.min(Math.max(step.from.column, step.to.column), bounds.columns);
      for (let r = Math.min(step.from.row, step.to.row); r <= lastRow; r++) {
        for (let c = Math.min(step.from.column, step.to.column); c <= lastColumn; c++) if (!visit(r, c)) return;
      }
    }
  }
}

/** Runs a compiled formula; undefined when a cell it reads is unknown or it divides by zero. */
export function runFormula(compiled: CompiledFormula, lookup: CellLookup, bounds: SheetBounds = { rows: Infinity, columns: Infinity }): Dec | undefined {
  const values: Dec[] = [];
  for (const step of compiled.program) {
    switch (step.op) {
      case 'num':
        values.push(step.value);
        break;
      case 'ref': {
        const value = lookup(step.row, step.column);
        if (value === 'unknown') return undefined;
        values.push(value ?? new Dec(0));
        break;
      }
      case 'range': {
        let total = new Dec(0);
        let unknown = false;
        forEachReference({ program: [step] }, bounds, (row, column) => {
          const value = lookup(row, column);
          if (value === 'unknown') unknown = true;
          else if (value) total = total.plus(value);
          return !unknown;
        });
        if (unknown) return undefined;
        values.push(total);
        break;
      }
      case 'neg':
        values.push((values.pop() as Dec).negated());
        break;
      case 'sum': {
        let total = new Dec(0);
        for (let k = 0; k < step.arity; k++) total = total.plus(values.pop() as Dec);
        values.push(total);
        break;
      }
      default: {
        const right = values.pop() as Dec;
        const left = values.pop() as Dec;
        if (step.op === '/' && right.isZero()) return undefined;
        values.push(step.op === '+' ? left.plus(right) : step.op === '-' ? left.minus(right) : step.op === '*' ? left.times(right) : left.dividedBy(right));
      }
    }
  }
  return values.length === 1 ? values[0] : undefined;
}

export function evaluateFormula(formula: string, lookup: CellLookup, bounds?: SheetBounds): Dec | undefined {
  const compiled = compileFormula(formula);
  return compiled ? runFormula(compiled, lookup, bounds) : undefined;
}
