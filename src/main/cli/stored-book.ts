// `--db DB --book ID` as several commands take it: validated options, the store opened and closed around use, and
// the same services the app and the web host use (src/main/services), composed over it.
import { existsSync } from 'node:fs';
import type { Services } from '../services';
import { UsageError } from './args';

/**
 * The services over the store at `db`, for the length of `use` (which may be async); the store is closed after.
 * A missing file is a usage error, never a new empty database (unless `mustExist: false`: import creates it).
 */
export async function withServices<T>(db: string, use: (services: Services) => T | Promise<T>, options: { mustExist?: boolean } = {}): Promise<T> {
  if (options.mustExist !== false && !existsSync(db)) throw new UsageError(`数据库文件「${db}」不存在。`);
  // The store (a native module) and the services load only for commands that use a database.
  const [{ openStore }, { createServices }] = await Promise.all([import('../store'), import('../services')]);
  const store = openStore(db);
  try {
    return await use(createServices({ store, mode: 'cli' }));
  } finally {
    store.close();
  }
}

/** The --book option as a positive integer, or a usage error naming the command. */
export function bookIdOption(value: string | undefined, command: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${command} --db 需要 --book 预算本编号（正整数）。`);
  return id;
}
