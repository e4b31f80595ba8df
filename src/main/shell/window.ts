// The one application window, locked down: our page only, no navigation, no pop-ups, no webviews, no permissions.
import { BrowserWindow, screen, type WebContents } from 'electron';
import { join } from 'node:path';
import { UI_TEXT } from '../../shared/strings';
import type { AppPages } from './ipc';
import { MIN_HEIGHT, MIN_WIDTH, readWindowState, WINDOW_STATE_FILE, writeWindowState } from './window-state';

/** The same policy as the meta tag in src/renderer/index.html; in dev the Vite server (and its HMR socket) too. */
export function contentSecurityPolicy(devUrl?: string): string {
  let connect = "'self'";
  if (devUrl) {
    const dev = new URL(devUrl);
    connect += ` ${dev.origin} ${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Navigation, redirects, new windows and webviews: all refused, for any webContents. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface MainWindowOptions {
  pages: AppPages;
  /** out/preload/index.js */
  preload: string;
  /** app.getPath('userData') */
  userData: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = join(options.userData, WINDOW_STATE_FILE);
  const state = readWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: UI_TEXT.appTitle,
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: options.preload },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    writeWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  const contents = window.webContents;
  lockDownContents(contents);
  const session = contents.session;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const csp = contentSecurityPolicy(options.pages.devUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });

  if (options.pages.devUrl) void window.loadURL(options.pages.devUrl);
  else void window.loadFile(options.pages.indexFile);
  return window;
}
