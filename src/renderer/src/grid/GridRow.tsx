// One body row. Memoised on plain props, so scrolling renders only the rows that come into view and a
// selection change re-renders only the rows it touches.
import { memo, type CSSProperties, type ReactElement } from 'react';
import { ROW_HEIGHT } from './layout';
import type { GridModel } from './model';

export interface GridRowProps {
  r: number;
  model: GridModel;
  ariaRowIndex: number;
  template: string;
  totalWidth: number;
  frozen: number;
  offsets: readonly number[];
  /** Selected columns of this row, or undefined when the selection does not cross it. */
  selectedFrom?: number;
  selectedTo?: number;
  /** Column of the active cell when it is in this row, else -1. */
  activeColumn: number;
  editing: boolean;
}

function GridRowView({ r, model, ariaRowIndex, template, totalWidth, frozen, offsets, selectedFrom, selectedTo, activeColumn, editing }: GridRowProps): ReactElement {
  const cells: ReactElement[] = [];
  for (let c = 0; c < model.cols; c++) {
    const p = { r, c };
    const cell = model.cellAt(p);
    const editable = model.isEditable(p);
    const mark = model.markAt(p);
    const selected = selectedFrom !== undefined && selectedTo !== undefined && c >= selectedFrom && c <= selectedTo;
    const classes = ['grid-cell'];
    if (cell?.kind === 'amount') classes.push('is-amount');
    if (!editable) classes.push('is-readonly');
    if (c < frozen) classes.push('is-frozen');
    if (c === frozen - 1) classes.push('is-frozen-edge');
    if (selected) classes.push('is-selected');
    if (c === activeColumn) classes.push('is-active');
    if (mark) classes.push(mark.severity === 'error' ? 'has-error' : 'has-warning');
    const indent = cell?.kind === 'text' ? (cell.indent ?? 0) : 0;
    const text = model.displayAt(p);
    const frozenStyle: CSSProperties | undefined = c < frozen ? { position: 'sticky', left: offsets[c] ?? 0 } : undefined;
    cells.push(
      <div
        key={c}
        role="gridcell"
        aria-colindex={c + 1}
        aria-readonly={editable ? undefined : true}
        aria-selected={selected}
        data-r={r}
        data-c={c}
        className={classes.join(' ')}
        title={mark ? mark.title : cell?.kind === 'text' && text.length > 12 ? text : undefined}
        style={{ ...frozenStyle, ...(indent ? { paddingLeft: 6 + indent * 14 } : {}) }}
      >
        {c === activeColumn && editing ? '' : text}
      </div>,
    );
  }
  return (
    <div role="row" aria-rowindex={ariaRowIndex} className={`grid-row${model.isReadOnlyRow(r) ? ' is-computed' : ''}`} style={{ top: r * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: template, width: totalWidth }}>
      {cells}
    </div>
  );
}

export const GridRow = memo(GridRowView);
