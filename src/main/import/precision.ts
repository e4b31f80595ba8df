// Collects the printed precision of a table's amount columns while its cells are read.
// A number format ("#,##0.00") or a number typed as text ("1,234.50") declares how many decimals were printed;
// a General-format number only shows a lower bound (472.40 prints as 472.4), so it never makes a column "mixed".
import type { TablePrecision } from '../../shared/book';
import { textDecimals } from '../../shared/number-format';
import type { GridCell } from './grid';

export class PrecisionCollector {
  /** Column → decimals → how many non-zero figures declared them. */
  private readonly declared = new Map<string, Map<number, number>>();
  private readonly lowerBound = new Map<string, number>();

  /** Records a figure's cell; returns the decimals it declares, if any (kept on the figure itself). */
  see(column: string, cell: GridCell, isZero: boolean): number | undefined {
    const declared = cell.decimals ?? (typeof cell.value === 'string' ? textDecimals(cell.value) : undefined);
    if (declared !== undefined) {
      // A zero printed "0" in a column of 分 figures is a style slip, not a figure of another precision.
      if (isZero) return declared;
      let counts = this.declared.get(column);
      if (!counts) this.declared.set(column, (counts = new Map()));
      counts.set(declared, (counts.get(declared) ?? 0) + 1);
      return declared;
    }
    if (typeof cell.value === 'number' && cell.value !== 0) {
      const text = String(cell.value);
      const decimals = /e-(\d+)/.test(text) ? Number(/e-(\d+)/.exec(text)?.[1]) : (text.split('.')[1]?.length ?? 0);
      this.lowerBound.set(column, Math.max(this.lowerBound.get(column) ?? 0, decimals));
    }
    return undefined;
  }

  /**
   * Each column's precision: the one most of its figures declare (a figure's own declaration overrides it), else the finest
   * General figure but at least `minimumDecimals` (a 万元 table of round figures is still printed to 0.01).
   * Undefined when nothing was seen.
   */
  result(minimumDecimals: number): TablePrecision | undefined {
    const decimals: Record<string, number> = {};
    const mixed: string[] = [];
    for (const column of new Set([...this.declared.keys(), ...this.lowerBound.keys()])) {
      const declared = this.declared.get(column);
      if (declared && declared.size > 0) {
        // The precision most figures declare (the coarser on a tie); each figure keeps its own as well.
        decimals[column] = [...declared].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
        if (declared.size > 1) mixed.push(column);
      } else {
        decimals[column] = Math.max(this.lowerBound.get(column) ?? 0, minimumDecimals);
      }
    }
    if (Object.keys(decimals).length === 0) return undefined;
    return { decimals, ...(mixed.length ? { mixed } : {}) };
  }
}
