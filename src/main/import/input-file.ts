// The one check every reader makes first: the path names a file we can open; its size, for the callers' limits.
import { stat } from 'node:fs/promises';
import { ImportError } from './errors';

export async function inputFileSize(file: string, name: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportError(`「${name}」不是文件。`, file);
    return info.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`找不到或无法打开文件「${file}」。`, file);
  }
}
