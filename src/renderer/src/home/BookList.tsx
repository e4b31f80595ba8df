// The books in use: name (the clerk's title, or department · year), template, latest import, findings counts, and
// per book 重命名 (in place), 另存为副本, 导入记录, 删除 (to the 回收站).
import { useState, type ReactElement } from 'react';
import type { BookListItem } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { bookName, shownTime } from '../books/names';
import '../books/books.css';

export interface BookActions {
  open(bookId: number): void;
  rename(book: BookListItem, title: string): Promise<void>;
  duplicate(book: BookListItem): void;
  showLog(book: BookListItem): void;
  trash(book: BookListItem): void;
}

export function BookList({ books, actions }: { books: BookListItem[]; actions: BookActions }): ReactElement {
  const [renaming, setRenaming] = useState<number | undefined>();
  return (
    <table>
      <thead>
        <tr>
          {UI_TEXT.bookListColumns.map((c) => <th key={c}>{c}</th>)}
        </tr>
      </thead>
      <tbody>
        {books.map((book) => (
          <tr key={book.id} onDoubleClick={() => actions.open(book.id)}>
            <td className="name">
              {renaming === book.id ? (
                <RenameForm book={book} onDone={() => setRenaming(undefined)} onSave={(title) => actions.rename(book, title)} />
              ) : (
                <>
                  <button type="button" className="link" onClick={() => actions.open(book.id)}>{bookName(book)}</button>
                  {book.title !== undefined && <small>{UI_TEXT.bookName(book.department, book.year)}</small>}
                </>
              )}
            </td>
            <td>{book.year}</td>
            <td>{book.familyName}</td>
            <td className="last-import"><LastImport book={book} /></td>
            <td className="when">{shownTime(book.updatedAt)}</td>
            <td className={book.summary.errors ? 'count error' : 'count'}>{book.summary.errors}</td>
            <td className={book.summary.warnings ? 'count warning' : 'count'}>{book.summary.warnings}</td>
            <td>
              <div className="book-actions" role="group" aria-label={`${UI_TEXT.bookListColumns[7]}：${bookName(book)}`}>
                <button type="button" onClick={() => setRenaming(book.id)}>{UI_TEXT.rename}</button>
                <button type="button" onClick={() => actions.duplicate(book)}>{UI_TEXT.duplicate}</button>
                <button type="button" onClick={() => actions.showLog(book)}>{UI_TEXT.importLog}</button>
                <button type="button" onClick={() => actions.trash(book)}>{UI_TEXT.trash}</button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** When and how the book was last filled (导入, 导入表格, 另存为副本, 新建), and what that import noticed. */
function LastImport({ book }: { book: BookListItem }): ReactElement | null {
  const last = book.lastImport;
  if (!last) return null;
  const { errors, warnings, infos } = last.counts;
  return (
    <>
      <span className="when">{shownTime(last.at)}</span>
      <br />
      {UI_TEXT.importKind(last.kind, last.files.length, last.copyOf)}
      {last.undone && UI_TEXT.importUndone} · <span className={errors + warnings ? 'problems' : undefined}>{UI_TEXT.noticeCounts(errors, warnings, infos)}</span>
    </>
  );
}

function RenameForm({ book, onSave, onDone }: { book: BookListItem; onSave(title: string): Promise<void>; onDone(): void }): ReactElement {
  const [title, setTitle] = useState(book.title ?? '');
  const save = async (): Promise<void> => {
    await onSave(title);
    onDone();
  };
  return (
    <form className="rename-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <input
        aria-label={UI_TEXT.renameLabel}
        placeholder={UI_TEXT.renamePlaceholder}
        title={UI_TEXT.renamePlaceholder}
        value={title}
        maxLength={200}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Escape') onDone(); }}
      />
      <button type="submit">{UI_TEXT.save}</button>
      <button type="button" onClick={onDone}>{UI_TEXT.cancel}</button>
    </form>
  );
}
