// A book validated again (exported, checked, reopened in the same process) while its structure is unchanged reuses
// the checks compiled for it: the index reads the figures again (BookIndex.refresh), gates are re-evaluated and only
// the figure checks run; structural findings come from structural-cache.ts. Kept per Book object, so a check never
// reads rows of another book; any change of rules, catalogue, scale, rows or a key makes a fresh compile.
import type { Book } from '../book';
import type { Catalogue } from '../catalogue';
import type { BookIndex } from './book-index';
import type { Check, ConditionNode } from './check';
import type { CompileContext } from './kinds/context';
import type { Finding, Rule } from './types';

export interface Compiled {
  rules: readonly Rule[];
  catalogue: Catalogue;
  minScale: number;
  structure: string;
  context: CompileContext & { index: BookIndex };
  checks: Check[];
  /** Findings of the structural checks by position (they do not read figures); undefined for figure checks. */
  fixed: (Finding[] | undefined)[];
}

const compiled = new WeakMap<Book, Compiled>();

/** The book's compiled checks with its figures read again, or undefined when they cannot be reused. */
export function reuseCompiled(book: Book, wanted: Pick<Compiled, 'rules' | 'catalogue' | 'minScale' | 'structure'>): Compiled | undefined {
  const entry = compiled.get(book);
  if (!entry || entry.rules !== wanted.rules || entry.catalogue !== wanted.catalogue || entry.minScale !== wanted.minScale || entry.structure !== wanted.structure) return undefined;
  if (!entry.context.index.refresh()) {
    compiled.delete(book);
    return undefined;
  }
  const gates = new Set<ConditionNode>();
  for (const check of entry.checks) for (const gate of check.gates ?? []) gates.add(gate);
  for (const gate of gates) gate.evaluate();
  return entry;
}

export function keepCompiled(book: Book, entry: Compiled): void {
  compiled.set(book, entry);
}
