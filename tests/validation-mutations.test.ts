// One figure changed at a time in seed 000's workbook: each change is reported at the right table, row and
// column by the rules that read it, every other relation stays as it was, and incremental re-validation
// after the edit gives exactly what a full validation of the edited book gives.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book, BookRow } from '../src/shared/book';
import { Validator, type Finding } from '../src/shared/validation';
import { edited, expectPerturbation, rowOf, signature, type PerturbCase } from './helpers/perturb';
import { DATONG_XLSX } from './helpers/seed';

let book: Book;
let baseline: Finding[];
beforeAll(async () => {
  book = (await importWorkbooks([DATONG_XLSX])).book;
  baseline = new Validator(book).findings();
});

type Case = PerturbCase;

const CASES: Case[] = [
  { name: '表一 income 一般公共预算', table: 't01', side: 'income', row: 'gpb', column: 'incomeAmount', value: '472.49', expect: [['t01.incomeTotal', 'error'], ['x.t01-t02.gpb', 'error'], ['x.t04-t01.gpb', 'error']] },
  { name: '表一 class 210 当年预算安排', table: 't01', side: 'expenditure', row: '210', column: 'expCurrent', value: '20.24', expect: [['t01.row', 'error'], ['t01.expTotal', 'error']] },
  { name: '表二 项 2010301 合计', table: 't02', row: '2010301', column: 'total', value: '188.93', expect: [['t02.row', 'error'], ['t02.tree', 'error'], ['x.t02-t03.code', 'error']] },
  { name: '表二 合计 上年结转', table: 't02', row: 'total', column: 'carryOver', value: '1.00', expect: [['t02.tree', 'error'], ['x.t02-t03.code', 'error'], ['x.t01-t02.carryOver', 'error']] },
  { name: '表三 项 2010350 基本支出', table: 't03', row: '2010350', column: 'basic', value: '84.32', expect: [['t03.row', 'error'], ['t03.tree', 'error']] },
  { name: '表三 类 201 合计', table: 't03', row: '201', column: 'total', value: '372.05', expect: [['t03.row', 'error'], ['t03.tree', 'error'], ['x.t01-t03.class', 'error'], ['x.t02-t03.code', 'error'], ['x.t05-t03.code', 'error']] },
  { name: '表四 class 208 一般公共预算', table: 't04', side: 'expenditure', row: '208', column: 'expgpb', value: '38.21', expect: [['t04.row', 'error'], ['t04.expTotal', 'error'], ['x.t04-t05.class', 'error']] },
  { name: '表四 income 一般公共预算', table: 't04', side: 'income', row: 'gpb', column: 'incomeAmount', value: '472.00', expect: [['t04.incomeTotal', 'error'], ['x.t04-t01.gpb', 'error']] },
  { name: '表四 class 221 小计 above 表一', table: 't04', side: 'expenditure', row: '221', column: 'expTotal', value: '43.00', expect: [['t04.row', 'error'], ['t04.expTotal', 'error'], ['x.t04-t01.class', 'error']] },
  { name: '表五 项 2210201 合计', table: 't05', row: '2210201', column: 'total', value: '38.42', expect: [['t05.row', 'error'], ['t05.tree', 'error'], ['x.t05-t03.code', 'error']] },
  { name: '表五 合计 基本支出', table: 't05', row: 'total', column: 'basic', value: '372.49', expect: [['t05.row', 'error'], ['t05.tree', 'error'], ['x.t05-t06.basic', 'error']] },
  { name: '表六 基本工资/工资奖金津补贴 人员经费', table: 't06', row: '基本工资|工资奖金津补贴', column: 'personnel', value: '79.79', expect: [['t06.row', 'error'], ['t06.tree', 'error']] },
  // 表七/八/九 are empty in seed 000: a figure in a 合计 with nothing under it adds up nothing.
  { name: '表七 合计 (empty table)', table: 't07', row: 'total', column: 'amount', value: '5.00', expect: [['t07.tree', 'error'], ['table.emptyNote', 'warning']] },
  { name: '表八 合计 (empty table)', table: 't08', row: 'total', column: 'total', value: '5.00', expect: [['t08.row', 'error'], ['t08.tree', 'error'], ['table.emptyNote', 'warning']] },
  { name: '表九 收入 合计 (empty table)', table: 't09', side: 'income', row: 'total', column: 'incomeAmount', value: '5.00', expect: [['t09.incomeTree', 'error'], ['table.emptyNote', 'warning']] },
  { name: '表十 公务接待费 一般公共预算', table: 't10', row: 'reception', column: 'gpb', value: '1.00', expect: [['t10.row', 'error'], ['t10.total', 'error'], ['table.emptyNote', 'warning']] },
  { name: '表十一 单位 一般公共预算', table: 't11', row: 'unit:大同市人民政府金融工作办公室', column: 'gpb', value: '14.26', expect: [['t11.row', 'error'], ['t11.tree', 'error']] },
  { name: '表十一 部门合计 above 表六 公用经费', table: 't11', row: 'total', column: 'total', value: '20.00', expect: [['t11.row', 'error'], ['t11.tree', 'error'], ['x.t11-t06.public', 'warning']] },
  { name: '表十二 project 合计', table: 't12', row: 'project:大同市人民政府金融工作办公室:Z专项检查工作经费', column: 'total', value: '6.00', expect: [['t12.row', 'error'], ['t12.tree', 'error']] },
  { name: '表十二 department 合计', table: 't12', row: 'department', column: 'total', value: '101.00', expect: [['t12.row', 'error'], ['t12.tree', 'error'], ['x.t03-t12-t13.project', 'error']] },
];

describe('one figure changed at a time', () => {
  it.each(CASES)('$name', (c) => expectPerturbation(book, baseline, c));

  it('names the workbook cell of the edited figure', () => {
    const { full } = edited(book, { table: 't02', row: '2010301', column: 'total', value: '188.93' });
    const rowSum = full.find((f) => f.rule === 't02.row');
    expect(rowSum?.locations[0]).toMatchObject({ table: 2, row: '2010301', column: '合计', sheet: '预算公开表2', cell: 'C8' });
    expect(rowSum).toMatchObject({ expected: '187.93', actual: '188.93', difference: '1.00', severity: 'error' });
    expect(rowSum?.message).toBe('表二「2010301 行政运行」合计 188.93 与一般公共预算+政府性基金+国有资本经营预算+财政专户管理资金+单位资金 187.93 不等，相差 1.00。');
  });
});

/** Structural edits (rows added, renamed or removed) rebuild the validator, as the editor will. */
function withChange(change: (copy: Book) => void): { added: Finding[] } {
  const copy = structuredClone(book);
  change(copy);
  const before = new Set(baseline.map(signature));
  return { added: new Validator(copy).findings().filter((f) => !before.has(signature(f))) };
}

const table = (target: Book, id: string) => {
  const found = target.tables.find((t) => t.tableId === id);
  if (!found) throw new Error(id);
  return found;
};

const addRow = (target: Book, id: string, row: Omit<Partial<BookRow>, 'values'> & { key: string; values: Record<string, string> }) =>
  table(target, id).rows.push({ side: 'main', level: 'class', name: row.key, ...row, values: Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, { value: v }])) } as BookRow);

const rulesOf = (findings: Finding[]) => findings.map((f) => `${f.rule}:${f.severity}`).sort();

describe('tables that were empty, and the codes', () => {
  it('表七: a coded row under an empty 合计', () => {
    const { added } = withChange((b) => addRow(b, 't07', { key: '103', code: '103', name: '非税收入', values: { amount: '5.00' } }));
    expect(rulesOf(added)).toEqual(['t07.tree:error', 'table.emptyNote:warning']);
    expect(added.find((f) => f.rule === 't07.tree')?.locations[0]).toMatchObject({ table: 7, row: '合计', column: '政府性基金收入预算', sheet: '预算公开表7', cell: 'C5' });
  });

  it('表八: a class that 表四 does not show under 政府性基金', () => {
    const { added } = withChange((b) => addRow(b, 't08', { key: '212', code: '212', name: '城乡社区支出', values: { total: '5.00', basic: '5.00' } }));
    expect(rulesOf(added)).toEqual(['t08.tree:error', 't08.tree:error', 'table.emptyNote:warning', 'x.t04-t08.class:error']);
  });

  it('表九: an expenditure class that 表四 does not show (its 合计 row is printed on the income side only)', () => {
    const { added } = withChange((b) => addRow(b, 't09', { key: '223', code: '223', side: 'expenditure', name: '国有资本经营预算支出', values: { expTotal: '5.00', expProject: '5.00' } }));
    expect(rulesOf(added)).toEqual(['table.emptyNote:warning', 'x.t04-t09.class:error']);
  });

  it('表十三: carried-over projects that 表三 does not count', () => {
    const { added } = withChange((b) => {
      addRow(b, 't13', { key: 'department', level: 'department', name: '大同市人民政府金融工作办公室[部门]', values: { total: '3.00', gpb: '3.00' } });
      addRow(b, 't13', { key: 'project::Z结转项目', level: 'project', name: 'Z结转项目', values: { total: '2.00', gpb: '2.00' } });
    });
    expect(rulesOf(added)).toEqual(['t13.tree:error', 't13.tree:error', 'table.emptyNote:warning', 'x.t03-t12-t13.project:error']);
  });

  it('表六 / 表十: a 三公 item in basic expenditure beyond what 表十 discloses', () => {
    const { added } = withChange((b) => {
      const row = table(b, 't06').rows.find((r) => r.key === '差旅费|办公经费') as BookRow;
      row.name = '公务接待费';
      row.code = '30217';
    });
    expect(rulesOf(added)).toEqual(['x.t10-t06.reception:warning']);
    expect(added[0]?.message).toBe('表十「公务接待费」一般公共预算 0.00 应不小于表六「30217 公务接待费／办公经费」合计 2.00。');
  });

  it('a wrong name for a known code, in one table only', () => {
    const { added } = withChange((b) => {
      (table(b, 't03').rows.find((r) => r.key === '2010301') as BookRow).name = '行政运行经费';
    });
    expect(rulesOf(added)).toEqual(['code.catalogue:warning', 'code.sameName:warning']);
    expect(added.find((f) => f.rule === 'code.catalogue')?.message).toBe('表三「2010301 行政运行经费」：科目名称与科目表不一致，科目表中 2010301 为「行政运行」。');
    expect(added.find((f) => f.rule === 'code.sameName')?.message).toBe('科目 2010301 在各表中的名称不一致：表二「行政运行」、表三「行政运行经费」、表五「行政运行」。');
  });

  it('a 项 without its 款 row', () => {
    const { added } = withChange((b) => {
      const t02 = table(b, 't02');
      t02.rows = t02.rows.filter((r) => r.key !== '20805');
    });
    const structure = added.filter((f) => f.rule === 'code.structure');
    expect(structure).toHaveLength(1);
    expect(structure[0]).toMatchObject({ severity: 'error', message: '表二「2080505 机关事业单位基本养老保险缴费支出」缺少上级科目行（款 20805），无法核对上下级合计。' });
    expect(structure[0]?.locations[0]).toMatchObject({ table: 2, row: '2080505', sheet: '预算公开表2' });
  });

  it('a code with no catalogue entry is an info, a malformed one an error', () => {
    const { added } = withChange((b) => {
      addRow(b, 't03', { key: '2010398', code: '2010398', level: 'item', name: '某新增科目', values: {} });
      addRow(b, 't03', { key: '20103999', code: '20103999', level: 'item', name: '多一位', values: {} });
    });
    expect(rulesOf(added)).toEqual(['code.catalogue:info', 'code.catalogue:info', 'code.structure:error']);
  });
});

describe('conditional rules', () => {
  it('表五 = 表三 is checked only while all money is 一般公共预算', () => {
    const edit = { table: 't05', row: '2010301', column: 'total', value: '188.93' };
    expect(edited(book, edit).full.some((f) => f.rule === 'x.t05-t03.code')).toBe(true);
    const copy = structuredClone(book);
    rowOf(copy, 't02', 'main', 'total').values.gfb = { value: '10.00' };
    const validator = new Validator(copy);
    validator.setValue('t05', 'main', '2010301', 'total', '188.93');
    expect(validator.findings().some((f) => f.rule === 'x.t05-t03.code')).toBe(false);
    // Incremental: removing the other source brings the relation back.
    validator.setValue('t02', 'main', 'total', 'gfb', null);
    expect(validator.findings().some((f) => f.rule === 'x.t05-t03.code')).toBe(true);
  });
});

describe('exact 元 books', () => {
  it('treat any difference as an error (no 尾差 tolerance)', () => {
    const copy = structuredClone(book);
    copy.unit = '元';
    const findings = new Validator(copy).findings();
    expect(findings.filter((f) => f.severity === 'warning')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(18);
  });
});
