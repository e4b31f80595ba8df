// The exported workbook read back by an independent reader: Python's openpyxl (tests/helpers/inspect_xlsx.py),
// not exceljs. Checks what a clerk or a finance bureau's Excel would see: sheet names, merged title and
// header, number formats and numeric amounts, text codes, print setup, fonts, and that no cell is a formula,
// not even a name that starts with = + - @.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { chooseOrientation, EXPORT_STYLE } from '../src/main/export/style';
import { REPORT_SHEET } from '../src/main/export/write-report';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { planTable } from '../src/shared/export/layout';
import { headerGrid } from '../src/shared/template/header-grid';
import { findFamily } from '../src/shared/template/registry';
import { SHANXI_2024 } from '../src/shared/template/families/shanxi-2024';
import type { TableDef } from '../src/shared/template/types';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const PYTHON = '/usr/bin/python3';
const INSPECT = join(__dirname, 'helpers', 'inspect_xlsx.py');

interface CellInfo {
  value: string | number | boolean | null;
  /** openpyxl data_type: 's' string, 'n' number, 'f' formula, 'b' bool, 'd' date, 'e' error */
  type: string;
  format: string;
  font: { name: string | null; size: number | null; bold: boolean };
}

interface SheetInfo {
  name: string;
  title: string | null;
  titleFont: CellInfo['font'];
  maxRow: number;
  maxColumn: number;
  merged: string[];
  printTitleRows: string | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean | null;
  paperSize: number | null;
  orientation: string | null;
  horizontalCentered: boolean | null;
  footer: { left: string | null; center: string | null; right: string | null };
  columnWidths: (number | null)[];
  cells: Record<string, CellInfo>;
}

interface Inspection {
  openpyxl: string;
  sheets: SheetInfo[];
}

/** Runs the openpyxl reader; a missing tool fails with the Debian package to install. */
function inspect(file: string): Inspection {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found: install the Debian packages python3 and python3-openpyxl`);
  const run = spawnSync(PYTHON, [INSPECT, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
  if (run.error) throw new Error(`cannot run ${PYTHON}: ${run.error.message} (install the Debian packages python3 and python3-openpyxl)`);
  if (run.status !== 0) {
    const hint = /openpyxl is missing|No module named/.test(run.stderr) ? ' — install the Debian package python3-openpyxl' : '';
    throw new Error(`inspect_xlsx.py failed (exit ${run.status})${hint}:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as Inspection;
}

function letter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const address = (row: number, column: number): string => `${letter(column)}${row}`;
const range = (top: number, left: number, bottom: number, right: number): string => `${address(top, left)}:${address(bottom, right)}`;
const rowsOf = (merged: string): [number, number] => {
  const rows = merged.match(/\d+/g)?.map(Number) ?? [];
  return [rows[0] ?? 0, rows[1] ?? rows[0] ?? 0];
};

let tmp: TmpDir;
let book: Book;
let tables: readonly TableDef[];
let main: Inspection;
let reportWarnings = 0;

function sheet(inspection: Inspection, name: string): SheetInfo {
  const found = inspection.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`sheet ${name} missing; sheets: ${inspection.sheets.map((s) => s.name).join(', ')}`);
  return found;
}

function tableSheet(no: number): SheetInfo {
  return sheet(main, `预算公开表${no}`);
}

function cell(info: SheetInfo, at: string): CellInfo | undefined {
  return info.cells[at];
}

/** First printed body row: after the title, the meta line, the header and (表十二/十三) the column numbers. */
function bodyStart(def: TableDef): number {
  return 3 + headerGrid(def.header, book.year).rows + (def.columnNumberRow ? 1 : 0);
}

beforeAll(async () => {
  tmp = makeTmpDir('export-openpyxl-');
  ({ book } = await importWorkbooks([DATONG_XLSX]));
  const family = findFamily(book.familyId);
  if (!family) throw new Error(`family ${book.familyId} not registered`);
  tables = family.tables;
  const out = tmp.file('大同-导出.xlsx');
  const result = await exportBook(book, out);
  reportWarnings = result.summary.warnings;
  main = inspect(out);
}, 120_000);

afterAll(() => tmp?.remove());

describe('exported department book, read by openpyxl', () => {
  it('has the sheets 预算公开表1…13, then 审核报告 because seed 000 has rounding warnings', () => {
    expect(reportWarnings).toBe(18);
    expect(main.sheets.map((s) => s.name)).toEqual([...Array.from({ length: 13 }, (_, i) => `预算公开表${i + 1}`), REPORT_SHEET]);
    expect(tables.map((t) => t.sheetName)).toEqual(main.sheets.slice(0, 13).map((s) => s.name));
  });

  it('leaves out 审核报告 when asked to', async () => {
    const out = tmp.file('无报告.xlsx');
    await exportBook(book, out, 'never');
    expect(inspect(out).sheets.map((s) => s.name)).toEqual(Array.from({ length: 13 }, (_, i) => `预算公开表${i + 1}`));
  });

  it('merges each title across the full table width, in 宋体 16 bold', () => {
    expect(tableSheet(1).merged).toContain('A1:F1');
    expect(tableSheet(9).merged).toContain('A1:H1');
    for (const def of tables) {
      const info = tableSheet(def.no);
      const width = headerGrid(def.header, book.year).columns;
      expect(info.merged, `表${def.no}`).toContain(range(1, 1, 1, width));
      expect(info.maxColumn, `表${def.no}`).toBe(width);
      expect(info.title, `表${def.no}`).toBe(def.title.replace('{year}', String(book.year)));
      expect(info.titleFont, `表${def.no}`).toEqual({ name: '宋体', size: EXPORT_STYLE.titleSize, bold: true });
      expect(cell(info, 'A2')?.value, `表${def.no}`).toBe(`部门名称：${book.department}`);
      expect(cell(info, address(2, width))?.value, `表${def.no}`).toBe('单位：万元');
    }
    const report = sheet(main, REPORT_SHEET);
    expect(report.title).toBe(`${book.department} ${book.year}年 审核报告`);
    expect(report.merged).toContain(range(1, 1, 1, report.maxColumn));
    expect(report.titleFont).toEqual({ name: '宋体', size: 16, bold: true });
  });

  it('merges the header exactly as the template header grid says, labels in the top-left cells', () => {
    expect(tableSheet(1).merged).toEqual(expect.arrayContaining(['A3:B3', 'C3:F3']));
    expect(cell(tableSheet(1), 'A3')?.value).toBe('收入');
    expect(cell(tableSheet(1), 'C3')?.value).toBe('支出');
    expect(tableSheet(4).merged).toContain('D4:G4');
    expect(cell(tableSheet(4), 'D4')?.value).toBe('金额');
    expect(tableSheet(12).merged).toContain('C3:E3');
    expect(cell(tableSheet(12), 'C3')?.value).toBe('2024年财政拨款');

    for (const def of tables) {
      const info = tableSheet(def.no);
      const grid = headerGrid(def.header, book.year);
      const bottom = 2 + grid.rows;
      const expected = grid.cells
        .filter((c) => c.rowSpan > 1 || c.columnSpan > 1)
        .map((c) => range(3 + c.row, 1 + c.column, 3 + c.row + c.rowSpan - 1, c.column + c.columnSpan))
        .sort();
      const actual = info.merged.filter((m) => rowsOf(m)[0] >= 3 && rowsOf(m)[0] <= bottom).sort();
      expect(actual, `表${def.no} header merges`).toEqual(expected);
      // Nothing below the header is merged (body cells stay addressable one by one).
      expect(info.merged.filter((m) => rowsOf(m)[1] > bottom), `表${def.no} body merges`).toEqual([]);
      for (const c of grid.cells) {
        const at = address(3 + c.row, 1 + c.column);
        expect(cell(info, at)?.value, `表${def.no} ${at}`).toBe(c.label);
        expect(cell(info, at)?.type, `表${def.no} ${at}`).toBe('s');
        expect(cell(info, at)?.font, `表${def.no} ${at}`).toMatchObject({ name: '宋体', bold: true });
      }
      if (def.columnNumberRow) {
        for (let column = 1; column <= grid.columns; column++) expect(cell(info, address(bottom + 1, column))?.value).toBe(String(column));
      }
    }
  });

  it('writes amounts as numbers formatted #,##0.00 and names/codes as text, exactly as the book holds them', () => {
    const t1 = tableSheet(1);
    expect(cell(t1, 'B5')).toMatchObject({ value: 472.39, type: 'n', format: '#,##0.00' });
    const code = Object.values(tableSheet(3).cells).find((c) => c.value === '2010301');
    expect(code).toMatchObject({ type: 's', format: 'General' });
    expect(Object.values(tableSheet(3).cells).some((c) => c.value === 2010301)).toBe(false);

    let amounts = 0;
    for (const def of tables) {
      const info = tableSheet(def.no);
      const grid = headerGrid(def.header, book.year);
      // The body is laid out by the sides' columns; the header by the header tree: they must agree.
      expect(def.sides.flatMap((s) => s.columns.map((c) => c.id)), `表${def.no} column order`).toEqual(grid.columnIds);
      const plan = planTable(book, def, book.tables.find((t) => t.tableId === def.id), SHANXI_2024, 'print');
      const first = bodyStart(def);
      plan.body.forEach((line, i) => {
        line.forEach((body, j) => {
          const at = address(first + i, j + 1);
          const seen = cell(info, at);
          const where = `表${def.no} ${at}`;
          if (body.kind === 'amount') {
            expect(seen?.format, where).toBe('#,##0.00');
            if (body.value === undefined) {
              expect(seen?.value ?? null, where).toBeNull();
            } else {
              amounts++;
              expect(seen?.type, where).toBe('n');
              expect(seen?.value, where).toBe(Number(body.value));
            }
          } else if (body.kind === 'text') {
            expect(seen, where).toMatchObject({ value: body.text, type: 's' });
          } else {
            expect(seen?.value ?? null, where).toBeNull();
          }
          if (seen) expect(seen.font, where).toEqual({ name: '宋体', size: EXPORT_STYLE.bodySize, bold: false });
        });
      });
      const firstBody = cell(info, address(first, 1));
      if (plan.body.length > 0 && firstBody) expect(firstBody.font, `表${def.no} first body cell`).toEqual({ name: '宋体', size: 11, bold: false });
    }
    // Every amount of the seed's tables (249 figures) plus the printed totals the book holds.
    expect(amounts).toBeGreaterThanOrEqual(249);
  });

  it('uses 宋体 everywhere and never writes a formula (totals are values)', () => {
    for (const info of main.sheets) {
      const cells = Object.entries(info.cells);
      expect(cells.filter(([, c]) => c.type === 'f').map(([at]) => `${info.name}!${at}`)).toEqual([]);
      expect(cells.filter(([, c]) => c.value !== null && c.font.name !== '宋体').map(([at]) => `${info.name}!${at}`)).toEqual([]);
    }
  });

  it('prints on A4, one page wide, header rows repeated, centred, with page numbers', () => {
    expect(tableSheet(1).printTitleRows?.replace(/\$/g, '')).toBe('3:4');
    expect(tableSheet(12).printTitleRows?.replace(/\$/g, '')).toBe('3:5');
    expect(tableSheet(13).printTitleRows?.replace(/\$/g, '')).toBe('3:5');
    for (const def of tables) {
      const info = tableSheet(def.no);
      const where = `表${def.no}`;
      expect(info.printTitleRows?.replace(/\$/g, ''), where).toBe(`3:${bodyStart(def) - 1}`);
      expect(info.fitToWidth, where).toBe(1);
      expect(info.fitToHeight, where).toBe(0);
      expect(info.fitToPage, where).toBe(true);
      expect(info.paperSize, where).toBe(9);
      expect(info.horizontalCentered, where).toBe(true);
      expect(info.footer.center, where).toBe('第 &P 页 共 &N 页');
      const printedWidth = info.columnWidths.reduce<number>((sum, w) => sum + (w ?? 0), 0);
      expect(info.orientation, `${where} (width ${printedWidth})`).toBe(chooseOrientation(printedWidth, info.maxRow));
    }
    // Wide tables go landscape, narrow ones portrait; 表一 is wide but short enough for one portrait page.
    expect(tableSheet(2).orientation).toBe('landscape');
    expect(tableSheet(3).orientation).toBe('portrait');
    expect(tableSheet(1).orientation).toBe('portrait');
    const report = sheet(main, REPORT_SHEET);
    expect(report).toMatchObject({ fitToWidth: 1, fitToHeight: 0, fitToPage: true, paperSize: 9, orientation: 'landscape' });
    expect(report.printTitleRows?.replace(/\$/g, '')).toBe('2:2');
    expect(report.footer.center).toBe('第 &P 页 共 &N 页');
  });
});

describe('formula injection', () => {
  const PAYLOADS = ['=HYPERLINK("http://x","y")', '@SUM(1)', '+1+2', '-3-4', '=cmd|\' /C calc\'!A0'];

  it('keeps names starting with = + - @ as text cells, never formulas', async () => {
    const copy = structuredClone(book);
    const t12 = copy.tables.find((t) => t.no === 12);
    const projects = t12?.rows.filter((r) => r.level === 'project') ?? [];
    expect(projects.length).toBeGreaterThanOrEqual(4);
    PAYLOADS.slice(0, 4).forEach((payload, i) => {
      const project = projects[i];
      if (project) project.name = payload;
    });
    const t3item = copy.tables.find((t) => t.no === 3)?.rows.find((r) => r.level === 'item');
    expect(t3item).toBeDefined();
    if (t3item) t3item.name = PAYLOADS[4] ?? '';

    const out = tmp.file('注入.xlsx');
    await exportBook(copy, out, 'never');
    const injected = inspect(out);
    for (const payload of PAYLOADS) {
      const hits = injected.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.value === payload).map(([at, c]) => ({ at: `${s.name}!${at}`, type: c.type })));
      expect(hits.length, payload).toBeGreaterThanOrEqual(1);
      expect(hits.filter((h) => h.type !== 's'), payload).toEqual([]);
    }
    for (const info of injected.sheets) {
      expect(Object.entries(info.cells).filter(([, c]) => c.type === 'f').map(([at]) => `${info.name}!${at}`)).toEqual([]);
    }
  });
});
