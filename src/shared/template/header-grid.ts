// The printed shape of a header tree: which label sits in which row/column and what it spans. Used by the
// exporter (merged cells) and, later, the editor's sticky multi-row header.
import type { HeaderNode } from './types';
import { primaryLabel, substituteYear } from './types';

/** The digits of each printed code part: 类 3, 款 2, 项 2 (201 | 03 | 01). */
export const CODE_PART_DIGITS: Record<'类' | '款' | '项', number> = { 类: 3, 款: 2, 项: 2 };

export interface HeaderCell {
  label: string;
  /** 0-based row within the header and first column. */
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  /** Template column id for leaves. */
  columnId?: string;
}

export interface HeaderGrid {
  rows: number;
  columns: number;
  cells: HeaderCell[];
  /** Leaf column ids, left to right (a split code column appears once per part). */
  columnIds: string[];
  /** For split code columns: which characters of the code each leaf prints ([start, end)), by leaf. */
  codeParts: ([number, number] | undefined)[];
}

/** A code column printed as 类 | 款 | 项 cells becomes a group over one leaf per part. */
function expandCodeSplit(node: HeaderNode): HeaderNode {
  if (node.codeSplit?.length && node.column) {
    return { label: node.label, children: node.codeSplit.map((part) => ({ label: part, column: node.column })) };
  }
  return node.children ? { ...node, children: node.children.map(expandCodeSplit) } : node;
}

function codePartsOf(nodes: readonly HeaderNode[]): ([number, number] | undefined)[] {
  return nodes.flatMap((node): ([number, number] | undefined)[] => {
    if (node.codeSplit?.length && node.column) {
      let start = 0;
      return node.codeSplit.map((part) => {
        const range: [number, number] = [start, start + CODE_PART_DIGITS[part]];
        start = range[1];
        return range;
      });
    }
    return node.children?.length ? codePartsOf(node.children) : [undefined];
  });
}

function depthOf(nodes: readonly HeaderNode[]): number {
  return Math.max(0, ...nodes.map((n) => 1 + (n.children ? depthOf(n.children) : 0)));
}

function leafCount(node: HeaderNode): number {
  return node.children?.length ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

/** `splitCodes`: print code columns as their 类 | 款 | 项 parts (export); the editor keeps one code column. */
export function headerGrid(template: readonly HeaderNode[], year: number, splitCodes = false): HeaderGrid {
  const header = splitCodes ? template.map(expandCodeSplit) : template;
  const rows = depthOf(header);
  const cells: HeaderCell[] = [];
  const columnIds: string[] = [];
  const place = (nodes: readonly HeaderNode[], row: number, column: number): void => {
    let at = column;
    for (const node of nodes) {
      const span = leafCount(node);
      const isLeaf = !node.children?.length;
      cells.push({
        label: substituteYear(primaryLabel(node.label), year),
        row,
        column: at,
        rowSpan: isLeaf ? rows - row : 1,
        columnSpan: span,
        ...(node.column ? { columnId: node.column } : {}),
      });
      if (isLeaf) columnIds.push(node.column ?? '');
      else place(node.children ?? [], row + 1, at);
      at += span;
    }
  };
  place(header, 0, 0);
  return { rows, columns: columnIds.length, cells, columnIds, codeParts: splitCodes ? codePartsOf(template) : columnIds.map(() => undefined) };
}
