// Totals follow their parts: an edit to a 项 moves its 款, 类 and 合计 (and row totals) by the same amount,
// keeping any published 尾差, as one patch for one undo step. Planning is pure; committing lays the patch on.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { BookSession } from '../src/shared/book-session';
import { patchCells } from '../src/shared/cell';
import { summarise } from '../src/shared/validation';
import { DATONG_XLSX } from './helpers/seed';

let book: Book;
beforeAll(async () => {
  book = (await importWorkbooks([DATONG_XLSX])).book;
});

const value = (b: Book, table: string, row: string, column: string, side = 'main') =>
  b.tables.find((t) => t.tableId === table)?.rows.find((r) => r.side === side && r.key === row)?.values[column]?.value;

describe('totals that compute themselves', () => {
  it('moves 款, 类, 合计 and the row total by the edit, keeping the 尾差', () => {
    const copy = structuredClone(book);
    const session = new BookSession(copy);
    const patch = session.plan([{ tableId: 't02', side: 'main', rowKey: '2101101', columnId: 'gpb', value: '12.52' }]);
    expect(copy).toEqual(book); // planning touches nothing
    session.commit(patch);
    const validator = session.validator;
    const written = patchCells(patch);
    expect(written.map((w) => `${w.rowKey}.${w.columnId}=${w.value}`).sort()).toEqual(
      ['2101101.gpb=12.52', '2101101.total=12.52', '21011.gpb=20.96', '21011.total=20.96', '210.gpb=21.14', '210.total=21.14', 'total.gpb=473.39', 'total.total=473.39'].sort(),
    );
    // 21011 printed 19.96 against 项 19.97: it now reads 20.96 against 20.97 — the same 尾差, still a warning.
    const tails = validator.findings().filter((f) => f.key.startsWith('t02.tree:main:21011'));
    expect(tails.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(value(copy, 't02', '21011', 'total')).toBe('20.96');
  });

  it('clears a total when its last part is cleared, and names computed cells', () => {
    const copy = structuredClone(book);
    const session = new BookSession(copy);
    expect(session.computedCells().has('t02|main|total|gpb')).toBe(true);
    expect(session.computedCells().has('t02|main|2101101|gpb')).toBe(false);
    const written = patchCells(session.plan([{ tableId: 't02', side: 'main', rowKey: '2100799', columnId: 'gpb', value: null }]));
    expect(written).toContainEqual({ tableId: 't02', side: 'main', rowKey: '21007', columnId: 'gpb', value: null });
    expect(written).toContainEqual({ tableId: 't02', side: 'main', rowKey: '2100799', columnId: 'total', value: null });
  });

  it('keeps two-sided fixed totals in step (表一 class → 本年支出合计 → 支出总计)', () => {
    const copy = structuredClone(book);
    const session = new BookSession(copy);
    session.commit(session.plan([{ tableId: 't01', side: 'expenditure', rowKey: '210', columnId: 'expCurrent', value: '21.14' }]));
    const validator = session.validator;
    expect(value(copy, 't01', '210', 'expTotal', 'expenditure')).toBe('21.14');
    expect(value(copy, 't01', 'expTotal', 'expCurrent', 'expenditure')).toBe('473.39');
    expect(value(copy, 't01', 'expTotal', 'expTotal', 'expenditure')).toBe('473.39');
    expect(value(copy, 't01', 'expGrandTotal', 'expTotal', 'expenditure')).toBe('473.39');
    // Every in-table sum holds; what remains is the balance (收入总计 ≠ 支出总计) and cross-table relations.
    const inTable = validator.findings().filter((f) => f.severity === 'error' && f.rule.startsWith('t01.'));
    expect(inTable.map((f) => f.rule)).toEqual(['t01.balance']);
    expect(summarise(validator.findings()).errors).toBeGreaterThan(0);
  });
});
