// The disclosure document written to a path or returned as bytes. Like the workbook export (export-book.ts) it is
// written to a temporary name and renamed, so a failed export never leaves half a document under the clerk's name.
import { Packer } from 'docx';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Book } from '../../../shared/book';
import { summarise, Validator, type ValidationSummary } from '../../../shared/validation';
import { describeWriteError } from '../write-errors';
import { buildDocument, fontTableXml } from './build-document';

export interface DocumentExportResult {
  /** The document's name (its title on the cover and in the file's properties). */
  name: string;
  /** The printed titles of the tables, in order. */
  tables: string[];
  /** The book's findings: a document of a book with errors is still written, the caller says so. */
  summary: ValidationSummary;
}

export async function documentBytes(book: Book): Promise<{ data: Buffer; result: DocumentExportResult }> {
  const { document, plan, tables } = buildDocument(book);
  const data = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return { data, result: { name: plan.name, tables: tables.map((t) => t.title), summary: summarise(new Validator(book).findings()) } };
}

export async function exportDocument(book: Book, out: string): Promise<DocumentExportResult> {
  const { data, result } = await documentBytes(book);
  const temporary = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw describeWriteError(error, out);
  }
  return result;
}
