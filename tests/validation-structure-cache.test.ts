// Structural findings (codes, names against the catalogue, one name per code) are reused while a book's structure
// is unchanged, and recomputed the moment a code, a name or a row changes — never stale.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { Validator } from '../src/shared/validation';
import { structureKey } from '../src/shared/validation/structural-cache';
import { DATONG_XLSX } from './helpers/seed';

let book: Book;
beforeAll(async () => {
  book = (await importWorkbooks([DATONG_XLSX])).book;
});

const fresh = (): Book => structuredClone(book);
const keysOf = (b: Book, rule: string): string[] => new Validator(b).findings().filter((f) => f.rule.includes(rule)).map((f) => `${f.severity} ${f.key}`);

/** A coded row of 表二 with a 项 code (7 digits). */
function itemRow(b: Book) {
  const row = b.tables.find((t) => t.tableId === 't02')?.rows.find((r) => r.code?.length === 7);
  if (!row) throw new Error('表二 has no 项 row');
  return row;
}

describe('structural findings cache', () => {
  it('gives the same findings for the same structure, in a new book object too', () => {
    const first = new Validator(fresh()).findings();
    const again = new Validator(fresh()).findings();
    expect(again).toEqual(first);
    expect(structureKey(fresh())).toBe(structureKey(fresh()));
  });

  it('sees a renamed row at once (catalogue name and one name per code)', () => {
    const before = keysOf(fresh(), 'code.');
    const renamed = fresh();
    const row = itemRow(renamed);
    row.name = `${row.name}（改）`;
    const after = keysOf(renamed, 'code.');
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.some((k) => k.includes(row.key) || k.includes(row.code ?? '?'))).toBe(true);
    // and back: the original structure's findings return
    expect(keysOf(fresh(), 'code.')).toEqual(before);
  });

  it('sees a broken code and a removed parent row', () => {
    const broken = fresh();
    const row = itemRow(broken);
    row.code = `${row.code ?? ''}9`;
    expect(new Validator(broken).findings().some((f) => f.message.includes('位数不对'))).toBe(true);

    const orphaned = fresh();
    const t02 = orphaned.tables.find((t) => t.tableId === 't02');
    const child = itemRow(orphaned);
    if (!t02) throw new Error('no 表二');
    t02.rows = t02.rows.filter((r) => r.code !== child.code?.slice(0, 5));
    expect(new Validator(orphaned).findings().some((f) => f.message.includes('缺少上级科目行'))).toBe(true);
    expect(new Validator(fresh()).findings().some((f) => f.message.includes('缺少上级科目行'))).toBe(false);
  });

  it('changes its key with anything a location names, and not with figures', () => {
    const moved = fresh();
    const row = itemRow(moved);
    row.source = { ...row.source, cell: 'Z999' };
    expect(structureKey(moved)).not.toBe(structureKey(book));
    const refigured = fresh();
    const amount = Object.values(itemRow(refigured).values)[0];
    if (amount) amount.value = '123456.78';
    expect(structureKey(refigured)).toBe(structureKey(book));
  });
});

describe('compiled checks reused for the same book', () => {
  /** 表二's first 项 row and its first amount column. */
  const firstFigure = (b: Book) => {
    const row = itemRow(b);
    const column = Object.keys(row.values)[0] as string;
    return { row, column };
  };
  const errorsAt = (b: Book, rowKey: string) => new Validator(b).findings().filter((f) => f.severity === 'error' && f.locations.some((l) => l.rowKey === rowKey));

  it('reads figures changed behind its back, and agrees with a fresh copy', () => {
    const b = fresh();
    expect(new Validator(b).findings().filter((f) => f.severity === 'error')).toEqual([]);
    const { row, column } = firstFigure(b);
    (row.values[column] as { value: string }).value = '999999.99';
    const reused = new Validator(b).findings();
    expect(errorsAt(b, row.key).length).toBeGreaterThan(0);
    expect(reused).toEqual(new Validator(structuredClone(b)).findings());
    delete row.values[column];
    expect(new Validator(b).findings()).toEqual(new Validator(structuredClone(b)).findings());
  });

  it('compiles afresh when a row object is replaced, a row is added, or a figure needs more decimals', () => {
    const b = fresh();
    new Validator(b).findings();
    const t02 = b.tables.find((t) => t.tableId === 't02');
    if (!t02) throw new Error('no 表二');
    const { row, column } = firstFigure(b);
    const index = t02.rows.indexOf(row);
    const replaced = { ...row, values: { ...row.values, [column]: { value: '888888.88' } } };
    t02.rows[index] = replaced; // same key, new object: the old checks would read the old row
    expect(errorsAt(b, row.key).length).toBeGreaterThan(0);
    expect(new Validator(b).findings()).toEqual(new Validator(structuredClone(b)).findings());
    (replaced.values[column] as { value: string }).value = '1.005';
    expect(new Validator(b).findings()).toEqual(new Validator(structuredClone(b)).findings());
  });

  it('keeps an editing validator right while another validates the same book', () => {
    const b = fresh();
    const editing = new Validator(b);
    const { row, column } = firstFigure(b);
    const original = row.values[column]?.value ?? '0';
    editing.setValue('t02', 'main', row.key, column, '777.77');
    const other = new Validator(b).findings();
    expect(other).toEqual(editing.findings());
    editing.setValue('t02', 'main', row.key, column, original);
    expect(editing.findings()).toEqual(new Validator(structuredClone(b)).findings());
    expect(new Validator(b).findings()).toEqual(editing.findings());
  });
});
