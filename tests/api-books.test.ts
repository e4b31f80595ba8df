// Book management through the one router (issue 11 item 4): every new method refuses wrong shapes with a Chinese
// message naming the field; a re-import asks and an answer stores; the 回收站 round trip; 导入表格 refreshes the
// router's address index (a row only the imported table has can be edited at once); a browser page names no paths.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { openStore, type Store } from '../src/main/store';
import type { ApiMethod, ApiResult } from '../src/shared/api/contract';
import { oneSheetOfDatong } from './helpers/book-workbooks';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let store: Store;
let router: Router;
let web: Router;

async function ok<M extends ApiMethod>(method: M, params: unknown, via = router): Promise<ApiResult<M>> {
  const response = await via.call(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as ApiResult<M>;
}

beforeAll(() => {
  tmp = makeTmpDir('api-books-');
  store = openStore(tmp.file('api-books.db'));
  router = createRouter(new Workbench(store, 'electron'));
  web = createRouter(new Workbench(store, 'web'));
});
afterAll(() => {
  store.close();
  tmp.remove();
});

const datong = () => [{ name: '大同.xlsx', dataBase64: readFileSync(DATONG_XLSX).toString('base64') }];

/** [method, params, the field path the message must name] — the same form as tests/api-contract.test.ts CASES. */
const CASES: [ApiMethod, unknown, string][] = [
  ['books.import', { files: [], onConflict: 'ask' }, 'onConflict'],
  ['books.importOrAsk', { files: [{ name: 'a.xlsx', dataBase64: '<script>' }] }, 'files[0].dataBase64'],
  ['books.importResolve', { stagedId: 'x', choice: 'maybe' }, 'choice'],
  ['books.importResolve', { stagedId: 'a\nb', choice: 'keep' }, 'stagedId'],
  ['books.rename', { bookId: 1, title: '新\u0000名' }, 'title'],
  ['books.rename', { bookId: 1, title: 'x'.repeat(201) }, 'title'],
  ['books.duplicate', { bookId: '1' }, 'bookId'],
  ['books.trash', { bookId: 0 }, 'bookId'],
  ['books.restore', { bookId: 1, extra: true }, 'extra'],
  ['books.listTrash', { bookId: 1 }, 'bookId'],
  ['books.importLog', {}, 'bookId'],
  ['book.importTables', { bookId: 1, files: [] }, 'files'],
];

describe('the new methods refuse wrong shapes', () => {
  it.each(CASES.map(([method, params, path], i) => [i, method, path, params] as const))('#%i %s refuses a wrong %s', async (_i, method, path, params) => {
    const response = await router.call(method, params);
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining(`调用 ${method} 的参数 ${path} 不正确：`) } });
  });

  it('names an unknown book in Chinese', async () => {
    expect(await router.call('books.trash', { bookId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found', message: '找不到编号为 999 的预算本' } });
  });
});

describe('through the router', () => {
  it('asks on a re-import, stores on 替换, and the old book comes back from the 回收站', async () => {
    const first = await ok('books.importOrAsk', { files: datong() });
    if (!('bookId' in first)) throw new Error('the first import asks nothing');
    const again = await ok('books.importOrAsk', { files: datong() });
    if (!('conflict' in again)) throw new Error('expected a question');
    expect((await ok('books.list', {})).map((b) => b.id)).toEqual([first.bookId]);
    const replaced = await ok('books.importResolve', { stagedId: again.conflict.stagedId, choice: 'replace' });
    if (!('bookId' in replaced)) throw new Error('expected a book');
    expect((await ok('books.listTrash', {})).map((b) => [b.id, b.replacedBy])).toEqual([[first.bookId, replaced.bookId]]);
    await ok('books.restore', { bookId: first.bookId });
    expect((await ok('books.list', {})).map((b) => b.id)).toEqual([first.bookId, replaced.bookId]);
    await ok('books.rename', { bookId: first.bookId, title: '原来的' });
    expect((await ok('books.list', {}))[0]?.title).toBe('原来的');
  });

  it('导入表格 drops the address index: a row only the imported table has is editable at once', async () => {
    const { bookId } = await ok('books.create', { familyId: 'shanxi-2024', year: 2024, department: '大同市人民政府金融工作办公室' });
    // Index the book's cells (表二 has no coded rows yet).
    await ok('book.get', { bookId });
    const file = tmp.file('表二.xlsx');
    await oneSheetOfDatong(file, '预算公开表2');
    const answer = await ok('book.importTables', { bookId, files: [{ name: '表二.xlsx', dataBase64: readFileSync(file).toString('base64') }] });
    expect(answer.replaced.map((t) => t.label)).toEqual(['表二']);
    const edited = await ok('book.setCells', { bookId, cells: [{ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '187.93' }] });
    expect(edited.canUndo).toBe(true);
    const log = await ok('books.importLog', { bookId });
    expect(log.map((l) => l.kind)).toEqual(['import', 'replaceTables']);
  });

  it('a browser page names no paths', async () => {
    expect(await web.call('books.importOrAsk', { files: [{ name: 'x.xlsx', path: DATONG_XLSX }] })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await web.call('book.importTables', { bookId: 1, files: [{ name: 'x.xlsx', path: DATONG_XLSX }] })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
