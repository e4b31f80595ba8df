// Electron shell: one locked-down window. All domain work lives in services that also run under plain Node.
import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { UI_TEXT } from '../shared/strings';

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: UI_TEXT.appTitle,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // No navigation away from the bundled UI and no new windows: the app is offline by design.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(join(__dirname, '../renderer/index.html'));
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(() => {
    void shell; // reserved for "open containing folder" later; never used for URLs
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
}
