// The table grid: a hand-built, virtualised, keyboard-first spreadsheet for one budget table. Composition only;
// geometry lives in layout.ts, cell meaning in model.ts, keys and ranges in useSelection.ts, clipboard in tsv.ts.
import type { ClipboardEvent, KeyboardEvent, MouseEvent, ReactElement } from 'react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CellAddress, CellValue } from '../../../shared/cell';
import type { TablePlan } from '../../../shared/export/layout';
import type { Finding } from '../../../shared/validation/types';
import { CellEditor } from './CellEditor';
import { GridRow } from './GridRow';
import './grid.css';
import { columnOffsets, columnWidths, frozenCount, HEADER_ROW_HEIGHT, revealCell, ROW_HEIGHT, visibleRows } from './layout';
import { buildModel, type GridModel, type Pos } from './model';
import { GRID_TEXT } from './strings';
import { parseTsv } from './tsv';
import {
  clearRange,
  commit,
  compositionStarted,
  copyText,
  isComposingKey,
  keyDown,
  pasteEdits,
  pasteReport,
  rangeOf,
  select,
  textChanged,
  useSelection,
  type PosEdit,
} from './useSelection';

export interface GridProps {
  plan: TablePlan;
  /** Cells these locate (tableId/side/rowKey/columnId) get an error/warning marker and the messages as title. */
  findings: Finding[];
  /** Jump here: select and scroll into view. */
  focus?: Omit<CellAddress, 'tableId'>;
  /** One call per commit, Delete, cut or paste; value = canonical decimal or null. */
  onEdit(cells: CellValue[]): void;
  onUndo(): void;
  onRedo(): void;
  onSelectionChange?(cell: CellAddress | undefined): void;
  /** Computed total rows (`side|rowKey`): shown read-only and visibly different. */
  readOnlyRowKeys?: ReadonlySet<string>;
  /** Computed cells (`side|rowKey|columnId`, e.g. 合计 columns and 类/款 rows that follow their parts): read-only. */
  readOnlyCells?: ReadonlySet<string>;
  /** Short Chinese notes for the clerk (skipped paste cells, read-only cells). */
  onMessage?(text: string): void;
  /** The clerk typed on (or cleared) a cell that cannot be typed in: the page says why and what to do. */
  onReadOnly?(cell: CellAddress): void;
  className?: string;
}

interface ViewSize {
  scrollTop: number;
  scrollLeft: number;
  width: number;
  height: number;
}

function toCellEdits(model: GridModel, edits: PosEdit[]): CellValue[] {
  const out: CellValue[] = [];
  for (const edit of edits) {
    const ref = model.refAt(edit);
    if (ref) out.push({ ...ref, value: edit.value });
  }
  return out;
}

function cellFromEvent(event: MouseEvent): Pos | undefined {
  const el = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
  if (!el) return undefined;
  return { r: Number(el.dataset.r), c: Number(el.dataset.c) };
}

export function Grid(props: GridProps): ReactElement {
  const { plan, findings, readOnlyRowKeys, readOnlyCells } = props;
  const model = useMemo(() => buildModel(plan, findings, readOnlyRowKeys, readOnlyCells), [plan, findings, readOnlyRowKeys, readOnlyCells]);
  const widths = useMemo(() => columnWidths(plan.columns), [plan.columns]);
  const offsets = useMemo(() => columnOffsets(widths), [widths]);
  const frozen = useMemo(() => frozenCount(plan.columns), [plan.columns]);
  const frozenWidth = offsets[frozen] ?? 0;
  const totalWidth = offsets[offsets.length - 1] ?? 0;
  const headerHeight = plan.header.rows * HEADER_ROW_HEIGHT;
  const template = widths.map((w) => `${w}px`).join(' ');

  const propsRef = useRef(props);
  propsRef.current = props;
  const modelRef = useRef(model);
  modelRef.current = model;

  const { state, stateRef, setState, run } = useSelection({
    edit: (edits) => {
      const cells = toCellEdits(modelRef.current, edits);
      if (cells.length > 0) propsRef.current.onEdit(cells);
    },
    undo: () => propsRef.current.onUndo(),
    redo: () => propsRef.current.onRedo(),
    message: (text) => propsRef.current.onMessage?.(text),
    readOnly: (at) => {
      const ref = modelRef.current.refAt(at);
      if (ref && propsRef.current.onReadOnly) propsRef.current.onReadOnly(ref);
      else propsRef.current.onMessage?.(GRID_TEXT.readOnlyCell);
    },
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const dragging = useRef(false);
  const [view, setView] = useState<ViewSize>({ scrollTop: 0, scrollLeft: 0, width: 800, height: 600 });

  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (el) setView({ scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
  }, []);
  useLayoutEffect(() => {
    measure();
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  const focusEditor = useCallback(() => editorRef.current?.focus({ preventScroll: true }), []);

  const reveal = useCallback(
    (p: Pos) => {
      const el = scrollRef.current;
      if (!el) return;
      const cell = { top: p.r * ROW_HEIGHT, height: ROW_HEIGHT, left: offsets[p.c] ?? 0, width: widths[p.c] ?? 0, frozen: p.c < frozen };
      const next = revealCell({ scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, width: el.clientWidth, height: el.clientHeight }, cell, headerHeight, frozenWidth);
      if (next.scrollTop !== el.scrollTop) el.scrollTop = next.scrollTop;
      if (next.scrollLeft !== el.scrollLeft) el.scrollLeft = next.scrollLeft;
    },
    [offsets, widths, frozen, headerHeight, frozenWidth],
  );

  // Keep the selection inside the table when the plan shrinks.
  useEffect(() => {
    const s = stateRef.current;
    if (model.rows === 0) return;
    const clampPos = (p: Pos): Pos => ({ r: Math.min(p.r, model.rows - 1), c: Math.min(p.c, model.cols - 1) });
    const a = clampPos(s.active);
    const e = clampPos(s.extent);
    if (a.r !== s.active.r || a.c !== s.active.c || e.r !== s.extent.r || e.c !== s.extent.c) setState({ active: a, extent: e });
  }, [model, setState, stateRef]);

  // Show the corner that moved.
  const moved = state.extent.r !== state.active.r || state.extent.c !== state.active.c ? state.extent : state.active;
  useLayoutEffect(() => reveal(moved), [moved.r, moved.c]);

  // Tell the page which book cell is selected.
  const lastReported = useRef<string | undefined>(undefined);
  useEffect(() => {
    const ref = model.refAt(state.active);
    const id = ref ? `${ref.side}|${ref.rowKey}|${ref.columnId}` : undefined;
    if (id === lastReported.current) return;
    lastReported.current = id;
    propsRef.current.onSelectionChange?.(ref);
  }, [model, state.active]);

  // Jump to `focus` (a finding the clerk clicked, say).
  const { focus } = props;
  useEffect(() => {
    if (!focus) return;
    const at = modelRef.current.find(focus);
    if (!at) return;
    setState({ active: at, extent: at });
    reveal(at);
    focusEditor();
  }, [focus?.side, focus?.rowKey, focus?.columnId, model.rows]);

  const pageRows = Math.max(1, Math.floor((view.height - headerHeight) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    const native = event.nativeEvent;
    const input = { key: event.key, shiftKey: event.shiftKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, isComposing: native.isComposing || composing.current, keyCode: event.keyCode };
    if (isComposingKey(input)) return;
    const step = keyDown(stateRef.current, input, modelRef.current, pageRows);
    if (step.handled) event.preventDefault();
    run(step);
  };

  const onCopy = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    if (stateRef.current.editing) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', copyText(stateRef.current, modelRef.current));
  };

  const onCut = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    if (stateRef.current.editing) return;
    onCopy(event);
    const edits = clearRange(stateRef.current, modelRef.current);
    if (edits.length > 0) run({ state: stateRef.current, commands: [{ type: 'edit', edits }] });
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    if (stateRef.current.editing) return;
    event.preventDefault();
    const block = parseTsv(event.clipboardData.getData('text/plain'));
    if (block.length === 0) {
      propsRef.current.onMessage?.(GRID_TEXT.nothingToPaste);
      return;
    }
    const result = pasteEdits(stateRef.current, modelRef.current, block);
    const report = pasteReport(result);
    run({
      state: { active: { r: result.area.top, c: result.area.left }, extent: { r: result.area.bottom, c: result.area.right } },
      commands: [...(result.edits.length > 0 ? [{ type: 'edit' as const, edits: result.edits }] : []), ...(report ? [{ type: 'message' as const, text: report }] : [])],
    });
  };

  const onMouseDown = (event: MouseEvent<HTMLDivElement>): void => {
    const at = cellFromEvent(event);
    if (!at || event.button !== 0) return;
    event.preventDefault(); // keep the focus in the editor
    let current = stateRef.current;
    if (current.editing && (at.r !== current.active.r || at.c !== current.active.c)) {
      const result = commit(current, modelRef.current);
      run(result);
      if (!result.ok) return focusEditor();
      current = result.state;
    }
    if (!current.editing) setState(select(current, at, event.shiftKey, modelRef.current));
    dragging.current = true;
    focusEditor();
  };

  const onMouseOver = (event: MouseEvent<HTMLDivElement>): void => {
    if (!dragging.current || stateRef.current.editing) return;
    const at = cellFromEvent(event);
    const s = stateRef.current;
    if (at && (at.r !== s.extent.r || at.c !== s.extent.c)) setState(select(s, at, true, modelRef.current));
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>): void => {
    const at = cellFromEvent(event);
    if (!at || stateRef.current.editing) return;
    run(keyDown({ active: at, extent: at }, { key: 'F2' }, modelRef.current));
    focusEditor();
  };

  useEffect(() => {
    const stop = (): void => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  // Rows to render.
  const window_ = visibleRows(view.scrollTop, view.height - headerHeight, model.rows);
  const range = rangeOf(state);
  const active = state.active;

  const rows: ReactElement[] = [];
  for (let r = window_.start; r < window_.end; r++) {
    const crosses = r >= range.top && r <= range.bottom;
    rows.push(
      <GridRow
        key={r}
        r={r}
        model={model}
        ariaRowIndex={plan.header.rows + r + 1}
        template={template}
        totalWidth={totalWidth}
        frozen={frozen}
        offsets={offsets}
        {...(crosses ? { selectedFrom: range.left, selectedTo: range.right } : {})}
        activeColumn={r === active.r ? active.c : -1}
        editing={r === active.r && Boolean(state.editing)}
      />,
    );
  }

  const headerRows: ReactElement[] = [];
  for (let hr = 0; hr < plan.header.rows; hr++) {
    headerRows.push(
      <div key={hr} role="row" aria-rowindex={hr + 1} className="grid-header-row">
        {plan.header.cells
          .filter((cell) => cell.row === hr)
          .map((cell) => {
            const sticky = cell.column + cell.columnSpan <= frozen;
            return (
              <div
                key={`${cell.row}:${cell.column}`}
                role="columnheader"
                aria-colindex={cell.column + 1}
                aria-colspan={cell.columnSpan > 1 ? cell.columnSpan : undefined}
                aria-rowspan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                className={`grid-header-cell${sticky ? ' is-frozen' : ''}${sticky && cell.column + cell.columnSpan === frozen ? ' is-frozen-edge' : ''}`}
                title={cell.label}
                style={{
                  gridRow: `${cell.row + 1} / span ${cell.rowSpan}`,
                  gridColumn: `${cell.column + 1} / span ${cell.columnSpan}`,
                  ...(sticky ? { position: 'sticky', left: offsets[cell.column] ?? 0 } : {}),
                }}
              >
                {cell.label}
              </div>
            );
          })}
      </div>,
    );
  }

  const activeColumn = plan.columns[active.c];
  const rowName = model.displayAt({ r: active.r, c: Math.max(0, frozen - 1) });
  const editable = model.isEditable(active);

  return (
    <div
      ref={scrollRef}
      className={`budget-grid${props.className ? ` ${props.className}` : ''}`}
      role="grid"
      aria-label={plan.title || GRID_TEXT.gridLabel}
      aria-rowcount={plan.header.rows + model.rows}
      aria-colcount={model.cols}
      aria-multiselectable="true"
      onScroll={measure}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) focusEditor();
      }}
    >
      <div className="grid-canvas" style={{ width: totalWidth }}>
        <div className="grid-header" role="rowgroup" style={{ gridTemplateColumns: template, gridTemplateRows: `repeat(${plan.header.rows}, ${HEADER_ROW_HEIGHT}px)`, width: totalWidth }}>
          {headerRows}
        </div>
        <div
          className="grid-body"
          role="rowgroup"
          style={{ height: model.rows * ROW_HEIGHT, width: totalWidth }}
          onMouseDown={onMouseDown}
          onMouseOver={onMouseOver}
          onDoubleClick={onDoubleClick}
        >
          {rows}
          <CellEditor
            ref={editorRef}
            rect={{ top: active.r * ROW_HEIGHT, left: offsets[active.c] ?? 0, width: widths[active.c] ?? 0, height: ROW_HEIGHT }}
            editing={state.editing}
            label={`${rowName} ${activeColumn?.label ?? ''}${editable ? '' : `（${GRID_TEXT.readOnlyCell}）`}`}
            onKeyDown={onKeyDown}
            onText={(text) => setState(textChanged(stateRef.current, text, modelRef.current))}
            onCompositionStart={() => {
              composing.current = true;
              setState(compositionStarted(stateRef.current, modelRef.current));
            }}
            onCompositionEnd={(event) => {
              composing.current = false;
              const s = stateRef.current;
              if (s.editing) setState(textChanged(s, event.currentTarget.value, modelRef.current));
              else if (!modelRef.current.isEditable(s.active)) run({ state: s, commands: [{ type: 'readOnly', at: s.active }] });
            }}
            onCopy={onCopy}
            onCut={onCut}
            onPaste={onPaste}
          />
        </div>
      </div>
    </div>
  );
}
