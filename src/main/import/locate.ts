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

interface TitleCandidate {
  row: number;
  column: number;
  value: string;
}

/** Cells that could be a title (text naming a 表), in row then column order; computed once per sheet, not per family. */
const candidatesOf = new WeakMap<SheetGrid, TitleCandidate[]>();

function titleCandidates(sheet: SheetGrid): TitleCandidate[] {
  const cached = candidatesOf.get(sheet);
  if (cached) return cached;
  const found: TitleCandidate[] = [];
  for (const row of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const cells = sheet.cells.get(row);
    if (!cells) continue;
    for (const column of [...cells.keys()].sort((a, b) => a - b)) {
      const value = cells.get(column)?.value;
      if (typeof value === 'string' && value.length <= 80 && value.includes('表')) found.push({ row, column, value });
    }
  }
  candidatesOf.set(sheet, found);
  return found;
}

export function findTitles(sheet: SheetGrid, family: TemplateFamily): TitleHit[] {
  const hits: TitleHit[] = [];
  let lastRow = 0;
  for (const { row, column, value } of titleCandidates(sheet)) {
    if (row === lastRow) continue; // one title per row
    const table = matchTitle(value, family);
    if (!table) continue;
    const year = /(\d{4})\s*年/.exec(value);
    hits.push({ table, row, column, text: value.trim(), ...(year ? { year: Number(year[1]) } : {}) });
    lastRow = row;
  }
  return hits;
}

/** A cell that reads like some table's title ("…2026年…表") even if no known template has it. */
export function looksLikeTitle(text: string): boolean {
  const compact = normaliseLabel(text);
  return compact.length <= 60 && /Y/.test(compact) && /表(\(.*\))?$/.test(compact) && !/目录|说明|…|\.\.\./.test(text);
}
