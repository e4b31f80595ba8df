// What can go wrong writing a workbook where the clerk asked, said in Chinese with the path and what to do.
// Node reports these as error codes; the raw text ("ENOENT … x.xlsx.17030.tmp") never reaches a user.
import { dirname } from 'node:path';

export class ExportWriteError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ExportWriteError';
  }
}

const CAUSES: Record<string, (out: string) => string> = {
  ENOENT: (out) => `文件夹「${dirname(out)}」不存在，无法保存「${out}」。请先建立该文件夹，或另选保存位置。`,
  ENOTDIR: (out) => `「${dirname(out)}」不是文件夹，无法保存「${out}」。请另选保存位置。`,
  EACCES: (out) => `没有权限写入「${out}」（文件夹只读或没有写权限）。请另选保存位置，或请管理员开放该文件夹的写权限。`,
  EROFS: (out) => `「${dirname(out)}」所在的磁盘是只读的，无法保存「${out}」。请另选保存位置。`,
  // Windows reports a workbook open in Excel/WPS as EBUSY or EPERM on the rename.
  EBUSY: (out) => `「${out}」正被其他程序（如 Excel、WPS）打开，无法覆盖。请关闭该文件后重试，或另存为其他文件名。`,
  EPERM: (out) => `无法写入「${out}」：文件可能正被其他程序（如 Excel、WPS）打开，或是只读文件。请关闭该文件或去掉只读属性后重试，或另存为其他文件名。`,
  EISDIR: (out) => `「${out}」是一个文件夹，请填写要保存的文件名（以 .xlsx 结尾）。`,
  ENOSPC: (out) => `磁盘空间不足，无法保存「${out}」。请清理磁盘或另选保存位置后重试。`,
  EDQUOT: (out) => `磁盘配额已满，无法保存「${out}」。请清理磁盘或另选保存位置后重试。`,
  ENAMETOOLONG: (out) => `文件路径「${out}」太长，请缩短文件名或选择较浅的文件夹。`,
};

/** A Node file-system error while writing `out` → an ExportWriteError in Chinese; anything else unchanged. */
export function describeWriteError(error: unknown, out: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = code ? CAUSES[code] : undefined;
  return cause ? new ExportWriteError(cause(out), out) : error;
}
