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

/**
 * How refusals name the container being read: an .xlsx workbook (the default), or a Word .docx document read by the
 * same zip reader and XML scanner (情况说明, src/main/import/narrative).
 */
export interface ContainerWording {
  /** 「工作簿内部的部件」 */
  thing: string;
  /** 「正常的 Excel 工作簿不会有」 */
  normal: string;
  /** 「远超正常预算工作簿」 */
  typical: string;
  /** 「异常巨大的工作表」 */
  bulk: string;
  /** The programs a clerk can re-save it with. */
  app: string;
  ext: string;
}

export const XLSX_WORDING: Readonly<ContainerWording> = { thing: '工作簿', normal: 'Excel 工作簿', typical: '预算工作簿', bulk: '工作表', app: 'Excel/WPS', ext: '.xlsx' };
export const DOCX_WORDING: Readonly<ContainerWording> = { thing: '文档', normal: 'Word 文档', typical: '情况说明文档', bulk: '内容', app: 'Word/WPS', ext: '.docx' };

/** The clock one read runs against: checked while scanning, so a slow part ends in a refusal, not a hang. */
export class ReadBudget {
  private readonly deadline: number;
  private producedBytes = 0;

  constructor(
    readonly file: string,
    readonly limits: Readonly<XlsxLimits> = XLSX_LIMITS,
    readonly wording: Readonly<ContainerWording> = XLSX_WORDING,
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
    throw new ImportError(`「${fileLabel(this.file)}」${where}${what}超过 ${limit.toLocaleString('en-US')} 的上限，远超正常${this.wording.typical}，已拒绝读取。`, this.file, sheet);
  }
}
