// 首页: the clerk's books, 新建 from a template, 导入 from Excel (button or drag and drop).
import { useEffect, useState, type DragEvent, type ReactElement } from 'react';
import type { ApiResult, BookListItem } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { invoke } from '../api';
import { isWorkbookFile, toWorkbookInputs } from '../files';

interface HomeProps {
  onOpen(bookId: number): void;
  onMessage(text: string): void;
}

export function Home({ onOpen, onMessage }: HomeProps): ReactElement {
  const [books, setBooks] = useState<BookListItem[]>([]);
  const [families, setFamilies] = useState<ApiResult<'app.info'>['families']>([]);
  const [importing, setImporting] = useState<string | undefined>();
  const [dragging, setDragging] = useState(false);
  const [draft, setDraft] = useState({ familyId: 'shanxi-2024', year: new Date().getFullYear(), department: '' });

  const refresh = async (): Promise<void> => {
    const [list, info] = await Promise.all([invoke('books.list', {}), invoke('app.info', {})]);
    if (list.ok) setBooks(list.result);
    if (info.ok) setFamilies(info.result.families);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const importInputs = async (label: string, files: Parameters<typeof invoke<'books.import'>>[1]['files']): Promise<void> => {
    setImporting(label);
    const response = await invoke('books.import', { files });
    setImporting(undefined);
    if (!response.ok) return onMessage(response.error.message);
    const warnings = response.result.notices.filter((n) => n.level !== '提示').length;
    onMessage(`${warnings ? UI_TEXT.importedWithNotices(warnings) : UI_TEXT.imported}${response.result.detection}`);
    onOpen(response.result.bookId);
  };

  const importFromDialog = async (): Promise<void> => {
    const paths = await window.workbench?.openWorkbooks();
    if (paths?.length) await importInputs(paths.join('、'), paths.map((path) => ({ name: path.split(/[\\/]/).pop() ?? path, path })));
  };

  const importFiles = async (files: File[]): Promise<void> => {
    const workbooks = files.filter(isWorkbookFile);
    if (workbooks.length === 0) return onMessage(UI_TEXT.notWorkbook);
    await importInputs(workbooks.map((f) => f.name).join('、'), await toWorkbookInputs(workbooks));
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  };

  const create = async (): Promise<void> => {
    const response = await invoke('books.create', draft);
    if (!response.ok) return onMessage(response.error.message);
    onOpen(response.result.bookId);
  };

  return (
    <main className={`home${dragging ? ' dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <header className="home-header">
        <h1>{UI_TEXT.appTitle}</h1>
        <div className="actions">
          {window.workbench ? (
            <button type="button" onClick={() => void importFromDialog()}>{UI_TEXT.import}</button>
          ) : (
            <label className="button">
              {UI_TEXT.import}
              <input type="file" accept=".xlsx,.xls" multiple hidden onChange={(e) => void importFiles([...(e.target.files ?? [])])} />
            </label>
          )}
        </div>
      </header>
      {importing && <p className="progress" role="status">{UI_TEXT.importing(importing)}</p>}
      <section aria-label={UI_TEXT.books} className="books">
        <h2>{UI_TEXT.books}</h2>
        {books.length === 0 ? (
          <p className="empty">{UI_TEXT.noBooks}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {UI_TEXT.bookColumns.map((c) => <th key={c}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {books.map((book) => (
                <tr key={book.id} onDoubleClick={() => onOpen(book.id)}>
                  <td><button type="button" className="link" onClick={() => onOpen(book.id)}>{book.department}</button></td>
                  <td>{book.year}</td>
                  <td>{book.familyName}</td>
                  <td>{new Date(book.updatedAt).toLocaleString('zh-CN')}</td>
                  <td className={book.summary.errors ? 'count error' : 'count'}>{book.summary.errors}</td>
                  <td className={book.summary.warnings ? 'count warning' : 'count'}>{book.summary.warnings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label={UI_TEXT.newBook} className="new-book">
        <h2>{UI_TEXT.newBook}</h2>
        <label>{UI_TEXT.template}<select value={draft.familyId} onChange={(e) => setDraft({ ...draft, familyId: e.target.value })}>{families.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}</select></label>
        <label>{UI_TEXT.year}<input type="number" value={draft.year} onChange={(e) => setDraft({ ...draft, year: Number(e.target.value) })} /></label>
        <label>{UI_TEXT.department}<input value={draft.department} onChange={(e) => setDraft({ ...draft, department: e.target.value })} placeholder={UI_TEXT.departmentPlaceholder} /></label>
        <button type="button" onClick={() => void create()} disabled={!draft.department.trim()}>{UI_TEXT.create}</button>
      </section>
      <p className="hint">{UI_TEXT.dropHint}</p>
    </main>
  );
}
