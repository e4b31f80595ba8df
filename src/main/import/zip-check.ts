// Looks inside the zip before exceljs inflates anything: the central directory states every entry's
// name and size, so zip bombs and zips that are not workbooks (.docx, plain archives) are refused cheaply.
import { ImportError } from './errors';
import { fileLabel } from './file-label';

const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

export function checkZipContainer(file: string, buffer: Buffer): void {
  const name = fileLabel(file);
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) {
    throw new ImportError(`无法读取「${name}」：文件已损坏（压缩包结构不完整），可能是下载或拷贝中断。请重新获取该文件。`, file);
  }
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  let total = 0;
  const names: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) {
      throw new ImportError(`无法读取「${name}」：文件已损坏（压缩包目录不完整）。请重新获取该文件。`, file);
    }
    total += buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (!names.includes('[Content_Types].xml') || !names.some((n) => /^xl\/workbook\.xml$/i.test(n))) {
    const kind = names.some((n) => n.startsWith('word/')) ? '（这是 Word 文档）' : names.some((n) => n.startsWith('ppt/')) ? '（这是 PowerPoint 文档）' : '';
    throw new ImportError(`「${name}」是压缩文件，但不是 Excel 工作簿${kind}。只支持 .xlsx 和 .xls 文件。`, file);
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new ImportError(
      `「${name}」解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1048576} MB，远超正常预算工作簿，已拒绝读取（可能包含异常巨大的工作表）。`,
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
