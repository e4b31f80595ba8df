// The preview of a quick fix: every cell it will change, before → after; nothing changes until 确认.
import { useEffect, useRef, type ReactElement } from 'react';
import type { QuickFixPreview } from '../../../shared/api/contract';
import { Dec, formatAmount } from '../../../shared/money';
import { UI_TEXT } from '../../../shared/strings';

interface FixDialogProps {
  fix: QuickFixPreview;
  onConfirm(): void;
  onCancel(): void;
}

const shown = (value: string | null): string => (value === null ? UI_TEXT.blankValue : formatAmount(new Dec(value)));

export function FixDialog({ fix, onConfirm, onCancel }: FixDialogProps): ReactElement {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="fix-title">
        <h2 id="fix-title">{fix.label}</h2>
        <p>{UI_TEXT.fixWillChange(fix.changes.length)}</p>
        <ol className="fix-changes">
          {fix.changes.map((change) => (
            <li key={`${change.tableId}|${change.side}|${change.rowKey}|${change.columnId}`}>
              <span className="where">{change.label}</span>
              <span className="values">
                {shown(change.before)} → <strong>{shown(change.after)}</strong>
              </span>
            </li>
          ))}
        </ol>
        <p className="hint">{UI_TEXT.fixUndoHint}</p>
        <div className="dialog-buttons">
          <button ref={confirm} type="button" className="primary" onClick={onConfirm}>
            {UI_TEXT.confirmFix}
          </button>
          <button type="button" onClick={onCancel}>
            {UI_TEXT.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
