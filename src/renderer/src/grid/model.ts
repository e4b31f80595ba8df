// The grid's view of a TablePlan: which body cell is which book cell, what it shows, whether it can be edited,
// and which findings point at it. Pure (no React, no DOM).
import { cellKey, type CellAddress, type SideId } from '../../../shared/cell';
import type { BodyCell, TablePlan } from '../../../shared/export/layout';
import { Dec, formatAmount } from '../../../shared/money';
import type { ColumnDef } from '../../../shared/template/types';
import type { Finding, Severity } from '../../../shared/validation/types';
import { GRID_TEXT } from './strings';

export interface Pos {
  r: number;
  c: number;
}


/** What the selection reducer needs to know about the table. */
export interface GridShape {
  rows: number;
  cols: number;
  isEditable(p: Pos): boolean;
  /** Raw text of a cell: the stored canonical value of an amount ("1234.5"), the label of a text cell, '' when blank. */
  rawAt(p: Pos): string;
}

export interface CellMark {
  severity: Exclude<Severity, 'info'>;
  title: string;
}

export interface GridModel extends GridShape {
  plan: TablePlan;
  columns: ColumnDef[];
  cellAt(p: Pos): BodyCell | undefined;
  /** The book cell a grid position shows (amount and label cells alike), in the one address form. */
  refAt(p: Pos): CellAddress | undefined;
  /** The row of a body line is read-only (computed total). */
  isReadOnlyRow(r: number): boolean;
  displayAt(p: Pos): string;
  markAt(p: Pos): CellMark | undefined;
  find(ref: Omit<CellAddress, 'tableId'>): Pos | undefined;
}

export const rowId = (side: string, rowKey: string): string => `${side}|${rowKey}`;
const cellId = (side: string, rowKey: string, columnId: string): string => `${side}|${rowKey}|${columnId}`;

export function formatDisplay(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  try {
    return formatAmount(new Dec(value));
  } catch {
    return value;
  }
}

/** Fixed template rows marked `computed` are read-only whatever the caller says. */
function computedRowIds(plan: TablePlan): Set<string> {
  const out = new Set<string>();
  for (const side of plan.def.sides) {
    if (side.rows.kind !== 'fixed') continue;
    for (const row of side.rows.rows) if (row.computed) out.add(rowId(side.id, row.id));
  }
  return out;
}

function findingMarks(findings: readonly Finding[], tableId: string): Map<string, { severity: CellMark['severity']; lines: string[] }> {
  const marks = new Map<string, { severity: CellMark['severity']; lines: string[] }>();
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    const prefix = finding.severity === 'error' ? GRID_TEXT.errorPrefix : GRID_TEXT.warningPrefix;
    for (const loc of finding.locations) {
      if (loc.tableId !== tableId) continue;
      const id = cellId(loc.side ?? '*', loc.rowKey, loc.columnId ?? '*');
      const mark = marks.get(id) ?? { severity: finding.severity, lines: [] };
      if (finding.severity === 'error') mark.severity = 'error';
      const line = prefix + finding.message;
      if (!mark.lines.includes(line)) mark.lines.push(line);
      marks.set(id, mark);
    }
  }
  return marks;
}

/** `readOnlyCells`: `cellKey`s of computed totals (the session's read-only cells). */
export function buildModel(plan: TablePlan, findings: readonly Finding[], readOnlyRowKeys?: ReadonlySet<string>, readOnlyCells?: ReadonlySet<string>): GridModel {
  const columns = plan.columns;
  const computed = computedRowIds(plan);
  const marks = findingMarks(findings, plan.def.id);
  // Where each book row sits, and the first column of each side (row-level findings mark it).
  const rowIndex = new Map<string, number>();
  plan.body.forEach((line, r) => {
    for (const cell of line) if (cell.origin && !rowIndex.has(rowId(cell.origin.side, cell.origin.rowKey))) rowIndex.set(rowId(cell.origin.side, cell.origin.rowKey), r);
  });
  const sideOfColumn: string[] = plan.def.sides.flatMap((side) => side.columns.map(() => side.id));
  const firstColumnOfSide = new Map<string, number>();
  sideOfColumn.forEach((side, c) => {
    if (!firstColumnOfSide.has(side)) firstColumnOfSide.set(side, c);
  });

  const cellAt = (p: Pos): BodyCell | undefined => plan.body[p.r]?.[p.c];
  const refAt = (p: Pos): CellAddress | undefined => {
    const origin = cellAt(p)?.origin;
    const column = columns[p.c];
    return origin && column ? { tableId: plan.def.id, side: origin.side as SideId, rowKey: origin.rowKey, columnId: column.id } : undefined;
  };
  const readOnlyRow = (side: string, rowKey: string): boolean => computed.has(rowId(side, rowKey)) || Boolean(readOnlyRowKeys?.has(rowId(side, rowKey)));
  const isEditable = (p: Pos): boolean => {
    const cell = cellAt(p);
    return (
      cell?.kind === 'amount' &&
      cell.origin !== undefined &&
      !readOnlyRow(cell.origin.side, cell.origin.rowKey) &&
      !readOnlyCells?.has(cellKey(refAt(p) as CellAddress))
    );
  };

  return {
    plan,
    columns,
    rows: plan.body.length,
    cols: columns.length,
    cellAt,
    refAt,
    isEditable,
    isReadOnlyRow(r) {
      const line = plan.body[r] ?? [];
      return line.some((cell) => cell.origin !== undefined && readOnlyRow(cell.origin.side, cell.origin.rowKey));
    },
    rawAt(p) {
      const cell = cellAt(p);
      if (!cell || cell.kind === 'empty') return '';
      return cell.kind === 'amount' ? (cell.value ?? '') : cell.text;
    },
    displayAt(p) {
      const cell = cellAt(p);
      if (!cell || cell.kind === 'empty') return '';
      return cell.kind === 'amount' ? formatDisplay(cell.value) : cell.text;
    },
    markAt(p) {
      const ref = refAt(p);
      if (!ref) return undefined;
      const found = [cellId(ref.side, ref.rowKey, ref.columnId), cellId('*', ref.rowKey, ref.columnId)];
      // Row-level findings (no column) mark the row's first cell on that side.
      if (firstColumnOfSide.get(ref.side) === p.c) found.push(cellId(ref.side, ref.rowKey, '*'), cellId('*', ref.rowKey, '*'));
      let severity: CellMark['severity'] | undefined;
      const lines: string[] = [];
      for (const id of found) {
        const mark = marks.get(id);
        if (!mark) continue;
        if (severity !== 'error') severity = mark.severity;
        for (const line of mark.lines) if (!lines.includes(line)) lines.push(line);
      }
      return severity ? { severity, title: lines.join('\n') } : undefined;
    },
    find(ref) {
      const r = rowIndex.get(rowId(ref.side, ref.rowKey));
      if (r === undefined) return undefined;
      const c = columns.findIndex((column, i) => column.id === ref.columnId && sideOfColumn[i] === ref.side);
      return { r, c: c >= 0 ? c : (firstColumnOfSide.get(ref.side) ?? 0) };
    },
  };
}
