// The 上海 部门/单位预算 families on twelve real published documents (2023–2026), each rebuilt as the clerk's
// workbook from the official template (tests/fixtures/real, see its README). Every printed figure must land in
// its table, row and column; the checker must report exactly the publishers' real inconsistencies, found by
// recomputing every sum (scripts/audit/real-inconsistencies.md), and nothing else as an error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book, BookRow, Notice } from '../src/shared/book';
import { toDump } from '../src/shared/dump';
import { findFamily } from '../src/shared/template/registry';
import { substituteYear } from '../src/shared/template/types';
import { Validator, type Finding } from '../src/shared/validation';
import { contentOf } from './helpers/dump-match';
import { misplacedFigures, realWorkbook } from './helpers/real-documents';

const tmp = mkdtempSync(join(tmpdir(), 'family-shanghai-'));

interface RealDocument {
  name: string;
  /** Error findings as `rule @ cell: actual vs expected`, exactly. */
  errors: string[];
  /** How many 尾差 warnings (sums of whole-元 figures within their rounding tolerance). */
  tails: number;
}

const DOCUMENTS: RealDocument[] = [
  { name: 'shanghai-putuo-wanlijd-2023', errors: [], tails: 0 },
  { name: 'shanghai-putuo-wanlijd-2024', errors: [], tails: 0 },
  // 212 01 城乡社区管理事务 94,995,790 vs its parts 94,995,789 (and 212 the other way): whole 元, within 尾差.
  { name: 'shanghai-putuo-wanlijd-2025', errors: [], tails: 10 },
  { name: 'shanghai-putuo-sfj-2026', errors: [], tails: 0 },
  {
    name: 'shanghai-putuo-sfj-unit-2026',
    errors: [
      // 101,200 元 is 人员经费 in 财务收支预算总表 and 公用经费 in the 经济分类预算表.
      'x.t01-t08.personnel @ 单位收支总表!E21: 20374181.00 vs 20272981.00',
      'x.t01-t08.public @ 单位收支总表!F21: 1744680.00 vs 1845880.34',
      // 204 06 01 行政运行 prints the class's 项目支出 64,840,547.00 in a row whose 合计 = 基本支出 (also flagged by the
      // finance bureau's reviewers), in 支出预算总表 and 一般公共预算支出功能分类预算表 alike.
      't03.row @ 单位支出总表!E11: 14348853.34 vs 79189400.34',
      't03.tree @ 单位支出总表!G10: 64840547.00 vs 129681094.00',
      't05.row @ 单位一般公共预算拨款表!E11: 14348853.34 vs 79189400.34',
      't05.tree @ 单位一般公共预算拨款表!G10: 64840547.00 vs 129681094.00',
    ],
    // 0.34 元 between whole-元 cells (22,118,861) and the 分 cells beside them.
    tails: 6,
  },
  { name: 'shanghai-putuo-swj-2025', errors: [], tails: 0 },
  { name: 'shanghai-putuo-swj-unit-2025', errors: [], tails: 0 },
  { name: 'shanghai-putuo-czj-2025', errors: [], tails: 0 },
  { name: 'shanghai-putuo-zfb-2025', errors: [], tails: 0 },
  { name: 'shanghai-putuo-zfb-unit-2025', errors: [], tails: 0 },
  {
    name: 'shanghai-putuo-flyuan-unit-2024',
    errors: [
      // 210 11 02 事业单位医疗 printed with 类 "7" in 支出预算总表 and 一般公共预算支出功能分类预算表 (not in 收入预算总表).
      'code.structure @ 单位支出总表!A19: - vs -',
      'code.structure @ 单位一般公共预算拨款表!A19: - vs -',
      'x.t02-t03.code @ 单位收入总表!E19: 503724.00 vs 0.00',
      'x.t02-t03.code @ 单位支出总表!E19: 503724.00 vs 0.00',
    ],
    tails: 0,
  },
  // 302 商品和服务支出 24,840,779 vs its 款 24,840,778: whole 元, within 尾差.
  { name: 'shanghai-shiji-czj-unit-2025', errors: [], tails: 2 },
];

const describeError = (f: Finding): string => `${f.rule} @ ${f.locations[0]?.sheet}!${f.locations[0]?.cell}: ${f.actual ?? '-'} vs ${f.expected ?? '-'}`;

async function load(name: string): Promise<Book> {
  return (await importWorkbooks([realWorkbook(name)])).book;
}

describe.each(DOCUMENTS)('$name', (doc) => {
  it('is detected as its family and every printed figure lands in its table, row and column', async () => {
    const book = await load(doc.name);
    expect(book.familyId).toBe(doc.name.includes('-unit-') ? 'shanghai-2026-unit' : 'shanghai-2026-department');
    expect(book.tables).toHaveLength(9);
    expect(misplacedFigures(book, doc.name)).toEqual([]);
  });

  it('reports exactly the publisher’s real inconsistencies', async () => {
    const findings = new Validator(await load(doc.name)).findings();
    expect(findings.filter((f) => f.severity === 'error').map(describeError).sort()).toEqual([...doc.errors].sort());
    expect(findings.filter((f) => f.roundingTail).length).toBe(doc.tails);
  });
});

describe.each(DOCUMENTS)('$name: export → import', (doc) => {
  it('gives the same book, the same findings, and the template’s look (split codes, 编制部门, 万元 三公, formats)', async () => {
    const { book, notices } = await importWorkbooks([realWorkbook(doc.name)]);
    const out = join(tmp, `${doc.name}.xlsx`);
    await exportBook(book, out, 'never');
    const again = await importWorkbooks([out]);
    expect(again.book.familyId).toBe(book.familyId);
    // Titles print as the template spells them (a 三公 title printed without its year gets it back).
    const family = findFamily(book.familyId);
    expect(again.book.tables.map((t) => t.title)).toEqual(book.tables.map((t) => substituteYear(family?.tables.find((d) => d.id === t.tableId)?.title ?? '', book.year)));
    const content = (b: Book, n: Notice[]) => contentOf(toDump({ ...b, tables: b.tables.map((t) => ({ ...t, title: '' })) }, n));
    expect(content(again.book, again.notices)).toEqual(content(book, notices));
    // The same errors and warnings, except the empty-table note, which the export writes from the figures: under
    // empty tables (an info before), never under figures (wanlijd 2024 printed 本表为空表 under its 三公 figures).
    const keys = (b: Book) => new Validator(b).findings().filter((f) => f.rule !== 'table.emptyNote').map((f) => `${f.key}|${f.severity}`);
    expect(keys(again.book)).toEqual(keys(book));
  });
});

/** The first cell of a table that holds a figure a sum reads: an item or fixed row, else the 合计 row. */
function leafCell(book: Book, tableId: string): { row: BookRow; column: string } {
  const def = findFamily(book.familyId)?.tables.find((t) => t.id === tableId);
  const amountColumns = new Set(def?.sides.flatMap((side) => side.columns.filter((c) => c.kind === 'amount').map((c) => c.id)));
  const rows = book.tables.find((t) => t.tableId === tableId)?.rows ?? [];
  for (const row of [...rows.filter((r) => r.level !== 'total'), ...rows]) {
    const column = Object.keys(row.values).find((c) => amountColumns.has(c) && row.values[c]?.value !== '0');
    if (column) return { row, column };
  }
  const total = rows.find((r) => r.level === 'total') as BookRow;
  return { row: total, column: def?.sides[0]?.columns.find((c) => c.kind === 'amount')?.id ?? 'total' };
}

describe.each(['shanghai-putuo-swj-2025', 'shanghai-putuo-swj-unit-2025'])('%s: one figure changed in each table', (name) => {
  it.each(['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09'])('%s is reported as an error at that cell', async (tableId) => {
    const { book } = await importWorkbooks([realWorkbook(name)]);
    const { row, column } = leafCell(book, tableId);
    const before = row.values[column]?.value ?? '0';
    row.values[column] = { value: String(Number(before) + 1000) };
    const errors = new Validator(book).findings().filter((f) => f.severity === 'error');
    const atCell = errors.filter((f) => f.locations.some((l) => l.tableId === tableId && (l.side ?? 'main') === row.side && l.rowKey === row.key && l.columnId === column));
    expect(atCell.length, `${tableId} ${row.key} ${column}`).toBeGreaterThan(0);
  });
});

describe('the exported workbook looks like the official template', () => {
  it('prints 编制部门, split 类|款|项 cells, formats as printed, and the 三公 table in 万元', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const read = async (name: string) => {
      const out = join(tmp, `${name}-look.xlsx`);
      await exportBook((await importWorkbooks([realWorkbook(name)])).book, out, 'never');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      return workbook;
    };
    const cents = await read('shanghai-putuo-sfj-2026');
    const income = cents.getWorksheet('部门收入总表');
    expect(income?.getCell('A2').value).toBe('编制部门：上海市普陀区司法局');
    const labels = (row: number) => [1, 2, 3, 4].map((c) => income?.getCell(row, c).value);
    expect(labels(5)).toEqual(['类', '款', '项', '功能分类科目名称']);
    const line = [...Array(40).keys()].map((i) => i + 6).find((r) => income?.getCell(r, 4).value === '行政运行') ?? 0;
    expect(labels(line)).toEqual(['204', '06', '01', '行政运行']);
    expect(income?.getCell(line, 5)).toMatchObject({ value: 16726725.44, numFmt: '#,##0.00' });
    const threePublic = cents.getWorksheet('部门“三公”经费和机关运行费预算表');
    expect(threePublic?.getCell('G2').value).toBe('单位：万元');
    expect([1, 3, 7].map((c) => threePublic?.getCell(6, c).value)).toEqual([10.81, 0.83, 217.83]);

    const whole = await read('shanghai-putuo-wanlijd-2023');
    const total = whole.getWorksheet('部门收支总表')?.getCell('B6');
    expect(total).toMatchObject({ value: 164978640, numFmt: '#,##0' });
  });
});
