// One template table as a section of the document: the plan the Excel export paints (planTable, print mode) set as a
// Word table — the family's heading, the title, 部门名称 … 单位, the merged header repeated on every page, the column
// numbers, the body, "注：本表无数据" — on a page turned the way the workbook prints it (print-geometry).
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, VerticalAlignTable, WidthType, type ISectionOptions } from 'docx';
import type { BodyCell, TablePlan } from '../../../shared/export/layout';
import { chooseOrientation, columnUnits } from '../../../shared/export/print-geometry';
import { DOCUMENT_TEXT } from '../../../shared/strings';
import { fitColumns, printedText } from './column-fit';
import { A4, CELL_MARGIN_TWIPS, FONTS, SIZES, TABLE_MARGINS, textWidth, twips } from './look';
import { centred, fixedLines, markedHeading, run, type ContentsCollector, type RunLook } from './runs';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export interface TableSectionInput {
  plan: TablePlan;
  /** Its line in the 目录 (表一 2024年预算收支总表). */
  entry: string;
  /** The part heading printed above the first table (第二部分 …), with its own 目录 line. */
  partHeading?: string;
  contents: ContentsCollector;
  footer: ISectionOptions['footers'];
  /** Page numbering starts at 1 here (the first numbered page). */
  firstNumbered?: boolean;
}

export function tableSection(input: TableSectionInput): ISectionOptions {
  const { plan, contents } = input;
  const orientation = chooseOrientation(columnUnits(plan).printedWidth, printedLines(plan));
  const available = textWidth(TABLE_MARGINS, orientation);
  const fit = fitColumns(plan, available);
  const children: (Paragraph | Table)[] = [];
  if (input.partHeading) {
    children.push(markedHeading(contents, input.partHeading, 1, { font: FONTS.title, size: SIZES.partTitle }, { heading: HeadingLevel.HEADING_1, alignment: centred, spacing: { after: twips(12) } }));
  }
  if (plan.heading) children.push(new Paragraph({ alignment: centred, children: [run(plan.heading, { font: FONTS.heading, size: SIZES.tableHeading, bold: true })] }));
  children.push(markedHeading(contents, plan.title, 2, { font: FONTS.heading, size: SIZES.tableTitle, bold: true }, { heading: HeadingLevel.HEADING_2, alignment: centred, keepNext: true, spacing: { before: twips(6), after: twips(6) } }, input.entry));
  const meta: RunLook = { font: FONTS.table, size: fit.fontSize };
  children.push(
    new Paragraph({
      keepNext: true,
      tabStops: [{ type: TabStopType.RIGHT, position: twips(available) }],
      spacing: { after: twips(3) },
      children: [run(DOCUMENT_TEXT.departmentLine(plan.departmentLabel, plan.department), meta), run('\t', meta), run(DOCUMENT_TEXT.unitLine(plan.unit), meta)],
    }),
  );
  children.push(wordTable(plan, fit.widths, fit.fontSize));
  if (plan.emptyNote) children.push(new Paragraph({ spacing: { before: twips(3) }, children: [run(plan.emptyNote, meta)] }));
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation },
        margin: TABLE_MARGINS,
        ...(input.firstNumbered ? { pageNumbers: { start: 1 } } : {}),
      },
    },
    footers: input.footer,
    children,
  };
}

/** The lines the workbook prints for the table (write-table.ts), so the page is turned as the workbook's is. */
function printedLines(plan: TablePlan): number {
  return (plan.heading ? 1 : 0) + 2 + plan.header.rows + (plan.columnNumbers ? 1 : 0) + plan.body.length + (plan.emptyNote ? 1 : 0);
}

function wordTable(plan: TablePlan, widths: number[], size: number): Table {
  const text: RunLook = { font: FONTS.table, size };
  const cellParagraph = (value: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false, indent = 0) =>
    new Paragraph({ alignment, spacing: fixedLines(size * 1.5), ...(indent ? { indent: { left: twips(indent * size) } } : {}), children: value ? [run(value, { ...text, bold })] : [] });
  const width = (from: number, span: number) => ({ size: twips(widths.slice(from, from + span).reduce((a, b) => a + b, 0)), type: WidthType.DXA });

  const rows: TableRow[] = [];
  for (let r = 0; r < plan.header.rows; r++) {
    const cells = plan.header.cells
      .filter((cell) => cell.row === r)
      .sort((a, b) => a.column - b.column)
      .map(
        (cell) =>
          new TableCell({
            columnSpan: cell.columnSpan,
            rowSpan: cell.rowSpan,
            width: width(cell.column, cell.columnSpan),
            verticalAlign: VerticalAlignTable.CENTER,
            children: [cellParagraph(cell.label, AlignmentType.CENTER, true)],
          }),
      );
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: cells }));
  }
  if (plan.columnNumbers) {
    const numbers = widths.map((_, i) => new TableCell({ width: width(i, 1), verticalAlign: VerticalAlignTable.CENTER, children: [cellParagraph(String(i + 1), AlignmentType.CENTER)] }));
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: numbers }));
  }
  for (const line of plan.body) {
    rows.push(new TableRow({ cantSplit: true, children: line.map((cell, i) => bodyCell(cell, width(i, 1), cellParagraph)) }));
  }
  return new Table({
    rows,
    columnWidths: widths.map(twips),
    width: { size: twips(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS, top: 0, bottom: 0 },
  });
}

function bodyCell(
  cell: BodyCell,
  width: { size: number; type: (typeof WidthType)['DXA'] },
  paragraph: (value: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold?: boolean, indent?: number) => Paragraph,
): TableCell {
  const alignment = cell.kind === 'amount' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const indent = cell.kind === 'text' ? (cell.indent ?? 0) : 0;
  return new TableCell({ width, verticalAlign: VerticalAlignTable.CENTER, children: [paragraph(printedText(cell), alignment, false, indent)] });
}
