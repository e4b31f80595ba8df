// Edit-log bookkeeping shared by import, amount edits and explanations: appending entries, clearing the redo
// stack and bumping a book's revision.
// Callers run these inside their own transaction.
import type Database from 'better-sqlite3';
import { StoreError, storeMessages } from './errors';
import type { EditKind } from './types';

export interface LogWriter {
  /** Appends an entry with the book's next seq and returns that seq. */
  append(bookId: number, kind: EditKind, payload: unknown, actor: string | undefined, at: string): number;
  /** A new edit clears the redo stack: every undone, not yet discarded entry gets discarded_by = seq. */
  discardRedo(bookId: number, seq: number): void;
  /** revision += 1, updated_at = at; returns the new revision. */
  bump(bookId: number, at: string): number;
  /** The book's current revision; throws the Chinese "not found" error unless the book exists. */
  revision(bookId: number): number;
  /** Throws the Chinese "not found" error unless the book exists. */
  assertBook(bookId: number): void;
}

export function createLogWriter(db: Database.Database): LogWriter {
  const nextSeq = db.prepare<[number], { next: number }>(
    'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM edit_log WHERE book_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO edit_log (book_id, seq, at, actor, kind, payload) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const bump = db.prepare<[string, number], { revision: number }>(
    'UPDATE books SET revision = revision + 1, updated_at = ? WHERE id = ? RETURNING revision',
  );
  const discardRedo = db.prepare(
    'UPDATE edit_log SET discarded_by = ? WHERE book_id = ? AND undone = 1 AND discarded_by IS NULL',
  );
  const exists = db.prepare<[number], { id: number }>('SELECT id FROM books WHERE id = ?');
  const revision = db.prepare<[number], { revision: number }>('SELECT revision FROM books WHERE id = ?');

  return {
    append(bookId, kind, payload, actor, at) {
      const seq = nextSeq.get(bookId)!.next;
      insert.run(bookId, seq, at, actor ?? null, kind, JSON.stringify(payload));
      return seq;
    },
    discardRedo(bookId, seq) {
      discardRedo.run(seq, bookId);
    },
    bump(bookId, at) {
      const row = bump.get(at, bookId);
      if (!row) throw new StoreError('book-not-found', storeMessages.bookNotFound(bookId));
      return row.revision;
    },
    revision(bookId) {
      const row = revision.get(bookId);
      if (!row) throw new StoreError('book-not-found', storeMessages.bookNotFound(bookId));
      return row.revision;
    },
    assertBook(bookId) {
      if (!exists.get(bookId)) throw new StoreError('book-not-found', storeMessages.bookNotFound(bookId));
    },
  };
}
