// Refuses zip bombs before exceljs inflates anything: the central directory states every entry's size.
import { ImportError } from './errors';
import { fileLabel } from './file-label';

const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

export function checkZipLimits(file: string, buffer: Buffer): void {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) {
    throw new ImportError(`无法读取「${fileLabel(file)}」：文件已损坏（压缩包结构不完整），可能是下载或拷贝中断。请重新获取该文件。`, file);
  }
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries && offset + 46 <= buffer.length; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) break;
    total += buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new ImportError(
      `「${fileLabel(file)}」解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1048576} MB，远超正常预算工作簿，已拒绝读取（可能包含异常巨大的工作表）。`,
      file,
    );
  }
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const min = Math.max(0, buffer.length - 65_557);
  for (let i = buffer.length - 22; i >= min; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
