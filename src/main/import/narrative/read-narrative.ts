// Reads a 情况说明 from whatever file the clerk hands over, deciding by its bytes: a zip is a Word .docx (its
// document.xml) or an Excel workbook (its text sheets); an OLE file is an .xls (its text sheets) or refused (.doc, or
// encrypted); anything else is plain text. A whole document keeps only its narrative part
// (src/shared/narrative/extract.ts). Bad input is a Chinese ImportError naming the file, never a crash.
import { readFile } from 'node:fs/promises';
import { extractNarrative, narrativeSizeProblem, type ExtractedPart } from '../../../shared/narrative/extract';
import type { Narrative } from '../../../shared/narrative/types';
import { NARRATIVE_TEXT } from '../../../shared/strings';
import { inputFileSize } from '../input-file';
import { isEncryptedOoxml } from '../read-xls';
import { ImportError, IMPORT_LIMITS } from '../errors';
import { fileLabel } from '../file-label';
import { readWorkbook } from '../read-workbook';
import { ReadBudget, XLSX_LIMITS, XLSX_WORDING } from '../xlsx/limits';
import { ZipParts } from '../xlsx/zip';
import { docxBudget, docxParagraphs, documentPart } from './docx';
import { sheetParagraphs } from './sheets';
import { decodeText, textParagraphs } from './text';

export type NarrativeFormat = 'docx' | 'text' | 'workbook';

export interface NarrativeRead {
  narrative: Narrative;
  format: NarrativeFormat;
  /** False: no 情况说明 heading was found and the whole text was taken. */
  found: boolean;
  /** The parts kept, by their headings. */
  parts: ExtractedPart[];
  /** One Chinese sentence saying what was read. */
  summary: string;
}

export interface ReadNarrativeOptions {
  /** The name to show and store as the source (an upload's own name); default: the file's base name. */
  name?: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buffer: Buffer, magic: number[]): boolean => magic.every((byte, i) => buffer[i] === byte);
const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et)$/i;

export async function readNarrative(file: string, options: ReadNarrativeOptions = {}): Promise<NarrativeRead> {
  const source = fileLabel(options.name ?? file);
  const size = await inputFileSize(file, source);
  if (size === 0) throw new ImportError(`「${source}」是空文件（0 字节），其中没有情况说明。`, file);
  if (size > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportError(`「${source}」过大（${(size / 1048576).toFixed(1)} MB），超过 ${IMPORT_LIMITS.maxFileBytes / 1048576} MB 的上限；情况说明文档通常不足 1 MB，请确认文件是否正确。`, file);
  }
  const buffer = await readFile(file);
  const { paragraphs, format, sheets } = await paragraphsOf(file, source, buffer);
  if (paragraphs.length > IMPORT_LIMITS.maxRows) {
    throw new ImportError(`「${source}」有 ${paragraphs.length} 段文字，超过 ${IMPORT_LIMITS.maxRows} 段的上限，远超正常情况说明，已拒绝读取。`, file);
  }
  // A workbook's text sheets are the narrative's parts already; a document or a text may hold the tables and the
  // 概况 too, and keeps its 情况说明 part.
  const extracted = sheets ? { paragraphs, found: true, parts: [] } : extractNarrative(paragraphs);
  if (extracted.paragraphs.length === 0) throw new ImportError(NARRATIVE_TEXT.empty(source), file);
  const problem = narrativeSizeProblem(extracted.paragraphs);
  if (problem) throw new ImportError(NARRATIVE_TEXT.tooLarge(source, problem), file);
  const count = extracted.paragraphs.length;
  return {
    narrative: { paragraphs: extracted.paragraphs, source },
    format,
    found: extracted.found,
    parts: extracted.parts,
    summary: sheets ? NARRATIVE_TEXT.readSheets(source, sheets, count) : NARRATIVE_TEXT.read(source, count, extracted.parts[0]?.heading),
  };
}

async function paragraphsOf(file: string, source: string, buffer: Buffer): Promise<{ paragraphs: string[]; format: NarrativeFormat; sheets?: string[] }> {
  if (startsWith(buffer, ZIP_MAGIC)) {
    const workbookName = WORKBOOK_NAME.test(source);
    const budget = workbookName ? new ReadBudget(file, XLSX_LIMITS, XLSX_WORDING) : docxBudget(file);
    const zip = new ZipParts(buffer, budget);
    if (documentPart(zip, budget)) return { paragraphs: docxParagraphs(zip, budget), format: 'docx' };
    if (zip.has('xl/workbook.xml')) return { ...sheetParagraphs(await readWorkbook(file)), format: 'workbook' };
    throw new ImportError(NARRATIVE_TEXT.notDocument(source), file);
  }
  if (startsWith(buffer, OLE_MAGIC)) {
    if (buffer.includes(Buffer.from('WordDocument', 'utf16le'))) throw new ImportError(NARRATIVE_TEXT.oldWord(source), file);
    if (isEncryptedOoxml(buffer)) throw new ImportError(NARRATIVE_TEXT.encrypted(source), file);
    return { ...sheetParagraphs(await readWorkbook(file)), format: 'workbook' };
  }
  return { paragraphs: textParagraphs(decodeText(buffer, file)), format: 'text' };
}
