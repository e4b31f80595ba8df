// One labels module: tables are named the way each family's documents number them, everywhere.
import { describe, expect, it } from 'vitest';
import { CHINESE_ORDINALS, chineseNumeral, exportFileName, exportTitle, reportTitle, sideName, tableLabel, tablesLabel } from '../src/shared/labels';
import { findFamily } from '../src/shared/template/registry';

describe('labels', () => {
  it('writes Chinese numerals as the documents print them', () => {
    expect([1, 9, 10, 11, 13, 20, 21, 30, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十三', '二十', '二十一', '三十', '九十九']);
    expect(CHINESE_ORDINALS).toHaveLength(99);
    expect(CHINESE_ORDINALS[11]).toBe('十二');
  });

  it('names a table in its family\'s numbering: 山西 and 决算 表一, 上海 and 河南 表1', () => {
    const label = (id: string, no: number): string => tableLabel(findFamily(id), no);
    expect(label('shanxi-2024', 12)).toBe('表十二');
    expect(label('mof-final-accounts', 3)).toBe('表三');
    expect(label('shanghai-2026-department', 4)).toBe('表4');
    expect(label('shanghai-2026-unit', 9)).toBe('表9');
    expect(label('henan-2024', 10)).toBe('表10');
    expect(tableLabel(undefined, 3)).toBe('表3');
    expect(tablesLabel(findFamily('shanxi-2024'), [1, 2, 12])).toBe('表一、二、十二');
  });

  it('names sides and the export', () => {
    expect([sideName('main'), sideName('income'), sideName('expenditure')]).toEqual(['', '收入方', '支出方']);
    const book = { department: '大同市人民政府金融工作办公室', year: 2024 };
    expect(exportFileName(book)).toBe('大同市人民政府金融工作办公室2024年部门预算公开.xlsx');
    expect(exportTitle(book)).toBe('大同市人民政府金融工作办公室 2024年部门预算公开');
    expect(reportTitle(book)).toBe('大同市人民政府金融工作办公室 2024年 审核报告');
  });
});
