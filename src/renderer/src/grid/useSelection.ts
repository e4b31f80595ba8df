// Selection, range and editing state of the grid, and what every key does to it: a pure reducer (unit-tested)
// plus a thin hook that runs the reducer's commands. Read-only cells are selectable, never editable.
import { useCallback, useRef, useState } from 'react';
import { parseAmount, toCanonical } from '../../../shared/money';
import type { GridShape, Pos } from './model';
import { GRID_TEXT } from './strings';
import { formatTsv } from './tsv';

export interface Editing {
  text: string;
  /** 'enter': started by typing, arrows commit and move; 'edit' (F2): arrows move the caret. */
  mode: 'enter' | 'edit';
  hint?: string;
}

export interface SelectionState {
  /** The active cell (Excel's white cell); also the fixed corner of the range. */
  active: Pos;
  /** The other corner of the range, moved by Shift+arrows and mouse drag. */
  extent: Pos;
  editing?: Editing;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PosEdit {
  r: number;
  c: number;
  /** Canonical decimal, or null to clear. */
  value: string | null;
}

/** `readOnly`: the clerk tried to change a cell that cannot be typed in (a computed total): the page explains why. */
export type GridCommand = { type: 'edit'; edits: PosEdit[] } | { type: 'undo' } | { type: 'redo' } | { type: 'message'; text: string } | { type: 'readOnly'; at: Pos };

export interface Step {
  state: SelectionState;
  commands: GridCommand[];
  /** The key was used: the caller prevents the browser default. */
  handled: boolean;
}

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  keyCode?: number;
}

export const initialSelection: SelectionState = { active: { r: 0, c: 0 }, extent: { r: 0, c: 0 } };

export function rangeOf(state: SelectionState): Range {
  const { active: a, extent: e } = state;
  return { top: Math.min(a.r, e.r), left: Math.min(a.c, e.c), bottom: Math.max(a.r, e.r), right: Math.max(a.c, e.c) };
}

export function inRange(range: Range, p: Pos): boolean {
  return p.r >= range.top && p.r <= range.bottom && p.c >= range.left && p.c <= range.right;
}

function clamp(p: Pos, shape: GridShape): Pos {
  return { r: Math.max(0, Math.min(shape.rows - 1, p.r)), c: Math.max(0, Math.min(shape.cols - 1, p.c)) };
}

const same = (a: Pos, b: Pos): boolean => a.r === b.r && a.c === b.c;

/** Clicks (extend = Shift+click or drag). Leaves any edit alone: commit first. */
export function select(state: SelectionState, p: Pos, extend: boolean, shape: GridShape): SelectionState {
  const at = clamp(p, shape);
  return extend ? { active: state.active, extent: at } : { active: at, extent: at };
}

function moveTo(p: Pos, shape: GridShape): SelectionState {
  const at = clamp(p, shape);
  return { active: at, extent: at };
}

/** Tab / Shift+Tab: right/left, wrapping to the next/previous row; stays put at the very first/last cell. */
function tabTarget(p: Pos, back: boolean, shape: GridShape): Pos {
  if (!back) {
    if (p.c < shape.cols - 1) return { r: p.r, c: p.c + 1 };
    return p.r < shape.rows - 1 ? { r: p.r + 1, c: 0 } : p;
  }
  if (p.c > 0) return { r: p.r, c: p.c - 1 };
  return p.r > 0 ? { r: p.r - 1, c: shape.cols - 1 } : p;
}

/** Parses the editor's text. An unchanged value commits without an edit. */
export function commit(state: SelectionState, shape: GridShape): { state: SelectionState; commands: GridCommand[]; ok: boolean } {
  const editing = state.editing;
  if (!editing) return { state, commands: [], ok: true };
  const closed: SelectionState = { active: state.active, extent: state.extent };
  if (!shape.isEditable(state.active)) return { state: closed, commands: [], ok: true };
  const parsed = parseAmount(editing.text);
  if (parsed.kind === 'invalid') return { state: { ...state, editing: { ...editing, hint: GRID_TEXT.invalidNumber } }, commands: [], ok: false };
  const value = parsed.kind === 'blank' ? null : toCanonical(parsed.value);
  if (unchanged(shape.rawAt(state.active), value)) return { state: closed, commands: [], ok: true };
  return { state: closed, commands: [{ type: 'edit', edits: [{ ...state.active, value }] }], ok: true };
}

function unchanged(raw: string, value: string | null): boolean {
  const before = parseAmount(raw);
  if (value === null) return before.kind === 'blank';
  return before.kind === 'value' && before.value.equals(value);
}

/** Delete/Backspace: nulls for the editable, non-blank cells of the range. */
export function clearRange(state: SelectionState, shape: GridShape): PosEdit[] {
  const range = rangeOf(state);
  const edits: PosEdit[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      if (shape.isEditable({ r, c }) && shape.rawAt({ r, c }) !== '') edits.push({ r, c, value: null });
    }
  }
  return edits;
}

function rangeHasEditable(state: SelectionState, shape: GridShape): boolean {
  const range = rangeOf(state);
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) if (shape.isEditable({ r, c })) return true;
  return false;
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function isComposingKey(input: KeyInput): boolean {
  return Boolean(input.isComposing) || input.keyCode === 229;
}

function isPrintable(input: KeyInput): boolean {
  return [...input.key].length === 1 && !input.ctrlKey && !input.metaKey && !input.altKey;
}

const none = (state: SelectionState): Step => ({ state, commands: [], handled: false });
const done = (state: SelectionState, commands: GridCommand[] = []): Step => ({ state, commands, handled: true });

/** Commits the edit, then moves the selection (an invalid entry keeps the editor open with its hint). */
function commitAndMove(state: SelectionState, shape: GridShape, target: (p: Pos) => Pos): Step {
  const result = commit(state, shape);
  if (!result.ok) return done(result.state, result.commands);
  return done(moveTo(target(state.active), shape), result.commands);
}

export function keyDown(state: SelectionState, input: KeyInput, shape: GridShape, pageRows = 20): Step {
  // An IME composition owns every key until compositionend.
  if (isComposingKey(input) || shape.rows === 0 || shape.cols === 0) return none(state);
  const ctrl = Boolean(input.ctrlKey || input.metaKey);
  const shift = Boolean(input.shiftKey);
  const arrow = ARROWS[input.key];
  const editing = state.editing;

  if (editing) {
    switch (input.key) {
      case 'Escape':
        return done({ active: state.active, extent: state.extent });
      case 'Enter':
        if (input.altKey) return done(state);
        return commitAndMove(state, shape, (p) => ({ r: p.r + (shift ? -1 : 1), c: p.c }));
      case 'Tab':
        return commitAndMove(state, shape, (p) => tabTarget(p, shift, shape));
      case 'F2':
        return done({ ...state, editing: { ...editing, mode: editing.mode === 'edit' ? 'enter' : 'edit' } });
    }
    if (arrow && editing.mode === 'enter' && !ctrl) return commitAndMove(state, shape, (p) => ({ r: p.r + arrow[0], c: p.c + arrow[1] }));
    return none(state);
  }

  if (ctrl) {
    const key = input.key.toLowerCase();
    if (key === 'z') return done(state, [{ type: shift ? 'redo' : 'undo' }]);
    if (key === 'y') return done(state, [{ type: 'redo' }]);
    if (key === 'a') return done({ active: { r: 0, c: 0 }, extent: { r: shape.rows - 1, c: shape.cols - 1 } });
    if (input.key === 'Home') return done(shift ? select(state, { r: 0, c: 0 }, true, shape) : moveTo({ r: 0, c: 0 }, shape));
    if (input.key === 'End') {
      const last = { r: shape.rows - 1, c: shape.cols - 1 };
      return done(shift ? select(state, last, true, shape) : moveTo(last, shape));
    }
    if (arrow) {
      // Ctrl+arrow jumps to the table's edge.
      const from = shift ? state.extent : state.active;
      const to = { r: arrow[0] < 0 ? 0 : arrow[0] > 0 ? shape.rows - 1 : from.r, c: arrow[1] < 0 ? 0 : arrow[1] > 0 ? shape.cols - 1 : from.c };
      return done(shift ? select(state, to, true, shape) : moveTo(to, shape));
    }
    return none(state); // Ctrl+C / Ctrl+V / Ctrl+X reach the textarea's clipboard events.
  }

  if (arrow) {
    if (shift) return done(select(state, { r: state.extent.r + arrow[0], c: state.extent.c + arrow[1] }, true, shape));
    return done(moveTo({ r: state.active.r + arrow[0], c: state.active.c + arrow[1] }, shape));
  }
  switch (input.key) {
    case 'Tab':
      return done(moveTo(tabTarget(state.active, shift, shape), shape));
    case 'Enter':
      return done(moveTo({ r: state.active.r + (shift ? -1 : 1), c: state.active.c }, shape));
    case 'Home':
      return done(shift ? select(state, { r: state.extent.r, c: 0 }, true, shape) : moveTo({ r: state.active.r, c: 0 }, shape));
    case 'End':
      return done(shift ? select(state, { r: state.extent.r, c: shape.cols - 1 }, true, shape) : moveTo({ r: state.active.r, c: shape.cols - 1 }, shape));
    case 'PageDown':
    case 'PageUp': {
      const dr = input.key === 'PageDown' ? pageRows : -pageRows;
      return done(shift ? select(state, { r: state.extent.r + dr, c: state.extent.c }, true, shape) : moveTo({ r: state.active.r + dr, c: state.active.c }, shape));
    }
    case 'Escape':
      return same(state.active, state.extent) ? none(state) : done(moveTo(state.active, shape));
    case 'F2':
      if (!shape.isEditable(state.active)) return done(state, [{ type: 'readOnly', at: state.active }]);
      return done({ ...state, editing: { text: shape.rawAt(state.active), mode: 'edit' } });
    case 'Delete':
    case 'Backspace': {
      const edits = clearRange(state, shape);
      if (edits.length > 0) return done(state, [{ type: 'edit', edits }]);
      return done(state, rangeHasEditable(state, shape) ? [] : [{ type: 'readOnly', at: state.active }]);
    }
  }
  if (isPrintable(input)) {
    if (!shape.isEditable(state.active)) return done(state, [{ type: 'readOnly', at: state.active }]);
    return done({ active: state.active, extent: state.active, editing: { text: input.key, mode: 'enter' } });
  }
  return none(state);
}

/** The textarea's text changed (typing, IME composition, drop): starts an edit that replaces the cell. */
export function textChanged(state: SelectionState, text: string, shape: GridShape): SelectionState {
  if (state.editing) return { ...state, editing: { text, mode: state.editing.mode } };
  if (!shape.isEditable(state.active)) return state;
  return { active: state.active, extent: state.active, editing: { text, mode: 'enter' } };
}

/** compositionstart outside an edit: open the editor empty so the composed text replaces the cell. */
export function compositionStarted(state: SelectionState, shape: GridShape): SelectionState {
  return state.editing ? state : textChanged(state, '', shape);
}

/** Ctrl+C: the range's raw values as TSV ("1234.5", not "1,234.50"). */
export function copyText(state: SelectionState, shape: GridShape): string {
  const range = rangeOf(state);
  const rows: string[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row: string[] = [];
    for (let c = range.left; c <= range.right; c++) row.push(shape.rawAt({ r, c }));
    rows.push(row);
  }
  return formatTsv(rows);
}

export interface PasteResult {
  edits: PosEdit[];
  /** Pasted texts that are not numbers (skipped). */
  invalid: string[];
  /** Non-blank pasted texts that landed on read-only cells (skipped). */
  skipped: number;
  /** Part of the block fell outside the table. */
  clipped: boolean;
  /** The cells the paste covered, to select afterwards. */
  area: Range;
}

/**
 * Ctrl+V: a block from Excel/WPS placed at the range's top-left corner (a single value fills the whole range),
 * onto editable amount cells only. Blanks clear; unchanged values are left out.
 */
export function pasteEdits(state: SelectionState, shape: GridShape, block: readonly (readonly string[])[]): PasteResult {
  const range = rangeOf(state);
  const height = block.length;
  const width = Math.max(0, ...block.map((row) => row.length));
  const single = height === 1 && width === 1;
  const rows = single ? range.bottom - range.top + 1 : height;
  const cols = single ? range.right - range.left + 1 : width;
  const bottom = Math.min(shape.rows - 1, range.top + rows - 1);
  const right = Math.min(shape.cols - 1, range.left + cols - 1);
  const result: PasteResult = { edits: [], invalid: [], skipped: 0, clipped: range.top + rows - 1 > bottom || range.left + cols - 1 > right, area: { top: range.top, left: range.left, bottom, right } };
  for (let r = range.top; r <= bottom; r++) {
    for (let c = range.left; c <= right; c++) {
      const text = single ? (block[0]?.[0] ?? '') : (block[r - range.top]?.[c - range.left] ?? '');
      if (!shape.isEditable({ r, c })) {
        if (text.trim() !== '') result.skipped++;
        continue;
      }
      const parsed = parseAmount(text);
      if (parsed.kind === 'invalid') {
        result.invalid.push(text.trim());
        continue;
      }
      const value = parsed.kind === 'blank' ? null : toCanonical(parsed.value);
      if (!unchanged(shape.rawAt({ r, c }), value)) result.edits.push({ r, c, value });
    }
  }
  return result;
}

/** One Chinese line about what a paste skipped, or undefined when all went in. */
export function pasteReport(result: PasteResult): string | undefined {
  const parts: string[] = [];
  if (result.invalid.length > 0) parts.push(GRID_TEXT.pasteInvalid(result.invalid.length, result.invalid.slice(0, 3)));
  if (result.skipped > 0) parts.push(GRID_TEXT.pasteSkipped(result.skipped));
  if (result.clipped) parts.push(GRID_TEXT.pasteClipped);
  return parts.length > 0 ? parts.join('；') : undefined;
}

export interface CommandHandlers {
  edit(edits: PosEdit[]): void;
  undo(): void;
  redo(): void;
  message(text: string): void;
  readOnly(at: Pos): void;
}

/** The selection state plus a runner that applies a reducer step and carries out its commands. */
export function useSelection(handlers: CommandHandlers): {
  state: SelectionState;
  stateRef: { readonly current: SelectionState };
  setState(next: SelectionState): void;
  run(step: { state: SelectionState; commands: GridCommand[] }): void;
} {
  const [state, setStateRaw] = useState<SelectionState>(initialSelection);
  const stateRef = useRef(state);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const setState = useCallback((next: SelectionState) => {
    stateRef.current = next;
    setStateRaw(next);
  }, []);
  const run = useCallback(
    (step: { state: SelectionState; commands: GridCommand[] }) => {
      setState(step.state);
      for (const command of step.commands) {
        if (command.type === 'edit') handlersRef.current.edit(command.edits);
        else if (command.type === 'undo') handlersRef.current.undo();
        else if (command.type === 'redo') handlersRef.current.redo();
        else if (command.type === 'readOnly') handlersRef.current.readOnly(command.at);
        else handlersRef.current.message(command.text);
      }
    },
    [setState],
  );
  return { state, stateRef, setState, run };
}
