import { describe, expect, it } from 'vitest';
import type { GridShape, Pos } from '../src/renderer/src/grid/model';
import { GRID_TEXT } from '../src/renderer/src/grid/strings';
import {
  clearRange,
  commit,
  compositionStarted,
  copyText,
  keyDown,
  pasteEdits,
  pasteReport,
  rangeOf,
  textChanged,
  type KeyInput,
  type SelectionState,
} from '../src/renderer/src/grid/useSelection';
import { parseTsv } from '../src/renderer/src/grid/tsv';

// 4 rows × 4 columns: column 0 is a name (read-only), columns 1-3 amounts; row 0 is a computed total (read-only).
function shape(values: Record<string, string> = {}): GridShape {
  return {
    rows: 4,
    cols: 4,
    isEditable: (p: Pos) => p.c >= 1 && p.r >= 1 && p.r < 4 && p.c < 4,
    rawAt: (p: Pos) => (p.c === 0 ? `行${p.r}` : (values[`${p.r},${p.c}`] ?? '')),
  };
}
const at = (r: number, c: number): SelectionState => ({ active: { r, c }, extent: { r, c } });
const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key: k, ...extra });

describe('grid selection: moving', () => {
  const g = shape();
  it('moves with arrows and stops at the bounds', () => {
    expect(keyDown(at(1, 1), key('ArrowRight'), g).state.active).toEqual({ r: 1, c: 2 });
    expect(keyDown(at(1, 1), key('ArrowUp'), g).state.active).toEqual({ r: 0, c: 1 });
    expect(keyDown(at(0, 0), key('ArrowUp'), g).state.active).toEqual({ r: 0, c: 0 });
    expect(keyDown(at(0, 0), key('ArrowLeft'), g).state.active).toEqual({ r: 0, c: 0 });
    expect(keyDown(at(3, 3), key('ArrowDown'), g).state.active).toEqual({ r: 3, c: 3 });
    expect(keyDown(at(3, 3), key('ArrowRight'), g).handled).toBe(true);
  });
  it('selects read-only cells too (nothing is skipped)', () => {
    expect(keyDown(at(1, 1), key('ArrowLeft'), g).state.active).toEqual({ r: 1, c: 0 });
    expect(keyDown(at(1, 1), key('ArrowUp'), g).state.active).toEqual({ r: 0, c: 1 });
  });
  it('Tab wraps to the next row, Shift+Tab to the previous one', () => {
    expect(keyDown(at(1, 3), key('Tab'), g).state.active).toEqual({ r: 2, c: 0 });
    expect(keyDown(at(1, 2), key('Tab'), g).state.active).toEqual({ r: 1, c: 3 });
    expect(keyDown(at(2, 0), key('Tab', { shiftKey: true }), g).state.active).toEqual({ r: 1, c: 3 });
    expect(keyDown(at(3, 3), key('Tab'), g).state.active).toEqual({ r: 3, c: 3 });
    expect(keyDown(at(0, 0), key('Tab', { shiftKey: true }), g).state.active).toEqual({ r: 0, c: 0 });
  });
  it('Enter moves down, Shift+Enter up', () => {
    expect(keyDown(at(1, 2), key('Enter'), g).state.active).toEqual({ r: 2, c: 2 });
    expect(keyDown(at(1, 2), key('Enter', { shiftKey: true }), g).state.active).toEqual({ r: 0, c: 2 });
  });
  it('Shift+arrows extend a rectangular range from the active cell', () => {
    let s = at(1, 1);
    s = keyDown(s, key('ArrowRight', { shiftKey: true }), g).state;
    s = keyDown(s, key('ArrowDown', { shiftKey: true }), g).state;
    s = keyDown(s, key('ArrowDown', { shiftKey: true }), g).state;
    expect(s.active).toEqual({ r: 1, c: 1 });
    expect(rangeOf(s)).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    s = keyDown(s, key('ArrowLeft', { shiftKey: true }), g).state;
    s = keyDown(s, key('ArrowLeft', { shiftKey: true }), g).state;
    expect(rangeOf(s)).toEqual({ top: 1, left: 0, bottom: 3, right: 1 });
    // A plain arrow collapses the range.
    s = keyDown(s, key('ArrowRight'), g).state;
    expect(rangeOf(s)).toEqual({ top: 1, left: 2, bottom: 1, right: 2 });
  });
  it('Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z ask for undo/redo', () => {
    expect(keyDown(at(1, 1), key('z', { ctrlKey: true }), g).commands).toEqual([{ type: 'undo' }]);
    expect(keyDown(at(1, 1), key('y', { ctrlKey: true }), g).commands).toEqual([{ type: 'redo' }]);
    expect(keyDown(at(1, 1), key('Z', { ctrlKey: true, shiftKey: true }), g).commands).toEqual([{ type: 'redo' }]);
  });
  it('leaves Ctrl+C / Ctrl+V to the clipboard events', () => {
    expect(keyDown(at(1, 1), key('c', { ctrlKey: true }), g).handled).toBe(false);
    expect(keyDown(at(1, 1), key('v', { ctrlKey: true }), g).handled).toBe(false);
  });
});

describe('grid selection: editing', () => {
  const g = shape({ '1,1': '1234.5' });
  it('typing a character starts an edit that replaces the cell', () => {
    const step = keyDown(at(1, 1), key('7'), g);
    expect(step.handled).toBe(true);
    expect(step.state.editing).toEqual({ text: '7', mode: 'enter' });
  });
  it('typing on a read-only cell does not edit and says why', () => {
    const step = keyDown(at(0, 1), key('7'), g);
    expect(step.state.editing).toBeUndefined();
    expect(step.commands).toEqual([{ type: 'readOnly', at: step.state.active }]);
    expect(keyDown(at(1, 0), key('F2'), g).state.editing).toBeUndefined();
  });
  it('F2 edits keeping the raw text', () => {
    expect(keyDown(at(1, 1), key('F2'), g).state.editing).toEqual({ text: '1234.5', mode: 'edit' });
  });
  it('Enter commits a canonical value and moves down; Shift+Enter moves up', () => {
    const editing: SelectionState = { ...at(2, 1), editing: { text: '1,234.5', mode: 'enter' } };
    const step = keyDown(editing, key('Enter'), g);
    expect(step.commands).toEqual([{ type: 'edit', edits: [{ r: 2, c: 1, value: '1234.50' }] }]);
    expect(step.state).toEqual(at(3, 1));
    expect(keyDown(editing, key('Enter', { shiftKey: true }), g).state).toEqual(at(1, 1));
  });
  it('accepts full-width digits and clears on blank', () => {
    expect(commit({ ...at(2, 2), editing: { text: '１２３４.５０', mode: 'enter' } }, g).commands).toEqual([{ type: 'edit', edits: [{ r: 2, c: 2, value: '1234.50' }] }]);
    expect(commit({ ...at(1, 1), editing: { text: '', mode: 'edit' } }, g).commands).toEqual([{ type: 'edit', edits: [{ r: 1, c: 1, value: null }] }]);
  });
  it('an unchanged value commits without an edit', () => {
    const step = commit({ ...at(1, 1), editing: { text: '1,234.50', mode: 'edit' } }, g);
    expect(step.ok).toBe(true);
    expect(step.commands).toEqual([]);
  });
  it('invalid input keeps the editor open with a Chinese hint', () => {
    const editing: SelectionState = { ...at(2, 1), editing: { text: '12abc', mode: 'enter' } };
    const step = keyDown(editing, key('Enter'), g);
    expect(step.commands).toEqual([]);
    expect(step.state.active).toEqual({ r: 2, c: 1 });
    expect(step.state.editing).toEqual({ text: '12abc', mode: 'enter', hint: GRID_TEXT.invalidNumber });
    // Typing again clears the hint.
    expect(textChanged(step.state, '12', g).editing).toEqual({ text: '12', mode: 'enter' });
  });
  it('Escape cancels', () => {
    const step = keyDown({ ...at(2, 1), editing: { text: '9', mode: 'enter' } }, key('Escape'), g);
    expect(step.state).toEqual(at(2, 1));
    expect(step.commands).toEqual([]);
  });
  it('Tab commits and moves right; arrows commit in enter mode, move the caret in F2 mode', () => {
    const tab = keyDown({ ...at(2, 1), editing: { text: '5', mode: 'enter' } }, key('Tab'), g);
    expect(tab.commands).toEqual([{ type: 'edit', edits: [{ r: 2, c: 1, value: '5.00' }] }]);
    expect(tab.state).toEqual(at(2, 2));
    const arrow = keyDown({ ...at(2, 1), editing: { text: '5', mode: 'enter' } }, key('ArrowDown'), g);
    expect(arrow.state).toEqual(at(3, 1));
    const caret = keyDown({ ...at(2, 1), editing: { text: '5', mode: 'edit' } }, key('ArrowLeft'), g);
    expect(caret.handled).toBe(false);
    expect(caret.state.editing?.text).toBe('5');
  });
  it('Ctrl+Z while editing is left to the textarea', () => {
    expect(keyDown({ ...at(2, 1), editing: { text: '5', mode: 'enter' } }, key('z', { ctrlKey: true }), g).handled).toBe(false);
  });
});

describe('grid selection: IME', () => {
  const g = shape();
  const editing: SelectionState = { ...at(2, 1), editing: { text: '１２', mode: 'enter' } };
  it('keys during a composition produce no action', () => {
    for (const k of ['Enter', 'Escape', 'ArrowDown', 'Tab', 'a']) {
      for (const flags of [{ isComposing: true }, { keyCode: 229 }]) {
        const step = keyDown(editing, key(k, flags), g);
        expect(step).toEqual({ state: editing, commands: [], handled: false });
        const idle = keyDown(at(2, 1), key(k, flags), g);
        expect(idle).toEqual({ state: at(2, 1), commands: [], handled: false });
      }
    }
  });
  it('compositionstart opens an empty editor on an editable cell, not on a read-only one', () => {
    expect(compositionStarted(at(2, 1), g).editing).toEqual({ text: '', mode: 'enter' });
    expect(compositionStarted(at(0, 1), g).editing).toBeUndefined();
    expect(textChanged(at(1, 0), '五', g).editing).toBeUndefined();
  });
  it('text arriving outside an edit starts one', () => {
    expect(textChanged(at(2, 1), '3', g).editing).toEqual({ text: '3', mode: 'enter' });
  });
});

describe('grid selection: Delete, copy and paste', () => {
  const g = shape({ '0,1': '99', '1,1': '10', '1,2': '20', '2,1': '30' });
  const range: SelectionState = { active: { r: 0, c: 0 }, extent: { r: 2, c: 2 } };
  it('Delete clears the range with nulls for editable, non-blank cells only, in one command', () => {
    expect(clearRange(range, g)).toEqual([
      { r: 1, c: 1, value: null },
      { r: 1, c: 2, value: null },
      { r: 2, c: 1, value: null },
    ]);
    const step = keyDown(range, key('Delete'), g);
    expect(step.commands).toHaveLength(1);
    expect(keyDown(range, key('Backspace'), g).commands).toEqual(step.commands);
  });
  it('Delete on read-only cells only says so', () => {
    expect(keyDown(at(0, 1), key('Delete'), g).commands).toEqual([{ type: 'readOnly', at: { r: 0, c: 1 } }]);
  });
  it('copies the range as raw TSV', () => {
    expect(copyText({ active: { r: 1, c: 0 }, extent: { r: 2, c: 2 } }, g)).toBe('行1\t10\t20\r\n行2\t30\t\r\n');
  });
  it('pastes a block from the top-left of the selection onto editable amount cells only', () => {
    const block = parseTsv('行9\t1,234.50\t１２\r\n行8\t\t-\r\n');
    const result = pasteEdits({ active: { r: 1, c: 0 }, extent: { r: 1, c: 0 } }, g, block);
    expect(result.edits).toEqual([
      { r: 1, c: 1, value: '1234.50' },
      { r: 1, c: 2, value: '12.00' },
      { r: 2, c: 1, value: null },
    ]);
    expect(result.skipped).toBe(2); // the two names landed on the read-only name column
    expect(result.invalid).toEqual([]);
    expect(result.area).toEqual({ top: 1, left: 0, bottom: 2, right: 2 });
  });
  it('skips invalid text and reports it in Chinese', () => {
    const result = pasteEdits(at(1, 1), g, parseTsv('abc\t5\r\n'));
    expect(result.edits).toEqual([{ r: 1, c: 2, value: '5.00' }]);
    expect(result.invalid).toEqual(['abc']);
    expect(pasteReport(result)).toContain('abc');
  });
  it('clips what falls outside the table and fills a range with a single value', () => {
    const clipped = pasteEdits(at(3, 3), g, parseTsv('1\t2\r\n3\t4\r\n'));
    expect(clipped.edits).toEqual([{ r: 3, c: 3, value: '1.00' }]);
    expect(clipped.clipped).toBe(true);
    expect(pasteReport(clipped)).toBe(GRID_TEXT.pasteClipped);
    const fill = pasteEdits({ active: { r: 2, c: 2 }, extent: { r: 3, c: 3 } }, g, [['7']]);
    expect(fill.edits.map((e) => [e.r, e.c, e.value])).toEqual([
      [2, 2, '7.00'],
      [2, 3, '7.00'],
      [3, 2, '7.00'],
      [3, 3, '7.00'],
    ]);
  });
  it('leaves unchanged values out and says nothing when all went in', () => {
    const result = pasteEdits(at(1, 1), g, [['10.00']]);
    expect(result.edits).toEqual([]);
    expect(pasteReport(result)).toBeUndefined();
  });
  it('does not paste onto a read-only total row', () => {
    const result = pasteEdits(at(0, 1), g, [['5']]);
    expect(result.edits).toEqual([]);
    expect(result.skipped).toBe(1);
  });
});
