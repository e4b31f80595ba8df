// Several workbooks → one book: locate tables on every sheet, read them, settle units, year and department.
import type { Book, BookTable, BookUnit, Notice } from '../../shared/book';
import { convertUnit, Dec, toCanonical, type MoneyUnit } from '../../shared/money';
import { substituteYear, type TemplateFamily } from '../../shared/template/types';
import { rowLabelKey } from '../../shared/text';
import { tableLabel } from '../../shared/labels';
import { fileLabel } from './file-label';
import { cellAddress, cellText, type SheetGrid, type WorkbookGrid } from './grid';
import { findTitles, looksLikeTitle, type TitleHit } from './locate';
import { readHeading } from './meta';
import { readTable, type TableRegion } from './read-table';
import { readWorkbook } from './read-workbook';
import { settleProjectTree } from './rows';
import { detectFamily, detectionNotices } from './detect';
import { attachPerformance, clipRegions, collectSheetForms, type PerformanceCollector } from './performance/book-hook';

export interface ImportResult {
  book: Book;
  notices: Notice[];
  /** Which template family was chosen and why (also the first notice). */
  detection: string;
}

export interface ImportOptions {
  /** Force a template family instead of choosing the one that recognises most tables. */
  familyId?: string;
  onProgress?: (message: string) => void;
}

export async function importWorkbooks(files: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const workbooks: WorkbookGrid[] = [];
  for (const file of files) {
    options.onProgress?.(`正在读取 ${fileLabel(file)}…`);
    workbooks.push(await readWorkbook(file));
  }
  return buildBook(workbooks, options);
}

export function buildBook(workbooks: readonly WorkbookGrid[], options: ImportOptions = {}): ImportResult {
  const titles = new Map<SheetGrid, Map<TemplateFamily, TitleHit[]>>();
  const titlesOf = (sheet: SheetGrid, family: TemplateFamily): TitleHit[] => {
    let byFamily = titles.get(sheet);
    if (!byFamily) titles.set(sheet, (byFamily = new Map()));
    let hits = byFamily.get(family);
    if (!hits) byFamily.set(family, (hits = findTitles(sheet, family)));
    return hits;
  };
  const detection = detectFamily(workbooks, titlesOf, options.familyId);
  const family = detection.family;
  const notices: Notice[] = detectionNotices(detection);
  const tables = new Map<string, BookTable>();
  const departments: { name: string; where: Notice }[] = [];
  const units: { unit: MoneyUnit; table: BookTable }[] = [];
  const years: { year: number; where: Notice }[] = [];
  const headings: { year: number; department?: string; where: Notice }[] = [];
  const performance: PerformanceCollector = { forms: [] };

  for (const workbook of workbooks) {
    for (const sheet of workbook.sheets) {
      const hits = titlesOf(sheet, family);
      const forms = collectSheetForms(performance, notices, workbook.file, sheet, hits.map((hit) => hit.row));
      const all = clipRegions(regionsOf(sheet, hits), forms);
      // Titles on consecutive lines with nothing under them are a table of contents (目录), not tables.
      const regions = all.filter((region) => region.endRow - region.titleRow > 1);
      if (regions.length < all.length) {
        notices.push({ level: '提示', file: fileLabel(workbook.file), sheet: sheet.name, message: `工作表「${sheet.name}」中的 ${all.length - regions.length} 个表名下面没有表格（如目录），已跳过。` });
      }
      if (all.length === 0) {
        if (forms.length === 0) notices.push(...unrecognisedSheetNotices(workbook.file, sheet, family));
        continue;
      }
      for (const region of regions) {
        const result = readTable(workbook.file, sheet, region, family);
        notices.push(...result.notices);
        if (!result.table) continue;
        const where: Notice = { level: '提示', message: '', file: fileLabel(workbook.file), sheet: sheet.name, cell: cellAddress(region.titleRow, 1) };
        const existing = tables.get(region.table.id);
        if (existing) {
          notices.push({ ...where, level: '警告', message: `${tableLabel(family, region.table.no)}在「${existing.source?.file ?? ''}」工作表「${existing.source?.sheet ?? ''}」中已导入，此处重复的表未导入。` });
          continue;
        }
        tables.set(region.table.id, result.table);
        if (result.department) departments.push({ name: result.department, where });
        if (region.year) years.push({ year: region.year, where });
        const heading = readHeading(sheet, region.titleRow, sheet.columnCount);
        if (heading) headings.push({ ...heading, where });
        const tableUnit = region.table.unit ?? family.unit;
        units.push({ unit: result.unit ?? tableUnit, table: result.table });
        if (!result.unit) notices.push({ ...where, message: `${tableLabel(family, region.table.no)}未注明金额单位，按模板默认「${tableUnit}」处理。` });
      }
    }
  }
  if (tables.size === 0) {
    notices.push({ level: '错误', message: `未在${workbooks.map((w) => `「${fileLabel(w.file)}」`).join('、')}中识别到模板「${family.name}」的任何预算表。` });
  }
  const bookUnit = majority(units.map((u) => u.unit)) ?? family.unit;
  for (const { unit, table } of units) if (unit !== bookUnit) convertTable(table, unit, bookUnit, notices, tableLabel(family, table.no));
  const orderedTables = [...tables.values()].sort((a, b) => a.no - b.no);
  // The department's name, strongest evidence first: the 部门名称/编制部门 lines, a heading above the titles, the
  // department row of a table that lists units by code (河南 "154 新乡市金融工作局"). Lines that only say "本级"
  // name no one, and give way to the others.
  const named = departments.filter((d) => !GENERIC_DEPARTMENT.test(d.name.trim()));
  const fromHeadings = headings.flatMap((h) => (h.department ? [{ name: h.department, where: h.where }] : []));
  const fromRows = orderedTables.flatMap((t) => t.rows.filter((r) => r.level === 'department' && r.code && !GENERIC_DEPARTMENT.test(r.name)).map((r) => ({ name: r.name, where: { level: '提示' as const, message: '', ...r.source } })));
  const department = settleDepartment([named, fromHeadings, fromRows, departments].find((list) => list.length > 0) ?? [], notices);
  // A heading's year counts only where no title prints one.
  const year = settleYear(years.length ? years : headings, notices);
  settleProjectTables(orderedTables, family, department);
  const bookUnits = collectUnits(orderedTables, department);
  for (const table of family.tables) {
    if (!tables.has(table.id)) notices.push({ level: '提示', message: `未找到${tableLabel(family, table.no)}「${year ? substituteYear(table.title, year) : table.title.replace('{year}年', '')}」。` });
  }
  const book: Book = {
    familyId: family.id,
    year: year ?? 0,
    department,
    unit: bookUnit,
    decimals: family.decimals,
    units: bookUnits,
    tables: orderedTables,
    sources: workbooks.map((w) => fileLabel(w.file)),
  };
  attachPerformance(book, performance, notices);
  return { book, notices, detection: detection.reason };
}

function regionsOf(sheet: SheetGrid, hits: TitleHit[]): TableRegion[] {
  return hits.map((hit, i) => ({
    table: hit.table,
    titleRow: hit.row,
    titleText: hit.text,
    endRow: (hits[i + 1]?.row ?? sheet.rowCount + 1) - 1,
    ...(hit.year ? { year: hit.year } : {}),
  }));
}

/** A sheet with no known table: say so, and name any title-like cell so the clerk sees what was not recognised. */
function unrecognisedSheetNotices(file: string, sheet: SheetGrid, family: TemplateFamily): Notice[] {
  const where = { file: fileLabel(file), sheet: sheet.name };
  for (let row = 1; row <= Math.min(sheet.rowCount, 6); row++) {
    for (let column = 1; column <= Math.min(sheet.columnCount, 10); column++) {
      const text = cellText(sheet, row, column).trim();
      if (text && looksLikeTitle(text)) {
        return [{ level: '警告', ...where, cell: cellAddress(row, column), message: `工作表「${sheet.name}」中的表格「${text}」不是模板「${family.name}」中的表，未导入。` }];
      }
    }
  }
  return [{ level: '提示', ...where, message: `工作表「${sheet.name}」中没有预算表（如填表说明、封面、目录），已跳过。` }];
}

function majority<T>(items: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function convertTable(table: BookTable, from: MoneyUnit, to: MoneyUnit, notices: Notice[], label: string): void {
  // 0.01 万元 is 100 元: the printed precision moves with the unit.
  const shift = from === to ? 0 : from === '万元' ? -4 : 4;
  for (const row of table.rows) {
    for (const amount of Object.values(row.values)) {
      amount.value = toCanonical(convertUnit(new Dec(amount.value), from, to));
      if (amount.decimals !== undefined) amount.decimals += shift;
    }
  }
  if (table.precision) for (const column of Object.keys(table.precision.decimals)) table.precision.decimals[column] = (table.precision.decimals[column] ?? 0) + shift;
  notices.push({ level: '提示', file: table.source?.file, sheet: table.source?.sheet, message: `${label}的金额单位为「${from}」，已按「${to}」精确换算（未做舍入）。` });
}

const DEPARTMENT_MARKER = /\s*[[【]部门[\]】]\s*$/;

/** Department lines that name no one: the department's own level, not its name. */
const GENERIC_DEPARTMENT = /^(本级|部门本级|本部门|本单位)$/;

/** Template placeholders left in a name ("上海市普陀区XX局"). */
const PLACEHOLDER = /XX|xx|××|＊＊|\*\*/;

function settleDepartment(found: { name: string; where: Notice }[], notices: Notice[]): string {
  const names = found.map((f) => f.name.replace(DEPARTMENT_MARKER, '').trim());
  const department = majority(names) ?? '';
  if (PLACEHOLDER.test(department)) notices.push({ level: '警告', message: `部门名称「${department}」中还留有模板占位符（XX），请改为实际名称。` });
  found.forEach((f, i) => {
    if (names[i] !== department) notices.push({ ...f.where, level: '警告', message: `此表的部门名称「${f.name}」与其他表（${department}）不一致。` });
  });
  return department;
}

function settleYear(found: { year: number; where: Notice }[], notices: Notice[]): number | undefined {
  const year = majority(found.map((f) => f.year));
  for (const f of found) if (f.year !== year) notices.push({ ...f.where, level: '警告', message: `此表标题中的年度 ${f.year} 与其他表（${year ?? ''}）不一致。` });
  return year;
}

/** Units named anywhere: 表十一's unit rows (administrative units) and the project tables' unit rows. */
function collectUnits(tables: BookTable[], department: string): BookUnit[] {
  const units = new Map<string, BookUnit>();
  const add = (name: string, administrative: boolean): void => {
    const existing = units.get(name);
    units.set(name, { name, kind: name === department ? '机关' : '下属单位', ...(administrative || existing?.administrative ? { administrative: true } : {}) });
  };
  if (department) add(department, false);
  for (const table of tables) {
    for (const row of table.rows) if (row.level === 'unit') add(row.name, table.tableId === 't11');
  }
  return [...units.values()];
}

/** Project-tree levels, settled again with what the other tables say: units they list, the department name. */
function settleProjectTables(tables: BookTable[], family: TemplateFamily, department: string): void {
  const listed = tables.flatMap((table) => table.rows.filter((row) => row.level === 'unit' && sideModel(family, table, row.side) !== 'projectTree'));
  const names = { units: new Set(listed.map((row) => rowLabelKey(row.name)).filter((key) => key !== rowLabelKey(department))), ...(department ? { department: rowLabelKey(department) } : {}) };
  for (const table of tables) {
    const def = family.tables.find((t) => t.id === table.tableId);
    for (const side of def?.sides ?? []) {
      if (side.rows.kind !== 'projectTree') continue;
      settleProjectTree(table.rows.filter((r) => r.side === side.id), side.rows, names);
    }
  }
}

function sideModel(family: TemplateFamily, table: BookTable, side: string): string | undefined {
  return family.tables.find((t) => t.id === table.tableId)?.sides.find((s) => s.id === side)?.rows.kind;
}
