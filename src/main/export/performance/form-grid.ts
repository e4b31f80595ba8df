// A printed form as plain data: a grid of cells (merged where the form merges them), column widths in Excel units and
// row heights in points that fit the wrapped text. The workbook writer (write-form.ts) and the disclosure document
// (document/performance-section.ts) both paint this grid, so the form reads the same in Excel and in Word.
import type { FormFieldPath } from '../../../shared/performance';
import { EXPORT_STYLE } from '../../../shared/export/print-geometry';
import { displayWidth } from '../../../shared/text';

/**
 * title: the form's name, large and bold; subtitle: 「(2024年度)」; label: a printed caption (项目名称, 一级指标 …);
 * text: the form's content; amount: a figure; foot: the 负责人/经办人 line under the form, without borders.
 */
export type CellRole = 'title' | 'subtitle' | 'label' | 'text' | 'amount' | 'foot';

export interface GridCell {
  /** 1-based, as in Excel. */
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  role: CellRole;
  align: 'left' | 'center' | 'right';
  /** 'top' for a cell merged down over rows that may run onto the next page (its text stays where the rows begin); middle when absent. */
  verticalAlign?: 'top';
  /** Text as printed; '' for a blank cell. Amounts carry theirs in `amount`. */
  text: string;
  /** role 'amount': canonical decimal string, undefined when the form left it blank. */
  amount?: string;
  /** role 'amount': decimals the figure is printed with. */
  decimals?: number;
  /** The form field the cell shows, so findings can name the exported cell. */
  field?: FormFieldPath;
}

export interface FormGrid {
  /** Column widths in Excel width units. */
  widths: number[];
  /** Row heights in points; index 0 is row 1. */
  heights: number[];
  cells: GridCell[];
  /** Rows from `top` to `bottom` are ruled (every cell bordered); the title above and the foot below are not. */
  ruled: { top: number; bottom: number };
  /** A4 landscape for a wide table (the 汇总表); portrait when absent. */
  orientation?: 'landscape';
  /** Header rows printed again at the top of every page of a table that runs on. */
  repeatRows?: { top: number; bottom: number };
  /** Row ranges not to be split over two pages when they fit on one (a 汇总表 project and its indicators). */
  keepTogether?: { top: number; bottom: number }[];
}

/** Type and spacing of a form: 11 pt text as the tables, lines a little taller than the type. */
export const FORM_LOOK = {
  titleSize: EXPORT_STYLE.titleSize,
  bodySize: EXPORT_STYLE.bodySize,
  titleHeight: EXPORT_STYLE.titleHeight,
  /** One line of wrapped 11 pt text, in points (Excel, WPS and LibreOffice set CJK fonts at about 1.3 em). */
  lineHeight: 14.5,
  /** Room above and below the text of a row. */
  rowPadding: 5,
  /** The least height of a ruled row, so the form does not look cramped. */
  minRowHeight: 20,
  /** Excel caps a row at 409 pt: longer text is merged over several rows. */
  maxRowHeight: 400,
  /**
   * 11 pt CJK text is 2.1 width units a character where `displayWidth` counts 2; wrapped text loses some of each line
   * at word and punctuation breaks, so text that does not fit on one line is counted a little wider still.
   */
  widthFactor: 1.05,
  wrappedFactor: 1.12,
  /** Width units a cell loses to its margins. */
  cellPadding: 0.3,
} as const;

/** Lines `text` takes in a cell `width` units wide (explicit line breaks count). */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - FORM_LOOK.cellPadding);
  return text.split('\n').reduce((sum, line) => {
    const need = displayWidth(line);
    return sum + (need * FORM_LOOK.widthFactor <= usable ? 1 : Math.ceil((need * FORM_LOOK.wrappedFactor) / usable));
  }, 0);
}

/** Height in points of `lines` lines of body text. */
export const heightOf = (lines: number): number => Math.max(FORM_LOOK.minRowHeight, lines * FORM_LOOK.lineHeight + FORM_LOOK.rowPadding);

/** Rows a text needs so that no row is taller than Excel allows. */
export function rowsFor(text: string, width: number): number {
  return Math.max(1, Math.ceil(heightOf(linesIn(text, width)) / FORM_LOOK.maxRowHeight));
}

/** Builds a grid cell by cell: tracks the rows used and sets every row tall enough for its text. */
export class GridBuilder {
  readonly cells: GridCell[] = [];
  private readonly minHeights = new Map<number, number>();

  constructor(readonly widths: readonly number[]) {}

  /** Width in units of `span` columns from `column` (1-based). */
  spanWidth(column: number, span: number): number {
    return this.widths.slice(column - 1, column - 1 + span).reduce((a, b) => a + b, 0);
  }

  add(cell: Omit<GridCell, 'rowSpan' | 'columnSpan' | 'align' | 'text'> & Partial<Pick<GridCell, 'rowSpan' | 'columnSpan' | 'align' | 'text'>>): GridCell {
    const full: GridCell = { rowSpan: 1, columnSpan: 1, align: 'left', text: '', ...cell };
    this.cells.push(full);
    return full;
  }

  /** Makes `row` at least `height` points tall. */
  atLeast(row: number, height: number): void {
    this.minHeights.set(row, Math.max(this.minHeights.get(row) ?? 0, height));
  }

  /** Heights for rows 1..last: each row as tall as its own text, then merged cells' text shared out over their rows. */
  heights(last: number): number[] {
    const heights = Array.from({ length: last }, (_, i) => this.minHeights.get(i + 1) ?? FORM_LOOK.minRowHeight);
    const wrapped = (cell: GridCell) => (cell.role === 'title' || cell.role === 'amount' ? 0 : heightOf(linesIn(cell.text, this.spanWidth(cell.column, cell.columnSpan))));
    for (const cell of this.cells.filter((c) => c.rowSpan === 1)) heights[cell.row - 1] = Math.max(heights[cell.row - 1] ?? 0, wrapped(cell));
    for (const cell of this.cells.filter((c) => c.rowSpan > 1)) {
      const rows = Array.from({ length: cell.rowSpan }, (_, i) => cell.row - 1 + i);
      const have = rows.reduce((sum, i) => sum + (heights[i] ?? 0), 0);
      const need = wrapped(cell);
      if (need > have) for (const i of rows) heights[i] = (heights[i] ?? 0) + (need - have) / rows.length;
    }
    return heights.map((h) => Math.min(409, Math.round(h * 10) / 10));
  }
}
