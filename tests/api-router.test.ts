// The one API every transport carries: books, edits with undo/redo, incremental findings, 审核说明, export,
// catalogue lookup — and clear Chinese errors for bad calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRouter, type Router } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { applyPatch, patchCells } from '../src/shared/cell';
import { openStore, type Store } from '../src/main/store';
import type { ApiMethod, ApiResult } from '../src/shared/api/contract';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let store: Store;
let router: Router;

async function ok<M extends ApiMethod>(method: M, params: unknown): Promise<ApiResult<M>> {
  const response = await router.call(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as ApiResult<M>;
}

beforeAll(() => {
  tmp = makeTmpDir('api-');
  store = openStore(tmp.file('api.db'));
  router = createRouter(new Workbench(store, 'electron'));
});
afterAll(() => {
  store.close();
  tmp.remove();
});

describe('books', () => {
  it('creates an empty book from the template with every table and its fixed rows', async () => {
    const { bookId } = await ok('books.create', { familyId: 'shanxi-2024', year: 2025, department: '某某县财政局' });
    const { book, state } = await ok('book.get', { bookId });
    expect(book.tables).toHaveLength(13);
    expect(book.tables[0]?.title).toBe('2025年预算收支总表');
    expect(book.tables[0]?.rows.filter((r) => r.side === 'expenditure')).toHaveLength(33);
    expect(state.summary.errors).toBe(0);
  });

  it('imports an uploaded workbook (bytes, as the browser sends them) and lists it with its counts', async () => {
    const dataBase64 = readFileSync(DATONG_XLSX).toString('base64');
    const { bookId, notices } = await ok('books.import', { files: [{ name: '大同.xlsx', dataBase64 }] });
    expect(notices.filter((n) => n.level === '警告' || n.level === '错误')).toEqual([]);
    const list = await ok('books.list', {});
    expect(list.find((b) => b.id === bookId)).toMatchObject({ department: '大同市人民政府金融工作办公室', year: 2024, familyName: '山西省部门预算公开（13张表）', summary: { errors: 0, warnings: 18 } });
  });
});

describe('editing', () => {
  it('re-validates as cells change, undoes and redoes through the edit log', async () => {
    const { bookId } = await ok('books.import', { files: [{ name: '大同.xlsx', path: DATONG_XLSX }] });
    const edited = await ok('book.setCells', { bookId, cells: [{ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '188.93' }] });
    // The row total, 款 20103, 类 201 and 合计 follow; 表二 now disagrees with 表一 and 表三.
    expect(patchCells(edited.patch).map((c) => `${c.rowKey}.${c.columnId}=${c.value}`)).toContain('total.total=473.39');
    expect(edited.summary.errors).toBe(6);
    expect(edited.canUndo).toBe(true);
    const before = (await ok('book.get', { bookId })).book;
    const undone = await ok('book.undo', { bookId });
    expect(undone).toMatchObject({ changed: true, reload: false, summary: { errors: 0, warnings: 18 }, canRedo: true });
    // The undo comes back as a patch: laid onto the UI's copy it gives exactly the stored book, without a reload.
    const shown = structuredClone(before);
    applyPatch(shown, undone.patch);
    expect(shown.tables).toEqual((await ok('book.get', { bookId })).book.tables);
    expect(patchCells(undone.patch).map((c) => `${c.rowKey}.${c.columnId}=${c.value}`)).toContain('total.total=472.39');
    const redone = await ok('book.redo', { bookId });
    expect(redone.summary.errors).toBe(6);
    // A pasted block is one undo step.
    const pasted = await ok('book.setCells', {
      bookId,
      cells: [
        { tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '187.93' },
        { tableId: 't02', side: 'main', rowKey: '2010350', columnId: 'gpb', value: '84.22' },
      ],
    });
    expect(pasted.summary.errors).toBe(0);
    const reloaded = await ok('book.get', { bookId });
    expect(reloaded.book.tables.find((t) => t.tableId === 't02')?.rows.find((r) => r.key === '2010301')?.values.total?.value).toBe('187.93');
  });

  it('takes 审核说明 on warnings and refuses them on errors', async () => {
    const { bookId } = await ok('books.import', { files: [{ name: '大同.xlsx', path: DATONG_XLSX }] });
    const explained = await ok('validation.explain', { bookId, findingKey: 't02.tree:main:21011:total', text: '尾差' });
    expect(explained.findings.find((f) => f.key === 't02.tree:main:21011:total')?.explanation).toBe('尾差');
    await ok('book.setCells', { bookId, cells: [{ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '188.93' }] });
    const refused = await router.call('validation.explain', { bookId, findingKey: 'x.t02-t03.code:2010301', text: '领导同意' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('export and catalogue', () => {
  it('exports a workbook that imports back to the same book', async () => {
    const { bookId } = await ok('books.import', { files: [{ name: '大同.xlsx', path: DATONG_XLSX }] });
    const exported = await ok('export.workbook', { bookId });
    expect(exported.fileName).toBe('大同市人民政府金融工作办公室2024年部门预算公开.xlsx');
    const again = await ok('books.import', { files: [{ name: exported.fileName, dataBase64: exported.dataBase64 }] });
    const [a, b] = await Promise.all([ok('book.get', { bookId }), ok('book.get', { bookId: again.bookId })]);
    const values = (book: typeof a.book) => book.tables.map((t) => t.rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.value]))]));
    expect(values(b.book)).toEqual(values(a.book));
  });

  it('looks up codes by prefix or name', async () => {
    expect((await ok('catalogue.lookup', { query: '2010301' }))[0]).toEqual({ code: '2010301', name: '行政运行' });
    expect((await ok('catalogue.lookup', { query: '行政运行', limit: 5 })).every((e) => e.name.includes('行政运行'))).toBe(true);
    expect(await ok('catalogue.lookup', { query: '基本工资', classification: 'economicDept' })).toEqual([{ code: '30101', name: '基本工资' }]);
  });
});

describe('computed totals', () => {
  it('are read-only through the API too', async () => {
    const { bookId } = await ok('books.import', { files: [{ name: '大同.xlsx', path: DATONG_XLSX }] });
    const { computed } = await ok('book.get', { bookId });
    expect(computed).toContain('t02|main|20103|gpb');
    const refused = await router.call('book.setCells', { bookId, cells: [{ tableId: 't02', side: 'main', rowKey: '20103', columnId: 'gpb', value: '1.00' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('web mode', () => {
  it('refuses file paths: a browser page sends and receives bytes only', async () => {
    const web = createRouter(new Workbench(store, 'web'));
    expect(await web.call('books.import', { files: [{ name: 'x.xlsx', path: DATONG_XLSX }] })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await web.call('export.workbook', { bookId: 1, path: tmp.file('out.xlsx') })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('bad calls', () => {
  it('answer in Chinese with a code, never by throwing', async () => {
    expect(await router.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'bad-request', message: '没有名为「no.such」的操作。' } });
    expect(await router.call('book.get', { bookId: 'x' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: '调用 book.get 的参数 bookId 不正确：应为正整数（收到：文本「x」）。' } });
    expect(await router.call('book.get', { bookId: 9999 })).toMatchObject({ ok: false, error: { code: 'not-found', message: '找不到编号为 9999 的预算本' } });
    expect(await router.call('books.import', { files: [{ name: '坏.xlsx', dataBase64: Buffer.from('garbage').toString('base64') }] })).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(await router.call('books.create', { familyId: 'nowhere-2030', year: 2024, department: '某局' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
