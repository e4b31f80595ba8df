// What an exported table looks like, as plain data: title, meta lines, header grid and body lines.
// Pure: the exceljs writer only paints this plan.
import type { Book, BookRow, BookTable } from '../book';
import { convertUnit, Dec, toCanonical, type MoneyUnit } from '../money';
import { headerGrid, type HeaderGrid } from '../template/header-grid';
import type { ColumnDef, FixedRowDef, TableDef, TableSide, TemplateFamily } from '../template/types';
import { primaryLabel, substituteYear } from '../template/types';

/** Which book cell a printed cell shows, so findings can name the exported workbook's cells. */
export interface CellOrigin {
  side: string;
  rowKey: string;
}

/** An amount's `decimals`: how many to print (the figure's printed precision, in the table's unit). */
export type BodyCell = ({ kind: 'text'; text: string; indent?: number } | { kind: 'amount'; value: string | undefined; decimals?: number } | { kind: 'empty' }) & { origin?: CellOrigin };

export interface TablePlan {
  def: TableDef;
  title: string;
  /** A line above the title naming department and year (决算: "XX局2024年度部门决算表"), when the family prints one. */
  heading?: string;
  /** "编制部门" / "部门名称" …: the family's label for the department line. */
  departmentLabel: string;
  department: string;
  unit: string;
  header: HeaderGrid;
  columns: ColumnDef[];
  /** "1 2 3 …" under the header (表十二/十三). */
  columnNumbers: boolean;
  body: BodyCell[][];
  emptyNote?: string;
}

interface Line {
  id?: string;
  alignWith?: string;
  cells: BodyCell[];
}

const INDENTS: Partial<Record<BookRow['level'], number>> = { section: 1, item: 2, unit: 1, project: 2 };

function rowCells(side: TableSide, row: BookRow | undefined, label: string | undefined, depth = 0, rowKey = row?.key, screen = false): BodyCell[] {
  const origin = rowKey ? { origin: { side: side.id, rowKey } } : {};
  return side.columns.map((column): BodyCell => ({ ...cellFor(side, column, row, label, depth, screen), ...origin }));
}

function cellFor(side: TableSide, column: ColumnDef, row: BookRow | undefined, label: string | undefined, depth: number, screen: boolean): BodyCell {
  {
    if (column.kind === 'amount') return { kind: 'amount', value: row?.values[column.id]?.value };
    const textOr = (value: string | undefined): BodyCell => (value ? { kind: 'text', text: value } : { kind: 'empty' });
    // A unit row's 单位代码 (河南) goes to the unitCode column, else where the file printed it: the code column
    // (07表) or, beside a 项目单位 column, the name column (10表).
    const unitRow = row !== undefined && (row.level === 'department' || row.level === 'unit') && row.code !== undefined;
    const unitCodeAt = side.columns.some((c) => c.kind === 'unitCode') ? 'unitCode' : side.columns.some((c) => c.kind === 'unitName') ? 'name' : 'code';
    if (column.kind === 'unitCode') return textOr(unitRow ? row.code : undefined);
    if (column.kind === 'unitName') return textOr(unitRow ? row.name : row?.unitName);
    if (column.kind === 'govCode') return textOr(row?.govCode);
    if (column.kind === 'text') return { kind: 'empty' }; // printed, not held in the book
    if (column.kind === 'code' && unitRow) return textOr(unitCodeAt === 'code' ? row.code : undefined);
    if (column.kind === 'name' && unitRow && unitCodeAt === 'name') return textOr(row.code);
    // Coded totals print 合计 in the code column, except beside a 单位代码 column (河南: in 单位（科目名称）).
    const totalInCode = row?.level === 'total' && side.rows.kind === 'codedTree' && side.columns.some((c) => c.kind === 'code') && unitCodeAt !== 'unitCode';
    if (column.kind === 'code') return row?.code && row.level !== 'fixed' && row.level !== 'total' ? { kind: 'text', text: row.code } : totalInCode ? { kind: 'text', text: '合计' } : { kind: 'empty' };
    if (column.kind === 'govName') return row?.govName ? { kind: 'text', text: row.govName } : { kind: 'empty' };
    if (totalInCode) return { kind: 'empty' };
    // On screen a coded row of a table printed without a code column (表六's 经济科目) shows its code, as findings cite it.
    const showCode = screen && column.kind === 'name' && row?.code && row.level !== 'total' && row.level !== 'fixed' && !side.columns.some((c) => c.kind === 'code');
    const text = showCode ? `${row.code} ${row.name}` : (row?.name ?? label ?? '');
    const indent = row ? (INDENTS[row.level] ?? depth) : depth;
    return text ? { kind: 'text', text, ...(indent ? { indent } : {}) } : { kind: 'empty' };
  }
}

/** Lines of one side: fixed tables print every template row (blank where the book has none). */
function sideLines(side: TableSide, rows: BookRow[], tableIsEmpty: boolean, screen: boolean): Line[] {
  if (side.rows.kind === 'fixed') {
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const printed = side.rows.rows.filter((def) => !def.optional || byKey.has(def.id));
    return printed.map((def: FixedRowDef) => ({ id: def.id, ...(def.alignWith ? { alignWith: def.alignWith } : {}), cells: rowCells(side, byKey.get(def.id), primaryLabel(def.label), def.depth, def.id) }));
  }
  // A table with no rows at all still prints its 合计 line, once (on the first side).
  if (tableIsEmpty && side.rows.kind === 'codedTree') {
    return [{ cells: rowCells(side, { key: 'total', side: side.id, level: 'total', name: '合计', values: {} }, undefined) }];
  }
  return rows.map((row) => ({ id: row.key, cells: rowCells(side, row, undefined, 0, row.key, screen) }));
}

/** Two sides side by side; rows that must share a line (本年收入合计 / 本年支出合计) are aligned. */
function mergeSides(left: Line[], right: Line[], leftWidth: number, rightWidth: number): BodyCell[][] {
  const blank = (n: number): BodyCell[] => Array.from({ length: n }, () => ({ kind: 'empty' }) as BodyCell);
  const anchors = new Set(left.map((l) => l.alignWith).filter(Boolean));
  const out: BodyCell[][] = [];
  let i = 0;
  let e = 0;
  while (i < left.length || e < right.length) {
    const l = left[i];
    const r = right[e];
    const rightIsLater = (id: string | undefined) => id !== undefined && right.slice(e).some((x) => x.id === id);
    if (l && r && l.alignWith && l.alignWith !== r.id && rightIsLater(l.alignWith)) {
      out.push([...blank(leftWidth), ...r.cells]);
      e++;
    } else if (l && r && r.id && anchors.has(r.id) && l.alignWith !== r.id) {
      out.push([...l.cells, ...blank(rightWidth)]);
      i++;
    } else {
      out.push([...(l ? l.cells : blank(leftWidth)), ...(r ? r.cells : blank(rightWidth))]);
      if (l) i++;
      if (r) e++;
    }
  }
  return out;
}

/**
 * The plan of one table. On screen the editor shows the book as held (one code column, the book's unit); in print
 * the table looks like the family's template: split 类 | 款 | 项 cells, its own unit (上海 三公 in 万元), amounts with
 * the decimals they were printed with.
 */
export function planTable(book: Book, def: TableDef, table: BookTable | undefined, family: TemplateFamily, mode: 'screen' | 'print' = 'screen'): TablePlan {
  const print = mode === 'print';
  const header = headerGrid(def.header, book.year, print);
  const columns = def.sides.flatMap((side) => [...side.columns]);
  const rows = table?.rows ?? [];
  const lines = def.sides.map((side, i) => sideLines(side, rows.filter((r) => r.side === side.id), rows.length === 0 && i === 0, !print));
  const [first, second] = def.sides;
  // Two coded sides (决算 基本支出表): the left 合计 prints beside the right one, as published.
  const leftTotal = first?.rows.kind !== 'fixed' && second && second.rows.kind !== 'fixed' ? lines[0]?.find((l) => l.id === 'total') : undefined;
  if (leftTotal && lines[1]?.some((l) => l.id === 'total')) leftTotal.alignWith = 'total';
  const body =
    def.sides.length === 2 && first && second
      ? mergeSides(lines[0] ?? [], lines[1] ?? [], first.columns.length, second.columns.length)
      : (lines[0] ?? []).map((l) => l.cells);
  const hasFigures = rows.some((r) => Object.keys(r.values).length > 0);
  const unit: MoneyUnit = print ? (def.unit ?? book.unit) : book.unit;
  return {
    def,
    title: substituteYear(def.title, book.year),
    ...(print && family.heading ? { heading: substituteYear(family.heading, book.year).replace(/\{department\}/g, book.department) } : {}),
    departmentLabel: primaryLabel(family.departmentLabels[0] ?? '部门名称'),
    department: book.department,
    unit: unit || family.unit,
    header,
    columns,
    columnNumbers: Boolean(def.columnNumberRow),
    body: print ? printedBody(body, columns, header, { book, table, family, unit }) : body,
    ...(hasFigures ? {} : { emptyNote: def.emptyNote }),
  };
}

interface PrintContext {
  book: Book;
  table: BookTable | undefined;
  family: TemplateFamily;
  unit: MoneyUnit;
  /** The table's rows by "side|key" (built once: large tables have thousands of lines). */
  rows?: Map<string, BookRow>;
}

function printedBody(body: BodyCell[][], columns: readonly ColumnDef[], header: HeaderGrid, ctx: PrintContext): BodyCell[][] {
  const rows = new Map((ctx.table?.rows ?? []).map((row) => [`${row.side}|${row.key}`, row]));
  const columnAt = header.columnIds.map((id) => columns.findIndex((c) => c.id === id));
  return body.map((line) => printedLine(line, columnAt, header, { ...ctx, rows }));
}

/** One body line as printed: code cells split into their parts, amounts in the table's unit with their decimals. */
function printedLine(line: BodyCell[], columnAt: readonly number[], header: HeaderGrid, ctx: PrintContext): BodyCell[] {
  return header.columnIds.map((id, leaf) => {
    const cell = line[columnAt[leaf] ?? -1] ?? { kind: 'empty' };
    const part = header.codeParts[leaf];
    if (part && cell.kind === 'text') {
      // 合计 (or any label) sits in the first part cell; a code prints its digits part by part.
      if (!/^\d+$/.test(cell.text)) return part[0] === 0 ? cell : { kind: 'empty', ...(cell.origin ? { origin: cell.origin } : {}) };
      const digits = cell.text.slice(part[0], part[1]);
      return digits ? { ...cell, text: digits } : { kind: 'empty', ...(cell.origin ? { origin: cell.origin } : {}) };
    }
    if (cell.kind !== 'amount') return cell;
    return { ...cell, ...printedAmount(cell, id, ctx) };
  });
}

function printedAmount(cell: Extract<BodyCell, { kind: 'amount' }>, columnId: string, ctx: PrintContext): { value: string | undefined; decimals: number } {
  const shift = ctx.unit === ctx.book.unit ? 0 : ctx.unit === '万元' ? 4 : -4;
  const row = cell.origin ? ctx.rows?.get(`${cell.origin.side}|${cell.origin.rowKey}`) : undefined;
  const held = row?.values[columnId]?.decimals ?? ctx.table?.precision?.decimals[columnId];
  const decimals = held !== undefined ? held + shift : ctx.unit === '万元' || ctx.family.unit === ctx.unit ? ctx.family.decimals : 2;
  const value = cell.value === undefined ? undefined : toCanonical(convertUnit(new Dec(cell.value), ctx.book.unit, ctx.unit));
  return { value, decimals: Math.max(0, Math.min(decimals, 6)) };
}
