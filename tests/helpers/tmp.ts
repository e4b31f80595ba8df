// Temporary directories for tests that write real files: under tests/.tmp/ (gitignored), removed afterwards.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TMP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '.tmp');

export interface TmpDir {
  path: string;
  /** A path inside the directory. */
  file(name: string): string;
  remove(): void;
}

export function makeTmpDir(prefix = 'test-'): TmpDir {
  mkdirSync(TMP_ROOT, { recursive: true });
  const path = mkdtempSync(join(TMP_ROOT, prefix));
  return {
    path,
    file: (name) => join(path, name),
    // maxRetries: on Windows a just-closed SQLite file can stay locked for a moment.
    remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  };
}
