// Reads one recognised table region into a BookTable: header → column mapping → rows by the side's row model.
import type { BookAmount, BookRow, BookTable, Notice } from '../../shared/book';
import { MAX_AMOUNT_INTEGER_DIGITS, parseAmount, plainSpreadsheetNumber, toCanonical, withinAmountRange, type MoneyUnit } from '../../shared/money';
import type { ColumnDef, TableDef, TableSide, TemplateFamily } from '../../shared/template/types';
import { normaliseLabel } from '../../shared/text';
import { cellAddress, cellText, columnLetters, getCell, type SheetGrid } from './grid';
import { isColumnNumberRow, mapColumns, mappingScore, requiredColumnCount, type ColumnMapping } from './header';
import { readMeta } from './meta';
import { createRowReader, type RawRow } from './rows';
import { fileLabel } from './file-label';
import { PrecisionCollector } from './precision';
import { tableLabel } from '../../shared/labels';

export interface TableRegion {
  table: TableDef;
  titleRow: number;
  titleText: string;
  /** Last row that still belongs to this table (the next title is below it). */
  endRow: number;
  year?: number;
}

export interface ReadTableResult {
  table?: BookTable;
  department?: string;
  unit?: MoneyUnit;
  notices: Notice[];
}

// 5: the 决算 三公 table prints a blank row between its item labels and 预算数/决算数.
const MAX_HEADER_ROWS = 5;
const NOTE_PATTERN = /^(注|说明|备注)[:：]/;

export function readTable(file: string, sheet: SheetGrid, region: TableRegion, family: TemplateFamily): ReadTableResult {
  const notices: Notice[] = [];
  const where = { file: fileLabel(file), sheet: sheet.name };
  const label = tableLabel(family, region.table.no);
  const lastColumn = sheet.columnCount;
  const meta = readMeta(sheet, region.titleRow, lastColumn, family.departmentLabels);
  const headerTop = firstNonEmptyRow(sheet, meta.lastMetaRow + 1, region.endRow, lastColumn);
  if (headerTop === undefined) {
    notices.push({ level: '警告', ...where, cell: cellAddress(region.titleRow, 1), message: `${label}「${region.titleText}」标题下没有表头和数据，已跳过。` });
    return { notices };
  }
  const mapping = bestHeader(sheet, region.table, headerTop, region.endRow, lastColumn);
  const isLabel = (c: ColumnDef): boolean => c.kind === 'name' || c.kind === 'code';
  const labelColumnsFound = region.table.sides.every((side) => !side.columns.some(isLabel) || side.columns.some((c) => isLabel(c) && (mapping.columns.has(c.id) || mapping.codeParts.has(c.id))));
  if (!labelColumnsFound || mappingScore(mapping) < Math.ceil(requiredColumnCount(region.table) / 2)) {
    notices.push({
      level: '警告',
      ...where,
      cell: cellAddress(headerTop, 1),
      message: `找到标题「${region.titleText}」，但表头与模板${label}不符（只识别出 ${mappingScore(mapping)}/${requiredColumnCount(region.table)} 列），未导入该表。`,
    });
    return { notices };
  }
  for (const side of region.table.sides) {
    for (const column of side.columns) {
      if (!mapping.columns.has(column.id) && !mapping.codeParts.has(column.id)) {
        notices.push({ level: '提示', ...where, cell: cellAddress(headerTop, 1), message: `${label}缺少列「${column.label.replace('{year}', String(region.year ?? ''))}」，该列按空白处理。` });
      }
    }
  }
  for (const [column, text] of mapping.unmapped) {
    if (columnHasData(sheet, column, mapping.headerBottom + 1, region.endRow)) {
      notices.push({ level: '警告', ...where, cell: cellAddress(mapping.headerBottom, column), message: `${label}的列「${text}」不在模板中，该列数据未导入。` });
    }
  }

  const readers = region.table.sides.map((side) => ({ side, reader: createRowReader(side, region.table, notices, where, label) }));
  const precision = new PrecisionCollector();
  let emptyNote = false;
  const rows: BookRow[] = [];
  for (let row = mapping.headerBottom + 1; row <= region.endRow; row++) {
    const firstText = firstTextOfRow(sheet, row, lastColumn);
    if (firstText && NOTE_PATTERN.test(firstText.trim())) {
      // The 无数据 line may follow another note ("注：本表反映…" then "说明：…故本表无数据").
      emptyNote = notesSayEmpty(sheet, row, region.endRow, lastColumn);
      break;
    }
    if (isColumnNumberRow(sheet, row, lastColumn)) continue;
    for (const { side, reader } of readers) {
      const raw = rawRow(sheet, row, side, mapping, notices, where, label, precision);
      if (raw) {
        const bookRow = reader.read(raw);
        if (bookRow) rows.push(bookRow);
      }
    }
  }
  for (const { reader } of readers) reader.finish?.(rows);
  const table: BookTable = {
    tableId: region.table.id,
    no: region.table.no,
    title: region.titleText,
    emptyNote,
    source: { ...where, cell: cellAddress(region.titleRow, 1) },
    columnLetters: Object.fromEntries([...mapping.columns].map(([id, column]) => [id, columnLetters(column)])),
    rows,
  };
  const printed = precision.result((meta.unit ?? region.table.unit ?? family.unit) === '万元' ? family.decimals : 0);
  // A column mixing precisions is reported by the checker (rule kind printedPrecision), not here.
  if (printed) table.precision = printed;
  if (emptyNote && rows.some((r) => Object.keys(r.values).length > 0)) {
    notices.push({ level: '警告', ...where, message: `${label}注明「本表无数据」，但表内有金额。` });
  }
  return { table, ...(meta.department ? { department: meta.department } : {}), ...(meta.unit ? { unit: meta.unit } : {}), notices };
}

function firstNonEmptyRow(sheet: SheetGrid, from: number, to: number, lastColumn: number): number | undefined {
  for (let row = from; row <= to; row++) if (firstTextOfRow(sheet, row, lastColumn)) return row;
  return undefined;
}

function firstTextOfRow(sheet: SheetGrid, row: number, lastColumn: number): string | undefined {
  const cells = sheet.cells.get(row);
  if (!cells) return undefined;
  for (let column = 1; column <= lastColumn; column++) {
    const text = cellText(sheet, row, column).trim();
    if (text) return text;
  }
  return undefined;
}

function notesSayEmpty(sheet: SheetGrid, from: number, to: number, lastColumn: number): boolean {
  for (let row = from; row <= Math.min(to, from + 5); row++) if (/无数据|空表/.test(firstTextOfRow(sheet, row, lastColumn) ?? '')) return true;
  return false;
}

function columnHasData(sheet: SheetGrid, column: number, from: number, to: number): boolean {
  for (let row = from; row <= Math.min(to, from + 200); row++) if (cellText(sheet, row, column).trim()) return true;
  return false;
}

/**
 * How well a titled region's header fits the table's template header, 0…1: template columns found, over the
 * template's columns plus the header columns the template cannot explain (a 单位 收支总表's 人员经费/公用经费
 * do not fit the 部门 edition, although every 部门 column is found there too).
 */
export function headerFit(sheet: SheetGrid, region: TableRegion, family: TemplateFamily): number {
  const meta = readMeta(sheet, region.titleRow, sheet.columnCount, family.departmentLabels);
  const top = firstNonEmptyRow(sheet, meta.lastMetaRow + 1, region.endRow, sheet.columnCount);
  if (top === undefined) return 0;
  const mapping = bestHeader(sheet, region.table, top, region.endRow, sheet.columnCount);
  return mappingScore(mapping) / (requiredColumnCount(region.table) + mapping.unmapped.size);
}

/**
 * Tries header depths 1…4 and keeps the one that maps most template columns; on a tie, the one that leaves
 * fewer header columns unexplained (a 类 | 款 | 项 row under 科目编码 belongs to the header), then the shallowest.
 */
function bestHeader(sheet: SheetGrid, table: TableDef, top: number, endRow: number, lastColumn: number): ColumnMapping {
  let best: ColumnMapping | undefined;
  for (let depth = 1; depth <= MAX_HEADER_ROWS && top + depth - 1 <= endRow; depth++) {
    const mapping = mapColumns(sheet, table, top, top + depth - 1, lastColumn);
    const tie = best !== undefined && mappingScore(mapping) === mappingScore(best);
    const better =
      !best ||
      mappingScore(mapping) > mappingScore(best) ||
      (tie && mapping.unmapped.size < best.unmapped.size) ||
      // A 类 | 款 | 项 row under an unmerged 科目编码 label belongs to the header, not to the data.
      (tie && mapping.unmapped.size === best.unmapped.size && isCodePartRow(sheet, mapping.headerBottom, lastColumn));
    if (better) best = mapping;
  }
  return best ?? mapColumns(sheet, table, top, top, lastColumn);
}

function isCodePartRow(sheet: SheetGrid, row: number, lastColumn: number): boolean {
  const texts: string[] = [];
  for (let column = 1; column <= lastColumn; column++) {
    const text = normaliseLabel(cellText(sheet, row, column));
    if (text) texts.push(text);
  }
  return texts.length > 0 && texts.every((text) => text === '类' || text === '款' || text === '项');
}

/** Collects one side's cells of a sheet row; undefined when that side is empty on this row. */
function rawRow(
  sheet: SheetGrid,
  row: number,
  side: TableSide,
  mapping: ColumnMapping,
  notices: Notice[],
  where: { file: string; sheet: string },
  label: string,
  precision: PrecisionCollector,
): RawRow | undefined {
  const texts: Record<string, string> = {};
  const values: Record<string, BookAmount> = {};
  let firstColumn = Number.MAX_SAFE_INTEGER;
  let indent: number | undefined;
  for (const column of side.columns) {
    const parts = mapping.codeParts.get(column.id);
    if (parts) {
      const code = joinCodeParts(sheet, row, parts);
      if (code) texts[column.id] = code;
      firstColumn = Math.min(firstColumn, parts.class);
      continue;
    }
    const sheetColumn = mapping.columns.get(column.id);
    if (sheetColumn === undefined) continue;
    const cell = getCell(sheet, row, sheetColumn);
    if (column.kind !== 'amount') {
      const text = cellText(sheet, row, sheetColumn).replace(/[\r\n]+/g, '').trim();
      if (text) {
        texts[column.id] = text;
        if (cell?.indent && indent === undefined) indent = cell.indent;
      }
      firstColumn = Math.min(firstColumn, sheetColumn);
      continue;
    }
    if (!cell) continue;
    const address = cellAddress(row, sheetColumn);
    if (cell.error) {
      notices.push({ level: '警告', ...where, cell: address, message: `${label}单元格 ${address} 是错误值 ${cell.error}，按空白处理。` });
      continue;
    }
    if (cell.formulaWithoutResult) {
      notices.push({ level: '警告', ...where, cell: address, message: `${label}单元格 ${address} 是公式「=${cell.formula ?? ''}」，文件中没有计算结果且无法计算，按空白处理。请在 Excel 中打开并保存后重新导入。` });
      continue;
    }
    const fast = typeof cell.value === 'number' ? plainSpreadsheetNumber(cell.value) : undefined;
    let text: string;
    let zero: boolean;
    if (fast !== undefined) {
      text = fast;
      zero = cell.value === 0;
    } else {
      const parsed = parseAmount(cell.value);
      if (parsed.kind === 'invalid') {
        notices.push({ level: '警告', ...where, cell: address, message: `${label}单元格 ${address} 的内容「${parsed.text}」不是金额，已忽略（应为数字，如 1,234.56）。` });
        continue;
      }
      if (parsed.kind === 'blank') continue;
      if (!withinAmountRange(parsed.value)) {
        const shown = typeof cell.value === 'string' && cell.value.length <= 40 ? cell.value : `${String(cell.value).slice(0, 20)}…`;
        notices.push({ level: '警告', ...where, cell: address, message: `${label}单元格 ${address} 的金额「${shown}」超出合理范围（整数部分至多 ${MAX_AMOUNT_INTEGER_DIGITS} 位），已忽略。` });
        continue;
      }
      text = toCanonical(parsed.value);
      zero = parsed.value.isZero();
    }
    const decimals = precision.see(column.id, cell, zero);
    // Built field by field: object spreads in this loop (one per figure) were a third of the import's time.
    const amount: BookAmount = { value: text, source: { file: where.file, sheet: where.sheet, cell: address } };
    if (cell.formula) amount.fromFormula = true;
    if (decimals !== undefined) amount.decimals = decimals;
    values[column.id] = amount;
  }
  if (Object.keys(texts).length === 0 && Object.keys(values).length === 0) return undefined;
  return {
    sheetRow: row,
    texts,
    values,
    source: { ...where, cell: cellAddress(row, firstColumn === Number.MAX_SAFE_INTEGER ? 1 : firstColumn) },
    ...(indent !== undefined ? { indent } : {}),
  };
}

function joinCodeParts(sheet: SheetGrid, row: number, parts: { class: number; section?: number; item?: number }): string {
  const read = (column: number | undefined, digits: number): string => {
    if (column === undefined) return '';
    const text = normaliseLabel(cellText(sheet, row, column));
    if (!/^\d+$/.test(text)) return text ? '?' : '';
    return text.padStart(digits, '0');
  };
  // A label in the 类 cell (合计 spanning the code cells) is the row's label, not a broken code.
  const classText = normaliseLabel(cellText(sheet, row, parts.class));
  if (classText && !/^\d+$/.test(classText)) return cellText(sheet, row, parts.class).trim();
  const cls = read(parts.class, 3);
  const section = read(parts.section, 2);
  const item = read(parts.item, 2);
  if (!cls) return '';
  return `${cls}${section}${section ? item : ''}`;
}
