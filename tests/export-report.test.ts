// The 审核报告 names cells of the exported workbook, whatever layout the book was imported from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../src/main/export/export-book';
import { REPORT_SHEET } from '../src/main/export/write-report';
import { importWorkbooks } from '../src/main/import/import-book';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { buildVariant } from './helpers/variants';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('export-report-');
});
afterAll(() => tmp.remove());

describe('审核报告 locations', () => {
  it('point into the exported sheets, not the source file', async () => {
    const stacked = tmp.file('stacked.xlsx');
    await buildVariant(DATONG_XLSX, stacked, { stackOnOneSheet: '全部报表', columnOffset: 2 });
    const { book } = await importWorkbooks([stacked]);
    const { workbook, result } = buildWorkbook(book);
    const tail = result.findings.find((f) => f.key === 't02.tree:main:21011:total');
    expect(tail?.locations[0]).toMatchObject({ sheet: '预算公开表2', cell: 'C17' });
    expect(result.findings.flatMap((f) => f.locations).some((l) => l.sheet === '全部报表')).toBe(false);
    const buffer = await workbook.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    const report = back.getWorksheet(REPORT_SHEET);
    const positions: string[] = [];
    report?.eachRow((row, n) => {
      if (n > 2) positions.push(String(row.getCell(3).value));
    });
    expect(positions).toContain('表二 预算公开表2!C17；表二 预算公开表2!C18；表二 预算公开表2!C19 等');
  });
});
