// Inserting and deleting rows through the API: coded rows by code (missing parents come along, named from the
// catalogue, placed in code order), project rows under a unit; undo restores; validation follows the structure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { patchCells } from '../src/shared/cell';
import { openStore, type Store } from '../src/main/store';
import type { ApiMethod, ApiResult } from '../src/shared/api/contract';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let store: Store;
let router: Router;
let bookId: number;

async function ok<M extends ApiMethod>(method: M, params: unknown): Promise<ApiResult<M>> {
  const response = await router.call(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as ApiResult<M>;
}

const keysOf = async (tableId: string) => (await ok('book.get', { bookId })).book.tables.find((t) => t.tableId === tableId)?.rows.map((r) => r.key) ?? [];

beforeAll(async () => {
  tmp = makeTmpDir('api-rows-');
  store = openStore(tmp.file('rows.db'));
  router = createRouter(new Workbench(store, 'electron'));
  bookId = (await ok('books.import', { files: [{ name: '大同.xlsx', path: DATONG_XLSX }] })).bookId;
});
afterAll(() => {
  store.close();
  tmp.remove();
});

describe('coded rows', () => {
  it('inserts a 项 with its missing 款, in code order, named from the catalogue', async () => {
    const { rowKeys } = await ok('book.insertRow', { bookId, tableId: 't03', side: 'main', code: '2013801' });
    expect(rowKeys).toEqual(['20138', '2013801']);
    const keys = await keysOf('t03');
    expect(keys.slice(keys.indexOf('2010399'), keys.indexOf('2010399') + 4)).toEqual(['2010399', '20138', '2013801', '208']);
    const row = (await ok('book.get', { bookId })).book.tables.find((t) => t.tableId === 't03')?.rows.find((r) => r.key === '2013801');
    expect(row).toMatchObject({ code: '2013801', level: 'item', name: '行政运行' });
  });

  it('lets the clerk fill it in: totals follow, and undo takes the row away again', async () => {
    const state = await ok('book.setCells', { bookId, cells: [{ tableId: 't03', side: 'main', rowKey: '2013801', columnId: 'basic', value: '5.00' }] });
    expect(patchCells(state.patch).map((c) => `${c.rowKey}.${c.columnId}=${c.value}`)).toEqual(expect.arrayContaining(['20138.basic=5.00', '201.basic=277.15', 'total.total=477.39']));
    await ok('book.undo', { bookId }); // the figure
    await ok('book.undo', { bookId }); // the 项
    await ok('book.undo', { bookId }); // the 款
    expect(await keysOf('t03')).not.toContain('20138');
    expect((await ok('book.get', { bookId })).state.summary).toMatchObject({ errors: 0, warnings: 18 });
  });

  it('refuses codes that are malformed, present or unknown without a name', async () => {
    expect(await router.call('book.insertRow', { bookId, tableId: 't03', side: 'main', code: '20103011' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await router.call('book.insertRow', { bookId, tableId: 't03', side: 'main', code: '2010301' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await router.call('book.insertRow', { bookId, tableId: 't01', side: 'income', code: '201' })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('deletes only rows without figures or children', async () => {
    expect(await router.call('book.deleteRow', { bookId, tableId: 't03', side: 'main', rowKey: '2010301' })).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('还有金额') } });
    expect(await router.call('book.deleteRow', { bookId, tableId: 't03', side: 'main', rowKey: '20103' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    await ok('book.insertRow', { bookId, tableId: 't03', side: 'main', code: '2010302' });
    await ok('book.deleteRow', { bookId, tableId: 't03', side: 'main', rowKey: '2010302' });
    expect(await keysOf('t03')).not.toContain('2010302');
  });
});

describe('project rows', () => {
  it('adds a project at the end of its unit in 表十二', async () => {
    await ok('book.insertRow', { bookId, tableId: 't12', side: 'main', unitName: '大同市金融发展服务中心', name: 'Z新增项目' });
    const keys = await keysOf('t12');
    expect(keys.at(-1)).toBe('project:大同市金融发展服务中心:Z新增项目');
    const state = await ok('book.setCells', { bookId, cells: [{ tableId: 't12', side: 'main', rowKey: 'project:大同市金融发展服务中心:Z新增项目', columnId: 'gpb', value: '3.00' }] });
    expect(patchCells(state.patch).map((c) => `${c.rowKey}.${c.columnId}=${c.value}`)).toEqual(expect.arrayContaining(['unit:大同市金融发展服务中心.total=23.00', 'department.total=103.00']));
  });
});

describe('optional template rows (上海 lists only the classes a department has)', () => {
  it('adds a class to a new Shanghai book in template order, takes figures there, and removes it again when empty', async () => {
    const { bookId: shanghai } = await ok('books.create', { familyId: 'shanghai-2026-department', year: 2026, department: '上海市普陀区某某局' });
    const expenditure = async () => (await ok('book.get', { bookId: shanghai })).book.tables.find((t) => t.tableId === 't01')?.rows.filter((r) => r.side === 'expenditure').map((r) => r.key);
    expect(await expenditure()).toEqual(['expGrandTotal']);
    await ok('book.insertRow', { bookId: shanghai, tableId: 't01', side: 'expenditure', code: '221' });
    await ok('book.insertRow', { bookId: shanghai, tableId: 't01', side: 'expenditure', code: '204' });
    expect(await expenditure()).toEqual(['204', '221', 'expGrandTotal']);
    const refused = await router.call('book.insertRow', { bookId: shanghai, tableId: 't01', side: 'expenditure', code: '204' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    await ok('book.setCells', { bookId: shanghai, cells: [{ tableId: 't01', side: 'expenditure', rowKey: '204', columnId: 'expTotal', value: '1000' }] });
    const total = (await ok('book.get', { bookId: shanghai })).book.tables.find((t) => t.tableId === 't01')?.rows.find((r) => r.key === 'expGrandTotal');
    expect(total?.values.expTotal?.value).toBe('1000.00');
    await ok('book.setCells', { bookId: shanghai, cells: [{ tableId: 't01', side: 'expenditure', rowKey: '204', columnId: 'expTotal', value: null }] });
    await ok('book.deleteRow', { bookId: shanghai, tableId: 't01', side: 'expenditure', rowKey: '204' });
    expect(await expenditure()).toEqual(['221', 'expGrandTotal']);
    const fixed = await router.call('book.deleteRow', { bookId: shanghai, tableId: 't01', side: 'expenditure', rowKey: 'expGrandTotal' });
    expect(fixed).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
