// One browser session against a fresh store and the local web host, for each e2e file: the renderer is built from
// the current sources once (a lock keeps parallel files from building twice), Debian Chromium at 1366×768, and
// screenshots under test-results/e2e/ for people to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureBuilt } from '../../scripts/start/build.mjs';
import { openStore, type Store } from '../../src/main/store';
import { startWebHost, type WebHost } from '../../src/main/web/host';
import { makeTmpDir, type TmpDir } from '../helpers/tmp';

export const ROOT = join(__dirname, '..', '..');
export const SHOTS = join(ROOT, 'test-results', 'e2e');
const CHROMIUM = '/usr/bin/chromium';

export interface E2eSession {
  tmp: TmpDir;
  store: Store;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** Console errors and failed requests the page produced (a clean UI has none). */
  consoleErrors: string[];
  shot(name: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function openSession(name: string): Promise<E2eSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install the Debian package chromium`);
  const failed = await ensureBuilt(ROOT, () => undefined);
  if (failed) throw new Error(`build failed, see ${failed}`);
  mkdirSync(SHOTS, { recursive: true });
  const tmp = makeTmpDir(`e2e-${name}-`);
  const store = openStore(tmp.file('e2e.db'));
  const host = await startWebHost({ store, rendererDir: join(ROOT, 'out', 'renderer') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('requestfailed', (request) => consoleErrors.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(host.url);
  return {
    tmp,
    store,
    host,
    browser,
    page,
    consoleErrors,
    shot: (shotName) => page.screenshot({ path: join(SHOTS, `${shotName}.png`) }),
    async close() {
      await browser.close();
      await host.close();
      store.close();
      tmp.remove();
    },
  };
}

/** The page answers through a local server: allow for a busy CI machine. */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 50 });
