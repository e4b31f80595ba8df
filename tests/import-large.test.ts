// The synthetic large department book (DESIGN.md §8: 5,000 project rows, 2,000 coded rows) imports completely
// and exactly: every table, every row in its place, every amount, and not one warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book, BookRow, BookTable, Notice } from '../src/shared/book';
import { importWorkbooks } from '../src/main/import/import-book';
import { Dec } from '../src/shared/money';
import { writeLargeWorkbook, type LargeWorkbookFacts } from './helpers/large-workbook';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let facts: LargeWorkbookFacts;
let book: Book;
let notices: Notice[];

beforeAll(async () => {
  tmp = makeTmpDir('import-large-');
  const file = tmp.file('large-department.xlsx');
  facts = await writeLargeWorkbook(file);
  ({ book, notices } = await importWorkbooks([file]));
});

afterAll(() => tmp?.remove());

const table = (no: number): BookTable => {
  const found = book.tables.find((t) => t.no === no);
  if (!found) throw new Error(`表${no} 未导入`);
  return found;
};

const CODED = new Set(['class', 'section', 'item']);
const codedRowsOf = (t: BookTable): BookRow[] => t.rows.filter((r) => CODED.has(r.level));
const totalRowOf = (t: BookTable): BookRow | undefined => t.rows.find((r) => r.level === 'total');
const value = (row: BookRow | undefined, column: string): string | undefined => row?.values[column]?.value;

/** Every 类/款 equals the exact sum of its 款/项, and 合计 the sum of the 类, in every amount column. */
function treeMismatches(t: BookTable): string[] {
  const rows = codedRowsOf(t);
  const columns = new Set(t.rows.flatMap((r) => Object.keys(r.values)));
  const problems: string[] = [];
  const parents: { row: BookRow; children: BookRow[] }[] = [{ row: totalRowOf(t) as BookRow, children: rows.filter((r) => r.code?.length === 3) }];
  for (const row of rows) {
    const code = row.code ?? '';
    if (code.length < 7) parents.push({ row, children: rows.filter((r) => r.code?.length === code.length + 2 && r.code.startsWith(code)) });
  }
  for (const { row, children } of parents) {
    for (const column of columns) {
      const sum = children.reduce((acc, child) => acc.plus(value(child, column) ?? 0), new Dec(0));
      const own = new Dec(value(row, column) ?? 0);
      if (!own.equals(sum)) problems.push(`表${t.no} ${row.code ?? '合计'} ${column}: ${own.toFixed(2)} ≠ Σ ${sum.toFixed(2)}`);
    }
  }
  return problems;
}

describe('large synthetic department workbook', () => {
  it('recognises all 13 tables with the book metadata and raises no warnings or errors', () => {
    expect(book.familyId).toBe('shanxi-2024');
    expect(book.year).toBe(facts.year);
    expect(book.department).toBe(facts.department);
    expect(book.unit).toBe('万元');
    expect(book.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(notices.filter((n) => n.level === '警告' || n.level === '错误')).toEqual([]);
  });

  it('imports every row and every amount cell the workbook holds', () => {
    const rowsByTable = Object.fromEntries(book.tables.map((t) => [t.no, t.rows.length]));
    expect(rowsByTable).toEqual(facts.rowsByTable);
    expect(book.tables.reduce((n, t) => n + t.rows.length, 0)).toBe(facts.totalRows);
    expect(book.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + Object.keys(r.values).length, 0), 0)).toBe(facts.amountCells);
  });

  it('gives every row a key unique within its table side', () => {
    for (const t of book.tables) {
      const keys = t.rows.map((r) => `${r.side}/${r.key}`);
      expect(new Set(keys).size, `表${t.no}`).toBe(keys.length);
    }
  });

  it('reads 表十二 as one department, its units and exactly the generated projects under the right unit', () => {
    const rows = table(12).rows;
    expect(rows[0]?.level).toBe('department');
    expect(value(rows[0], 'total')).toBe(facts.table12DepartmentTotal);

    const units = rows.filter((r) => r.level === 'unit');
    expect(units.map((r) => r.name)).toEqual(facts.units.map((u) => u.name));
    expect(units.map((r) => value(r, 'total'))).toEqual(facts.units.map((u) => u.total));

    const projects = rows.filter((r) => r.level === 'project');
    expect(projects).toHaveLength(facts.projectRows);
    expect(rows).toHaveLength(1 + facts.units.length + facts.projectRows);
    const perUnit = new Map<string, number>();
    let current: string | undefined;
    const misplaced: string[] = [];
    for (const row of rows) {
      if (row.level === 'unit') current = row.name;
      if (row.level !== 'project') continue;
      if (row.unitName !== current || !/^[ZJB]\D/.test(row.name)) misplaced.push(`${row.name} → ${row.unitName ?? '(无)'}`);
      perUnit.set(row.unitName ?? '', (perUnit.get(row.unitName ?? '') ?? 0) + 1);
    }
    expect(misplaced).toEqual([]);
    expect(Object.fromEntries(perUnit)).toEqual(Object.fromEntries(facts.units.map((u) => [u.name, u.projects])));

    // department = Σ units = Σ projects, in every column
    for (const column of ['total', 'gpb', 'gfb', 'fsm', 'unitFunds']) {
      const sumOf = (list: BookRow[]): string => list.reduce((acc, r) => acc.plus(value(r, column) ?? 0), new Dec(0)).toFixed(2);
      const department = new Dec(value(rows[0], column) ?? 0).toFixed(2);
      expect(sumOf(units), column).toBe(department);
      expect(sumOf(projects), column).toBe(department);
    }
  });

  it('reads 表二, 表三 and 表五 as 合计 plus every coded row, with exact totals', () => {
    for (const no of [2, 3, 5]) {
      const t = table(no);
      expect(t.rows[0]?.level, `表${no}`).toBe('total');
      expect(t.rows.filter((r) => r.level === 'total'), `表${no}`).toHaveLength(1);
      expect(codedRowsOf(t), `表${no}`).toHaveLength(facts.codedRows);
      expect(t.rows, `表${no}`).toHaveLength(facts.codedRows + 1);
      expect(treeMismatches(t)).toEqual([]);
    }
    expect(value(totalRowOf(table(2)), 'total')).toBe(facts.table2Total);
    expect(value(totalRowOf(table(3)), 'total')).toBe(facts.table2Total);
    expect(value(totalRowOf(table(3)), 'project')).toBe(facts.table12DepartmentTotal);
    expect(value(totalRowOf(table(5)), 'basic')).toBe(facts.table5BasicTotal);
    // 表二 and 表三 list the same codes.
    expect(codedRowsOf(table(3)).map((r) => r.code)).toEqual(codedRowsOf(table(2)).map((r) => r.code));
  });

  it('carries the totals into 表一, 表四 and 表六', () => {
    const t1 = table(1).rows;
    expect(value(t1.find((r) => r.side === 'income' && r.key === 'incomeTotal'), 'incomeAmount')).toBe(facts.table2Total);
    expect(value(t1.find((r) => r.side === 'expenditure' && r.key === 'expGrandTotal'), 'expTotal')).toBe(facts.table2Total);
    const classRows = codedRowsOf(table(3)).filter((r) => r.level === 'class');
    for (const cls of classRows) {
      expect(value(t1.find((r) => r.side === 'expenditure' && r.code === cls.code), 'expTotal'), cls.code).toBe(value(cls, 'total'));
    }
    const t2Total = totalRowOf(table(2));
    const t4 = table(4).rows;
    expect(value(t4.find((r) => r.side === 'income' && r.key === 'gpb'), 'incomeAmount')).toBe(value(t2Total, 'gpb'));
    expect(value(totalRowOf(table(6)), 'total')).toBe(facts.table5BasicTotal);
  });
});
