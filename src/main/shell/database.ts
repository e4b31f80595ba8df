// better-sqlite3 under Electron: use the Electron-ABI build from scripts/electron-native.mjs when it exists
// (./data-files.ts finds it); and 另存备份 as a checkpoint plus a file copy, run by the services process.
import Database from 'better-sqlite3';
import { copyFileSync, renameSync, rmSync } from 'node:fs';

export { DATABASE_FILE, NATIVE_BINDING, electronNativeBinding } from './data-files';

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
