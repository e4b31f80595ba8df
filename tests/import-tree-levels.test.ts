// Levels of 项目支出 rows (department / unit / project) come from evidence: amounts first, then names, then
// indentation. The other city's shape (a department row named plainly, then a unit row of the same name)
// must import like seed 000 and check with 0 errors.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BookRow } from '../src/shared/book';
import { importWorkbooks } from '../src/main/import/import-book';
import { decideTreeLevels } from '../src/main/import/tree-levels';
import { Validator } from '../src/shared/validation/engine';
import { buildVariant } from './helpers/variants';
import { DATONG_XLSX } from './helpers/seed';

const row = (name: string, total?: string): BookRow => ({ key: '', side: 'main', level: 'project', name, values: total === undefined ? {} : { total: { value: total } } });
const noNames = { levelByName: () => undefined, indents: [] };

describe('decideTreeLevels', () => {
  it('reads department, units and projects from the amounts alone', () => {
    const rows = [row('某某局', '100'), row('第一单位', '80'), row('甲', '30'), row('乙', '50'), row('第二单位', '20'), row('丙', '20')];
    expect(decideTreeLevels(rows, noNames)).toEqual(['department', 'unit', 'project', 'project', 'unit', 'project']);
  });

  it('reads a department over projects only', () => {
    const rows = [row('某某局', '9'), row('甲', '4'), row('乙', '5')];
    expect(decideTreeLevels(rows, noNames)).toEqual(['department', 'project', 'project']);
  });

  it('reads units and projects without a department row', () => {
    const rows = [row('第一单位', '7'), row('甲', '3'), row('乙', '4'), row('第二单位', '2'), row('丙', '2')];
    expect(decideTreeLevels(rows, noNames)).toEqual(['unit', 'project', 'project', 'unit', 'project']);
  });

  it('keeps a project without figures under the unit whose sum it follows', () => {
    const rows = [row('某某局', '7'), row('第一单位', '5'), row('甲', '5'), row('乙'), row('第二单位', '2'), row('丙', '2')];
    expect(decideTreeLevels(rows, noNames)).toEqual(['department', 'unit', 'project', 'project', 'unit', 'project']);
  });

  it('lets names decide where zero figures make the amounts ambiguous', () => {
    const rows = [row('某某局', '5'), row('第一单位', '5'), row('甲', '5'), row('第二单位', '0'), row('丙', '0')];
    const byName = (r: BookRow) => (r.name.endsWith('单位') ? 'unit' : undefined) as BookRow['level'] | undefined;
    expect(decideTreeLevels(rows, { levelByName: byName, indents: [] })).toEqual(['department', 'unit', 'project', 'unit', 'project']);
  });

  it('tolerates the 尾差 of rounded 万元 figures', () => {
    const rows = [row('某某局', '10.01'), row('甲', '3.33'), row('乙', '3.33'), row('丙', '3.33')];
    expect(decideTreeLevels(rows, noNames)).toEqual(['department', 'project', 'project', 'project']);
  });

  it('falls back to names when the sums are wrong, so the checker reports them', () => {
    const rows = [row('某某局[部门]', '100'), row('某某局', '70'), row('Z甲', '30'), row('J乙', '50')];
    const byName = (r: BookRow, i: number) => (i === 0 ? 'department' : r.name.startsWith('Z') || r.name.startsWith('J') ? 'project' : 'unit') as BookRow['level'];
    expect(decideTreeLevels(rows, { levelByName: byName, indents: [] })).toEqual(['department', 'unit', 'project', 'project']);
  });

  it('uses indentation only where amounts and names say nothing', () => {
    const rows = [row('某某局'), row('某单位'), row('甲'), row('乙')];
    expect(decideTreeLevels(rows, { levelByName: () => undefined, indents: [0, 1, 2, 2] })).toEqual(['department', 'unit', 'project', 'project']);
  });

  it('lets a name overrule an amount reading it contradicts', () => {
    // 乙 = 丙 by chance: without names this reads as a unit over a project.
    const rows = [row('Z甲', '4'), row('Z乙', '5'), row('Z丙', '5')];
    const byName = () => 'project' as const;
    expect(decideTreeLevels(rows, { levelByName: byName, indents: [] })).toEqual(['project', 'project', 'project']);
  });
});

describe('the other city shape: 表十二 without the [部门] marker', () => {
  it('imports the department and its same-name unit and checks like seed 000', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tree-levels-'));
    const plain = join(dir, 'other-city.xlsx');
    await buildVariant(DATONG_XLSX, plain, { value: (value) => (typeof value === 'string' ? value.replace(/\s*\[部门\]\s*$/, '') : value) });
    const [seed, other] = await Promise.all([importWorkbooks([DATONG_XLSX]), importWorkbooks([plain])]);
    const t12 = other.book.tables.find((t) => t.tableId === 't12');
    expect(t12?.rows.slice(0, 3).map((r) => [r.level, r.name])).toEqual([
      ['department', '大同市人民政府金融工作办公室'],
      ['unit', '大同市人民政府金融工作办公室'],
      ['project', 'Z防范处置非法集资工作经费'],
    ]);
    expect(t12?.rows.map((r) => r.level)).toEqual(seed.book.tables.find((t) => t.tableId === 't12')?.rows.map((r) => r.level));
    const findings = new Validator(other.book).findings();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.key)).toEqual(new Validator(seed.book).findings().map((f) => f.key));
  });
});
