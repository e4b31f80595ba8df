// A row of a form as the non-empty cells it prints, left to right: forms are read by what the cells say, never by
// fixed positions (the same form comes shifted by a column or two from one row to the next).
import type { Notice } from '../../../shared/book';
import { fileLabel } from '../file-label';
import { cellAddress, type SheetGrid } from '../grid';

export interface Token {
  row: number;
  column: number;
  /** The cell as text, trimmed. */
  text: string;
  /** The cell as stored: amounts are read from the number itself, not from its text. */
  value: string | number;
}

export function rowTokens(sheet: SheetGrid, row: number): Token[] {
  const cells = sheet.cells.get(row);
  if (!cells) return [];
  const tokens: Token[] = [];
  for (const [column, cell] of cells) {
    const value = cell.value;
    if (value === null || value === undefined) continue;
    const text = (typeof value === 'number' ? String(value) : value).trim();
    if (text) tokens.push({ row, column, text, value });
  }
  return tokens.sort((a, b) => a.column - b.column);
}

/** The sheet's rows that hold anything, between first and last (inclusive), in order. */
export function rowsBetween(sheet: SheetGrid, first: number, last: number): number[] {
  return [...sheet.cells.keys()].filter((row) => row >= first && row <= last).sort((a, b) => a - b);
}

/** Where a notice points: the file by its name, the sheet, and a cell. */
export interface Place {
  file: string;
  sheet: SheetGrid;
}

export function noticeAt(place: Place, level: Notice['level'], row: number | undefined, column: number | undefined, message: string): Notice {
  const notice: Notice = { level, file: fileLabel(place.file), sheet: place.sheet.name, message };
  if (row !== undefined && column !== undefined) notice.cell = cellAddress(row, column);
  return notice;
}

/** 「文件」工作表「表」单元格 B7, for messages that name the place in their text. */
export function placeText(place: Place, row: number, column: number): string {
  return `「${fileLabel(place.file)}」工作表「${place.sheet.name}」单元格 ${cellAddress(row, column)}`;
}
