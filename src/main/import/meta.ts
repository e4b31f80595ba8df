// The lines between a title and its header: 部门名称 / 编制部门 and 单位.
import { parseUnitLabel, type MoneyUnit } from '../../shared/money';
import { normaliseLabel } from '../../shared/text';
import { cellText, type SheetGrid } from './grid';

export interface TableMeta {
  department?: string;
  unit?: MoneyUnit;
  /** Rows consumed by meta lines (the header starts after the last one). */
  lastMetaRow: number;
}

const UNIT_PATTERN = /(金额)?单位[:：]/;

function rowTexts(sheet: SheetGrid, row: number, lastColumn: number): string[] {
  const texts: string[] = [];
  for (let column = 1; column <= lastColumn; column++) {
    const text = cellText(sheet, row, column).trim();
    if (text) texts.push(text);
  }
  return texts;
}

/** Reads meta lines directly under the title (at most 3 rows; they never hold header labels). */
export function readMeta(sheet: SheetGrid, titleRow: number, lastColumn: number, departmentLabels: readonly string[]): TableMeta {
  const meta: TableMeta = { lastMetaRow: titleRow };
  const labelPattern = new RegExp(`(${departmentLabels.join('|')})\\s*[:：]\\s*`);
  for (let row = titleRow; row <= titleRow + 3; row++) {
    const texts = rowTexts(sheet, row, lastColumn);
    if (texts.length === 0) {
      if (row > titleRow) meta.lastMetaRow = row;
      continue;
    }
    const joined = texts.join(' ');
    let isMeta = false;
    const unit = parseUnitLabel(joined);
    if (unit && UNIT_PATTERN.test(toCompact(joined))) {
      meta.unit = unit;
      isMeta = true;
    }
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i] ?? '';
      const match = labelPattern.exec(text);
      if (!match) continue;
      isMeta = true;
      let name = text.slice((match.index ?? 0) + match[0].length);
      // The name may follow in the next cell ("编制部门：" | "XX局"), or be cut off by the unit label.
      if (!name.trim() && texts[i + 1] && !UNIT_PATTERN.test(texts[i + 1] ?? '')) name = texts[i + 1] ?? '';
      name = name.replace(/(金额)?单位[:：][\s\S]*$/, '').replace(/[\r\n]+/g, '').trim();
      if (name) meta.department = name;
    }
    if (row > titleRow && !isMeta) break;
    if (isMeta) meta.lastMetaRow = row;
  }
  return meta;
}

function toCompact(text: string): string {
  return normaliseLabel(text);
}

export interface Heading {
  year: number;
  department?: string;
}

/** "上海市普陀区财政局2024年度部门决算表": a document heading naming department and year. */
const HEADING = /^(.*?)\s*(\d{4})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)(?:公开)?表?$/;

/**
 * A heading in the few rows above a title (决算 print department and year there, not in the titles). It is
 * weaker evidence than a year in the title or a 部门名称 line, and the importer uses it only without them.
 */
export function readHeading(sheet: SheetGrid, titleRow: number, lastColumn: number): Heading | undefined {
  for (let row = titleRow - 1; row >= Math.max(1, titleRow - 3); row--) {
    for (const text of rowTexts(sheet, row, lastColumn)) {
      const match = HEADING.exec(text.replace(/\s+/g, ' ').trim());
      if (!match) continue;
      const department = (match[1] ?? '').trim();
      return { year: Number(match[2]), ...(department.length >= 2 ? { department } : {}) };
    }
  }
  return undefined;
}
