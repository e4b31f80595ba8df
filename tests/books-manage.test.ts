// Book management for the clerk (issue 11 item 4): titles, 另存为副本, the 回收站 (soft delete), a re-import that asks
// (替换 / 保留两份 / 取消) before anything is stored, the 导入记录, and 导入表格 inside a book — in the store (real
// SQLite files, migration 7, every write one transaction) and in the services over the Datong workbook.
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../src/shared/book';
import { createServices, type Services } from '../src/main/services';
import { readWorkbooks, type ImportResult } from '../src/main/services/exchange';
import { applyMigrations } from '../src/main/store/migrate';
import { LATEST_SCHEMA_VERSION, migrations, openStore, StoreError, type Store } from '../src/main/store';
import { oneSheetOfDatong } from './helpers/book-workbooks';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let datong: ImportResult;
const open: { store: Store; tmp: TmpDir }[] = [];

beforeAll(async () => {
  datong = await readWorkbooks([DATONG_XLSX]);
});
afterEach(() => {
  for (const { store, tmp } of open.splice(0)) {
    store.close();
    tmp.remove();
  }
});

function freshStore(): Store {
  const tmp = makeTmpDir('books-manage-');
  const store = openStore(tmp.file('books.db'));
  open.push({ store, tmp });
  return store;
}

function freshServices(): Services {
  return createServices({ store: freshStore(), mode: 'cli' });
}

const datongBook = (): Book => structuredClone(datong.book);
const upload = (name = '大同.xlsx') => [{ name, path: DATONG_XLSX }];
/** Every row of every table of the file, to prove a refused write changed nothing. */
const rowCounts = (store: Store) => {
  const db = new Database(store.path, { readonly: true });
  try {
    return ['books', 'book_tables', 'book_rows', 'amounts', 'import_notices', 'edit_log'].map((t) => db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get());
  } finally {
    db.close();
  }
};

describe('migration 7: titles, the 回收站, notices per import', () => {
  it('upgrades a version-6 file: its books stay in use, untitled, their notices the import’s', () => {
    const tmp = makeTmpDir('books-v6-');
    const path = tmp.file('v6.db');
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    applyMigrations(db, () => new Date('2024-01-01T00:00:00Z'), migrations.slice(0, 6));
    const at = '2024-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO books (family_id, year, department, unit, decimals, created_at, updated_at) VALUES ('shanxi-2024', 2024, '旧部门', '万元', 2, ?, ?)").run(at, at);
    db.prepare("INSERT INTO import_notices (book_id, position, level, message) VALUES (1, 0, '警告', '旧的提示')").run();
    db.prepare("INSERT INTO edit_log (book_id, seq, at, kind, payload) VALUES (1, 1, ?, 'import', '{\"sources\":[\"old.xlsx\"]}')").run(at);
    db.close();

    const store = openStore(path);
    open.push({ store, tmp });
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(store.listBooks()).toMatchObject([{ id: 1, department: '旧部门' }]);
    expect(store.listBooks()[0]).not.toHaveProperty('title');
    expect(store.listTrash()).toEqual([]);
    expect(store.importLog(1)).toEqual([{ seq: 1, at, kind: 'import', files: ['old.xlsx'], undone: false, notices: [{ level: '警告', message: '旧的提示' }] }]);
    expect(store.lastImports()).toEqual([{ bookId: 1, seq: 1, at, kind: 'import', files: ['old.xlsx'], undone: false, counts: { errors: 0, warnings: 1, infos: 0 } }]);
  });
});

describe('the store', () => {
  it('renames: trimmed, blank removes the title, too long is refused in Chinese; department and year stay', () => {
    const store = freshStore();
    const id = store.insertBook(datongBook(), datong.notices);
    expect(store.renameBook(id, '  2024 年报送版 ')).toBe('2024 年报送版');
    expect(store.listBooks()[0]).toMatchObject({ title: '2024 年报送版', department: '大同市人民政府金融工作办公室', year: 2024 });
    expect(() => store.renameBook(id, '名'.repeat(201))).toThrow('预算本名称最多 200 个字');
    expect(store.listBooks()[0]?.title).toBe('2024 年报送版');
    expect(store.renameBook(id, '   ')).toBeNull();
    expect(store.listBooks()[0]).not.toHaveProperty('title');
    expect(() => store.renameBook(999, 'x')).toThrow('找不到编号为 999 的预算本');
  });

  it('moves a book to the 回收站 and back; deleting it there is for good', () => {
    const store = freshStore();
    const keep = store.insertBook(datongBook(), datong.notices);
    const gone = store.insertBook(datongBook(), datong.notices);
    store.trashBook(gone);
    expect(store.listBooks().map((b) => b.id)).toEqual([keep]);
    expect(store.listTrash()).toMatchObject([{ id: gone, deletedAt: expect.stringMatching(/^\d{4}-/) }]);
    expect(store.listTrash()[0]).not.toHaveProperty('replacedBy');
    // The book itself is untouched while it waits.
    expect(store.loadBook(gone)).toEqual({ ...datongBook(), id: gone });
    expect(() => store.trashBook(gone)).toThrow('已在回收站中');
    store.restoreBook(gone);
    expect(store.listBooks().map((b) => b.id)).toEqual([keep, gone]);
    expect(() => store.restoreBook(gone)).toThrow('不在回收站中');
    store.trashBook(gone);
    store.deleteBook(gone);
    expect(store.listTrash()).toEqual([]);
    expect(() => store.loadBook(gone)).toThrow(StoreError);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('另存为副本: a full copy whose edit log starts fresh; editing the copy leaves the original alone', () => {
    const store = freshStore();
    const source = store.insertBook(datongBook(), datong.notices);
    store.setAmount({ bookId: source, tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '190.00' });
    store.setExplanation({ bookId: source, findingKey: 't01.total', text: '已核实' });
    const copy = store.duplicateBook(source, { title: '副本' });
    const { id: _a, ...original } = store.loadBook(source);
    const { id: _b, ...copied } = store.loadBook(copy);
    expect(copied).toEqual(original);
    expect(copied.explanations).toMatchObject([{ findingKey: 't01.total', text: '已核实' }]);
    expect(store.loadNotices(copy)).toEqual(store.loadNotices(source));
    expect(store.editLog(copy)).toMatchObject([{ seq: 1, kind: 'import', payload: { copyOf: source } }]);
    expect(store.historyState(copy)).toEqual({ canUndo: false, canRedo: false, revision: 0 });
    expect(store.listBooks().find((b) => b.id === copy)?.title).toBe('副本');
    store.setAmount({ bookId: copy, tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '1.00' });
    expect(store.loadBook(source).tables[1]?.rows.find((r) => r.key === '2010301')?.values.gpb?.value).toBe('190.00');
  });

  it('替换 in one transaction: the new book is stored and the old one trashed together, or neither', () => {
    const store = freshStore();
    const old = store.insertBook(datongBook(), datong.notices);
    const replacing = store.insertBook(datongBook(), datong.notices, { replaces: [old], title: '新的' });
    expect(store.listBooks().map((b) => b.id)).toEqual([replacing]);
    expect(store.listTrash()).toMatchObject([{ id: old, replacedBy: replacing }]);
    // Replacing a book that is already in the 回收站 fails, and the new book goes with the failure.
    const before = rowCounts(store);
    expect(() => store.insertBook(datongBook(), datong.notices, { replaces: [old] })).toThrow('已在回收站中');
    expect(rowCounts(store)).toEqual(before);
    // Deleting the replacing book for good leaves the old one restorable, no longer pointing at it.
    store.deleteBook(replacing);
    expect(store.listTrash()[0]).not.toHaveProperty('replacedBy');
    store.restoreBook(old);
    expect(store.findSameBooks(datong.book).map((b) => b.id)).toEqual([old]);
  });

  it('导入表格 replaces whole tables in one undo step; undo and redo put back exactly; older edits stay undoable', () => {
    const store = freshStore();
    const id = store.insertBook(datongBook(), datong.notices);
    store.setAmount({ bookId: id, tableId: 't03', side: 'main', rowKey: '2010301', columnId: 'basic', value: '1.00' });
    const before = store.loadBook(id);
    const t02 = structuredClone(datong.book.tables.find((t) => t.tableId === 't02')!);
    t02.rows = t02.rows.slice(0, 3);
    t02.rows[2]!.values = { gpb: { value: '9.99' } };
    const result = store.replaceTables({ bookId: id, tables: [t02], files: ['表二.xlsx'], notices: [{ level: '提示', message: '只有表二' }] });
    expect(result).toMatchObject({ tableIds: ['t02'], revision: 2 });
    const after = store.loadBook(id);
    expect(after.tables.find((t) => t.tableId === 't02')).toEqual(t02);
    expect(after.tables.filter((t) => t.tableId !== 't02')).toEqual(before.tables.filter((t) => t.tableId !== 't02'));
    expect(after.sources).toEqual(['datong-2024-shanxi.xlsx', '表二.xlsx']);
    expect(store.importLog(id).map((r) => [r.kind, r.files, r.notices.map((n) => n.message)])).toEqual([
      ['import', ['datong-2024-shanxi.xlsx'], datong.notices.map((n) => n.message)],
      ['replaceTables', ['表二.xlsx'], ['只有表二']],
    ]);

    expect(store.undo(id)).toMatchObject({ targetSeq: result.seq, rows: {} });
    expect(store.loadBook(id)).toEqual(before);
    expect(store.importLog(id)[1]?.undone).toBe(true);
    store.redo(id);
    expect(store.loadBook(id)).toEqual(after);
    store.undo(id);
    store.undo(id); // the amount edit before it
    expect(store.loadBook(id).tables.find((t) => t.tableId === 't03')?.rows.find((r) => r.key === '2010301')?.values.basic?.value).toBe('187.93');
    expect(store.integrityCheck()).toBe('ok');
  });

  it('a 导入表格 that cannot be stored changes nothing (a row key twice)', () => {
    const store = freshStore();
    const id = store.insertBook(datongBook(), datong.notices);
    const counts = rowCounts(store);
    const t02 = structuredClone(datong.book.tables.find((t) => t.tableId === 't02')!);
    t02.rows.push({ ...t02.rows[1]! });
    expect(() => store.replaceTables({ bookId: id, tables: [t02], files: ['坏.xlsx'], notices: [] })).toThrow('重复');
    expect(rowCounts(store)).toEqual(counts);
    expect(store.loadBook(id)).toEqual({ ...datongBook(), id });
  });
});

describe('the services', () => {
  it('a re-import asks and stores nothing; 取消 leaves no trace', async () => {
    const services = freshServices();
    const first = await services.books.importOrAsk(upload());
    expect(first).toMatchObject({ bookId: 1, detection: expect.stringContaining('山西') });
    const counts = rowCounts(services.store);
    const asked = await services.books.importOrAsk(upload('大同（第二次）.xlsx'));
    if (!('conflict' in asked)) throw new Error('expected a question');
    expect(asked.conflict).toMatchObject({
      incoming: { department: '大同市人民政府金融工作办公室', year: 2024, unit: '万元', familyName: expect.stringContaining('山西') },
      existing: [{ id: 1, familyName: expect.stringContaining('山西') }],
    });
    expect(rowCounts(services.store)).toEqual(counts);
    expect(services.books.importResolve(asked.conflict.stagedId, 'cancel')).toEqual({ cancelled: true });
    expect(rowCounts(services.store)).toEqual(counts);
    // An answered (or forgotten) question cannot be answered again.
    expect(() => services.books.importResolve(asked.conflict.stagedId, 'keep')).toThrow('这次导入已失效');
  });

  it('替换: one book in the list, the old one in the 回收站 (its title carried over); 恢复 brings it back', async () => {
    const services = freshServices();
    const { bookId: old } = await services.books.import(upload());
    services.books.rename(old, '报送版');
    const asked = await services.books.importOrAsk(upload('大同（修订）.xlsx'));
    if (!('conflict' in asked)) throw new Error('expected a question');
    const answer = services.books.importResolve(asked.conflict.stagedId, 'replace');
    if (!('bookId' in answer)) throw new Error('expected a book');
    expect(answer.replaced).toEqual([old]);
    expect(services.books.list()).toMatchObject([{ id: answer.bookId, title: '报送版' }]);
    expect(services.books.listTrash()).toMatchObject([{ id: old, title: '报送版', replacedBy: answer.bookId, familyName: expect.stringContaining('山西') }]);
    services.books.restore(old);
    expect(services.books.list().map((b) => b.id)).toEqual([old, answer.bookId]);
  });

  it('保留两份 keeps both; books.import without a question keeps both too, or replaces when told', async () => {
    const services = freshServices();
    await services.books.import(upload());
    const asked = await services.books.importOrAsk(upload());
    if (!('conflict' in asked)) throw new Error('expected a question');
    services.books.importResolve(asked.conflict.stagedId, 'keep');
    await services.books.import(upload());
    expect(services.books.list()).toHaveLength(3);
    const replaced = await services.books.import(upload(), 'replace');
    expect(replaced.replaced).toEqual([1, 2, 3]);
    expect(services.books.list().map((b) => b.id)).toEqual([replaced.bookId]);
  });

  it('另存为副本 names the copy and keeps every figure and finding count', async () => {
    const services = freshServices();
    const { bookId } = await services.books.import(upload());
    const { bookId: copy } = services.books.duplicate(bookId);
    const [original, copied] = services.books.list();
    expect(copied).toMatchObject({ id: copy, title: '大同市人民政府金融工作办公室 2024年（副本）', summary: original!.summary, lastImport: { copyOf: bookId } });
    expect(services.exchange.dump(copy).tables).toEqual(services.exchange.dump(bookId).tables);
  });

  it('the list shows the template and the latest import with its notices counted; 导入记录 lists them in Chinese', async () => {
    const services = freshServices();
    const { bookId } = await services.books.import(upload());
    const created = services.books.create({ familyId: 'shanxi-2024', year: 2025, department: '新建的部门' }).bookId;
    const [imported, made] = services.books.list();
    expect(imported).toMatchObject({ familyName: '山西省部门预算公开（13张表）', lastImport: { kind: 'import', files: ['大同.xlsx'], counts: { errors: 0, warnings: 0, infos: datong.notices.length } } });
    expect(made).toMatchObject({ id: created, lastImport: { kind: 'import', files: [], counts: { errors: 0, warnings: 0, infos: 0 } } });
    const log = services.books.importLog(bookId);
    expect(log).toEqual([{ at: expect.any(String), kind: 'import', files: ['大同.xlsx'], undone: false, notices: datong.notices }]);
    expect(log[0]?.notices[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('导入表格 replaces the tables the workbook has, all in one undo step, and says which', async () => {
    const services = freshServices();
    const { bookId } = await services.books.import(upload());
    const tmp = makeTmpDir('books-tables-');
    try {
      const file = tmp.file('表二.xlsx');
      await oneSheetOfDatong(file, '预算公开表2', { C8: 200, D8: 200 });
      const before = services.store.loadBook(bookId);
      const answer = await services.books.importTables({ bookId, files: [{ name: '表二.xlsx', path: file }] });
      expect(answer.replaced).toEqual([{ tableId: 't02', label: '表二', title: '2024年预算收入总表' }]);
      const after = services.store.loadBook(bookId);
      const gpb = (book: Book) => book.tables.find((t) => t.tableId === 't02')?.rows.find((r) => r.key === '2010301')?.values.gpb?.value;
      expect(gpb(before)).toBe('187.93');
      expect(gpb(after)).toBe('200.00');
      expect(after.tables.filter((t) => t.tableId !== 't02')).toEqual(before.tables.filter((t) => t.tableId !== 't02'));
      // The session follows: 表二's 合计 no longer adds up.
      expect(services.editing.open(bookId).state.summary.errors).toBeGreaterThan(0);
      expect(services.books.importLog(bookId).at(-1)).toMatchObject({ kind: 'replaceTables', files: ['表二.xlsx'], tableIds: ['t02'] });
      expect(services.books.list()[0]?.lastImport).toMatchObject({ kind: 'replaceTables', tableIds: ['t02'] });

      const undone = services.editing.undo(bookId);
      expect(undone).toMatchObject({ changed: true, reload: true });
      expect(services.store.loadBook(bookId)).toEqual(before);
      expect(undone.summary.errors).toBe(0);
    } finally {
      tmp.remove();
    }
  });

  it('导入表格 converts another money unit exactly; a workbook without a table of the book’s template changes nothing', async () => {
    const services = freshServices();
    const { bookId } = await services.books.import(upload());
    const tmp = makeTmpDir('books-tables-');
    try {
      const yuan = tmp.file('元.xlsx');
      await oneSheetOfDatong(yuan, '预算公开表2', { I2: '单位：元', C8: 1879300, D8: 1879300 });
      const answer = await services.books.importTables({ bookId, files: [{ name: '元.xlsx', path: yuan }] });
      expect(answer.notices.map((n) => n.message)).toContain('工作簿的金额单位为「元」，已按本预算本的「万元」精确换算（未做舍入）。');
      // The importer's notes on the twelve tables this workbook does not hold are left out.
      expect(answer.notices.filter((n) => n.message.startsWith('未找到'))).toEqual([]);
      const t02 = services.store.loadBook(bookId).tables.find((t) => t.tableId === 't02');
      expect(t02?.rows.find((r) => r.key === '2010301')?.values.gpb?.value).toBe('187.93');
      expect(t02?.rows.find((r) => r.key === '2010350')?.values.gpb?.value).toBe('0.008422');

      const counts = rowCounts(services.store);
      const blank = tmp.file('空白.xlsx');
      await oneSheetOfDatong(blank, '预算公开表2', { B1: '说明' });
      await expect(services.books.importTables({ bookId, files: [{ name: '空白.xlsx', path: blank }] })).rejects.toMatchObject({ code: 'unreadable', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect(rowCounts(services.store)).toEqual(counts);
    } finally {
      tmp.remove();
    }
  });
});
