// Seed 000's workbook, validated: no errors, and exactly the 尾差 the published tables contain.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { Validator } from '../src/shared/validation';
import { DATONG_XLSX } from './helpers/seed';

let book: Book;
beforeAll(async () => {
  book = (await importWorkbooks([DATONG_XLSX])).book;
});

describe('seed 000 (大同市金融办 2024)', () => {
  it('has no errors and lists each 尾差 as a warning with its figures and cells', () => {
    const findings = new Validator(book).findings();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'info')).toEqual([]);
    const tails = findings.map((f) => [f.severity, f.roundingTail, f.locations[0]?.table, f.locations[0]?.row, f.locations[0]?.column, f.locations[0]?.cell, f.actual, f.expected, f.difference]);
    expect(tails).toEqual([
      // 表一: the 30 classes add up to 472.40, 本年支出合计 prints 472.39 (DESIGN.md §2)
      ['warning', true, 1, '本年支出合计', '当年预算安排', 'E35', '472.39', '472.40', '-0.01'],
      ['warning', true, 1, '本年支出合计', '2024年合计', 'D35', '472.39', '472.40', '-0.01'],
      // 表二: 款 21011 = 19.96 while its 项 add up to 19.97; 合计 472.39 vs classes 472.40
      ['warning', true, 2, '21011', '一般公共预算', 'D17', '19.96', '19.97', '-0.01'],
      ['warning', true, 2, '21011', '合计', 'C17', '19.96', '19.97', '-0.01'],
      ['warning', true, 2, '合计', '一般公共预算', 'D5', '472.39', '472.40', '-0.01'],
      ['warning', true, 2, '合计', '合计', 'C5', '472.39', '472.40', '-0.01'],
      // 表三 and 表五 print the same tree
      ['warning', true, 3, '21011', '基本支出', 'D17', '19.96', '19.97', '-0.01'],
      ['warning', true, 3, '21011', '合计', 'C17', '19.96', '19.97', '-0.01'],
      ['warning', true, 3, '合计', '基本支出', 'D5', '372.39', '372.40', '-0.01'],
      ['warning', true, 3, '合计', '合计', 'C5', '472.39', '472.40', '-0.01'],
      ['warning', true, 4, '本年支出合计', '小计', 'D36', '472.39', '472.40', '-0.01'],
      ['warning', true, 4, '本年支出合计', '一般公共预算', 'E36', '472.39', '472.40', '-0.01'],
      ['warning', true, 5, '21011', '基本支出', 'D17', '19.96', '19.97', '-0.01'],
      ['warning', true, 5, '21011', '合计', 'C17', '19.96', '19.97', '-0.01'],
      ['warning', true, 5, '合计', '基本支出', 'D5', '372.39', '372.40', '-0.01'],
      ['warning', true, 5, '合计', '合计', 'C5', '472.39', '472.40', '-0.01'],
      // 表六: 工资福利支出 352.29 while its items add up to 352.30
      ['warning', true, 6, '301', '人员经费', 'D6', '352.29', '352.30', '-0.01'],
      ['warning', true, 6, '301', '合计', 'C6', '352.29', '352.30', '-0.01'],
    ]);
  });

  it('explains a 尾差 in Chinese with the figures', () => {
    const finding = new Validator(book).findings().find((f) => f.key === 't02.tree:main:21011:total');
    expect(finding?.message).toBe('表二「21011 行政事业单位医疗」合计 19.96 与所属各项之和 19.97 不等，相差 -0.01，在四舍五入的尾差范围内（尾差）。');
    expect(finding?.locations.map((l) => `${l.sheet}!${l.cell}`)).toEqual(['预算公开表2!C17', '预算公开表2!C18', '预算公开表2!C19', '预算公开表2!C20']);
  });
});
