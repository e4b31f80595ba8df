// `--db DB --book ID` as several commands take it: validated options, the store opened and closed around use.
import { existsSync } from 'node:fs';
import { openStore, type Store } from '../store';
import { UsageError } from './args';

/** Opens the store, runs `use`, closes it. A missing file is a usage error, never a new empty database. */
export function withStore<T>(db: string, use: (store: Store) => T, options: { mustExist?: boolean } = {}): T {
  if (options.mustExist !== false && !existsSync(db)) throw new UsageError(`数据库文件「${db}」不存在。`);
  const store = openStore(db);
  try {
    return use(store);
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
