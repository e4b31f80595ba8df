// `budget-workbench web [--db PATH] [--port N] [--open]`: the workbench UI and API for a browser on this machine
// (127.0.0.1 only). The address, token included, is the first line of stdout. Runs until SIGINT/SIGTERM/SIGHUP,
// then closes the server and the store and returns 0. `npm start` falls back to this same command.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultDatabasePath } from '../app-paths';
import { openStore, type Store } from '../store';
import { startWebHost, type WebHost } from '../web/host';
import { openBrowser } from '../web/open-browser';
import { parseArgs, UsageError } from './args';
import { EXIT, type CliIO } from './output';
import { describeStoreFailure, webMessages } from './web-messages';

const STOP_SIGNALS: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The folder holding package.json, walking up from this file (works from src/main/cli and from out/main). */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(__dirname, '..', '..');
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(webMessages.badPort(text));
  return port;
}

function listenFailure(port: number, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return webMessages.portInUse(port);
  if (code === 'EACCES') return webMessages.portDenied(port);
  return webMessages.cannotListen(error instanceof Error ? error.message : String(error));
}

export async function runWeb(argv: string[], io: CliIO): Promise<number> {
  // --renderer is for tests and odd layouts; users never need it.
  const args = parseArgs(argv, { flags: ['open'], options: ['db', 'port', 'renderer'] });
  if (args.positional.length > 0) throw new UsageError(`web 不接受参数「${args.positional[0]}」。`);
  const port = parsePort(args.options.get('port'));
  const db = resolve(args.options.get('db') ?? defaultDatabasePath());
  const renderer = resolve(args.options.get('renderer') ?? join(projectRoot(), 'out', 'renderer'));
  if (!existsSync(join(renderer, 'index.html'))) {
    io.err(webMessages.noRenderer(join(renderer, 'index.html')));
    return EXIT.unreadable;
  }

  let store: Store;
  try {
    mkdirSync(dirname(db), { recursive: true });
    store = openStore(db);
  } catch (error) {
    io.err(describeStoreFailure(db, error));
    return EXIT.unreadable;
  }

  let host: WebHost;
  try {
    host = await startWebHost({ store, port, rendererDir: renderer });
  } catch (error) {
    store.close();
    io.err(listenFailure(port, error));
    return EXIT.unreadable;
  }

  const stopped = untilStopped(host, store, io);
  const opening = args.flags.has('open');
  io.out(host.url);
  io.out(webMessages.ready(store.path, opening));
  if (opening) {
    void openBrowser(host.url).then((reason) => {
      if (reason) io.err(webMessages.browserFailed(reason));
    });
  }
  return stopped;
}

/** Resolves with exit code 0 after the first stop signal has closed the server and the store. */
function untilStopped(host: WebHost, store: Store, io: CliIO): Promise<number> {
  return new Promise((done) => {
    const stop = (): void => {
      clearInterval(orphanWatch);
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      const finish = (): void => {
        store.close();
        io.out(webMessages.stopped);
        done(EXIT.ok);
      };
      // Every edit is committed before its response is sent; closing only refuses new requests.
      host.close().then(finish, finish);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
    // Under `npm run web`/`npm start`/npx a SIGTERM ends npm and its shell, which do not pass it on: stop when
    // that parent is gone rather than serve on unseen (POSIX re-parents us, so ppid changes).
    const parent = process.ppid;
    const orphanWatch = process.env.npm_lifecycle_event ? setInterval(() => process.ppid !== parent && stop(), 500).unref() : undefined;
  });
}
