// The findings summary per book revision (migration 6): how many errors, warnings and infos a book had when its
// findings were last computed, stamped with that revision and the rules' fingerprint. Book lists read it instead
// of validating every book; the services decide when it is stale and write it whenever they compute findings.
import type Database from 'better-sqlite3';
import type { FindingsSummaryInput, StoredFindingsSummary } from './types';

export interface SummaryRepository {
  record(input: FindingsSummaryInput): boolean;
  all(): StoredFindingsSummary[];
}

interface SummaryRow {
  book_id: number;
  revision: number;
  rules: string;
  errors: number;
  warnings: number;
  infos: number;
  computed_at: string;
}

export function createSummaryRepository(db: Database.Database, now: () => Date): SummaryRepository {
  const s = {
    // Only for a book that exists, and never over a newer revision (another process may be ahead of us).
    upsert: db.prepare(
      `INSERT INTO findings_summaries (book_id, revision, rules, errors, warnings, infos, computed_at)
       SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM books WHERE id = ?)
       ON CONFLICT (book_id) DO UPDATE SET revision = excluded.revision, rules = excluded.rules,
         errors = excluded.errors, warnings = excluded.warnings, infos = excluded.infos, computed_at = excluded.computed_at
       WHERE excluded.revision >= findings_summaries.revision`,
    ),
    all: db.prepare<[], SummaryRow>('SELECT * FROM findings_summaries ORDER BY book_id'),
  };

  return {
    record({ bookId, revision, rules, summary }) {
      const write = () => s.upsert.run(bookId, revision, rules, summary.errors, summary.warnings, summary.infos, now().toISOString(), bookId).changes > 0;
      // A cache row, written after every edit: losing the last one to a power cut costs one re-validation, so
      // it does not pay for its own fsync (the edit it follows already had one). SQLite refuses to change the
      // safety level inside a transaction; a caller's transaction keeps its own.
      if (db.inTransaction) return write();
      db.pragma('synchronous = NORMAL');
      try {
        return write();
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
    all: () =>
      s.all.all().map((r) => ({
        bookId: r.book_id,
        revision: r.revision,
        rules: r.rules,
        errors: r.errors,
        warnings: r.warnings,
        infos: r.infos,
        computedAt: r.computed_at,
      })),
  };
}
