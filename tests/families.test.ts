// Every registered family works end to end as data: a new book can be made from it, checked, exported, and the
// export is recognised as the same family on import. Rules name only tables and columns the family has.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import { newBook } from '../src/shared/template/new-book';
import { TEMPLATE_FAMILIES } from '../src/shared/template/registry';
import { allColumns } from '../src/shared/template/types';
import { Validator } from '../src/shared/validation';
import { rulesForFamily } from '../src/shared/validation/rules/registry';
import type { Operand, Rule } from '../src/shared/validation/types';

const tmp = mkdtempSync(join(tmpdir(), 'families-'));

/** Every (table, column) a rule reads. */
function operandsOf(rule: Rule): Operand[] {
  switch (rule.kind) {
    case 'match':
      return [rule.left, ...(Array.isArray(rule.right) ? rule.right : [rule.right as Operand]), ...(rule.when ?? []).flatMap((c) => [c.left, ...(c.right === 'zero' ? [] : [c.right])])];
    case 'rowSum':
      return [{ table: rule.table, rows: {}, columns: [rule.total, ...rule.parts] }];
    case 'rowsSum':
    case 'treeSum':
      return [{ table: rule.table, rows: {}, columns: rule.columns }];
    default:
      return [];
  }
}

describe.each(TEMPLATE_FAMILIES.map((f) => [f.id, f] as const))('%s', (_id, family) => {
  it('has a rule catalogue whose rules name only its own tables and columns', () => {
    const rules = rulesForFamily(family.id);
    expect(rules.length).toBeGreaterThan(10);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      for (const operand of operandsOf(rule)) {
        const table = family.tables.find((t) => t.id === operand.table);
        expect(table, `${rule.id}: table ${operand.table}`).toBeDefined();
        const columns = new Set(table ? allColumns(table).map((c) => c.id) : []);
        for (const column of operand.columns) expect(columns.has(column), `${rule.id}: ${operand.table}.${column}`).toBe(true);
      }
    }
  });

  it('makes a new book that checks without errors, exports, and is recognised again from its export', async () => {
    const book = newBook(family, 2026, '上海市普陀区某某局');
    expect(new Validator(book).findings().filter((f) => f.severity === 'error')).toEqual([]);
    const out = join(tmp, `${family.id}.xlsx`);
    await exportBook(book, out, 'never');
    const again = await importWorkbooks([out]);
    expect(again.book.familyId).toBe(family.id);
    expect(again.book.year).toBe(2026);
    expect(again.book.department).toBe('上海市普陀区某某局');
  });
});
