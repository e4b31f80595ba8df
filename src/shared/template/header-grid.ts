// The printed shape of a header tree: which label sits in which row/column and what it spans. Used by the
// exporter (merged cells) and, later, the editor's sticky multi-row header.
import type { HeaderNode } from './types';
import { primaryLabel, substituteYear } from './types';

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
  /** Leaf column ids, left to right. */
  columnIds: string[];
}

function depthOf(nodes: readonly HeaderNode[]): number {
  return Math.max(0, ...nodes.map((n) => 1 + (n.children ? depthOf(n.children) : 0)));
}

function leafCount(node: HeaderNode): number {
  return node.children?.length ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

export function headerGrid(header: readonly HeaderNode[], year: number): HeaderGrid {
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
  return { rows, columns: columnIds.length, cells, columnIds };
}
