// Reads a multi-row merged header and maps sheet columns to template columns by header text.
// Leaf labels decide; parent labels only break ties (e.g. 收入/支出 sides that both say "项目").
import type { HeaderNode, TableDef } from '../../shared/template/types';
import { labelsOf } from '../../shared/template/types';
import { normaliseLabel } from '../../shared/text';
import { cellText, getCell, type MergeRange, type SheetGrid } from './grid';

export interface ColumnMapping {
  /** template column id → sheet column */
  columns: Map<string, number>;
  /** template code column id → sheet columns holding 类/款/项 parts (split-code layouts) */
  codeParts: Map<string, { class: number; section?: number; item?: number }>;
  /** sheet columns under the header that map to nothing: column → header text */
  unmapped: Map<number, string>;
  headerTop: number;
  headerBottom: number;
}

interface LeafSpec {
  column: string;
  labels: string[];
  ancestors: string[][];
}

const normaliseDefLabel = (label: string): string => normaliseLabel(label.replace(/\{year\}/g, '2000'));

function leavesOf(nodes: readonly HeaderNode[], ancestors: string[][] = []): LeafSpec[] {
  const out: LeafSpec[] = [];
  for (const node of nodes) {
    const labels = labelsOf(node.label).map(normaliseDefLabel);
    if (node.column) out.push({ column: node.column, labels, ancestors });
    if (node.children) out.push(...leavesOf(node.children, [...ancestors, labels]));
  }
  return out;
}

/** A template's leaves never change: worked out once per header, not at every header depth of every sheet. */
const leavesByHeader = new WeakMap<readonly HeaderNode[], LeafSpec[]>();
function templateLeaves(header: readonly HeaderNode[]): LeafSpec[] {
  let leaves = leavesByHeader.get(header);
  if (!leaves) leavesByHeader.set(header, (leaves = leavesOf(header)));
  return leaves;
}

/**
 * Merges by each row they cover, built once per sheet: header cells ask "which merge covers me?" many times. Tall
 * merges (a hostile A1:A1048576) stay in a short list searched directly instead of being spread over their rows.
 */
const TALL_MERGE_ROWS = 64;
const mergesByRow = new WeakMap<SheetGrid, { byRow: Map<number, MergeRange[]>; tall: MergeRange[] }>();
function mergeAt(sheet: SheetGrid, row: number, column: number): MergeRange | undefined {
  let index = mergesByRow.get(sheet);
  if (!index) {
    index = { byRow: new Map(), tall: [] };
    for (const merge of sheet.merges) {
      if (merge.bottom - merge.top >= TALL_MERGE_ROWS) {
        index.tall.push(merge);
        continue;
      }
      for (let r = merge.top; r <= merge.bottom; r++) {
        const list = index.byRow.get(r);
        if (list) list.push(merge);
        else index.byRow.set(r, [merge]);
      }
    }
    mergesByRow.set(sheet, index);
  }
  const covers = (m: MergeRange): boolean => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right;
  return index.byRow.get(row)?.find(covers) ?? index.tall.find(covers);
}

/** Text of a header cell, taking the value of the merge range that covers it. */
function headerCellText(sheet: SheetGrid, row: number, column: number): string {
  const own = cellText(sheet, row, column);
  if (own) return own;
  const merge = mergeAt(sheet, row, column);
  return merge ? cellText(sheet, merge.top, merge.left) : '';
}

function isMerged(sheet: SheetGrid, row: number, column: number): boolean {
  return mergeAt(sheet, row, column) !== undefined;
}

/** Header labels repeat across tables, depths and families: each text is normalised once. */
const normalisedLabels = new Map<string, string>();
function headerLabel(text: string): string {
  let label = normalisedLabels.get(text);
  if (label === undefined) {
    if (normalisedLabels.size > 10_000) normalisedLabels.clear();
    normalisedLabels.set(text, (label = normaliseLabel(text)));
  }
  return label;
}

/** Column header paths for rows top..bottom, consecutive duplicates (vertical merges) folded. */
export function headerPaths(sheet: SheetGrid, top: number, bottom: number, lastColumn: number): Map<number, string[]> {
  const paths = new Map<number, string[]>();
  for (let column = 1; column <= lastColumn; column++) {
    const path: string[] = [];
    for (let row = top; row <= bottom; row++) {
      let text = headerLabel(headerCellText(sheet, row, column));
      // Unmerged group labels written once over several columns: inherit from the left when the row below
      // carries this column's own label.
      if (!text && row < bottom && column > 1 && !isMerged(sheet, row, column) && headerCellText(sheet, row + 1, column)) {
        const left = paths.get(column - 1);
        text = left?.[row - top] ?? '';
      }
      path.push(text);
    }
    paths.set(column, path);
  }
  return paths;
}

const fold = (path: string[]): string[] => path.filter((label, i) => label !== '' && label !== path[i - 1]);

const CODE_PART_LABELS: Record<string, 'class' | 'section' | 'item'> = { 类: 'class', 款: 'section', 项: 'item' };

export function mapColumns(sheet: SheetGrid, table: TableDef, top: number, bottom: number, lastColumn: number): ColumnMapping {
  const rawPaths = headerPaths(sheet, top, bottom, lastColumn);
  const folded = new Map<number, string[]>();
  for (const [column, path] of rawPaths) folded.set(column, fold(path));
  const used = new Set<number>();
  const columns = new Map<string, number>();
  const codeParts: ColumnMapping['codeParts'] = new Map();

  for (const leaf of templateLeaves(table.header)) {
    let best: { column: number; score: number } | undefined;
    for (const [column, path] of folded) {
      if (used.has(column) || path.length === 0) continue;
      const leafLabel = path[path.length - 1] ?? '';
      if (!leaf.labels.includes(leafLabel)) continue;
      const score = leaf.ancestors.filter((alternatives) => path.some((label) => alternatives.includes(label))).length;
      if (!best || score > best.score) best = { column, score };
    }
    if (best) {
      columns.set(leaf.column, best.column);
      used.add(best.column);
      continue;
    }
    // Split code layout: 科目编码 over 类 | 款 | 项.
    const isCode = table.sides.some((side) => side.columns.some((c) => c.id === leaf.column && (c.kind === 'code' || c.kind === 'govCode')));
    // 河南 07表 prints 类|款 under both 部门预算经济分类 and 政府预算经济分类: the leaf's ancestors say which.
    const underAncestors = (path: string[]): boolean => leaf.ancestors.length > 0 && leaf.ancestors.every((alternatives) => path.some((label) => alternatives.includes(label)));
    if (!isCode) continue;
    const parts: Partial<Record<'class' | 'section' | 'item', number>> = {};
    for (const [column, path] of folded) {
      if (used.has(column) || path.length < 2) continue;
      const part = CODE_PART_LABELS[path[path.length - 1] ?? ''];
      // The leftmost free one: two-sided tables (决算 基本支出表) print 类 | 款 on both sides.
      if (part && parts[part] === undefined && (path.some((label) => leaf.labels.some((l) => label.includes(l) || l.includes(label))) || underAncestors(path))) parts[part] = column;
    }
    if (parts.class !== undefined) {
      codeParts.set(leaf.column, { class: parts.class, ...(parts.section ? { section: parts.section } : {}), ...(parts.item ? { item: parts.item } : {}) });
      for (const column of Object.values(parts)) used.add(column);
    }
  }
  const unmapped = new Map<number, string>();
  for (const [column, path] of folded) {
    if (!used.has(column) && path.length > 0) unmapped.set(column, path.join('/'));
  }
  return { columns, codeParts, unmapped, headerTop: top, headerBottom: bottom };
}

/** How many template columns a mapping found: the header signature score. */
export function mappingScore(mapping: ColumnMapping): number {
  return mapping.columns.size + mapping.codeParts.size;
}

export function requiredColumnCount(table: TableDef): number {
  return table.sides.reduce((n, side) => n + side.columns.length, 0);
}

/** True when a row holds only "1 2 3 …" (the column-number row of 表十二/十三). */
export function isColumnNumberRow(sheet: SheetGrid, row: number, lastColumn: number): boolean {
  const numbers: number[] = [];
  for (let column = 1; column <= lastColumn; column++) {
    const cell = getCell(sheet, row, column);
    if (!cell || cell.value === null) continue;
    const n = Number(String(cell.value).trim());
    if (!Number.isInteger(n)) return false;
    numbers.push(n);
  }
  return numbers.length >= 3 && numbers.every((n, i) => n === (numbers[0] ?? 0) + i) && (numbers[0] ?? 0) <= 1;
}
