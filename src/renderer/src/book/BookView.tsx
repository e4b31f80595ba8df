// One book: toolbar, table tabs, the grid (or 概览 / 打印预览), the findings panel and a status bar. Every edit is
// saved at once. Where the clerk is lives in the address bar (route.ts); problems are grouped by cause
// (causes.ts) and walked with F8 / Shift+F8; Ctrl+F finds across tables; quick fixes are previewed before they run.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { QuickFixPreview, ValidationState } from '../../../shared/api/contract';
import { cellKey, patchCells, type CellAddress, type CellValue, type BookPatch } from '../../../shared/cell';
import { planTable } from '../../../shared/export/layout';
import { cellLabel, exportFileName } from '../../../shared/labels';
import { UI_TEXT } from '../../../shared/strings';
import { findFamily } from '../../../shared/template/registry';
import { groupByCause, type CauseGroup, type RecentEdit } from '../../../shared/validation/causes';
import type { Finding, Location } from '../../../shared/validation';
import { invoke } from '../api';
import { ImportIntoBook } from '../books/ImportIntoBook';
import { download } from '../files';
import { Grid } from '../grid/Grid';
import type { Notify } from '../messages/useMessages';
import { PERFORMANCE_TEXT } from '../messages/performance-text';
import type { FieldFocus } from '../performance/FormEditor';
import { PerformanceView, type PerformanceRoute } from '../performance/PerformanceView';
import { ProjectFormButton } from '../performance/ProjectFormButton';
import type { Route } from '../route';
import { FindBar } from './FindBar';
import { FindingsPanel, type PanelFixes } from './FindingsPanel';
import { FixDialog } from './FixDialog';
import { NarrativeView } from './NarrativeView';
import { Overview } from './Overview';
import { usePanelLayout } from './panel-layout';
import { PrintPreview } from './PrintPreview';
import { RowTools } from './RowTools';
import { TableTabs } from './TableTabs';
import { useBook } from './useBook';

interface BookViewProps {
  bookId: number;
  route: Route;
  /** Changes when the clerk moves with back/forward: the view follows the address bar then. */
  travelled: number;
  onNavigate(route: Route, mode?: 'push' | 'replace'): void;
  onClose(): void;
  onMessage: Notify;
  /** Menu commands from the Electron shell ('undo', 'redo', 'export', 'nextIssue' …). */
  command?: { name: string; at: number };
}

type Focus = Omit<CellAddress, 'tableId'>;
type PendingFix = { fix: QuickFixPreview; findingKey?: string };

const sameCell = (a: Focus | undefined, b: Focus | undefined): boolean => a?.side === b?.side && a?.rowKey === b?.rowKey && a?.columnId === b?.columnId;
const addressOf = (l: Location): CellAddress => ({ tableId: l.tableId, side: l.side ?? 'main', rowKey: l.rowKey, columnId: l.columnId ?? '' });

export function BookView({ bookId, route, travelled, onNavigate, onClose, onMessage, command }: BookViewProps): ReactElement {
  const { book, state, computed, setState, showPatch, updateBook, reload } = useBook(bookId, onMessage);
  const [tableId, setTableId] = useState(route.tableId ?? 't01');
  const [focus, setFocus] = useState<Focus | undefined>(route.cell);
  const [saving, setSaving] = useState(false);
  const [selected, setSelected] = useState<{ side: string; rowKey: string } | undefined>();
  /** The tables (the grid), the 概览 page or the 打印预览. */
  const [view, setView] = useState<'table' | 'overview' | 'print' | 'narrative' | 'performance'>(route.performance ? 'performance' : 'table');
  /** The 绩效目标表 field a finding asked for. */
  const [formFocus, setFormFocus] = useState<(FieldFocus & { formIndex: number }) | undefined>();
  const [recent, setRecent] = useState<RecentEdit[]>([]);
  const [selectedGroup, setSelectedGroup] = useState<string | undefined>();
  const [fixes, setFixes] = useState<PanelFixes | undefined>();
  const [pendingFix, setPendingFix] = useState<PendingFix | undefined>();
  const [finding, setFinding] = useState(false);
  const panel = usePanelLayout();

  const family = book ? findFamily(book.familyId) : undefined;
  const def = family?.tables.find((t) => t.id === tableId) ?? family?.tables[0];
  const plan = useMemo(() => (book && def && family ? planTable(book, def, book.tables.find((t) => t.tableId === def.id), family) : undefined), [book, def, family]);
  const groups = useMemo(() => (state ? groupByCause(state.findings, recent, computed) : []), [state, recent, computed]);
  const openGroups = useMemo(() => groups.filter((g) => !g.explained), [groups]);
  const infos = useMemo(() => state?.findings.filter((f) => f.severity === 'info') ?? [], [state]);
  const describe = useCallback((address: CellAddress) => (book && family ? cellLabel(book, family, address) : address.rowKey), [book, family]);

  // Back/forward (or a typed address) move within this book; our own updates of the address bar do not.
  useEffect(() => {
    if (travelled === 0) return;
    if (route.performance) setView('performance');
    else if (view === 'performance') setView('table');
    if (route.tableId && route.tableId !== tableId) setTableId(route.tableId);
    if (route.cell && !sameCell(route.cell, focus)) setFocus(route.cell);
  }, [travelled]);

  /** Shows a table (a new history entry) and, optionally, selects a cell in it. */
  const show = useCallback(
    (address: { tableId: string } & Partial<Focus>) => {
      const cell = address.side && address.rowKey && address.columnId !== undefined ? { side: address.side, rowKey: address.rowKey, columnId: address.columnId } : undefined;
      setView('table');
      setTableId(address.tableId);
      setFocus(cell);
      onNavigate({ bookId, tableId: address.tableId, ...(cell ? { cell } : {}) }, address.tableId === tableId ? 'replace' : 'push');
    },
    [bookId, tableId, onNavigate],
  );

  const remember = (patch: BookPatch): void => setRecent((list) => [...list.slice(-19), { set: patch.set, touched: patchCells(patch) }]);

  const afterWrite = (result: ValidationState & { patch: BookPatch }): void => {
    const { patch, ...validation } = result;
    setState(validation);
    showPatch(patch);
    remember(patch);
  };

  const edit = async (cells: CellValue[]): Promise<void> => {
    if (!book || cells.length === 0) return;
    setSaving(true);
    const response = await invoke('book.setCells', { bookId, cells });
    setSaving(false);
    if (!response.ok) return onMessage(response.error.message, 'error');
    afterWrite(response.result);
  };

  const history = async (method: 'book.undo' | 'book.redo'): Promise<void> => {
    const response = await invoke(method, { bookId });
    if (!response.ok) return onMessage(response.error.message, 'error');
    const { changed, patch, reload: structural, ...validation } = response.result;
    if (!changed) return onMessage(method === 'book.undo' ? UI_TEXT.nothingToUndo : UI_TEXT.nothingToRedo);
    if (method === 'book.undo') setRecent((list) => list.slice(0, -1));
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
    if (!response.ok) return onMessage(response.error.message, 'error');
    if (response.result.dataBase64) download(response.result.fileName, response.result.dataBase64);
    onMessage(UI_TEXT.exported(response.result.fileName));
  };

  /** The whole disclosure document (.docx): cover, 目录, the tables, the 情况说明. */
  const exportDocument = async (): Promise<void> => {
    if (!book) return;
    const fileName = exportFileName(book).replace(/\.xlsx$/i, '.docx');
    const path = window.workbench ? await window.workbench.saveExport(fileName) : undefined;
    if (window.workbench && !path) return;
    const response = await invoke('export.document', { bookId, ...(path ? { path } : {}) });
    if (!response.ok) return onMessage(response.error.message, 'error');
    if (response.result.dataBase64) download(response.result.fileName, response.result.dataBase64);
    onMessage(UI_TEXT.exported(response.result.fileName));
  };

  const explain = async (findings: Finding[], text: string | null): Promise<void> => {
    for (const f of findings) {
      const response = await invoke('validation.explain', { bookId, findingKey: f.key, text });
      if (!response.ok) return onMessage(response.error.message, 'error');
      setState(response.result);
    }
  };

  /** Which finding each offered fix belongs to (applying names it again). */
  const findingOfFix = useRef(new Map<QuickFixPreview, string>());

  /** Fixes of every finding in a group, the ones that change the most implicated cell first, each offered once. */
  const loadFixes = async (group: CauseGroup): Promise<void> => {
    setFixes({ groupKey: group.key });
    const usage = new Map<string, number>();
    for (const f of state?.findings ?? []) for (const l of f.locations) usage.set(cellKey(addressOf(l)), (usage.get(cellKey(addressOf(l))) ?? 0) + 1);
    const found: { fix: QuickFixPreview; findingKey: string; weight: number }[] = [];
    const members = [group.primary, ...group.consequences];
    const answers = await Promise.all(members.map((f) => invoke('book.fixes', { bookId, findingKey: f.key })));
    for (const [i, response] of answers.entries()) {
      const f = members[i] as Finding;
      if (!response.ok) continue;
      for (const fix of response.result) {
        const first = fix.changes[0];
        const id = fix.changes.map((c) => `${cellKey(c)}=${c.after}`).join(';');
        if (first && !found.some((x) => x.fix.changes.map((c) => `${cellKey(c)}=${c.after}`).join(';') === id)) found.push({ fix, findingKey: f.key, weight: usage.get(cellKey(first)) ?? 0 });
      }
    }
    found.sort((a, b) => b.weight - a.weight);
    findingOfFix.current = new Map(found.map((x) => [x.fix, x.findingKey]));
    setFixes({ groupKey: group.key, list: found.slice(0, 3).map((x) => x.fix) });
  };

  /** The 绩效目标 view: the list, a form, or a new form for a project (a new history entry). */
  const showPerformance = useCallback(
    (performance: PerformanceRoute, mode: 'push' | 'replace' = 'push') => {
      setView('performance');
      setFormFocus(undefined);
      onNavigate({ bookId, performance }, mode);
    },
    [bookId, onNavigate],
  );

  const selectGroup = (group: CauseGroup): void => {
    setSelectedGroup(group.key);
    // A finding on a 绩效目标表 opens the form at its field (its 表十二 cell stays a link).
    const form = group.primary.form;
    if (form?.scope === 'project' && form.formIndex !== undefined) {
      showPerformance({ formIndex: form.formIndex });
      setFormFocus({ field: form.field, at: Date.now(), formIndex: form.formIndex });
      return;
    }
    const target = group.target ?? (group.primary.locations[0] ? addressOf(group.primary.locations[0]) : undefined);
    if (target) show(target);
    void loadFixes(group);
  };

  const step = (direction: 1 | -1): void => {
    if (openGroups.length === 0) return onMessage(UI_TEXT.noProblems);
    const at = openGroups.findIndex((g) => g.key === selectedGroup);
    const next = openGroups[(at + direction + openGroups.length) % openGroups.length] as CauseGroup;
    selectGroup(next);
    onMessage(UI_TEXT.problemPosition(openGroups.indexOf(next) + 1, openGroups.length));
  };

  const applyFix = async ({ fix, findingKey }: PendingFix): Promise<void> => {
    setPendingFix(undefined);
    const response = await invoke('book.applyFix', { bookId, fixId: fix.id, ...(findingKey ? { findingKey } : {}) });
    if (!response.ok) return onMessage(response.error.message, 'error');
    afterWrite(response.result);
    setFixes(undefined);
    onMessage(UI_TEXT.fixed(fix.label));
  };

  const recalculateAll = async (): Promise<void> => {
    const response = await invoke('book.fixes', { bookId });
    if (!response.ok) return onMessage(response.error.message, 'error');
    const [fix] = response.result;
    if (!fix) return onMessage(UI_TEXT.allTotalsAgree);
    setPendingFix({ fix });
  };

  /** Typing on a total: say why it is computed and, when it disagrees with its parts, offer to recalculate it. */
  const explainComputed = async (cell: CellAddress): Promise<void> => {
    const label = describe(cell);
    const at = state?.findings.find((f) => f.locations[0] && cellKey(addressOf(f.locations[0])) === cellKey(cell));
    const response = at ? await invoke('book.fixes', { bookId, findingKey: at.key }) : undefined;
    const recalculate = response?.ok ? response.result.find((f) => f.id === 'recalculate') : undefined;
    if (!recalculate || !at) return onMessage(UI_TEXT.computedCell(label));
    onMessage(UI_TEXT.computedCellWithFinding(label), 'info', { label: UI_TEXT.recalculate, run: () => setPendingFix({ fix: recalculate, findingKey: at.key }) });
  };

  useEffect(() => {
    if (!command) return;
    if (command.name === 'undo') void history('book.undo');
    if (command.name === 'redo') void history('book.redo');
    if (command.name === 'export') void exportWorkbook();
    if (command.name === 'nextIssue') step(1);
    // Only a new command triggers; the handlers read the latest state.
  }, [command]);

  // Keys that work anywhere in the book: Ctrl+Z / Ctrl+Y (the grid handles them itself while it has focus),
  // F8 / Shift+F8 (next / previous problem), Ctrl+F (find).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || pendingFix) return;
      if (event.key === 'F8') {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'f') {
        event.preventDefault();
        setFinding(true);
        return;
      }
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (key === 'z' && !event.shiftKey) void history('book.undo');
      else if (key === 'y' || (key === 'z' && event.shiftKey)) void history('book.redo');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!book || !state || !family || !plan || !def) return <main className="loading">{UI_TEXT.loading}</main>;
  const tableFindings = state.findings.filter((f) => f.locations.some((l) => l.tableId === def.id));
  const narrativeProblems = state.findings.filter((f) => f.narrative && f.severity !== 'info' && !f.explanation).length;
  const formProblems = state.findings.filter((f) => f.form && f.severity !== 'info' && !f.explanation).length;
  return (
    <div className="book">
      <header className="toolbar">
        <button type="button" onClick={onClose}>{UI_TEXT.back}</button>
        <h1 title={`${book.department} · ${book.year}年 · ${family.name}`}>{book.department} · {book.year}年 · {family.name}</h1>
        <button type="button" onClick={() => void history('book.undo')} disabled={!state.canUndo}>{UI_TEXT.undo}</button>
        <button type="button" onClick={() => void history('book.redo')} disabled={!state.canRedo}>{UI_TEXT.redo}</button>
        <button type="button" onClick={() => setFinding(true)} title="Ctrl+F">{UI_TEXT.find}</button>
        <button type="button" onClick={() => void recalculateAll()}>{UI_TEXT.recalculateAll}</button>
        <button type="button" onClick={() => setView(view === 'narrative' ? 'table' : 'narrative')} aria-pressed={view === 'narrative'}>
          {UI_TEXT.narrative}
          {narrativeProblems > 0 && <span className="badge error">{narrativeProblems}</span>}
        </button>
        {family.projects && (
          <button type="button" onClick={() => (view === 'performance' ? show({ tableId }) : showPerformance({}))} aria-pressed={view === 'performance'}>
            {PERFORMANCE_TEXT.view}
            {formProblems > 0 && <span className="badge error">{formProblems}</span>}
          </button>
        )}
        <button type="button" onClick={() => setView(view === 'overview' ? 'table' : 'overview')} aria-pressed={view === 'overview'}>{UI_TEXT.overview}</button>
        <button type="button" onClick={() => setView('print')}>{UI_TEXT.printPreview}</button>
        <ImportIntoBook bookId={bookId} onDone={() => void reload()} onMessage={onMessage} />
        <button type="button" onClick={() => void exportWorkbook()}>{UI_TEXT.export}</button>
        <button type="button" onClick={() => void exportDocument()} title={UI_TEXT.exportDocumentHint}>{UI_TEXT.exportDocument}</button>
      </header>
      {finding && <FindBar book={book} family={family} onShow={show} onClose={() => setFinding(false)} />}
      {view === 'print' && <PrintPreview book={book} family={family} onClose={() => setView('table')} />}
      <TableTabs family={family} year={book.year} selected={def.id} findings={state.findings} onSelect={(id) => show({ tableId: id })} />
      <div className="workspace">
        {view === 'performance' ? (
          <PerformanceView
            bookId={bookId}
            book={book}
            state={state}
            route={route.performance ?? {}}
            {...(formFocus && formFocus.formIndex === route.performance?.formIndex ? { focus: formFocus } : {})}
            onNavigate={showPerformance}
            onState={setState}
            onForms={(update) => updateBook((b) => ({ ...b, performanceForms: update(b.performanceForms ?? []) }))}
            onReload={() => void reload()}
            onMessage={onMessage}
          />
        ) : view === 'narrative' ? (
          <NarrativeView bookId={bookId} book={book} findings={state.findings.filter((f) => f.narrative)} onChanged={() => void reload()} onShow={show} onMessage={onMessage} />
        ) : view === 'overview' ? (
          <Overview book={book} family={family} state={state} />
        ) : (
          <section className="sheet" aria-label={plan.title}>
            <div className="sheet-title">
              <ProjectFormButton book={book} tableId={def.id} {...(selected ? { selected } : {})} onOpen={showPerformance} onMessage={onMessage} />
              {plan.title}
              <RowTools bookId={bookId} book={book} def={def} {...(selected ? { selected } : {})} onChanged={() => void reload()} onMessage={onMessage} />
            </div>
            <Grid
              key={def.id}
              plan={plan}
              findings={tableFindings}
              readOnlyCells={computed}
              onSelectionChange={(cell) => {
                setSelected(cell ? { side: cell.side, rowKey: cell.rowKey } : undefined);
                if (cell) onNavigate({ bookId, tableId: def.id, cell: { side: cell.side, rowKey: cell.rowKey, columnId: cell.columnId } }, 'replace');
              }}
              {...(focus ? { focus } : {})}
              onEdit={(cells) => void edit(cells)}
              onUndo={() => void history('book.undo')}
              onRedo={() => void history('book.redo')}
              onMessage={onMessage}
              onReadOnly={(cell) => void explainComputed(cell)}
            />
          </section>
        )}
        <FindingsPanel
          groups={groups}
          infos={infos}
          summary={state.summary}
          {...(selectedGroup ? { selectedKey: selectedGroup } : {})}
          {...(fixes ? { fixes } : {})}
          describe={describe}
          onSelect={selectGroup}
          onLocation={(l) => show(addressOf(l))}
          onFix={(fix) => setPendingFix({ fix, ...(findingOfFix.current.get(fix) ? { findingKey: findingOfFix.current.get(fix) as string } : {}) })}
          onExplain={(findings, text) => void explain(findings, text)}
          onNext={() => step(1)}
          onPrevious={() => step(-1)}
          collapsed={panel.collapsed}
          onCollapse={panel.setCollapsed}
          width={panel.width}
          onResize={panel.setWidth}
        />
      </div>
      {pendingFix && <FixDialog fix={pendingFix.fix} onConfirm={() => void applyFix(pendingFix)} onCancel={() => setPendingFix(undefined)} />}
      <footer className="status" role="status">
        <span>{saving ? UI_TEXT.saving : UI_TEXT.saved}</span>
        <span>{UI_TEXT.unit(book.unit)}</span>
        <span>{UI_TEXT.revision(state.revision)}</span>
      </footer>
    </div>
  );
}
