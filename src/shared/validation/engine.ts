// The validator of one book: a full run, then incremental re-validation of the checks an edited cell feeds.
import type { Book } from '../book';
import { defaultCatalogue, type Catalogue } from '../catalogue';
import { Dec } from '../money';
import { findFamily } from '../template/registry';
import { BookIndex, cellKey, tableWildcard } from './book-index';
import type { Check } from './check';
import { compileRules } from './compile';
import { Describer } from './describe';
import { rulesForFamily } from './rules/registry';
import type { Finding, Rule, Severity, ValidationSummary } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ValidatorOptions {
  rules?: readonly Rule[];
  catalogue?: Catalogue;
}

export class Validator {
  private readonly index: BookIndex;
  private readonly checks: Check[];
  private readonly dependents = new Map<string, Check[]>();
  private readonly results = new Map<string, Finding[]>();

  constructor(
    readonly book: Book,
    options: ValidatorOptions = {},
  ) {
    const family = findFamily(book.familyId);
    if (!family) throw new Error(`未知的模板「${book.familyId}」，无法审核。`);
    this.index = new BookIndex(book);
    const rules = options.rules ?? rulesForFamily(book.familyId);
    const quantum = book.unit === '万元' ? new Dec(1).dividedBy(new Dec(10).pow(book.decimals)) : undefined;
    this.checks = compileRules(rules, {
      index: this.index,
      describe: new Describer(this.index, family),
      quantum,
      family,
      catalogue: options.catalogue ?? defaultCatalogue(),
    });
    for (const check of this.checks) {
      for (const dep of new Set(check.deps)) {
        const list = this.dependents.get(dep);
        if (list) list.push(check);
        else this.dependents.set(dep, [check]);
      }
      this.results.set(check.id, check.run());
    }
  }

  /** Number of compiled checks (for reports and benchmarks). */
  get checkCount(): number {
    return this.checks.length;
  }

  /**
   * Records a new figure (canonical decimal string, or null for blank) and re-runs only the checks that read
   * it. Returns how many checks ran. The caller updates the book's own row values.
   */
  setValue(tableId: string, side: string, rowKey: string, column: string, value: string | null): number {
    this.index.setValue(tableId, side, rowKey, column, value);
    const affected = new Set([...(this.dependents.get(cellKey(tableId, side, rowKey, column)) ?? []), ...(this.dependents.get(tableWildcard(tableId)) ?? [])]);
    for (const check of affected) this.results.set(check.id, check.run());
    return affected.size;
  }

  findings(): Finding[] {
    const explanations = new Map((this.book.explanations ?? []).map((e) => [e.findingKey, e.text]));
    const all: Finding[] = [];
    for (const findings of this.results.values()) {
      for (const finding of findings) {
        const explanation = finding.severity === 'warning' ? explanations.get(finding.key) : undefined;
        all.push(explanation ? { ...finding, explanation } : finding);
      }
    }
    return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.locations[0]?.table ?? 0) - (b.locations[0]?.table ?? 0) || a.key.localeCompare(b.key));
  }
}

export function summarise(findings: readonly Finding[]): ValidationSummary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

export function validateBook(book: Book, options: ValidatorOptions = {}): Finding[] {
  return new Validator(book, options).findings();
}
