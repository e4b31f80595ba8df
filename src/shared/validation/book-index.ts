// Fast access to a book's rows and figures for the validator. Every cell gets a small integer id; figures
// are held as exact scaled integers (bigint, in units of 10^-scale), so sums in the hot path never touch
// decimal parsing or strings. Dec is used only to word findings.
import type { Book, BookAmount, BookRow, BookTable } from '../book';
import { Dec, toCanonical } from '../money';
import { rowLabelKey } from '../text';
import type { RowSelector, SideId } from './types';

/**
 * One pass over the figures: the decimal places of the widest (at least the book's precision), and the cell-id
 * stride — row × stride + column, at least 64 columns and twice the columns the book holds.
 */
function measure(book: Book): { scale: number; stride: number } {
  let scale = book.decimals;
  const columns = new Set<string>();
  for (const table of book.tables) {
    for (const row of table.rows) {
      for (const column in row.values) {
        columns.add(column);
        const value = (row.values[column] as BookAmount).value;
        const dot = value.indexOf('.');
        if (dot >= 0 && value.length - dot - 1 > scale) scale = value.length - dot - 1;
      }
    }
  }
  let stride = 64;
  while (stride < columns.size * 2) stride *= 2;
  return { scale, stride };
}

export class BookIndex {
  readonly scale: number;
  private readonly stride: number;
  private readonly factor: Dec;
  private readonly tables = new Map<string, BookTable>();
  private readonly rowsBySide = new Map<string, BookRow[]>();
  private readonly rowByKey = new Map<string, BookRow>();
  private readonly rowIds = new Map<BookRow, number>();
  private readonly rowsById: BookRow[] = [];
  private readonly columnNames: string[] = [];
  private readonly rowTable = new Map<BookRow, string>();
  private readonly columnIds = new Map<string, number>();
  /** Figures by cell id; undefined = blank. */
  private readonly figures: (bigint | undefined)[];
  /** The canonical text each figure was read from, so a refresh parses only what changed. */
  private readonly texts: (string | undefined)[];
  private readonly figureCounts = new Map<string, number>();
  private readonly labelKeys = new Map<string, string>();

  /** `minScale`: hold figures to at least this many decimals (an edit typed more precisely than the book). */
  constructor(
    readonly book: Book,
    minScale = 0,
  ) {
    const measured = measure(book);
    this.scale = Math.max(measured.scale, minScale);
    this.stride = measured.stride;
    this.factor = new Dec(10).pow(this.scale);
    // Dense from the start: cell ids run to rows × stride, and an array written sparsely that far turns into a slow
    // dictionary.
    const cells = book.tables.reduce((n, table) => n + table.rows.length, 0) * this.stride;
    this.figures = new Array<bigint | undefined>(cells).fill(undefined);
    this.texts = new Array<string | undefined>(cells).fill(undefined);
    for (const table of book.tables) {
      this.tables.set(table.tableId, table);
      let figures = 0;
      for (const row of table.rows) {
        const sideKey = `${table.tableId}|${row.side}`;
        let rows = this.rowsBySide.get(sideKey);
        if (!rows) this.rowsBySide.set(sideKey, (rows = []));
        rows.push(row);
        this.rowByKey.set(`${sideKey}|${row.key}`, row);
        const rowId = this.rowsById.length;
        this.rowIds.set(row, rowId);
        this.rowsById.push(row);
        this.rowTable.set(row, table.tableId);
        // The hot loop of a full validation: one figure per filled cell, counted per table rather than per cell.
        for (const column in row.values) {
          const amount = row.values[column] as BookAmount;
          const cell = rowId * this.stride + this.columnId(column);
          this.figures[cell] = this.scaled(amount.value);
          this.texts[cell] = amount.value;
          figures++;
        }
      }
      if (figures) this.figureCounts.set(table.tableId, (this.figureCounts.get(table.tableId) ?? 0) + figures);
    }
  }

  /**
   * Reads every figure of the book again, for a validator that reuses this index (compiled-cache.ts). False when the
   * book no longer has exactly the tables and row objects indexed, or a figure needs more decimals than the scale or
   * a column beyond the stride: the caller then builds a new index.
   */
  refresh(): boolean {
    const tables = this.book.tables;
    if (tables.length !== this.tables.size) return false;
    let rowId = 0;
    for (const table of tables) if (this.tables.get(table.tableId) !== table) return false;
    for (const table of tables) {
      for (const row of table.rows) if (this.rowsById[rowId++] !== row) return false;
    }
    if (rowId !== this.rowsById.length) return false;
    const { figures, texts } = this;
    // Cells blank now are the ones this pass does not reach: each cell read is marked in `seen`.
    const seen = new Uint8Array(figures.length);
    this.figureCounts.clear();
    rowId = 0;
    try {
      for (const table of tables) {
        let count = 0;
        for (const row of table.rows) {
          for (const column in row.values) {
            const columnId = this.columnIds.get(column) ?? (this.columnIds.size < this.stride ? this.columnId(column) : -1);
            if (columnId < 0) return false;
            const cell = rowId * this.stride + columnId;
            const text = (row.values[column] as BookAmount).value;
            // Usually the very string read last time: compared by identity first, parsed only when it changed.
            if (texts[cell] !== text || figures[cell] === undefined) {
              figures[cell] = this.scaled(text);
              texts[cell] = text;
            }
            if (cell < seen.length) seen[cell] = 1;
            count++;
          }
          rowId++;
        }
        if (count) this.figureCounts.set(table.tableId, count);
      }
      for (let cell = 0; cell < seen.length; cell++) {
        if (!seen[cell] && figures[cell] !== undefined) {
          figures[cell] = undefined;
          texts[cell] = undefined;
        }
      }
    } catch (error) {
      if (error instanceof ScaleExceeded) return false;
      throw error;
    }
    return true;
  }

  table(tableId: string): BookTable | undefined {
    return this.tables.get(tableId);
  }

  rows(tableId: string, side: SideId = 'main'): readonly BookRow[] {
    return this.rowsBySide.get(`${tableId}|${side}`) ?? [];
  }

  row(tableId: string, side: string, key: string): BookRow | undefined {
    return this.rowByKey.get(`${tableId}|${side}|${key}`);
  }

  select(tableId: string, side: SideId = 'main', selector: RowSelector): BookRow[] {
    const names = selector.names ? new Set(selector.names.map(rowLabelKey)) : undefined;
    return this.rows(tableId, side).filter(
      (row) =>
        (!selector.keys || selector.keys.includes(row.key)) &&
        (!selector.levels || selector.levels.includes(row.level)) &&
        (selector.hasCode === undefined || Boolean(row.code) === selector.hasCode) &&
        (!names || names.has(this.labelKey(row.name))),
    );
  }

  /** rowLabelKey, remembered: rules select rows by name over and over, and the key takes several regexes. */
  private labelKey(name: string): string {
    let key = this.labelKeys.get(name);
    if (key === undefined) this.labelKeys.set(name, (key = rowLabelKey(name)));
    return key;
  }

  /**
   * Stable small integer for (row, column): row × stride + column. A column beyond the stride would alias into the
   * next row, so it is refused outright (the API boundary already refuses columns the template does not have).
   */
  cellId(row: BookRow, column: string): number {
    const rowId = this.rowIds.get(row);
    if (rowId === undefined) throw new Error(`row ${row.key} is not in this book`);
    return rowId * this.stride + this.columnId(column);
  }

  private columnId(column: string): number {
    let columnId = this.columnIds.get(column);
    if (columnId === undefined) {
      if (this.columnIds.size >= this.stride) throw new Error(`表中金额列超过 ${this.stride} 个（列「${column}」），无法审核。`);
      this.columnIds.set(column, (columnId = this.columnIds.size));
      this.columnNames.push(column);
    }
    return columnId;
  }

  /** The table, row and column a cell id stands for. */
  cellInfo(cell: number): { tableId: string; row: BookRow; column: string } {
    const row = this.rowsById[Math.floor(cell / this.stride)] as BookRow;
    return { tableId: this.rowTable.get(row) as string, row, column: this.columnNames[cell % this.stride] as string };
  }

  /** Scaled integer → canonical decimal string at the book's precision or finer. */
  toCanonical(figure: bigint): string {
    return toCanonical(this.toDec(figure), 2);
  }

  /** The figure in a cell as a scaled integer; undefined when blank. */
  figure(cell: number): bigint | undefined {
    return this.figures[cell];
  }

  /** Scaled integer → exact decimal. */
  toDec(figure: bigint): Dec {
    return new Dec(figure.toString()).dividedBy(this.factor);
  }

  /** Units of 10^-scale per unit of 10^-decimals (the rounding quantum of the book's figures). */
  quantumUnits(decimals: number): bigint {
    return 10n ** BigInt(Math.max(this.scale - decimals, 0));
  }

  /**
   * The rounding quantum of a cell's figure in scaled units, from the precision its column was printed at;
   * undefined when the figure is exact (printed to 分). Books made in the app keep the book-wide rule:
   * 万元 figures are rounded at the book's decimals, 元 figures are exact.
   */
  quantum(cell: number): bigint | undefined {
    const { tableId, row, column } = this.cellInfo(cell);
    const decimals = row.values[column]?.decimals ?? this.tables.get(tableId)?.precision?.decimals[column] ?? (this.book.unit === '万元' ? this.book.decimals : undefined);
    // 分 is 2 decimals of 元 and 6 of 万元: figures printed that precisely were not rounded.
    const exact = decimals === undefined || decimals >= (this.book.unit === '万元' ? 6 : 2);
    return exact ? undefined : this.quantumUnits(decimals);
  }

  /** The coarsest quantum among cells (a sum is as precise as its least precise figure). */
  quantumOf(cells: readonly number[]): bigint | undefined {
    let coarsest: bigint | undefined;
    for (const cell of cells) {
      const q = this.quantum(cell);
      if (q !== undefined && (coarsest === undefined || q > coarsest)) coarsest = q;
    }
    return coarsest;
  }

  /** Applies an edit; returns the cell id, or undefined when the row is unknown. */
  setValue(tableId: string, side: string, rowKey: string, column: string, value: string | null): number | undefined {
    const row = this.row(tableId, side, rowKey);
    if (!row) return undefined;
    const cell = this.cellId(row, column);
    const had = this.figures[cell] !== undefined;
    if (value === null) {
      this.figures[cell] = undefined;
      this.texts[cell] = undefined;
    }
    else this.store(tableId, cell, value, false);
    const delta = (value === null ? 0 : 1) - (had ? 1 : 0);
    if (delta) this.figureCounts.set(tableId, (this.figureCounts.get(tableId) ?? 0) + delta);
    return cell;
  }

  hasFigures(tableId: string): boolean {
    return (this.figureCounts.get(tableId) ?? 0) > 0;
  }

  private store(tableId: string, cell: number, value: string, count = true): void {
    this.figures[cell] = this.scaled(value);
    this.texts[cell] = value;
    if (count) this.figureCounts.set(tableId, (this.figureCounts.get(tableId) ?? 0) + 1);
  }

  /** "-12.3" at scale 2 → -1230n, straight from the canonical string (no decimal parsing in the hot path). */
  scaled(value: string): bigint {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
    if (!match) return BigInt(new Dec(value).times(this.factor).toFixed(0));
    const fraction = match[3] ?? '';
    // An edit with more decimals than the book had cannot be held at this scale: the engine rebuilds.
    if (fraction.length > this.scale) throw new ScaleExceeded();
    return BigInt(`${match[1]}${match[2]}${fraction.padEnd(this.scale, '0')}`);
  }
}

/** Thrown when an edited figure has more decimals than the index's scale. */
export class ScaleExceeded extends Error {}
