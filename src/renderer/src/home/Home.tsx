// 首页: the clerk's books (rename, 另存为副本, 导入记录, 删除 to the 回收站), 新建 from a template, 导入 from Excel
// (button or drag and drop) — a re-import of a book already here asks 替换 / 保留两份 / 取消 before anything is stored.
import { useCallback, useEffect, useState, type DragEvent, type ReactElement } from 'react';
import type { ApiResult, BookListItem, ImportAnswer, ImportConflict, TrashListItem, WorkbookInput } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { invoke } from '../api';
import { ConflictDialog, type ConflictChoice } from '../books/ConflictDialog';
import { ImportLogDialog } from '../books/ImportLogDialog';
import { bookName } from '../books/names';
import { WorkbookPicker } from '../books/WorkbookPicker';
import { isWorkbookFile, toWorkbookInputs } from '../files';
import { BookList, type BookActions } from './BookList';
import { TrashList } from './TrashList';

interface HomeProps {
  onOpen(bookId: number): void;
  /** A message for the clerk; an error stays until dismissed; an action (撤销) may come with it. */
  onMessage(text: string, kind?: 'info' | 'error', action?: { label: string; run(): void }): void;
}

export function Home({ onOpen, onMessage }: HomeProps): ReactElement {
  const [books, setBooks] = useState<BookListItem[]>([]);
  const [trash, setTrash] = useState<TrashListItem[]>([]);
  const [showTrash, setShowTrash] = useState(false);
  const [families, setFamilies] = useState<ApiResult<'app.info'>['families']>([]);
  const [importing, setImporting] = useState<string | undefined>();
  const [conflict, setConflict] = useState<ImportConflict | undefined>();
  const [logOf, setLogOf] = useState<BookListItem | undefined>();
  const [dragging, setDragging] = useState(false);
  const [draft, setDraft] = useState({ familyId: 'shanxi-2024', year: new Date().getFullYear(), department: '' });
  const failed = useCallback((message: string) => onMessage(message, 'error'), [onMessage]);

  /** Reads the lists again; returns the books in use. */
  const refresh = useCallback(async (): Promise<BookListItem[]> => {
    const [list, trashed, info] = await Promise.all([invoke('books.list', {}), invoke('books.listTrash', {}), invoke('app.info', {})]);
    if (list.ok) setBooks(list.result);
    if (trashed.ok) setTrash(trashed.result);
    if (info.ok) setFamilies(info.result.families);
    return list.ok ? list.result : [];
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const imported = (answer: ImportAnswer): void => {
    const warnings = answer.notices.filter((n) => n.level !== '提示').length;
    const done = answer.replaced?.length ? UI_TEXT.replacedDone : warnings ? UI_TEXT.importedWithNotices(warnings) : UI_TEXT.imported;
    onMessage(`${done}${answer.detection}`);
    onOpen(answer.bookId);
  };

  const importInputs = async (files: WorkbookInput[], names: string): Promise<void> => {
    setImporting(names);
    const response = await invoke('books.importOrAsk', { files });
    setImporting(undefined);
    if (!response.ok) return failed(response.error.message);
    if ('conflict' in response.result) return setConflict(response.result.conflict);
    imported(response.result);
  };

  const answer = async (choice: ConflictChoice): Promise<void> => {
    if (!conflict) return;
    setConflict(undefined);
    const response = await invoke('books.importResolve', { stagedId: conflict.stagedId, choice });
    if (!response.ok) return failed(response.error.message);
    if ('cancelled' in response.result) return onMessage(UI_TEXT.importCancelled);
    imported(response.result);
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const workbooks = [...event.dataTransfer.files].filter(isWorkbookFile);
    if (workbooks.length === 0) return failed(UI_TEXT.notWorkbook);
    void toWorkbookInputs(workbooks).then((files) => importInputs(files, workbooks.map((f) => f.name).join('、')));
  };

  const create = async (): Promise<void> => {
    const response = await invoke('books.create', draft);
    if (!response.ok) return failed(response.error.message);
    onOpen(response.result.bookId);
  };

  const restore = async (book: { id: number; title?: string; department: string; year: number }): Promise<void> => {
    const response = await invoke('books.restore', { bookId: book.id });
    if (!response.ok) return failed(response.error.message);
    onMessage(UI_TEXT.restored(bookName(book)));
    await refresh();
  };

  const actions: BookActions = {
    open: onOpen,
    async rename(book, title) {
      const response = await invoke('books.rename', { bookId: book.id, title });
      if (!response.ok) return failed(response.error.message);
      onMessage(response.result.title !== undefined ? UI_TEXT.renamed(response.result.title) : UI_TEXT.renameCleared);
      await refresh();
    },
    async duplicate(book) {
      const response = await invoke('books.duplicate', { bookId: book.id });
      if (!response.ok) return failed(response.error.message);
      const copy = (await refresh()).find((b) => b.id === response.result.bookId);
      onMessage(UI_TEXT.duplicated(copy ? bookName(copy) : bookName(book)));
    },
    showLog: setLogOf,
    async trash(book) {
      const response = await invoke('books.trash', { bookId: book.id });
      if (!response.ok) return failed(response.error.message);
      // Deleting is only moving to the 回收站: 撤销 is right there.
      onMessage(UI_TEXT.trashed(bookName(book)), 'info', { label: UI_TEXT.undo, run: () => void restore(book) });
      await refresh();
    },
  };

  const purge = async (book: TrashListItem): Promise<void> => {
    if (!window.confirm(UI_TEXT.purgeConfirm(bookName(book)))) return;
    const response = await invoke('books.delete', { bookId: book.id });
    if (!response.ok) return failed(response.error.message);
    onMessage(UI_TEXT.purged(bookName(book)));
    await refresh();
  };

  return (
    <main className={`home${dragging ? ' dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <header className="home-header">
        <h1>{UI_TEXT.appTitle}</h1>
        <div className="actions">
          <WorkbookPicker label={UI_TEXT.import} disabled={importing !== undefined} onPicked={(files, names) => void importInputs(files, names)} onMessage={onMessage} />
          <button type="button" aria-pressed={showTrash} onClick={() => setShowTrash(!showTrash)}>{showTrash ? UI_TEXT.backToBooks : UI_TEXT.trashButton(trash.length)}</button>
        </div>
      </header>
      {importing && <p className="progress" role="status">{UI_TEXT.importing(importing)}</p>}
      {showTrash ? (
        <section aria-label={UI_TEXT.trashTitle} className="books trash">
          <h2>{UI_TEXT.trashTitle}</h2>
          <p className="hint">{UI_TEXT.trashHint}</p>
          <TrashList books={trash} onRestore={(book) => void restore(book)} onPurge={(book) => void purge(book)} />
        </section>
      ) : (
        <section aria-label={UI_TEXT.books} className="books">
          <h2>{UI_TEXT.books}</h2>
          {books.length === 0 ? <p className="empty">{UI_TEXT.noBooks}</p> : <BookList books={books} actions={actions} />}
        </section>
      )}
      <section aria-label={UI_TEXT.newBook} className="new-book">
        <h2>{UI_TEXT.newBook}</h2>
        <label>{UI_TEXT.template}<select value={draft.familyId} onChange={(e) => setDraft({ ...draft, familyId: e.target.value })}>{families.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}</select></label>
        <label>{UI_TEXT.year}<input type="number" value={draft.year} onChange={(e) => setDraft({ ...draft, year: Number(e.target.value) })} /></label>
        <label>{UI_TEXT.department}<input value={draft.department} onChange={(e) => setDraft({ ...draft, department: e.target.value })} placeholder={UI_TEXT.departmentPlaceholder} /></label>
        <button type="button" onClick={() => void create()} disabled={!draft.department.trim()}>{UI_TEXT.create}</button>
      </section>
      <p className="hint">{UI_TEXT.dropHint}</p>
      {conflict && <ConflictDialog conflict={conflict} onChoose={(choice) => void answer(choice)} />}
      {logOf && <ImportLogDialog bookId={logOf.id} name={bookName(logOf)} onClose={() => setLogOf(undefined)} onMessage={failed} />}
    </main>
  );
}
