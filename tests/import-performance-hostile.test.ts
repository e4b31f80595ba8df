// Odd and hostile input near a form never throws: the form beside it is still read, the rest becomes notices.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { emptySheet, setCell, type SheetGrid } from '../src/main/import/grid';
import { holdsPerformanceForms, readPerformanceFile, readPerformanceSheet } from '../src/main/import/performance';
import { INDICATOR_FRAMEWORK } from '../src/shared/performance';
import { seededRandom } from './helpers/rng';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv } from './helpers/tsv-workbook';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('performance-hostile-');
});
afterAll(() => tmp.remove());

/** Writes tab-separated lines at (row, 1) on a sheet. */
function put(sheet: ExcelJS.Worksheet, row: number, lines: string): number {
  const list = lines.split('\n');
  list.forEach((line, i) => line.split('\t').forEach((field, c) => {
    if (field) sheet.getCell(row + i, c + 1).value = field;
  }));
  return row + list.length;
}

describe('garbage around a form', () => {
  it('reads the good form and reports the broken ones, without throwing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('乱');
    let row = 1;
    // A table of contents: titles with nothing under them; a sentence ending in a form's name is no title.
    row = put(sheet, row, '目录\n项目支出绩效目标表\n附件2：项目支出绩效目标表\n项目“某项目”没有项目支出绩效目标表');
    sheet.getCell(row, 3).value = 'x'.repeat(100_000);
    sheet.getCell(row + 1, 2).value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    sheet.getCell(row + 1, 4).value = 1e308;
    sheet.getCell(row + 2, 1).value = { formula: 'B2', result: '=HYPERLINK("x")' } as ExcelJS.CellFormulaValue;
    sheet.getCell(row + 2, 2).value = new Date(Date.UTC(2024, 0, 29));
    row += 4;
    // A titled form whose 项目名称 is blank.
    row = put(sheet, row, '项目支出绩效目标表\n项目名称\t\t主管部门及代码\t001-某部门\n项目资金（元）\t实施期资金总额：\tabc\t年度资金总额：\t1e999') + 2;
    // The good form.
    const good = row;
    row = put(sheet, row, performanceTsv('datong-2024-nasty-form.tsv')) + 1;
    // An indicator header with nonsense under it, and a 项目名称 that names a form without anything else.
    row = put(sheet, row, '项目支出绩效目标表\n项目名称\t垃圾项目\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值');
    for (let i = 0; i < 30; i++) {
      const cells = ['产出指标', '数量指标', '满意度', '成本指标', '≥', '%', '', '服务对象满意度', '经济效益指标', String(i)];
      cells.forEach((text, c) => {
        if ((i * 7 + c * 3) % 4 !== 0 && text) sheet.getCell(row + i, 1 + ((c * 5 + i) % 12)).value = text;
      });
    }
    sheet.mergeCells(row + 2, 2, row + 9, 3);
    sheet.mergeCells(row + 5, 4, row + 6, 8);
    const file = tmp.file('hostile.xlsx');
    await workbook.xlsx.writeFile(file);

    const read = await readPerformanceFile(file);
    expect(read.forms.map((f) => f.projectName)).toEqual(['Z专项检查工作经费', '垃圾项目']);
    expect(read.forms[0]?.source?.cell).toBe(`A${good}`);
    expect(read.forms[0]?.indicators).toHaveLength(14);
    expect(read.notices.map((n) => [n.level, n.cell, n.message])).toEqual(
      expect.arrayContaining([
        ['提示', 'A2', '「项目支出绩效目标表」下面没有绩效目标表的内容（如目录），已跳过。'],
        ['提示', 'A3', '「附件2：项目支出绩效目标表」下面没有绩效目标表的内容（如目录），已跳过。'],
        ['警告', 'A10', '「项目支出绩效目标表」没有填写项目名称（应在「项目名称」右边的单元格），未导入。'],
      ]),
    );
    expect(read.notices.filter((n) => n.cell === 'A4')).toEqual([]);
    for (const notice of read.notices) {
      expect(notice.file).toBe('hostile.xlsx');
      expect(notice.sheet).toBe('乱');
      expect(notice.cell).toMatch(/^[A-Z]+\d+$/);
    }
    for (const indicator of read.forms[1]?.indicators ?? []) {
      expect(['实施期', '年度']).toContain(indicator.period);
      expect(indicator.parsed?.text).toBe(indicator.value);
    }
    // Imported with the department's tables, the same sheet costs nothing else.
    const { book } = await importWorkbooks([DATONG_XLSX, file]);
    expect(book.tables).toHaveLength(13);
    expect(book.performanceForms?.map((f) => f.projectName)).toEqual(['Z专项检查工作经费', '垃圾项目']);
  });
});

describe('random sheets built from form words', () => {
  const LEVEL_WORDS = INDICATOR_FRAMEWORK.flatMap((l) => [l.name, ...l.level2, l.level2[0]?.slice(0, -1) ?? '']);
  const WORDS = [
    '项目支出绩效目标表', '部门（单位）整体绩效目标表', '项目绩效目标汇总表', '(2024年度)', '项目名称', '项目名称：某项目', '主管部门及代码',
    '实施单位', '项目属性', '项目期', '项目资金（元）', '实施期资金总额：', '年度资金总额：', '其中：中央财政资金', '市县（区）财政资', '金',
    '单位自筹', '其他资金', '项目概况', '总体目标', '实施期目标', '年度目标', '绩效指标', '一级指标', '二级指标', '三级指标', '指标值',
    '指标值说明', '负责人：', '填报日期：', '部门名称：某局', '年度主要任务', '任务名称', '主要内容', '预算情况', '部门预算总额（万元）',
    '（1）政府预算资金', '基本支出', '项目支出', '≥90%', '≤5万元', '满意', '保障保障', '28,569.78', '-', '五万元', '注：说明', '',
    ...LEVEL_WORDS,
  ];

  const TREE_WORDS = [...LEVEL_WORDS, ...LEVEL_WORDS, '≥90%', '≤5万元', '满意', '保障保障', '单位用水成本', '检查次数', '', '注：说明'];
  const HEADER = ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'];

  it('never throws, and every form read has a name and well-formed indicators', () => {
    const random = seededRandom(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    let forms = 0;
    let indicators = 0;
    for (let round = 0; round < 400; round++) {
      const sheet: SheetGrid = emptySheet(`随机${round}`);
      const rows = 1 + Math.floor(random() * 60);
      let treeRows = 0;
      for (let row = 1; row <= rows; row++) {
        if (random() < 0.08) {
          // A tree header now and then, rows of indicator words under it, so the tree reader has something to chew on.
          const offset = Math.floor(random() * 3);
          HEADER.forEach((text, i) => setCell(sheet, row, 1 + offset + i, { value: text }));
          treeRows = 8;
          continue;
        }
        const words = treeRows-- > 0 ? TREE_WORDS : WORDS;
        const width = Math.floor(random() * 10);
        for (let i = 0; i < width; i++) {
          const column = 1 + Math.floor(random() * 12);
          const roll = random();
          const value = roll < 0.1 ? random() * 1e6 : roll < 0.12 ? Number.MAX_VALUE : roll < 0.14 ? null : pick(words);
          setCell(sheet, row, column, { value });
        }
      }
      for (let m = 0; m < 3; m++) {
        const top = 1 + Math.floor(random() * rows);
        const left = 1 + Math.floor(random() * 10);
        sheet.merges.push({ top, left, bottom: top + Math.floor(random() * 5), right: left + Math.floor(random() * 3) });
      }
      let result: ReturnType<typeof readPerformanceSheet> | undefined;
      expect(() => {
        holdsPerformanceForms(sheet);
        result = readPerformanceSheet('随机.xlsx', sheet, { endBefore: [Math.floor(random() * rows)] });
      }, `round ${round}`).not.toThrow();
      for (const form of result?.forms ?? []) {
        forms++;
        indicators += form.indicators.length;
        expect(form.projectName).not.toBe('');
        for (const indicator of form.indicators) {
          expect(['实施期', '年度']).toContain(indicator.period);
          expect(indicator.parsed?.text).toBe(indicator.value);
        }
      }
      for (const notice of result?.notices ?? []) {
        expect(notice.message).not.toMatch(/出错/);
        expect(notice.sheet).toBe(sheet.name);
      }
    }
    // The words do make forms and trees: the rounds above exercised the readers, not only the block finder.
    expect(forms).toBeGreaterThan(100);
    expect(indicators).toBeGreaterThan(100);
  });
});
