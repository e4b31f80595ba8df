// The toasts (notes fade, errors stay until ×) and the 消息记录 list of everything said this session.
import { useState, type ReactElement } from 'react';
import { UI_TEXT } from '../../../shared/strings';
import type { Message } from './useMessages';

interface MessagesProps {
  messages: Message[];
  dismiss(id: number): void;
}

const time = (at: Date): string => at.toTimeString().slice(0, 8);

export function Messages({ messages, dismiss }: MessagesProps): ReactElement {
  const [showLog, setShowLog] = useState(false);
  const shown = messages.filter((m) => !m.dismissed).slice(0, 4);
  return (
    <>
      <div className="toasts" role="status" aria-live="polite">
        {shown.map((message) => (
          <div key={message.id} className={`toast ${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
            <span>{message.text}</span>
            {message.action && (
              <button
                type="button"
                onClick={() => {
                  message.action?.run();
                  dismiss(message.id);
                }}
              >
                {message.action.label}
              </button>
            )}
            <button type="button" className="close" aria-label={UI_TEXT.dismiss} onClick={() => dismiss(message.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      <button type="button" className="message-log-toggle" aria-expanded={showLog} onClick={() => setShowLog(!showLog)}>
        {UI_TEXT.messageLog(messages.length)}
      </button>
      {showLog && (
        <section className="message-log" aria-label={UI_TEXT.messageLogTitle}>
          <h2>{UI_TEXT.messageLogTitle}</h2>
          {messages.length === 0 ? (
            <p className="empty">{UI_TEXT.noMessages}</p>
          ) : (
            <ol>
              {messages.map((message) => (
                <li key={message.id} className={message.kind}>
                  <time>{time(message.at)}</time> {message.text}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
