// Builds messy copies of a workbook the way real files differ: shifted tables, renamed sheets,
// numbers stored as text, codes stored as numbers, line breaks in headers, extra sheets, .xls.
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';

export interface VariantOptions {
  rowOffset?: number;
  columnOffset?: number;
  renameSheet?: (name: string, index: number) => string;
  /** Rewrites a cell value; `row`/`column` are the source position. */
  value?: (value: ExcelJS.CellValue, at: { sheet: string; row: number; column: number }) => ExcelJS.CellValue;
  /** Sheets added before the copied ones. */
  extraSheetsFirst?: { name: string; rows: string[][] }[];
  /** Put every table on one sheet, one below the other (blank rows between). */
  stackOnOneSheet?: string;
}

export async function buildVariant(source: string, target: string, options: VariantOptions): Promise<void> {
  const input = new ExcelJS.Workbook();
  await input.xlsx.readFile(source);
  const output = new ExcelJS.Workbook();
  for (const extra of options.extraSheetsFirst ?? []) {
    const sheet = output.addWorksheet(extra.name);
    extra.rows.forEach((row) => sheet.addRow(row));
  }
  const stacked = options.stackOnOneSheet ? output.addWorksheet(options.stackOnOneSheet) : undefined;
  let stackOffset = 0;
  input.worksheets.forEach((sheet, index) => {
    const target = stacked ?? output.addWorksheet(options.renameSheet ? options.renameSheet(sheet.name, index) : sheet.name);
    const dr = (options.rowOffset ?? 0) + stackOffset;
    const dc = options.columnOffset ?? 0;
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = options.value ? options.value(cell.value, { sheet: sheet.name, row: r, column: c }) : cell.value;
        target.getCell(r + dr, c + dc).value = value;
      });
    });
    const merges = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
    for (const merge of merges) {
      const [from, to] = merge.split(':');
      const a = sheet.getCell(from ?? 'A1');
      const b = sheet.getCell(to ?? from ?? 'A1');
      target.mergeCells(Number(a.row) + dr, Number(a.col) + dc, Number(b.row) + dr, Number(b.col) + dc);
    }
    if (stacked) stackOffset += sheet.rowCount + 3;
  });
  await output.xlsx.writeFile(target);
}

/** The same workbook saved as legacy Excel 97-2003 (.xls, BIFF8) by an independent writer (SheetJS). */
export function saveAsXls(sourceXlsx: string, targetXls: string): void {
  const workbook = XLSX.read(readFileSync(sourceXlsx), { type: 'buffer', cellStyles: false });
  writeFileSync(targetXls, XLSX.write(workbook, { bookType: 'biff8', type: 'buffer' }) as Buffer);
}
