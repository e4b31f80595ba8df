// Real published documents as test fixtures: the clerk's workbook built from each document
// (tests/fixtures/real/NAME.xlsx) and the figures the document prints (NAME.expected.json, read from its text by
// scripts/fixtures/real-text.ts). Tests compare what we import with what the document prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Book, BookRow } from '../../src/shared/book';
import { convertUnit, Dec, parseUnitLabel } from '../../src/shared/money';
import { findFamily } from '../../src/shared/template/registry';
import { rowLabelKey } from '../../src/shared/text';

export const REAL_DIR = join(__dirname, '..', 'fixtures', 'real');
export const realWorkbook = (name: string): string => join(REAL_DIR, `${name}.xlsx`);

export interface ExpectedTable {
  title: string;
  unit: string;
  department: string;
  rows: { code: string; name: string; side: string; values: string[] }[];
}

export function expectedTables(name: string): ExpectedTable[] {
  return JSON.parse(readFileSync(join(REAL_DIR, `${name}.expected.json`), 'utf8')) as ExpectedTable[];
}

/** "1,234.50" → 1234.5; "" → undefined. */
const printed = (text: string): Dec | undefined => (text.trim() === '' ? undefined : new Dec(text.replace(/[,，\s]/g, '')));

function findRow(rows: readonly BookRow[], expected: ExpectedTable['rows'][number]): BookRow | undefined {
  const side = rows.filter((r) => r.side === expected.side);
  if (!expected.name && side.length === 1) return side[0]; // the one-line 三公 table
  const name = rowLabelKey(expected.name);
  return (expected.code ? side.find((r) => r.code === expected.code) : undefined) ?? side.find((r) => rowLabelKey(r.name) === name);
}

/**
 * Every printed figure must be in the book at its table, row and column (in the book's unit), and the book holds
 * no figure the document does not print. Returns the mismatches as readable strings (empty = all placed).
 */
export function misplacedFigures(book: Book, name: string): string[] {
  const family = findFamily(book.familyId);
  const problems: string[] = [];
  let printedCount = 0;
  for (const expected of expectedTables(name)) {
    const table = book.tables.find((t) => t.title.replace(/\s/g, '') === expected.title.replace(/\s/g, ''));
    const def = family?.tables.find((t) => t.id === table?.tableId);
    if (!table || !def) {
      problems.push(`表「${expected.title}」未导入`);
      continue;
    }
    const unit = parseUnitLabel(expected.unit) ?? book.unit;
    for (const row of expected.rows) {
      const columns = def.sides.find((s) => s.id === row.side)?.columns.filter((c) => c.kind === 'amount') ?? [];
      const bookRow = findRow(table.rows, row);
      row.values.forEach((text, i) => {
        const value = printed(text);
        if (value === undefined) return;
        printedCount++;
        const column = columns[i];
        const want = convertUnit(value, unit, book.unit);
        const got = column && bookRow?.values[column.id]?.value;
        if (!got || !new Dec(got).eq(want)) problems.push(`${expected.title}「${row.code} ${row.name}」第 ${i + 1} 个金额：应为 ${want.toFixed()}，导入为 ${got ?? '（无）'}`);
      });
    }
  }
  const held = book.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + Object.keys(r.values).length, 0), 0);
  if (held !== printedCount) problems.push(`文件印有 ${printedCount} 个金额，导入了 ${held} 个`);
  return problems;
}
