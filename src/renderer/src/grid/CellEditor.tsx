// The grid's one owned <textarea>. It always sits over the active cell and keeps the focus, transparent until
// an edit starts, so the first keystroke of a Chinese IME composition already lands in the right place.
import type { ClipboardEvent, CompositionEvent, FormEvent, KeyboardEvent, ReactElement, Ref } from 'react';
import type { Editing } from './useSelection';

export interface CellEditorProps {
  ref?: Ref<HTMLTextAreaElement>;
  rect: { top: number; left: number; width: number; height: number };
  editing: Editing | undefined;
  label: string;
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void;
  onText(text: string): void;
  onCompositionStart(event: CompositionEvent<HTMLTextAreaElement>): void;
  onCompositionEnd(event: CompositionEvent<HTMLTextAreaElement>): void;
  onCopy(event: ClipboardEvent<HTMLTextAreaElement>): void;
  onCut(event: ClipboardEvent<HTMLTextAreaElement>): void;
  onPaste(event: ClipboardEvent<HTMLTextAreaElement>): void;
}

export function CellEditor(props: CellEditorProps): ReactElement {
  const { rect, editing } = props;
  return (
    <div
      className={`grid-editor${editing ? ' is-editing' : ''}`}
      style={{ top: rect.top, left: rect.left, width: rect.width, height: rect.height }}
    >
      <textarea
        ref={props.ref}
        className="grid-editor-input"
        aria-label={props.label}
        aria-invalid={editing?.hint ? true : undefined}
        value={editing ? editing.text : ''}
        spellCheck={false}
        autoComplete="off"
        rows={1}
        onKeyDown={props.onKeyDown}
        onChange={(event: FormEvent<HTMLTextAreaElement>) => props.onText(event.currentTarget.value)}
        onCompositionStart={props.onCompositionStart}
        onCompositionEnd={props.onCompositionEnd}
        onCopy={props.onCopy}
        onCut={props.onCut}
        onPaste={props.onPaste}
      />
      {editing?.hint ? (
        <div className="grid-editor-hint" role="alert">
          {editing.hint}
        </div>
      ) : null}
    </div>
  );
}
