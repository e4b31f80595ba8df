// One worksheet part → SheetGrid. Only sheetData and mergeCells are read; data validations, conditional formats and
// everything else are skipped unread, so a range such as sqref="A1:XFD1048576" costs nothing.
import { formatDecimals } from '../../../shared/number-format';
import { ImportError, IMPORT_LIMITS } from '../errors';
import { fileLabel } from '../file-label';
import { dateText, emptySheet, parseAddress, type GridCell, type SheetGrid } from '../grid';
import { parseMergeRef } from '../merge-ref';
import type { ReadBudget } from './limits';
import { isDateFormat, serialToDate } from './number-formats';
import { translateSharedFormula } from './shared-formula';
import type { CellFormat } from './workbook-parts';
import { decodeOoxmlEscapes, scanXml, type XmlHandler } from './xml';

export interface SheetContext {
  sharedStrings: string[];
  formats: CellFormat[];
  date1904: boolean;
  budget: ReadBudget;
  /** Cells with data read so far in the whole workbook (the cell limit is per workbook). */
  cellCount: { value: number };
}

interface PendingCell {
  row: number;
  column: number;
  type: string;
  style: number;
  value?: string;
  formula?: string;
  inlineText?: string[];
}

interface SharedFormula {
  formula: string;
  row: number;
  column: number;
}

/** Merge work (rows and cells visited while clearing merged cells) beyond which the sheet is refused. */
const MAX_MERGE_ROWS_VISITED = 5_000_000;

export function readSheetXml(name: string, bytes: Buffer, part: string, context: SheetContext): SheetGrid {
  const { budget } = context;
  const sheet = emptySheet(name);
  const shared = new Map<string, SharedFormula>();
  const mergeRefs: string[] = [];
  let row = 0;
  let column = 0;
  let cell: PendingCell | undefined;
  /** What text is being collected: a value, a formula, inline string text, or nothing. */
  let collecting: 'v' | 'f' | 't' | undefined;
  let phoneticDepth = 0;
  let sharedFormulaId: string | undefined;
  let sharedFormulaAnchor = false;
  let text: string[] = [];

  const handler: XmlHandler = {
    get wantsText() {
      return collecting !== undefined && phoneticDepth === 0;
    },
    open(tag, a) {
      switch (tag) {
        case 'row':
          row = a.r !== undefined ? Number(a.r) : row + 1;
          column = 0;
          break;
        case 'c': {
          const at = a.r !== undefined ? parseAddress(a.r) : undefined;
          if (at) {
            row = at.row;
            column = at.column;
          } else {
            column += 1;
          }
          cell = { row, column, type: a.t ?? 'n', style: Number(a.s ?? 0) };
          break;
        }
        case 'v':
        case 'f':
          if (!cell) break;
          collecting = tag;
          text = [];
          if (tag === 'f') {
            sharedFormulaId = a.t === 'shared' ? a.si : undefined;
            sharedFormulaAnchor = a.ref !== undefined;
          }
          break;
        case 'is':
          if (cell) cell.inlineText = [];
          break;
        case 't':
          if (cell?.inlineText) {
            collecting = 't';
            text = [];
          }
          break;
        case 'rPh':
          phoneticDepth++;
          break;
        case 'mergeCell':
          if (a.ref) {
            if (mergeRefs.length >= budget.limits.merges) budget.refuse('合并单元格数', budget.limits.merges, name);
            mergeRefs.push(a.ref);
          }
          break;
      }
    },
    close(tag) {
      switch (tag) {
        case 'v':
          if (cell && collecting === 'v') cell.value = text.join('');
          collecting = undefined;
          break;
        case 'f':
          if (cell && collecting === 'f') cell.formula = formulaOf(text.join(''), cell, shared, sharedFormulaId, sharedFormulaAnchor);
          collecting = undefined;
          break;
        case 't':
          if (cell?.inlineText && collecting === 't') cell.inlineText.push(text.join(''));
          collecting = undefined;
          break;
        case 'rPh':
          phoneticDepth--;
          break;
        case 'c':
          if (cell) placeCell(sheet, cell, context);
          cell = undefined;
          break;
      }
    },
    text(chunk) {
      text.push(chunk);
    },
  };
  scanXml(bytes, part, budget, handler);
  applyMerges(sheet, mergeRefs, budget);
  return sheet;
}

function formulaOf(written: string, cell: PendingCell, shared: Map<string, SharedFormula>, id: string | undefined, anchor: boolean): string {
  if (id === undefined) return written;
  if (anchor || (written && !shared.has(id))) {
    shared.set(id, { formula: written, row: cell.row, column: cell.column });
    return written;
  }
  const master = shared.get(id);
  return master ? translateSharedFormula(master.formula, cell.row - master.row, cell.column - master.column) : written;
}

function placeCell(sheet: SheetGrid, pending: PendingCell, context: SheetContext): void {
  const format = context.formats[pending.style];
  const gridCell = toGridCell(pending, format, context);
  if (!gridCell) return;
  const { budget } = context;
  if (pending.row > IMPORT_LIMITS.maxRows || pending.column > IMPORT_LIMITS.maxColumns || pending.row < 1 || pending.column < 1) {
    throw new ImportError(
      `「${fileLabel(budget.file)}」的工作表「${sheet.name}」数据范围过大（${Math.max(pending.row, sheet.rowCount)} 行 × ${Math.max(pending.column, sheet.columnCount)} 列），超过 ${IMPORT_LIMITS.maxRows} 行 × ${IMPORT_LIMITS.maxColumns} 列的上限。请删除多余的行列后再导入。`,
      budget.file,
      sheet.name,
    );
  }
  if (++context.cellCount.value > IMPORT_LIMITS.maxCells) budget.refuse('非空单元格数', IMPORT_LIMITS.maxCells);
  if (format?.indent) gridCell.indent = format.indent;
  if (typeof gridCell.value === 'number') {
    const decimals = formatDecimals(format?.numberFormat);
    if (decimals !== undefined) gridCell.decimals = decimals;
  }
  let cells = sheet.cells.get(pending.row);
  if (!cells) {
    cells = new Map();
    sheet.cells.set(pending.row, cells);
  }
  cells.set(pending.column, gridCell);
  if (pending.row > sheet.rowCount) sheet.rowCount = pending.row;
  if (pending.column > sheet.columnCount) sheet.columnCount = pending.column;
}

/** A cell's stored value as the grid holds it: text, number, date text, TRUE/FALSE or an error. */
function typedValue(pending: PendingCell, raw: string, format: CellFormat | undefined, context: SheetContext): Pick<GridCell, 'value' | 'error'> {
  switch (pending.type) {
    case 's': {
      const text = context.sharedStrings[Number(raw)];
      return { value: text ?? '' };
    }
    case 'str':
    case 'inlineStr':
      return { value: decodeOoxmlEscapes(raw) };
    case 'b':
      return { value: raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE' };
    case 'e':
      return { value: null, error: raw };
    case 'd':
      return { value: dateText(new Date(raw)) };
    default: {
      const number = Number(raw.trim());
      // A number part that is not a number is kept as written, so the importer names the cell.
      if (raw.trim() === '' || !Number.isFinite(number)) return { value: raw };
      if (isDateFormat(format?.numberFormat)) return { value: dateText(serialToDate(number, context.date1904)) };
      return { value: number };
    }
  }
}

function toGridCell(pending: PendingCell, format: CellFormat | undefined, context: SheetContext): GridCell | undefined {
  const raw = pending.inlineText ? pending.inlineText.join('') : pending.value;
  if (pending.formula !== undefined) {
    if (raw === undefined) return { value: null, formula: pending.formula, formulaWithoutResult: true };
    return { ...typedValue(pending, raw, format, context), formula: pending.formula };
  }
  if (raw === undefined) return undefined;
  const plain = typedValue(pending, raw, format, context);
  if (plain.value === null && !plain.error) return undefined;
  return plain;
}

/**
 * Every cell inside a merge other than its top-left one is cleared, as Excel shows it. The walk is clipped to the
 * used area (B30:B1048576 covers nothing past the last used row) and to the row's own cells; the merges themselves
 * are kept as written, for point lookups only.
 */
function applyMerges(sheet: SheetGrid, refs: string[], budget: ReadBudget): void {
  let visited = 0;
  let cleared = false;
  for (const ref of refs) {
    const range = parseMergeRef(ref);
    if (!range) continue;
    sheet.merges.push(range);
    const bottom = Math.min(range.bottom, sheet.rowCount);
    for (let r = range.top; r <= bottom; r++) {
      if (++visited > MAX_MERGE_ROWS_VISITED) budget.refuse('合并单元格覆盖的范围', MAX_MERGE_ROWS_VISITED, sheet.name);
      const cells = sheet.cells.get(r);
      if (!cells) continue;
      // Walk whichever is shorter: the merge's columns or the row's cells.
      const columns = range.right - range.left + 1 <= cells.size ? rangeColumns(range.left, range.right) : [...cells.keys()];
      visited += columns.length;
      for (const c of columns) {
        if (c >= range.left && c <= range.right && (r !== range.top || c !== range.left) && cells.delete(c)) cleared = true;
      }
      if (cells.size === 0) sheet.cells.delete(r);
    }
  }
  if (cleared) recountExtent(sheet);
}

function rangeColumns(left: number, right: number): number[] {
  const columns: number[] = [];
  for (let c = left; c <= right; c++) columns.push(c);
  return columns;
}

function recountExtent(sheet: SheetGrid): void {
  sheet.rowCount = 0;
  sheet.columnCount = 0;
  for (const [r, cells] of sheet.cells) {
    if (r > sheet.rowCount) sheet.rowCount = r;
    for (const c of cells.keys()) if (c > sheet.columnCount) sheet.columnCount = c;
  }
}
