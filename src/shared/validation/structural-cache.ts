// Structural checks (code structure, names against the catalogue, one name per code) read codes, names and
// where rows sit, never figures. Their findings are kept per rule and catalogue under a key made of exactly what
// they read, so validating a book whose structure did not change (reopened, re-validated after an edit of
// figures, exported) reuses them instead of recomputing thousands of per-row checks.
import type { Book } from '../book';
import type { Catalogue } from '../catalogue';
import type { Check } from './check';
import type { Finding, Rule } from './types';

const STRUCTURAL_KINDS: ReadonlySet<Rule['kind']> = new Set(['codeStructure', 'catalogueName', 'consistentNames']);

/** Structural and ungated: a gate reads figures, so a gated rule is never cached. */
export function isCachedStructural(rule: Rule): boolean {
  return STRUCTURAL_KINDS.has(rule.kind) && !rule.when?.length;
}

interface Entry {
  ids: string[];
  results: Finding[][];
}

/** Books kept per rule and catalogue: the session's book and one or two others is the working set. */
const KEEP = 4;
let cache = new WeakMap<Rule, WeakMap<Catalogue, Map<string, Entry>>>();

/** Forgets every kept result (the bench measures a validation that has never seen the book). */
export function forgetStructuralFindings(): void {
  cache = new WeakMap();
}

/**
 * Everything a structural check reads (and a finding's location names), hashed: two independent 32-bit FNV-1a
 * style lanes over every string with its length, so a large book costs one pass over its labels and no big string.
 */
export function structureKey(book: Book): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const mix = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // The length ends each string, so ("ab","c") and ("a","bc") differ.
    a = Math.imul(a ^ (text.length + 0x10000), 0x01000193);
    b = Math.imul(b ^ (text.length + 0x10000), 0x5bd1e995);
  };
  let rows = 0;
  mix(book.familyId);
  mix(String(book.year));
  for (const table of book.tables) {
    mix(table.tableId);
    mix(table.source?.sheet ?? '');
    for (const row of table.rows) {
      rows++;
      mix(row.side);
      mix(row.key);
      mix(row.level);
      mix(row.code ?? '');
      mix(row.name);
      mix(row.govName ?? '');
      mix(row.source?.sheet ?? '');
      mix(row.source?.cell ?? '');
    }
    mix(String(table.rows.length));
  }
  return `${book.tables.length}:${rows}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/** The rule's checks with their findings: from the cache when this structure was seen, else compiled and kept. */
export function structuralChecks(rule: Rule, catalogue: Catalogue, key: string, compile: () => Check[]): { checks: Check[]; results: Finding[][] } {
  let byCatalogue = cache.get(rule);
  if (!byCatalogue) cache.set(rule, (byCatalogue = new WeakMap()));
  let entries = byCatalogue.get(catalogue);
  if (!entries) byCatalogue.set(catalogue, (entries = new Map()));
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the one dropped.
    entries.delete(key);
    entries.set(key, hit);
    return { checks: hit.ids.map((id, i) => ({ id, deps: [], run: () => hit.results[i] ?? [] })), results: hit.results };
  }
  const checks = compile();
  const results = checks.map((check) => check.run());
  entries.set(key, { ids: checks.map((check) => check.id), results });
  if (entries.size > KEEP) entries.delete(entries.keys().next().value as string);
  return { checks, results };
}
