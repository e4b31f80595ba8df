// The 导入记录 of a book: its own import and every later 导入表格, read from the edit log, each with the notices it
// reported (import_notices.import_seq, migration 7; notices stored earlier belong to the book's import, seq 1).
// Only the small parts of the payloads are read (json_extract): a 'replaceTables' payload holds whole tables.
import type Database from 'better-sqlite3';
import type { Notice } from '../../shared/book';
import { noticeFromColumns, type NoticeRow } from './books';
import type { LogWriter } from './log';
import type { ImportRecord, LastImport, NoticeCounts } from './types';

interface ImportEntryRow {
  book_id: number;
  seq: number;
  at: string;
  kind: ImportRecord['kind'];
  undone: number;
  /** JSON array text. */
  files: string | null;
  table_ids: string | null;
  copy_of: number | null;
}

const ENTRY_COLUMNS = `e.book_id, e.seq, e.at, e.kind, e.undone,
  CASE e.kind WHEN 'import' THEN json_extract(e.payload, '$.sources') ELSE json_extract(e.payload, '$.files') END AS files,
  json_extract(e.payload, '$.tableIds') AS table_ids,
  json_extract(e.payload, '$.copyOf') AS copy_of`;
const IMPORT_KINDS = "('import', 'replaceTables')";

export interface ImportLog {
  records(bookId: number): ImportRecord[];
  latest(): LastImport[];
}

export function createImportLog(db: Database.Database, log: LogWriter): ImportLog {
  const s = {
    entries: db.prepare<[number], ImportEntryRow>(`SELECT ${ENTRY_COLUMNS} FROM edit_log e WHERE e.book_id = ? AND e.kind IN ${IMPORT_KINDS} ORDER BY e.seq`),
    notices: db.prepare<[number], NoticeRow & { import_seq: number }>(
      'SELECT level, message, file, sheet, cell, COALESCE(import_seq, 1) AS import_seq FROM import_notices WHERE book_id = ? ORDER BY position',
    ),
    latest: db.prepare<[], ImportEntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM edit_log e
       JOIN (SELECT book_id, MAX(seq) AS seq FROM edit_log WHERE kind IN ${IMPORT_KINDS} GROUP BY book_id) last
         ON last.book_id = e.book_id AND last.seq = e.seq
       ORDER BY e.book_id`,
    ),
    counts: db.prepare<[], { book_id: number; import_seq: number; level: Notice['level']; n: number }>(
      'SELECT book_id, COALESCE(import_seq, 1) AS import_seq, level, COUNT(*) AS n FROM import_notices GROUP BY 1, 2, 3',
    ),
  };

  return {
    records(bookId) {
      log.assertBook(bookId);
      const notices = s.notices.all(bookId);
      return s.entries.all(bookId).map((e) => ({
        ...toRecord(e),
        notices: notices.filter((n) => n.import_seq === e.seq).map(noticeFromColumns),
      }));
    },

    latest() {
      const counts = new Map<string, NoticeCounts>();
      for (const c of s.counts.all()) {
        const key = `${c.book_id}:${c.import_seq}`;
        const found = counts.get(key) ?? { errors: 0, warnings: 0, infos: 0 };
        found[c.level === '错误' ? 'errors' : c.level === '警告' ? 'warnings' : 'infos'] += c.n;
        counts.set(key, found);
      }
      return s.latest.all().map((e) => ({
        bookId: e.book_id,
        ...toRecord(e),
        counts: counts.get(`${e.book_id}:${e.seq}`) ?? { errors: 0, warnings: 0, infos: 0 },
      }));
    },
  };
}

function toRecord(e: ImportEntryRow): Omit<ImportRecord, 'notices'> {
  return {
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    files: e.files ? (JSON.parse(e.files) as string[]) : [],
    ...(e.table_ids ? { tableIds: JSON.parse(e.table_ids) as string[] } : {}),
    ...(e.copy_of !== null ? { copyOf: e.copy_of } : {}),
    undone: e.undone === 1,
  };
}
