// A Word .docx as a narrative: the paragraphs of word/document.xml, read with the bounded zip reader and XML scanner
// of the .xlsx importer (DOCTYPE refused, inflation capped on the bytes produced, the clock checked).
//
// Decisions:
//   - w:p is a paragraph; its text is the w:t of its runs (deleted text, field codes and the Fallback copy of a
//     text box are not text); w:tab is a tab; a line break (w:br, w:cr) ends a paragraph, as a clerk reads it.
//   - A table row is one paragraph, its cells separated by tabs (a cell's own paragraphs joined by a space), so a
//     whole document's tables look like the tab-separated rows of a text file and the extraction drops them
//     (src/shared/narrative/extract.ts). A row with one non-empty cell (a frame around text, a heading over a
//     table) is a plain paragraph. Nested tables belong to the outer cell.
//   - Headers, footers, footnotes and comments are not read.
import { ImportError } from '../errors';
import { fileLabel } from '../file-label';
import { DOCX_WORDING, ReadBudget, XLSX_LIMITS } from '../xlsx/limits';
import { scanXml, type XmlHandler } from '../xlsx/xml';
import type { ZipParts } from '../xlsx/zip';

export const DOCUMENT_PART = 'word/document.xml';

/** A budget for reading a .docx: the .xlsx limits, messages naming a Word document. */
export const docxBudget = (file: string): ReadBudget => new ReadBudget(file, XLSX_LIMITS, DOCX_WORDING);

/** The main document part named by [Content_Types].xml, else word/document.xml; undefined when there is none. */
export function documentPart(zip: ZipParts, budget: ReadBudget): string | undefined {
  if (zip.has(DOCUMENT_PART)) return DOCUMENT_PART;
  const types = zip.read('[Content_Types].xml');
  if (!types) return undefined;
  let found: string | undefined;
  scanXml(types, '[Content_Types].xml', budget, {
    wantsText: false,
    open(name, attributes) {
      const type = attributes.ContentType ?? '';
      if (!found && name === 'Override' && /wordprocessingml\.document\.main\+xml$/.test(type)) found = (attributes.PartName ?? '').replace(/^\//, '');
    },
    close() {},
    text() {},
  });
  return found && zip.has(found) ? found : undefined;
}

/** The paragraphs of the document, in order, trimmed, empty ones left out. */
export function docxParagraphs(zip: ZipParts, budget: ReadBudget): string[] {
  const part = documentPart(zip, budget);
  if (!part) throw new ImportError(`「${fileLabel(budget.file)}」不是 Word 文档（.docx）：其中没有正文部件。请在 Word/WPS 中另存为 .docx 再导入。`, budget.file);
  const bytes = zip.read(part) as Buffer;
  const out: string[] = [];
  const emit = (text: string): void => {
    const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (trimmed) out.push(trimmed);
  };
  /** Open paragraphs (a text box's paragraph sits inside a run of the outer one). */
  const paragraphs: string[] = [];
  let tableDepth = 0;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let runDepth = 0;
  let inText = false;
  let skip = 0;

  const append = (text: string): void => {
    if (paragraphs.length) paragraphs[paragraphs.length - 1] += text;
  };
  const endParagraph = (text: string): void => {
    if (tableDepth > 0 && cell) cell.push(text.trim());
    else emit(text);
  };

  const handler: XmlHandler = {
    get wantsText() {
      return inText && skip === 0;
    },
    open(name, _attributes, selfClosing) {
      if (name === 'Fallback' || name === 'delText' || name === 'instrText') {
        if (!selfClosing) skip++;
        return;
      }
      if (skip > 0) return;
      switch (name) {
        case 'p':
          if (!selfClosing) paragraphs.push('');
          break;
        case 'r':
          if (!selfClosing) runDepth++;
          break;
        case 't':
          inText = !selfClosing;
          break;
        case 'tab':
          if (runDepth > 0) append('\t');
          break;
        case 'br':
        case 'cr':
          if (runDepth > 0 && paragraphs.length) {
            const text = paragraphs.pop() as string;
            endParagraph(text);
            paragraphs.push('');
          }
          break;
        case 'noBreakHyphen':
          if (runDepth > 0) append('-');
          break;
        case 'tbl':
          tableDepth++;
          break;
        case 'tr':
          if (tableDepth === 1) row = [];
          break;
        case 'tc':
          if (tableDepth === 1) cell = [];
          break;
      }
    },
    close(name) {
      if (name === 'Fallback' || name === 'delText' || name === 'instrText') {
        if (skip > 0) skip--;
        return;
      }
      if (skip > 0) return;
      switch (name) {
        case 'p':
          if (paragraphs.length) endParagraph(paragraphs.pop() as string);
          break;
        case 'r':
          if (runDepth > 0) runDepth--;
          break;
        case 't':
          inText = false;
          break;
        case 'tc':
          if (tableDepth === 1 && cell && row) {
            row.push(cell.filter(Boolean).join(' ').replace(/\t/g, ' '));
            cell = undefined;
          }
          break;
        case 'tr':
          if (tableDepth === 1 && row) {
            const filled = row.filter((c) => c.trim());
            if (filled.length === 1) emit(filled[0] as string);
            else if (filled.length > 1) emit(row.join('\t'));
            row = undefined;
          }
          break;
        case 'tbl':
          if (tableDepth > 0) tableDepth--;
          break;
      }
    },
    text(text) {
      append(text);
    },
  };
  scanXml(bytes, part, budget, handler);
  return out;
}
