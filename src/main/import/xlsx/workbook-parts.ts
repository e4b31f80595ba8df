// The workbook-level parts: which sheets there are and where, the shared strings, and the cell formats.
import type { ReadBudget } from './limits';
import { builtInFormat } from './number-formats';
import { decodeOoxmlEscapes, scanXml, type XmlAttributes, type XmlHandler } from './xml';
import type { ZipParts } from './zip';

export interface SheetEntry {
  name: string;
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart: string;
  stylesPart: string;
}

/** What a cell's style index says that the grid keeps: its number format and its indent. */
export interface CellFormat {
  numberFormat?: string;
  indent?: number;
}

/** A handler that only reacts to opening tags. */
const onOpen = (open: (name: string, attributes: XmlAttributes) => void): XmlHandler => ({
  open,
  close: () => undefined,
  wantsText: false,
  text: () => undefined,
});

/** "worksheets/sheet1.xml" next to xl/workbook.xml is xl/worksheets/sheet1.xml; "/xl/…" is from the root. */
export function resolveTarget(baseFolder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseFolder.split('/').filter(Boolean);
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

function workbookPath(zip: ZipParts, budget: ReadBudget): string {
  const rels = zip.read('_rels/.rels');
  let path = 'xl/workbook.xml';
  if (rels) {
    scanXml(rels, '_rels/.rels', budget, onOpen((name, a) => {
      if (name === 'Relationship' && /\/officeDocument$/.test(a.Type ?? '') && a.Target) path = resolveTarget('', a.Target);
    }));
  }
  return path;
}

/** The workbook's sheets and parts; undefined when the zip has no workbook part (a Word document, a plain zip). */
export function readWorkbookInfo(zip: ZipParts, budget: ReadBudget): WorkbookInfo | undefined {
  const path = workbookPath(zip, budget);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const workbook = zip.read(path);
  if (!workbook) return undefined;
  const declared: { name: string; relationship: string }[] = [];
  let date1904 = false;
  scanXml(workbook, path, budget, onOpen((name, a) => {
    if (name === 'sheet') {
      if (declared.length >= budget.limits.sheets) budget.refuse('工作表数', budget.limits.sheets);
      declared.push({ name: a.name ?? `Sheet${declared.length + 1}`, relationship: a.id ?? '' });
    } else if (name === 'workbookPr') {
      date1904 = a.date1904 === '1' || a.date1904 === 'true';
    }
  }));
  const relsPath = `${folder ? `${folder}/` : ''}_rels/${path.slice(folder ? folder.length + 1 : 0)}.rels`;
  const targets = new Map<string, { target: string; worksheet: boolean }>();
  const inFolder = (name: string): string => (folder ? `${folder}/${name}` : name);
  let sharedStringsPart = inFolder('sharedStrings.xml');
  let stylesPart = inFolder('styles.xml');
  const rels = zip.read(relsPath);
  if (rels) {
    scanXml(rels, relsPath, budget, onOpen((name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      const target = resolveTarget(folder, a.Target);
      const type = a.Type ?? '';
      targets.set(a.Id, { target, worksheet: /\/worksheet$/.test(type) });
      if (/\/sharedStrings$/.test(type)) sharedStringsPart = target;
      if (/\/styles$/.test(type)) stylesPart = target;
    }));
  }
  const sheets: SheetEntry[] = [];
  for (const sheet of declared) {
    const target = targets.get(sheet.relationship);
    // Chart sheets and dialog sheets hold no cells.
    if (target?.worksheet) sheets.push({ name: sheet.name, part: target.target });
  }
  return { sheets, date1904, sharedStringsPart, stylesPart };
}

/** Shared strings in order; rich text runs joined; phonetic guides (rPh) left out. */
export function readSharedStrings(zip: ZipParts, path: string, budget: ReadBudget): string[] {
  const bytes = zip.read(path);
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string[] = [];
  let phoneticDepth = 0;
  let inText = false;
  const handler: XmlHandler = {
    get wantsText() {
      return inText && phoneticDepth === 0;
    },
    open(name) {
      if (name === 'si') {
        if (strings.length >= budget.limits.sharedStrings) budget.refuse('共享字符串数', budget.limits.sharedStrings);
        current = [];
      } else if (name === 'rPh') phoneticDepth++;
      else if (name === 't') inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phoneticDepth--;
      else if (name === 'si') strings.push(decodeOoxmlEscapes(current.join('')));
    },
    text(text) {
      current.push(text);
    },
  };
  scanXml(bytes, path, budget, handler);
  return strings;
}

export function readCellFormats(zip: ZipParts, path: string, budget: ReadBudget): CellFormat[] {
  const bytes = zip.read(path);
  if (!bytes) return [];
  const customFormats = new Map<number, string>();
  const formats: CellFormat[] = [];
  let inCellXfs = false;
  let current: CellFormat | undefined;
  scanXml(bytes, path, budget, {
    wantsText: false,
    text: () => undefined,
    open(name, a, selfClosing) {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) customFormats.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        if (formats.length >= budget.limits.styles) budget.refuse('单元格格式数', budget.limits.styles);
        const id = Number(a.numFmtId ?? 0);
        current = {};
        const numberFormat = customFormats.get(id) ?? builtInFormat(id);
        if (numberFormat) current.numberFormat = numberFormat;
        formats.push(current);
      } else if (name === 'alignment' && current) {
        const indent = Number(a.indent ?? 0);
        if (indent > 0 && Number.isFinite(indent)) current.indent = indent;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'xf') current = undefined;
    },
  });
  return formats;
}
