// One figure changed: the shared harness of the per-family perturbation tests. The change must be reported by the
// rules the case names, at the edited cell; nothing unrelated may change; incremental re-validation must equal a
// full validation of the edited book.
import { expect } from 'vitest';
import type { Book, BookRow } from '../../src/shared/book';
import { Validator, type Finding, type Severity } from '../../src/shared/validation';

export interface Edit {
  table: string;
  side?: 'main' | 'income' | 'expenditure';
  row: string;
  column: string;
  value: string;
}

export interface PerturbCase extends Edit {
  name: string;
  expect: [rule: string, severity: Severity][];
}

export const signature = (f: Finding): string => `${f.key}|${f.severity}|${f.message}`;

/** The finding names the edited cell, or (table-level findings such as the empty-table note) its table. */
export const involves = (finding: Finding, edit: Edit): boolean =>
  finding.locations.some((l) => l.tableId === edit.table && (l.rowKey === '' || ((l.side ?? 'main') === (edit.side ?? 'main') && l.rowKey === edit.row && l.columnId === edit.column)));

export function rowOf(target: Book, tableId: string, side: string, key: string): BookRow {
  const row = target.tables.find((t) => t.tableId === tableId)?.rows.find((r) => r.side === side && r.key === key);
  if (!row) throw new Error(`no row ${tableId}/${side}/${key}`);
  return row;
}

/** Applies the edit both ways (incremental on a copy, full on another) and returns the findings. */
export function edited(book: Book, edit: Edit): { incremental: Finding[]; full: Finding[] } {
  const side = edit.side ?? 'main';
  const validator = new Validator(structuredClone(book));
  validator.setValue(edit.table, side, edit.row, edit.column, edit.value);
  const copy = structuredClone(book);
  rowOf(copy, edit.table, side, edit.row).values[edit.column] = { value: edit.value };
  return { incremental: validator.findings(), full: new Validator(copy).findings() };
}

export function expectPerturbation(book: Book, baseline: readonly Finding[], c: PerturbCase): void {
  const { incremental, full } = edited(book, c);
  expect(incremental.map(signature)).toEqual(full.map(signature));
  const before = new Set(baseline.map(signature));
  const after = new Set(full.map(signature));
  // Every finding that appeared or vanished involves the edited cell: untouched relations stay quiet.
  const changed = [...full.filter((f) => !before.has(signature(f))), ...baseline.filter((f) => !after.has(signature(f)))];
  expect(changed.filter((f) => !involves(f, c)).map((f) => f.message)).toEqual([]);
  for (const [rule, severity] of c.expect) {
    expect(full.find((f) => f.rule === rule && f.severity === severity && involves(f, c)), `${rule} should report ${severity} at ${c.table}/${c.row}/${c.column}`).toBeDefined();
  }
  // …and nothing new beyond what the case names.
  expect([...new Set(full.filter((f) => !before.has(signature(f))).map((f) => f.rule))].sort()).toEqual([...new Set(c.expect.map(([rule]) => rule))].sort());
}
