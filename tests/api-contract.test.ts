// The API boundary (src/shared/api/contract.ts + src/shared/api/schema.ts + src/shared/api/cell-check.ts, enforced
// by src/main/api/router.ts): every method refuses wrong shapes deeply with `bad-request` and a Chinese message
// naming the method and the field path; book.setCells refuses what is not a cell of the book before the store or
// the validator is touched; and random, partly malformed edit batches leave the in-memory findings equal to a
// fresh validation of the stored book (issue 10 item 3, issue 15 item 4).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API, API_METHODS, type ApiMethod, type ApiResult } from '../src/shared/api/contract';
import { array, integer, object, optional, string, SchemaError, type Infer } from '../src/shared/api/schema';
import { createRouter, type Router } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { openStore, type Store } from '../src/main/store';
import { applyPatch, cellKey, type CellValue } from '../src/shared/cell';
import type { Book } from '../src/shared/book';
import { findFamily } from '../src/shared/template/registry';
import { Validator } from '../src/shared/validation';
import { DATONG_XLSX } from './helpers/seed';
import { HENAN_XLSX } from './helpers/henan-seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { seededRandom } from './helpers/rng';

let tmp: TmpDir;
let store: Store;
let router: Router;
let datong: number;

async function ok<M extends ApiMethod>(method: M, params: unknown): Promise<ApiResult<M>> {
  const response = await router.call(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as ApiResult<M>;
}

beforeAll(async () => {
  tmp = makeTmpDir('api-contract-');
  store = openStore(tmp.file('contract.db'));
  router = createRouter(new Workbench(store, 'electron'));
  datong = (await ok('books.import', { files: [{ name: '大同.xlsx', path: DATONG_XLSX }] })).bookId;
});
afterAll(() => {
  store.close();
  tmp.remove();
});

const CJK = /[\u4e00-\u9fff]/;
const cell = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '188.93', ...over });
/** A parsed JSON body with an own "__proto__" key, as JSON.parse makes it (an object literal would set the prototype). */
const withProto = (json: string): unknown => JSON.parse(json);
const getter = (): Record<string, unknown> => Object.defineProperty({ bookId: 1 }, 'evil', { enumerable: true, get: () => 1 }) as Record<string, unknown>;
const DIGITS_100K = '9'.repeat(100_000);

/** [method, params, the field path the message must name ('' = the params themselves)]. */
type Case = [ApiMethod, () => unknown, string];
const CASES: Case[] = [
  ['app.info', () => ({ x: 1 }), 'x'],
  ['app.info', () => null, ''],
  ['books.list', () => withProto('{"__proto__":{"polluted":true}}'), '__proto__'],
  ['books.list', () => [], ''],
  ['books.create', () => ({ familyId: 5, year: 2025, department: '某局' }), 'familyId'],
  ['books.create', () => ({ familyId: 'shanxi-2024', year: Number.NaN, department: '某局' }), 'year'],
  ['books.create', () => ({ familyId: 'shanxi-2024', year: 2025.5, department: '某局' }), 'year'],
  ['books.create', () => ({ familyId: 'shanxi-2024', year: 2025, department: null }), 'department'],
  ['books.create', () => ({ familyId: 'shanxi-2024', year: 2025, department: '某\0局' }), 'department'],
  ['books.create', () => ({ familyId: 'shanxi-2024', year: 2025, department: '某局', unit: '元' }), 'unit'],
  ['books.import', () => ({ files: [null] }), 'files[0]'],
  ['books.import', () => ({ files: 'a.xlsx' }), 'files'],
  ['books.import', () => ({ files: [{ name: 5, dataBase64: 'AA==' }] }), 'files[0].name'],
  ['books.import', () => ({ files: [{ name: 'a\0.xlsx', dataBase64: 'AA==' }] }), 'files[0].name'],
  ['books.import', () => ({ files: [{ name: 'a.xlsx', dataBase64: 'AA==' }, { name: 'b.xlsx', dataBase64: {} }] }), 'files[1].dataBase64'],
  ['books.import', () => ({ files: [{ name: 'a.xlsx', dataBase64: '<script>' }] }), 'files[0].dataBase64'],
  ['books.import', () => ({ files: [{ name: 'a.xlsx', path: 7 }] }), 'files[0].path'],
  ['books.import', () => ({ files: [withProto('{"name":"a.xlsx","dataBase64":"AA==","__proto__":{"path":"/etc/passwd"}}')] }), 'files[0].__proto__'],
  ['books.import', () => ({ files: [{ name: 'a.xlsx' }], familyId: 'henan-2024' }), 'familyId'],
  ['books.delete', () => ({ bookId: '1' }), 'bookId'],
  ['books.delete', () => ({ bookId: -1 }), 'bookId'],
  ['book.get', () => ({ bookId: Number.NaN }), 'bookId'],
  ['book.get', () => ({ bookId: null }), 'bookId'],
  ['book.get', () => ({}), 'bookId'],
  ['book.get', getter, 'evil'],
  ['book.setCells', () => ({ bookId: datong, cells: [null] }), 'cells[0]'],
  ['book.setCells', () => ({ bookId: datong, cells: {} }), 'cells'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell(), cell(), { tableId: 't02', side: 'main', rowKey: '2010301', value: '1.00' }] }), 'cells[2].columnId'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: Number.NaN })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: 'NaN' })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: 188.93 })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: { value: '1.00' } })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: ['1.00'] })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: '1e5' })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: '1,000.00' })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: '-0.00' })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: DIGITS_100K })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ value: '1.00\0' })] }), 'cells[0].value'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ amount: { value: '999.00' } })] }), 'cells[0].amount'],
  ['book.setCells', () => ({ bookId: datong, cells: [withProto('{"tableId":"t02","side":"main","rowKey":"2010301","columnId":"gpb","value":"1.00","__proto__":{"columnId":"x"}}')] }), 'cells[0].__proto__'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ side: 'left' })] }), 'cells[0].side'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ tableId: 't0\u00002' })] }), 'cells[0].tableId'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell({ rowKey: 2010301 })] }), 'cells[0].rowKey'],
  ['book.setCells', () => ({ bookId: datong, cells: [cell(), undefined] }), 'cells[1]'],
  // eslint-disable-next-line no-sparse-arrays
  ['book.setCells', () => ({ bookId: datong, cells: [cell(), , cell()] }), 'cells[1]'],
  ['book.undo', () => ({ bookId: datong, steps: 2 }), 'steps'],
  ['books.importOrAsk', () => ({ files: [{ name: 'a.xlsx', dataBase64: '<script>' }] }), 'files[0].dataBase64'],
  ['books.importResolve', () => ({ stagedId: 'x', choice: 'maybe' }), 'choice'],
  ['books.rename', () => ({ bookId: datong, title: '新\u0000名' }), 'title'],
  ['books.duplicate', () => ({ bookId: '1' }), 'bookId'],
  ['books.trash', () => ({ bookId: 0 }), 'bookId'],
  ['books.restore', () => ({ bookId: datong, extra: true }), 'extra'],
  ['books.listTrash', () => ({ bookId: datong }), 'bookId'],
  ['books.importLog', () => ({}), 'bookId'],
  ['book.importTables', () => ({ bookId: datong, files: [] }), 'files'],
  ['book.fixes', () => ({ bookId: datong, findingKey: 7 }), 'findingKey'],
  ['book.fixes', () => ({ bookId: datong, findingKey: 'k', all: true }), 'all'],
  ['book.applyFix', () => ({ bookId: datong, fixId: 'deleteEverything' }), 'fixId'],
  ['book.applyFix', () => ({ bookId: datong }), 'fixId'],
  ['book.redo', () => ({ bookId: Number.POSITIVE_INFINITY }), 'bookId'],
  ['book.insertRow', () => ({ bookId: datong, tableId: 't03', side: 'x', code: '2013801' }), 'side'],
  ['book.insertRow', () => ({ bookId: datong, tableId: 't03', side: 'main', code: 2013801 }), 'code'],
  ['book.insertRow', () => ({ bookId: datong, tableId: 't03', side: 'main', name: null }), 'name'],
  ['book.deleteRow', () => ({ bookId: datong, tableId: 't03', side: 'main' }), 'rowKey'],
  ['book.deleteRow', () => withProto(`{"bookId":${datong},"tableId":"t03","side":"main","rowKey":"x","constructor":{"prototype":{}}}`), 'constructor'],
  ['book.setNarrative', () => ({ bookId: datong, paragraphs: '一段话。' }), 'paragraphs'],
  ['book.setNarrative', () => ({ bookId: datong, paragraphs: ['一段话。', 5] }), 'paragraphs[1]'],
  ['book.setNarrative', () => ({ bookId: datong, paragraphs: ['一段\0话。'] }), 'paragraphs[0]'],
  ['book.setNarrative', () => ({ bookId: datong, paragraphs: ['长'.repeat(20_001)] }), 'paragraphs[0]'],
  ['book.setNarrative', () => ({ bookId: datong, paragraphs: Array.from({ length: 5001 }, () => '一句。') }), 'paragraphs'],
  ['book.setNarrative', () => ({ bookId: datong, paragraphs: [], source: 'a\nb' }), 'source'],
  ['book.setNarrative', () => withProto(`{"bookId":${datong},"paragraphs":[],"__proto__":{"source":"x"}}`), '__proto__'],
  ['book.importNarrative', () => ({ bookId: datong }), 'file'],
  ['book.importNarrative', () => ({ bookId: datong, file: { name: '说明.docx', dataBase64: '<script>' } }), 'file.dataBase64'],
  ['book.importNarrative', () => ({ bookId: datong, file: { name: '说明.docx', path: 7 } }), 'file.path'],
  ['book.importNarrative', () => ({ bookId: datong, files: [{ name: '说明.docx', dataBase64: 'AA==' }] }), 'files'],
  ['book.performance', () => ({ bookId: 0 }), 'bookId'],
  ['book.newForm', () => ({ bookId: datong }), 'rowKey'],
  ['book.newForm', () => ({ bookId: datong, rowKey: 'a\nb' }), 'rowKey'],
  ['book.setForm', () => ({ bookId: datong, form: { projectName: 'Z专项检查工作经费' } }), 'form.department'],
  ['book.setForm', () => ({ bookId: datong, index: -1, form: {} }), 'index'],
  ['book.setForm', () => withProto(`{"bookId":${datong},"form":{"__proto__":{"projectName":"x"}}}`), 'form.__proto__'],
  ['book.deleteForm', () => ({ bookId: datong, index: 1.5 }), 'index'],
  ['book.setDepartmentForm', () => ({ bookId: datong }), 'form'],
  ['book.importForms', () => ({ bookId: datong, file: { name: '绩效目标表.xlsx', dataBase64: '<script>' } }), 'file.dataBase64'],
  ['validation.explain', () => ({ bookId: datong, findingKey: 'k', text: 5 }), 'text'],
  ['validation.explain', () => ({ bookId: datong, findingKey: '', text: '尾差' }), 'findingKey'],
  ['validation.explain', () => ({ bookId: datong, findingKey: 'k' }), 'text'],
  ['export.workbook', () => ({ bookId: datong, path: 5 }), 'path'],
  ['export.workbook', () => ({ bookId: datong, path: '/tmp/a\0.xlsx' }), 'path'],
  ['export.workbook', () => ({ bookId: datong, report: 'sometimes' }), 'report'],
  ['export.document', () => ({ bookId: datong, path: '/tmp/a\0.docx' }), 'path'],
  ['export.document', () => ({ bookId: datong, report: 'always' }), 'report'],
  ['catalogue.lookup', () => ({ query: null }), 'query'],
  ['catalogue.lookup', () => ({ query: '2010301', classification: 'toString' }), 'classification'],
  ['catalogue.lookup', () => ({ query: '2010301', limit: 0 }), 'limit'],
  ['catalogue.lookup', () => ({ query: '2010301', limit: Number.NaN }), 'limit'],
  ['catalogue.lookup', () => ({ query: '2010301', limit: '5' }), 'limit'],
];

describe('the contract table', () => {
  it('declares every method once, with a schema; the router knows no other name', async () => {
    expect(API_METHODS).toEqual(Object.keys(API));
    for (const method of API_METHODS) expect(typeof API[method].params.parse).toBe('function');
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'book.get ', 'BOOK.GET']) {
      expect(await router.call(name, {})).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^没有名为「.*」的操作。$/) } });
    }
  });

  it('derives types from the schema (the schema is the only declaration)', () => {
    const schema = object({ n: integer(1, 9), list: array(string({ max: 3 }), { max: 2 }), maybe: optional(string()) });
    const value: Infer<typeof schema> = schema.parse({ n: 1, list: ['a'] });
    // @ts-expect-error n is a number, not a string
    const wrong: Infer<typeof schema> = { n: '1', list: [] };
    expect(value).toEqual({ n: 1, list: ['a'] });
    expect(wrong).toBeDefined();
    expect(() => schema.parse({ n: 1, list: ['abcd'] })).toThrow(SchemaError);
    // The copy holds the declared keys only, with a plain prototype.
    const parsed = schema.parse({ n: 2, list: [], maybe: undefined });
    expect(Object.keys(parsed)).toEqual(['n', 'list']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

describe('every method refuses wrong shapes deeply', () => {
  it('covers every method', () => {
    expect(new Set(CASES.map(([method]) => method))).toEqual(new Set(API_METHODS));
  });

  it.each(CASES.map(([method, params, path], i) => [i, method, path, params] as const))('#%i %s refuses a wrong %s', async (_i, method, path, params) => {
    const revision = store.historyState(datong).revision;
    const response = await router.call(method, params());
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('bad-request');
    const named = path ? `调用 ${method} 的参数 ${path} 不正确：` : `调用 ${method} 的参数不正确：`;
    expect(response.error.message.startsWith(named), response.error.message).toBe(true);
    expect(response.error.message).toMatch(CJK);
    expect(response.error.message.length).toBeLessThan(400);
    expect(store.historyState(datong).revision).toBe(revision);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what was expected and what came, without echoing a long value', async () => {
    const nan = await router.call('book.setCells', { bookId: datong, cells: [cell({ value: Number.NaN })] });
    expect(nan).toMatchObject({ ok: false, error: { message: expect.stringContaining('（收到：数字 NaN）') } });
    const huge = await router.call('book.setCells', { bookId: datong, cells: [cell({ value: DIGITS_100K })] });
    expect(huge.ok ? '' : huge.error.message.length).toBeLessThan(400);
    const extra = await router.call('book.setCells', { bookId: datong, cells: [cell({ amount: {} })] });
    expect(extra).toMatchObject({ ok: false, error: { message: expect.stringContaining('不允许此字段（可用字段：tableId、side、rowKey、columnId、value）') } });
  });

  it('still accepts what the UI sends (optional fields left out or undefined)', async () => {
    expect((await ok('catalogue.lookup', { query: '2010301', classification: undefined, limit: undefined }))[0]?.code).toBe('2010301');
    expect(await ok('books.list', undefined)).toEqual(expect.any(Array));
  });
});

describe('book.setCells refuses what is not a cell of the book, before the store is touched', () => {
  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['an unknown table', cell({ tableId: 't99' }), 'cells[1].tableId', '没有编号为「t99」的表'],
    ['a side the table does not have', cell({ side: 'income' }), 'cells[1].side', '没有「income」这一方'],
    ['an unknown row', cell({ rowKey: '2019999' }), 'cells[1].rowKey', '没有键为「2019999」的行'],
    ['a row of another table', cell({ tableId: 't01', side: 'income', rowKey: '2010301', columnId: 'amount' }), 'cells[1].rowKey', '没有键为「2010301」的行'],
    ['an unknown column', cell({ columnId: 'nope' }), 'cells[1].columnId', '没有金额列「nope」'],
    ['"__proto__" as a column', cell({ columnId: '__proto__' }), 'cells[1].columnId', '没有金额列「__proto__」'],
    ['"constructor" as a row', cell({ rowKey: 'constructor' }), 'cells[1].rowKey', '没有键为「constructor」的行'],
    ['a column that holds no amount (the code column)', cell({ columnId: 'code' }), 'cells[1].columnId', '没有金额列「code」'],
  ];

  it.each(refusals)('%s', async (_what, bad, path, reason) => {
    const setAmounts = vi.spyOn(store, 'setAmounts');
    const before = { revision: store.historyState(datong).revision, log: store.editLog(datong).length, book: store.loadBook(datong) };
    // A good cell first: the whole batch is refused, nothing of it is written.
    const response = await router.call('book.setCells', { bookId: datong, cells: [cell({ value: '1.00' }), bad] });
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining(`调用 book.setCells 的参数 ${path} 不正确：`) } });
    expect(response.ok ? '' : response.error.message).toContain(reason);
    expect(setAmounts).not.toHaveBeenCalled();
    setAmounts.mockRestore();
    expect(store.historyState(datong).revision).toBe(before.revision);
    expect(store.editLog(datong)).toHaveLength(before.log);
    expect(store.loadBook(datong)).toEqual(before.book);
  });

  it('refuses 70 unknown columns on one 表二 row and leaves every total as it was (no cell ids across rows)', async () => {
    const before = store.loadBook(datong);
    const cells = Array.from({ length: 70 }, (_, i) => cell({ rowKey: '2010350', columnId: `c${i}`, value: '5000.00' }));
    expect(await router.call('book.setCells', { bookId: datong, cells })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('cells[0].columnId') } });
    expect(store.loadBook(datong)).toEqual(before);
    expect((await ok('book.get', { bookId: datong })).state.findings).toEqual(new Validator(store.loadBook(datong)).findings());
  });

  it('checks table and side of row insertions and deletions the same way', async () => {
    expect(await router.call('book.insertRow', { bookId: datong, tableId: '__proto__', side: 'main', code: '2013801' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('参数 tableId 不正确') } });
    expect(await router.call('book.deleteRow', { bookId: datong, tableId: 't03', side: 'income', rowKey: '2010301' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('参数 side 不正确') } });
  });

  it('knows rows inserted and deleted since the book was opened, through this router or another', async () => {
    const { bookId } = await ok('books.import', { files: [{ name: '大同.xlsx', path: DATONG_XLSX }] });
    await ok('book.get', { bookId });
    const row = { tableId: 't03', side: 'main', rowKey: '2013801', columnId: 'basic' };
    expect(await router.call('book.setCells', { bookId, cells: [{ ...row, value: '5.00' }] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await ok('book.insertRow', { bookId, tableId: 't03', side: 'main', code: '2013801' });
    await ok('book.setCells', { bookId, cells: [{ ...row, value: '5.00' }] });
    await ok('book.setCells', { bookId, cells: [{ ...row, value: null }] });
    // Another window (another router on the same store) inserts a row this router has not seen.
    const other = createRouter(new Workbench(store, 'web'));
    expect(await other.call('book.insertRow', { bookId, tableId: 't03', side: 'main', code: '2013802' })).toMatchObject({ ok: true });
    await ok('book.setCells', { bookId, cells: [{ ...row, rowKey: '2013802', value: '1.00' }] });
    await ok('book.undo', { bookId }); // the figure
    await ok('book.undo', { bookId }); // the other window's row
    expect(await router.call('book.setCells', { bookId, cells: [{ ...row, rowKey: '2013802', value: '1.00' }] })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('cells[0].rowKey') } });
    await ok('book.deleteRow', { bookId, tableId: 't03', side: 'main', rowKey: '2013801' });
    expect(await router.call('book.setCells', { bookId, cells: [{ ...row, value: '1.00' }] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await router.call('book.setCells', { bookId: 987654, cells: [{ ...row, value: '1.00' }] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

// ---- Property: random and malformed edits, then in-memory findings = a fresh validation of the store ----------


interface Model {
  editable: CellValue[];
  computed: CellValue[];
}

function modelOf(book: Book, computed: readonly string[]): Model {
  const family = findFamily(book.familyId);
  const readOnly = new Set(computed);
  const editable: CellValue[] = [];
  const totals: CellValue[] = [];
  for (const table of book.tables) {
    const def = family?.tables.find((t) => t.id === table.tableId);
    for (const row of table.rows) {
      const side = def?.sides.find((s) => s.id === row.side);
      for (const column of side?.columns ?? []) {
        if (column.kind !== 'amount') continue;
        const address = { tableId: table.tableId, side: row.side, rowKey: row.key, columnId: column.id, value: null };
        (readOnly.has(cellKey(address)) ? totals : editable).push(address);
      }
    }
  }
  return { editable, computed: totals };
}

describe('property: random and malformed edit batches', () => {
  const SEED = 20_240_615;
  const BATCHES = 20;
  const PER_BATCH = 12;

  it.each([
    ['大同 (山西)', DATONG_XLSX, 1],
    ['新乡 (河南)', HENAN_XLSX, 2],
  ])('%s: after every batch the findings equal a fresh validation of the stored book', async (_name, file, salt) => {
    const random = seededRandom(SEED * salt);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const { bookId } = await ok('books.import', { files: [{ name: 'book.xlsx', path: file }] });
    let opened = await ok('book.get', { bookId });
    let shown = structuredClone(opened.book); // the renderer's copy, kept by patches as the UI keeps it
    let model = modelOf(opened.book, opened.computed);
    const reopen = async (): Promise<void> => {
      opened = await ok('book.get', { bookId });
      shown = structuredClone(opened.book);
      model = modelOf(opened.book, opened.computed);
    };
    const amount = (): string | null => {
      const r = random();
      if (r < 0.15) return null;
      if (r < 0.2) return '0.00';
      const whole = Math.floor(random() * 100_000) * (random() < 0.1 ? -1 : 1);
      if (whole === 0) return '0.00';
      const decimals = random() < 0.1 ? 4 : 2; // now and then a finer figure: the session widens its scale
      return `${whole}.${String(Math.floor(random() * 10 ** decimals)).padStart(decimals, '0')}`;
    };
    const goodCell = (): CellValue => ({ ...pick(model.editable), value: amount() });
    const malformed: (() => unknown)[] = [
      () => ({ ...goodCell(), columnId: pick(['__proto__', 'constructor', 'nope', 'code', 'name', `c${Math.floor(random() * 99)}`]) }),
      () => ({ ...goodCell(), rowKey: pick(['__proto__', '9999999', 'total ', '']) }),
      () => ({ ...goodCell(), tableId: pick(['t99', '__proto__', 'T02']) }),
      () => ({ ...goodCell(), side: pick(['left', 'MAIN', 'main ', null]) }),
      () => ({ ...goodCell(), value: pick([Number.NaN, 'NaN', 'Infinity', {}, [], 12.5, true, '1e3', '1,234.00', '-0', '00.10', ' 1.00', '1.'] as unknown[]) }),
      () => ({ ...goodCell(), amount: { value: '1.00' } }),
      () => JSON.parse(`{"tableId":"t02","side":"main","rowKey":"2010301","columnId":"gpb","value":"1.00","__proto__":{"x":1}}`) as unknown,
      () => null,
      () => pick([undefined, 'cell', 42, []] as unknown[]),
      () => {
        const { columnId: _dropped, ...rest } = goodCell();
        return rest;
      },
    ];

    let operations = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      for (let op = 0; op < PER_BATCH; op++, operations++) {
        const r = random();
        const revision = store.historyState(bookId).revision;
        if (r < 0.45) {
          const cells = Array.from({ length: 1 + Math.floor(random() * 4) }, goodCell);
          const response = await router.call('book.setCells', { bookId, cells });
          if (!response.ok) throw new Error(`a good edit was refused: ${response.error.message} ${JSON.stringify(cells)}`);
          applyPatch(shown, (response.result as ApiResult<'book.setCells'>).patch);
        } else if (r < 0.8) {
          // One malformed cell hidden among good ones: the whole batch is refused, nothing is written.
          const cells: unknown[] = Array.from({ length: Math.floor(random() * 3) }, goodCell);
          cells.splice(Math.floor(random() * (cells.length + 1)), 0, pick(malformed)());
          const response = await router.call('book.setCells', { bookId, cells });
          expect(response, JSON.stringify(cells)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^调用 book\.setCells 的参数 cells\[\d+\]/) } });
          expect(store.historyState(bookId).revision).toBe(revision);
        } else if (r < 0.85 && model.computed.length > 0) {
          const response = await router.call('book.setCells', { bookId, cells: [{ ...pick(model.computed), value: '1.00' }] });
          expect(response).toMatchObject({ ok: false, error: { code: 'refused' } });
          expect(store.historyState(bookId).revision).toBe(revision);
        } else {
          const method = random() < 0.6 ? 'book.undo' : 'book.redo';
          const result = await ok(method, { bookId });
          if (result.reload) await reopen();
          else applyPatch(shown, result.patch);
        }
      }
      const inMemory = (await ok('book.get', { bookId })).state.findings;
      const stored = store.loadBook(bookId);
      expect(inMemory, `batch ${batch}`).toEqual(new Validator(stored).findings());
      expect(shown.tables, `batch ${batch}: the renderer's copy`).toEqual(stored.tables);
    }
    expect(operations).toBe(BATCHES * PER_BATCH);
  });
});
