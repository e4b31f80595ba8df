import { basename } from 'node:path';

/** Files are named by their base name in messages; full paths are noise for a clerk. */
export function fileLabel(file: string): string {
  return basename(file);
}
