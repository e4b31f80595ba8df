// The workbench: the book list, or one open book, as the address bar says (route.ts). Messages: messages/.
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { UI_TEXT } from '../../shared/strings';
import { BookView } from './book/BookView';
import { Home } from './home/Home';
import { Messages } from './messages/Messages';
import { useMessages } from './messages/useMessages';
import { navigate, parseRoute, type Route } from './route';

export function App(): ReactElement {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  /** Counts moves the clerk made with back/forward or by typing an address (not our own updates of the bar). */
  const [travelled, setTravelled] = useState(0);
  const [command, setCommand] = useState<{ name: string; at: number } | undefined>();
  const { messages, notify, dismiss } = useMessages();

  useEffect(() => {
    const follow = (): void => {
      setRoute(parseRoute(location.hash));
      setTravelled((n) => n + 1);
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('hashchange', follow);
    };
  }, []);
  const go = useCallback((next: Route, mode: 'push' | 'replace' = 'push') => {
    navigate(next, mode);
    setRoute(next);
  }, []);
  const openBook = useCallback((bookId: number | undefined) => go(bookId === undefined ? {} : { bookId }), [go]);
  useEffect(() => window.workbench?.onMenu((name) => (name === 'new' || name === 'open' ? openBook(undefined) : setCommand({ name, at: Date.now() }))), [openBook]);

  return (
    <>
      {route.bookId === undefined ? (
        <Home onOpen={openBook} onMessage={notify} />
      ) : (
        <BookView key={route.bookId} bookId={route.bookId} route={route} travelled={travelled} onNavigate={go} onClose={() => openBook(undefined)} onMessage={notify} {...(command ? { command } : {})} />
      )}
      <Messages messages={messages} dismiss={dismiss} />
      <noscript>{UI_TEXT.appTitle}</noscript>
    </>
  );
}
