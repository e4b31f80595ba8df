// Workbooks that were read but not stored yet, because storing them would duplicate a book in use: they wait here
// (in memory, never in the store, so 取消 leaves no trace) until the clerk answers 替换 / 保留两份 / 取消. A few at
// most, for half an hour: an unanswered question must not pin a large book in memory for ever.
import { randomUUID } from 'node:crypto';
import type { ImportResult } from './exchange';

const MAX_STAGED = 4;
const STAGED_FOR_MS = 30 * 60 * 1000;

export class StagedImports {
  private readonly staged = new Map<string, { read: ImportResult; at: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Keeps a read workbook and returns the id the answer names. */
  put(read: ImportResult): string {
    this.expire();
    while (this.staged.size >= MAX_STAGED) this.staged.delete(this.staged.keys().next().value as string);
    const id = randomUUID();
    this.staged.set(id, { read, at: this.clock() });
    return id;
  }

  /** Takes a staged import out (it can be answered once); undefined when unknown or expired. */
  take(id: string): ImportResult | undefined {
    this.expire();
    const found = this.staged.get(id);
    this.staged.delete(id);
    return found?.read;
  }

  private expire(): void {
    const oldest = this.clock() - STAGED_FOR_MS;
    for (const [id, { at }] of this.staged) if (at < oldest) this.staged.delete(id);
  }
}
