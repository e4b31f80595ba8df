// 审核说明: a clerk's explanation of a validation finding, kept with the book (table `explanations`).
// Every change appends an 'explain' entry { findingKey, before, after } to the edit log in the same
// transaction, and undoes/redoes like an amount edit (edits.ts dispatches on the target entry's kind).
//
// The store does NOT decide whether a finding may be explained. Only warnings may; errors cannot be explained
// away, and it is the validation service that checks the finding is a warning before calling setExplanation.
// To the store a finding key is opaque text.
//
// A text put back by undo/redo gets the undo/redo time and no actor (undo/redo record none); who wrote it
// originally is in the edit log.
import type Database from 'better-sqlite3';
import type { Explanation } from '../../shared/book';
import { StoreError, storeMessages } from './errors';
import type { LogWriter } from './log';
import type { ExplainPayload, ExplanationChange, SetExplanationInput, SetExplanationResult } from './types';

/** In characters (code points), after trimming. */
export const MAX_EXPLANATION_LENGTH = 2000;

interface ExplanationRow {
  finding_key: string;
  text: string;
  updated_at: string;
  actor: string | null;
}

export interface ExplanationRepository {
  set(input: SetExplanationInput): SetExplanationResult;
  /** The book's explanations sorted by finding key; the caller has checked that the book exists. */
  read(bookId: number): Explanation[];
  /** Writes a new book's explanations as given; runs inside insertBook's transaction. */
  insertAll(bookId: number, explanations: readonly Explanation[]): void;
  /** Puts the finding's text into change[state]; returns what changed now. Runs inside the caller's transaction. */
  restore(bookId: number, change: ExplanationChange, state: 'before' | 'after', at: string): ExplanationChange;
}

export function createExplanationRepository(
  db: Database.Database,
  log: LogWriter,
  now: () => Date,
): ExplanationRepository {
  const s = {
    get: db.prepare<[number, string], { text: string }>(
      'SELECT text FROM explanations WHERE book_id = ? AND finding_key = ?',
    ),
    upsert: db.prepare(
      `INSERT INTO explanations (book_id, finding_key, text, updated_at, actor) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (book_id, finding_key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
         actor = excluded.actor`,
    ),
    delete: db.prepare('DELETE FROM explanations WHERE book_id = ? AND finding_key = ?'),
    // Primary-key order: binary, i.e. by the key's UTF-8 bytes.
    all: db.prepare<[number], ExplanationRow>(
      'SELECT finding_key, text, updated_at, actor FROM explanations WHERE book_id = ? ORDER BY finding_key',
    ),
  };

  const current = (bookId: number, findingKey: string): string | null => s.get.get(bookId, findingKey)?.text ?? null;

  const write = (bookId: number, findingKey: string, text: string | null, at: string, actor: string | null) => {
    if (text === null) s.delete.run(bookId, findingKey);
    else s.upsert.run(bookId, findingKey, text, at, actor);
  };

  const set = db.transaction((input: SetExplanationInput): SetExplanationResult => {
    log.assertBook(input.bookId);
    const { bookId, findingKey } = input;
    if (typeof findingKey !== 'string' || findingKey === '') {
      throw new StoreError('invalid-value', storeMessages.emptyFindingKey);
    }
    const trimmed = (input.text ?? '').trim();
    const length = codePoints(trimmed);
    if (length > MAX_EXPLANATION_LENGTH) {
      throw new StoreError('invalid-value', storeMessages.explanationTooLong(length, MAX_EXPLANATION_LENGTH));
    }
    const after = trimmed === '' ? null : trimmed;
    const before = current(bookId, findingKey);
    if (before === after) return { changed: false, seq: null, revision: log.revision(bookId), change: null };

    const at = now().toISOString();
    write(bookId, findingKey, after, at, input.actor ?? null);
    const change: ExplainPayload = { findingKey, before, after };
    const seq = log.append(bookId, 'explain', change, input.actor, at);
    log.discardRedo(bookId, seq);
    return { changed: true, seq, revision: log.bump(bookId, at), change };
  });

  return {
    // IMMEDIATE: wait for a concurrent writer instead of failing mid-transaction.
    set: (input) => set.immediate(input),

    read: (bookId) =>
      s.all.all(bookId).map((r) => {
        const explanation: Explanation = { findingKey: r.finding_key, text: r.text, updatedAt: r.updated_at };
        if (r.actor !== null) explanation.actor = r.actor;
        return explanation;
      }),

    insertAll(bookId, explanations) {
      const seen = new Set<string>();
      for (const e of explanations) {
        if (typeof e.findingKey !== 'string' || e.findingKey === '') {
          throw new StoreError('invalid-book', storeMessages.invalidBook([storeMessages.emptyFindingKey]));
        }
        const length = typeof e.text === 'string' ? codePoints(e.text.trim()) : 0;
        if (length === 0 || length > MAX_EXPLANATION_LENGTH || typeof e.updatedAt !== 'string') {
          throw new StoreError('invalid-book', storeMessages.invalidBook([storeMessages.badExplanation(e.findingKey)]));
        }
        if (seen.has(e.findingKey)) {
          throw new StoreError('duplicate-key', storeMessages.duplicateExplanation(e.findingKey));
        }
        seen.add(e.findingKey);
        // Stored exactly as given (no trimming), so the book round-trips.
        s.upsert.run(bookId, e.findingKey, e.text, e.updatedAt, e.actor ?? null);
      }
    },

    restore(bookId, change, state, at) {
      const before = current(bookId, change.findingKey);
      write(bookId, change.findingKey, change[state], at, null);
      return { findingKey: change.findingKey, before, after: change[state] };
    },
  };
}

function codePoints(text: string): number {
  return Array.from(text).length;
}
