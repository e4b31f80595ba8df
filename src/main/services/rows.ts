// Which rows an insertion needs and where they go: coded rows by code (a 项 brings its missing 款 and 类, named
// from the catalogue; code order is tree order), project rows at the end of their unit.
import type { Book, BookRow } from '../../shared/book';
import { ancestorCodes, codeLengthsText, defaultCatalogue, levelOfCode } from '../../shared/catalogue';
import { findFamily } from '../../shared/template/registry';
import { primaryLabel } from '../../shared/template/types';
import { ServiceError } from './errors';

export interface PlannedRow {
  row: Pick<BookRow, 'key' | 'level' | 'name' | 'code' | 'unitName'>;
  afterKey: string | null;
}

export function planInsert(book: Book, tableId: string, side: string, input: { code?: string; name?: string; unitName?: string }): PlannedRow[] {
  const def = findFamily(book.familyId)?.tables.find((t) => t.id === tableId);
  const model = def?.sides.find((s) => s.id === side)?.rows;
  const rows = book.tables.find((t) => t.tableId === tableId)?.rows.filter((r) => r.side === side) ?? [];
  if (!def || !model) throw new ServiceError('bad-request', `没有表「${tableId}」。`);
  if (model.kind === 'codedTree') {
    const code = (input.code ?? '').trim();
    if (!levelOfCode(model.classification, code)) throw new ServiceError('bad-request', `科目编码「${code}」不正确：${codeLengthsText(model.classification)}。`);
    const catalogue = defaultCatalogue();
    // 河南: only 项 rows, each under a unit row ("154 新乡市金融工作局"); the new row goes into that unit's block.
    const wanted = model.itemsOnly ? [code] : [...ancestorCodes(code).reverse(), code];
    const { unit, block } = unitBlock(rows, input.unitName);
    const keyOf = (c: string): string => (unit ? `${unit.code ?? ''}/${c}` : c);
    const existing = new Set(block.map((r) => r.code));
    if (existing.has(code)) throw new ServiceError('refused', `表中${unit ? `「${unit.name}」下` : ''}已有科目 ${code}。`);
    const planned: PlannedRow[] = [];
    const codes = block.filter((r) => r.code).map((r) => r.code as string);
    for (const c of wanted) {
      if (existing.has(c)) continue;
      const name = c === code && input.name?.trim() ? input.name.trim() : catalogue.get(model.classification, c)?.name;
      if (!name) throw new ServiceError('bad-request', `科目表中没有 ${c}，请填写科目名称。`);
      // Code order is depth-first tree order: 201 < 20103 < 2010301 < 2010350 < 208.
      const before = [...codes].filter((x) => x < c).sort().at(-1);
      // A parent planned in this same call is not in `rows` yet; its key is its code.
      const afterKey = before ? (block.find((r) => r.code === before)?.key ?? keyOf(before)) : (unit?.key ?? rows.find((r) => r.level === 'total')?.key ?? null);
      planned.push({ row: { key: keyOf(c), level: levelOfCode(model.classification, c) ?? 'item', name, code: c }, afterKey });
      codes.push(c);
    }
    return planned;
  }
  if (model.kind === 'projectTree') {
    const name = input.name?.trim();
    const unitName = input.unitName?.trim();
    if (!name || !unitName) throw new ServiceError('bad-request', '请填写项目名称并选择所属单位。');
    const unit = rows.find((r) => r.level === 'unit' && r.name === unitName);
    if (!unit) throw new ServiceError('bad-request', `表中没有单位「${unitName}」。`);
    const key = `project:${unitName}:${name}`;
    if (rows.some((r) => r.key === key)) throw new ServiceError('refused', `单位「${unitName}」下已有项目「${name}」。`);
    const last = rows.filter((r) => r.level === 'project' && r.unitName === unitName).at(-1) ?? unit;
    return [{ row: { key, level: 'project', name, unitName }, afterKey: last.key }];
  }
  if (model.kind === 'fixed' && model.rows.some((r) => r.optional)) {
    // Optional template rows (上海/决算 class rows printed only when the department has them) by their code.
    const code = (input.code ?? '').trim();
    const index = model.rows.findIndex((r) => r.optional && r.code === code);
    const wanted = model.rows[index];
    if (!wanted) throw new ServiceError('bad-request', `此表没有可添加的「${code}」行（可添加的是模板中未列出的功能分类类级科目）。`);
    if (rows.some((r) => r.key === wanted.id)) throw new ServiceError('refused', `表中已有「${primaryLabel(wanted.label)}」行。`);
    const held = new Set(rows.map((r) => r.key));
    // Template order: after the nearest earlier template row the table holds.
    const before = model.rows.slice(0, index).reverse().find((r) => held.has(r.id));
    return [{ row: { key: wanted.id, level: 'fixed', name: primaryLabel(wanted.label), code }, afterKey: before?.id ?? null }];
  }
  throw new ServiceError('refused', `${def.title.replace('{year}', String(book.year))}的行由模板规定，不能插入。`);
}

const isUnitRow = (row: BookRow): boolean => (row.level === 'department' || row.level === 'unit') && row.code !== undefined;

/**
 * The coded rows a new row joins: those under the unit row named (by name or 单位代码), else under the last unit
 * row; the whole side when the table has no unit rows.
 */
function unitBlock(rows: readonly BookRow[], unitName: string | undefined): { unit?: BookRow; block: BookRow[] } {
  const units = rows.filter(isUnitRow);
  if (units.length === 0) return { block: rows.filter((r) => r.code) };
  const wanted = unitName?.trim();
  const unit = wanted ? units.find((u) => u.name === wanted || u.code === wanted) : units.at(-1);
  if (!unit) throw new ServiceError('bad-request', `表中没有单位「${wanted ?? ''}」。`);
  const from = rows.indexOf(unit) + 1;
  const next = rows.findIndex((r, i) => i >= from && isUnitRow(r));
  return { unit, block: rows.slice(from, next < 0 ? rows.length : next).filter((r) => r.code) };
}

/** A row may go when it holds no figures and nothing hangs under it. */
export function checkDeletable(book: Book, tableId: string, side: string, rowKey: string): void {
  const rows = book.tables.find((t) => t.tableId === tableId)?.rows.filter((r) => r.side === side) ?? [];
  const row = rows.find((r) => r.key === rowKey);
  if (!row) throw new ServiceError('not-found', `没有这一行（${rowKey}）。`);
  const def = findFamily(book.familyId)?.tables.find((t) => t.id === tableId);
  const model = def?.sides.find((s) => s.id === side)?.rows;
  const optional = model?.kind === 'fixed' && model.rows.some((r) => r.id === row.key && r.optional);
  if (row.level === 'total' || row.level === 'department' || (row.level === 'fixed' && !optional)) throw new ServiceError('refused', `「${row.name}」是模板规定的行，不能删除。`);
  if (Object.keys(row.values).length > 0) throw new ServiceError('refused', `「${row.name}」还有金额，请先清除该行金额（合计会随之更新），再删除。`);
  const hasChildren = isUnitRow(row)
    ? rows.some((r) => r.key.startsWith(`${row.code ?? ''}/`) || (r !== row && isUnitRow(r) && r.code?.startsWith(row.code ?? '')) || r.unitName === row.name)
    : row.code
      ? rows.some((r) => r.code && r.code !== row.code && r.code.startsWith(row.code as string))
      : row.level === 'unit' && rows.some((r) => r.unitName === row.name);
  if (hasChildren) throw new ServiceError('refused', `「${row.name}」下还有下级行，请先删除下级行。`);
}
