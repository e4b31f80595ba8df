// Files handed over by the UI: paths (Electron dialogs, the CLI) are read where they are; bytes (a browser upload)
// are written under the clerk's own file name — one folder per upload — to a private temporary folder, read, and
// removed afterwards whatever happens. Every message then names the file the clerk chose.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { WorkbookInput } from '../../shared/api/contract';
import { ServiceError } from './errors';

/** The upload's own base name; a name that is no file name ("..", "") becomes `fallback`. */
function uploadName(name: string, fallback: string): string {
  const base = basename(name.replace(/\\/g, '/'));
  return base && base !== '.' && base !== '..' ? base : fallback;
}

export async function withInputFiles<T>(files: readonly WorkbookInput[], fallbackName: string, read: (paths: string[]) => Promise<T>): Promise<T> {
  if (files.every((file) => file.path)) return read(files.map((file) => file.path as string));
  const staging = await mkdtemp(join(tmpdir(), 'budget-upload-'));
  try {
    const paths = await Promise.all(
      files.map(async (file, i) => {
        if (file.path) return file.path;
        if (!file.dataBase64) throw new ServiceError('bad-request', `「${file.name}」没有内容。`);
        const folder = join(staging, String(i));
        await mkdir(folder);
        const path = join(folder, uploadName(file.name, fallbackName));
        await writeFile(path, Buffer.from(file.dataBase64, 'base64'));
        return path;
      }),
    );
    return await read(paths);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
