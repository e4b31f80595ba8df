import { describe, expect, it } from 'vitest';
import type { Book } from '../src/shared/book';
import { planTable } from '../src/shared/export/layout';
import { SHANXI_2024 } from '../src/shared/template/families/shanxi-2024';
import { newBook } from '../src/shared/template/new-book';
import type { Finding } from '../src/shared/validation/types';
import { columnOffsets, columnWidths, frozenCount, revealCell, visibleRows } from '../src/renderer/src/grid/layout';
import { buildModel } from '../src/renderer/src/grid/model';

function plan(tableId: string, edit?: (book: Book) => void) {
  const book = newBook(SHANXI_2024, 2024, '测试部门');
  edit?.(book);
  const def = SHANXI_2024.tables.find((t) => t.id === tableId)!;
  return planTable(book, def, book.tables.find((t) => t.tableId === tableId), SHANXI_2024);
}

describe('grid layout maths', () => {
  it('renders only the visible rows plus overscan of a 5,000-row table', () => {
    const w = visibleRows(28 * 2500, 560, 5000, 28, 8);
    expect(w).toEqual({ start: 2492, end: 2528 });
    expect(w.end - w.start).toBeLessThan(560 / 28 + 2 * 8 + 1);
    expect(visibleRows(0, 560, 5000, 28, 8)).toEqual({ start: 0, end: 28 });
    expect(visibleRows(28 * 5000, 560, 5000, 28, 8).end).toBe(5000);
    expect(visibleRows(0, 560, 0)).toEqual({ start: 0, end: 0 });
  });
  it('freezes the label columns before the first amount column', () => {
    const p = plan('t02');
    expect(frozenCount(p.columns)).toBe(2);
    const offsets = columnOffsets(columnWidths(p.columns));
    expect(offsets).toHaveLength(p.columns.length + 1);
    expect(offsets[0]).toBe(0);
  });
  it('scrolls a cell into view below the header and right of the frozen columns', () => {
    const view = { scrollTop: 0, scrollLeft: 0, width: 500, height: 300 };
    // Header 80 px → 220 px of body visible.
    expect(revealCell(view, { top: 280, height: 28, left: 0, width: 100, frozen: true }, 80, 200)).toEqual({ scrollTop: 88, scrollLeft: 0 });
    expect(revealCell({ ...view, scrollTop: 300 }, { top: 28, height: 28, left: 0, width: 100, frozen: true }, 80, 200).scrollTop).toBe(28);
    expect(revealCell(view, { top: 0, height: 28, left: 600, width: 120, frozen: false }, 80, 200).scrollLeft).toBe(220);
    expect(revealCell({ ...view, scrollLeft: 400 }, { top: 0, height: 28, left: 300, width: 120, frozen: false }, 80, 200).scrollLeft).toBe(100);
  });
});

describe('grid model', () => {
  it('marks amount cells editable, labels and computed rows read-only', () => {
    const p = plan('t01');
    const model = buildModel(p, []);
    const computed = SHANXI_2024.tables.find((t) => t.id === 't01')!.sides.flatMap((s) => (s.rows.kind === 'fixed' ? s.rows.rows.filter((r) => r.computed).map((r) => `${s.id}|${r.id}`) : []));
    expect(computed.length).toBeGreaterThan(0);
    let editable = 0;
    for (let r = 0; r < model.rows; r++) {
      for (let c = 0; c < model.cols; c++) {
        const ref = model.refAt({ r, c });
        const isEditable = model.isEditable({ r, c });
        if (isEditable) editable++;
        if (model.columns[c]?.kind !== 'amount') expect(isEditable).toBe(false);
        if (ref && computed.includes(`${ref.side}|${ref.rowKey}`)) expect(isEditable).toBe(false);
      }
    }
    expect(editable).toBeGreaterThan(0);
  });
  it('honours readOnlyRowKeys, formats amounts and finds cells', () => {
    const p = plan('t02', (book) => {
      const table = book.tables.find((t) => t.tableId === 't02')!;
      table.rows[0]!.values.total = { value: '1234.5' };
    });
    const pos = buildModel(p, []).find({ side: 'main', rowKey: 'total', columnId: 'total' })!;
    expect(pos).toEqual({ r: 0, c: 2 });
    expect(buildModel(p, []).displayAt(pos)).toBe('1,234.50');
    expect(buildModel(p, []).rawAt(pos)).toBe('1234.5');
    expect(buildModel(p, [], new Set(['main|total'])).isEditable(pos)).toBe(false);
  });
  it('marks cells that findings locate, errors over warnings, messages in the title', () => {
    const p = plan('t02');
    const loc = { table: 2, tableId: 't02', side: 'main' as const, row: '合计', rowKey: 'total', columnId: 'gpb', column: '一般公共预算' };
    const findings: Finding[] = [
      { key: 'a', rule: 'r1', severity: 'warning', message: '警告甲', locations: [loc] },
      { key: 'b', rule: 'r2', severity: 'error', message: '错误乙', locations: [loc, { ...loc, tableId: 't03' }] },
      { key: 'c', rule: 'r3', severity: 'warning', message: '整行', locations: [{ ...loc, columnId: undefined }] },
    ];
    const model = buildModel(p, findings);
    const pos = model.find({ side: 'main', rowKey: 'total', columnId: 'gpb' })!;
    const mark = model.markAt(pos)!;
    expect(mark.severity).toBe('error');
    expect(mark.title).toContain('警告甲');
    expect(mark.title).toContain('错误乙');
    expect(model.markAt({ r: pos.r, c: 0 })?.title).toContain('整行');
    expect(pos.c).toBe(3);
    expect(model.markAt({ r: pos.r, c: 2 })).toBeUndefined();
  });
});
