// Hand-built .xlsx files from raw XML parts, for cases no writer library would produce: lying zip sizes, bombs,
// DOCTYPEs, huge ranges, formulas without cached values, hostile numbers.
import { constants, deflateRawSync } from 'node:zlib';
import { writeZip, type ZipEntry } from './stored-zip';

export interface RawSheet {
  name: string;
  /** The worksheet part's XML (see sheetXml), or a prepared part (a bomb). */
  xml?: string;
  part?: Omit<ZipEntry, 'name'>;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  sharedStrings?: string[];
  /** The styles part's XML; a plain one by default. */
  stylesXml?: string;
  /** Extra or replacing parts by name. */
  parts?: Record<string, string | Buffer>;
  workbookPr?: string;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const PLAIN_STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>' +
  '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';

/** A worksheet part with the given sheetData rows and anything after sheetData (merges, validations). */
export function sheetXml(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A row of cells: numbers as numbers, strings inline, {f, v?} as formulas. */
export function rowXml(row: number, cells: (number | string | { f: string; v?: number } | null)[]): string {
  const xml = cells.map((cell, index) => {
    const ref = `${String.fromCharCode(65 + index)}${row}`;
    if (cell === null) return '';
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
    if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
    return `<c r="${ref}"><f>${escapeXml(cell.f)}</f>${cell.v === undefined ? '' : `<v>${cell.v}</v>`}</c>`;
  });
  return `<row r="${row}">${xml.join('')}</row>`;
}

export function rawXlsx(book: RawWorkbook): Buffer {
  const sheetEntries = book.sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  const parts: Record<string, string | Buffer> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${book.workbookPr ?? ''}<sheets>${sheetEntries}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets
      .map((_, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
      .join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': book.stylesXml ?? PLAIN_STYLES,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${(book.sharedStrings ?? []).map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`,
    ...book.parts,
  };
  const entries: ZipEntry[] = Object.entries(parts).map(([name, content]) => ({ name, data: Buffer.from(content), deflate: true }));
  book.sheets.forEach((sheet, index) => {
    const name = `xl/worksheets/sheet${index + 1}.xml`;
    entries.push(sheet.part ? { name, ...sheet.part } : { name, data: Buffer.from(sheet.xml ?? sheetXml('')), deflate: true });
  });
  return writeZip(entries);
}

/**
 * A deflate stream that inflates to `head`, then `chunk` repeated `times` times, then `tail`, built without ever
 * holding the inflated bytes: blocks after a full flush are independent, so the chunk's compressed block repeats.
 */
export function deflateBomb(head: string, chunk: string, times: number, tail: string): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const repeated = deflateRawSync(Buffer.from(chunk), flush);
  return Buffer.concat([
    deflateRawSync(Buffer.from(head), flush),
    ...Array.from({ length: times }, () => repeated),
    deflateRawSync(Buffer.from(tail)),
  ]);
}
