// The template data must be self-consistent: the header tree's leaves are the sides' columns in order,
// every id is unique, and two-sided alignment names real rows.
import { describe, expect, it } from 'vitest';
import { planTable } from '../src/shared/export/layout';
import { headerGrid } from '../src/shared/template/header-grid';
import { TEMPLATE_FAMILIES } from '../src/shared/template/registry';
import { SHANXI_2024 } from '../src/shared/template/families/shanxi-2024';
import type { Book } from '../src/shared/book';
import { defaultCatalogue } from '../src/shared/catalogue';
import { FUNCTION_CLASS_ROWS } from '../src/shared/template/families/common';
import { labelsOf } from '../src/shared/template/types';

describe.each(TEMPLATE_FAMILIES.map((f) => [f.id, f] as const))('family %s', (_id, family) => {
  it.each(family.tables.map((t) => [t.no, t] as const))('表%i: header leaves are the columns, in order', (_no, table) => {
    const grid = headerGrid(table.header, 2024);
    expect(grid.columnIds).toEqual(table.sides.flatMap((side) => side.columns.map((c) => c.id)));
    expect(new Set(grid.columnIds).size).toBe(grid.columnIds.length);
    for (const side of table.sides) {
      if (side.rows.kind !== 'fixed') continue;
      const ids = side.rows.rows.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      const other = table.sides.find((s) => s !== side);
      for (const row of side.rows.rows) {
        if (!row.alignWith) continue;
        expect(other?.rows.kind === 'fixed' && other.rows.rows.some((r) => r.id === row.alignWith), `${row.id} → ${row.alignWith}`).toBe(true);
      }
    }
  });
});

describe('header grid', () => {
  it('spans groups across their leaves and leaves down to the last header row', () => {
    const t04 = SHANXI_2024.tables.find((t) => t.id === 't04');
    const grid = headerGrid(t04?.header ?? [], 2024);
    expect(grid.rows).toBe(3);
    expect(grid.cells.map((c) => [c.label, c.row, c.column, c.rowSpan, c.columnSpan])).toEqual([
      ['收入', 0, 0, 1, 2],
      ['项目', 1, 0, 2, 1],
      ['金额', 1, 1, 2, 1],
      ['支出', 0, 2, 1, 5],
      ['项目', 1, 2, 2, 1],
      ['金额', 1, 3, 1, 4],
      ['小计', 2, 3, 1, 1],
      ['一般公共预算', 2, 4, 1, 1],
      ['政府性基金预算', 2, 5, 1, 1],
      ['国有资本经营预算', 2, 6, 1, 1],
    ]);
  });
});

describe('two-sided layout', () => {
  it('prints 本年收入合计 beside 本年支出合计 and 收入总计 beside 支出总计 (表四)', () => {
    const t04 = SHANXI_2024.tables.find((t) => t.id === 't04');
    if (!t04) throw new Error('t04');
    const book: Book = { familyId: 'shanxi-2024', year: 2024, department: '某局', unit: '万元', decimals: 2, units: [], tables: [], sources: [] };
    const plan = planTable(book, t04, undefined, SHANXI_2024, 'print');
    const text = plan.body.map((line) => line.map((c) => (c.kind === 'text' ? c.text : '')).filter(Boolean).join('|'));
    expect(text[0]).toBe('一、一般公共预算|一、一般公共服务支出');
    expect(text).toContain('本年收入合计|本年支出合计');
    expect(text).toContain('上年财政拨款结转|年终结转');
    expect(text.at(-1)).toBe('收入总计|支出总计');
    expect(text.slice(-4, -1)).toEqual(['一、一般公共预算', '二、政府性基金预算', '三、国有资本经营预算']);
    expect(plan.body).toHaveLength(36); // as the fixture prints it: rows 6–41
    expect(plan.emptyNote).toBe('注：本表无数据');
  });
});

describe('function-class rows', () => {
  it('are the catalogue\'s classes, numbered in code order, with former names as aliases', () => {
    const classes = defaultCatalogue().classes('function');
    expect(FUNCTION_CLASS_ROWS.map((r) => r.code)).toEqual(classes.map((c) => c.code));
    expect(FUNCTION_CLASS_ROWS.map((r) => r.id)).toEqual(classes.map((c) => c.code));
    expect(FUNCTION_CLASS_ROWS.map((r) => labelsOf(r.label)[0]?.replace(/^[一二三四五六七八九十]+、/, ''))).toEqual(classes.map((c) => c.name));
    expect(labelsOf(FUNCTION_CLASS_ROWS[0]!.label)[0]).toBe('一、一般公共服务支出');
    expect(labelsOf(FUNCTION_CLASS_ROWS.at(-1)!.label)[0]).toBe('三十、抗疫特别国债安排的支出');
    expect(labelsOf(FUNCTION_CLASS_ROWS.find((r) => r.code === '210')!.label)).toEqual(['十、卫生健康支出', '医疗卫生与计划生育支出', '医疗卫生支出']);
  });
});

describe('short table names (tabs)', () => {
  it('every family names each table in at most 4 characters, uniquely', () => {
    for (const family of TEMPLATE_FAMILIES) {
      expect(family.shortTitles, family.id).toHaveLength(family.tables.length);
      expect(new Set(family.shortTitles).size, family.id).toBe(family.tables.length);
      for (const title of family.shortTitles) expect(title.length, `${family.id} ${title}`).toBeLessThanOrEqual(4);
    }
  });
});
