// Where the desktop app's data and its Electron-ABI SQLite module are, without loading SQLite: the main process
// needs the paths, only the services process opens the file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const DATABASE_FILE = 'budget-workbench.db';
export const NATIVE_BINDING = 'better_sqlite3.node';

/** out/native/better_sqlite3.node next to out/main (where the bundled main script lives), if it was built. */
export function electronNativeBinding(mainDir: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const candidate = join(mainDir, '..', 'native', NATIVE_BINDING);
  return exists(candidate) ? candidate : undefined;
}
