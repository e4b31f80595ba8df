// Column widths and type size for a table on a page of the document. Word lays a fixed-width table out as given, so
// the widths are decided here: the workbook's widths (src/shared/export/print-geometry.ts) set the proportions, the
// figures must never wrap, names may. A table too wide at 五号 is set smaller, as the workbook is shrunk to one page
// wide, but never below a readable size.
import type { BodyCell, TablePlan } from '../../../shared/export/layout';
import { columnUnits, EXPORT_STYLE, POINTS_PER_WIDTH_UNIT } from '../../../shared/export/print-geometry';
import { Dec, formatAmount } from '../../../shared/money';
import { displayWidth } from '../../../shared/text';
import { CELL_PADDING, SIZES } from './look';

/** A body cell as printed: amounts as the workbook's number format shows them ("#,##0.00" → 1,234.56). */
export function printedText(cell: BodyCell): string {
  if (cell.kind === 'amount') return cell.value === undefined ? '' : formatAmount(new Dec(cell.value), { decimals: cell.decimals ?? 2 });
  return cell.kind === 'text' ? cell.text : '';
}

export interface ColumnFit {
  /** Type size of the table, in points. */
  fontSize: number;
  /** Column widths in points, adding up to the width available. */
  widths: number[];
}

/**
 * Width of text at `size` points: full-width characters one em, digits and Latin 0.6 em — more than 宋体's half em,
 * so a figure still fits where a substitute font (WPS, LibreOffice) sets digits wider.
 */
function textPoints(text: string, size: number): number {
  const characters = [...text].length;
  const wide = displayWidth(text) - characters;
  return (wide + (characters - wide) * 0.6) * size;
}

/** Columns that may wrap: names. Amounts and codes must stay on one line. */
function wraps(plan: TablePlan, index: number): boolean {
  const kind = plan.columns.find((c) => c.id === plan.header.columnIds[index])?.kind;
  return plan.header.codeParts[index] === undefined && (kind === 'name' || kind === 'govName' || kind === 'unitName' || kind === 'text');
}

export function fitColumns(plan: TablePlan, available: number): ColumnFit {
  const { widths: units } = columnUnits(plan);
  const sizes: number[] = [];
  for (let size = SIZES.table; size >= SIZES.tableMin; size -= 0.5) sizes.push(size);
  const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  // The largest size at which nothing in the body wraps; else the largest at which at least the figures do not.
  const whole = sizes.find((size) => total(columnNeeds(plan, size, 'whole')) <= available);
  const size = whole ?? sizes.find((size) => total(columnNeeds(plan, size, 'least')) <= available);
  if (size === undefined) {
    // Too many columns even at the smallest size: the workbook's proportions (figures may then wrap).
    const sum = total(units);
    return { fontSize: SIZES.tableMin, widths: units.map((u) => (u * available) / sum) };
  }
  const least = columnNeeds(plan, size, whole !== undefined ? 'whole' : 'least');
  const wanted = units.map((u, i) => Math.max((u * POINTS_PER_WIDTH_UNIT * size) / EXPORT_STYLE.bodySize, least[i] ?? 0));
  const [sumLeast, sumWanted] = [total(least), total(wanted)];
  // Room for every wanted width: widen all in proportion; else each gets its least and a share of what is left.
  const widths =
    sumWanted <= available
      ? wanted.map((w) => (w * available) / sumWanted)
      : wanted.map((w, i) => (least[i] ?? 0) + ((w - (least[i] ?? 0)) * (available - sumLeast)) / (sumWanted - sumLeast));
  return { fontSize: size, widths };
}

/**
 * How wide each column must be at `size`: its figures and codes on one line; its names whole ('whole') or at least
 * four characters wide ('least'); its header label in at most four lines (merged cells: one a row).
 */
function columnNeeds(plan: TablePlan, size: number, names: 'whole' | 'least'): number[] {
  const needs = plan.header.columnIds.map(() => size); // a one-character header such as 类 / 款 / 项
  for (const cell of plan.header.cells) {
    // Whole characters per line: a label of six characters in four lines needs two a line. A label merged down
    // several rows gets no more lines than it has rows: LibreOffice and WPS clip a merged cell rather than grow it.
    const lines = cell.rowSpan > 1 ? cell.rowSpan : 4;
    if (cell.columnSpan === 1) needs[cell.column] = Math.max(needs[cell.column] ?? 0, Math.ceil(textPoints(cell.label, size) / size / lines) * size);
  }
  plan.header.columnIds.forEach((_, index) => {
    const wrapping = wraps(plan, index) && names === 'least';
    for (const line of plan.body) {
      const cell = line[index];
      if (!cell || cell.kind === 'empty') continue;
      const indent = cell.kind === 'text' ? (cell.indent ?? 0) * size : 0;
      const text = textPoints(printedText(cell), size);
      needs[index] = Math.max(needs[index] ?? 0, (wrapping ? Math.min(text, 4 * size) : text) + indent);
    }
  });
  return needs.map((need) => need + CELL_PADDING);
}
