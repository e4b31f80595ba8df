// `npm run web`: the workbench UI and API in a local browser (127.0.0.1 only). The first line of stdout is the
// address to open (it carries the access token in its fragment); the data file is the desktop app's own.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultDatabasePath } from '../app-paths';
import { openStore, type Store } from '../store';
import { startWebHost, type WebHost } from './host';

const USAGE = '用法：npm run web [-- --db 数据文件路径] [--port 端口号] [--renderer 界面目录]';

interface Options {
  db: string;
  port: number;
  renderer: string;
}

class UsageError extends Error {}

/** The folder holding package.json, walking up from this file (works from src/main/web and from a bundle). */
function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(__dirname, '..', '..', '..');
    dir = parent;
  }
}

function parseArgs(argv: string[]): Options {
  const options: Options = { db: defaultDatabasePath(), port: 0, renderer: join(projectRoot(), 'out', 'renderer') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`参数 ${arg} 后面缺少取值。`);
      return next;
    };
    if (arg === '--db') options.db = resolve(value());
    else if (arg === '--renderer') options.renderer = resolve(value());
    else if (arg === '--port') {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`端口号「${text}」不正确，应为 0–65535 的整数（0 表示随机）。`);
      options.port = port;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new UsageError(`不认识的参数「${arg}」。`);
  }
  return options;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n${USAGE}`);
    throw error;
  }
  if (!existsSync(join(options.renderer, 'index.html'))) {
    fail(`找不到界面文件 ${join(options.renderer, 'index.html')}。请先运行 npm run build（或直接用 npm run web，它会先构建）。`);
  }

  let store: Store;
  try {
    mkdirSync(dirname(options.db), { recursive: true });
    store = openStore(options.db);
  } catch (error) {
    fail(`无法打开数据文件 ${options.db}：${error instanceof Error ? error.message : String(error)}`);
  }

  let host: WebHost;
  try {
    host = await startWebHost({ store, port: options.port, rendererDir: options.renderer });
  } catch (error) {
    store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`端口 ${options.port} 已被占用，请换一个端口（--port）或用 --port 0 随机选择。`);
    fail(`无法启动本地服务：${error instanceof Error ? error.message : String(error)}`);
  }

  process.stdout.write(`${host.url}\n`);
  process.stdout.write(`请在浏览器中打开上面的地址（仅本机可访问）。数据文件：${store.path}。按 Ctrl+C 停止服务。\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const finish = (): void => {
      store.close();
      process.stdout.write('本地服务已停止，数据已保存。\n');
      process.exit(0);
    };
    // Every edit is committed when its response is sent; closing the server only stops new requests.
    host.close().then(finish, finish);
    setTimeout(finish, 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => fail(`程序内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
