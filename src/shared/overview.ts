// 概览: the figures a reader of a disclosure looks for first — where the money comes from, what it is spent on
// (function classes), 基本支出 against 项目支出, 三公经费 and 机关运行经费 — read from a book of any family.
//
// Where each figure lives is found in the template data, never by family id:
//   - sources and function classes: the first table with two fixed sides, income and expenditure (the 收支总表).
//     Sources are the income side's top-level rows above the row that lines up with the expenditure total
//     (本年收入合计 / 收入总计); classes are the expenditure side's rows that stand for a 3-digit function code.
//   - 基本支出/项目支出: the first one-sided function-classification table with `basic` and `project` columns.
//   - 三公经费: the table whose title names “三公”; its items are rows (山西) or columns (上海, 河南, 决算) by id.
//   - 机关运行经费: the table whose title names it; the column labelled so, else the table's 合计 by unit.
// A family without such a table has no such figure (河南 and 决算 publish no 机关运行经费).
// Pure and exact: every amount is a Dec in the book's unit.
import type { Book, BookRow, BookTable } from './book';
import { Dec, decimalText, sumAmounts, type MoneyUnit } from './money';
import { UI_TEXT } from './strings';
import type { ColumnDef, FixedRowDef, TableDef, TableSide, TemplateFamily } from './template/types';
import { primaryLabel } from './template/types';
import { stripOrdinal } from './text';

export type OverviewFigureId = 'sources' | 'functions' | 'basicProject' | 'threePublic' | 'operating';

export interface OverviewPart {
  key: string;
  label: string;
  value: Dec;
}

export interface OverviewFigure {
  id: OverviewFigureId;
  title: string;
  /** What the headline amount is: 本年收入合计, 支出总计, “三公”经费合计 … */
  totalLabel: string;
  total: Dec;
  /** The pieces of the total, in the template's order (function classes: largest first, only those with money). */
  parts: OverviewPart[];
  /** Something the total is a part of, for a share (机关运行经费 of 基本支出). */
  reference?: { label: string; value: Dec };
  /** The template table the figure is read from. */
  tableId: string;
  tableNo: number;
  /** False when the book holds no amount at all where the figure is read (an empty table). */
  held: boolean;
}

export interface BookOverview {
  unit: MoneyUnit;
  figures: OverviewFigure[];
}

const ZERO = new Dec(0);

/** The amount a row holds in a column; blank is no amount. */
function amountOf(row: BookRow | undefined, columnId: string | undefined): Dec | undefined {
  const text = row && columnId ? row.values[columnId]?.value : undefined;
  return text === undefined ? undefined : new Dec(text);
}

const firstAmountColumn = (side: TableSide): ColumnDef | undefined => side.columns.find((c) => c.kind === 'amount');
const rowsOf = (table: BookTable | undefined, side: TableSide): BookRow[] => (table?.rows ?? []).filter((r) => r.side === side.id);
const tableOf = (book: Book, def: TableDef): BookTable | undefined => book.tables.find((t) => t.tableId === def.id);
const label = (spec: FixedRowDef['label']): string => stripOrdinal(primaryLabel(spec));

interface Reading {
  value: Dec;
  held: boolean;
}

/** The held total, else the sum of the parts (a blank 合计 line still has parts to add). */
function totalOr(heldTotal: Dec | undefined, parts: readonly OverviewPart[]): Dec {
  return heldTotal ?? sumAmounts(parts.map((p) => p.value));
}

interface SummaryTable {
  def: TableDef;
  income: TableSide & { rows: { kind: 'fixed'; rows: readonly FixedRowDef[] } };
  expenditure: TableSide & { rows: { kind: 'fixed'; rows: readonly FixedRowDef[] } };
}

const isFixed = (side: TableSide | undefined): side is SummaryTable['income'] => side?.rows.kind === 'fixed';

/** The 收支总表: the first table whose income and expenditure sides are both fixed rows. */
function summaryTable(family: TemplateFamily): SummaryTable | undefined {
  for (const def of family.tables) {
    const income = def.sides.find((s) => s.id === 'income');
    const expenditure = def.sides.find((s) => s.id === 'expenditure');
    if (isFixed(income) && isFixed(expenditure)) return { def, income, expenditure };
  }
  return undefined;
}

/** The income row that lines up with the expenditure total (本年收入合计 ↔ 本年支出合计, 上海 收入总计 ↔ 支出总计). */
const incomeTotalRow = (summary: SummaryTable): FixedRowDef | undefined => summary.income.rows.rows.find((r) => r.computed && r.alignWith);

function sourcesFigure(book: Book, summary: SummaryTable): OverviewFigure | undefined {
  const totalRow = incomeTotalRow(summary);
  const column = firstAmountColumn(summary.income)?.id;
  if (!totalRow || !column) return undefined;
  const defs = summary.income.rows.rows;
  // Top-level rows only: "其中：财政拨款" (河南) and 上海's 1./2./3. under 财政拨款收入 are parts of a source, not sources.
  const sourceDefs = defs.slice(0, defs.indexOf(totalRow)).filter((r) => !r.depth);
  const rows = new Map(rowsOf(tableOf(book, summary.def), summary.income).map((r) => [r.key, r]));
  const readings = sourceDefs.map((def) => ({ def, value: amountOf(rows.get(def.id), column) }));
  const parts = readings.map(({ def, value }) => ({ key: def.id, label: label(def.label), value: value ?? ZERO }));
  return summaryFigure('sources', UI_TEXT.overviewSources, summary, totalRow, amountOf(rows.get(totalRow.id), column), parts, readings);
}

/** A figure of the 收支总表: its total as held (else the sum of its parts), the parts, and whether any was filled in. */
function summaryFigure(
  id: OverviewFigureId,
  title: string,
  summary: SummaryTable,
  totalRow: FixedRowDef,
  heldTotal: Dec | undefined,
  parts: OverviewFigure['parts'],
  readings: readonly { value: Dec | undefined }[],
): OverviewFigure {
  return {
    id,
    title,
    totalLabel: label(totalRow.label),
    total: totalOr(heldTotal, parts),
    parts,
    tableId: summary.def.id,
    tableNo: summary.def.no,
    held: heldTotal !== undefined || readings.some((r) => r.value !== undefined),
  };
}

function functionsFigure(book: Book, summary: SummaryTable): OverviewFigure | undefined {
  const totalId = incomeTotalRow(summary)?.alignWith;
  const totalRow = summary.expenditure.rows.rows.find((r) => r.id === totalId);
  const column = firstAmountColumn(summary.expenditure)?.id;
  const classDefs = summary.expenditure.rows.rows.filter((r) => r.code?.length === 3);
  if (!totalRow || !column || classDefs.length === 0) return undefined;
  const rows = new Map(rowsOf(tableOf(book, summary.def), summary.expenditure).map((r) => [r.key, r]));
  const readings = classDefs.map((def) => ({ def, value: amountOf(rows.get(def.id), column) }));
  const parts = readings
    .filter((r): r is { def: FixedRowDef; value: Dec } => r.value !== undefined && !r.value.isZero())
    .map(({ def, value }) => ({ key: def.code ?? def.id, label: label(def.label), value }))
    .sort((a, b) => b.value.comparedTo(a.value) || a.key.localeCompare(b.key));
  return summaryFigure('functions', UI_TEXT.overviewFunctions, summary, totalRow, amountOf(rows.get(totalRow.id), column), parts, readings);
}

/** The 支出总表: one side, function-classified, with 基本支出 and 项目支出 columns. */
function expenditureTable(family: TemplateFamily): { def: TableDef; side: TableSide; basic: ColumnDef; project: ColumnDef } | undefined {
  for (const def of family.tables) {
    const [side, other] = def.sides;
    if (!side || other || side.rows.kind !== 'codedTree' || side.rows.classification !== 'function') continue;
    const basic = side.columns.find((c) => c.id === 'basic' && c.kind === 'amount');
    const project = side.columns.find((c) => c.id === 'project' && c.kind === 'amount');
    if (basic && project) return { def, side, basic, project };
  }
  return undefined;
}

/** A column's amount on the 合计 line; without one, the sum over the 类 rows (or, where only 项 are printed, the 项). */
function columnTotal(rows: readonly BookRow[], columnId: string): Reading {
  const total = rows.find((r) => r.level === 'total');
  const onTotal = amountOf(total, columnId);
  if (onTotal !== undefined) return { value: onTotal, held: true };
  const classes = rows.filter((r) => r.level === 'class');
  const summed = classes.length > 0 ? classes : rows.filter((r) => r.level === 'item');
  const values = summed.map((r) => amountOf(r, columnId)).filter((v): v is Dec => v !== undefined);
  return { value: sumAmounts(values), held: values.length > 0 };
}

function basicProjectFigure(book: Book, family: TemplateFamily): OverviewFigure | undefined {
  const found = expenditureTable(family);
  if (!found) return undefined;
  const rows = rowsOf(tableOf(book, found.def), found.side);
  const basic = columnTotal(rows, found.basic.id);
  const project = columnTotal(rows, found.project.id);
  const parts = [
    { key: 'basic', label: found.basic.label, value: basic.value },
    { key: 'project', label: found.project.label, value: project.value },
  ];
  const total = found.side.columns.some((c) => c.id === 'total') ? columnTotal(rows, 'total') : undefined;
  return {
    id: 'basicProject',
    title: UI_TEXT.overviewBasicProject,
    totalLabel: UI_TEXT.overviewExpenditureTotal,
    total: total?.held ? total.value : sumAmounts(parts.map((p) => p.value)),
    parts,
    tableId: found.def.id,
    tableNo: found.def.no,
    held: basic.held || project.held || Boolean(total?.held),
  };
}

/** The 三公 items by the ids the families give them (rows in 山西, columns elsewhere). */
const THREE_PUBLIC_ITEMS: readonly { key: string; ids: readonly string[]; label: string }[] = [
  { key: 'travelAbroad', ids: ['travelAbroad', 'travel'], label: UI_TEXT.overviewTravelAbroad },
  { key: 'reception', ids: ['reception'], label: UI_TEXT.overviewReception },
  { key: 'vehicles', ids: ['vehicles'], label: UI_TEXT.overviewVehicles },
];

const titled = (family: TemplateFamily, word: string): TableDef | undefined => family.tables.find((t) => t.title.includes(word));

/**
 * Where an item sits in a one-line table of columns: its own column, or — where the table prints 预算数 and 决算数
 * pairs (决算) — its 决算数 column, which is what a final account reports.
 */
function itemColumn(side: TableSide, ids: readonly string[]): { id: string; final: boolean } | undefined {
  const amounts = new Set(side.columns.filter((c) => c.kind === 'amount').map((c) => c.id));
  for (const id of ids) {
    if (amounts.has(`${id}Final`)) return { id: `${id}Final`, final: true };
    if (amounts.has(id)) return { id, final: false };
  }
  return undefined;
}

function threePublicFigure(book: Book, family: TemplateFamily): OverviewFigure | undefined {
  const def = titled(family, '三公');
  const side = def?.sides[0];
  if (!def || !side) return undefined;
  const rows = rowsOf(tableOf(book, def), side);
  const fixedIds = side.rows.kind === 'fixed' ? new Set(side.rows.rows.map((r) => r.id)) : new Set<string>();
  const itemsAreRows = THREE_PUBLIC_ITEMS.some((item) => item.ids.some((id) => fixedIds.has(id)));
  let final = false;
  const read = (ids: readonly string[]): Dec | undefined => {
    if (itemsAreRows) {
      const id = ids.find((i) => fixedIds.has(i));
      return amountOf(rows.find((r) => r.key === id), firstAmountColumn(side)?.id);
    }
    const column = itemColumn(side, ids);
    if (column?.final) final = true;
    return amountOf(rows[0], column?.id);
  };
  const readings = THREE_PUBLIC_ITEMS.map((item) => ({ item, value: read(item.ids) }));
  if (!itemsAreRows && readings.every((r) => itemColumn(side, r.item.ids) === undefined)) return undefined;
  const parts = readings.map(({ item, value }) => ({ key: item.key, label: item.label, value: value ?? ZERO }));
  const heldTotal = read(['total']);
  return {
    id: 'threePublic',
    title: UI_TEXT.overviewThreePublic,
    totalLabel: `${UI_TEXT.overviewThreePublicTotal}${final ? UI_TEXT.overviewFinalFigures : ''}`,
    total: totalOr(heldTotal, parts),
    parts,
    tableId: def.id,
    tableNo: def.no,
    held: heldTotal !== undefined || readings.some((r) => r.value !== undefined),
  };
}

function operatingFigure(book: Book, family: TemplateFamily, basic: OverviewPart | undefined): OverviewFigure | undefined {
  const word = UI_TEXT.overviewOperating;
  const def = titled(family, word);
  const side = def?.sides[0];
  if (!def || !side) return undefined;
  const rows = rowsOf(tableOf(book, def), side);
  // 上海 prints it as one column beside the 三公 items; 山西 as a table of units with a 合计 column.
  const ownColumn = side.columns.find((c) => c.kind === 'amount' && c.label.includes(word));
  const column = ownColumn ?? firstAmountColumn(side);
  if (!column) return undefined;
  const totalRow = ownColumn ? rows[0] : rows.find((r) => r.level === 'total');
  const units = ownColumn ? [] : rows.filter((r) => r !== totalRow);
  const parts = units.map((r) => ({ key: r.key, label: r.name, value: amountOf(r, column.id) ?? ZERO }));
  const heldTotal = amountOf(totalRow, column.id);
  return {
    id: 'operating',
    title: UI_TEXT.overviewOperating,
    totalLabel: UI_TEXT.overviewOperating,
    total: totalOr(heldTotal, parts),
    // One unit's own figure is the total itself: no breakdown to chart.
    parts: parts.length > 1 ? parts : [],
    ...(basic && !basic.value.isZero() ? { reference: { label: basic.label, value: basic.value } } : {}),
    tableId: def.id,
    tableNo: def.no,
    held: heldTotal !== undefined || units.some((r) => amountOf(r, column.id) !== undefined),
  };
}

/** Every figure the family's tables carry, in reading order; figures a family does not publish are absent. */
export function bookOverview(book: Book, family: TemplateFamily): BookOverview {
  const summary = summaryTable(family);
  const basicProject = basicProjectFigure(book, family);
  const basic = basicProject?.held ? basicProject.parts.find((p) => p.key === 'basic') : undefined;
  const figures = [
    summary && sourcesFigure(book, summary),
    summary && functionsFigure(book, summary),
    basicProject,
    threePublicFigure(book, family),
    operatingFigure(book, family, basic),
  ].filter((f): f is OverviewFigure => f !== undefined);
  return { unit: book.unit, figures };
}

/** A part's share of a whole in per cent, exactly, to one decimal ("78.8"); undefined when the whole is not positive. */
export function sharePercent(part: Dec, whole: Dec): string | undefined {
  if (!whole.isPositive() || whole.isZero()) return undefined;
  return decimalText(part.dividedBy(whole).times(100), 1);
}
