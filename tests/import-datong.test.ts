// The department fixture (seed 000 as a workbook) must dump every printed amount into the right table,
// row and column. Expected figures are read from the published document text, not from our own output.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { toDump, type Dump } from '../src/shared/dump';
import { countValues, findDumpRow } from './helpers/dump-match';
import { DATONG_XLSX, seedFigures } from './helpers/seed';

let dump: Dump;

beforeAll(async () => {
  const { book, notices } = await importWorkbooks([DATONG_XLSX]);
  dump = toDump(book, notices);
});

describe('datong-2024-shanxi.xlsx', () => {
  it('recognises all 13 tables with book metadata', () => {
    expect(dump.template).toBe('shanxi-2024');
    expect(dump.year).toBe(2024);
    expect(dump.department).toBe('大同市人民政府金融工作办公室');
    expect(dump.unit).toBe('万元');
    expect(dump.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(dump.notices.filter((n) => n.level !== '提示')).toEqual([]);
  });

  it('places every amount of the seed document in the right table, row and column', () => {
    const figures = seedFigures();
    const perTable = new Map<number, number>();
    for (const f of figures) perTable.set(f.table, (perTable.get(f.table) ?? 0) + 1);
    // Counted by hand from the published tables: 表一 15, 表二 40, 表三 43, 表四 15, 表五 43, 表六 63, 表十一 4, 表十二 26.
    expect(Object.fromEntries(perTable)).toEqual({ 1: 15, 2: 40, 3: 43, 4: 15, 5: 43, 6: 63, 11: 4, 12: 26 });
    const misplaced = figures.filter((f) => findDumpRow(dump, f)?.values[f.column] !== f.value);
    expect(misplaced).toEqual([]);
    // …and nothing else: no figure the document does not print.
    expect(countValues(dump)).toBe(figures.length);
  });

  it('reads the two-sided 表一 into income and expenditure sides', () => {
    const t1 = dump.tables.find((t) => t.no === 1);
    const income = t1?.rows.filter((r) => r.side === 'income') ?? [];
    const expenditure = t1?.rows.filter((r) => r.side === 'expenditure') ?? [];
    expect(income.map((r) => r.name)).toEqual(['一、一般公共预算', '二、政府性基金预算', '三、国有资本经营预算', '四、财政专户管理资金', '五、单位资金', '本年收入合计', '上年结转', '收入总计']);
    expect(expenditure).toHaveLength(33);
    expect(expenditure.find((r) => r.code === '221')?.values).toEqual({ expTotal: '42.00', expCurrent: '42.00' });
    expect(income.find((r) => r.name === '收入总计')?.values).toEqual({ incomeAmount: '472.39' });
  });

  it('keeps 表四 carry-over sub-rows apart from the income rows of the same name', () => {
    const t4 = dump.tables.find((t) => t.no === 4);
    const gpbRows = t4?.rows.filter((r) => r.side === 'income' && r.name === '一、一般公共预算') ?? [];
    expect(gpbRows).toHaveLength(2);
    expect(gpbRows[0]?.values).toEqual({ incomeAmount: '472.39' });
    expect(gpbRows[1]?.values).toEqual({});
  });

  it('keeps 表六 duplicated item names apart by their 政府经济科目 pair and resolves codes', () => {
    const t6 = dump.tables.find((t) => t.no === 6);
    const basicPay = t6?.rows.filter((r) => r.name === '基本工资') ?? [];
    expect(basicPay.map((r) => [r.code, r.govCode, r.govName, r.values.total])).toEqual([
      ['30101', '50101', '工资奖金津补贴', '79.69'],
      ['30101', '50501', '工资福利支出', '35.66'],
    ]);
    expect(t6?.rows.filter((r) => r.level === 'class').map((r) => [r.code, r.name])).toEqual([
      ['301', '工资福利支出'],
      ['302', '商品和服务支出'],
      ['303', '对个人和家庭的补助'],
    ]);
  });

  it('builds the 表十二 department → unit → project tree', () => {
    const t12 = dump.tables.find((t) => t.no === 12);
    expect(t12?.rows.map((r) => r.level)).toEqual(['department', 'unit', ...Array(7).fill('project'), 'unit', ...Array(3).fill('project')]);
    expect(t12?.rows.find((r) => r.name === 'J水电物业费')).toMatchObject({ unit: '大同市金融发展服务中心', values: { total: '0.51', gpb: '0.51' } });
    expect(dump.units).toEqual([
      { name: '大同市人民政府金融工作办公室', kind: '机关', administrative: true },
      { name: '大同市金融发展服务中心', kind: '下属单位' },
    ]);
  });

  it('imports tables marked 注：本表无数据 as empty', () => {
    for (const no of [7, 8, 9, 10, 13]) {
      const table = dump.tables.find((t) => t.no === no);
      expect(table?.empty, `表${no}`).toBe(true);
      expect(table?.rows.every((r) => Object.keys(r.values).length === 0)).toBe(true);
    }
    expect(dump.tables.find((t) => t.no === 10)?.rows.map((r) => r.name)).toEqual(['因公出国（境）费', '公务接待费', '公务用车购置及运行费', '①公务用车购置费', '②公务用车运行维护费', '合计']);
  });
});
