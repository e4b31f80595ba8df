// One field of the form editor: the clerk's text is kept here while typing and committed on Enter (Ctrl+Enter in a
// multi-line field) or on leaving the field; Esc puts the saved text back. IME-safe: nothing is committed while a
// composition is open (compositionstart … compositionend; Enter that picks a candidate is the IME's, not ours).
// `fields` are the form paths (FormFieldPath) the input stands for, so a finding can focus it and mark it.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { Finding } from '../../../shared/validation/types';

interface FormFieldProps {
  value: string;
  /** Resolves false when the text was refused: the field shows the saved text again. */
  onCommit(text: string): Promise<boolean> | boolean;
  label: string;
  fields?: readonly string[];
  /** Findings on these fields: the field is marked and says them on hover. */
  marks?: readonly Finding[];
  multiline?: boolean;
  rows?: number;
  align?: 'left' | 'right' | 'center';
  placeholder?: string;
  className?: string;
  /** How the saved text reads while the field is not being edited ("28569.78" → "28,569.78"). */
  format?: (value: string) => string;
}

export function FormField({ value, onCommit, label, fields = [], marks = [], multiline, rows = 2, align, placeholder, className, format }: FormFieldProps): ReactElement {
  const [text, setText] = useState(value);
  const [editing, setEditing] = useState(false);
  const focused = useRef(false);
  const composing = useRef(false);
  // A newer saved text (undo, another window) shows unless the clerk is typing here.
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);

  const commit = async (): Promise<void> => {
    if (text === value) return;
    const accepted = await onCommit(text);
    if (!accepted) setText(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape') {
      setText(value);
      return;
    }
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  };

  const severity = marks.some((m) => m.severity === 'error') ? 'error' : marks.length ? 'warning' : undefined;
  const common = {
    value: format && !editing && text === value ? format(value) : text,
    'aria-label': label,
    'aria-invalid': severity ? true : undefined,
    'data-fields': fields.join(' ') || undefined,
    className: ['pf-input', severity ? `has-${severity}` : '', className ?? ''].filter(Boolean).join(' '),
    title: marks.length ? marks.map((m) => m.message).join('\n') : undefined,
    placeholder,
    style: align ? { textAlign: align } : undefined,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onFocus: () => {
      focused.current = true;
      setEditing(true);
    },
    onBlur: () => {
      focused.current = false;
      setEditing(false);
      void commit();
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: { currentTarget: { value: string } }) => {
      composing.current = false;
      setText(e.currentTarget.value);
    },
    onKeyDown,
  };
  return multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />;
}
