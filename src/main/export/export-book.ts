// Book → submission-ready workbook: every table of the template, one sheet each, then the 审核报告 when
// the book has errors or warnings (or when asked). Written to a temporary file and renamed, so a crash
// never leaves a half-written workbook under the clerk's chosen name.
import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import type { Book } from '../../shared/book';
import { planTable } from '../../shared/export/layout';
import { findFamily } from '../../shared/template/registry';
import { summarise, Validator, type Finding, type ValidationSummary } from '../../shared/validation';
import { DEFAULT_FONTS } from './style';
import { REPORT_SHEET, writeReport } from './write-report';
import { exportTitle, reportTitle } from '../../shared/labels';
import { writeTable } from './write-table';
import { placedCell, writePerformanceSheets, type PlacedForms } from './performance/write-forms';
import { describeWriteError } from './write-errors';

export type ReportChoice = 'auto' | 'always' | 'never';

export interface ExportResult {
  summary: ValidationSummary;
  findings: Finding[];
  reportIncluded: boolean;
  sheets: string[];
}

export function buildWorkbook(book: Book, report: ReportChoice = 'auto'): { workbook: ExcelJS.Workbook; result: ExportResult } {
  const family = findFamily(book.familyId);
  if (!family) throw new Error(`未知的模板「${book.familyId}」，无法导出。`);
  const fonts = family.fonts ?? DEFAULT_FONTS;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '预算公开工作台';
  workbook.title = exportTitle(book);
  const placed = new Map<string, { sheet: string; cells: Map<string, string> }>();
  for (const def of family.tables) {
    const sheet = workbook.addWorksheet(def.sheetName);
    placed.set(def.id, { sheet: def.sheetName, cells: writeTable(sheet, planTable(book, def, book.tables.find((t) => t.tableId === def.id), family, 'print'), fonts) });
  }
  // The 绩效目标表 after the tables, before the 审核报告.
  const forms = writePerformanceSheets(workbook, book, fonts);
  const findings = new Validator(book).findings().map((finding) => inExport(finding, placed, forms));
  const summary = summarise(findings);
  const reportIncluded = report === 'always' || (report === 'auto' && summary.errors + summary.warnings > 0);
  if (reportIncluded) {
    const listed = findings.filter((f) => f.severity !== 'info' || report === 'always');
    writeReport(workbook.addWorksheet(REPORT_SHEET), listed, reportTitle(book), fonts, family);
  }
  return { workbook, result: { summary, findings, reportIncluded, sheets: workbook.worksheets.map((s) => s.name) } };
}

/** Points a finding's locations (and its form field) at the exported workbook's sheets and cells. */
function inExport(finding: Finding, placed: Map<string, { sheet: string; cells: Map<string, string> }>, forms: PlacedForms): Finding {
  const form = finding.form;
  const formSheet = form && (form.scope === 'department' ? forms.department : form.formIndex !== undefined ? forms.projects[form.formIndex] : undefined);
  const formCell = formSheet && form ? placedCell(formSheet, form.field) : undefined;
  return {
    ...finding,
    ...(form && formSheet ? { form: { ...form, sheet: formSheet.sheet, ...(formCell ? { cell: formCell } : {}) } } : {}),
    locations: finding.locations.map((location) => {
      const table = placed.get(location.tableId);
      if (!table) return location;
      const cell = table.cells.get(`${location.side ?? 'main'}|${location.rowKey}|${location.columnId ?? ''}`);
      const { cell: _sourceCell, ...rest } = location;
      return { ...rest, sheet: table.sheet, ...(cell ? { cell } : {}) };
    }),
  };
}

export async function exportBook(book: Book, out: string, report: ReportChoice = 'auto'): Promise<ExportResult> {
  const { workbook, result } = buildWorkbook(book, report);
  const temporary = `${out}.${process.pid}.tmp`;
  try {
    await workbook.xlsx.writeFile(temporary);
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw describeWriteError(error, out);
  }
  return result;
}
