// A compiled check: one concrete instance of a rule on one book (a row, a column, a pair of rows …),
// with the cells it reads so the engine can re-run only what an edit touches.
import type { Finding } from './types';

export interface Check {
  id: string;
  /** Cell keys read (see cellKey). Empty for structural checks, which re-run only on a rebuild. */
  deps: string[];
  run(): Finding[];
}
