// Opens (or creates) the SQLite file with the pragmas the workbench relies on, then migrates it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreError, storeMessages } from './errors';
import { applyMigrations } from './migrate';

export const BUSY_TIMEOUT_MS = 5000;

/** nativeBinding: path of a better_sqlite3.node built for another runtime (Electron's ABI); default: the Node build. */
export function openDatabase(path: string, now: () => Date, nativeBinding?: string): Database.Database {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : undefined);
  } catch (error) {
    throw new StoreError('cannot-open', storeMessages.cannotOpen(file, reasonOf(error)), { cause: error });
  }
  try {
    // Another process (the CLI, a second window) may hold the write lock briefly: wait instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // First statement that reads the header: a non-SQLite file fails here with SQLITE_NOTADB.
    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL survives a process crash but a power cut (common enough on office
    // PCs) can roll back every transaction since the last checkpoint, i.e. minutes of a clerk's edits. FULL
    // costs one fsync per commit; commits happen at typing speed or once per import, so it is affordable.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, now);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError('cannot-open', storeMessages.cannotOpen(file, reasonOf(error)), { cause: error });
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return storeMessages.notADatabase;
  if (code === 'SQLITE_CANTOPEN') return storeMessages.cannotCreate;
  if (code === 'SQLITE_READONLY') return storeMessages.readOnly;
  if (code === 'SQLITE_BUSY') return storeMessages.busy;
  return error instanceof Error ? error.message : String(error);
}
