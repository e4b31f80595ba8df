// The narrative sheets of a workbook: the 上海 templates keep the text beside the tables, one sheet per part
// (部门主要职能, 部门机构设置, 名词解释, 部门编制说明, 其他相关情况说明, 项目经费情况说明). Every sheet that holds no table
// of any known template is text; its cells are read row by row, left to right.
// Decisions: a cell's text is split at its line breaks (the templates keep a whole section in one cell, one item per
// line), each line a paragraph; the 封面 and 目录 sheets are not text of the narrative; every other text sheet is
// (部门主要职能 and 机构设置 too: the sheets are the narrative's parts, no extraction runs over them).
import { TEMPLATE_FAMILIES } from '../../../shared/template/registry';
import { compactText } from '../../../shared/narrative/extract';
import type { SheetGrid, WorkbookGrid } from '../grid';
import { findTitles } from '../locate';

const NOT_TEXT_SHEET = /^(?:封面|目录|填表说明)$/;

function holdsTable(sheet: SheetGrid): boolean {
  return TEMPLATE_FAMILIES.some((family) => findTitles(sheet, family).length > 0);
}

function sheetLines(sheet: SheetGrid): string[] {
  const lines: string[] = [];
  for (const row of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const cells = sheet.cells.get(row);
    if (!cells) continue;
    for (const column of [...cells.keys()].sort((a, b) => a - b)) {
      const value = cells.get(column)?.value;
      if (value === null || value === undefined) continue;
      for (const line of String(value).split(/\r\n?|\n/)) {
        const trimmed = line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
        if (trimmed) lines.push(trimmed);
      }
    }
  }
  return lines;
}

/** The paragraphs of the workbook's text sheets, in sheet order, and the names of the sheets they came from. */
export function sheetParagraphs(workbook: WorkbookGrid): { paragraphs: string[]; sheets: string[] } {
  const paragraphs: string[] = [];
  const sheets: string[] = [];
  for (const sheet of workbook.sheets) {
    if (NOT_TEXT_SHEET.test(compactText(sheet.name)) || holdsTable(sheet)) continue;
    const lines = sheetLines(sheet);
    if (lines.length === 0 || NOT_TEXT_SHEET.test(compactText(lines[0] ?? ''))) continue;
    paragraphs.push(...lines);
    sheets.push(sheet.name);
  }
  return { paragraphs, sheets };
}
