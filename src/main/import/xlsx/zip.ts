// The zip container of an .xlsx, read by hand: the central directory names every part, and a part is inflated only
// when asked for, with a hard cap on the bytes actually produced. The sizes a zip declares are never trusted (a
// hostile file can declare 1,000 bytes for a sheet that inflates to gigabytes). A .docx (情况说明) is read the same
// way; the budget's wording says which the messages name.
import { inflateRawSync } from 'node:zlib';
import { ImportError } from '../errors';
import { fileLabel } from '../file-label';
import type { ReadBudget } from './limits';

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;

export class ZipParts {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly buffer: Buffer,
    private readonly budget: ReadBudget,
  ) {
    for (const entry of readDirectory(buffer, budget)) {
      const key = entry.name.toLowerCase();
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
  }

  get names(): string[] {
    return [...this.entries.values()].map((entry) => entry.name);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The inflated bytes of one part, or undefined when the zip has no such part. */
  read(name: string): Buffer | undefined {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return undefined;
    const { buffer, budget } = this;
    const label = fileLabel(budget.file);
    const { thing, app, ext } = budget.wording;
    if (entry.flags & 1) throw new ImportError(`无法读取「${label}」：${thing}设置了打开密码（已加密）。请在 ${app} 中取消密码后另存，再导入。`, budget.file);
    const at = entry.localHeaderOffset;
    if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) throw damaged(budget, `部件「${entry.name}」的位置错误`);
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > buffer.length) throw damaged(budget, `部件「${entry.name}」不完整`);
    const compressed = buffer.subarray(start, end);
    const allowance = budget.partAllowance();
    let data: Buffer;
    if (entry.method === 0) {
      data = compressed;
    } else if (entry.method === 8) {
      try {
        data = inflateRawSync(compressed, { maxOutputLength: Math.max(1, allowance) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') refuseSize(budget, entry.name);
        throw damaged(budget, `部件「${entry.name}」无法解压`);
      }
    } else {
      throw new ImportError(`无法读取「${label}」：部件「${entry.name}」使用了不支持的压缩方式。请在 ${app} 中另存为普通的 ${ext} ${thing}再导入。`, budget.file);
    }
    if (data.length > allowance) refuseSize(budget, entry.name);
    budget.addProduced(data.length);
    budget.checkTime();
    return data;
  }
}

function refuseSize(budget: ReadBudget, part: string): never {
  const mb = Math.floor(budget.limits.maxPartBytes / 1048576);
  const totalMb = Math.floor(budget.limits.maxTotalBytes / 1048576);
  throw new ImportError(
    `「${fileLabel(budget.file)}」的部件「${part}」解压后超过上限（单个部件 ${mb} MB，全部 ${totalMb} MB），远超正常${budget.wording.typical}，已拒绝读取（可能是压缩炸弹或异常巨大的${budget.wording.bulk}）。`,
    budget.file,
  );
}

function damaged(budget: ReadBudget, detail: string): ImportError {
  const { file, wording } = budget;
  return new ImportError(`无法读取「${fileLabel(file)}」：文件已损坏（${detail}），常见于下载或拷贝不完整。请重新获取该文件，或在 ${wording.app} 中打开后另存为 ${wording.ext} 再导入。`, file);
}

function readDirectory(buffer: Buffer, budget: ReadBudget): ZipEntry[] {
  const file = budget.file;
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) throw damaged(budget, '压缩包结构不完整');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ImportError(`无法读取「${fileLabel(file)}」：使用了不支持的 ZIP64 压缩格式。请在 ${budget.wording.app} 中另存为 ${budget.wording.ext} 再导入。`, file);
  }
  if (count > budget.limits.maxZipEntries) budget.refuse('压缩包内的部件数', budget.limits.maxZipEntries);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) throw damaged(budget, '压缩包目录不完整');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > buffer.length) throw damaged(budget, '压缩包目录不完整');
    entries.push({
      flags: buffer.readUInt16LE(offset + 8),
      method: buffer.readUInt16LE(offset + 10),
      compressedSize: buffer.readUInt32LE(offset + 20),
      localHeaderOffset: buffer.readUInt32LE(offset + 42),
      // Some writers use backslashes; the parts are found by their forward-slash names.
      name: buffer.toString('utf8', offset + 46, nameEnd).replace(/\\/g, '/').replace(/^\//, ''),
    });
    offset = nameEnd + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return entries;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const min = Math.max(0, buffer.length - 65_557);
  for (let i = buffer.length - 22; i >= min; i--) {
    if (buffer.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  return -1;
}
