// Ctrl+F: finds a code, a name or an amount in every table of a book, in table order. A number finds amounts equal
// to it (1,234.5 finds 1234.50); any text finds codes that start with it and names that contain it (spaces and
// bracket width ignored).
import type { Book } from './book';
import type { CellAddress } from './cell';
import { parseAmount } from './money';
import { normaliseLabel } from './text';
import type { TemplateFamily } from './template/types';

export function findInBook(book: Book, family: TemplateFamily, query: string): CellAddress[] {
  const text = query.trim();
  if (!text) return [];
  const amount = parseAmount(text);
  const wanted = amount.kind === 'value' ? amount.value : undefined;
  const name = normaliseLabel(text);
  const hits: CellAddress[] = [];
  for (const def of family.tables) {
    const rows = book.tables.find((t) => t.tableId === def.id)?.rows ?? [];
    for (const side of def.sides) {
      const nameColumn = side.columns.find((c) => c.kind === 'name') ?? side.columns.find((c) => c.kind !== 'amount');
      for (const row of rows) {
        if (row.side !== side.id) continue;
        const labelHit = (row.code !== undefined && /^\d+$/.test(text) && row.code.startsWith(text)) || (name !== '' && normaliseLabel(row.name).includes(name));
        if (labelHit && nameColumn) hits.push({ tableId: def.id, side: side.id, rowKey: row.key, columnId: nameColumn.id });
        if (wanted === undefined) continue;
        for (const column of side.columns) {
          const value = column.kind === 'amount' ? row.values[column.id]?.value : undefined;
          if (value !== undefined && wanted.equals(value)) hits.push({ tableId: def.id, side: side.id, rowKey: row.key, columnId: column.id });
        }
      }
    }
  }
  return hits;
}
