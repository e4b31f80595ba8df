// Finds tables by their title text anywhere on a sheet — never by sheet name or position.
import type { TableDef, TemplateFamily } from '../../shared/template/types';
import { normaliseLabel } from '../../shared/text';
import type { SheetGrid } from './grid';

export interface TitleHit {
  table: TableDef;
  row: number;
  column: number;
  text: string;
  year?: number;
}

/** Prefixes real files put before a title: "表一", "预算公开表1", "部门公开表9", "附表3：". */
const TITLE_PREFIX = /^(?:预算公开表|部门公开表|公开表|附表|表)[\d一二三四五六七八九十]+[、.:：\-]?/;

interface TitleKey {
  table: TableDef;
  key: string;
}

/** Title keys are built once per family: matching runs for every text cell of every sheet. */
const keysByFamily = new WeakMap<TemplateFamily, TitleKey[]>();

function titleKeys(family: TemplateFamily): TitleKey[] {
  const cached = keysByFamily.get(family);
  if (cached) return cached;
  const keys: TitleKey[] = [];
  for (const table of family.tables) {
    for (const title of [table.title, ...(table.titleAliases ?? [])]) {
      const withYear = normaliseLabel(title.replace(/\{year\}/g, '2000'));
      keys.push({ table, key: withYear });
      // Titles printed without the year still name the table.
      keys.push({ table, key: withYear.replace(/^Y/, '') });
    }
  }
  // Longest first: "…支出预算表(不含上年结转)" must win over a shorter title it ends with.
  keys.sort((a, b) => b.key.length - a.key.length);
  keysByFamily.set(family, keys);
  return keys;
}

export function matchTitle(text: string, family: TemplateFamily): TableDef | undefined {
  // Every title names a 表; most cells (amounts, item names) are rejected without normalising.
  if (text.length > 80 || !text.includes('表')) return undefined;
  const normalised = normaliseLabel(text).replace(TITLE_PREFIX, '');
  for (const { table, key } of titleKeys(family)) {
    if (key.length >= 4 && normalised.endsWith(key)) return table;
  }
  return undefined;
}

export function findTitles(sheet: SheetGrid, family: TemplateFamily): TitleHit[] {
  const hits: TitleHit[] = [];
  const rows = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const cells = sheet.cells.get(row);
    if (!cells) continue;
    const columns = [...cells.keys()].sort((a, b) => a - b);
    for (const column of columns) {
      const value = cells.get(column)?.value;
      if (typeof value !== 'string') continue;
      const table = matchTitle(value, family);
      if (!table) continue;
      const year = /(\d{4})\s*年/.exec(value);
      hits.push({ table, row, column, text: value.trim(), ...(year ? { year: Number(year[1]) } : {}) });
      break; // one title per row
    }
  }
  return hits;
}

/** A cell that reads like some table's title ("…2026年…表") even if no known template has it. */
export function looksLikeTitle(text: string): boolean {
  const compact = normaliseLabel(text);
  return compact.length <= 60 && /Y/.test(compact) && /表(\(.*\))?$/.test(compact) && !/目录|说明|…|\.\.\./.test(text);
}
