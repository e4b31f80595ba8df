// The henan-2024 family on seed 003 (新乡市金融工作局 2024): every printed figure lands in its table, row and column;
// the validator reports exactly the seed's real inconsistencies; one changed figure per table is reported at that
// cell; export → import gives the same book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { exportBook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book, Notice } from '../src/shared/book';
import { toDump, type Dump, type DumpRow } from '../src/shared/dump';
import { Dec } from '../src/shared/money';
import { rowLabelKey } from '../src/shared/text';
import { Validator, type Finding } from '../src/shared/validation';
import { contentOf, countValues } from './helpers/dump-match';
import { expectPerturbation, rowOf, type PerturbCase } from './helpers/perturb';
import { HENAN_XLSX, readHenanSeed, type SeedFigure } from './helpers/henan-seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let book: Book;
let notices: Notice[];
let dump: Dump;
let baseline: Finding[];
const seed = readHenanSeed();

beforeAll(async () => {
  ({ book, notices } = await importWorkbooks([HENAN_XLSX], { familyId: 'henan-2024' }));
  dump = toDump(book, notices);
  baseline = new Validator(book).findings();
});

const tableOf = (target: Book, id: string) => {
  const found = target.tables.find((t) => t.tableId === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

describe('import of seed 003', () => {
  it('is recognised as henan-2024 without being told', async () => {
    const detected = await importWorkbooks([HENAN_XLSX]);
    expect(detected.book.familyId).toBe('henan-2024');
  });

  it('reads the heading: 2024, 万元; "部门名称：本级" names no one, so the department row 154 does', () => {
    expect(book).toMatchObject({ familyId: 'henan-2024', year: 2024, department: '新乡市金融工作局', unit: '万元', decimals: 2 });
    expect(book.units).toEqual([{ name: '新乡市金融工作局', kind: '机关' }]);
    expect(book.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10]);
  });

  it('says what it could not use: the repeated 05表, 06表 missing, 10表 类型 not held', () => {
    // The seed prints 一般公共预算支出情况表 twice (the second copy where 06表 belongs) and no 一般公共预算基本支出表.
    expect(seed.repeated).toEqual(['2024年一般公共预算支出情况表']);
    expect(notices.filter((n) => n.level !== '提示').map((n) => `${n.sheet}：${n.message}`)).toEqual([
      '预算06表：表5在「henan-2024-xinxiang.xlsx」工作表「预算05表」中已导入，此处重复的表未导入。',
    ]);
    const hints = notices.filter((n) => n.level === '提示').map((n) => n.message);
    expect(hints).toContain('未找到表6「2024年一般公共预算基本支出表」。');
    expect(hints).toContain('表10「类型」列的文字（如「特定目标类」）不保存，导出时该列留空。');
  });

  it('puts every printed figure in its table, row and column, and nothing else', () => {
    const matches = (row: DumpRow, f: SeedFigure): boolean => {
      if (f.govName !== undefined && rowLabelKey(row.govName ?? '') !== rowLabelKey(f.govName)) return false;
      if (!f.label) return ['total', 'department', 'fixed'].includes(row.level); // 10表's unlabelled 合计, 08表's one line
      if (/^\d+$/.test(f.label)) return row.code === f.label;
      return rowLabelKey(row.name) === rowLabelKey(f.label);
    };
    const misses: string[] = [];
    for (const f of seed.figures) {
      const rows = dump.tables.find((t) => t.no === f.table)?.rows.filter((r) => (r.side ?? 'main') === f.side && matches(r, f)) ?? [];
      const value = rows[f.occurrence]?.values[f.column];
      if (value === undefined || !new Dec(value).eq(f.value)) misses.push(`表${f.table} ${f.side} ${f.label} ${f.column}: ${value ?? '（无）'} ≠ ${f.value}`);
    }
    expect(misses).toEqual([]);
    // 01表 9, 02表 12, 03表 31, 04表 19, 05表 31, 07表 63, 08表 4, 09表 0, 10表 6.
    expect(seed.figures.length).toBe(175);
    expect(countValues(dump)).toBe(seed.figures.length);
  });

  it('reads unit rows, items-only coded rows and the project table by their evidence', () => {
    const levels = (id: string) => tableOf(book, id).rows.map((r) => `${r.key}:${r.level}`);
    expect(levels('t02')).toEqual(['total:total', 'unit:154:department', 'unit:154001:unit']);
    expect(levels('t03')).toEqual(['total:total', 'unit:154:department', ...['2010301', '2010305', '2080505', '2089999', '2101101', '2101103'].map((c) => `154/${c}:item`)]);
    expect(rowOf(book, 't07', 'main', '154/公务接待费|公务接待费')).toMatchObject({ code: '30217', govCode: '50206', govName: '公务接待费' });
    expect(rowOf(book, 't07', 'main', 'unit:154')).toMatchObject({ code: '154', name: '新乡市金融工作局', level: 'department' });
    expect(levels('t10')).toEqual(['department:department', 'unit:新乡市金融工作局:unit', 'project:新乡市金融工作局:金融及处非工作经费:project']);
    expect(rowOf(book, 't10', 'main', 'unit:新乡市金融工作局').code).toBe('154');
    // 04表 prints the retired 210 name in the （九） slot (209): kept as printed, on 209.
    expect(rowOf(book, 't04', 'expenditure', '209').name).toBe('（九）医疗卫生与计划生育支出');
    expect(rowOf(book, 't04', 'expenditure', '210').values.expTotal?.value).toBe('33.24');
  });
});

describe('validation of seed 003', () => {
  it('reports exactly the real inconsistencies', () => {
    const summary = (f: Finding) => [f.rule, f.severity, f.locations.map((l) => `${l.sheet}!${l.cell}`).join(' '), f.actual, f.expected, f.difference];
    expect(baseline.map(summary)).toEqual([
      // 06表 (一般公共预算基本支出表) is missing: the seed prints 05表 a second time in its place, so nothing
      // breaks down 05表's 基本支出 467.11 = 人员经费 423.51 (工资福利 423.51 + 对个人和家庭 0) + 公用经费 43.60.
      ['x.t05-t06.basic', 'error', '预算05表!G7', '467.11', '0.00', '467.11'],
      ['x.t05-t06.personnel', 'error', '预算05表!H7 预算05表!I7', '423.51', '0.00', '423.51'],
      ['x.t05-t06.public', 'error', '预算05表!J7 预算05表!K7', '43.60', '0.00', '43.60'],
      // 09表 is empty; its note says "我局2024年无政府性基金预算支出" rather than 本表无数据.
      ['table.emptyNote', 'info', '预算09表!A2', undefined, undefined, undefined],
    ]);
  });

  it('agrees with the sums recomputed from the document', () => {
    // Independent of the rules: the relations seed 003 must satisfy, from the printed figures.
    const figure = (table: number, label: string, column: string, side = 'main'): Dec =>
      new Dec(seed.figures.find((f) => f.table === table && f.side === side && f.label === label && f.column === column)?.value ?? 0);
    const sum = (table: number, column: string, test: (f: SeedFigure) => boolean): Dec =>
      seed.figures.filter((f) => f.table === table && f.column === column && test(f)).reduce((s, f) => s.plus(f.value), new Dec(0));
    const item = (f: SeedFigure) => /^\d{7}$/.test(f.label);
    for (const table of [3, 5]) {
      for (const column of ['total', 'basic', 'wages', 'goods', 'project', 'projectSpecific']) expect(sum(table, column, item).eq(figure(table, '合计', column)), `${table} ${column}`).toBe(true);
      expect(figure(table, '合计', 'basic').eq(figure(table, '合计', 'wages').plus(figure(table, '合计', 'goods')))).toBe(true);
    }
    expect(sum(3, 'total', (f) => item(f) && f.label.startsWith('201')).eq(figure(1, '一、一般公共服务', 'expAmount', 'expenditure'))).toBe(true);
    expect(sum(7, 'grandTotal', (f) => /^\d{5}$/.test(f.label)).eq(figure(7, '合计', 'grandTotal'))).toBe(true);
    expect(figure(8, '', 'total').eq(figure(8, '', 'vehicles').plus(figure(8, '', 'reception')))).toBe(true);
    expect(figure(10, '', 'total').eq(figure(3, '合计', 'project'))).toBe(true);
  });
});

const CASES: PerturbCase[] = [
  { name: '01表 收入 一般公共预算', table: 't01', side: 'income', row: 'gpb', column: 'incomeAmount', value: '505.11', expect: [['t01.incomeTotal', 'error'], ['x.t01-t02.gpb', 'error'], ['x.t04-t01.gpb', 'error']] },
  { name: '02表 单位 154001 一般公共预算', table: 't02', row: 'unit:154001', column: 'gpb', value: '500.00', expect: [['t02.row', 'error'], ['t02.tree', 'error']] },
  { name: '03表 2010301 工资福利支出', table: 't03', row: '154/2010301', column: 'wages', value: '348.40', expect: [['t03.basic', 'error'], ['t03.tree', 'error']] },
  { name: '03表 2010305 合计', table: 't03', row: '154/2010305', column: 'total', value: '38.00', expect: [['t03.row', 'error'], ['t03.tree', 'error'], ['x.t01-t03.class', 'error'], ['x.t05-t03.code', 'error']] },
  { name: '04表 208 一般公共预算', table: 't04', side: 'expenditure', row: '208', column: 'expGpb', value: '42.97', expect: [['t04.row', 'error'], ['t04.expCurrent', 'error'], ['x.t04-t05.class', 'error']] },
  { name: '05表 合计 基本支出', table: 't05', row: 'total', column: 'basic', value: '467.00', expect: [['t05.row', 'error'], ['t05.basic', 'error'], ['t05.tree', 'error'], ['x.t05-t06.basic', 'error']] },
  { name: '07表 公务接待费 一般公共预算', table: 't07', row: '154/公务接待费|公务接待费', column: 'gpb', value: '2.00', expect: [['t07.row', 'error'], ['t07.tree', 'error'], ['x.t08-t07.reception', 'warning']] },
  { name: '08表 公务接待费', table: 't08', row: 'budget', column: 'reception', value: '2.00', expect: [['t08.total', 'error'], ['x.t08-t07.reception', 'warning']] },
  { name: '09表 合计', table: 't09', row: 'total', column: 'total', value: '1.00', expect: [['t09.row', 'error'], ['t09.tree', 'error'], ['x.t04-t09.total', 'error']] },
  { name: '10表 项目 合计', table: 't10', row: 'project:新乡市金融工作局:金融及处非工作经费', column: 'total', value: '38.00', expect: [['t10.row', 'error'], ['t10.tree', 'error']] },
  { name: '10表 合计 本年拨款一般公共预算', table: 't10', row: 'department', column: 'gpb', value: '36.00', expect: [['t10.row', 'error'], ['t10.tree', 'error'], ['x.t10-t05.project', 'error']] },
];

describe('one figure changed per table (06表 is not in the seed)', () => {
  it.each(CASES)('$name', (c) => expectPerturbation(book, baseline, c));
});

describe('export → import', () => {
  let tmp: TmpDir;
  beforeAll(() => {
    tmp = makeTmpDir('henan-');
  });
  afterAll(() => tmp?.remove());

  it('gives the same book (plus the empty 06表 every export prints)', async () => {
    const out = join(tmp.path, '新乡.xlsx');
    const result = await exportBook(book, out);
    expect(result.sheets.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `预算${String(i + 1).padStart(2, '0')}表`));
    const again = await importWorkbooks([out], { familyId: 'henan-2024' });
    expect(again.notices.filter((n) => n.level !== '提示')).toEqual([]);
    const t06 = again.book.tables.find((t) => t.tableId === 't06');
    expect(t06?.rows.every((r) => Object.keys(r.values).length === 0)).toBe(true);
    const withoutT06 = { ...again.book, tables: again.book.tables.filter((t) => t.tableId !== 't06') };
    expect(contentOf(toDump(withoutT06, []))).toEqual(contentOf(toDump(book, [])));
    const detected = await importWorkbooks([out]);
    expect(detected.book.familyId).toBe('henan-2024');
  });
});
