// The 情况说明 in the store (migration 8, src/main/store/narratives.ts), through the services (undo/redo refresh the
// findings) and the API (book.setNarrative, book.importNarrative): real SQLite files, the real Datong book and the
// seed document's narrative, whose 「基本支出372.33万元」 disagrees with 表三 (372.39).
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../src/shared/book';
import type { Narrative } from '../src/shared/narrative/types';
import { createRouter, type Router } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { readNarrative } from '../src/main/import/narrative/read-narrative';
import { createServices, type Services } from '../src/main/services';
import { readWorkbooks } from '../src/main/services/exchange';
import { LATEST_SCHEMA_VERSION, migrations, openStore, StoreError, type Store } from '../src/main/store';
import { applyMigrations } from '../src/main/store/migrate';
import { DATONG_XLSX, FIXTURES } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const SEED_000 = join(FIXTURES, 'seeds', '000_8a413295a909103c.txt');
const CJK = /[\u4e00-\u9fff]/;

let tmp: TmpDir;
let datong: Book;
let seedNarrative: Narrative;
beforeAll(async () => {
  tmp = makeTmpDir('narrative-store-');
  datong = (await readWorkbooks([DATONG_XLSX])).book;
  seedNarrative = (await readNarrative(SEED_000)).narrative;
});
afterAll(() => tmp.remove());

let counter = 0;
function freshStore(): Store {
  counter += 1;
  return openStore(tmp.file(`store-${counter}.db`), { now: () => new Date('2026-01-02T03:04:05Z') });
}

const narrativeRules = (findings: readonly { rule: string }[]): string[] => findings.filter((f) => f.rule.startsWith('narrative.')).map((f) => f.rule);

function storeError(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError');
}

describe('migration 8: narratives', () => {
  it('creates the table on a fresh file and upgrades a version-7 file, whose books have no narrative', () => {
    const path = tmp.file('v7.db');
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    expect(applyMigrations(db, () => new Date('2024-01-01T00:00:00Z'), migrations.slice(0, 7))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const at = '2024-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO books (family_id, year, department, unit, decimals, created_at, updated_at) VALUES ('shanxi-2024', 2024, '旧部门', '万元', 2, ?, ?)").run(at, at);
    db.prepare("INSERT INTO edit_log (book_id, seq, at, kind, payload) VALUES (1, 1, ?, 'import', '{}')").run(at);
    db.close();

    const store = openStore(path);
    try {
      expect(LATEST_SCHEMA_VERSION).toBe(9);
      expect(store.schemaVersion()).toBe(9);
      expect(store.loadBook(1)).not.toHaveProperty('narrative');
      expect(store.narrative(1)).toBeNull();
      expect(store.setNarrative(1, { paragraphs: ['2024年收入预算100万元。'] }).changed).toBe(true);
      expect(store.loadBook(1).narrative).toEqual({ paragraphs: ['2024年收入预算100万元。'] });
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
  });

  it('refuses a row that is not a list of paragraphs (the CHECK holds without the store)', () => {
    const store = freshStore();
    const id = store.insertBook(datong);
    const path = store.path;
    store.close();
    const db = new Database(path);
    try {
      const insert = db.prepare("INSERT INTO narratives (book_id, paragraphs, updated_at) VALUES (?, ?, '2026-01-01')");
      expect(() => insert.run(id, '{"paragraphs":[]}')).toThrow(/CHECK/);
      expect(() => insert.run(id, 'not json')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('the store keeps the narrative', () => {
  it('writes it with the book, loads it, copies it with 另存为副本 and deletes it with the book', () => {
    const store = freshStore();
    try {
      const id = store.insertBook({ ...datong, narrative: seedNarrative });
      expect(store.loadBook(id).narrative).toEqual(seedNarrative);
      const copy = store.duplicateBook(id);
      expect(store.loadBook(copy).narrative).toEqual(seedNarrative);
      // The copy's narrative is its own.
      store.setNarrative(copy, null);
      expect(store.loadBook(id).narrative).toEqual(seedNarrative);
      expect(store.loadBook(copy)).not.toHaveProperty('narrative');
      store.deleteBook(id);
      const left = new Database(store.path, { readonly: true });
      try {
        expect(left.prepare('SELECT COUNT(*) AS n FROM narratives WHERE book_id = ?').get(id)).toEqual({ n: 0 });
      } finally {
        left.close();
      }
      // A book without one stores none.
      expect(store.loadBook(store.insertBook(datong))).not.toHaveProperty('narrative');
    } finally {
      store.close();
    }
  });

  it('sets it in one logged, undoable step; the same text again is no edit', () => {
    const store = freshStore();
    try {
      const id = store.insertBook(datong);
      const first = store.setNarrative(id, { paragraphs: ['  一、收入预算情况说明 ', '', '2024年收入预算472.39万元。'], source: ' 说明.docx ' }, { actor: '张三' });
      const stored = { paragraphs: ['一、收入预算情况说明', '2024年收入预算472.39万元。'], source: '说明.docx' };
      expect(first).toMatchObject({ changed: true, revision: 1, change: { before: null, after: stored } });
      expect(store.narrative(id)).toEqual(stored);
      expect(store.setNarrative(id, { paragraphs: ['一、收入预算情况说明', '2024年收入预算472.39万元。'], source: '说明.docx' })).toMatchObject({ changed: false, seq: null, revision: 1 });

      const second = store.setNarrative(id, { paragraphs: ['改写后的说明。'] });
      expect(second.change).toEqual({ before: stored, after: { paragraphs: ['改写后的说明。'] } });
      const log = store.editLog(id);
      expect(log.map((e) => e.kind)).toEqual(['import', 'narrative', 'narrative']);
      expect(log[1]).toMatchObject({ actor: '张三', payload: { before: null, after: stored } });

      const undone = store.undo(id);
      expect(undone).toMatchObject({ targetSeq: second.seq, changes: [], narrative: { before: { paragraphs: ['改写后的说明。'] }, after: stored } });
      expect(store.narrative(id)).toEqual(stored);
      expect(store.undo(id)?.narrative).toEqual({ before: stored, after: null });
      expect(store.narrative(id)).toBeNull();
      expect(store.loadBook(id)).not.toHaveProperty('narrative');
      expect(store.historyState(id)).toMatchObject({ canUndo: false, canRedo: true });

      expect(store.redo(id)?.narrative?.after).toEqual(stored);
      expect(store.narrative(id)).toEqual(stored);
      // A new change clears the redo stack.
      store.setNarrative(id, null);
      expect(store.historyState(id)).toMatchObject({ canRedo: false });
      expect(store.narrative(id)).toBeNull();
    } finally {
      store.close();
    }
  });

  it('an empty narrative is none; clearing a book without one changes nothing', () => {
    const store = freshStore();
    try {
      const id = store.insertBook({ ...datong, narrative: { paragraphs: [' ', ''] } });
      expect(store.narrative(id)).toBeNull();
      expect(store.setNarrative(id, { paragraphs: ['\u3000'] })).toMatchObject({ changed: false });
      expect(store.setNarrative(id, null)).toMatchObject({ changed: false });
      expect(store.editLog(id).map((e) => e.kind)).toEqual(['import']);
    } finally {
      store.close();
    }
  });

  it('refuses what cannot be stored in Chinese, and writes nothing', () => {
    const store = freshStore();
    try {
      const id = store.insertBook(datong);
      const tooMany = storeError(() => store.setNarrative(id, { paragraphs: Array.from({ length: 5001 }, () => '一句。') }));
      expect(tooMany.code).toBe('invalid-value');
      expect(tooMany.message).toMatch(/5001 段，超过 5000 段的上限，无法保存/);
      expect(storeError(() => store.setNarrative(id, { paragraphs: ['长'.repeat(20_001)] })).message).toMatch(/第 1 段超过 20000 字/);
      expect(storeError(() => store.setNarrative(id, { paragraphs: [5 as unknown as string] })).message).toMatch(CJK);
      expect(storeError(() => store.setNarrative(id, { paragraphs: ['一句。'], source: '名'.repeat(256) })).message).toMatch(/最多 255 个字/);
      expect(storeError(() => store.setNarrative(9999, { paragraphs: ['一句。'] })).code).toBe('book-not-found');
      expect(store.historyState(id).revision).toBe(0);
      expect(store.narrative(id)).toBeNull();
      // A whole book with a bad narrative is not stored at all.
      const books = store.listBooks().length;
      const bad = storeError(() => store.insertBook({ ...datong, narrative: { paragraphs: Array.from({ length: 5001 }, () => '一句。') } }));
      expect(bad.code).toBe('invalid-book');
      expect(store.listBooks()).toHaveLength(books);
    } finally {
      store.close();
    }
  });
});

describe('the services: the findings follow the narrative', () => {
  let store: Store;
  let services: Services;
  beforeAll(() => {
    store = freshStore();
    services = createServices({ store, mode: 'cli' });
  });
  afterAll(() => store.close());

  it('set, undo and redo answer with the findings of the narrative as it now is', () => {
    const id = store.insertBook(datong);
    // Open the book first: its session must take the change over, not go stale.
    const before = services.editing.open(id).state;
    expect(narrativeRules(before.findings)).toEqual([]);

    const set = services.narrative.set({ bookId: id, paragraphs: seedNarrative.paragraphs, source: seedNarrative.source });
    expect(set.changed).toBe(true);
    expect(set.narrative).toEqual(seedNarrative);
    const amount = set.findings.find((f) => f.rule === 'narrative.amount');
    expect(amount?.narrative?.quote).toContain('基本支出372.33万元');
    expect(amount).toMatchObject({ severity: 'error', expected: '372.39', actual: '372.33' });
    expect(set.summary.errors).toBe(before.summary.errors + 1);
    expect(set.canUndo).toBe(true);

    const undone = services.editing.undo(id);
    expect(undone.changed).toBe(true);
    expect(narrativeRules(undone.findings)).toEqual([]);
    expect(undone.summary).toEqual(before.summary);

    const redone = services.editing.redo(id);
    expect(narrativeRules(redone.findings)).toEqual(narrativeRules(set.findings));
    expect(services.exchange.check(id).findings.some((f) => f.rule === 'narrative.amount' && f.narrative?.paragraph === amount?.narrative?.paragraph)).toBe(true);

    // Correcting the sentence clears the finding.
    const fixed = seedNarrative.paragraphs.map((p) => p.replace('基本支出372.33万元', '基本支出372.39万元'));
    expect(narrativeRules(services.narrative.set({ bookId: id, paragraphs: fixed }).findings)).not.toContain('narrative.amount');
    // No paragraphs: the narrative is removed.
    const cleared = services.narrative.set({ bookId: id, paragraphs: ['', ' '] });
    expect(cleared).toMatchObject({ narrative: null, changed: true });
    expect(narrativeRules(cleared.findings)).toEqual([]);
  });

  it('imports a file as the narrative, one undo step', async () => {
    const id = store.insertBook(datong);
    const answer = await services.narrative.import({ bookId: id, file: { name: '000.txt', path: SEED_000 } });
    expect(answer.message).toBe('已读取「000_8a413295a909103c.txt」中的情况说明：从「第三部分 2024年度部门预算情况说明」起共 58 段。');
    expect(answer.narrative).toEqual(seedNarrative);
    expect(store.loadBook(id).narrative).toEqual(seedNarrative);
    expect(narrativeRules(answer.findings)).toContain('narrative.amount');
    services.editing.undo(id);
    expect(store.narrative(id)).toBeNull();
  });
});

describe('the API: book.setNarrative and book.importNarrative', () => {
  let store: Store;
  let desktop: Router;
  let web: Router;
  let id: number;
  beforeAll(() => {
    store = freshStore();
    desktop = createRouter(new Workbench(store, 'electron'));
    web = createRouter(new Workbench(store, 'web'));
    id = store.insertBook(datong);
  });
  afterAll(() => store.close());

  it('sets the paragraphs and answers with the state and the narrative as stored', async () => {
    const response = await desktop.call('book.setNarrative', { bookId: id, paragraphs: [' 2024年收入预算472.39万元。 '], source: '手工填写' });
    expect(response).toMatchObject({ ok: true, result: { changed: true, narrative: { paragraphs: ['2024年收入预算472.39万元。'], source: '手工填写' }, canUndo: true } });
    expect(await desktop.call('book.setNarrative', { bookId: 9999, paragraphs: ['一句。'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('imports uploaded bytes under the clerk’s own name in web mode, and refuses a path there', async () => {
    const data = Buffer.from('一、收入预算情况说明\n2024年收入预算472.39万元。\n').toString('base64');
    const uploaded = await web.call('book.importNarrative', { bookId: id, file: { name: '我的说明.txt', dataBase64: data } });
    expect(uploaded).toMatchObject({ ok: true, result: { narrative: { paragraphs: ['一、收入预算情况说明', '2024年收入预算472.39万元。'], source: '我的说明.txt' } } });
    expect(await web.call('book.importNarrative', { bookId: id, file: { name: 'a.txt', path: SEED_000 } })).toMatchObject({ ok: false, error: { code: 'refused' } });
    const fromPath = await desktop.call('book.importNarrative', { bookId: id, file: { name: 'seed.txt', path: SEED_000 } });
    expect(fromPath).toMatchObject({ ok: true, result: { narrative: seedNarrative } });
  });

  it('answers an unreadable file with a Chinese message naming it, and stores nothing', async () => {
    writeFileSync(tmp.file('坏文件.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const revision = store.historyState(id).revision;
    const response = await desktop.call('book.importNarrative', { bookId: id, file: { name: '坏文件.docx', path: tmp.file('坏文件.docx') } });
    expect(response).toMatchObject({ ok: false, error: { code: 'unreadable', message: expect.stringContaining('坏文件.docx') } });
    expect(store.historyState(id).revision).toBe(revision);
  });
});
