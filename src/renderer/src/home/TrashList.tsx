// The 回收站: books deleted or replaced by a re-import, with 恢复 and 彻底删除.
import type { ReactElement } from 'react';
import type { TrashListItem } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { bookName, shownTime } from '../books/names';

export function TrashList({ books, onRestore, onPurge }: { books: TrashListItem[]; onRestore(book: TrashListItem): void; onPurge(book: TrashListItem): void }): ReactElement {
  if (books.length === 0) return <p className="empty">{UI_TEXT.trashEmpty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {UI_TEXT.trashColumns.map((c) => <th key={c}>{c}</th>)}
        </tr>
      </thead>
      <tbody>
        {books.map((book) => (
          <tr key={book.id}>
            <td className="name">
              {bookName(book)}
              {book.title !== undefined && <small>{UI_TEXT.bookName(book.department, book.year)}</small>}
            </td>
            <td>{book.year}</td>
            <td>{book.familyName}</td>
            <td className="when">{shownTime(book.deletedAt)}</td>
            <td>{book.replacedBy !== undefined ? UI_TEXT.reasonReplaced : UI_TEXT.reasonDeleted}</td>
            <td>
              <div className="book-actions" role="group" aria-label={`${UI_TEXT.trashColumns[5]}：${bookName(book)}`}>
                <button type="button" onClick={() => onRestore(book)}>{UI_TEXT.restore}</button>
                <button type="button" onClick={() => onPurge(book)}>{UI_TEXT.purge}</button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
