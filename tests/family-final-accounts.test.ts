// 部门决算 (mof-final-accounts) on the real published 2024 决算 of three 普陀区 departments and the PLANTED copy:
// every printed figure lands in its table, row and column; the validator reports exactly the documents' own
// inconsistencies (recomputed by hand, listed below with their figures); one changed figure per table is
// reported at that cell; export → import gives the same book.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { importWorkbooks, type ImportResult } from '../src/main/import/import-book';
import type { Book, BookRow } from '../src/shared/book';
import { toDump } from '../src/shared/dump';
import { planTable } from '../src/shared/export/layout';
import { Dec } from '../src/shared/money';
import { MOF_FINAL_ACCOUNTS } from '../src/shared/template/families/mof-final-accounts';
import { newBook } from '../src/shared/template/new-book';
import { rowLabelKey } from '../src/shared/text';
import { Validator, type Finding, type Severity } from '../src/shared/validation';
import { layoutOfTable, parseJuesuanText, type JuesuanDocument } from '../scripts/fixtures/juesuan-text';
import { contentOf } from './helpers/dump-match';
import { expectPerturbation, type PerturbCase } from './helpers/perturb';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const FAMILY = 'mof-final-accounts';
const REAL = join(__dirname, 'fixtures', 'real');
const CZJ = 'shanghai-putuo-czj-2024-juesuan';
const GHZYJ = 'shanghai-putuo-ghzyj-2024-juesuan';
const SHGZB = 'shanghai-putuo-shgzb-2024-juesuan';
const PLANTED = 'shanghai-putuo-czj-2024-juesuan-PLANTED';
const DOCUMENTS = [CZJ, GHZYJ, SHGZB, PLANTED] as const;
type Name = (typeof DOCUMENTS)[number];

const xlsx = (name: Name): string => join(REAL, `${name}.xlsx`);
const text = (name: Name): string => readFileSync(join(REAL, 'text', `${name}.txt`), 'utf8');

const imported = new Map<Name, ImportResult>();
let tmp: TmpDir;
beforeAll(async () => {
  tmp = makeTmpDir('juesuan-');
  for (const name of DOCUMENTS) imported.set(name, await importWorkbooks([xlsx(name)], { familyId: FAMILY }));
});
afterAll(() => tmp?.remove());

const bookOf = (name: Name): Book => (imported.get(name) as ImportResult).book;

// ── every printed figure ────────────────────────────────────────────────────────────────────────────────

interface Figure {
  table: number;
  side: 'main' | 'income' | 'expenditure';
  /** Row code, 'total', the fixed-row label key, or 'amounts' (三公). */
  row: string;
  /** nth row of the same label on that side (财政拨款收支总表 prints 一般公共预算财政拨款 twice). */
  occurrence: number;
  column: string;
  printed: string;
}

const amountColumns = (no: number, side: string): string[] =>
  MOF_FINAL_ACCOUNTS.tables[no - 1]?.sides.find((s) => s.id === side)?.columns.filter((c) => c.kind === 'amount').map((c) => c.id) ?? [];

/** The figures of the text as (table, side, row, column): the independent expectation for the import. */
function printedFigures(doc: JuesuanDocument): Figure[] {
  const out: Figure[] = [];
  for (const table of doc.tables) {
    const seen = new Map<string, number>();
    const add = (side: Figure['side'], row: string, amounts: string[]): void => {
      const occurrence = seen.get(`${side}|${row}`) ?? 0;
      seen.set(`${side}|${row}`, occurrence + 1);
      amountColumns(table.no, side).forEach((column, i) => {
        const printed = amounts[i] ?? '';
        if (printed) out.push({ table: table.no, side, row, occurrence, column, printed });
      });
    };
    const rowOf = (code: string, name: string): string => code || (/合计$/.test(name) ? 'total' : rowLabelKey(name));
    for (const line of table.lines) {
      switch (layoutOfTable(table.no)) {
        case 'summary':
          if (line[0]) add('income', rowLabelKey(line[0]), line.slice(1, 2));
          if (line[2]) add('expenditure', rowLabelKey(line[2]), line.slice(3));
          break;
        case 'coded':
          add('main', rowOf(line[0] ?? '', line[1] ?? ''), line.slice(2));
          break;
        case 'economic':
          if (line[0] || line[1]) add('income', rowOf(line[0] ?? '', line[1] ?? ''), line.slice(2, 3));
          if (line[3] || line[4]) add('expenditure', rowOf(line[3] ?? '', line[4] ?? ''), line.slice(5, 6));
          break;
        case 'single':
          add('main', 'amounts', line);
          break;
      }
    }
  }
  return out;
}

/** Amount tokens between the tables' heading and 第三部分, counted straight from the raw text. */
function rawAmountCount(raw: string): number {
  const lines = raw.split('\n');
  const start = lines.findIndex((l, i) => l.trim() === '收入支出决算总表' && /部门决算表$/.test(lines[i - 1]?.trim() ?? ''));
  const end = lines.findIndex((l, i) => i > start && l.includes('第三部分'));
  return lines.slice(start, end).flatMap((l) => l.split('\t')).filter((c) => /^-?[\d,]+\.\d\d$/.test(c.trim())).length;
}

function bookRow(book: Book, figure: Figure): BookRow | undefined {
  const table = book.tables.find((t) => t.no === figure.table);
  const rows = (table?.rows ?? []).filter((r) => r.side === figure.side && (r.key === figure.row || rowLabelKey(r.name) === figure.row));
  return rows[figure.occurrence];
}

describe.each(DOCUMENTS)('%s: import', (name) => {
  it('reads every table as 部门决算 with no warnings (PLANTED: its 支出决算表 is missing)', () => {
    const { book, notices } = imported.get(name) as ImportResult;
    expect(book.familyId).toBe(FAMILY);
    expect(book.unit).toBe('万元');
    // The planted copy's heading still says "XX局": the only warning.
    const placeholder = name === PLANTED ? ['部门名称「上海市普陀区XX局」中还留有模板占位符（XX），请改为实际名称。'] : [];
    expect(notices.filter((n) => n.level !== '提示').map((n) => n.message)).toEqual(placeholder);
    const expectedTables = name === PLANTED ? [1, 2, 4, 5, 6, 7, 8, 9] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(book.tables.map((t) => t.no)).toEqual(expectedTables);
    expect(notices.filter((n) => n.message.startsWith('未找到表')).map((n) => n.message)).toEqual(name === PLANTED ? ['未找到表三「支出决算表」。'] : []);
  });

  it('puts every printed figure in its table, row and column, exactly as printed, and nothing else', () => {
    const book = bookOf(name);
    const figures = printedFigures(parseJuesuanText(text(name)));
    expect(figures.length).toBe(rawAmountCount(text(name)));
    const wrong = figures.flatMap((f) => {
      const value = bookRow(book, f)?.values[f.column]?.value;
      return value !== undefined && new Dec(value).eq(new Dec(f.printed.replace(/,/g, ''))) ? [] : [`表${f.table} ${f.side} ${f.row} ${f.column}: 印 ${f.printed}，读到 ${value ?? '（无）'}`];
    });
    expect(wrong).toEqual([]);
    const held = book.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + Object.keys(r.values).length, 0), 0);
    expect(held).toBe(figures.length);
  });

  it('is detected as 部门决算 without naming the family', async () => {
    expect((await importWorkbooks([xlsx(name)])).book.familyId).toBe(FAMILY);
  });

  // The titles carry no year and there is no 部门 line: both are only in the heading "XX局2024年度部门决算表".
  it('finds the year and the department in the heading over the tables', () => {
    expect(bookOf(name).year).toBe(2024);
    // The planted copy keeps the template's "XX局" in its heading: imported as printed, with a warning.
    expect(bookOf(name).department).toMatch(/^(上海市普陀区财政局|上海市规划和自然资源局|中共上海市普陀区委社会工作部|上海市普陀区XX局)$/);
  });
});

// ── the documents' own inconsistencies ─────────────────────────────────────────────────────────────────

/** [severity, finding key, actual, expected]: every error and warning each document gives, recomputed by hand. */
type Expected = [Severity, string, string, string];

const FINDINGS: Record<Name, Expected[]> = {
  [CZJ]: [
    // 收入支出决算总表 八、社会保障和就业支出 326.71, but 支出决算表 208 prints 326.72 (and its 项 add to 326.72).
    ['error', 'x.t01-t03.class:208', '326.71', '326.72'],
    // 财政拨款收入支出决算总表 一般公共预算 208 326.71 vs 一般公共预算财政拨款支出决算表 208 326.72.
    ['error', 'x.t04-t05.class:208', '326.71', '326.72'],
    // 尾差: the 类 add to 2112.86 + 326.72 + 60.99 + 445.69 = 2946.26 against 合计 2946.25, and so on.
    ['warning', 't02.tree:main:total:total', '2946.25', '2946.26'],
    ['warning', 't02.tree:main:total:grants', '2940.05', '2940.06'],
    ['warning', 't03.tree:main:total:total', '2940.05', '2940.06'],
    ['warning', 't03.tree:main:total:basic', '2336.91', '2336.92'],
    ['warning', 't05.tree:main:total:total', '2940.05', '2940.06'],
    ['warning', 't05.tree:main:total:basic', '2336.91', '2336.92'],
    // 基本支出决算表: 301's 款 add to 2082.86 (printed 2082.85); 302's to 171.09 (printed 171.07).
    ['warning', 't06.personnelTree:income:301:personnelAmount', '2082.85', '2082.86'],
    ['warning', 't06.publicTree:expenditure:302:publicAmount', '171.07', '171.09'],
  ],
  [GHZYJ]: [
    // 收入支出决算总表 vs 支出决算表: 卫生健康支出 236.63 vs 236.64; 城乡社区支出 3845.25 vs 3845.24.
    ['error', 'x.t01-t03.class:210', '236.63', '236.64'],
    ['error', 'x.t01-t03.class:212', '3845.25', '3845.24'],
    // 财政拨款收入支出决算总表 卫生健康支出 236.63 vs 一般公共预算财政拨款支出决算表 210 236.64.
    ['error', 'x.t04-t05.class:210', '236.63', '236.64'],
    // 尾差: 财政拨款 classes 754.75 + 236.63 + 3832.36 + 4461.67 + 461.08 = 9746.49 vs 本年支出合计 9746.50.
    ['warning', 't04.expTotal:expenditure:expTotal:expTotal', '9746.50', '9746.49'],
    ['warning', 't04.expTotal:expenditure:expTotal:expgpb', '9746.50', '9746.49'],
    // 一般公共预算财政拨款支出决算表: 212 1572.70 + 2259.65 = 3832.35 (printed 3832.36), 21201/2120101 1084.02 + 8.77.
    ['warning', 't05.row:main:212', '3832.36', '3832.35'],
    ['warning', 't05.row:main:21201', '1092.80', '1092.79'],
    ['warning', 't05.row:main:2120101', '1092.80', '1092.79'],
    ['warning', 't05.row:main:total', '9746.50', '9746.49'],
    // 基本支出决算表: 4816.14 + 67.96 = 4884.10 vs 人员经费合计 4884.09; 302's 款 add to 440.88 (printed 440.90).
    ['warning', 't06.personnelTree:income:total:personnelAmount', '4884.09', '4884.10'],
    ['warning', 't06.publicTree:expenditure:302:publicAmount', '440.90', '440.88'],
  ],
  [SHGZB]: [
    // 人员经费合计 95.36 + 公用经费合计 10.23 = 105.59 vs 一般公共预算财政拨款支出决算表 基本支出合计 105.58.
    ['warning', 'x.t05-t06.basic', '105.58', '105.59'],
    // 302's 款 add to 10.22 (printed 10.23).
    ['warning', 't06.publicTree:expenditure:302:publicAmount', '10.23', '10.22'],
  ],
  [PLANTED]: [
    // Planted: 支出决算表 removed, so every class of 收入支出决算总表 and its 本年支出合计 have no counterpart.
    ['error', 'x.t01-t03.class:201', '2106.66', '0.00'],
    ['error', 'x.t01-t03.class:208', '326.71', '0.00'],
    ['error', 'x.t01-t03.class:210', '60.99', '0.00'],
    ['error', 'x.t01-t03.class:221', '445.69', '0.00'],
    ['error', 'x.t01-t03.total', '2940.05', '0.00'],
    // The rest as in the real czj document.
    ['error', 'x.t04-t05.class:208', '326.71', '326.72'],
    ['warning', 't02.tree:main:total:total', '2946.25', '2946.26'],
    ['warning', 't02.tree:main:total:grants', '2940.05', '2940.06'],
    ['warning', 't05.tree:main:total:total', '2940.05', '2940.06'],
    ['warning', 't05.tree:main:total:basic', '2336.91', '2336.92'],
    ['warning', 't06.personnelTree:income:301:personnelAmount', '2082.85', '2082.86'],
    ['warning', 't06.publicTree:expenditure:302:publicAmount', '171.07', '171.09'],
  ],
};

/** Infos: codes our catalogue lacks (20139 社会工作事务 is new in 2024), and PLANTED's blanked 三公 table. */
const NEW_CODES = ['20139', '2013901', '2013950', '2013999'];
const INFOS: Record<Name, string[]> = {
  [CZJ]: [],
  [GHZYJ]: [],
  [SHGZB]: ['t02', 't03', 't05'].flatMap((t) => NEW_CODES.map((code) => `code.catalogue:${t}:main:${code}`)),
  [PLANTED]: ['table.emptyNote:t07'],
};

/** Where the errors are: [table, row, column, cell] of each location. */
const ERROR_CELLS: Record<string, [number, string, string, string][]> = {
  [`${CZJ}|x.t01-t03.class:208`]: [[1, '208', 'expAmount', 'D13'], [3, '208', 'total', 'E15']],
  [`${CZJ}|x.t04-t05.class:208`]: [[4, '208', 'expgpb', 'E13'], [5, '208', 'total', 'E14']],
  [`${GHZYJ}|x.t01-t03.class:210`]: [[1, '210', 'expAmount', 'D14'], [3, '210', 'total', 'C14']],
  [`${GHZYJ}|x.t01-t03.class:212`]: [[1, '212', 'expAmount', 'D16'], [3, '212', 'total', 'C18']],
  [`${GHZYJ}|x.t04-t05.class:210`]: [[4, '210', 'expgpb', 'E14'], [5, '210', 'total', 'C13']],
  [`${PLANTED}|x.t01-t03.total`]: [[1, '本年支出合计', 'expAmount', 'D32']],
};

const summaryOf = (f: Finding): string => `${f.severity}|${f.key}|${f.actual ?? ''}|${f.expected ?? ''}`;

describe.each(DOCUMENTS)('%s: validation', (name) => {
  it('reports exactly the document’s own inconsistencies', () => {
    const findings = new Validator(bookOf(name)).findings();
    expect(findings.filter((f) => f.severity !== 'info').map(summaryOf).sort()).toEqual(FINDINGS[name].map(([s, k, a, e]) => `${s}|${k}|${a}|${e}`).sort());
    expect(findings.filter((f) => f.severity === 'info').map((f) => f.key).sort()).toEqual([...INFOS[name]].sort());
    for (const finding of findings.filter((f) => f.severity === 'error')) {
      const cells = ERROR_CELLS[`${name}|${finding.key}`];
      if (cells) expect(finding.locations.map((l) => [l.table, l.row, l.columnId, l.cell])).toEqual(cells);
    }
  });
});

it('names the sides of 基本支出决算表 as 人员经费 / 公用经费 in messages', () => {
  const finding = new Validator(bookOf(GHZYJ)).findings().find((f) => f.key === 't06.personnelTree:income:total:personnelAmount');
  expect(finding?.message).toMatch(/^表六人员经费「合计」决算数 4,884\.09 与各类之和 4,884\.10 不等，相差 -0\.01，/);
});

// ── one figure changed per table ───────────────────────────────────────────────────────────────────────

/** On the czj book: each table gets one changed figure (t08/t09 are empty: a figure appears on their 合计 row). */
const CASES: PerturbCase[] = [
  { name: '收入支出决算总表 八、其他收入', table: 't01', side: 'income', row: 'other', column: 'incomeAmount', value: '7.20', expect: [['t01.incomeTotal', 'error'], ['x.t01-t02.other', 'error']] },
  { name: '收入决算表 2010602 其他收入', table: 't02', row: '2010602', column: 'other', value: '6.29', expect: [['t02.row', 'error'], ['t02.tree', 'error']] },
  { name: '支出决算表 2010601 项目支出', table: 't03', row: '2010601', column: 'project', value: '9.37', expect: [['t03.row', 'error'], ['t03.tree', 'error']] },
  { name: '财政拨款收支总表 年初一般公共预算结转', table: 't04', side: 'income', row: 'openingGpb', column: 'incomeAmount', value: '22.63', expect: [['t04.openingBalance', 'error']] },
  { name: '一般公共预算支出决算表 2210203 基本支出', table: 't05', row: '2210203', column: 'basic', value: '259.50', expect: [['t05.row', 'error'], ['t05.tree', 'error']] },
  { name: '基本支出决算表 30201 办公费', table: 't06', side: 'expenditure', row: '30201', column: 'publicAmount', value: '22.21', expect: [['t06.publicTree', 'error']] },
  { name: '三公 公务接待费预算数', table: 't07', row: 'amounts', column: 'receptionBudget', value: '1.95', expect: [['t07.totalBudget', 'error']] },
  { name: '政府性基金表 合计 年初结转和结余', table: 't08', row: 'total', column: 'opening', value: '1.00', expect: [['t08.balance', 'error'], ['t08.tree', 'error'], ['x.t04-t08.opening', 'error'], ['table.emptyNote', 'warning']] },
  { name: '国有资本经营表 合计 年末结转和结余', table: 't09', row: 'total', column: 'closing', value: '2.00', expect: [['t09.balance', 'error'], ['t09.tree', 'error'], ['x.t04-t09.closing', 'error'], ['table.emptyNote', 'warning']] },
];

describe('one figure changed in each table (czj)', () => {
  it.each(CASES)('$name', (c) => {
    const book = bookOf(CZJ);
    expectPerturbation(book, new Validator(structuredClone(book)).findings(), c);
  });
});

// ── export → import ─────────────────────────────────────────────────────────────────────────────────────

describe.each(DOCUMENTS)('%s: export → import', (name) => {
  it('gives the same book and the same findings', async () => {
    const first = imported.get(name) as ImportResult;
    const out = tmp.file(`${name}-export.xlsx`);
    await exportBook(first.book, out);
    const again = await importWorkbooks([out], { familyId: FAMILY });
    expect(again.notices.filter((n) => n.level !== '提示' && !n.message.includes('占位符')).map((n) => n.message)).toEqual([]);
    if (name === PLANTED) {
      // Export prints every template table: the removed 支出决算表 comes back empty (合计 line, 注：本表无数据).
      const added = again.book.tables.find((t) => t.tableId === 't03');
      expect(added?.emptyNote).toBe(true);
      expect(added?.rows.every((r) => Object.keys(r.values).length === 0)).toBe(true);
      again.book.tables = again.book.tables.filter((t) => t !== added);
    }
    expect(contentOf(toDump(again.book, again.notices))).toEqual(contentOf(toDump(first.book, first.notices)));
    // Infos aside: export adds 注：本表无数据 under empty tables (PLANTED's blanked 三公 table).
    const keys = (book: Book): string[] => new Validator(book).findings().filter((f) => f.severity !== 'info').map(summaryOf).sort();
    expect(keys(again.book)).toEqual(keys(first.book));
  });
});

describe('classes some years print and others do not', () => {
  const classLines = (book: Book): string[] =>
    planTable(book, MOF_FINAL_ACCOUNTS.tables[0]!, book.tables.find((t) => t.tableId === 't01'), MOF_FINAL_ACCOUNTS).body.flatMap((cells) => {
      const text = cells[2];
      return text?.kind === 'text' && /支出$/.test(text.text) && !/合计/.test(text.text) ? [text.text] : [];
    });

  it('a new book lists the 24 classes of the 2024 template, numbered by position', () => {
    const lines = classLines(newBook(MOF_FINAL_ACCOUNTS, 2024, '上海市普陀区某局'));
    expect(lines).toHaveLength(24);
    expect(lines.at(-1)).toBe('二十四、抗疫特别国债安排的支出');
  });

  it('an imported book prints the classes its document printed (czj 26, ghzyj 24)', () => {
    expect(classLines(bookOf(CZJ))).toHaveLength(26);
    expect(classLines(bookOf(CZJ)).at(-2)).toBe('二十五、债务付息支出');
    expect(classLines(bookOf(GHZYJ))).toHaveLength(24);
  });
});
