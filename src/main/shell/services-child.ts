// The services process's side of the channel: opens the store, composes the services (createServices) and the API
// over them, answers main's forwarded calls and 另存备份, and closes the store when asked. Plain Node: no Electron
// module, so tests drive it with a fake parent port.
import { createRouter, type Router } from '../api/router';
import { Workbench } from '../api/workbench';
import { SERVICE_TEXT } from '../../shared/strings';
import { createServices } from '../services';
import { openStore } from '../store';
import { backupDatabaseFile } from './database';
import type { FromServices, ParentPortLike, ServicesInit, ToServices } from './services-protocol';

export interface ServicesHost {
  router: Router;
  backup(target: string): void | Promise<void>;
  close(): void;
}

/** The real thing: the store at init.database, the services in 'electron' mode, the one router. */
export function openServicesHost(init: ServicesInit): ServicesHost {
  const store = openStore(init.database, init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
  const services = createServices({ store, mode: 'electron', version: init.version });
  return {
    router: createRouter(new Workbench(services)),
    backup: (target) => backupDatabaseFile(store.path, target, init.nativeBinding),
    close: () => store.close(),
  };
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function serveServices(port: ParentPortLike, open: (init: ServicesInit) => ServicesHost = openServicesHost, exit: (code: number) => void = (code) => process.exit(code)): void {
  let host: ServicesHost | undefined;
  let closing = false;
  const inflight = new Set<Promise<void>>();
  const post = (message: FromServices): void => port.postMessage(message);
  const track = (work: Promise<void>): void => {
    inflight.add(work);
    void work.catch(() => undefined).finally(() => inflight.delete(work));
  };

  const answer = (id: number, method: string, params: unknown): Promise<void> =>
    (host ? host.router.call(method, params) : Promise.resolve({ ok: false as const, error: { code: 'internal' as const, message: SERVICE_TEXT.notReady } })).then((response) => {
      try {
        post({ type: 'result', id, response });
      } catch (error) {
        // A result that cannot cross the channel is a program error, answered as one rather than never.
        post({ type: 'result', id, response: { ok: false, error: { code: 'internal', message: `程序内部错误：${reasonOf(error)}` } } });
      }
    });

  port.on('message', ({ data }) => {
    const message = data as ToServices;
    switch (message.type) {
      case 'init':
        try {
          host = open(message.init);
          post({ type: 'ready' });
        } catch (error) {
          post({ type: 'failed', message: reasonOf(error) });
          exit(1);
        }
        return;
      case 'call':
        if (closing) post({ type: 'result', id: message.id, response: { ok: false, error: { code: 'refused', message: SERVICE_TEXT.stopping } } });
        else track(answer(message.id, message.method, message.params));
        return;
      case 'backup':
        track(
          Promise.resolve()
            .then(() => host?.backup(message.target))
            .then(
              () => post({ type: 'backupDone', id: message.id }),
              (error: unknown) => post({ type: 'backupDone', id: message.id, error: reasonOf(error) }),
            ),
        );
        return;
      case 'close':
        if (closing) return;
        closing = true;
        // Every edit answered is committed; let the calls in flight finish, then close the store (WAL folded in).
        void Promise.allSettled([...inflight]).then(() => {
          host?.close();
          post({ type: 'closed' });
          exit(0);
        });
        return;
    }
  });
}
