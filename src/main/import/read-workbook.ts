// Opens any file a clerk might hand us and decides, by its bytes, how to read it.
import { readFile } from 'node:fs/promises';
import { inputFileSize } from './input-file';
import { ImportError, IMPORT_LIMITS } from './errors';
import { fileLabel } from './file-label';
import type { WorkbookGrid } from './grid';
import { isEncryptedOoxml, readXls } from './read-xls';
import { readXlsx } from './read-xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buffer: Buffer, magic: number[]): boolean => magic.every((byte, i) => buffer[i] === byte);

export async function readWorkbook(file: string): Promise<WorkbookGrid> {
  const name = fileLabel(file);
  const size = await inputFileSize(file, name);
  if (size === 0) throw new ImportError(`「${name}」是空文件（0 字节），不是 Excel 工作簿。`, file);
  if (size > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportError(
      `「${name}」过大（${(size / 1048576).toFixed(1)} MB），超过 ${IMPORT_LIMITS.maxFileBytes / 1048576} MB 的上限；预算公开工作簿通常不足 5 MB，请确认文件是否正确。`,
      file,
    );
  }
  const buffer = await readFile(file);
  const workbook = await parseByContent(file, buffer);
  checkDimensions(workbook);
  return workbook;
}

async function parseByContent(file: string, buffer: Buffer): Promise<WorkbookGrid> {
  const name = fileLabel(file);
  if (startsWith(buffer, ZIP_MAGIC)) {
    return readXlsx(file, buffer);
  }
  if (startsWith(buffer, OLE_MAGIC)) {
    if (isEncryptedOoxml(buffer)) {
      throw new ImportError(`无法读取「${name}」：工作簿设置了打开密码（已加密）。请在 Excel/WPS 中取消密码后另存，再导入。`, file);
    }
    return readXls(file, buffer);
  }
  throw new ImportError(
    `「${name}」不是 Excel 工作簿：只支持 .xlsx 和 .xls 文件（文件开头不是电子表格的格式标记${/\.(csv|txt)$/i.test(name) ? '；CSV/文本文件请先在 Excel 中另存为 .xlsx' : ''}）。`,
    file,
  );
}

function checkDimensions(workbook: WorkbookGrid): void {
  let cells = 0;
  for (const sheet of workbook.sheets) {
    if (sheet.rowCount > IMPORT_LIMITS.maxRows || sheet.columnCount > IMPORT_LIMITS.maxColumns) {
      throw new ImportError(
        `「${fileLabel(workbook.file)}」的工作表「${sheet.name}」数据范围过大（${sheet.rowCount} 行 × ${sheet.columnCount} 列），超过 ${IMPORT_LIMITS.maxRows} 行 × ${IMPORT_LIMITS.maxColumns} 列的上限。请删除多余的行列后再导入。`,
        workbook.file,
        sheet.name,
      );
    }
    for (const row of sheet.cells.values()) cells += row.size;
  }
  if (cells > IMPORT_LIMITS.maxCells) {
    throw new ImportError(`「${fileLabel(workbook.file)}」包含 ${cells} 个非空单元格，超过 ${IMPORT_LIMITS.maxCells} 的上限。`, workbook.file);
  }
}
