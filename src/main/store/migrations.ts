// Numbered schema migrations. Append only: never edit a migration that has shipped, add a new one.
// Each runs in its own transaction and is recorded in schema_migrations and PRAGMA user_version.
//
// Conventions: STRICT tables (a wrong type is an error, not a silent coercion); money is TEXT holding a
// canonical decimal string, never REAL; every child table cascades from its parent; timestamps are ISO-8601
// UTC text. Vocabularies that templates may extend (row level, unit kind) are not CHECKed, because SQLite
// cannot alter a CHECK without rebuilding the table; the fixed ones (money unit, side, flags) are.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'books, tables, rows, amounts, notices, edit log',
    sql: `
      -- AUTOINCREMENT: a deleted book's id is never handed to a new book, so a stale reference cannot
      -- silently point at someone else's data.
      CREATE TABLE books (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        family_id   TEXT    NOT NULL,
        year        INTEGER NOT NULL,
        department  TEXT    NOT NULL,
        unit        TEXT    NOT NULL CHECK (unit IN ('元', '万元')),
        decimals    INTEGER NOT NULL CHECK (decimals >= 0),
        created_at  TEXT    NOT NULL,
        updated_at  TEXT    NOT NULL,
        revision    INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE book_sources (
        book_id   INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        file      TEXT    NOT NULL,
        PRIMARY KEY (book_id, position)
      ) STRICT;

      CREATE TABLE units (
        book_id   INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        name      TEXT    NOT NULL,
        kind      TEXT    NOT NULL,
        PRIMARY KEY (book_id, position)
      ) STRICT;

      CREATE TABLE book_tables (
        id            INTEGER PRIMARY KEY,
        book_id       INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
        table_id      TEXT    NOT NULL,
        no            INTEGER NOT NULL,
        title         TEXT    NOT NULL,
        empty_note    INTEGER NOT NULL CHECK (empty_note IN (0, 1)),
        source_file   TEXT,
        source_sheet  TEXT,
        source_cell   TEXT,
        UNIQUE (book_id, table_id)
      ) STRICT;
      CREATE INDEX book_tables_by_no ON book_tables (book_id, no);

      CREATE TABLE book_rows (
        id             INTEGER PRIMARY KEY,
        book_table_id  INTEGER NOT NULL REFERENCES book_tables(id) ON DELETE CASCADE,
        side           TEXT    NOT NULL CHECK (side IN ('main', 'income', 'expenditure')),
        position       INTEGER NOT NULL,
        row_key        TEXT    NOT NULL,
        level          TEXT    NOT NULL,
        code           TEXT,
        name           TEXT    NOT NULL,
        gov_code       TEXT,
        gov_name       TEXT,
        unit_name      TEXT,
        source_file    TEXT,
        source_sheet   TEXT,
        source_cell    TEXT,
        UNIQUE (book_table_id, side, row_key)
      ) STRICT;
      -- Loading reads a table's rows in their original order.
      CREATE INDEX book_rows_by_position ON book_rows (book_table_id, position);

      -- source_file/source_sheet are kept per amount (not only per row) so a book round-trips exactly even
      -- when an importer reads a figure from another sheet than its row label.
      CREATE TABLE amounts (
        row_id        INTEGER NOT NULL REFERENCES book_rows(id) ON DELETE CASCADE,
        column_id     TEXT    NOT NULL,
        value         TEXT    NOT NULL,
        source_file   TEXT,
        source_sheet  TEXT,
        source_cell   TEXT,
        -- NULL = not stated, 0 = typed value, 1 = cached result of a formula.
        from_formula  INTEGER CHECK (from_formula IN (0, 1)),
        PRIMARY KEY (row_id, column_id)
      ) STRICT;

      CREATE TABLE import_notices (
        book_id   INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        level     TEXT    NOT NULL CHECK (level IN ('错误', '警告', '提示')),
        message   TEXT    NOT NULL,
        file      TEXT,
        sheet     TEXT,
        cell      TEXT,
        PRIMARY KEY (book_id, position)
      ) STRICT;

      -- The edit log is both the undo/redo history and the audit trail: entries are never deleted.
      -- undone = 1: the edit has been undone (it sits on the redo stack unless discarded).
      -- discarded_by = seq of the new edit that cleared the redo stack; such an entry can never be redone.
      CREATE TABLE edit_log (
        id            INTEGER PRIMARY KEY,
        book_id       INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        at            TEXT    NOT NULL,
        actor         TEXT,
        kind          TEXT    NOT NULL,
        payload       TEXT    NOT NULL CHECK (json_valid(payload)),
        undone        INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        discarded_by  INTEGER,
        UNIQUE (book_id, seq),
        CHECK (discarded_by IS NULL OR undone = 1)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'units: administrative flag (listed in 表十一)',
    sql: `ALTER TABLE units ADD COLUMN administrative INTEGER NOT NULL DEFAULT 0 CHECK (administrative IN (0, 1));`,
  },
  {
    version: 3,
    name: '审核说明 (explanations of warnings); source column letters per table',
    sql: `
      -- JSON object: template column id -> sheet column letter. NULL = not recorded (books imported earlier).
      ALTER TABLE book_tables ADD COLUMN column_letters TEXT
        CHECK (column_letters IS NULL OR json_valid(column_letters));

      -- One explanation per finding; the finding key is opaque text chosen by the validation service.
      -- History (who changed what, undo/redo) lives in edit_log entries of kind 'explain'.
      CREATE TABLE explanations (
        book_id      INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
        finding_key  TEXT    NOT NULL,
        text         TEXT    NOT NULL,
        updated_at   TEXT    NOT NULL,
        actor        TEXT,
        PRIMARY KEY (book_id, finding_key)
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: '项目支出绩效目标表 (one JSON document per project form)',
    sql: `
      CREATE TABLE performance_forms (
        book_id       INTEGER NOT NULL REFERENCES books(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        project_name  TEXT    NOT NULL,
        form          TEXT    NOT NULL CHECK (json_valid(form)),
        PRIMARY KEY (book_id, position)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'printed precision per table and per figure (decides the rounding tolerance)',
    sql: `
      -- JSON {"decimals": {column id: n}, "mixed": [column ids]}; NULL = not recorded (made in the app, or
      -- imported earlier): the book-wide rule applies.
      ALTER TABLE book_tables ADD COLUMN precision TEXT CHECK (precision IS NULL OR json_valid(precision));
      -- Decimals this figure was printed with (number format or text), in the book's unit; NULL = unknown.
      ALTER TABLE amounts ADD COLUMN decimals INTEGER CHECK (decimals IS NULL OR decimals BETWEEN -12 AND 12);
    `,
  },
  {
    version: 6,
    name: 'findings summary per book revision (book lists without validating every book)',
    sql: `
      -- The counts of a book's findings as last computed, stamped with the book revision they were computed for
      -- and a fingerprint of the family's template and rules. A cache, never the truth: it is valid only while
      -- revision = books.revision and rules = the fingerprint of the running program; otherwise the book is
      -- validated again and the row replaced. One row per book (the newest computed revision).
      CREATE TABLE findings_summaries (
        book_id      INTEGER PRIMARY KEY REFERENCES books(id) ON DELETE CASCADE,
        revision     INTEGER NOT NULL CHECK (revision >= 0),
        rules        TEXT    NOT NULL,
        errors       INTEGER NOT NULL CHECK (errors >= 0),
        warnings     INTEGER NOT NULL CHECK (warnings >= 0),
        infos        INTEGER NOT NULL CHECK (infos >= 0),
        computed_at  TEXT    NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'book titles, the 回收站 (soft delete, replaced by), import notices per import',
    sql: `
      -- A title the clerk gave the book, shown in lists; NULL = none (department · year is shown). Department and
      -- year stay data either way.
      ALTER TABLE books ADD COLUMN title TEXT CHECK (title IS NULL OR length(title) BETWEEN 1 AND 200);
      -- Soft delete: NULL = in use; a time = moved to the 回收站 then (hidden from the list, restorable).
      ALTER TABLE books ADD COLUMN deleted_at TEXT;
      -- The book that took this one's place when a re-import replaced it (NULL once that one is gone for good).
      ALTER TABLE books ADD COLUMN replaced_by INTEGER REFERENCES books(id) ON DELETE SET NULL;
      -- A re-import looks for a book in use with the same family, department, year and unit.
      CREATE INDEX books_in_use_by_identity ON books (family_id, department, year, unit) WHERE deleted_at IS NULL;
      -- The edit_log seq of the import that reported the notice (the book's import, or a later 导入表格);
      -- NULL = stored before this migration, i.e. by the book's own import (seq 1).
      ALTER TABLE import_notices ADD COLUMN import_seq INTEGER;
    `,
  },
  {
    version: 8,
    name: '情况说明 (the narrative of a book)',
    sql: `
      -- One narrative per book: its paragraphs in order as a JSON array of strings, and where it came from (a file
      -- name; NULL = typed or unknown). A book without one has no row. History (undo/redo, who changed it) lives in
      -- edit_log entries of kind 'narrative', which hold the whole narrative before and after.
      CREATE TABLE narratives (
        book_id     INTEGER PRIMARY KEY REFERENCES books(id) ON DELETE CASCADE,
        paragraphs  TEXT    NOT NULL CHECK (json_valid(paragraphs) AND json_type(paragraphs) = 'array'),
        source      TEXT    CHECK (source IS NULL OR length(source) BETWEEN 1 AND 255),
        updated_at  TEXT    NOT NULL,
        actor       TEXT
      ) STRICT;
    `,
  },
  {
    version: 9,
    name: '部门（单位）整体绩效目标表 (the department-wide performance form of a book)',
    sql: `
      -- At most one per book, as one JSON document (src/shared/performance/types.ts DepartmentPerformanceForm); a
      -- book without one has no row. History lives in edit_log entries of kind 'performanceForm', which hold the
      -- forms before and after (project forms stay in performance_forms, migration 4).
      CREATE TABLE department_performance (
        book_id     INTEGER PRIMARY KEY REFERENCES books(id) ON DELETE CASCADE,
        form        TEXT    NOT NULL CHECK (json_valid(form) AND json_type(form) = 'object'),
        updated_at  TEXT    NOT NULL,
        actor       TEXT
      ) STRICT;
    `,
  },
];

/** The schema version this build writes and understands. */
export const LATEST_SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);
