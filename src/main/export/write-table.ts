// Paints one TablePlan onto an exceljs worksheet: title, meta lines, merged header, body, note, print setup.
import type ExcelJS from 'exceljs';
import type { TablePlan } from '../../shared/export/layout';
import { columnUnits } from '../../shared/export/print-geometry';
import { chooseOrientation, EXPORT_STYLE } from './style';

/** Amounts as the family prints them: "#,##0.00" for 万元 and 分, "#,##0" for whole 元. */
const numberFormat = (decimals: number): string => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The one place a stored decimal string becomes the double a spreadsheet cell holds. */
export function toSpreadsheetNumber(value: string): number {
  return Number(value);
}

/**
 * Paints the plan; returns where each book cell landed ("side|rowKey|columnId" → "C8") so the 审核报告 can
 * name cells of this workbook rather than of the file the book was imported from.
 */
export function writeTable(sheet: ExcelJS.Worksheet, plan: TablePlan, fonts: { body: string; title: string }): Map<string, string> {
  const placed = new Map<string, string>();
  const width = plan.header.columns;
  const bodyFont: Partial<ExcelJS.Font> = { name: fonts.body, size: EXPORT_STYLE.bodySize };

  // The family's heading (决算: department and year), then the title across the table.
  let top = 1;
  if (plan.heading) {
    sheet.mergeCells(top, 1, top, width);
    const heading = sheet.getCell(top, 1);
    heading.value = plan.heading;
    heading.font = { name: fonts.title, size: EXPORT_STYLE.bodySize + 2, bold: true };
    heading.alignment = { horizontal: 'center', vertical: 'middle' };
    top++;
  }
  sheet.mergeCells(top, 1, top, width);
  const title = sheet.getCell(top, 1);
  title.value = plan.title;
  title.font = { name: fonts.title, size: EXPORT_STYLE.titleSize, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(top).height = EXPORT_STYLE.titleHeight;

  // 部门名称 / 编制部门 on the left, 单位 on the right.
  const metaRow = top + 1;
  const unitColumn = width;
  if (width > 1) sheet.mergeCells(metaRow, 1, metaRow, Math.max(1, width - 1));
  sheet.getCell(metaRow, 1).value = `${plan.departmentLabel}：${plan.department}`;
  sheet.getCell(metaRow, 1).font = bodyFont;
  sheet.getCell(metaRow, 1).alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getCell(metaRow, unitColumn).value = `单位：${plan.unit}`;
  sheet.getCell(metaRow, unitColumn).font = bodyFont;
  sheet.getCell(metaRow, unitColumn).alignment = { horizontal: 'right', vertical: 'middle' };

  // Header rows, merged as the header tree says.
  const headerTop = metaRow + 1;
  for (const cell of plan.header.cells) {
    const top = headerTop + cell.row;
    const left = 1 + cell.column;
    const bottom = top + cell.rowSpan - 1;
    const right = left + cell.columnSpan - 1;
    if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
    const target = sheet.getCell(top, left);
    target.value = cell.label;
  }
  const headerBottom = headerTop + plan.header.rows - 1;
  for (let row = headerTop; row <= headerBottom; row++) {
    for (let column = 1; column <= width; column++) {
      const cell = sheet.getCell(row, column);
      cell.font = { ...bodyFont, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }

  let row = headerBottom + 1;
  if (plan.columnNumbers) {
    for (let column = 1; column <= width; column++) {
      const cell = sheet.getCell(row, column);
      cell.value = String(column);
      cell.font = bodyFont;
      cell.alignment = { horizontal: 'center' };
      cell.border = THIN;
    }
    row++;
  }

  for (const line of plan.body) {
    line.forEach((body, index) => {
      const cell = sheet.getCell(row, index + 1);
      cell.font = bodyFont;
      cell.border = THIN;
      if (body.origin) placed.set(`${body.origin.side}|${body.origin.rowKey}|${plan.header.columnIds[index] ?? ''}`, cell.address);
      if (body.kind === 'amount') {
        if (body.value !== undefined) cell.value = toSpreadsheetNumber(body.value);
        cell.numFmt = numberFormat(body.decimals ?? 2);
        cell.alignment = { horizontal: 'right', vertical: 'middle', indent: 1 };
      } else if (body.kind === 'text') {
        // Always a string cell: text that starts with = + - @ stays text, never a formula.
        cell.value = body.text;
        cell.alignment = { horizontal: 'left', vertical: 'middle', ...(body.indent ? { indent: body.indent } : {}) };
      }
    });
    row++;
  }

  if (plan.emptyNote) {
    sheet.getCell(row, 1).value = plan.emptyNote;
    sheet.getCell(row, 1).font = bodyFont;
  }

  // Widths as the print geometry sets them (shared with the 打印预览), the title included.
  const { widths, printedWidth } = columnUnits(plan);
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });

  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: chooseOrientation(printedWidth, plan.emptyNote ? row : row - 1),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerTop}:${plan.columnNumbers ? headerBottom + 1 : headerBottom}`,
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  sheet.views = [{ state: 'frozen', ySplit: plan.columnNumbers ? headerBottom + 1 : headerBottom }];
  return placed;
}
