// Quick fixes (issue 11): a wrong total that came in from Excel is set right by 按明细重算 in one step; an equality
// between two typed cells offers either figure; 全部重算 sums every total from its parts. Each fix is previewed as
// the cells it changes, and the preview is exactly what applying writes.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { BookSession } from '../src/shared/book-session';
import { cellKey, patchCells } from '../src/shared/cell';
import { findFix, fixesFor, recalculateAll } from '../src/shared/quick-fixes';
import { DATONG_XLSX } from './helpers/seed';

let imported: Book;
beforeAll(async () => {
  imported = (await importWorkbooks([DATONG_XLSX])).book;
});

/** The book with one figure changed as if the Excel file had it so (no totals follow). */
function withImportedFigure(tableId: string, rowKey: string, columnId: string, value: string): Book {
  const book = structuredClone(imported);
  const row = book.tables.find((t) => t.tableId === tableId)?.rows.find((r) => r.key === rowKey);
  if (!row?.values[columnId]) throw new Error(`no ${tableId} ${rowKey} ${columnId}`);
  row.values[columnId] = { ...row.values[columnId], value };
  return book;
}

const errors = (session: BookSession) => session.validator.findings().filter((f) => f.severity === 'error');

describe('按明细重算', () => {
  // 表三「201 一般公共服务支出」基本支出 is 272.15 in the published book, the exact sum of its 款; the file says 273.15.
  const wrongTotal = () => new BookSession(withImportedFigure('t03', '201', 'basic', '273.15'));
  const recalculateFinding = (session: BookSession) =>
    errors(session).find((f) => f.locations[0]?.tableId === 't03' && f.locations[0].rowKey === '201' && f.locations[0].columnId === 'basic' && fixesFor(session, f.key).some((x) => x.id === 'recalculate'));

  it('sets an imported total that is 1.00 too high to the sum of its parts in one change, and no error is left', () => {
    const session = wrongTotal();
    expect(errors(session).length).toBeGreaterThan(1);
    const finding = recalculateFinding(session);
    expect(finding).toBeDefined();
    const fix = fixesFor(session, finding!.key).find((x) => x.id === 'recalculate')!;
    // The totals above already agree with the right figure (within their published 尾差): they stay.
    expect(fix.changes).toEqual([expect.objectContaining({ tableId: 't03', rowKey: '201', columnId: 'basic', before: '273.15', after: '272.15', label: '表三「201 一般公共服务支出」基本支出' })]);
    session.commit(fix.patch);
    expect(errors(session)).toEqual([]);
  });

  it('is not offered where the total already equals its parts, and a fix found again plans the same patch', () => {
    const session = wrongTotal();
    const finding = recalculateFinding(session)!;
    const preview = fixesFor(session, finding.key).find((x) => x.id === 'recalculate')!;
    expect(findFix(session, 'recalculate', finding.key)?.patch).toEqual(preview.patch);
    session.commit(preview.patch);
    expect(fixesFor(session, finding.key)).toEqual([]);
    expect(findFix(session, 'recalculate', finding.key)).toBeUndefined();
  });

  it('editing a part under a wrong total does not carry the wrong gap along: the total becomes the sum', () => {
    const session = wrongTotal();
    const patch = session.plan([{ tableId: 't03', side: 'main', rowKey: '20103', columnId: 'basic', value: '272.16' }]);
    expect(patch.derived).toContainEqual(expect.objectContaining({ rowKey: '201', columnId: 'basic', value: '272.16' }));
  });

  it('keeps a published 尾差 when a part is edited', () => {
    const session = new BookSession(structuredClone(imported));
    // 表三 合计 基本支出 is printed 372.39 while its classes sum to 372.40: +1.00 on a part gives 373.39.
    const patch = session.plan([{ tableId: 't03', side: 'main', rowKey: '20103', columnId: 'basic', value: '273.15' }]);
    expect(patch.derived).toContainEqual(expect.objectContaining({ rowKey: 'total', columnId: 'basic', value: '373.39' }));
  });
});

describe('采用另一方的数', () => {
  it('offers each typed side of an equality the other side’s figure, never a total’s', () => {
    const session = new BookSession(structuredClone(imported));
    session.commit(session.plan([{ tableId: 't01', side: 'income', rowKey: 'gpb', columnId: 'incomeAmount', value: '999' }]));
    const computed = session.computedCells();
    const offered = errors(session).flatMap((f) => fixesFor(session, f.key).map((fix) => ({ finding: f.key, fix })));
    expect(offered.length).toBeGreaterThan(0);
    for (const { fix } of offered) {
      if (fix.id === 'recalculate') continue;
      // The cell a take-fix sets is the first change and is never a computed total.
      expect(computed.has(cellKey(fix.patch.set[0]!))).toBe(false);
    }
    // 表一 收入 一般公共预算 (999) against 表二 合计 (472.39): take 表二's figure and the error is gone.
    const back = offered.find(({ fix }) => fix.id === 'takeRight' && fix.label.includes('472.39') && fix.patch.set[0]?.tableId === 't01');
    expect(back?.fix.label).toMatch(/^采用表.「.+」.+的数（472\.39）$/);
    session.commit(back!.fix.patch);
    expect(errors(session).filter((f) => f.locations.some((l) => l.tableId === 't01' && l.rowKey === 'gpb'))).toEqual([]);
  });
});

describe('全部重算', () => {
  it('sums every total from its parts bottom-up: the published 尾差 of the sums are gone, figures typed stay', () => {
    const session = new BookSession(structuredClone(imported));
    const before = session.validator.findings().filter((f) => f.roundingTail && /sum|tree/i.test(f.rule));
    expect(before.length).toBeGreaterThan(0);
    const fix = recalculateAll(session)!;
    const computed = session.computedCells();
    // Only totals change.
    for (const cell of patchCells(fix.patch)) expect(computed.has(cellKey(cell)), cellKey(cell)).toBe(true);
    session.commit(fix.patch);
    const sumFindings = session.validator.findings().filter((f) => session.validator.checkFor(f.key)?.sum);
    expect(sumFindings).toEqual([]);
    expect(recalculateAll(session)).toBeUndefined();
  });
});

describe('through the services', () => {
  it('previews 全部重算 without writing, applies it as one undo step that a fresh process sees', async () => {
    const { createServices } = await import('../src/main/services');
    const { openStore } = await import('../src/main/store');
    const { makeTmpDir } = await import('./helpers/tmp');
    const tmp = makeTmpDir('quick-fixes-');
    const store = openStore(tmp.file('fixes.db'));
    try {
      const services = createServices({ store, mode: 'electron' });
      const bookId = (await services.books.import([{ name: '大同.xlsx', path: DATONG_XLSX }])).bookId;
      const [preview] = services.editing.fixes(bookId);
      expect(preview?.id).toBe('recalculateAll');
      expect(store.historyState(bookId).revision).toBe(0);
      const applied = services.editing.applyFix(bookId, 'recalculateAll');
      expect(applied.patch.set.length + applied.patch.derived.length).toBe(preview!.changes.length);
      const fresh = createServices({ store, mode: 'electron' });
      expect(fresh.editing.fixes(bookId)).toEqual([]);
      fresh.editing.undo(bookId);
      expect(createServices({ store, mode: 'electron' }).editing.fixes(bookId)[0]?.changes).toEqual(preview!.changes);
      expect(() => fresh.editing.applyFix(bookId, 'recalculate', 'no-such-finding')).toThrow(/这项修正已不适用/);
    } finally {
      store.close();
      tmp.remove();
    }
  });
});
