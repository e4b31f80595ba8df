// Messages for the clerk: notes fade after a few seconds; errors stay until dismissed; every message of the session
// is kept in the 消息记录 list, newest first.
import { useCallback, useRef, useState } from 'react';

export type MessageKind = 'info' | 'error';

export interface MessageAction {
  label: string;
  run(): void;
}

export interface Message {
  id: number;
  text: string;
  kind: MessageKind;
  at: Date;
  action?: MessageAction;
  dismissed: boolean;
}

export type Notify = (text: string, kind?: MessageKind, action?: MessageAction) => void;

const INFO_SECONDS = 6;

export function useMessages(): { messages: Message[]; notify: Notify; dismiss(id: number): void } {
  const [messages, setMessages] = useState<Message[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setMessages((list) => list.map((m) => (m.id === id ? { ...m, dismissed: true } : m))), []);
  const notify = useCallback<Notify>(
    (text, kind = 'info', action) => {
      const id = next.current++;
      setMessages((list) => [{ id, text, kind, at: new Date(), dismissed: false, ...(action ? { action } : {}) }, ...list].slice(0, 200));
      if (kind === 'info' && !action) setTimeout(() => dismiss(id), INFO_SECONDS * 1000);
    },
    [dismiss],
  );
  return { messages, notify, dismiss };
}
