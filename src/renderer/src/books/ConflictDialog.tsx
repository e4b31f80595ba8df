// The question a re-import asks before anything is stored (books.importOrAsk): 替换, 保留两份 or 取消.
import type { ReactElement } from 'react';
import type { ImportConflict } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { Modal } from './Modal';
import { bookName, shownTime } from './names';

export type ConflictChoice = 'replace' | 'keep' | 'cancel';

export function ConflictDialog({ conflict, onChoose }: { conflict: ImportConflict; onChoose(choice: ConflictChoice): void }): ReactElement {
  const { incoming, existing } = conflict;
  return (
    <Modal title={UI_TEXT.conflictTitle} onClose={() => onChoose('cancel')}>
      <p>{UI_TEXT.conflictText(incoming.department, incoming.year, incoming.familyName, incoming.unit)}</p>
      <ul className="existing">
        {existing.map((b) => <li key={b.id}>{UI_TEXT.conflictExisting(bookName(b), shownTime(b.updatedAt))}</li>)}
      </ul>
      <div className="choices">
        <button type="button" onClick={() => onChoose('replace')}>{UI_TEXT.conflictReplace}</button>
        <span>{UI_TEXT.conflictReplaceHint}</span>
        <button type="button" onClick={() => onChoose('keep')}>{UI_TEXT.conflictKeep}</button>
        <span>{UI_TEXT.conflictKeepHint}</span>
        {/* The safe answer has the focus: Enter on an unread question stores nothing. */}
        <button type="button" data-autofocus onClick={() => onChoose('cancel')}>{UI_TEXT.conflictCancel}</button>
        <span>{UI_TEXT.conflictCancelHint}</span>
      </div>
    </Modal>
  );
}
