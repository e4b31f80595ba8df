// What reading one .xlsx may cost. Every limit is far above a real disclosure workbook (the largest real department
// books inflate to a few MB and hold well under 100,000 cells) and far below what would take the machine: past any
// of them the file is refused in Chinese, naming the file and the limit (README「读取上限」).
import { ImportError } from '../errors';
import { fileLabel } from '../file-label';

export interface XlsxLimits {
  maxPartBytes: number;
  maxTotalBytes: number;
  maxZipEntries: number;
  sharedStrings: number;
  styles: number;
  merges: number;
  sheets: number;
  seconds: number;
}

export const XLSX_LIMITS: Readonly<XlsxLimits> = {
  /** Bytes one zip part may inflate to, counted as they are produced (declared sizes are not trusted). */
  maxPartBytes: 128 * 1024 * 1024,
  /** Bytes all parts together may inflate to. */
  maxTotalBytes: 384 * 1024 * 1024,
  /** Entries in the zip directory. */
  maxZipEntries: 10_000,
  sharedStrings: 2_000_000,
  /** Cell formats (Excel itself stops at 64,000). */
  styles: 100_000,
  /** Merged ranges in one sheet. */
  merges: 100_000,
  /** Worksheets in one workbook. */
  sheets: 1_000,
  /** Wall-clock time for reading the whole workbook. */
  seconds: 15,
};

/** The clock one read runs against: checked while scanning, so a slow part ends in a refusal, not a hang. */
export class ReadBudget {
  private readonly deadline: number;
  private producedBytes = 0;

  constructor(
    readonly file: string,
    readonly limits: Readonly<XlsxLimits> = XLSX_LIMITS,
  ) {
    this.deadline = Date.now() + limits.seconds * 1000;
  }

  checkTime(): void {
    if (Date.now() > this.deadline) {
      throw new ImportError(`读取「${fileLabel(this.file)}」超过 ${this.limits.seconds} 秒仍未完成，已停止。文件可能异常庞大或已损坏，请检查后重试。`, this.file);
    }
  }

  /** Bytes left for the next part: the smaller of the per-part and the remaining total allowance. */
  partAllowance(): number {
    return Math.min(this.limits.maxPartBytes, this.limits.maxTotalBytes - this.producedBytes);
  }

  addProduced(bytes: number): void {
    this.producedBytes += bytes;
  }

  refuse(what: string, limit: number, sheet?: string): never {
    const where = sheet ? `的工作表「${sheet}」` : '';
    throw new ImportError(`「${fileLabel(this.file)}」${where}${what}超过 ${limit.toLocaleString('en-US')} 的上限，远超正常预算工作簿，已拒绝读取。`, this.file, sheet);
  }
}
