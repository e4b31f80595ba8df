// The workbench: the book list, or one open book. Messages appear in one polite live region.
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { UI_TEXT } from '../../shared/strings';
import { BookView } from './book/BookView';
import { Home } from './home/Home';

export function App(): ReactElement {
  const [bookId, setBookId] = useState<number | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [command, setCommand] = useState<{ name: string; at: number } | undefined>();

  const onMessage = useCallback((text: string) => setMessage(text), []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(undefined), 6000);
    return () => clearTimeout(timer);
  }, [message]);
  useEffect(() => window.workbench?.onMenu((name) => (name === 'new' || name === 'open' ? setBookId(undefined) : setCommand({ name, at: Date.now() }))), []);

  return (
    <>
      {bookId === undefined ? <Home onOpen={setBookId} onMessage={onMessage} /> : <BookView bookId={bookId} onClose={() => setBookId(undefined)} onMessage={onMessage} {...(command ? { command } : {})} />}
      <div className="toast" role="status" aria-live="polite">{message ?? ''}</div>
      <noscript>{UI_TEXT.appTitle}</noscript>
    </>
  );
}
