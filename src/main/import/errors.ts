// Unreadable input: a clear Chinese message naming the file (and sheet/cell where known). CLI exit code 2.
export class ImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export const IMPORT_LIMITS = {
  /** Larger files are refused before parsing: no disclosure workbook comes near this. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Rows/columns actually holding data in one sheet. */
  maxRows: 200_000,
  maxColumns: 2_000,
  /** Cells holding data in one workbook. */
  maxCells: 2_000_000,
} as const;
