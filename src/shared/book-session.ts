// One open book and everything that follows from it: its validator (findings, kept up to date incrementally)
// and its sum graph (which cells are totals, and how an edit flows up to them). An edit is planned here as one
// BookPatch without touching the book; the store writes the patch in one transaction first; then `commit` lays
// it onto the book and the validator re-checks what it touched. The renderer lays the same patch onto its copy.
import type { Book } from './book';
import { applyPatch, cellKey, patchCells, type BookPatch, type CellValue } from './cell';
import { ScaleExceeded } from './validation/book-index';
import { Validator, type ValidatorOptions } from './validation/engine';
import { judgeSum } from './validation/rounding';

/** Figures in a patch never exceed this many decimals without a rebuild of the index. */
const decimalsOf = (value: string | null): number => (value === null ? 0 : (value.split('.')[1]?.length ?? 0));

export class BookSession {
  readonly validator: Validator;
  /** Part cell id → the sum relations (total first) it is a part of. Built on the first plan. */
  private partOf: Map<number, readonly number[][]> | undefined;
  private computed: Set<string> | undefined;

  constructor(
    readonly book: Book,
    options: ValidatorOptions = {},
  ) {
    this.validator = new Validator(book, options);
  }

  /**
   * "tableId|side|rowKey|columnId" of every total of a sum relation with parts: derived from the rules, computed,
   * read-only for the clerk.
   */
  computedCells(): ReadonlySet<string> {
    if (!this.computed) {
      const index = this.validator.figures;
      this.computed = new Set(
        [...this.computedCellIds()].map((cell) => {
          const { tableId, row, column } = index.cellInfo(cell);
          return cellKey({ tableId, side: row.side, rowKey: row.key, columnId: column });
        }),
      );
    }
    return this.computed;
  }

  /** The same cells by cell id. */
  computedCellIds(): ReadonlySet<number> {
    return new Set(this.validator.sumRelations().map((sum) => sum[0] as number));
  }

  /**
   * The patch an edit makes: the cells set, then every total that follows bottom-up through the sum relations
   * (项 → 款 → 类 → 合计, row totals, 收入总计 …). A total keeps a rounding difference it already had from its parts,
   * so a published 尾差 stays a 尾差; a larger difference (a wrong total that came in from Excel) is not carried
   * along: the total becomes the sum of its parts, as any budget system recalculates. Pure: neither the book nor
   * the validator changes.
   */
  plan(edits: readonly CellValue[]): BookPatch {
    const widest = Math.max(0, ...edits.map((e) => decimalsOf(e.value)));
    if (widest > this.validator.figures.scale) this.widen(widest);
    try {
      return this.planAtScale(edits);
    } catch (error) {
      if (!(error instanceof ScaleExceeded)) throw error;
      this.widen(widest);
      return this.planAtScale(edits);
    }
  }

  /**
   * 按明细重算: the given totals (cell ids; every total when none are given) set to exactly the sum of their parts,
   * lower totals first so a 类 is summed from its recalculated 款; totals above them follow as after an edit,
   * keeping their own differences. A cell that totals several relations takes its first (they agree once its parts
   * are recalculated). Pure, like `plan`.
   */
  planRecalculation(totals?: readonly number[]): BookPatch {
    const index = this.validator.figures;
    const relationOf = new Map<number, readonly number[]>();
    for (const sum of this.validator.sumRelations()) if (!relationOf.has(sum[0] as number)) relationOf.set(sum[0] as number, sum);
    const wanted = totals ? new Set(totals) : undefined;
    const after = new Map<number, bigint | undefined>();
    const now = (cell: number): bigint | undefined => (after.has(cell) ? after.get(cell) : index.figure(cell));
    for (const total of bottomUp(relationOf, totals ?? [...relationOf.keys()])) {
      if (wanted && !wanted.has(total)) continue;
      const sum = relationOf.get(total) as readonly number[];
      let value = 0n;
      let present = 0;
      for (let i = 1; i < sum.length; i++) {
        const part = now(sum[i] as number);
        if (part === undefined) continue;
        value += part;
        present++;
      }
      const next = present === 0 ? undefined : value;
      if (next !== index.figure(total)) after.set(total, next);
    }
    const edits = [...after].map(([cell, figure]) => {
      const { tableId, row, column } = index.cellInfo(cell);
      return { tableId, side: row.side, rowKey: row.key, columnId: column, value: figure === undefined ? null : index.toCanonical(figure) };
    });
    return edits.length ? this.plan(edits) : { set: [], derived: [] };
  }

  /** Lays a patch the store has already written onto the book and re-checks what it touched. */
  commit(patch: BookPatch): void {
    const index = this.validator.figures;
    applyPatch(this.book, patch, (cell) => index.row(cell.tableId, cell.side, cell.rowKey));
    this.validator.cellsChanged(patchCells(patch));
  }

  private widen(decimals: number): void {
    this.validator.widen(decimals);
    this.partOf = undefined;
    this.computed = undefined;
  }

  private relationsByPart(): Map<number, readonly number[][]> {
    if (!this.partOf) {
      const partOf = new Map<number, number[][]>();
      for (const sum of this.validator.sumRelations()) {
        for (let i = 1; i < sum.length; i++) {
          const list = partOf.get(sum[i] as number);
          if (list) list.push(sum as number[]);
          else partOf.set(sum[i] as number, [sum as number[]]);
        }
      }
      this.partOf = partOf;
    }
    return this.partOf;
  }

  private planAtScale(edits: readonly CellValue[]): BookPatch {
    const index = this.validator.figures;
    const partOf = this.relationsByPart();
    /** Figures after the patch, where it changes them. */
    const after = new Map<number, bigint | undefined>();
    const now = (cell: number): bigint | undefined => (after.has(cell) ? after.get(cell) : index.figure(cell));
    const queue: number[] = [];
    const set: CellValue[] = [];
    const explicit = new Set<number>();
    for (const edit of edits) {
      const row = index.row(edit.tableId, edit.side, edit.rowKey);
      if (!row) continue;
      const cell = index.cellId(row, edit.columnId);
      after.set(cell, edit.value === null ? undefined : index.scaled(edit.value));
      explicit.add(cell);
      set.push(edit);
      queue.push(cell);
    }
    const derived = new Map<number, bigint | undefined>();
    let guard = 100_000; // sum relations form no cycles, but data must never hang the UI
    while (queue.length > 0 && guard-- > 0) {
      const cell = queue.shift() as number;
      for (const sum of partOf.get(cell) ?? []) {
        let sumNow = 0n;
        let sumBefore = 0n;
        let present = 0;
        let presentBefore = 0;
        for (let i = 1; i < sum.length; i++) {
          const part = now(sum[i] as number);
          if (part !== undefined) {
            sumNow += part;
            present++;
          }
          const before = index.figure(sum[i] as number);
          if (before !== undefined) {
            sumBefore += before;
            presentBefore++;
          }
        }
        const total = sum[0] as number;
        // A total set in this patch (a recalculation) keeps the figure it was given.
        if (explicit.has(total)) continue;
        const next = followingTotal(index.figure(total), sumBefore, presentBefore, sumNow, present, index.quantumOf(sum));
        if (now(total) === next) continue;
        after.set(total, next);
        derived.set(total, next);
        queue.push(total);
      }
    }
    return {
      set,
      derived: [...derived].map(([cell, figure]) => {
        const { tableId, row, column } = index.cellInfo(cell);
        return { tableId, side: row.side, rowKey: row.key, columnId: column, value: figure === undefined ? null : index.toCanonical(figure) };
      }),
    };
  }
}

/**
 * A total after its parts changed from sumBefore to sumNow:
 * - it kept a 尾差 (a published rounding difference): it keeps that difference;
 * - it was wrong (an error, e.g. a wrong figure from Excel) and the new parts agree with it (the edit set the wrong
 *   part right): it stays as it is;
 * - otherwise it becomes the sum of its parts: a wrong total's gap is never carried along.
 */
function followingTotal(total: bigint | undefined, sumBefore: bigint, presentBefore: number, sumNow: bigint, present: number, quantum: bigint | undefined): bigint | undefined {
  const before = judgeSum(total ?? 0n, sumBefore, presentBefore, quantum);
  if (before === 'tail') return sumNow + ((total ?? 0n) - sumBefore);
  if (before === 'error' && total !== undefined && judgeSum(total, sumNow, present, quantum) !== 'error') return total;
  return present === 0 ? undefined : sumNow;
}

/** Totals in an order where every total comes after the totals among its parts (depth-first, post-order). */
function bottomUp(relationOf: ReadonlyMap<number, readonly number[]>, start: readonly number[]): number[] {
  const order: number[] = [];
  const seen = new Set<number>();
  for (const root of start) {
    if (seen.has(root) || !relationOf.has(root)) continue;
    // An explicit stack: [cell, next part index to visit].
    const stack: [number, number][] = [[root, 1]];
    seen.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const sum = relationOf.get(top[0]) as readonly number[];
      if (top[1] < sum.length) {
        const part = sum[top[1]++] as number;
        if (relationOf.has(part) && !seen.has(part)) {
          seen.add(part);
          stack.push([part, 1]);
        }
        continue;
      }
      order.push(top[0]);
      stack.pop();
    }
  }
  return order;
}
