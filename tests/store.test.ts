import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Book, Notice } from '../src/shared/book';
import {
  LATEST_SCHEMA_VERSION,
  MAX_EXPLANATION_LENGTH,
  migrations,
  openStore,
  StoreError,
  type Store,
} from '../src/main/store';
import { applyMigrations } from '../src/main/store/migrate';
import { openDatabase } from '../src/main/store/open';
import { createSummaryRepository } from '../src/main/store/summaries';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const FILE = 'C:\\预算\\大同市金融办2024.xlsx';

function sampleBook(): Book {
  return {
    familyId: 'shanxi-2024',
    year: 2024,
    department: '大同市地方金融监督管理局',
    unit: '万元',
    decimals: 2,
    units: [
      { name: '大同市地方金融监督管理局（机关）', kind: '机关' },
      { name: '大同市金融服务中心', kind: '下属单位' },
    ],
    sources: [FILE],
    tables: [
      {
        tableId: 'shanxi-2024/01',
        no: 1,
        title: '2024年部门预算收支总表',
        emptyNote: false,
        source: { file: FILE, sheet: '表一', cell: 'A1' },
        rows: [
          {
            key: 'income.general',
            side: 'income',
            level: 'fixed',
            name: '一、一般公共预算',
            values: { amount: { value: '472.39', source: { file: FILE, sheet: '表一', cell: 'B6' } } },
            source: { file: FILE, sheet: '表一', cell: 'A6' },
          },
          {
            key: '201',
            side: 'expenditure',
            level: 'class',
            code: '201',
            name: '一、一般公共服务支出',
            values: {
              total: { value: '472.39', source: { file: FILE, sheet: '表一', cell: 'D6' }, fromFormula: true },
              current: { value: '472.39', source: { file: FILE, sheet: '表一', cell: 'E6' }, fromFormula: false },
              carried: { value: '0.00', source: { file: FILE, sheet: '表一', cell: 'F6' } },
            },
            source: { file: FILE, sheet: '表一', cell: 'C6' },
          },
          // Same key on the other side is legal: keys are unique per (table, side).
          {
            key: 'total',
            side: 'income',
            level: 'total',
            name: '本年收入合计',
            values: { amount: { value: '472.39' } },
          },
          {
            key: 'total',
            side: 'expenditure',
            level: 'total',
            name: '本年支出合计',
            values: { total: { value: '472.39', fromFormula: true } },
          },
        ],
      },
      {
        tableId: 'shanxi-2024/06',
        no: 6,
        title: '2024年一般公共预算安排基本支出分经济科目表（不含上年结转）',
        emptyNote: false,
        rows: [
          { key: 'total', side: 'main', level: 'total', name: '合计', values: { total: { value: '372.39' } } },
          // Duplicate names, distinct keys (the 部门经济|政府经济 pair).
          {
            key: '30101|50101',
            side: 'main',
            level: 'item',
            code: '30101',
            name: '基本工资',
            govCode: '50101',
            govName: '工资奖金津补贴',
            values: { total: { value: '100.10' }, personnel: { value: '100.10' } },
            source: { sheet: '表六', cell: 'A8' },
          },
          {
            key: '30101|50501',
            side: 'main',
            level: 'item',
            code: '30101',
            name: '基本工资',
            govCode: '50501',
            govName: '工资福利支出',
            unitName: '',
            values: { total: { value: '-0.5' }, personnel: { value: '12345678901234567890.123456789' } },
          },
        ],
      },
      {
        tableId: 'shanxi-2024/07',
        no: 7,
        title: '2024年政府性基金预算收入表',
        emptyNote: true,
        rows: [],
      },
    ],
  };
}

const sampleNotices: Notice[] = [
  { level: '警告', message: '表一 B9 的数值为文本，已按数字读取', file: FILE, sheet: '表一', cell: 'B9' },
  { level: '提示', message: '未识别的工作表“封面”已跳过', file: FILE, sheet: '封面' },
  { level: '错误', message: '无法读取' },
];

/** ~7,000 rows and ~30,000 amounts: 2,000 coded rows × 5 columns + 5,000 project rows × 4 columns. */
function largeBook(): Book {
  const coded = Array.from({ length: 2000 }, (_, i) => ({
    key: `2${String(i).padStart(6, '0')}`,
    side: 'main' as const,
    level: 'item' as const,
    code: `2${String(i).padStart(6, '0')}`,
    name: `科目${i}`,
    values: Object.fromEntries(
      ['total', 'general', 'fund', 'capital', 'unit'].map((c, j) => [
        c,
        { value: `${i * 7 + j}.${String((i + j) % 100).padStart(2, '0')}`, source: { cell: `${'CDEFG'[j]}${i + 6}` } },
      ]),
    ),
    source: { file: 'big.xlsx', sheet: '表二', cell: `A${i + 6}` },
  }));
  const projects = Array.from({ length: 5000 }, (_, i) => ({
    key: `project:项目${i}`,
    side: 'main' as const,
    level: 'project' as const,
    name: `Z项目${i}`,
    unitName: `单位${i % 20}`,
    values: Object.fromEntries(
      ['total', 'general', 'fund', 'capital'].map((c, j) => [c, { value: `${i}.${j}5`, fromFormula: j === 0 }]),
    ),
  }));
  return {
    familyId: 'shanxi-2024',
    year: 2024,
    department: '压力测试部门',
    unit: '万元',
    decimals: 2,
    units: [],
    sources: ['big.xlsx'],
    tables: [
      { tableId: 'shanxi-2024/02', no: 2, title: '预算收入总表', emptyNote: false, rows: coded },
      { tableId: 'shanxi-2024/12', no: 12, title: '项目支出预算表（本年预算）', emptyNote: false, rows: projects },
    ],
  };
}

/** A second, independent connection: sees only committed data, like another process would. */
function raw(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

function counts(path: string): Record<string, number> {
  const db = raw(path);
  try {
    const tables = [
      'books',
      'book_sources',
      'units',
      'book_tables',
      'book_rows',
      'amounts',
      'import_notices',
      'explanations',
      'edit_log',
    ];
    return Object.fromEntries(
      tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

const EMPTY_COUNTS = {
  books: 0,
  book_sources: 0,
  units: 0,
  book_tables: 0,
  book_rows: 0,
  amounts: 0,
  import_notices: 0,
  explanations: 0,
  edit_log: 0,
};

let tmp: TmpDir;
let dbPath: string;
const open: Store[] = [];
function openTracked(path = dbPath): Store {
  const store = openStore(path);
  open.push(store);
  return store;
}

beforeEach(() => {
  tmp = makeTmpDir('store-');
  dbPath = tmp.file('nested/dir/book.db');
});

afterEach(() => {
  for (const store of open.splice(0)) store.close();
  tmp.remove();
});

describe('opening and migrations', () => {
  it('creates parent directories, applies every migration once, and is idempotent on reopen', () => {
    const first = openTracked();
    expect(first.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    first.close();

    const db = raw(dbPath);
    const recorded = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
    db.close();
    expect(recorded.map((r) => (r as { version: number }).version)).toEqual(migrations.map((m) => m.version));

    const second = openTracked();
    expect(second.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    second.close();
    const again = raw(dbPath);
    expect(again.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all()).toEqual(
      recorded,
    );
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    again.close();
  });

  it('numbers migrations 1, 2, 3 … in order', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('turns on WAL, foreign keys, FULL sync and a busy timeout', () => {
    const db = openDatabase(dbPath, () => new Date());
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer program, in Chinese, without touching it', () => {
    openTracked().close();
    const db = new Database(dbPath);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();

    expect(() => openStore(dbPath)).toThrow(
      `数据库版本（${LATEST_SCHEMA_VERSION + 1}）高于本程序支持的版本（${LATEST_SCHEMA_VERSION}），请升级程序。`,
    );
    const check = raw(dbPath);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    check.close();
  });

  it('explains in Chinese when the file is not a database', () => {
    const bogus = tmp.file('not-a-db.db');
    writeFileSync(bogus, 'PK\u0003\u0004 this is an xlsx, not SQLite'.repeat(100));
    expect(() => openStore(bogus)).toThrow(/无法打开数据库文件.*不是本程序的数据库文件/);
  });
});

describe('books', () => {
  it('round-trips a book exactly, with notices', () => {
    const store = openTracked();
    const book = sampleBook();
    const id = store.insertBook(book, sampleNotices);
    expect(id).toBeGreaterThan(0);

    const loaded = store.loadBook(id);
    expect(loaded).toStrictEqual({ ...book, id });
    expect(store.loadNotices(id)).toStrictEqual(sampleNotices);

    // Survives close and reopen.
    store.close();
    const reopened = openTracked();
    expect(reopened.loadBook(id)).toStrictEqual({ ...book, id });
  });

  it('loads tables by no whatever the insertion order', () => {
    const store = openTracked();
    const book = sampleBook();
    const id = store.insertBook({ ...book, tables: [...book.tables].reverse() });
    expect(store.loadBook(id).tables.map((t) => t.no)).toEqual([1, 6, 7]);
  });

  it('stores amounts as TEXT, never REAL', () => {
    const store = openTracked();
    store.insertBook(sampleBook());
    const db = raw(dbPath);
    const types = db.prepare('SELECT DISTINCT typeof(value) AS t FROM amounts').all();
    const big = db.prepare("SELECT value FROM amounts WHERE value LIKE '12345678901234567890%'").get();
    db.close();
    expect(types).toEqual([{ t: 'text' }]);
    expect(big).toEqual({ value: '12345678901234567890.123456789' });
  });

  it('lists books with counts and timestamps', () => {
    const store = openStore(dbPath, { now: () => new Date('2024-03-01T08:00:00Z') });
    open.push(store);
    const id = store.insertBook(sampleBook(), sampleNotices);
    expect(store.listBooks()).toEqual([
      {
        id,
        familyId: 'shanxi-2024',
        year: 2024,
        department: '大同市地方金融监督管理局',
        unit: '万元',
        tableCount: 3,
        rowCount: 7,
        createdAt: '2024-03-01T08:00:00.000Z',
        updatedAt: '2024-03-01T08:00:00.000Z',
        revision: 0,
      },
    ]);
  });

  it('an insert that fails half-way leaves no trace (duplicate row key)', () => {
    const store = openTracked();
    const book = sampleBook();
    const table6 = book.tables[1]!;
    table6.rows.push({ ...table6.rows[1]!, name: '重复行' });

    let error: unknown;
    try {
      store.insertBook(book, sampleNotices);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('duplicate-key');
    expect((error as StoreError).message).toBe(
      '表“2024年一般公共预算安排基本支出分经济科目表（不含上年结转）”中行键“30101|50101”重复，无法保存',
    );
    expect(store.listBooks()).toEqual([]);
    expect(counts(dbPath)).toEqual(EMPTY_COUNTS);
    // The connection is still usable afterwards.
    expect(store.insertBook(sampleBook())).toBeGreaterThan(0);
  });

  it('rejects a book whose amounts are not canonical decimal strings, leaving no trace', () => {
    const store = openTracked();
    const book = sampleBook();
    book.tables[1]!.rows[2]!.values.total = { value: 12.5 as unknown as string };
    expect(() => store.insertBook(book)).toThrow('金额“12.5”不是规范的十进制数字');
    book.tables[1]!.rows[2]!.values.total = { value: '1,234.00' };
    expect(() => store.insertBook(book)).toThrow(StoreError);
    expect(counts(dbPath)).toEqual(EMPTY_COUNTS);
  });

  it('reports progress every 500 rows while the transaction is still open', () => {
    const store = openTracked();
    const seen: Array<[number, number, number]> = [];
    const observer = raw(dbPath);
    const committedBooks = observer.prepare('SELECT COUNT(*) AS n FROM books');
    store.insertBook(largeBook(), [], {
      onProgress: (written, total) => {
        // Another connection sees nothing yet: we are inside the uncommitted transaction.
        seen.push([written, total, (committedBooks.get() as { n: number }).n]);
      },
    });
    expect(seen.length).toBe(14);
    expect(seen[0]).toEqual([500, 7000, 0]);
    expect(seen.at(-1)).toEqual([7000, 7000, 0]);
    expect((committedBooks.get() as { n: number }).n).toBe(1);
    observer.close();
  });

  it('rolls back everything when progress reporting aborts the import', () => {
    const store = openTracked();
    expect(() =>
      store.insertBook(largeBook(), sampleNotices, {
        onProgress: (written) => {
          if (written >= 3000) throw new Error('用户取消');
        },
      }),
    ).toThrow('用户取消');
    expect(counts(dbPath)).toEqual(EMPTY_COUNTS);
  });

  it('writes a 7,000-row, 30,000-amount book in well under a second and loads it back', () => {
    const store = openTracked();
    store.insertBook(sampleBook()); // warm up statements and the file
    const book = largeBook();
    const started = performance.now();
    const id = store.insertBook(book);
    const insertMs = performance.now() - started;
    const loadStarted = performance.now();
    const loaded = store.loadBook(id);
    const loadMs = performance.now() - loadStarted;
    console.log(`insert 7,000 rows / 30,000 amounts: ${insertMs.toFixed(0)} ms; load: ${loadMs.toFixed(0)} ms`);
    expect(counts(dbPath).amounts).toBe(30000 + 11);
    expect(insertMs).toBeLessThan(1000);
    expect(loaded).toStrictEqual({ ...book, id });
  });

  it('deleteBook cascades to every child table and leaves other books alone', () => {
    const store = openTracked();
    const keep = store.insertBook(sampleBook(), sampleNotices);
    const before = counts(dbPath);
    const gone = store.insertBook(sampleBook(), sampleNotices);
    store.setAmount({ bookId: gone, tableId: 'shanxi-2024/06', side: 'main', rowKey: 'total', columnId: 'total', value: '1.00' });
    store.setExplanation({ bookId: gone, findingKey: 't01.total', text: '已核实' });
    expect(counts(dbPath).explanations).toBe(1);
    store.deleteBook(gone);
    expect(counts(dbPath)).toEqual(before);
    expect(store.listBooks().map((b) => b.id)).toEqual([keep]);
    expect(() => store.loadBook(gone)).toThrow(`找不到编号为 ${gone} 的预算本`);
    expect(() => store.deleteBook(gone)).toThrow(`找不到编号为 ${gone} 的预算本`);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('never reuses the id of a deleted book', () => {
    const store = openTracked();
    const first = store.insertBook(sampleBook());
    store.deleteBook(first);
    expect(store.insertBook(sampleBook())).toBeGreaterThan(first);
  });

  it('names an unknown book in Chinese', () => {
    const store = openTracked();
    expect(() => store.loadBook(42)).toThrow('找不到编号为 42 的预算本');
    expect(() => store.loadNotices(42)).toThrow('找不到编号为 42 的预算本');
    expect(() => store.editLog(42)).toThrow('找不到编号为 42 的预算本');
    expect(() => store.undo(42)).toThrow('找不到编号为 42 的预算本');
  });

  it('integrityCheck returns ok', () => {
    const store = openTracked();
    store.insertBook(sampleBook(), sampleNotices);
    expect(store.integrityCheck()).toBe('ok');
  });
});

describe('edits, undo and redo', () => {
  let store: Store;
  let bookId: number;
  const cell = { tableId: 'shanxi-2024/01', side: 'expenditure', rowKey: '201', columnId: 'total' } as const;
  const original = { value: '472.39', source: { file: FILE, sheet: '表一', cell: 'D6' }, fromFormula: true };
  const valueOf = () => store.loadBook(bookId).tables[0]!.rows[1]!.values.total;

  beforeEach(() => {
    let tick = 0;
    store = openStore(dbPath, { now: () => new Date(Date.UTC(2024, 2, 1, 8, 0, tick++)) });
    open.push(store);
    bookId = store.insertBook(sampleBook(), [], { actor: '导入' });
  });

  it('setAmount + undo + redo round trip, with the log showing all three', () => {
    const edit = store.setAmount({ bookId, ...cell, value: '472.40', actor: '张会计' });
    const edited = { value: '472.40', source: original.source };
    expect(edit).toEqual({
      changed: true,
      seq: 2,
      revision: 1,
      changes: [{ ...cell, before: original, after: edited }],
    });
    expect(valueOf()).toStrictEqual(edited);
    expect(store.historyState(bookId)).toEqual({ canUndo: true, canRedo: false, revision: 1 });

    const undone = store.undo(bookId);
    expect(undone).toEqual({ seq: 3, targetSeq: 2, revision: 2, changes: [{ ...cell, before: edited, after: original }] });
    expect(valueOf()).toStrictEqual(original);
    expect(store.undo(bookId)).toBeNull(); // the import itself is not undoable
    expect(store.historyState(bookId)).toEqual({ canUndo: false, canRedo: true, revision: 2 });

    const redone = store.redo(bookId);
    expect(redone).toEqual({ seq: 4, targetSeq: 2, revision: 3, changes: [{ ...cell, before: original, after: edited }] });
    expect(valueOf()).toStrictEqual(edited);
    expect(store.redo(bookId)).toBeNull();

    const log = store.editLog(bookId);
    expect(log.map((e) => [e.seq, e.kind, e.actor, e.undone, e.discardedBy])).toEqual([
      [1, 'import', '导入', false, null],
      [2, 'setAmount', '张会计', false, null],
      [3, 'undo', null, false, null],
      [4, 'redo', null, false, null],
    ]);
    expect(log[0]!.payload).toEqual({ sources: [FILE], tableCount: 3, rowCount: 7, amountCount: 11, noticeCount: 0 });
    expect(log[1]!.payload).toEqual({ changes: [{ ...cell, before: original, after: edited }] });
    expect(log[2]!.payload).toEqual({ targetSeq: 2, changes: [{ ...cell, before: edited, after: original }] });
    expect(log.map((e) => e.at)).toEqual([...log.map((e) => e.at)].sort());
    expect(store.listBooks()[0]!.revision).toBe(3);
  });

  it('clearing a cell removes the amount and undo brings it back exactly', () => {
    store.setAmount({ bookId, ...cell, value: null });
    expect(valueOf()).toBeUndefined();
    store.undo(bookId);
    expect(valueOf()).toStrictEqual(original);
  });

  it('sets a cell that had no amount, and undo clears it again', () => {
    const blank = { tableId: 'shanxi-2024/06', side: 'main', rowKey: 'total', columnId: 'public' } as const;
    const result = store.setAmount({ bookId, ...blank, value: '0' });
    expect(result.changes).toEqual([{ ...blank, before: null, after: { value: '0' } }]);
    store.undo(bookId);
    expect(store.loadBook(bookId).tables[1]!.rows[0]!.values).toStrictEqual({ total: { value: '372.39' } });
  });

  it('a new edit discards the redo stack, which the log records', () => {
    store.setAmount({ bookId, ...cell, value: '1.00' }); // seq 2
    store.setAmount({ bookId, ...cell, value: '2.00' }); // seq 3
    store.undo(bookId); // seq 4: back to 1.00
    store.undo(bookId); // seq 5: back to original
    store.redo(bookId); // seq 6: 1.00 again
    expect(valueOf()?.value).toBe('1.00');
    store.setAmount({ bookId, ...cell, value: '9.00' }); // seq 7: discards seq 3
    expect(store.historyState(bookId).canRedo).toBe(false);
    expect(store.redo(bookId)).toBeNull();

    const log = store.editLog(bookId);
    expect(log.find((e) => e.seq === 3)).toMatchObject({ undone: true, discardedBy: 7 });
    expect(log.map((e) => e.kind)).toEqual(['import', 'setAmount', 'setAmount', 'undo', 'undo', 'redo', 'setAmount']);

    // Undo now walks 7, then 2 (3 was discarded); redo comes back in the same order.
    expect(store.undo(bookId)?.targetSeq).toBe(7);
    expect(store.undo(bookId)?.targetSeq).toBe(2);
    expect(valueOf()).toStrictEqual(original);
    expect(store.undo(bookId)).toBeNull();
    expect(store.redo(bookId)?.targetSeq).toBe(2);
    expect(store.redo(bookId)?.targetSeq).toBe(7);
    expect(valueOf()?.value).toBe('9.00');
  });

  it('setAmounts is one undo step, even when it touches a cell twice', () => {
    const other = { tableId: 'shanxi-2024/01', side: 'income', rowKey: 'total', columnId: 'amount' } as const;
    const result = store.setAmounts({
      bookId,
      cells: [
        { ...cell, value: '1.00' },
        { ...other, value: '5.00' },
        { ...cell, value: '2.00' },
      ],
    });
    expect(result.changes).toHaveLength(3);
    expect(valueOf()?.value).toBe('2.00');
    store.undo(bookId);
    expect(valueOf()).toStrictEqual(original);
    expect(store.loadBook(bookId).tables[0]!.rows[2]!.values.amount).toStrictEqual({ value: '472.39' });
  });

  it('writing the value a cell already holds is not an edit', () => {
    store.setAmount({ bookId, ...cell, value: '1.00' });
    store.undo(bookId);
    const result = store.setAmount({ bookId, ...cell, value: '472.39' });
    expect(result).toEqual({ changed: false, seq: null, revision: 2, changes: [] });
    expect(store.historyState(bookId).canRedo).toBe(true); // redo stack kept
    expect(store.editLog(bookId)).toHaveLength(3);
  });

  it.each(['1,234', 'abc', '1e5', ' 1', '+1', '01', '1.', '.5', '-0', '-0.00', '１２', '', '12万元'])(
    'rejects %j with a Chinese message and changes nothing',
    (value) => {
      expect(() => store.setAmount({ bookId, ...cell, value })).toThrow(`金额“${value}”不是规范的十进制数字`);
      expect(valueOf()).toStrictEqual(original);
      expect(store.editLog(bookId)).toHaveLength(1);
    },
  );

  it.each(['0', '-1', '0.00', '-472.39', '1234567.1234'])('accepts %j', (value) => {
    expect(store.setAmount({ bookId, ...cell, value }).changed).toBe(true);
    expect(valueOf()?.value).toBe(value);
  });

  it('names an unknown book, table or row in Chinese', () => {
    expect(() => store.setAmount({ ...cell, bookId: 999, value: '1' })).toThrow('找不到编号为 999 的预算本');
    expect(() => store.setAmount({ bookId, ...cell, tableId: 'shanxi-2024/99', value: '1' })).toThrow(
      `预算本 ${bookId} 中没有表“shanxi-2024/99”`,
    );
    expect(() => store.setAmount({ bookId, ...cell, rowKey: '299', value: '1' })).toThrow(
      '表“2024年部门预算收支总表”（支出方）中找不到行“299”',
    );
    // 'income.general' exists, but on the income side only.
    expect(() => store.setAmount({ bookId, ...cell, rowKey: 'income.general', value: '1' })).toThrow(
      /找不到行“income.general”/,
    );
    expect(store.editLog(bookId)).toHaveLength(1);
  });

  it('a failing cell in a batch leaves the whole batch unapplied', () => {
    expect(() =>
      store.setAmounts({
        bookId,
        cells: [
          { ...cell, value: '1.00' },
          { ...cell, rowKey: 'nope', value: '2.00' },
        ],
      }),
    ).toThrow(StoreError);
    expect(valueOf()).toStrictEqual(original);
    expect(store.historyState(bookId)).toEqual({ canUndo: false, canRedo: false, revision: 0 });
  });
});

describe('migration 3: column letters and explanations', () => {
  it('applies on a fresh file', () => {
    openTracked().close();
    const db = raw(dbPath);
    const columns = (db.pragma('table_info(book_tables)') as Array<{ name: string }>).map((c) => c.name);
    const explanationColumns = (db.pragma('table_info(explanations)') as Array<{ name: string; pk: number }>).map(
      (c) => [c.name, c.pk],
    );
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    db.close();
    expect(LATEST_SCHEMA_VERSION).toBe(9);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(columns).toContain('column_letters');
    expect(explanationColumns).toEqual([
      ['book_id', 1],
      ['finding_key', 2],
      ['text', 0],
      ['updated_at', 0],
      ['actor', 0],
    ]);
  });

  it('upgrades a version-2 file: its book loads without column letters or explanations', () => {
    const v2Path = tmp.file('v2.db');
    const v2 = new Database(v2Path);
    v2.pragma('foreign_keys = ON');
    expect(applyMigrations(v2, () => new Date('2024-01-01T00:00:00Z'), migrations.slice(0, 2))).toEqual([1, 2]);
    expect(v2.pragma('user_version', { simple: true })).toBe(2);
    // Written the way the version-2 store wrote a book.
    const at = '2024-01-01T00:00:00.000Z';
    const bookId = Number(
      v2
        .prepare(
          `INSERT INTO books (family_id, year, department, unit, decimals, created_at, updated_at, revision)
           VALUES ('shanxi-2024', 2024, '旧部门', '万元', 2, ?, ?, 0)`,
        )
        .run(at, at).lastInsertRowid,
    );
    v2.prepare("INSERT INTO book_sources (book_id, position, file) VALUES (?, 0, 'old.xlsx')").run(bookId);
    v2.prepare("INSERT INTO units (book_id, position, name, kind, administrative) VALUES (?, 0, '旧部门', '机关', 1)").run(bookId);
    const tableId = Number(
      v2
        .prepare(
          `INSERT INTO book_tables (book_id, table_id, no, title, empty_note, source_file, source_sheet, source_cell)
           VALUES (?, 'shanxi-2024/01', 1, '收支总表', 0, 'old.xlsx', '表一', NULL)`,
        )
        .run(bookId).lastInsertRowid,
    );
    const rowId = Number(
      v2
        .prepare(
          `INSERT INTO book_rows (book_table_id, side, position, row_key, level, name)
           VALUES (?, 'main', 0, 'total', 'total', '合计')`,
        )
        .run(tableId).lastInsertRowid,
    );
    v2.prepare("INSERT INTO amounts (row_id, column_id, value) VALUES (?, 'total', '10.00')").run(rowId);
    v2.prepare(
      `INSERT INTO edit_log (book_id, seq, at, kind, payload) VALUES (?, 1, ?, 'import', '{}')`,
    ).run(bookId, at);
    v2.close();

    const store = openTracked(v2Path);
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    const expected: Book = {
      id: bookId,
      familyId: 'shanxi-2024',
      year: 2024,
      department: '旧部门',
      unit: '万元',
      decimals: 2,
      units: [{ name: '旧部门', kind: '机关', administrative: true }],
      tables: [
        {
          tableId: 'shanxi-2024/01',
          no: 1,
          title: '收支总表',
          emptyNote: false,
          source: { file: 'old.xlsx', sheet: '表一' },
          rows: [{ key: 'total', side: 'main', level: 'total', name: '合计', values: { total: { value: '10.00' } } }],
        },
      ],
      sources: ['old.xlsx'],
    };
    const loaded = store.loadBook(bookId);
    expect(loaded).toStrictEqual(expected);
    expect('columnLetters' in loaded.tables[0]!).toBe(false);
    expect('explanations' in loaded).toBe(false);
    expect(store.explanations(bookId)).toEqual([]);
    // The upgraded file takes explanations like a new one.
    expect(store.setExplanation({ bookId, findingKey: 'k', text: '说明' }).seq).toBe(2);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('round-trips column letters exactly: absent, empty and filled', () => {
    const store = openTracked();
    const book = sampleBook();
    book.tables[0]!.columnLetters = { amount: 'B', total: 'D', current: 'E', carried: 'F' };
    book.tables[2]!.columnLetters = {};
    const id = store.insertBook(book);
    expect(store.loadBook(id)).toStrictEqual({ ...book, id });
    expect('columnLetters' in store.loadBook(id).tables[1]!).toBe(false);

    const db = raw(dbPath);
    const stored = db.prepare('SELECT table_id, column_letters FROM book_tables ORDER BY no').all();
    db.close();
    expect(stored).toEqual([
      { table_id: 'shanxi-2024/01', column_letters: '{"amount":"B","total":"D","current":"E","carried":"F"}' },
      { table_id: 'shanxi-2024/06', column_letters: null },
      { table_id: 'shanxi-2024/07', column_letters: '{}' },
    ]);
  });

  it.each([{ total: 'd' }, { total: 'ABCD' }, { total: 4 as unknown as string }, ['C'] as unknown as Record<string, string>])(
    'rejects column letters %j in Chinese, leaving no trace',
    (letters) => {
      const store = openTracked();
      const book = sampleBook();
      book.tables[1]!.columnLetters = letters;
      expect(() => store.insertBook(book)).toThrow(
        '预算本无法保存：表“2024年一般公共预算安排基本支出分经济科目表（不含上年结转）”的列字母无效',
      );
      expect(counts(dbPath)).toEqual(EMPTY_COUNTS);
    },
  );

  it('insertBook writes the explanations it is given; loadBook returns them sorted by finding key', () => {
    const store = openTracked();
    const book: Book = {
      ...sampleBook(),
      explanations: [
        { findingKey: 't06.tree:main:30101:total', text: '含离退休人员经费', updatedAt: '2024-02-01T00:00:00.000Z' },
        { findingKey: 't02.tree:main:21011:total', text: ' 已与财政核对 ', updatedAt: '2024-02-02T00:00:00.000Z', actor: '李会计' },
      ],
    };
    const id = store.insertBook(book);
    const sorted = [book.explanations![1]!, book.explanations![0]!];
    expect(store.loadBook(id)).toStrictEqual({ ...book, id, explanations: sorted });
    expect(store.explanations(id)).toStrictEqual(sorted);
    // Importing explanations is part of the import, not separate undoable edits.
    expect(store.editLog(id).map((e) => e.kind)).toEqual(['import']);
    expect(store.historyState(id).canUndo).toBe(false);
  });

  it('refuses a book with a duplicate or blank explanation, leaving no trace', () => {
    const store = openTracked();
    const e = { findingKey: 'k', text: '说明', updatedAt: '2024-02-01T00:00:00.000Z' };
    expect(() => store.insertBook({ ...sampleBook(), explanations: [e, e] })).toThrow('审核项“k”的说明出现了两次');
    expect(() => store.insertBook({ ...sampleBook(), explanations: [{ ...e, text: '  ' }] })).toThrow(
      '预算本无法保存：审核项“k”的说明为空或过长',
    );
    expect(counts(dbPath)).toEqual(EMPTY_COUNTS);
  });
});

describe('explanations (审核说明)', () => {
  let store: Store;
  let bookId: number;
  const key = 't02.tree:main:21011:total';
  const cell = { tableId: 'shanxi-2024/01', side: 'expenditure', rowKey: '201', columnId: 'total' } as const;
  /** Time of the edit_log entry `seq`. */
  const at = (seq: number) => store.editLog(bookId).find((e) => e.seq === seq)!.at;
  const texts = () => store.explanations(bookId).map((e) => [e.findingKey, e.text]);

  beforeEach(() => {
    let tick = 0;
    store = openStore(dbPath, { now: () => new Date(Date.UTC(2024, 2, 1, 8, 0, tick++)) });
    open.push(store);
    bookId = store.insertBook(sampleBook(), [], { actor: '导入' }); // tick 0
  });

  it('setExplanation → explanations → undo → redo, with the log showing explain, undo and redo', () => {
    const set = store.setExplanation({ bookId, findingKey: key, text: '  上年含一次性项目  ', actor: '张会计' });
    const change = { findingKey: key, before: null, after: '上年含一次性项目' };
    expect(set).toEqual({ changed: true, seq: 2, revision: 1, change });
    expect(store.explanations(bookId)).toStrictEqual([
      { findingKey: key, text: '上年含一次性项目', updatedAt: at(2), actor: '张会计' },
    ]);
    expect(store.loadBook(bookId).explanations).toStrictEqual(store.explanations(bookId));
    expect(store.historyState(bookId)).toEqual({ canUndo: true, canRedo: false, revision: 1 });

    const undone = store.undo(bookId);
    const back = { findingKey: key, before: '上年含一次性项目', after: null };
    expect(undone).toEqual({ seq: 3, targetSeq: 2, revision: 2, changes: [], explanation: back });
    expect(store.explanations(bookId)).toEqual([]);
    expect('explanations' in store.loadBook(bookId)).toBe(false);
    expect(store.undo(bookId)).toBeNull();

    const redone = store.redo(bookId);
    expect(redone).toEqual({ seq: 4, targetSeq: 2, revision: 3, changes: [], explanation: change });
    // Put back by redo: the redo's time, no actor (the log says who wrote it).
    expect(store.explanations(bookId)).toStrictEqual([{ findingKey: key, text: '上年含一次性项目', updatedAt: at(4) }]);
    expect(store.redo(bookId)).toBeNull();

    const log = store.editLog(bookId);
    expect(log.map((e) => [e.seq, e.kind, e.actor, e.undone, e.discardedBy])).toEqual([
      [1, 'import', '导入', false, null],
      [2, 'explain', '张会计', false, null],
      [3, 'undo', null, false, null],
      [4, 'redo', null, false, null],
    ]);
    expect(log[1]!.payload).toEqual(change);
    expect(log[2]!.payload).toEqual({ targetSeq: 2, changes: [], explanation: back });
    expect(log[3]!.payload).toEqual({ targetSeq: 2, changes: [], explanation: change });
    expect(store.listBooks()[0]).toMatchObject({ revision: 3, updatedAt: at(4) });
    expect(new Set(log.map((e) => e.at)).size).toBe(4);
  });

  it('replacing a text logs before and after; undo restores the earlier text', () => {
    store.setExplanation({ bookId, findingKey: key, text: '第一稿' });
    const second = store.setExplanation({ bookId, findingKey: key, text: '第二稿', actor: '王科长' });
    expect(second.change).toEqual({ findingKey: key, before: '第一稿', after: '第二稿' });
    expect(store.undo(bookId)?.explanation).toEqual({ findingKey: key, before: '第二稿', after: '第一稿' });
    expect(texts()).toEqual([[key, '第一稿']]);
  });

  it('the same text again (after trimming) is not logged and keeps the redo stack', () => {
    store.setExplanation({ bookId, findingKey: key, text: '说明' });
    store.setExplanation({ bookId, findingKey: 'other', text: '另一条' });
    store.undo(bookId);
    expect(store.setExplanation({ bookId, findingKey: key, text: ' 说明\n' })).toEqual({
      changed: false,
      seq: null,
      revision: 3,
      change: null,
    });
    // Clearing what is not there is a no-op too.
    expect(store.setExplanation({ bookId, findingKey: 'none', text: null }).changed).toBe(false);
    expect(store.historyState(bookId)).toEqual({ canUndo: true, canRedo: true, revision: 3 });
    expect(store.editLog(bookId)).toHaveLength(4);
  });

  it.each([null, '', '   \n\t'])('text %j clears the explanation; undo brings it back', (text) => {
    store.setExplanation({ bookId, findingKey: key, text: '说明', actor: '张会计' });
    store.setExplanation({ bookId, findingKey: 'keep', text: '保留' });
    const cleared = store.setExplanation({ bookId, findingKey: key, text, actor: '张会计' });
    expect(cleared).toMatchObject({ changed: true, seq: 4, change: { findingKey: key, before: '说明', after: null } });
    expect(texts()).toEqual([['keep', '保留']]);
    store.undo(bookId);
    expect(texts()).toEqual([
      ['keep', '保留'],
      [key, '说明'],
    ]);
  });

  it('refuses text over 2,000 characters in Chinese and changes nothing', () => {
    expect(MAX_EXPLANATION_LENGTH).toBe(2000);
    const longest = '说'.repeat(2000);
    expect(store.setExplanation({ bookId, findingKey: key, text: `  ${longest}  ` }).changed).toBe(true);
    expect(() => store.setExplanation({ bookId, findingKey: key, text: `${longest}明` })).toThrow(
      '审核说明最多 2000 个字，当前有 2001 个字，请精简后再保存',
    );
    // Characters, not UTF-16 units: 2,000 astral characters are fine.
    expect(store.setExplanation({ bookId, findingKey: 'astral', text: '𠀀'.repeat(2000) }).changed).toBe(true);
    expect(texts()).toEqual([
      ['astral', '𠀀'.repeat(2000)],
      [key, longest],
    ]);
    expect(store.editLog(bookId)).toHaveLength(3);
  });

  it('names an unknown book in Chinese and refuses an empty finding key', () => {
    expect(() => store.setExplanation({ bookId: 999, findingKey: key, text: '说明' })).toThrow('找不到编号为 999 的预算本');
    expect(() => store.explanations(999)).toThrow('找不到编号为 999 的预算本');
    expect(() => store.setExplanation({ bookId, findingKey: '', text: '说明' })).toThrow('审核项编号不能为空');
    expect(store.editLog(bookId)).toHaveLength(1);
  });

  it('undo and redo walk amount edits and explanations in order; a new explanation discards the redo stack', () => {
    store.setAmount({ bookId, ...cell, value: '1.00' }); // seq 2
    store.setExplanation({ bookId, findingKey: key, text: '改为 1.00 的原因' }); // seq 3
    store.setAmount({ bookId, ...cell, value: '2.00' }); // seq 4
    const amount = () => store.loadBook(bookId).tables[0]!.rows[1]!.values.total?.value;

    const amountUndo = store.undo(bookId)!;
    expect(amountUndo.targetSeq).toBe(4);
    expect('explanation' in amountUndo).toBe(false);
    expect([amount(), texts()]).toEqual(['1.00', [[key, '改为 1.00 的原因']]]);
    expect(store.undo(bookId)).toMatchObject({ targetSeq: 3, changes: [] });
    expect([amount(), texts()]).toEqual(['1.00', []]);
    expect(store.undo(bookId)?.targetSeq).toBe(2);
    expect([amount(), texts()]).toEqual(['472.39', []]);
    expect(store.undo(bookId)).toBeNull();

    expect(store.redo(bookId)?.targetSeq).toBe(2);
    expect(store.redo(bookId)?.targetSeq).toBe(3);
    expect([amount(), texts()]).toEqual(['1.00', [[key, '改为 1.00 的原因']]]);

    // seq 4 is still on the redo stack; a new explanation discards it.
    store.setExplanation({ bookId, findingKey: 'other', text: '另一条' }); // seq 10
    expect(store.historyState(bookId).canRedo).toBe(false);
    expect(store.editLog(bookId).find((e) => e.seq === 4)).toMatchObject({ undone: true, discardedBy: 10 });
    expect(store.editLog(bookId).map((e) => e.kind)).toEqual([
      'import',
      'setAmount',
      'explain',
      'setAmount',
      'undo',
      'undo',
      'undo',
      'redo',
      'redo',
      'explain',
    ]);
  });
});

describe('crash safety', () => {
  it('a process killed in the middle of an import leaves a sound file without the book', () => {
    const store = openTracked();
    const keep = store.insertBook(sampleBook());
    store.close();

    const script = tmp.file('crash.ts');
    const bookJson = tmp.file('large-book.json');
    writeFileSync(bookJson, JSON.stringify(largeBook()));
    const storeModule = resolve('src/main/store/index.ts').replace(/\\/g, '/');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { openStore } from ${JSON.stringify(storeModule)};
const store = openStore(${JSON.stringify(dbPath)});
const book = JSON.parse(readFileSync(${JSON.stringify(bookJson)}, 'utf8'));
store.insertBook(book, [], { onProgress: (written) => { if (written >= 3000) process.kill(process.pid, 'SIGKILL'); } });
console.log('not killed');
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(child.error).toBeUndefined();
    expect(child.stderr).not.toMatch(/Error/);
    expect(child.stdout).not.toContain('not killed');
    if (process.platform === 'win32') expect(child.status).not.toBe(0);
    else expect(child.signal).toBe('SIGKILL');

    const reopened = openTracked();
    expect(reopened.integrityCheck()).toBe('ok');
    expect(reopened.listBooks().map((b) => b.id)).toEqual([keep]);
    expect(reopened.loadBook(keep)).toStrictEqual({ ...sampleBook(), id: keep });
  });
});

describe('migration 6: findings summary per book revision', () => {
  const counted = { errors: 2, warnings: 3, infos: 1 };

  it('keeps one summary per book, the newest revision, and never one for a book that is gone', () => {
    const store = openStore(dbPath, { now: () => new Date('2024-03-01T08:00:00Z') });
    open.push(store);
    const id = store.insertBook(sampleBook());
    expect(store.findingsSummaries()).toEqual([]);
    expect(store.recordFindingsSummary({ bookId: id, revision: 0, rules: 'r1', summary: counted })).toBe(true);
    expect(store.findingsSummaries()).toEqual([{ bookId: id, revision: 0, rules: 'r1', ...counted, computedAt: '2024-03-01T08:00:00.000Z' }]);
    // A newer revision replaces it; an older one (another process behind us) does not.
    expect(store.recordFindingsSummary({ bookId: id, revision: 2, rules: 'r1', summary: { errors: 0, warnings: 1, infos: 0 } })).toBe(true);
    expect(store.recordFindingsSummary({ bookId: id, revision: 1, rules: 'r1', summary: counted })).toBe(false);
    expect(store.findingsSummaries()).toMatchObject([{ bookId: id, revision: 2, errors: 0, warnings: 1, infos: 0 }]);
    // The same revision counted by other rules replaces it.
    expect(store.recordFindingsSummary({ bookId: id, revision: 2, rules: 'r2', summary: counted })).toBe(true);
    expect(store.findingsSummaries()).toMatchObject([{ bookId: id, revision: 2, rules: 'r2', ...counted }]);
    expect(store.recordFindingsSummary({ bookId: 9999, revision: 0, rules: 'r1', summary: counted })).toBe(false);
    store.deleteBook(id);
    expect(store.findingsSummaries()).toEqual([]);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('is a STRICT table that refuses negative counts, and the connection stays at synchronous = FULL', () => {
    const store = openTracked();
    const id = store.insertBook(sampleBook());
    expect(() => store.recordFindingsSummary({ bookId: id, revision: 0, rules: 'r', summary: { errors: -1, warnings: 0, infos: 0 } })).toThrow();
    store.recordFindingsSummary({ bookId: id, revision: 0, rules: 'r', summary: counted });
    const db = raw(store.path);
    const columns = (db.pragma('table_info(findings_summaries)') as Array<{ name: string; pk: number }>).map((c) => [c.name, c.pk]);
    db.close();
    expect(columns).toEqual([
      ['book_id', 1],
      ['revision', 0],
      ['rules', 0],
      ['errors', 0],
      ['warnings', 0],
      ['infos', 0],
      ['computed_at', 0],
    ]);
  });

  it('writes the cache row without its own fsync, and leaves the connection at synchronous = FULL', () => {
    const store = openTracked();
    const id = store.insertBook(sampleBook());
    store.close();
    const db = openDatabase(dbPath, () => new Date());
    const summaries = createSummaryRepository(db, () => new Date());
    expect(summaries.record({ bookId: id, revision: 0, rules: 'r', summary: counted })).toBe(true);
    // FULL = 2: every edit after a summary write is as durable as before.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // Inside a caller's transaction the safety level cannot change; the row is written all the same.
    db.transaction(() => summaries.record({ bookId: id, revision: 1, rules: 'r', summary: counted }))();
    expect(summaries.all()).toMatchObject([{ bookId: id, revision: 1 }]);
    db.close();
  });
});
