// Workbooks in and out: reading Excel files into a book (in this process or in a worker thread), uploads staged as
// files, checking a workbook the way a reviewer does (DESIGN.md §7), the normalised dump, and the export (to a
// path, or as bytes for a browser). The functions here need no store; `createExchangeService` adds the stored
// books (by id) for the API and the CLI's --db commands.
import { internalErrorMessage, logInternalError } from '../error-log';
import type { WorkbookInput } from '../../shared/api/contract';
import type { Book, Notice } from '../../shared/book';
import type { Narrative } from '../../shared/narrative/types';
import { toDump, type Dump } from '../../shared/dump';
import { exportFileName } from '../../shared/labels';
import { summarise, Validator, type Finding, type Location, type ValidationSummary } from '../../shared/validation';
import type { ExportResult, ReportChoice } from '../export/export-book';
import type { DocumentExportResult } from '../export/document/export-document';
import { ImportError } from '../import/errors';
import { fileLabel } from '../import/file-label';
import { importWorkbooks, type ImportResult } from '../import/import-book';
import { importInWorker } from '../import/run-in-worker';
import type { Store } from '../store';
import { ServiceError } from './errors';
import { withInputFiles } from './uploads';
import type { BookSessions } from './sessions';

export type { ImportResult, ReportChoice };

export interface ReadOptions {
  /** Force a template family instead of detecting it. */
  template?: string | undefined;
  onProgress?: (message: string) => void;
  /** Parse in a worker thread, so the process stays responsive (the API); the CLI reads in its own process. */
  inWorker?: boolean;
}

/** Workbooks → one book, its import notices and the detection sentence. Unreadable input throws ImportError. */
export function readWorkbooks(paths: readonly string[], options: ReadOptions = {}): Promise<ImportResult> {
  const template = options.template ? { familyId: options.template } : {};
  if (options.inWorker) return importInWorker({ files: [...paths], ...template }, options.onProgress);
  return importWorkbooks(paths, { ...template, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}

/** Workbooks handed over by the UI (paths from a dialog, or bytes from an upload) read into one book. */
export async function readInputs(files: readonly WorkbookInput[], options: ReadOptions = {}): Promise<ImportResult> {
  if (files.length === 0) throw new ServiceError('bad-request', '请选择要导入的 Excel 工作簿。');
  return withInputFiles(files, '工作簿.xlsx', (paths) => readWorkbooks(paths, options));
}

// ---- check (DESIGN.md §7) ----------------------------------------------------------------------------------------

/** A workbook (or stored book) that was read and validated. */
export interface CheckedBook {
  file: string;
  /** Template family id, and why it was chosen (imports only). */
  template: string;
  detection?: string;
  department: string;
  year: number;
  ok: boolean;
  summary: ValidationSummary;
  findings: Finding[];
}

/** A workbook that could not be read (or held no recognised table). */
export interface UnreadableBook {
  file: string;
  ok: false;
  error: string;
}

export type CheckResult = CheckedBook | UnreadableBook;

export const isUnreadable = (result: CheckResult): result is UnreadableBook => 'error' in result;

/**
 * Reads one workbook as a book and validates it (with `narrative` as its 情况说明, when given); unreadable input
 * becomes an entry, not an exception.
 */
/** `companions`: more workbooks of the same book (the 绩效目标表 a department keeps apart from its tables). */
export async function checkWorkbook(file: string, template?: string, narrative?: Narrative, companions: readonly string[] = []): Promise<CheckResult> {
  let result: ImportResult;
  try {
    result = await readWorkbooks([file, ...companions], { template });
  } catch (error) {
    // One bad workbook must not stop a reviewer's batch: anything the importer throws is reported for this file.
    if (error instanceof ImportError) return { file: fileLabel(file), ok: false, error: error.message };
    // A bug, not the file: the stack goes to the local log, the reviewer gets a reference.
    return { file: fileLabel(file), ok: false, error: `无法读取「${fileLabel(file)}」：${internalErrorMessage(logInternalError(error))}` };
  }
  const { book, notices, detection } = result;
  if (book.tables.length === 0) {
    return { file: fileLabel(file), ok: false, error: firstError(notices) ?? `未在「${fileLabel(file)}」中识别到任何预算表。` };
  }
  if (narrative) book.narrative = narrative;
  return checkedBook(fileLabel(file), book, new Validator(book).findings(), detection);
}

/** The check result of a book and its findings, fields in the DESIGN.md §7 order. */
export function checkedBook(file: string, book: Book, findings: readonly Finding[], detection?: string): CheckedBook {
  const ordered = findings.map(orderFields);
  const summary = summarise(ordered);
  return { file, template: book.familyId, ...(detection ? { detection } : {}), department: book.department, year: book.year, ok: summary.errors === 0, summary, findings: ordered };
}

/** The DESIGN.md §7 fields first, then the extras (roundingTail, explanation, key). */
function orderFields(finding: Finding): Finding {
  const { rule, severity, message, locations, expected, actual, difference, roundingTail, explanation, key, narrative, form } = finding;
  return {
    rule,
    severity,
    message,
    locations: locations.map(orderLocation),
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    ...(difference !== undefined ? { difference } : {}),
    ...(roundingTail !== undefined ? { roundingTail } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
    key,
    ...(narrative !== undefined ? { narrative } : {}),
    ...(form !== undefined ? { form } : {}),
  };
}

function orderLocation(location: Location): Location {
  const { table, row, column, sheet, cell, side, tableId, rowKey, columnId } = location;
  return {
    table,
    row,
    ...(column !== undefined ? { column } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(cell !== undefined ? { cell } : {}),
    ...(side !== undefined ? { side } : {}),
    tableId,
    rowKey,
    ...(columnId !== undefined ? { columnId } : {}),
  };
}

export const firstError = (notices: readonly Notice[]): string | undefined => notices.find((n) => n.level === '错误')?.message;

// ---- export ------------------------------------------------------------------------------------------------------

export interface ExportOutcome extends ExportResult {
  fileName: string;
  /** Where it was written (export to a path). */
  path?: string;
  /** The workbook's bytes (export for a browser download). */
  data?: Buffer;
}

/** The submission workbook of a book: written to `path` (temporary name, then renamed), or returned as bytes. */
export async function exportWorkbook(book: Book, options: { path?: string | undefined; report?: ReportChoice | undefined } = {}): Promise<ExportOutcome> {
  const fileName = exportFileName(book);
  const report = options.report ?? 'auto';
  // The writers (exceljs, docx) load when a book is exported: a `check` or an import never pays for them.
  const { buildWorkbook, exportBook } = await import('../export/export-book');
  if (options.path) return { ...(await exportBook(book, options.path, report)), fileName, path: options.path };
  const { workbook, result } = buildWorkbook(book, report);
  return { ...result, fileName, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** The disclosure document (.docx) of a book: cover, 目录, 部门概况, the tables, 情况说明, 名词解释. */
export interface DocumentOutcome extends DocumentExportResult {
  fileName: string;
  path?: string;
  data?: Buffer;
}

/** The disclosure document written to `path` (temporary name, then renamed), or returned as bytes. */
export async function exportDisclosureDocument(book: Book, options: { path?: string | undefined } = {}): Promise<DocumentOutcome> {
  const { documentBytes, exportDocument } = await import('../export/document/export-document');
  if (options.path) {
    const result = await exportDocument(book, options.path);
    return { ...result, fileName: `${result.name}.docx`, path: options.path };
  }
  const { data, result } = await documentBytes(book);
  return { ...result, fileName: `${result.name}.docx`, data };
}

// ---- the service over stored books ---------------------------------------------------------------------------------

export interface ExchangeService {
  /**
   * Reads workbooks handed over by the UI (in a worker thread unless the services run in the CLI); `template`
   * forces a family instead of detecting it (导入表格 reads with the book's own family).
   */
  readInputs(files: readonly WorkbookInput[], options?: { template?: string }): Promise<ImportResult>;
  /** A stored book checked like a workbook, with the clerk's 审核说明 on its warnings. */
  check(bookId: number): CheckedBook & { sources: string[] };
  dump(bookId: number): Dump;
  export(input: { bookId: number; path?: string | undefined; report?: ReportChoice | undefined }): Promise<ExportOutcome>;
  /** The disclosure document (.docx) of a stored book, to a path (not in web mode) or as bytes. */
  exportDocument(input: { bookId: number; path?: string | undefined }): Promise<DocumentOutcome>;
}

export function createExchangeService(deps: { store: Store; sessions: BookSessions; inWorker: boolean; refusePaths: (named: boolean) => void }): ExchangeService {
  const { store, sessions } = deps;
  return {
    async readInputs(files, options = {}) {
      deps.refusePaths(files.some((f) => f.path !== undefined));
      return readInputs(files, { inWorker: deps.inWorker, ...(options.template ? { template: options.template } : {}) });
    },
    check(bookId) {
      const { book, findings } = sessions.current(bookId);
      return { ...checkedBook(`预算本 #${bookId}`, book, findings), sources: [...book.sources] };
    },
    dump: (bookId) => toDump(store.loadBook(bookId), store.loadNotices(bookId)),
    async export(input) {
      deps.refusePaths(input.path !== undefined);
      return exportWorkbook(store.loadBook(input.bookId), input);
    },
    async exportDocument(input) {
      deps.refusePaths(input.path !== undefined);
      return exportDisclosureDocument(store.loadBook(input.bookId), input);
    },
  };
}
