// Locations and human-readable names of cells for findings.
import type { BookRow } from '../book';
import type { TemplateFamily } from '../template/types';
import { substituteYear } from '../template/types';
import { SIDE_WORDS, sideName, tableLabel } from '../labels';
import type { BookIndex } from './book-index';
import type { Location, SideId } from './types';

export class Describer {
  constructor(
    private readonly index: BookIndex,
    private readonly family: TemplateFamily,
  ) {}

  tableNo(tableId: string): number {
    return this.family.tables.find((t) => t.id === tableId)?.no ?? 0;
  }

  /** "表二" or "表2": the family's own numbering (src/shared/labels.ts). */
  tableName(tableId: string): string {
    return tableLabel(this.family, this.tableNo(tableId));
  }

  columnLabel(tableId: string, columnId: string): string {
    const def = this.family.tables.find((t) => t.id === tableId);
    const label = def?.sides.flatMap((s) => s.columns).find((c) => c.id === columnId)?.label ?? columnId;
    return substituteYear(label, this.index.book.year);
  }

  rowLabel(row: BookRow): string {
    return row.code && row.level !== 'fixed' && row.level !== 'total' ? `${row.code} ${row.name}` : row.name;
  }

  /** "表二「21011 行政事业单位医疗」合计" */
  cell(tableId: string, side: SideId, row: BookRow, columnId?: string): string {
    const sideLabel = this.sideLabel(tableId, side);
    const govName = row.govName ? `／${row.govName}` : '';
    return `${this.tableName(tableId)}${sideLabel}「${this.rowLabel(row)}${govName}」${columnId ? this.columnLabel(tableId, columnId) : ''}`;
  }

  /** "收入方"; sides that are not 收入/支出 (决算 基本支出表: 人员经费 | 公用经费) are named by their template label. */
  private sideLabel(tableId: string, side: SideId): string {
    const word = SIDE_WORDS[side];
    if (!word) return '';
    const label = this.family.tables.find((t) => t.id === tableId)?.sides.find((s) => s.id === side)?.label;
    return label && !label.includes(word) ? label : sideName(side);
  }

  location(tableId: string, side: SideId, row: BookRow, columnId?: string): Location {
    const table = this.index.table(tableId);
    const location: Location = { table: this.tableNo(tableId), tableId, row: row.code ?? row.name, rowKey: row.key };
    if (side !== 'main') location.side = side;
    if (columnId) {
      location.column = this.columnLabel(tableId, columnId);
      location.columnId = columnId;
    }
    const sheet = row.source?.sheet ?? table?.source?.sheet;
    if (sheet) location.sheet = sheet;
    const cell = columnId ? (row.values[columnId]?.source?.cell ?? this.derivedCell(tableId, row, columnId)) : row.source?.cell;
    if (cell) location.cell = cell;
    return location;
  }

  /** A blank cell has no source of its own: its column letter and its row's number still name it. */
  private derivedCell(tableId: string, row: BookRow, columnId: string): string | undefined {
    const letter = this.index.table(tableId)?.columnLetters?.[columnId];
    const rowNumber = /\d+$/.exec(row.source?.cell ?? '')?.[0];
    return letter && rowNumber ? `${letter}${rowNumber}` : undefined;
  }
}
