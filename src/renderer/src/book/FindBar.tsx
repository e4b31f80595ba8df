// Ctrl+F: find a code, a name or an amount across every table (src/shared/find.ts); Enter and Shift+Enter walk the
// hits, each shown in its table with the cell selected; Esc closes.
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Book } from '../../../shared/book';
import type { CellAddress } from '../../../shared/cell';
import { findInBook } from '../../../shared/find';
import { UI_TEXT } from '../../../shared/strings';
import type { TemplateFamily } from '../../../shared/template/types';

interface FindBarProps {
  book: Book;
  family: TemplateFamily;
  onShow(address: CellAddress): void;
  onClose(): void;
}

export function FindBar({ book, family, onShow, onClose }: FindBarProps): ReactElement {
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [at, setAt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const hits = useMemo(() => findInBook(book, family, submitted), [book, family, submitted]);

  const go = (step: number): void => {
    if (query !== submitted) {
      const fresh = findInBook(book, family, query);
      setSubmitted(query);
      setAt(0);
      if (fresh[0]) onShow(fresh[0]);
      return;
    }
    if (hits.length === 0) return;
    const next = (at + step + hits.length) % hits.length;
    setAt(next);
    onShow(hits[next] as CellAddress);
  };

  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        type="search"
        aria-label={UI_TEXT.find}
        placeholder={UI_TEXT.findPlaceholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') onClose();
        }}
      />
      <span className="find-count" aria-live="polite">
        {submitted ? UI_TEXT.findResults(hits.length ? at + 1 : 0, hits.length) : ''}
      </span>
      <button type="button" onClick={() => go(-1)} aria-label={UI_TEXT.findPrevious}>
        ▲
      </button>
      <button type="button" onClick={() => go(1)} aria-label={UI_TEXT.findNext}>
        ▼
      </button>
      <button type="button" onClick={onClose} aria-label={UI_TEXT.closeFind}>
        ×
      </button>
    </div>
  );
}
