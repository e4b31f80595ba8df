// One book: toolbar, table tabs, the grid, the findings panel and a status bar. Every edit is saved at once.
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { Book } from '../../../shared/book';
import type { ValidationState } from '../../../shared/api/contract';
import { applyPatch, type CellAddress, type CellValue } from '../../../shared/cell';
import { planTable } from '../../../shared/export/layout';
import { exportFileName } from '../../../shared/labels';
import { UI_TEXT } from '../../../shared/strings';
import { findFamily } from '../../../shared/template/registry';
import type { Finding } from '../../../shared/validation';
import { invoke } from '../api';
import { download } from '../files';
import { Grid } from '../grid/Grid';
import { FindingsPanel } from './FindingsPanel';
import { Overview } from './Overview';
import { PrintPreview } from './PrintPreview';
import { RowTools } from './RowTools';
import { TableTabs } from './TableTabs';

interface BookViewProps {
  bookId: number;
  onClose(): void;
  onMessage(text: string): void;
  /** Menu commands from the Electron shell ('undo', 'redo', 'export', 'nextFinding' …). */
  command?: { name: string; at: number };
}

type Focus = Omit<CellAddress, 'tableId'>;

export function BookView({ bookId, onClose, onMessage, command }: BookViewProps): ReactElement {
  const [book, setBook] = useState<Book | undefined>();
  const [state, setState] = useState<ValidationState | undefined>();
  const [tableId, setTableId] = useState('t01');
  const [focus, setFocus] = useState<Focus | undefined>();
  const [saving, setSaving] = useState(false);
  const [computed, setComputed] = useState<string[]>([]);
  const [selected, setSelected] = useState<{ side: string; rowKey: string } | undefined>();
  /** The tables (the grid), the 概览 page or the 打印预览. */
  const [view, setView] = useState<'table' | 'overview' | 'print'>('table');

  const reload = useCallback(async () => {
    const response = await invoke('book.get', { bookId });
    if (!response.ok) return onMessage(response.error.message);
    setBook(response.result.book);
    setState(response.result.state);
    setComputed(response.result.computed);
  }, [bookId, onMessage]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const family = book ? findFamily(book.familyId) : undefined;
  const def = family?.tables.find((t) => t.id === tableId);
  const readOnlyCells = useMemo(() => new Set(computed), [computed]);
  const plan = useMemo(() => (book && def && family ? planTable(book, def, book.tables.find((t) => t.tableId === def.id), family) : undefined), [book, def, family]);

  /** Lays a patch from the store onto the shown book: the same `applyPatch` the session used. */
  const showPatch = (patch: Parameters<typeof applyPatch>[1]): void => {
    setBook((current) => {
      if (!current) return current;
      const next = structuredClone(current);
      applyPatch(next, patch);
      return next;
    });
  };

  const edit = async (cells: CellValue[]): Promise<void> => {
    if (!book || cells.length === 0) return;
    setSaving(true);
    const response = await invoke('book.setCells', { bookId, cells });
    setSaving(false);
    if (!response.ok) return onMessage(response.error.message);
    const { patch, ...validation } = response.result;
    setState(validation);
    showPatch(patch);
  };

  const history = async (method: 'book.undo' | 'book.redo'): Promise<void> => {
    const response = await invoke(method, { bookId });
    if (!response.ok) return onMessage(response.error.message);
    const { changed, patch, reload: structural, ...validation } = response.result;
    if (!changed) return onMessage(method === 'book.undo' ? UI_TEXT.nothingToUndo : UI_TEXT.nothingToRedo);
    // Figures come back as a patch; only an undone row insertion or deletion reloads the book.
    if (structural) return reload();
    setState(validation);
    showPatch(patch);
  };

  const exportWorkbook = async (): Promise<void> => {
    if (!book) return;
    if (state && state.summary.errors > 0 && !window.confirm(UI_TEXT.exportWithErrors(state.summary.errors))) return;
    const fileName = exportFileName(book);
    const path = window.workbench ? await window.workbench.saveExport(fileName) : undefined;
    if (window.workbench && !path) return;
    const response = await invoke('export.workbook', { bookId, ...(path ? { path } : {}) });
    if (!response.ok) return onMessage(response.error.message);
    if (response.result.dataBase64) download(response.result.fileName, response.result.dataBase64);
    onMessage(UI_TEXT.exported(response.result.fileName));
  };

  const explain = async (finding: Finding, text: string | null): Promise<void> => {
    const response = await invoke('validation.explain', { bookId, findingKey: finding.key, text });
    if (!response.ok) return onMessage(response.error.message);
    setState(response.result);
  };

  const jump = (finding: Finding): void => {
    const location = finding.locations[0];
    if (!location) return;
    setTableId(location.tableId);
    if (location.rowKey) setFocus({ side: location.side ?? 'main', rowKey: location.rowKey, columnId: location.columnId ?? '' });
  };

  useEffect(() => {
    if (!command) return;
    if (command.name === 'undo') void history('book.undo');
    if (command.name === 'redo') void history('book.redo');
    if (command.name === 'export') void exportWorkbook();
    if (command.name === 'nextIssue') {
      const next = state?.findings.find((f) => f.severity !== 'info');
      if (next) jump(next);
    }
    // Only a new command triggers; the handlers read the latest state.
  }, [command]);

  // Ctrl+Z / Ctrl+Y work anywhere in the book (the grid handles them itself while it has focus).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) void history('book.undo');
      else if (key === 'y' || (key === 'z' && event.shiftKey)) void history('book.redo');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!book || !state || !family || !plan) return <main className="loading">{UI_TEXT.loading}</main>;
  const tableFindings = state.findings.filter((f) => f.locations.some((l) => l.tableId === tableId));
  return (
    <div className="book">
      <header className="toolbar">
        <button type="button" onClick={onClose}>{UI_TEXT.back}</button>
        <h1>{book.department} · {book.year}年 · {family.name}</h1>
        <button type="button" onClick={() => void history('book.undo')} disabled={!state.canUndo}>{UI_TEXT.undo}</button>
        <button type="button" onClick={() => void history('book.redo')} disabled={!state.canRedo}>{UI_TEXT.redo}</button>
        <button type="button" onClick={() => setView(view === 'overview' ? 'table' : 'overview')} aria-pressed={view === 'overview'}>{UI_TEXT.overview}</button>
        <button type="button" onClick={() => setView('print')}>{UI_TEXT.printPreview}</button>
        <button type="button" onClick={() => void exportWorkbook()}>{UI_TEXT.export}</button>
      </header>
      {view === 'print' && <PrintPreview book={book} family={family} onClose={() => setView('table')} />}
      <TableTabs tables={family.tables} selected={tableId} findings={state.findings} onSelect={(id) => { setTableId(id); setFocus(undefined); setView('table'); }} />
      <div className="workspace">
        {view === 'overview' ? <Overview book={book} family={family} state={state} /> : (
        <section className="sheet" aria-label={plan.title}>
          <div className="sheet-title">
            {plan.title}
            {def && <RowTools bookId={bookId} book={book} def={def} {...(selected ? { selected } : {})} onChanged={() => void reload()} onMessage={onMessage} />}
          </div>
          <Grid key={tableId} plan={plan} findings={tableFindings} readOnlyCells={readOnlyCells} onSelectionChange={(cell) => setSelected(cell ? { side: cell.side, rowKey: cell.rowKey } : undefined)} {...(focus ? { focus } : {})} onEdit={(cells) => void edit(cells)} onUndo={() => void history('book.undo')} onRedo={() => void history('book.redo')} onMessage={onMessage} />
        </section>
        )}
        <FindingsPanel findings={state.findings} summary={state.summary} onJump={jump} onExplain={(f, t) => void explain(f, t)} />
      </div>
      <footer className="status" role="status">
        <span>{saving ? UI_TEXT.saving : UI_TEXT.saved}</span>
        <span>{UI_TEXT.unit(book.unit)}</span>
        <span>{UI_TEXT.revision(state.revision)}</span>
      </footer>
    </div>
  );
}
