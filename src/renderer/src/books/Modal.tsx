// A modal <dialog>: focus stays inside while it is open, Esc closes it (as 取消), the page behind is inert. The
// element marked data-autofocus gets the focus (showModal would otherwise focus the first button; React's
// autoFocus runs before showModal and is undone by it).
import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import './books.css';

interface ModalProps {
  title: string;
  /** Esc, or the caller's own close button. */
  onClose(): void;
  children: ReactNode;
}

export function Modal({ title, onClose, children }: ModalProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Esc: the caller decides what closing means (and unmounts us).
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
