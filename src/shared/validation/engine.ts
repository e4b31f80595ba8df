// The validator of one book: a full run, then incremental re-validation of the checks an edited cell feeds.
import type { Book } from '../book';
import { defaultCatalogue, type Catalogue } from '../catalogue';
import { findFamily } from '../template/registry';
import type { TemplateFamily } from '../template/types';
import { BookIndex, ScaleExceeded } from './book-index';
import type { Check, ConditionNode } from './check';
import { compileRules } from './compile';
import { Describer } from './describe';
import { rulesForFamily } from './rules/registry';
import type { Finding, Rule, Severity, ValidationSummary } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ValidatorOptions {
  rules?: readonly Rule[];
  catalogue?: Catalogue;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One cell written: a clerk's edit or a total that followed it. */
export interface CellWrite {
  tableId: string;
  side: 'main' | 'income' | 'expenditure';
  rowKey: string;
  columnId: string;
  value: string | null;
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
  /** Sum relations by part cell, built on the first propagation. */
  private partOf: Map<number, Check[]> | undefined;
  private readonly family: TemplateFamily;
  private readonly rules: readonly Rule[];
  private readonly catalogue: Catalogue;

  constructor(
    readonly book: Book,
    options: ValidatorOptions = {},
  ) {
    const family = findFamily(book.familyId);
    if (!family) throw new Error(`未知的模板「${book.familyId}」，无法审核。`);
    this.family = family;
    this.rules = options.rules ?? rulesForFamily(book.familyId);
    this.catalogue = options.catalogue ?? defaultCatalogue();
    this.build();
  }

  /** Number of compiled checks (for reports and benchmarks). */
  get checkCount(): number {
    return this.checks.length;
  }

  /** Compiles the rules against the book as it is now and runs every check. */
  private build(): void {
    this.index = new BookIndex(this.book);
    this.dependents.clear();
    this.tableDependents.clear();
    this.gateDependents.clear();
    this.gated.clear();
    this.positions.clear();
    this.partOf = undefined;
    this.checks = compileRules(this.rules, {
      index: this.index,
      describe: new Describer(this.index, this.family),
      family: this.family,
      catalogue: this.catalogue,
      nameVerdicts: new Map(),
    });
    this.dependenciesReady = false;
    this.results = this.checks.map((check) => check.run());
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
   * Records a new figure (canonical decimal string, or null for blank) in the book and re-runs only the
   * checks that read it, plus those gated by a condition whose truth it changed. Returns how many ran.
   */
  setValue(tableId: string, side: string, rowKey: string, column: string, value: string | null): number {
    const row = this.index.row(tableId, side, rowKey);
    if (!row) throw new Error(`表 ${tableId} 中没有行「${rowKey}」。`);
    this.prepareIncremental();
    if (value === null) delete row.values[column];
    else {
      // A typed figure has no printed precision of its own: its column's applies.
      const { decimals: _printed, ...kept } = row.values[column] ?? { value };
      row.values[column] = { ...kept, value };
    }
    let cell: number | undefined;
    try {
      cell = this.index.setValue(tableId, side, rowKey, column, value);
    } catch (error) {
      if (!(error instanceof ScaleExceeded)) throw error;
      this.build(); // more decimals than the book had: rebuild at the wider scale
      this.prepareIncremental();
      return this.checks.length;
    }
    const affected = new Set<Check>();
    for (const check of (cell === undefined ? undefined : this.dependents.get(cell)) ?? []) affected.add(check);
    for (const check of this.tableDependents.get(tableId) ?? []) affected.add(check);
    for (const gate of (cell === undefined ? undefined : this.gateDependents.get(cell)) ?? []) {
      const before = gate.holds;
      if (gate.evaluate() !== before) for (const check of this.gated.get(gate) ?? []) affected.add(check);
    }
    for (const check of affected) this.results[this.positions.get(check) as number] = check.run();
    return affected.size;
  }

  /** "tableId|side|rowKey|columnId" of every cell that is the total of a sum relation with parts: computed, read-only. */
  computedCells(): Set<string> {
    const out = new Set<string>();
    for (const check of this.checks) {
      if (!check.sum || check.sum.length < 2) continue;
      const { tableId, row, column } = this.index.cellInfo(check.sum[0] as number);
      out.add(`${tableId}|${row.side}|${row.key}|${column}`);
    }
    return out;
  }

  /**
   * Applies the clerk's edits and lets every total that depends on them follow, bottom-up through the sum
   * relations (项 → 款 → 类 → 合计, row totals, 收入总计 …). A total keeps the difference it already had from
   * its parts, so a published 尾差 stays a 尾差: adding 1.00 to a 项 adds exactly 1.00 to its 款, 类 and 合计.
   * Returns every cell written (edits first, then totals) for the caller to store as one transaction.
   */
  applyEdits(edits: readonly CellWrite[]): CellWrite[] {
    this.prepareIncremental();
    if (!this.partOf) {
      this.partOf = new Map();
      for (const check of this.checks) {
        if (!check.sum || check.sum.length < 2) continue;
        for (let i = 1; i < check.sum.length; i++) push(this.partOf, check.sum[i] as number, check);
      }
    }
    /** Figures before this change, for every cell it touches. */
    const before = new Map<number, bigint | undefined>();
    const queue: number[] = [];
    for (const edit of edits) {
      const row = this.index.row(edit.tableId, edit.side, edit.rowKey);
      if (!row) continue;
      const cell = this.index.cellId(row, edit.columnId);
      if (!before.has(cell)) before.set(cell, this.index.figure(cell));
      this.setValue(edit.tableId, edit.side, edit.rowKey, edit.columnId, edit.value);
      queue.push(cell);
    }
    const old = (cell: number): bigint | undefined => (before.has(cell) ? before.get(cell) : this.index.figure(cell));
    const totals = new Set<number>();
    let guard = 100_000; // sum relations form no cycles, but data must never hang the UI
    while (queue.length > 0 && guard-- > 0) {
      const cell = queue.shift() as number;
      for (const check of this.partOf.get(cell) ?? []) {
        const cells = check.sum as number[];
        let sumNow = 0n;
        let sumBefore = 0n;
        let present = 0;
        for (let i = 1; i < cells.length; i++) {
          const now = this.index.figure(cells[i] as number);
          if (now !== undefined) {
            sumNow += now;
            present++;
          }
          sumBefore += old(cells[i] as number) ?? 0n;
        }
        const total = cells[0] as number;
        const current = this.index.figure(total);
        const tail = (old(total) ?? 0n) - sumBefore;
        const next = present === 0 && tail === 0n ? undefined : sumNow + tail;
        if (current === next) continue;
        if (!before.has(total)) before.set(total, current);
        const { tableId, row, column } = this.index.cellInfo(total);
        this.setValue(tableId, row.side, row.key, column, next === undefined ? null : this.index.toCanonical(next));
        totals.add(total);
        queue.push(total);
      }
    }
    const written: CellWrite[] = [...edits];
    for (const cell of totals) {
      const { tableId, row, column } = this.index.cellInfo(cell);
      const figure = this.index.figure(cell);
      written.push({ tableId, side: row.side, rowKey: row.key, columnId: column, value: figure === undefined ? null : this.index.toCanonical(figure) });
    }
    return written;
  }

  findings(): Finding[] {
    const explanations = new Map((this.book.explanations ?? []).map((e) => [e.findingKey, e.text]));
    const all: Finding[] = [];
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
