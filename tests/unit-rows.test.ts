// Model generalisations made for Henan, family-independent: unit rows carrying a 单位代码 inside coded and
// economic tables and unit lists, trees whose parent is the nearest row actually printed, items-only coded
// tables (insert, delete, totals that follow), and where export prints a unit row's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkDeletable, planInsert } from '../src/main/services/rows';
import { createRouter, type Router } from '../src/main/api/router';
import { Workbench } from '../src/main/api/workbench';
import { importWorkbooks } from '../src/main/import/import-book';
import { openStore, type Store } from '../src/main/store';
import type { Book, BookRow, RowLevel } from '../src/shared/book';
import { planTable } from '../src/shared/export/layout';
import { patchCells, type BookPatch } from '../src/shared/cell';
import { HENAN_2024 } from '../src/shared/template/families/henan-2024';
import { treeGroups } from '../src/shared/validation/kinds/tree-sum';
import { Validator } from '../src/shared/validation';
import { HENAN_XLSX } from './helpers/henan-seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const row = (key: string, level: RowLevel, code?: string): BookRow => ({ key, side: 'main', level, name: key, ...(code ? { code } : {}), values: {} });
const shape = (groups: ReturnType<typeof treeGroups>) => groups.map((g) => `${g.parent.key} = ${g.children.map((c) => c.key).join(' + ')} (${g.label})`);

describe('tree groups', () => {
  it('a complete 类/款/项 tree stays as it was', () => {
    const rows = [row('total', 'total'), row('201', 'class', '201'), row('20103', 'section', '20103'), row('2010301', 'item', '2010301'), row('2010302', 'item', '2010302'), row('208', 'class', '208'), row('20805', 'section', '20805'), row('2080505', 'item', '2080505')];
    expect(shape(treeGroups(rows, 'codedTree'))).toEqual([
      'total = 201 + 208 (各类之和)',
      '201 = 20103 (所属各款之和)',
      '20103 = 2010301 + 2010302 (所属各项之和)',
      '208 = 20805 (所属各款之和)',
      '20805 = 2080505 (所属各项之和)',
    ]);
  });

  it('a 项 whose 款 is not printed sits under the nearest printed ancestor', () => {
    const rows = [row('total', 'total'), row('201', 'class', '201'), row('2010301', 'item', '2010301'), row('208', 'class', '208'), row('2080505', 'item', '2080505')];
    expect(shape(treeGroups(rows, 'codedTree'))).toEqual(['total = 201 + 208 (各类之和)', '201 = 2010301 (所属各科目之和)', '208 = 2080505 (所属各科目之和)']);
  });

  it('a 项 with no printed ancestor below printed 类 rows is left to the code check, not added to 合计', () => {
    // 上海 2024 福利院 printed 210 11 02 with 类 "7": one mistake, reported once (code.structure), not as a wrong 合计 too.
    const rows = [row('total', 'total'), row('210', 'class', '210'), row('21011', 'section', '21011'), row('0071102', 'item', '0071102')];
    expect(shape(treeGroups(rows, 'codedTree'))).toEqual(['total = 210 (各类之和)', '210 = 21011 (所属各款之和)']);
  });

  it('unit rows group the 项 rows below them and nest by code (154 → 154001, 154002)', () => {
    const rows = [
      row('total', 'total'),
      row('unit:154', 'department', '154'),
      row('unit:154001', 'unit', '154001'),
      row('154001/2010301', 'item', '2010301'),
      row('154001/2010305', 'item', '2010305'),
      row('unit:154002', 'unit', '154002'),
      row('154002/2010301', 'item', '2010301'),
    ];
    expect(shape(treeGroups(rows, 'codedTree'))).toEqual([
      'total = unit:154 (各单位之和)',
      'unit:154 = unit:154001 + unit:154002 (所属各单位之和)',
      'unit:154001 = 154001/2010301 + 154001/2010305 (所属各科目之和)',
      'unit:154002 = 154002/2010301 (所属各科目之和)',
    ]);
  });

  it('economic pairs and unit lists take unit rows the same way', () => {
    const pairs = [row('total', 'total'), row('unit:154', 'department', '154'), row('154/class:301', 'class', '301'), row('154/a', 'item', '30101'), row('154/b', 'item', '30102')];
    expect(shape(treeGroups(pairs, 'economicPairs'))).toEqual(['total = unit:154 (各单位之和)', 'unit:154 = 154/class:301 (所属各类之和)', '154/class:301 = 154/a + 154/b (所属各科目之和)']);
    const units = [row('total', 'total'), row('unit:154', 'department', '154'), row('unit:154001', 'unit', '154001'), row('unit:154002', 'unit', '154002')];
    expect(shape(treeGroups(units, 'unitList'))).toEqual(['total = unit:154 (各单位之和)', 'unit:154 = unit:154001 + unit:154002 (所属各单位之和)']);
    expect(shape(treeGroups([row('total', 'total'), row('unit:甲', 'unit'), row('unit:乙', 'unit')], 'unitList'))).toEqual(['total = unit:甲 + unit:乙 (各单位之和)']);
  });
});

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('unit-rows-');
});
afterAll(() => tmp?.remove());

/** A 部门支出总体情况表 of a department with two units, each listing the same 项 codes. */
async function twoUnitWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('预算03表');
  sheet.getCell('A1').value = '2024年部门支出总体情况表';
  sheet.getCell('A2').value = '部门名称：某局';
  sheet.getCell('H2').value = '单位：万元';
  sheet.mergeCells('A3:C3');
  ['科目编码', '', '', '单位代码', '单位（科目名称）', '合计', '基本支出', '项目支出'].forEach((text, i) => text && (sheet.getCell(3, i + 1).value = text));
  ['类', '款', '项', '', '', '', '小计', '小计'].forEach((text, i) => text && (sheet.getCell(4, i + 1).value = text));
  const body: (string | number | null)[][] = [
    [null, null, null, null, '合计', 30, 20, 10],
    [null, null, null, '154', '某局', 30, 20, 10],
    [null, null, null, '154001', '某局机关', 18, 12, 6],
    ['201', '03', '01', null, '行政运行', 12, 12, null],
    ['201', '03', '05', null, '专项业务及机关事务管理', 6, null, 6],
    [null, null, null, '154002', '某中心', 12, 8, 4],
    ['201', '03', '01', null, '行政运行', 8, 8, null],
    ['201', '03', '05', null, '专项业务及机关事务管理', 4, null, 4],
  ];
  body.forEach((cells, r) => cells.forEach((value, c) => value !== null && (sheet.getCell(5 + r, c + 1).value = value)));
  await workbook.xlsx.writeFile(file);
}

describe('a coded table with two units', () => {
  let book: Book;
  beforeAll(async () => {
    const file = tmp.file('two-units.xlsx');
    await twoUnitWorkbook(file);
    const result = await importWorkbooks([file], { familyId: 'henan-2024' });
    book = result.book;
    expect(result.notices.filter((n) => /重复/.test(n.message))).toEqual([]);
  });
  const t03 = (target: Book) => target.tables.find((t) => t.tableId === 't03')?.rows ?? [];
  // The sheet prints only 合计/基本支出/项目支出, so only these relations are in play.
  const treeFindings = (target: Book) => new Validator(target).findings().filter((f) => f.rule === 't03.tree' || f.rule === 't03.row');

  it('keys each 项 by its unit, so the same code under two units is two rows', () => {
    expect(t03(book).map((r) => `${r.key}:${r.level}`)).toEqual([
      'total:total',
      'unit:154:department',
      'unit:154001:unit',
      '154001/2010301:item',
      '154001/2010305:item',
      'unit:154002:unit',
      '154002/2010301:item',
      '154002/2010305:item',
    ]);
    expect(treeFindings(book)).toEqual([]);
  });

  it('reports a unit that does not add up at that unit', () => {
    const copy = structuredClone(book);
    const item = t03(copy).find((r) => r.key === '154002/2010301') as BookRow;
    item.values.total = { value: '9' };
    item.values.basic = { value: '9' };
    const tree = treeFindings(copy).filter((f) => f.rule === 't03.tree');
    expect(tree.map((f) => f.key).sort()).toEqual(['t03.tree:main:unit:154002:basic', 't03.tree:main:unit:154002:total']);
    expect(tree.find((f) => f.key.endsWith(':total'))?.message).toBe('表3「154002 某中心」合计 12.00 与所属各科目之和 13.00 不等，相差 -1.00。');
  });

  it('inserts a 项 into the named unit only (no 类/款 rows), and deletes only empty rows', () => {
    expect(planInsert(book, 't03', 'main', { code: '2010302', unitName: '154001' })).toEqual([
      { row: { key: '154001/2010302', level: 'item', name: '一般行政管理事务', code: '2010302' }, afterKey: '154001/2010301' },
    ]);
    expect(planInsert(book, 't03', 'main', { code: '2080505' })).toEqual([
      { row: { key: '154002/2080505', level: 'item', name: '机关事业单位基本养老保险缴费支出', code: '2080505' }, afterKey: '154002/2010305' },
    ]);
    expect(() => planInsert(book, 't03', 'main', { code: '2010301', unitName: '某中心' })).toThrow('「某中心」下已有科目 2010301');
    expect(() => planInsert(book, 't03', 'main', { code: '2010301', unitName: '不存在' })).toThrow('没有单位');
    expect(() => checkDeletable(book, 't03', 'main', 'unit:154002')).toThrow('还有金额');
    const emptied = structuredClone(book);
    const unit = t03(emptied).find((r) => r.key === 'unit:154002') as BookRow;
    unit.values = {};
    expect(() => checkDeletable(emptied, 't03', 'main', 'unit:154002')).toThrow('下级行');
  });
});

describe('items-only tables through the API', () => {
  let store: Store;
  let router: Router;
  let bookId: number;
  beforeAll(async () => {
    store = openStore(tmp.file('henan.db'));
    router = createRouter(new Workbench(store, 'electron'));
    const response = await router.call('books.import', { files: [{ name: '新乡.xlsx', path: HENAN_XLSX }] });
    if (!response.ok) throw new Error(response.error.message);
    bookId = (response.result as { bookId: number }).bookId;
  });
  afterAll(() => store?.close());

  it('a new 项 goes under the unit row, and its figure flows up to the unit and 合计', async () => {
    const inserted = await router.call('book.insertRow', { bookId, tableId: 't03', side: 'main', code: '2010302' });
    expect(inserted).toMatchObject({ ok: true, result: { rowKeys: ['154/2010302'] } });
    const state = await router.call('book.setCells', { bookId, cells: [{ tableId: 't03', side: 'main', rowKey: '154/2010302', columnId: 'goods', value: '1.00' }] });
    if (!state.ok) throw new Error(state.error.message);
    const cells = patchCells((state.result as { patch: BookPatch }).patch).map((c) => `${c.rowKey}.${c.columnId}=${c.value}`);
    expect(cells).toEqual(expect.arrayContaining(['unit:154.goods=44.60', 'total.goods=44.60']));
  });
});

describe('export prints a unit row’s 单位代码 where the file did', () => {
  let book: Book;
  beforeAll(async () => {
    book = (await importWorkbooks([HENAN_XLSX], { familyId: 'henan-2024' })).book;
  });
  const line = (tableId: string, rowKey: string) => {
    const def = HENAN_2024.tables.find((t) => t.id === tableId);
    if (!def) throw new Error(tableId);
    const plan = planTable(book, def, book.tables.find((t) => t.tableId === tableId), HENAN_2024);
    const cells = plan.body.find((l) => l.some((c) => c.origin?.rowKey === rowKey)) ?? [];
    return Object.fromEntries(plan.columns.map((c, i) => [c.id, cells[i]?.kind === 'text' ? cells[i].text : '']).filter(([, text]) => text));
  };

  it('in the 单位代码 column (03表), the 类 column (07表), or the name column beside 项目单位 (10表)', () => {
    expect(line('t03', 'unit:154')).toEqual({ unitCode: '154', name: '新乡市金融工作局' });
    expect(line('t07', 'unit:154')).toEqual({ deptCode: '154', deptName: '新乡市金融工作局' });
    expect(line('t10', 'unit:新乡市金融工作局')).toEqual({ name: '154', unit: '新乡市金融工作局' });
    // 类型 is printed but not held: left blank.
    expect(line('t10', 'project:新乡市金融工作局:金融及处非工作经费')).toEqual({ name: '金融及处非工作经费', unit: '新乡市金融工作局' });
  });
});
