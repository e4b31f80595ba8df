// 审核报告: the findings a reviewer will see, with the clerk's 审核说明, as the last sheet of the export.
import type ExcelJS from 'exceljs';
import { SEVERITY_LABELS, type Finding } from '../../shared/validation';
import { EXPORT_STYLE, textWidth } from './style';
import { tableLabel, type Numbered } from '../../shared/labels';

export const REPORT_SHEET = '审核报告';

const COLUMNS: { header: string; width: number; value: (f: Finding, i: number, family: Numbered) => string | number }[] = [
  { header: '序号', width: 6, value: (_f, i) => i + 1 },
  { header: '级别', width: 13, value: (f) => SEVERITY_LABELS[f.severity] + (f.roundingTail ? '（尾差）' : '') },
  { header: '位置', width: 34, value: (f, _i, family) => [formPlace(f), ...f.locations.slice(0, 3).map((l) => `${tableLabel(family, l.table)}${l.sheet && l.cell ? ` ${l.sheet}!${l.cell}` : ''}`)].filter(Boolean).join('；') + (f.locations.length > 3 ? ' 等' : '') },
  { header: '问题', width: 70, value: (f) => f.message },
  { header: '审核说明', width: 40, value: (f) => f.explanation ?? '' },
];

/** A 绩效目标表 finding's place: the form's sheet and cell in this workbook and the field, e.g. 「绩效-J水电物业经费!H6 年度资金总额」. */
function formPlace(f: Finding): string {
  if (!f.form) return '';
  const at = f.form.sheet ? `${f.form.sheet}${f.form.cell ? `!${f.form.cell}` : ''} ` : `${f.form.name} `;
  return `${at}${f.form.label}`;
}

/** `family` names the tables (表一 or 表1, src/shared/labels.ts). */
export function writeReport(sheet: ExcelJS.Worksheet, findings: readonly Finding[], title: string, fonts: { body: string; title: string }, family: Numbered): void {
  const font = { name: fonts.body, size: EXPORT_STYLE.bodySize };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { name: fonts.title, size: EXPORT_STYLE.titleSize, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  COLUMNS.forEach((column, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = column.header;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = border;
    sheet.getColumn(i + 1).width = column.width;
  });
  findings.forEach((finding, index) => {
    let lines = 1;
    COLUMNS.forEach((column, i) => {
      const cell = sheet.getCell(3 + index, i + 1);
      const value = column.value(finding, index, family);
      cell.value = value;
      cell.font = font;
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true };
      // Wrapped text needs the row to grow: spreadsheets do not size rows for text written by a program.
      lines = Math.max(lines, Math.ceil(textWidth(String(value)) / Math.max(column.width - 1, 1)));
    });
    sheet.getRow(3 + index).height = lines * (EXPORT_STYLE.rowHeight - 0.5);
  });
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '2:2' };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
}
