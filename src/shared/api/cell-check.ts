// The book-aware half of the API boundary (the structural half is the contract's schema): an address names a
// cell only when its table and side are in the book's template and the book, its row is in the book (a template
// row or one inserted since) and its column is one of that side's amount columns. The router runs this before
// any service, store or validator work, so nothing is ever written where no cell is ("__proto__" as a column,
// a 70th column overflowing into the next row's cell ids, a row of another table).
import type { Book } from '../book';
import type { SideId } from '../cell';
import { sideName, tableLabel } from '../labels';
import { findFamily } from '../template/registry';

interface SideIndex {
  rows: Set<string>;
  columns: Set<string>;
}

/** The addresses one book has: tables → sides → row keys and amount column ids (Maps and Sets: no prototype keys). */
export interface CellIndex {
  readonly familyName: string;
  readonly tables: ReadonlyMap<string, { label: string; sides: ReadonlyMap<string, SideIndex> }>;
}

export function cellIndex(book: Book): CellIndex {
  const family = findFamily(book.familyId);
  const tables = new Map<string, { label: string; sides: Map<string, SideIndex> }>();
  for (const table of book.tables) {
    const def = family?.tables.find((t) => t.id === table.tableId);
    if (!def) continue;
    const sides = new Map<string, SideIndex>();
    for (const side of def.sides) {
      const rows = new Set(table.rows.filter((r) => r.side === side.id).map((r) => r.key));
      sides.set(side.id, { rows, columns: new Set(side.columns.filter((c) => c.kind === 'amount').map((c) => c.id)) });
    }
    tables.set(def.id, { label: `${tableLabel(family, def.no)}「${def.title.replace(/\{year\}/g, String(book.year))}」`, sides });
  }
  return { familyName: family?.name ?? book.familyId, tables };
}

export interface AddressProblem {
  field: 'tableId' | 'side' | 'rowKey' | 'columnId';
  /** Chinese, without a final full stop. */
  reason: string;
}

const quote = (text: string): string => `「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`;

/** The first part of the address the book does not have; rowKey and columnId are checked when given. */
export function checkAddress(index: CellIndex, address: { tableId: string; side: SideId; rowKey?: string; columnId?: string }): AddressProblem | undefined {
  const table = index.tables.get(address.tableId);
  if (!table) return { field: 'tableId', reason: `本预算本（${index.familyName}）没有编号为${quote(address.tableId)}的表` };
  const side = table.sides.get(address.side);
  if (!side) return { field: 'side', reason: `${table.label}没有${quote(address.side)}这一方（可用：${[...table.sides.keys()].join('、')}）` };
  const where = `${table.label}${sideName(address.side)}`;
  if (address.rowKey !== undefined && !side.rows.has(address.rowKey)) {
    return { field: 'rowKey', reason: `${where}没有键为${quote(address.rowKey)}的行（只能写模板中的行或已插入的行）` };
  }
  if (address.columnId !== undefined && !side.columns.has(address.columnId)) {
    return { field: 'columnId', reason: `${where}没有金额列${quote(address.columnId)}` };
  }
  return undefined;
}
