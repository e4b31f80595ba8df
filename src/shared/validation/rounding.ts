// DESIGN.md §5: tell 尾差 from errors. Each rounded value v with quantum q stands for [v − q/2, v + q/2]; a sum
// of n rounded items is consistent with a rounded total when the intervals overlap:
// in integer units of q, 2·|total − Σitems| ≤ n + 1. Exact figures (元) must sum exactly.
import { Dec } from '../money';

export type SumVerdict = { status: 'equal' } | { status: 'tail' | 'error'; difference: Dec };

export function judgeSum(total: Dec, sum: Dec, addends: number, quantum: Dec | undefined): SumVerdict {
  const difference = total.minus(sum);
  if (difference.isZero()) return { status: 'equal' };
  if (!quantum) return { status: 'error', difference };
  const units = difference.abs().dividedBy(quantum);
  return { status: units.times(2).lte(Math.max(addends, 1) + 1) ? 'tail' : 'error', difference };
}
