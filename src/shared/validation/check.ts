// A compiled check: one concrete instance of a rule on one book (a row, a column, a pair of rows …),
// with the cells it reads so the engine can re-run only what an edit touches.
import type { Finding } from './types';

export interface Check {
  id: string;
  /** Cell ids read (BookIndex.cellId). Empty for structural checks, which re-run only on a rebuild. */
  deps: number[];
  /** Tables any of whose cells matter (e.g. "is this table empty?"). */
  tableDeps?: string[];
  /** Condition nodes gating this check. */
  gates?: ConditionNode[];
  run(): Finding[];
  /** Sum relations (cells[0] = Σ cells[1..]) also say how totals follow their parts when a clerk edits. */
  sum?: number[];
  /** An equality between two sides (cell ids): a quick fix can take one side's figure for the other. */
  match?: { left: number[]; right: number[] };
}

/** A rule condition evaluated once for all the checks it gates, re-evaluated when its cells change. */
export interface ConditionNode {
  deps: number[];
  holds: boolean;
  evaluate(): boolean;
}
