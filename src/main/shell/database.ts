// better-sqlite3 under Electron: use the Electron-ABI build from scripts/electron-native.mjs when it exists;
// and 另存备份 as a checkpoint plus a file copy.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const DATABASE_FILE = 'budget-workbench.db';
export const NATIVE_BINDING = 'better_sqlite3.node';

/** out/native/better_sqlite3.node next to out/main (where the bundled main script lives), if it was built. */
export function electronNativeBinding(mainDir: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const candidate = join(mainDir, '..', 'native', NATIVE_BINDING);
  return exists(candidate) ? candidate : undefined;
}

/**
 * Copies the database file to `target` after folding the WAL into it (wal_checkpoint(TRUNCATE)), so the single
 * file holds every committed edit. Runs synchronously, so the app cannot write in between; if another process
 * (the CLI) keeps the checkpoint from completing, it fails instead of copying a stale file. Written to a
 * temporary name first: a failed backup never leaves a half file.
 */
export function backupDatabaseFile(source: string, target: string, nativeBinding?: string): void {
  const db = new Database(source, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const temp = `${target}.partial`;
  try {
    db.pragma('busy_timeout = 5000');
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    if (result && result.busy !== 0) throw new Error('数据库正被其他程序使用，请稍后再试。');
    copyFileSync(source, temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
