// One open book and everything that follows from it: its validator (findings, kept up to date incrementally)
// and its sum graph (which cells are totals, and how an edit flows up to them). An edit is planned here as one
// BookPatch without touching the book; the store writes the patch in one transaction first; then `commit` lays
// it onto the book and the validator re-checks what it touched. The renderer lays the same patch onto its copy.
import type { Book } from './book';
import { applyPatch, cellKey, patchCells, type BookPatch, type CellValue } from './cell';
import { ScaleExceeded } from './validation/book-index';
import { Validator, type ValidatorOptions } from './validation/engine';

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
        this.validator.sumRelations().map((sum) => {
          const { tableId, row, column } = index.cellInfo(sum[0] as number);
          return cellKey({ tableId, side: row.side, rowKey: row.key, columnId: column });
        }),
      );
    }
    return this.computed;
  }

  /**
   * The patch an edit makes: the cells set, then every total that follows bottom-up through the sum relations
   * (项 → 款 → 类 → 合计, row totals, 收入总计 …). A total keeps the difference it already had from its parts,
   * so a published 尾差 stays a 尾差. Pure: neither the book nor the validator changes.
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
    for (const edit of edits) {
      const row = index.row(edit.tableId, edit.side, edit.rowKey);
      if (!row) continue;
      const cell = index.cellId(row, edit.columnId);
      after.set(cell, edit.value === null ? undefined : index.scaled(edit.value));
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
        for (let i = 1; i < sum.length; i++) {
          const part = now(sum[i] as number);
          if (part !== undefined) {
            sumNow += part;
            present++;
          }
          sumBefore += index.figure(sum[i] as number) ?? 0n;
        }
        const total = sum[0] as number;
        const tail = (index.figure(total) ?? 0n) - sumBefore;
        const next = present === 0 && tail === 0n ? undefined : sumNow + tail;
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
