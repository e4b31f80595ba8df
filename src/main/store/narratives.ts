// 情况说明: the book's narrative (table `narratives`, migration 8), one per book. Every change appends a 'narrative'
// entry { before, after } (whole narratives) to the edit log in the same transaction, and undoes/redoes like an
// explanation (edits.ts dispatches on the target entry's kind).
//
// What is stored: the paragraphs trimmed, blank ones dropped; a narrative left without paragraphs is no narrative.
// The source is a file name (trimmed, at most 255 characters) or absent.
import type Database from 'better-sqlite3';
import { narrativeSizeProblem, NARRATIVE_LIMITS } from '../../shared/narrative/extract';
import type { Narrative } from '../../shared/narrative/types';
import { StoreError, storeMessages } from './errors';
import type { LogWriter } from './log';
import type { NarrativeChange, SetNarrativeResult } from './types';

interface NarrativeRow {
  paragraphs: string;
  source: string | null;
}

export interface NarrativeRepository {
  set(bookId: number, narrative: Narrative | null, actor?: string): SetNarrativeResult;
  /** The book's narrative, or null; the caller has checked that the book exists. */
  read(bookId: number): Narrative | null;
  /** Writes a new book's narrative; runs inside insertBook's transaction. */
  insert(bookId: number, narrative: Narrative | undefined): void;
  /** Puts change[state] back; returns what changed now. Runs inside the caller's transaction. */
  restore(bookId: number, change: NarrativeChange, state: 'before' | 'after', at: string): NarrativeChange;
}

/** The narrative as stored, or null when it holds no text; a Chinese StoreError when it cannot be one. */
export function normaliseNarrative(narrative: Narrative | null | undefined, code: 'invalid-value' | 'invalid-book' = 'invalid-value'): Narrative | null {
  if (narrative === null || narrative === undefined) return null;
  const refuse = (problem: string): never => {
    throw new StoreError(code, code === 'invalid-book' ? storeMessages.invalidBook([problem]) : problem);
  };
  if (typeof narrative !== 'object' || !Array.isArray(narrative.paragraphs) || narrative.paragraphs.some((p) => typeof p !== 'string')) {
    refuse(storeMessages.badNarrative);
  }
  const paragraphs = narrative.paragraphs.map((p) => p.trim()).filter((p) => p !== '');
  if (paragraphs.length === 0) return null;
  const problem = narrativeSizeProblem(paragraphs);
  if (problem) refuse(storeMessages.narrativeTooLarge(problem));
  if (narrative.source !== undefined && typeof narrative.source !== 'string') refuse(storeMessages.badNarrative);
  const source = narrative.source?.trim() ?? '';
  if (source.length > NARRATIVE_LIMITS.sourceLength) refuse(storeMessages.narrativeSourceTooLong(NARRATIVE_LIMITS.sourceLength));
  return source ? { paragraphs, source } : { paragraphs };
}

const same = (a: Narrative | null, b: Narrative | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createNarrativeRepository(db: Database.Database, log: LogWriter, now: () => Date): NarrativeRepository {
  const s = {
    get: db.prepare<[number], NarrativeRow>('SELECT paragraphs, source FROM narratives WHERE book_id = ?'),
    upsert: db.prepare(
      `INSERT INTO narratives (book_id, paragraphs, source, updated_at, actor) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (book_id) DO UPDATE SET paragraphs = excluded.paragraphs, source = excluded.source,
         updated_at = excluded.updated_at, actor = excluded.actor`,
    ),
    delete: db.prepare('DELETE FROM narratives WHERE book_id = ?'),
  };

  const read = (bookId: number): Narrative | null => {
    const row = s.get.get(bookId);
    if (!row) return null;
    const narrative: Narrative = { paragraphs: JSON.parse(row.paragraphs) as string[] };
    if (row.source !== null) narrative.source = row.source;
    return narrative;
  };

  const write = (bookId: number, narrative: Narrative | null, at: string, actor: string | null): void => {
    if (narrative === null) s.delete.run(bookId);
    else s.upsert.run(bookId, JSON.stringify(narrative.paragraphs), narrative.source ?? null, at, actor);
  };

  const set = db.transaction((bookId: number, narrative: Narrative | null, actor?: string): SetNarrativeResult => {
    log.assertBook(bookId);
    const after = normaliseNarrative(narrative);
    const before = read(bookId);
    if (same(before, after)) return { changed: false, seq: null, revision: log.revision(bookId), change: null };
    const at = now().toISOString();
    write(bookId, after, at, actor ?? null);
    const change: NarrativeChange = { before, after };
    const seq = log.append(bookId, 'narrative', change, actor, at);
    log.discardRedo(bookId, seq);
    return { changed: true, seq, revision: log.bump(bookId, at), change };
  });

  return {
    // IMMEDIATE: wait for a concurrent writer instead of failing mid-transaction.
    set: (bookId, narrative, actor) => set.immediate(bookId, narrative, actor),
    read,
    insert(bookId, narrative) {
      const stored = normaliseNarrative(narrative, 'invalid-book');
      if (stored) write(bookId, stored, now().toISOString(), null);
    },
    restore(bookId, change, state, at) {
      const before = read(bookId);
      write(bookId, change[state], at, null);
      return { before, after: change[state] };
    },
  };
}
