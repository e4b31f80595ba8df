// 导入记录 of one book: every import (its own, a copy, each 导入表格) with the notices it reported, in Chinese.
import { useEffect, useState, type ReactElement } from 'react';
import type { ImportLogEntry } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { invoke } from '../api';
import { Modal } from './Modal';
import { shownTime } from './names';

export function ImportLogDialog({ bookId, name, onClose, onMessage }: { bookId: number; name: string; onClose(): void; onMessage(text: string): void }): ReactElement {
  const [entries, setEntries] = useState<ImportLogEntry[] | undefined>();
  useEffect(() => {
    void invoke('books.importLog', { bookId }).then((response) => {
      if (response.ok) setEntries(response.result);
      else onMessage(response.error.message);
    });
  }, [bookId, onMessage]);

  return (
    <Modal title={UI_TEXT.importLogTitle(name)} onClose={onClose}>
      <div className="import-log">
        {entries === undefined ? <p>{UI_TEXT.loading}</p> : [...entries].reverse().map((entry, i) => (
          <section key={i} aria-label={`${shownTime(entry.at)} ${UI_TEXT.importKind(entry.kind, entry.files.length, entry.copyOf)}`}>
            <h3>
              {shownTime(entry.at)} {UI_TEXT.importKind(entry.kind, entry.files.length, entry.copyOf)}
              {entry.files.length > 0 && ` ${entry.files.join('、')}`}
              {entry.undone && UI_TEXT.importUndone}
            </h3>
            {entry.notices.length === 0 ? <p className="hint">{UI_TEXT.noImportNotices}</p> : (
              <table>
                <tbody>
                  {entry.notices.map((n, i) => (
                    <tr key={i}>
                      <td className={`level ${n.level}`}>{n.level}</td>
                      <td>{n.message}</td>
                      <td className="where">{UI_TEXT.noticeWhere(n.file, n.sheet, n.cell)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
      <div className="footer"><button type="button" data-autofocus onClick={onClose}>{UI_TEXT.close}</button></div>
    </Modal>
  );
}
