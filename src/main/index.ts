// Electron shell: one locked-down window, its menu and dialogs, and the IPC channel. The store, the services and
// the API run in a separate services process (shell/services-process.ts → out/main/services.js), so the window
// never waits on SQLite, validation or exceljs; main only forwards the channel's calls to it.
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { join } from 'node:path';
import { UI_TEXT } from '../shared/strings';
import { DATABASE_FILE, electronNativeBinding } from './shell/data-files';
import { chooseExportPath, chooseWorkbooks, saveBackup } from './shell/dialogs';
import { createSenderCheck, registerApi, registerChecked, type AppPages } from './shell/ipc';
import { buildMenuTemplate } from './shell/menu';
import { registerPrintToPdf } from './shell/print';
import { ServicesProcess, type CrashReport } from './shell/services-process';
import { ensureSingleInstance } from './shell/single-instance';
import { createMainWindow, lockDownContents } from './shell/window';

let mainWindow: BrowserWindow | null = null;
let services: ServicesProcess | null = null;

/**
 * A crash with calls in flight is told by those calls' answers (the window shows them); an idle crash, or giving
 * up, by a message box on the window.
 */
function reportCrash(report: CrashReport): void {
  console.error(`services process exited (code ${report.code}); ${report.gaveUp ? 'not restarted' : 'restarted'}`);
  if (!mainWindow || (report.pending > 0 && !report.gaveUp)) return;
  void dialog.showMessageBox(mainWindow, { type: report.gaveUp ? 'error' : 'warning', title: UI_TEXT.appTitle, message: report.message });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const nativeBinding = electronNativeBinding(__dirname);
  const running = new ServicesProcess({
    entry: join(__dirname, 'services.js'),
    init: { database: join(userData, DATABASE_FILE), version: app.getVersion(), ...(nativeBinding ? { nativeBinding } : {}) },
    onCrash: reportCrash,
  });
  services = running;
  await running.start();

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const pages: AppPages = { indexFile: join(__dirname, '../renderer/index.html'), ...(devUrl ? { devUrl } : {}) };
  const trusted = createSenderCheck(() => mainWindow?.webContents, pages);
  const window = (): BrowserWindow => {
    if (!mainWindow) throw new Error('window closed');
    return mainWindow;
  };

  registerApi(ipcMain, running, trusted);
  registerChecked(ipcMain, 'dialog:openWorkbooks', trusted, () => chooseWorkbooks(dialog, window()));
  registerChecked(ipcMain, 'dialog:saveExport', trusted, (defaultName: unknown) =>
    chooseExportPath(dialog, window(), typeof defaultName === 'string' ? defaultName : ''),
  );
  registerPrintToPdf(ipcMain, trusted, dialog, window);

  mainWindow = createMainWindow({ pages, preload: join(__dirname, '../preload/index.js'), userData });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  const menu = buildMenuTemplate({
    send: (command) => mainWindow?.webContents.send('menu', command),
    saveBackup: () => {
      if (!mainWindow) return;
      void saveBackup(dialog, mainWindow, (target) => running.backup(target));
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
}

if (ensureSingleInstance(app, () => mainWindow)) {
  // Every webContents (there should only ever be ours) gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());
  // The services process finishes its calls and closes the store before the app goes.
  let servicesStopped = false;
  app.on('will-quit', (event) => {
    if (servicesStopped || !services) return;
    event.preventDefault();
    void services.stop().finally(() => {
      servicesStopped = true;
      services = null;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(UI_TEXT.appTitle, error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
