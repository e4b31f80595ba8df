// .xlsx → SheetGrid with exceljs. Every cell shape exceljs returns is reduced to text or number here.
import ExcelJS from 'exceljs';
import { formatDecimals } from '../../shared/number-format';
import { ImportError } from './errors';
import { causeOf } from './library-errors';
import { dateText, emptySheet, setCell, type GridCell, type SheetGrid, type WorkbookGrid } from './grid';
import { resolveFormulasWithoutResult } from './resolve-formulas';
import { parseMergeRef } from './merge-ref';
import { fileLabel } from './file-label';

type ExcelValue = ExcelJS.CellValue;

function richTextOf(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join('');
}

/** Reduces a non-formula value to what the grid holds. */
function plainValue(value: unknown): Pick<GridCell, 'value' | 'error'> {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number' || typeof value === 'string') return { value };
  if (typeof value === 'boolean') return { value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { value: dateText(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return { value: richTextOf(value as ExcelJS.CellRichTextValue) };
    if (typeof v.error === 'string') return { value: null, error: v.error };
    if (typeof v.text === 'string') return { value: v.text }; // hyperlink
    if (typeof v.text === 'object' && v.text && Array.isArray((v.text as { richText?: unknown }).richText)) {
      return { value: richTextOf(v.text as ExcelJS.CellRichTextValue) };
    }
  }
  return { value: String(value) };
}

export function toGridCell(value: ExcelValue): GridCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)) {
    const formulaValue = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const formula = formulaValue.formula ?? `(共享公式 ${formulaValue.sharedFormula ?? ''})`;
    if (formulaValue.result === undefined || formulaValue.result === null) {
      return { value: null, formula, formulaWithoutResult: true };
    }
    return { ...plainValue(formulaValue.result), formula };
  }
  const plain = plainValue(value);
  if (plain.value === null && !plain.error) return undefined;
  return plain;
}

export async function readXlsx(file: string, buffer: Buffer): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError(`无法读取「${fileLabel(file)}」：${causeOf(error, 'xlsx')}。`, file);
  }
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    const sheet = emptySheet(worksheet.name);
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        // Merge slaves echo their master's value in exceljs; the master alone holds it.
        if (cell.isMerged && cell.master !== cell) return;
        const gridCell = toGridCell(cell.value);
        if (!gridCell) return;
        const indent = cell.alignment?.indent;
        if (indent) gridCell.indent = indent;
        const decimals = typeof gridCell.value === 'number' ? formatDecimals(cell.numFmt) : undefined;
        if (decimals !== undefined) gridCell.decimals = decimals;
        setCell(sheet, rowNumber, columnNumber, gridCell);
      });
    });
    const merges = (worksheet.model as unknown as { merges?: string[] }).merges ?? [];
    for (const ref of merges) {
      const range = parseMergeRef(ref);
      if (range) sheet.merges.push(range);
    }
    resolveFormulasWithoutResult(sheet);
    sheets.push(sheet);
  });
  return { file, format: 'xlsx', sheets };
}
