// A table figure named by the narrative's vocabulary: its value in the book's unit and its location for findings.
import type { Book } from '../book';
import { Dec } from '../money';
import { tableLabel } from '../labels';
import type { TemplateFamily } from '../template/types';
import { substituteYear } from '../template/types';
import type { Location } from '../validation/types';
import type { FigureRef } from './vocabulary';

export interface TableFigure {
  /** Blank counts as 0: the narrative's 「0万元」 agrees with an empty cell. */
  value: Dec;
  location: Location;
  /** "表三「合计」基本支出" */
  label: string;
}

export function tableFigure(book: Book, family: TemplateFamily, ref: FigureRef): TableFigure | undefined {
  const def = family.tables.find((t) => t.id === ref.table);
  if (!def) return undefined;
  const side = ref.side ?? 'main';
  const row = book.tables.find((t) => t.tableId === ref.table)?.rows.find((r) => r.side === side && r.key === ref.row);
  const column = def.sides.find((s) => s.id === side)?.columns.find((c) => c.id === ref.column);
  if (!column) return undefined;
  const value = row?.values[ref.column]?.value;
  const rowName = row?.name ?? ref.row;
  const columnLabel = substituteYear(column.label, book.year);
  const location: Location = { table: def.no, tableId: def.id, row: row?.code ?? rowName, rowKey: ref.row, column: columnLabel, columnId: ref.column, ...(side !== 'main' ? { side } : {}) };
  return { value: new Dec(value ?? 0), location, label: `${tableLabel(family, def.no)}「${rowName}」${columnLabel}` };
}
