// One open book as the renderer holds it: the book, its findings and which cells are totals, kept current by laying
// every patch the services return onto the shown copy (the same `applyPatch` the session uses).
import { useCallback, useEffect, useState } from 'react';
import type { ValidationState } from '../../../shared/api/contract';
import type { Book } from '../../../shared/book';
import { applyPatch, type BookPatch } from '../../../shared/cell';
import { invoke } from '../api';
import type { Notify } from '../messages/useMessages';

export interface BookData {
  book?: Book;
  state?: ValidationState;
  /** `cellKey`s of totals that follow their parts. */
  computed: ReadonlySet<string>;
  setState(state: ValidationState): void;
  showPatch(patch: BookPatch): void;
  /** A change the services answered with outside figures (a 绩效目标表 saved): laid onto the shown copy. */
  updateBook(update: (book: Book) => Book): void;
  reload(): Promise<void>;
}

export function useBook(bookId: number, notify: Notify): BookData {
  const [book, setBook] = useState<Book | undefined>();
  const [state, setState] = useState<ValidationState | undefined>();
  const [computed, setComputed] = useState<ReadonlySet<string>>(new Set());

  const reload = useCallback(async () => {
    const response = await invoke('book.get', { bookId });
    if (!response.ok) return notify(response.error.message, 'error');
    setBook(response.result.book);
    setState(response.result.state);
    setComputed(new Set(response.result.computed));
  }, [bookId, notify]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const showPatch = useCallback((patch: BookPatch) => {
    setBook((current) => {
      if (!current) return current;
      const next = structuredClone(current);
      applyPatch(next, patch);
      return next;
    });
  }, []);

  const updateBook = useCallback((update: (book: Book) => Book) => setBook((current) => (current ? update(current) : current)), []);

  return { ...(book ? { book } : {}), ...(state ? { state } : {}), computed, setState, showPatch, updateBook, reload };
}
