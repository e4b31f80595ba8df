// The clerk's shelf of books (migration 7): titles, the 回收站 (soft delete: hidden from the list, restorable), and
// finding the books a re-import would duplicate. Nothing here touches a book's contents or its edit log.
import type Database from 'better-sqlite3';
import type { Book } from '../../shared/book';
import type { MoneyUnit } from '../../shared/money';
import { StoreError, storeMessages } from './errors';
import type { BookSummary, TrashedBookSummary } from './types';

/** Longest title a clerk may give (the column's CHECK says the same). */
export const MAX_TITLE_LENGTH = 200;

/** A books row with its counts, as the list queries give it. */
export interface ListedBookRow {
  id: number;
  family_id: string;
  year: number;
  department: string;
  unit: MoneyUnit;
  created_at: string;
  updated_at: string;
  revision: number;
  title: string | null;
  deleted_at: string | null;
  replaced_by: number | null;
  table_count: number;
  row_count: number;
}

/** The list columns: the books row and its table and row counts. */
export const LISTED_BOOK = `SELECT b.*,
    (SELECT COUNT(*) FROM book_tables t WHERE t.book_id = b.id) AS table_count,
    (SELECT COUNT(*) FROM book_rows r JOIN book_tables t ON t.id = r.book_table_id WHERE t.book_id = b.id) AS row_count
  FROM books b`;

export function toSummary(b: ListedBookRow): BookSummary {
  return {
    id: b.id,
    familyId: b.family_id,
    year: b.year,
    department: b.department,
    unit: b.unit,
    tableCount: b.table_count,
    rowCount: b.row_count,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
    revision: b.revision,
    ...(b.title !== null ? { title: b.title } : {}),
  };
}

/** The title as stored: trimmed, null when blank; a Chinese error when too long. */
export function titleColumn(title: string | null | undefined): string | null {
  const trimmed = title?.trim() ?? '';
  if (!trimmed) return null;
  if ([...trimmed].length > MAX_TITLE_LENGTH) throw new StoreError('invalid-value', storeMessages.titleTooLong(MAX_TITLE_LENGTH));
  return trimmed;
}

export interface Shelf {
  /** Books in use, by id. */
  inUse(): BookSummary[];
  trashed(): TrashedBookSummary[];
  /** Moves a book in use to the 回收站 (inside the caller's transaction); `replacedBy`: the book taking its place. */
  trash(id: number, replacedBy?: number): void;
  restore(id: number): void;
  rename(id: number, title: string | null): string | null;
  title(id: number): string | null;
  same(identity: Pick<Book, 'familyId' | 'department' | 'year' | 'unit'>): BookSummary[];
}

export function createShelf(db: Database.Database, now: () => Date): Shelf {
  const s = {
    inUse: db.prepare<[], ListedBookRow>(`${LISTED_BOOK} WHERE b.deleted_at IS NULL ORDER BY b.id`),
    trashed: db.prepare<[], ListedBookRow>(`${LISTED_BOOK} WHERE b.deleted_at IS NOT NULL ORDER BY b.deleted_at DESC, b.id DESC`),
    same: db.prepare<[string, string, number, string], ListedBookRow>(
      `${LISTED_BOOK} WHERE b.family_id = ? AND b.department = ? AND b.year = ? AND b.unit = ? AND b.deleted_at IS NULL ORDER BY b.id`,
    ),
    state: db.prepare<[number], { deleted_at: string | null; title: string | null }>('SELECT deleted_at, title FROM books WHERE id = ?'),
    trash: db.prepare('UPDATE books SET deleted_at = ?, replaced_by = ? WHERE id = ? AND deleted_at IS NULL'),
    restore: db.prepare('UPDATE books SET deleted_at = NULL, replaced_by = NULL WHERE id = ? AND deleted_at IS NOT NULL'),
    rename: db.prepare('UPDATE books SET title = ? WHERE id = ?'),
  };

  const state = (id: number): { deleted_at: string | null; title: string | null } => {
    const found = s.state.get(id);
    if (!found) throw new StoreError('book-not-found', storeMessages.bookNotFound(id));
    return found;
  };

  return {
    inUse: () => s.inUse.all().map(toSummary),
    trashed: () =>
      s.trashed.all().map((b) => ({ ...toSummary(b), deletedAt: b.deleted_at as string, ...(b.replaced_by !== null ? { replacedBy: b.replaced_by } : {}) })),
    trash(id, replacedBy) {
      if (state(id).deleted_at !== null) throw new StoreError('invalid-value', storeMessages.alreadyInTrash(id));
      s.trash.run(now().toISOString(), replacedBy ?? null, id);
    },
    restore(id) {
      if (state(id).deleted_at === null) throw new StoreError('invalid-value', storeMessages.notInTrash(id));
      s.restore.run(id);
    },
    rename(id, title) {
      state(id);
      const stored = titleColumn(title);
      s.rename.run(stored, id);
      return stored;
    },
    title: (id) => state(id).title,
    same: ({ familyId, department, year, unit }) => s.same.all(familyId, department, year, unit).map(toSummary),
  };
}
