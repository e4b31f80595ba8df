// Fast access to a book's rows and figures for the validator. Figures are parsed to Dec once and updated
// in place on edits, so re-validating after one cell costs only the checks that read it.
import type { Book, BookRow, BookTable } from '../book';
import { Dec } from '../money';
import { rowLabelKey } from '../text';
import type { RowSelector, SideId } from './types';

/** A dependency on every cell of a table. */
export const tableWildcard = (table: string): string => `${table}|*`;

export const cellKey = (table: string, side: string, row: string, column: string): string => `${table}|${side}|${row}|${column}`;

export class BookIndex {
  private readonly tables = new Map<string, BookTable>();
  private readonly rowsBySide = new Map<string, BookRow[]>();
  private readonly rowByKey = new Map<string, BookRow>();
  private readonly values = new Map<string, Dec>();
  /** Non-blank figures per table, so "is this table empty?" costs nothing after an edit. */
  private readonly figureCounts = new Map<string, number>();

  constructor(readonly book: Book) {
    for (const table of book.tables) {
      this.tables.set(table.tableId, table);
      for (const row of table.rows) {
        const sideKey = `${table.tableId}|${row.side}`;
        let rows = this.rowsBySide.get(sideKey);
        if (!rows) this.rowsBySide.set(sideKey, (rows = []));
        rows.push(row);
        this.rowByKey.set(`${sideKey}|${row.key}`, row);
        for (const [column, amount] of Object.entries(row.values)) {
          this.values.set(cellKey(table.tableId, row.side, row.key, column), new Dec(amount.value));
          this.figureCounts.set(table.tableId, (this.figureCounts.get(table.tableId) ?? 0) + 1);
        }
      }
    }
  }

  table(tableId: string): BookTable | undefined {
    return this.tables.get(tableId);
  }

  rows(tableId: string, side: SideId = 'main'): readonly BookRow[] {
    return this.rowsBySide.get(`${tableId}|${side}`) ?? [];
  }

  row(tableId: string, side: SideId, key: string): BookRow | undefined {
    return this.rowByKey.get(`${tableId}|${side}|${key}`);
  }

  select(tableId: string, side: SideId = 'main', selector: RowSelector): BookRow[] {
    const names = selector.names ? new Set(selector.names.map(rowLabelKey)) : undefined;
    return this.rows(tableId, side).filter(
      (row) =>
        (!selector.keys || selector.keys.includes(row.key)) &&
        (!selector.levels || selector.levels.includes(row.level)) &&
        (selector.hasCode === undefined || Boolean(row.code) === selector.hasCode) &&
        (!names || names.has(rowLabelKey(row.name))),
    );
  }

  /** The figure in a cell; undefined when blank. */
  value(tableId: string, side: string, rowKey: string, column: string): Dec | undefined {
    return this.values.get(cellKey(tableId, side, rowKey, column));
  }

  /** Applies an edit to the cached figure (the book itself is updated by its owner). */
  setValue(tableId: string, side: string, rowKey: string, column: string, value: string | null): void {
    const key = cellKey(tableId, side, rowKey, column);
    const had = this.values.has(key);
    if (value === null) this.values.delete(key);
    else this.values.set(key, new Dec(value));
    const delta = (value === null ? 0 : 1) - (had ? 1 : 0);
    if (delta) this.figureCounts.set(tableId, (this.figureCounts.get(tableId) ?? 0) + delta);
  }

  hasFigures(tableId: string): boolean {
    return (this.figureCounts.get(tableId) ?? 0) > 0;
  }
}
