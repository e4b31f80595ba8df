// Row insertion and deletion through the store, undoable via the edit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Book } from '../src/shared/book';
import { openStore, StoreError, type Store } from '../src/main/store';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const FILE = 'C:\\预算\\样例.xlsx';

function book(): Book {
  return {
    familyId: 'shanxi-2024',
    year: 2024,
    department: '样例部门',
    unit: '万元',
    decimals: 2,
    units: [{ name: '样例部门', kind: '机关' }],
    sources: [FILE],
    tables: [
      {
        tableId: 't01',
        no: 1,
        title: '收支总表',
        emptyNote: false,
        rows: [
          { key: 'income.general', side: 'income', level: 'fixed', name: '一、一般公共预算', values: { amount: { value: '10.00' } } },
          { key: 'income.total', side: 'income', level: 'total', name: '收入合计', values: {} },
          { key: '201', side: 'expenditure', level: 'class', code: '201', name: '一般公共服务支出', values: {} },
        ],
      },
      {
        tableId: 't03',
        no: 3,
        title: '支出总表',
        emptyNote: false,
        rows: [
          { key: 'total', side: 'main', level: 'total', name: '合计', values: { total: { value: '30.00' } } },
          { key: '201', side: 'main', level: 'class', code: '201', name: '一般公共服务支出', values: {} },
          {
            key: '2010301',
            side: 'main',
            level: 'item',
            code: '2010301',
            name: '行政运行',
            values: {
              total: { value: '30.00', source: { file: FILE, sheet: '表三', cell: 'C8' }, fromFormula: true },
              basic: { value: '12.50', source: { file: FILE, sheet: '表三', cell: 'D8' }, fromFormula: false },
              project: { value: '17.50', source: { file: FILE, sheet: '表三', cell: 'E8' } },
            },
            source: { file: FILE, sheet: '表三', cell: 'A8' },
          },
          { key: '2010302', side: 'main', level: 'item', code: '2010302', name: '一般行政管理事务', values: {} },
        ],
      },
    ],
  };
}

const keys = (s: Store, id: number, tableId: string) =>
  s.loadBook(id).tables.find((t) => t.tableId === tableId)!.rows.map((r) => `${r.side}:${r.key}`);

describe('store: insertRow / deleteRow', () => {
  let tmp: TmpDir;
  let store: Store;
  let bookId: number;

  beforeEach(() => {
    tmp = makeTmpDir('store-rows-');
    store = openStore(tmp.file('rows.sqlite'));
    bookId = store.insertBook(book());
  });
  afterEach(() => {
    store.close();
    tmp.remove();
  });

  it('inserts after a key, first (null) and last (omitted) of its side', () => {
    const r = store.insertRow({
      bookId,
      tableId: 't03',
      side: 'main',
      row: { key: '2010350', level: 'item', code: '2010350', name: '事业运行' },
      afterKey: '2010301',
      actor: '张三',
    });
    expect(r).toEqual({ changed: true, seq: 2, revision: 1 });
    expect(keys(store, bookId, 't03')).toEqual(['main:total', 'main:201', 'main:2010301', 'main:2010350', 'main:2010302']);
    const inserted = store.loadBook(bookId).tables[1]!.rows[3];
    expect(inserted).toEqual({ key: '2010350', side: 'main', level: 'item', code: '2010350', name: '事业运行', values: {} });

    store.insertRow({ bookId, tableId: 't01', side: 'expenditure', row: { key: '205', level: 'class', name: '教育支出' } });
    store.insertRow({ bookId, tableId: 't01', side: 'income', row: { key: 'income.other', level: 'fixed', name: '其他' }, afterKey: null });
    store.insertRow({ bookId, tableId: 't01', side: 'income', row: { key: 'income.last', level: 'fixed', name: '末' } });
    expect(keys(store, bookId, 't01')).toEqual([
      'income:income.other',
      'income:income.general',
      'income:income.total',
      'income:income.last',
      'expenditure:201',
      'expenditure:205',
    ]);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('refuses a duplicate key, an unknown table and an unknown afterKey, changing nothing', () => {
    const before = store.loadBook(bookId);
    const attempt = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as StoreError;
      }
      throw new Error('expected an error');
    };
    const dup = attempt(() =>
      store.insertRow({ bookId, tableId: 't03', side: 'main', row: { key: '2010301', level: 'item', name: '重复' }, afterKey: 'total' }),
    );
    expect(dup).toBeInstanceOf(StoreError);
    expect(dup.code).toBe('duplicate-key');
    expect(dup.message).toContain('重复');
    const noTable = attempt(() => store.insertRow({ bookId, tableId: 't99', side: 'main', row: { key: 'x', level: 'item', name: 'x' } }));
    expect(noTable.code).toBe('table-not-found');
    const noAfter = attempt(() =>
      store.insertRow({ bookId, tableId: 't03', side: 'main', row: { key: 'x', level: 'item', name: 'x' }, afterKey: 'nope' }),
    );
    expect(noAfter.code).toBe('row-not-found');
    const noRow = attempt(() => store.deleteRow({ bookId, tableId: 't03', side: 'main', rowKey: 'nope' }));
    expect(noRow.code).toBe('row-not-found');
    expect(noRow.message).toContain('找不到行');
    expect(store.loadBook(bookId)).toEqual(before);
    expect(store.historyState(bookId)).toEqual({ canUndo: false, canRedo: false, revision: 0 });
    expect(store.editLog(bookId).map((e) => e.kind)).toEqual(['import']);
  });

  it('deletes a row with its amounts; undo restores it exactly; redo deletes it again', () => {
    const original = store.loadBook(bookId);
    const del = store.deleteRow({ bookId, tableId: 't03', side: 'main', rowKey: '2010301', actor: '李四' });
    expect(del).toEqual({ changed: true, seq: 2, revision: 1 });
    expect(keys(store, bookId, 't03')).toEqual(['main:total', 'main:201', 'main:2010302']);

    const entry = store.editLog(bookId)[1]!;
    expect(entry.kind).toBe('deleteRow');
    expect(entry.actor).toBe('李四');
    expect(entry.payload).toMatchObject({ tableId: 't03', side: 'main', position: 2, row: { key: '2010301', values: original.tables[1]!.rows[2]!.values } });

    const undone = store.undo(bookId)!;
    expect(undone).toMatchObject({ targetSeq: 2, revision: 2, changes: [], rows: { inserted: [{ tableId: 't03', side: 'main', rowKey: '2010301' }] } });
    expect(store.loadBook(bookId)).toEqual(original);
    // The restored amounts are editable cells again.
    expect(store.setAmount({ bookId, tableId: 't03', side: 'main', rowKey: '2010301', columnId: 'basic', value: '12.50' }).changed).toBe(false);

    const redone = store.redo(bookId)!;
    expect(redone).toMatchObject({ targetSeq: 2, changes: [], rows: { deleted: [{ tableId: 't03', side: 'main', rowKey: '2010301' }] } });
    expect(keys(store, bookId, 't03')).toEqual(['main:total', 'main:201', 'main:2010302']);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('undoes and redoes an insert', () => {
    const original = store.loadBook(bookId);
    store.insertRow({ bookId, tableId: 't03', side: 'main', row: { key: 'n', level: 'item', name: '新' }, afterKey: 'total' });
    const afterInsert = store.loadBook(bookId);
    expect(store.undo(bookId)).toMatchObject({ rows: { deleted: [{ tableId: 't03', side: 'main', rowKey: 'n' }] } });
    expect(store.loadBook(bookId)).toEqual(original);
    expect(store.redo(bookId)).toMatchObject({ rows: { inserted: [{ tableId: 't03', side: 'main', rowKey: 'n' }] } });
    expect(store.loadBook(bookId)).toEqual(afterInsert);
    expect(store.historyState(bookId)).toMatchObject({ canUndo: true, canRedo: false, revision: 3 });
  });

  it('amounts typed into an inserted row undo first, then the row', () => {
    const original = store.loadBook(bookId);
    store.insertRow({ bookId, tableId: 't03', side: 'main', row: { key: 'n', level: 'item', name: '新' } });
    store.setAmount({ bookId, tableId: 't03', side: 'main', rowKey: 'n', columnId: 'total', value: '5.00' });
    store.deleteRow({ bookId, tableId: 't03', side: 'main', rowKey: 'n' });
    store.undo(bookId); // row back with its 5.00
    expect(store.loadBook(bookId).tables[1]!.rows.at(-1)).toMatchObject({ key: 'n', values: { total: { value: '5.00' } } });
    store.undo(bookId); // amount cleared
    store.undo(bookId); // row gone
    expect(store.loadBook(bookId)).toEqual(original);
    expect(store.historyState(bookId).canUndo).toBe(false);
  });

  it('a new amount edit after an undo discards the redo of a row edit; the log lists every kind in order', () => {
    store.insertRow({ bookId, tableId: 't03', side: 'main', row: { key: 'n', level: 'item', name: '新' } });
    store.deleteRow({ bookId, tableId: 't03', side: 'main', rowKey: '2010302' });
    store.undo(bookId);
    expect(store.historyState(bookId).canRedo).toBe(true);
    const edit = store.setAmount({ bookId, tableId: 't03', side: 'main', rowKey: 'total', columnId: 'total', value: '31.00' });
    expect(store.historyState(bookId).canRedo).toBe(false);
    expect(store.redo(bookId)).toBeNull();
    expect(keys(store, bookId, 't03')).toContain('main:2010302');

    const log = store.editLog(bookId);
    expect(log.map((e) => e.kind)).toEqual(['import', 'insertRow', 'deleteRow', 'undo', 'setAmount']);
    expect(log[2]).toMatchObject({ undone: true, discardedBy: edit.seq });
    expect(log[1]!.payload).toEqual({
      tableId: 't03',
      side: 'main',
      row: { key: 'n', level: 'item', name: '新' },
      afterKey: null,
      atEnd: true,
      position: 4,
    });
    expect(store.integrityCheck()).toBe('ok');
  });
});
