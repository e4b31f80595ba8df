// Opens an address in the user's default browser: $BROWSER when set (also how tests capture the address),
// otherwise xdg-open / open / `cmd /c start`. The browser is detached, so stopping the web host leaves it open.
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface BrowserEnvironment {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  spawn?: (command: string, args: string[], options: SpawnOptions) => ChildProcess;
}

/** The command line that opens `url`, or a Chinese reason why none can. */
export function browserCommand(url: string, options: BrowserEnvironment = {}): { command: string; args: string[]; verbatim?: boolean } | { reason: string } {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const browser = env.BROWSER?.trim();
  if (browser) {
    // A path (possibly with spaces) is one command; otherwise "firefox --new-window" style words.
    if (existsSync(browser)) return { command: browser, args: [url] };
    const [command, ...args] = browser.split(/\s+/) as [string, ...string[]];
    return { command, args: [...args, url] };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` treats its first quoted argument as a window title, hence the empty "".
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], verbatim: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: '没有图形桌面' };
  return { command: 'xdg-open', args: [url] };
}

/** Resolves with undefined once the opener started (and did not fail at once), else with a Chinese reason. */
export function openBrowser(url: string, options: BrowserEnvironment = {}): Promise<string | undefined> {
  const chosen = browserCommand(url, options);
  if ('reason' in chosen) return Promise.resolve(chosen.reason);
  const spawn = options.spawn ?? nodeSpawn;
  return new Promise((done) => {
    let child: ChildProcess;
    try {
      child = spawn(chosen.command, chosen.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: chosen.verbatim === true });
    } catch {
      done(`无法运行 ${chosen.command}`);
      return;
    }
    // xdg-open and `start` return quickly; a real browser named in $BROWSER may run on, which is fine.
    const settle = setTimeout(() => done(undefined), 1500);
    settle.unref();
    child.once('error', () => {
      clearTimeout(settle);
      done(`无法运行 ${chosen.command}`);
    });
    child.once('exit', (code) => {
      clearTimeout(settle);
      done(code === 0 || code === null ? undefined : `${chosen.command} 退出码 ${code}`);
    });
    child.unref();
  });
}
