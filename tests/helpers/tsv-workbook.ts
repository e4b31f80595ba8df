// Builds an .xlsx from tab-separated text as the seeds print it (one line a row, one tab field a cell, at the printed
// position — the real shifts kept): all forms stacked on one sheet, or one sheet per form.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PERFORMANCE_FIXTURES = join(__dirname, '..', 'fixtures', 'performance');

/** A fixture's text by file name (tests/fixtures/performance/NAME). */
export function performanceTsv(name: string): string {
  return readFileSync(join(PERFORMANCE_FIXTURES, name), 'utf8');
}

export interface TsvWorkbookOptions {
  /** 'stacked': every source on one sheet, two blank rows between sources; 'per-form': a sheet per form. */
  layout: 'stacked' | 'per-form';
  /** Write fields that read as plain numbers ("50,000", "0", "20240129115246") as numbers, as an exported workbook has them. */
  numbers?: boolean;
  /** Sheet name(s): the stacked sheet's name, or per-form names by index (default 表1, 表2 …). */
  sheetName?: string | ((index: number) => string);
  /** Ranges to merge ("C5:C8") on every sheet written. */
  merges?: readonly string[];
  /** Rows/columns to move everything by. */
  rowOffset?: number;
  columnOffset?: number;
}

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A form starts at a line that is its title: …绩效目标表 / …申报表 / 整体绩效目标表 (not a sentence mentioning one). */
const isTitleLine = (line: string): boolean => /绩效目标[^\t]*表\s*$/.test(line.trim()) && !line.includes('\t');

export function splitForms(tsv: string): string[][] {
  const lines = tsv.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const forms: string[][] = [];
  for (const line of lines) {
    if (isTitleLine(line) || forms.length === 0) forms.push([]);
    forms[forms.length - 1]?.push(line);
  }
  return forms;
}

function writeLines(sheet: ExcelJS.Worksheet, lines: readonly string[], firstRow: number, options: TsvWorkbookOptions): void {
  lines.forEach((line, i) => {
    line.split('\t').forEach((field, c) => {
      if (field === '') return;
      const cell = sheet.getCell(firstRow + i, c + 1 + (options.columnOffset ?? 0));
      cell.value = options.numbers && NUMBER.test(field.trim()) ? Number(field.trim().replace(/,/g, '')) : field;
    });
  });
}

/** Writes the workbook to `path` and returns the path. */
export async function tsvWorkbook(sources: string | readonly string[], path: string, options: TsvWorkbookOptions): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const texts = typeof sources === 'string' ? [sources] : sources;
  const nameOf = (index: number): string =>
    typeof options.sheetName === 'function' ? options.sheetName(index) : options.sheetName && options.layout === 'stacked' ? options.sheetName : `表${index + 1}`;
  const finish = (sheet: ExcelJS.Worksheet): void => {
    for (const range of options.merges ?? []) sheet.mergeCells(range);
  };
  const start = 1 + (options.rowOffset ?? 0);
  if (options.layout === 'stacked') {
    const sheet = workbook.addWorksheet(nameOf(0));
    let row = start;
    for (const text of texts) {
      const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
      writeLines(sheet, lines, row, options);
      row += lines.length + 2;
    }
    finish(sheet);
  } else {
    texts.flatMap(splitForms).forEach((lines, index) => {
      const sheet = workbook.addWorksheet(nameOf(index));
      writeLines(sheet, lines, start, options);
      finish(sheet);
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}
