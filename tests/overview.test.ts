// 概览 figures (src/shared/overview.ts) for every family, read from the template data: the real documents of each
// family give the expected figures (as printed there), fresh books prove nothing is assumed about one province, and
// hand-made books prove the sums are exact and follow an edit.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book, BookRow } from '../src/shared/book';
import type { SideId } from '../src/shared/cell';
import { BookSession } from '../src/shared/book-session';
import { Dec } from '../src/shared/money';
import { bookOverview, sharePercent, type OverviewFigure, type OverviewFigureId } from '../src/shared/overview';
import { MOF_FINAL_ACCOUNTS } from '../src/shared/template/families/mof-final-accounts';
import { SHANXI_2024 } from '../src/shared/template/families/shanxi-2024';
import { newBook } from '../src/shared/template/new-book';
import { findFamily, TEMPLATE_FAMILIES } from '../src/shared/template/registry';
import { HENAN_XLSX } from './helpers/henan-seed';
import { realWorkbook } from './helpers/real-documents';
import { DATONG_XLSX } from './helpers/seed';

/** The figures as plain strings: what a reader sees, minus formatting. */
function readable(book: Book): Record<string, { table: number; total: string; label: string; held: boolean; parts: string[]; reference?: string }> {
  const family = findFamily(book.familyId);
  if (!family) throw new Error(book.familyId);
  const out: ReturnType<typeof readable> = {};
  for (const figure of bookOverview(book, family).figures) {
    out[figure.id] = {
      table: figure.tableNo,
      label: figure.totalLabel,
      total: figure.total.toFixed(2),
      held: figure.held,
      parts: figure.parts.map((p) => `${p.label} ${p.value.toFixed(2)}`),
      ...(figure.reference ? { reference: `${figure.reference.label} ${figure.reference.value.toFixed(2)}` } : {}),
    };
  }
  return out;
}

const imported = async (file: string): Promise<Book> => (await importWorkbooks([file])).book;

describe('概览 of the real documents, one per family', () => {
  it('山西 (大同 seed): sources, classes largest first, 基本/项目, empty 三公, 机关运行经费 by unit', async () => {
    const figures = readable(await imported(DATONG_XLSX));
    expect(Object.keys(figures)).toEqual(['sources', 'functions', 'basicProject', 'threePublic', 'operating']);
    expect(figures.sources).toEqual({
      table: 1,
      label: '本年收入合计',
      total: '472.39',
      held: true,
      parts: ['一般公共预算 472.39', '政府性基金预算 0.00', '国有资本经营预算 0.00', '财政专户管理资金 0.00', '单位资金 0.00'],
    });
    expect(figures.functions).toMatchObject({ table: 1, label: '本年支出合计', total: '472.39', parts: ['一般公共服务支出 372.15', '住房保障支出 42.00', '社会保障和就业支出 38.11', '卫生健康支出 20.14'] });
    expect(figures.basicProject).toMatchObject({ table: 3, total: '472.39', parts: ['基本支出 372.39', '项目支出 100.00'] });
    // 表十 prints "注：本表无数据": the figure is there, at zero, and says it holds nothing.
    expect(figures.threePublic).toMatchObject({ table: 10, total: '0.00', held: false, parts: ['因公出国（境）费 0.00', '公务接待费 0.00', '公务用车购置及运行费 0.00'] });
    // One unit: no breakdown, but its share of 基本支出.
    expect(figures.operating).toEqual({ table: 11, label: '机关运行经费', total: '14.16', held: true, parts: [], reference: '基本支出 372.39' });
  });

  it('河南 (新乡): "其中：财政拨款" is no source of its own; 三公 from its columns; no 机关运行经费 table, no figure', async () => {
    const figures = readable(await imported(HENAN_XLSX));
    expect(Object.keys(figures)).toEqual(['sources', 'functions', 'basicProject', 'threePublic']);
    expect(figures.sources?.total).toBe('504.11');
    expect(figures.sources?.parts).toHaveLength(9);
    expect(figures.sources?.parts.join()).not.toContain('其中');
    expect(figures.functions?.parts).toEqual(['一般公共服务 428.90', '社会保障和就业 41.97', '卫生健康 33.24']);
    expect(figures.basicProject).toMatchObject({ table: 3, total: '504.11', parts: ['基本支出 467.11', '项目支出 37.00'] });
    expect(figures.threePublic).toMatchObject({ table: 8, total: '4.10', held: true, parts: ['因公出国（境）费 0.00', '公务接待费 1.00', '公务用车购置及运行费 3.10'] });
  });

  it('上海 部门 and 单位 (元): 财政拨款收入 is one source, 三公 and 机关运行经费 from one table', async () => {
    const department = readable(await imported(realWorkbook('shanghai-putuo-sfj-2026')));
    expect(department.sources).toMatchObject({ label: '收入总计', total: '96282213.44', parts: ['财政拨款收入 96282213.44', '事业收入 0.00', '事业单位经营收入 0.00', '其他收入 0.00'] });
    expect(department.functions).toMatchObject({ label: '支出总计', total: '96282213.44', parts: ['公共安全支出 87267272.44', '住房保障支出 4521559.00', '社会保障和就业支出 3343704.00', '卫生健康支出 1149678.00'] });
    expect(department.basicProject?.parts).toEqual(['基本支出 25741666.44', '项目支出 70540547.00']);
    expect(department.threePublic).toMatchObject({ table: 9, total: '108100.00', parts: ['因公出国（境）费 0.00', '公务接待费 8300.00', '公务用车购置及运行费 99800.00'] });
    expect(department.operating).toMatchObject({ table: 9, total: '2178300.00', parts: [], reference: '基本支出 25741666.44' });

    const unit = readable(await imported(realWorkbook('shanghai-putuo-sfj-unit-2026')));
    expect(Object.keys(unit)).toEqual(['sources', 'functions', 'basicProject', 'threePublic', 'operating']);
    expect(unit.threePublic?.total).toBe('107100.00');
    expect(unit.operating?.total).toBe('1845900.00');
  });

  it('部门决算: 三公 reads the 决算数 columns, and 决算 publishes no 机关运行经费', async () => {
    const figures = readable(await imported(realWorkbook('shanghai-putuo-czj-2024-juesuan')));
    expect(Object.keys(figures)).toEqual(['sources', 'functions', 'basicProject', 'threePublic']);
    expect(figures.sources).toMatchObject({ total: '2946.25' });
    expect(figures.sources?.parts).toContain('其他收入 6.20');
    expect(figures.basicProject?.parts).toEqual(['基本支出 2336.91', '项目支出 603.14']);
    // The document prints 预算数 0.95 for 公务接待费 and no 决算数.
    expect(figures.threePublic).toMatchObject({ label: '“三公”经费合计（决算数）', total: '0.00', held: false });
  });
});

describe('概览 of a fresh book', () => {
  it.each(TEMPLATE_FAMILIES.map((family) => [family.id, family] as const))('%s: every figure the family has, all zero and not held', (_id, family) => {
    const overview = bookOverview(newBook(family, 2025, '测试部门'), family);
    expect(overview.unit).toBe(family.unit);
    const ids = overview.figures.map((f) => f.id);
    expect(ids.slice(0, 4)).toEqual(['sources', 'functions', 'basicProject', 'threePublic']);
    expect(ids.includes('operating')).toBe(family.tables.some((t) => t.title.includes('机关运行经费')));
    for (const figure of overview.figures) {
      expect(figure.total.isZero(), figure.id).toBe(true);
      expect(figure.held, figure.id).toBe(false);
      expect(family.tables.some((t) => t.id === figure.tableId && t.no === figure.tableNo)).toBe(true);
    }
    // A fresh book has no class with money: the function chart is empty rather than 30 zero bars.
    expect(overview.figures.find((f) => f.id === 'functions')?.parts).toEqual([]);
  });
});

/** Sets amounts on a fresh 山西 book: [table, side, row key, column, value]. */
function shanxiBook(cells: [string, SideId, string, string, string][]): Book {
  const book = newBook(SHANXI_2024, 2025, '精确测试局');
  for (const [tableId, side, key, column, value] of cells) {
    const table = book.tables.find((t) => t.tableId === tableId);
    let row = table?.rows.find((r) => r.side === side && r.key === key);
    if (!row && table) {
      const added: BookRow = { key, side, level: key.length === 3 ? 'class' : 'item', code: key, name: key, values: {} };
      table.rows.push(added);
      row = added;
    }
    if (row) row.values[column] = { value };
  }
  return book;
}

const figure = (book: Book, id: OverviewFigureId): OverviewFigure | undefined => bookOverview(book, findFamily(book.familyId)!).figures.find((f) => f.id === id);

describe('exact figures', () => {
  it('adds decimals exactly where no total is held (0.1 + 0.2 is 0.3, 17 digits stay 17 digits)', () => {
    const book = shanxiBook([
      ['t01', 'income', 'gpb', 'incomeAmount', '0.10'],
      ['t01', 'income', 'unitFunds', 'incomeAmount', '0.20'],
      ['t10', 'main', 'reception', 'total', '12345678901234567.89'],
      ['t10', 'main', 'travelAbroad', 'total', '0.01'],
    ]);
    expect(figure(book, 'sources')?.total.toFixed()).toBe('0.3');
    expect(figure(book, 'threePublic')?.total.toFixed()).toBe('12345678901234567.9');
    expect(figure(book, 'threePublic')?.held).toBe(true);
  });

  it('shows the held 合计 as published, even when its parts say otherwise (the findings say so)', () => {
    const book = shanxiBook([
      ['t01', 'income', 'gpb', 'incomeAmount', '100.00'],
      ['t01', 'income', 'incomeTotal', 'incomeAmount', '100.01'],
    ]);
    expect(figure(book, 'sources')?.total.toFixed(2)).toBe('100.01');
  });

  it('sums the 类 rows of the 支出总表 when its 合计 line is blank', () => {
    const book = shanxiBook([
      ['t03', 'main', '201', 'basic', '1.05'],
      ['t03', 'main', '201', 'project', '2.00'],
      ['t03', 'main', '208', 'basic', '0.95'],
      ['t03', 'main', '2080505', 'basic', '0.95'], // a 项 under 208: never counted twice
    ]);
    expect(figure(book, 'basicProject')?.parts.map((p) => p.value.toFixed(2))).toEqual(['2.00', '2.00']);
    expect(figure(book, 'basicProject')?.total.toFixed(2)).toBe('4.00');
  });

  it('per cent shares are exact decimals, and nothing is a share of zero', () => {
    expect(sharePercent(new Dec('372.39'), new Dec('472.39'))).toBe('78.8');
    expect(sharePercent(new Dec('1'), new Dec('3'))).toBe('33.3');
    expect(sharePercent(new Dec('1'), new Dec('0'))).toBeUndefined();
  });
});

describe('the overview follows the book', () => {
  let datong: Book;
  beforeAll(async () => {
    datong = await imported(DATONG_XLSX);
  });

  it('an edit through the session moves the source, the 收入合计 it totals into, and the 三公 that was empty', () => {
    const book = structuredClone(datong);
    const session = new BookSession(book);
    session.commit(
      session.plan([
        { tableId: 't01', side: 'income', rowKey: 'unitFunds', columnId: 'incomeAmount', value: '10.5' },
        { tableId: 't10', side: 'main', rowKey: 'reception', columnId: 'gpb', value: '1.5' },
      ]),
    );
    const figures = readable(book);
    expect(figures.sources).toMatchObject({ total: '482.89' });
    expect(figures.sources?.parts).toContain('单位资金 10.50');
    expect(figures.threePublic).toMatchObject({ total: '1.50', held: true });
    expect(figures.threePublic?.parts).toContain('公务接待费 1.50');
  });

  it('决算 reads 预算数 nowhere: a 预算数 alone leaves the 决算数 figure at zero', () => {
    const book = newBook(MOF_FINAL_ACCOUNTS, 2024, '决算测试局');
    const row = book.tables.find((t) => t.tableId === 't07')?.rows[0];
    if (row) row.values.receptionBudget = { value: '3.00' };
    expect(figure(book, 'threePublic')?.total.toFixed(2)).toBe('0.00');
    if (row) row.values.receptionFinal = { value: '2.50' };
    expect(figure(book, 'threePublic')?.parts.map((p) => p.value.toFixed(2))).toEqual(['0.00', '2.50', '0.00']);
  });
});
