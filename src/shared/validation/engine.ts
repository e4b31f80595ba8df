// The validator of one book: a full run, then incremental re-validation of the checks an edited cell feeds.
import type { Book } from '../book';
import { applyPatch, type CellAddress, type SideId } from '../cell';
import { defaultCatalogue, type Catalogue } from '../catalogue';
import { findFamily } from '../template/registry';
import type { TemplateFamily } from '../template/types';
import { BookIndex, ScaleExceeded } from './book-index';
import type { Check, ConditionNode } from './check';
import { compileRules } from './compile';
import { isCachedStructural, structuralChecks, structureKey } from './structural-cache';
import { keepCompiled, reuseCompiled, type Compiled } from './compiled-cache';
import { Describer } from './describe';
import { rulesForFamily } from '../families';
import { checkNarrative } from '../narrative/check';
import { checkPerformanceForms } from '../performance/check';
import type { CompileContext } from './kinds/context';
import { isFormRule, type Finding, type FormRule, type Rule, type Severity, type ValidationSummary } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ValidatorOptions {
  rules?: readonly Rule[];
  catalogue?: Catalogue;
  /** Hold figures to at least this many decimals (see BookIndex). */
  minScale?: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class Validator {
  private index!: BookIndex;
  private checks: Check[] = [];
  private readonly dependents = new Map<number, Check[]>();
  private readonly tableDependents = new Map<string, Check[]>();
  private readonly gateDependents = new Map<number, ConditionNode[]>();
  private readonly gated = new Map<ConditionNode, Check[]>();
  private results: Finding[][] = [];
  private readonly positions = new Map<Check, number>();
  /** The cell → checks index is built on the first edit: a one-shot validation (check, export) never needs it. */
  private dependenciesReady = false;
  private readonly family: TemplateFamily;
  private readonly rules: readonly Rule[];
  /** The 绩效目标表 rules: run over the book's current forms at every findings(), never compiled. */
  private readonly formRules: readonly FormRule[];
  private compileContext!: CompileContext;
  private readonly catalogue: Catalogue;
  private minScale: number;
  private describer!: Describer;
  /** Checks by their id (a finding's key), built when a quick fix first asks. */
  private byKey: Map<string, Check> | undefined;

  constructor(
    readonly book: Book,
    options: ValidatorOptions = {},
  ) {
    const family = findFamily(book.familyId);
    if (!family) throw new Error(`未知的模板「${book.familyId}」，无法审核。`);
    this.family = family;
    this.rules = options.rules ?? rulesForFamily(book.familyId);
    this.formRules = this.rules.filter(isFormRule);
    this.catalogue = options.catalogue ?? defaultCatalogue();
    this.minScale = options.minScale ?? 0;
    this.build();
  }

  /** The figures as exact scaled integers, by cell id (read by the book session to plan totals). */
  get figures(): BookIndex {
    return this.index;
  }

  /** Every sum relation with parts, as cell ids (total first): the graph totals follow. */
  sumRelations(): readonly (readonly number[])[] {
    return this.checks.flatMap((check) => (check.sum && check.sum.length >= 2 ? [check.sum] : []));
  }

  /** The compiled check behind a finding (its key is the check's id). */
  checkFor(findingKey: string): Check | undefined {
    this.byKey ??= new Map(this.checks.map((check) => [check.id, check]));
    return this.byKey.get(findingKey);
  }

  /** "表三「合计」基本支出" for a cell id. */
  describeCell(cell: number): string {
    const { tableId, row, column } = this.index.cellInfo(cell);
    return this.describer.cell(tableId, row.side, row, column);
  }

  /** Rebuilds at a wider scale when a figure has more decimals than the book had. */
  widen(minScale: number): void {
    this.minScale = Math.max(this.minScale, minScale);
    this.build();
  }

  /** Number of compiled checks (for reports and benchmarks). */
  get checkCount(): number {
    return this.checks.length;
  }

  /** Compiles the rules against the book as it is now and runs every check. */
  private build(): void {
    this.dependents.clear();
    this.tableDependents.clear();
    this.gateDependents.clear();
    this.gated.clear();
    this.positions.clear();
    this.byKey = undefined;
    this.dependenciesReady = false;
    const structure = structureKey(this.book);
    const wanted = { rules: this.rules, catalogue: this.catalogue, minScale: this.minScale, structure };
    const reused = reuseCompiled(this.book, wanted);
    if (reused) {
      this.adopt(reused);
      this.results = reused.checks.map((check, i) => reused.fixed[i] ?? check.run());
      return;
    }
    const index = new BookIndex(this.book, this.minScale);
    const context = { index, describe: new Describer(index, this.family), family: this.family, catalogue: this.catalogue, nameVerdicts: new Map() };
    const entry: Compiled = { ...wanted, context, checks: [], fixed: [] };
    this.results = [];
    for (const rule of this.rules) {
      if (isCachedStructural(rule)) {
        const { checks, results } = structuralChecks(rule, this.catalogue, structure, () => compileRules([rule], context));
        entry.checks.push(...checks);
        entry.fixed.push(...results);
        this.results.push(...results);
        continue;
      }
      for (const check of compileRules([rule], context)) {
        entry.checks.push(check);
        entry.fixed.push(undefined);
        this.results.push(check.run());
      }
    }
    keepCompiled(this.book, entry);
    this.adopt(entry);
  }

  private adopt(entry: Compiled): void {
    this.index = entry.context.index;
    this.describer = entry.context.describe;
    this.compileContext = entry.context;
    this.checks = entry.checks;
  }

  /** Builds the index from cells to the checks that read them (done once, before the first edit). */
  prepareIncremental(): void {
    if (this.dependenciesReady) return;
    this.checks.forEach((check, position) => {
      this.positions.set(check, position);
      for (const dep of check.deps) push(this.dependents, dep, check);
      for (const table of check.tableDeps ?? []) push(this.tableDependents, table, check);
      for (const gate of check.gates ?? []) {
        if (!this.gated.has(gate)) for (const dep of gate.deps) push(this.gateDependents, dep, gate);
        push(this.gated, gate, check);
      }
    });
    this.dependenciesReady = true;
  }

  /**
   * Records a new figure (canonical decimal string, or null for blank) in the book and re-runs only the checks
   * that read it. A convenience over `applyPatch` + `cellsChanged` for one cell (tests, scripts).
   */
  setValue(tableId: string, side: string, rowKey: string, column: string, value: string | null): number {
    const address = { tableId, side: side as SideId, rowKey, columnId: column };
    if (!this.index.row(tableId, side, rowKey)) throw new Error(`表 ${tableId} 中没有行「${rowKey}」。`);
    applyPatch(this.book, { set: [{ ...address, value }], derived: [] }, (cell) => this.index.row(cell.tableId, cell.side, cell.rowKey));
    return this.cellsChanged([address]);
  }

  /**
   * The book's figures at these cells changed (a patch was laid onto the book): read them again and re-run only
   * the checks that read them, plus those gated by a condition whose truth changed. Returns how many ran.
   * The validator never writes the book.
   */
  cellsChanged(cells: readonly CellAddress[]): number {
    this.prepareIncremental();
    const affected = new Set<Check>();
    for (const address of cells) {
      const row = this.index.row(address.tableId, address.side, address.rowKey);
      if (!row) continue;
      let cell: number | undefined;
      try {
        cell = this.index.setValue(address.tableId, address.side, address.rowKey, address.columnId, row.values[address.columnId]?.value ?? null);
      } catch (error) {
        if (!(error instanceof ScaleExceeded)) throw error;
        this.build(); // more decimals than the book had: rebuild at the wider scale
        this.prepareIncremental();
        return this.checks.length;
      }
      for (const check of (cell === undefined ? undefined : this.dependents.get(cell)) ?? []) affected.add(check);
      for (const check of this.tableDependents.get(address.tableId) ?? []) affected.add(check);
      for (const gate of (cell === undefined ? undefined : this.gateDependents.get(cell)) ?? []) {
        const before = gate.holds;
        if (gate.evaluate() !== before) for (const check of this.gated.get(gate) ?? []) affected.add(check);
      }
    }
    for (const check of affected) this.results[this.positions.get(check) as number] = check.run();
    return affected.size;
  }

  findings(): Finding[] {
    const explanations = new Map((this.book.explanations ?? []).map((e) => [e.findingKey, e.text]));
    const all: Finding[] = [];
    // The 情况说明 is checked whole each time: a few hundred sentences, and any figure may change what they say.
    // So are the 绩效目标表 (a few dozen forms): a form edit needs no invalidation, only the book's forms set.
    for (const finding of [...checkNarrative(this.book), ...checkPerformanceForms(this.formRules, { ...this.compileContext, book: this.book })]) {
      const explanation = finding.severity === 'warning' ? explanations.get(finding.key) : undefined;
      all.push(explanation ? { ...finding, explanation } : finding);
    }
    for (const findings of this.results) {
      for (const finding of findings) {
        const explanation = finding.severity === 'warning' ? explanations.get(finding.key) : undefined;
        all.push(explanation ? { ...finding, explanation } : finding);
      }
    }
    return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.locations[0]?.table ?? 0) - (b.locations[0]?.table ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
