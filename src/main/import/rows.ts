// Row models: turn a sheet row's label texts into a keyed BookRow, one reader per kind of row model.
import type { BookAmount, BookRow, Notice, RowLevel, SourceRef } from '../../shared/book';
import { codeLengthsText, defaultCatalogue, levelOfCode } from '../../shared/catalogue';
import type { FixedRowDef, LabelSpec, RowModel, TableDef, TableSide } from '../../shared/template/types';
import { labelsOf, primaryLabel } from '../../shared/template/types';
import { cleanText, rowLabelKey } from '../../shared/text';
import { decideTreeLevels, firstRowIsTotal } from './tree-levels';

export interface RawRow {
  sheetRow: number;
  /** label texts by template column id (code, name, govName …) */
  texts: Record<string, string>;
  values: Record<string, BookAmount>;
  source: SourceRef;
  indent?: number;
}

export interface RowReader {
  read(raw: RawRow): BookRow | undefined;
  /** Runs after all rows of the table are read (e.g. to settle project-tree levels). */
  finish?(rows: BookRow[]): void;
}

type Where = { file: string; sheet: string };

/** `label` names the table in notices (表一 or 表1, src/shared/labels.ts). */
export function createRowReader(side: TableSide, table: TableDef, notices: Notice[], where: Where, label: string): RowReader {
  const context: ReaderContext = { side, table, label, notices, where, keys: new Map() };
  return noteTextColumns(modelReader(side.rows, context), context);
}

function modelReader(model: RowModel, context: ReaderContext): RowReader {
  switch (model.kind) {
    case 'fixed':
      return fixedReader(model.rows, context);
    case 'codedTree':
      return codedTreeReader(model, context);
    case 'economicPairs':
      return economicPairsReader(model, context);
    case 'unitList':
      return unitListReader(model, context);
    case 'projectTree':
      return projectTreeReader(model, context);
  }
}

/** `text` columns (河南 项目支出表 类型) are printed but not held in the book: say so once per table. */
function noteTextColumns(reader: RowReader, context: ReaderContext): RowReader {
  const columns = context.side.columns.filter((c) => c.kind === 'text');
  if (columns.length === 0) return reader;
  let noted = false;
  return {
    read(raw) {
      const example = columns.map((c) => raw.texts[c.id]).find(Boolean);
      if (!noted && example) {
        noted = true;
        const labels = columns.map((c) => `「${c.label}」`).join('、');
        context.notices.push({ level: '提示', ...context.where, cell: raw.source.cell, message: `${context.label}${labels}列的文字（如「${cleanText(example)}」）不保存，导出时该列留空。` });
      }
      return reader.read(raw);
    },
    ...(reader.finish ? { finish: (rows: BookRow[]) => reader.finish?.(rows) } : {}),
  };
}

interface ReaderContext {
  side: TableSide;
  table: TableDef;
  label: string;
  notices: Notice[];
  where: Where;
  keys: Map<string, number>;
}

function columnOfKind(side: TableSide, kind: 'code' | 'name' | 'govName' | 'govCode' | 'unitCode' | 'unitName'): string | undefined {
  return side.columns.find((c) => c.kind === kind)?.id;
}

const compactCode = (text: string | undefined): string => (text ?? '').replace(/\s+/g, '').replace(/\.0+$/, '');

/**
 * Unit rows that carry a 部门（单位）代码 (河南 "154 新乡市金融工作局", "154001 …"): the rows below one belong to it
 * until the next. A unit whose code extends an earlier one's (154 → 154001) sits under it; the others are
 * departments. Keys of rows under a unit carry its code, so one 科目 under two units stays two rows.
 */
class UnitRows {
  private readonly codes: string[] = [];
  private current: string | undefined;

  enter(code: string): { level: RowLevel; key: string } {
    const level: RowLevel = this.codes.some((c) => c !== code && code.startsWith(c)) ? 'unit' : 'department';
    this.codes.push(code);
    this.current = code;
    return { level, key: `unit:${code}` };
  }

  keyOf(key: string): string {
    return this.current ? `${this.current}/${key}` : key;
  }
}

/** Keys are unique per table side; a repeated key gets "#2", "#3" and a notice. */
function uniqueKey(context: ReaderContext, key: string, raw: RawRow, what: string): string {
  const seen = context.keys.get(key) ?? 0;
  context.keys.set(key, seen + 1);
  if (seen === 0) return key;
  context.notices.push({ level: '警告', ...context.where, cell: raw.source.cell, message: `${context.label}中${what}重复出现（第 ${seen + 1} 次），已作为单独一行导入，请核对。` });
  return `${key}#${seen + 1}`;
}

function makeRow(context: ReaderContext, raw: RawRow, fields: Omit<BookRow, 'side' | 'values' | 'source'>): BookRow {
  return { ...fields, side: context.side.id, values: raw.values, source: raw.source };
}

function unmapped(context: ReaderContext, raw: RawRow, reason: string): undefined {
  const amounts = Object.keys(raw.values).length;
  context.notices.push({
    level: amounts > 0 ? '警告' : '提示',
    ...context.where,
    cell: raw.source.cell,
    message: `${context.label}第 ${raw.sheetRow} 行${reason}${amounts > 0 ? `，该行 ${amounts} 个金额未导入` : '，已跳过'}。`,
  });
  return undefined;
}

const matchesAny = (text: string, spec: LabelSpec): boolean =>
  labelsOf(spec).some((label) => rowLabelKey(label) === rowLabelKey(text));

function labelText(context: ReaderContext, raw: RawRow): string {
  const nameColumn = columnOfKind(context.side, 'name');
  const codeColumn = columnOfKind(context.side, 'code');
  return (nameColumn && raw.texts[nameColumn]) || (codeColumn && raw.texts[codeColumn]) || '';
}

/** Fixed rows match by label in template order, so repeated labels (表四's two "一般公共预算") land right. */
function fixedReader(defs: readonly FixedRowDef[], context: ReaderContext): RowReader {
  let next = 0;
  const assigned = new Set<string>();
  // A side without a label column (the one-line 三公 tables) takes its rows in template order.
  const positional = !context.side.columns.some((c) => c.kind === 'name' || c.kind === 'code');
  return {
    read(raw) {
      if (positional) {
        const def = defs[next];
        if (!def) return unmapped(context, raw, '超出模板的行数');
        next++;
        return makeRow(context, raw, { key: def.id, level: def.computed ? 'total' : 'fixed', name: primaryLabel(def.label) });
      }
      const text = labelText(context, raw);
      if (!text) return unmapped(context, raw, '没有项目名称');
      const matches = (def: FixedRowDef): boolean => !assigned.has(def.id) && matchesAny(text, def.label);
      let index = defs.findIndex((def, i) => i >= next && matches(def));
      if (index < 0) index = defs.findIndex(matches);
      const def = index >= 0 ? defs[index] : undefined;
      if (!def) return unmapped(context, raw, `的项目「${cleanText(text)}」不在模板中`);
      next = index + 1;
      assigned.add(def.id);
      return makeRow(context, raw, { key: def.id, level: def.computed ? 'total' : 'fixed', name: cleanText(text), ...(def.code ? { code: def.code } : {}) });
    },
  };
}

function codedTreeReader(model: Extract<RowModel, { kind: 'codedTree' }>, context: ReaderContext): RowReader {
  const codeColumn = columnOfKind(context.side, 'code') ?? 'code';
  const nameColumn = columnOfKind(context.side, 'name') ?? 'name';
  const unitCodeColumn = columnOfKind(context.side, 'unitCode');
  const catalogue = defaultCatalogue();
  const units = new UnitRows();
  return {
    read(raw) {
      let code = (raw.texts[codeColumn] ?? '').replace(/\s+/g, '');
      let name = cleanText(raw.texts[nameColumn] ?? '');
      if (matchesAny(code, model.totalLabel) || (!code && matchesAny(name, model.totalLabel))) {
        return makeRow(context, raw, { key: 'total', level: 'total', name: '合计' });
      }
      const unitCode = unitCodeColumn ? compactCode(raw.texts[unitCodeColumn]) : '';
      if (unitCode && !code) {
        const unit = units.enter(unitCode);
        return makeRow(context, raw, { key: uniqueKey(context, unit.key, raw, `单位代码 ${unitCode}`), level: unit.level, code: unitCode, name });
      }
      // "201 一般公共服务支出" in one cell.
      const combined = /^(\d{3,9})\s*(\D.*)$/.exec(code || name);
      if (combined && (!name || !code)) {
        code = combined[1] ?? '';
        name = name || cleanText(combined[2] ?? '');
      }
      code = code.replace(/\.0+$/, '');
      if (!code) {
        const byName = name ? catalogue.findByName(model.classification, name) : [];
        if (byName.length !== 1 || !byName[0]) return unmapped(context, raw, `缺少科目编码（科目名称「${name}」）`);
        code = byName[0].code;
        context.notices.push({ level: '提示', ...context.where, cell: raw.source.cell, message: `${context.label}第 ${raw.sheetRow} 行缺少科目编码，已按科目名称「${name}」补为 ${code}。` });
      }
      if (!/^\d+$/.test(code)) return unmapped(context, raw, `的科目编码「${code}」不是数字编码`);
      const level = levelOfCode(model.classification, code);
      if (!level) {
        context.notices.push({ level: '警告', ...context.where, cell: raw.source.cell, message: `${context.label}第 ${raw.sheetRow} 行科目编码「${code}」位数不对（${codeLengthsText(model.classification)}）。` });
      }
      if (!name) name = catalogue.get(model.classification, code)?.name ?? '';
      return makeRow(context, raw, { key: uniqueKey(context, units.keyOf(code), raw, `科目编码 ${code}`), level: level ?? 'item', code, name });
    },
  };
}

function economicPairsReader(model: Extract<RowModel, { kind: 'economicPairs' }>, context: ReaderContext): RowReader {
  const deptColumn = columnOfKind(context.side, 'name') ?? 'deptName';
  const govColumn = columnOfKind(context.side, 'govName') ?? 'govName';
  const deptCodeColumn = columnOfKind(context.side, 'code');
  const govCodeColumn = columnOfKind(context.side, 'govCode');
  const catalogue = defaultCatalogue();
  const units = new UnitRows();
  let currentClass: string | undefined;
  return {
    read(raw) {
      const deptName = cleanText(raw.texts[deptColumn] ?? '');
      const govName = cleanText(raw.texts[govColumn] ?? '');
      // Printed codes (河南 类|款 cells) win over names looked up in the catalogue.
      const deptCode = deptCodeColumn ? compactCode(raw.texts[deptCodeColumn]) : '';
      const govCode = govCodeColumn ? compactCode(raw.texts[govCodeColumn]) : '';
      if (!deptName && !govName && !deptCode) return unmapped(context, raw, '没有经济科目名称');
      if (matchesAny(deptName, model.totalLabel) || (deptCode && matchesAny(deptCode, model.totalLabel))) return makeRow(context, raw, { key: 'total', level: 'total', name: '合计' });
      if (!govName && !govCode && deptCode) {
        const known = catalogue.get('economicDept', deptCode);
        // A code that is no economic class ("154 新乡市金融工作局") is a unit row.
        if (!known || (deptName && catalogue.checkName('economicDept', deptCode, deptName).status === 'different')) {
          currentClass = undefined;
          const unit = units.enter(deptCode);
          return makeRow(context, raw, { key: uniqueKey(context, unit.key, raw, `单位代码 ${deptCode}`), level: unit.level, code: deptCode, name: deptName });
        }
      }
      if (!govName && !govCode) {
        const cls = deptCode ? (catalogue.levelOf('economicDept', deptCode) === 'class' ? catalogue.get('economicDept', deptCode) : undefined) : catalogue.findByName('economicDept', deptName, { level: 'class' })[0];
        if (cls) {
          currentClass = cls.code;
          return makeRow(context, raw, { key: uniqueKey(context, units.keyOf(`class:${cls.code}`), raw, `经济分类「${deptName}」`), level: 'class', code: cls.code, name: deptName || cls.name });
        }
      }
      const dept = deptCode
        ? { code: deptCode }
        : (catalogue.findByName('economicDept', deptName, currentClass ? { parentCode: currentClass } : undefined)[0] ?? catalogue.findByName('economicDept', deptName, { level: 'section' })[0]);
      const gov = govCode ? { code: govCode } : govName ? catalogue.findByName('economicGov', govName, { level: 'section' })[0] : undefined;
      if (!dept) {
        context.notices.push({ level: '提示', ...context.where, cell: raw.source.cell, message: `${context.label}第 ${raw.sheetRow} 行的部门经济科目「${deptName}」不在经济分类目录中。` });
      }
      const key = uniqueKey(context, units.keyOf(`${deptName}|${govName}`), raw, `经济科目「${deptName} / ${govName}」`);
      return makeRow(context, raw, {
        key,
        level: 'item',
        name: deptName,
        ...(dept ? { code: dept.code } : {}),
        ...(govName ? { govName } : {}),
        ...(gov ? { govCode: gov.code } : {}),
      });
    },
  };
}

function unitListReader(model: Extract<RowModel, { kind: 'unitList' }>, context: ReaderContext): RowReader {
  const read: BookRow[] = [];
  const unitCodeColumn = columnOfKind(context.side, 'unitCode');
  const units = new UnitRows();
  const coded = (raw: RawRow, code: string, name: string): BookRow => {
    const unit = units.enter(code);
    return makeRow(context, raw, { key: uniqueKey(context, unit.key, raw, `单位代码 ${code}`), level: unit.level, code, name });
  };
  return {
    read(raw) {
      const name = cleanText(labelText(context, raw));
      const code = unitCodeColumn ? compactCode(raw.texts[unitCodeColumn]) : '';
      if (!name && !code) return unmapped(context, raw, '没有单位名称');
      const row = matchesAny(name, model.totalLabel)
        ? makeRow(context, raw, { key: 'total', level: 'total', name })
        : code
          ? coded(raw, code, name)
          : makeRow(context, raw, { key: uniqueKey(context, `unit:${name}`, raw, `单位「${name}」`), level: 'unit', name });
      read.push(row);
      return row;
    },
    finish() {
      // No 合计 label: a first row that adds up the others is the total, whatever it is called (amounts first).
      const first = read[0];
      if (first && !read.some((row) => row.level === 'total') && firstRowIsTotal(read)) Object.assign(first, { key: 'total', level: 'total' });
    },
  };
}

/**
 * department → unit → project. Levels are settled after the whole table is read (`finish`), because the
 * evidence comes from several places: indentation, the department marker, project-name prefixes and
 * organisation-like names. `settleProjectTree` can run again once other tables name the book's units.
 */
function projectTreeReader(model: Extract<RowModel, { kind: 'projectTree' }>, context: ReaderContext): RowReader {
  const read: BookRow[] = [];
  const unitColumn = columnOfKind(context.side, 'unitName');
  return {
    read(raw) {
      let name = cleanText(labelText(context, raw));
      let code: string | undefined;
      let indent = raw.indent;
      if (unitColumn) {
        // 河南 项目支出表: an unlabelled first row is the total; "154 | 新乡市金融工作局" is a unit; a row naming its
        // 项目单位 is a project. These become indentation evidence for settleProjectTree.
        const unitName = cleanText(raw.texts[unitColumn] ?? '');
        if (!name && !unitName && read.length === 0 && Object.keys(raw.values).length > 0) [name, indent] = ['合计', 0];
        else if (/^\d+$/.test(name) && unitName) [code, name, indent] = [name, unitName, 1];
        else if (name && unitName) indent = 2;
      }
      if (!name) return unmapped(context, raw, '没有项目名称');
      const row = makeRow(context, raw, { key: '', level: 'project', name, ...(code ? { code } : {}) });
      if (indent !== undefined) rowIndents.set(row, indent);
      read.push(row);
      return row;
    },
    finish() {
      settleProjectTree(read, model, { units: new Set() });
    },
  };
}

/** Cell indentation seen at import, kept beside the rows so levels can be settled again later. */
const rowIndents = new WeakMap<BookRow, number>();

/** What the rest of the book says about a project tree's names (settled once all tables are read). */
export interface BookNames {
  /** Units named elsewhere in the book (表十一, unit lists), as row label keys. */
  units: ReadonlySet<string>;
  /** The department name from the 部门名称/编制部门 line, as a row label key. */
  department?: string;
}

/** The level a name alone suggests, or undefined when it says nothing (see tree-levels.ts for the order). */
function levelByName(model: Extract<RowModel, { kind: 'projectTree' }>, names: BookNames): (row: BookRow, index: number) => RowLevel | undefined {
  const projectPattern = new RegExp(model.projectNamePattern);
  const unitPattern = new RegExp(model.unitNamePattern);
  const marker = rowLabelKey(model.departmentMarker);
  return (row, index) => {
    const key = rowLabelKey(row.name);
    if (key === '合计' || key === '总计' || (marker && key.endsWith(marker))) return index === 0 ? 'department' : undefined;
    // The department's own office is listed as a unit under the department's name.
    if (names.department && key === names.department) return index === 0 ? 'department' : 'unit';
    if (names.units.has(key)) return 'unit';
    if (projectPattern.test(row.name)) return 'project';
    if (unitPattern.test(row.name)) return 'unit';
    return undefined;
  };
}

export function settleProjectTree(rows: BookRow[], model: Extract<RowModel, { kind: 'projectTree' }>, names: BookNames): void {
  const levels = decideTreeLevels(rows, { levelByName: levelByName(model, names), indents: rows.map((row) => rowIndents.get(row)) });
  const keys = new Map<string, number>();
  let unitName: string | undefined;
  rows.forEach((row, index) => {
    const level = levels[index] ?? 'project';
    row.level = level;
    delete row.unitName;
    if (level === 'unit') unitName = row.name;
    if (level === 'project' && unitName) row.unitName = unitName;
    const base = level === 'department' ? 'department' : level === 'unit' ? `unit:${row.name}` : `project:${unitName ?? ''}:${row.name}`;
    const seen = keys.get(base) ?? 0;
    keys.set(base, seen + 1);
    row.key = seen === 0 ? base : `${base}#${seen + 1}`;
  });
}
