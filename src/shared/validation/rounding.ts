// DESIGN.md §5: tell 尾差 from errors. Each rounded value v with quantum q stands for [v − q/2, v + q/2]; a sum
// of n rounded items is consistent with a rounded total when the intervals overlap:
// in integer units of q, 2·|total − Σitems| ≤ n + 1. Exact figures (元) must sum exactly.

export type SumVerdict = 'equal' | 'tail' | 'error';

/** Figures are scaled integers; `quantum` is the rounding quantum in the same units, or undefined for exact. */
export function judgeSum(total: bigint, sum: bigint, addends: number, quantum: bigint | undefined): SumVerdict {
  const difference = total - sum;
  if (difference === 0n) return 'equal';
  if (quantum === undefined) return 'error';
  const magnitude = difference < 0n ? -difference : difference;
  return 2n * magnitude <= BigInt(Math.max(addends, 1) + 1) * quantum ? 'tail' : 'error';
}
