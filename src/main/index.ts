// Electron shell: one locked-down window over the same router the web host uses. Wiring only; the pieces live
// in ./shell and all domain work in services that also run under plain Node.
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { join } from 'node:path';
import { createRouter } from './api/router';
import { Workbench } from './api/workbench';
import { UI_TEXT } from '../shared/strings';
import { openStore, type Store } from './store';
import { backupDatabaseFile, DATABASE_FILE, electronNativeBinding } from './shell/database';
import { chooseExportPath, chooseWorkbooks, saveBackup } from './shell/dialogs';
import { createSenderCheck, registerApi, registerChecked, type AppPages } from './shell/ipc';
import { buildMenuTemplate } from './shell/menu';
import { ensureSingleInstance } from './shell/single-instance';
import { createMainWindow, lockDownContents } from './shell/window';

let mainWindow: BrowserWindow | null = null;
let store: Store | null = null;

function start(): void {
  const userData = app.getPath('userData');
  const nativeBinding = electronNativeBinding(__dirname);
  const openedStore = openStore(join(userData, DATABASE_FILE), nativeBinding ? { nativeBinding } : {});
  store = openedStore;
  const router = createRouter(new Workbench(openedStore, 'electron', app.getVersion()));

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const pages: AppPages = { indexFile: join(__dirname, '../renderer/index.html'), ...(devUrl ? { devUrl } : {}) };
  const trusted = createSenderCheck(() => mainWindow?.webContents, pages);
  const window = (): BrowserWindow => {
    if (!mainWindow) throw new Error('window closed');
    return mainWindow;
  };

  registerApi(ipcMain, router, trusted);
  registerChecked(ipcMain, 'dialog:openWorkbooks', trusted, () => chooseWorkbooks(dialog, window()));
  registerChecked(ipcMain, 'dialog:saveExport', trusted, (defaultName: unknown) =>
    chooseExportPath(dialog, window(), typeof defaultName === 'string' ? defaultName : ''),
  );

  mainWindow = createMainWindow({ pages, preload: join(__dirname, '../preload/index.js'), userData });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  const menu = buildMenuTemplate({
    send: (command) => mainWindow?.webContents.send('menu', command),
    saveBackup: () => {
      if (!mainWindow) return;
      void saveBackup(dialog, mainWindow, (target) => backupDatabaseFile(openedStore.path, target, nativeBinding));
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
}

if (ensureSingleInstance(app, () => mainWindow)) {
  // Every webContents (there should only ever be ours) gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    store?.close();
    store = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(UI_TEXT.appTitle, error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
