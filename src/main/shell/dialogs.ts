// Native file dialogs behind small functions that take the dialog module, so tests can pass a fake.
import type { BrowserWindow, Dialog } from 'electron';
import { MENU_TEXT } from '../../shared/strings';

export type DialogModule = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;

/** Excel workbooks to import (several files make one book); [] when cancelled. */
export async function chooseWorkbooks(dialog: DialogModule, window: BrowserWindow): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: MENU_TEXT.openTitle,
    filters: [{ name: MENU_TEXT.excelFilter, extensions: ['xlsx', 'xls'] }],
    properties: ['openFile', 'multiSelections'],
  });
  return result.canceled ? [] : result.filePaths;
}

/** Where to write the exported workbook (always .xlsx); null when cancelled. */
export async function chooseExportPath(dialog: DialogModule, window: BrowserWindow, defaultName: string): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: MENU_TEXT.exportTitle,
    defaultPath: withExtension(safeFileName(defaultName) || '预算公开', '.xlsx'),
    filters: [{ name: MENU_TEXT.excelFilter, extensions: ['xlsx'] }],
    properties: ['showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  return withExtension(result.filePath, '.xlsx');
}

/** 另存备份: asks where, then `backup(path)` (a consistent copy of the database file); tells the clerk how it went. */
export async function saveBackup(
  dialog: DialogModule,
  window: BrowserWindow,
  backup: (path: string) => Promise<void> | void,
  defaultName = `预算公开工作台备份-${new Date().toISOString().slice(0, 10)}.db`,
): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: MENU_TEXT.backupTitle,
    defaultPath: defaultName,
    filters: [{ name: MENU_TEXT.backupFilter, extensions: ['db'] }],
    properties: ['showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  const path = withExtension(result.filePath, '.db');
  try {
    await backup(path);
  } catch (error) {
    await dialog.showMessageBox(window, { type: 'error', message: MENU_TEXT.backupFailed(error instanceof Error ? error.message : String(error)) });
    return null;
  }
  await dialog.showMessageBox(window, { type: 'info', message: MENU_TEXT.backupDone(path) });
  return path;
}

export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
}

/** The renderer suggests a name; only its last segment, without characters Windows forbids, is used. */
export function safeFileName(name: string): string {
  const last = String(name).split(/[\\/]/).pop() ?? '';
  return last.replace(/[<>:"|?*\u0000-\u001f]/g, '').trim();
}
