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
