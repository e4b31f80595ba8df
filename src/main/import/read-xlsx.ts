// .xlsx → SheetGrid with our own bounded reader (xlsx/): the zip is inflated part by part under a cap on the bytes
// produced, the XML is scanned in one linear pass, and only what the grid needs is read (cells, formats, merges).
// exceljs stays the writer; as a reader it expanded ranges (a data validation over A1:XFD1048576) and trusted
// declared sizes, which a hostile file turns into gigabytes.
import { ImportError } from './errors';
import { fileLabel } from './file-label';
import { type SheetGrid, type WorkbookGrid } from './grid';
import { resolveFormulasWithoutResult } from './resolve-formulas';
import { ReadBudget } from './xlsx/limits';
import { readSheetXml, type SheetContext } from './xlsx/sheet-xml';
import { readCellFormats, readSharedStrings, readWorkbookInfo } from './xlsx/workbook-parts';
import { ZipParts } from './xlsx/zip';

export function readXlsx(file: string, buffer: Buffer, budget = new ReadBudget(file)): WorkbookGrid {
  const zip = new ZipParts(buffer, budget);
  const info = zip.has('[Content_Types].xml') ? readWorkbookInfo(zip, budget) : undefined;
  if (!info) {
    const names = zip.names;
    const kind = names.some((n) => n.startsWith('word/')) ? '（这是 Word 文档）' : names.some((n) => n.startsWith('ppt/')) ? '（这是 PowerPoint 文档）' : '';
    throw new ImportError(`「${fileLabel(file)}」是压缩文件，但不是 Excel 工作簿${kind}。只支持 .xlsx 和 .xls 文件。`, file);
  }
  const context: SheetContext = {
    sharedStrings: readSharedStrings(zip, info.sharedStringsPart, budget),
    formats: readCellFormats(zip, info.stylesPart, budget),
    date1904: info.date1904,
    budget,
    cellCount: { value: 0 },
  };
  const sheets: SheetGrid[] = [];
  for (const entry of info.sheets) {
    // Each sheet's bytes are dropped once read: memory holds one inflated sheet at a time.
    const bytes = zip.read(entry.part);
    const sheet = bytes ? readSheetXml(entry.name, bytes, entry.part, context) : undefined;
    if (!sheet) continue;
    resolveFormulasWithoutResult(sheet);
    budget.checkTime();
    sheets.push(sheet);
  }
  return { file, format: 'xlsx', sheets };
}
