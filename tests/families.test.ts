// Every registered family works end to end as data: a new book can be made from it, checked, exported, and the
// export is recognised as the same family on import. Rules name only tables and columns the family has, and name
// tables the way the family does (表一 or 表1). The editor's code reaches no rule catalogue.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import { newBook } from '../src/shared/template/new-book';
import { TEMPLATE_FAMILIES } from '../src/shared/template/registry';
import { allColumns } from '../src/shared/template/types';
import { Validator } from '../src/shared/validation';
import { FAMILY_PACKAGES, rulesForFamily } from '../src/shared/families';
import { tableLabel } from '../src/shared/labels';
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

describe('the family packages', () => {
  it('hold every registered family once, in order, each with its rules', () => {
    expect(FAMILY_PACKAGES.map((p) => p.template)).toEqual(TEMPLATE_FAMILIES);
    for (const pkg of FAMILY_PACKAGES) expect(rulesForFamily(pkg.template.id)).toBe(pkg.rules);
    expect(rulesForFamily('no-such-family')).toEqual([]);
  });
});

describe.each(TEMPLATE_FAMILIES.map((f) => [f.id, f] as const))('%s', (_id, family) => {
  it('names its tables in rule titles as it names them everywhere (表一 or 表1)', () => {
    // 「科目表一致」 and 「…总表一般公共预算」 are words, not table numbers.
    const foreign = family.tableNumbering === 'chinese' ? /表\d/ : /表(?:[二三四五六七八九十]|一(?![般致]))/;
    const titles = rulesForFamily(family.id).flatMap((rule) => [rule.title, ...(rule.kind === 'match' ? (rule.when ?? []).map((c) => c.description ?? '') : [])]);
    expect(titles.filter((title) => foreign.test(title))).toEqual([]);
    expect(tableLabel(family, 2)).toBe(family.tableNumbering === 'chinese' ? '表二' : '表2');
  });

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

describe('the editor bundle', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const src = resolve(here, '..', 'src');

  /** Modules a file imports at run time (`import type` and `export type` are erased). */
  function runtimeImports(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
    return specifiers.filter((s) => s.startsWith('.')).flatMap((s) => {
      const base = resolve(dirname(file), s);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
      return found ? [found] : [];
    });
  }

  it('reaches no rule catalogue: the renderer imports templates, never the family packages', () => {
    const seen = new Set<string>();
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const queue = walk(join(src, 'renderer', 'src'));
    while (queue.length) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!file.endsWith('.json')) queue.push(...runtimeImports(file));
    }
    const reached = [...seen].map((f) => relative(src, f).split('\\').join('/'));
    expect(reached).toContain('shared/template/registry.ts');
    expect(reached.filter((f) => f.startsWith('shared/validation/rules/') || f === 'shared/families.ts')).toEqual([]);
  });
});
