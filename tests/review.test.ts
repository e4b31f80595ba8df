// 审核说明 through the store and the edit log: warnings can be explained, errors cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { currentFindings, explainFinding, ReviewError } from '../src/main/services/review';
import { openStore, type Store } from '../src/main/store';
import { cli } from './helpers/cli';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let store: Store;
let bookId: number;
const TAIL = 't02.tree:main:21011:total';

beforeAll(async () => {
  tmp = makeTmpDir('review-');
  store = openStore(tmp.file('review.db'));
  const { book, notices } = await importWorkbooks([DATONG_XLSX]);
  bookId = store.insertBook(book, notices);
});
afterAll(() => {
  store.close();
  tmp.remove();
});

describe('审核说明', () => {
  it('attaches to a warning, survives reopening, and is undone and redone through the edit log', () => {
    const explained = explainFinding(store, { bookId, findingKey: TAIL, text: '  尾差：各项按元四舍五入后合计差 0.01 万元。 ', actor: '张会计' });
    expect(explained?.explanation).toBe('尾差：各项按元四舍五入后合计差 0.01 万元。');
    const reopened = openStore(store.path);
    expect(currentFindings(reopened, bookId).find((f) => f.key === TAIL)?.explanation).toBe('尾差：各项按元四舍五入后合计差 0.01 万元。');
    reopened.close();

    store.undo(bookId);
    expect(currentFindings(store, bookId).find((f) => f.key === TAIL)?.explanation).toBeUndefined();
    store.redo(bookId);
    expect(currentFindings(store, bookId).find((f) => f.key === TAIL)?.explanation).toBeDefined();
    expect(store.editLog(bookId).map((e) => e.kind)).toEqual(['import', 'explain', 'undo', 'redo']);
  });

  it('cannot explain away an error', () => {
    store.setAmount({ bookId, tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'total', value: '188.93' });
    const error = currentFindings(store, bookId).find((f) => f.severity === 'error' && f.rule === 't02.row');
    expect(error).toBeDefined();
    expect(() => explainFinding(store, { bookId, findingKey: error?.key ?? '', text: '领导同意' })).toThrow(ReviewError);
    expect(() => explainFinding(store, { bookId, findingKey: error?.key ?? '', text: '领导同意' })).toThrow(/是错误，不能用审核说明放行/);
    expect(() => explainFinding(store, { bookId, findingKey: 'no.such:finding', text: '说明' })).toThrow(/没有编号为「no\.such:finding」的问题/);
    store.undo(bookId);
  });

  it('an explanation stays with its warning only while it is a warning', () => {
    // Push 21011 beyond the rounding tolerance: the 尾差 becomes an error and its explanation no longer shows.
    store.setAmount({ bookId, tableId: 't02', side: 'main', rowKey: '21011', columnId: 'total', value: '19.50' });
    const finding = currentFindings(store, bookId).find((f) => f.key === TAIL);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toBeUndefined();
    store.undo(bookId);
    expect(currentFindings(store, bookId).find((f) => f.key === TAIL)?.explanation).toBeDefined();
  });

  it('clearing is always allowed', () => {
    explainFinding(store, { bookId, findingKey: TAIL, text: null });
    expect(store.explanations(bookId)).toEqual([]);
  });

  it('works from the command line, and check --db shows the explanation', async () => {
    const ok = await cli('explain', '--db', store.path, '--book', String(bookId), '--finding', TAIL, '--text', '尾差，已核对');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('说明：尾差，已核对');
    const checked = JSON.parse((await cli('check', '--db', store.path, '--book', String(bookId), '--json')).stdout);
    expect(checked.findings.find((f: { key: string }) => f.key === TAIL).explanation).toBe('尾差，已核对');
    const refused = await cli('explain', '--db', store.path, '--book', String(bookId), '--finding', 'nope', '--text', 'x');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('无法记录审核说明');
    expect((await cli('explain', '--db', store.path, '--book', String(bookId), '--finding', TAIL, '--clear')).code).toBe(0);
  });
});
