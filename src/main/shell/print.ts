// 打印预览 → 保存为 PDF in the desktop app: Chromium prints our own page, whose print CSS lays out the preview's A4
// sheets (one or more per table, each in its own orientation, `@page` sizes preferred), and the clerk chooses
// where the PDF goes. Written to a temporary name and renamed, like the export, so a failure leaves no half file.
import { rename, rm, writeFile } from 'node:fs/promises';
import type { BrowserWindow, IpcMain, WebContents } from 'electron';
import { CHANNELS } from '../../shared/api/bridge';
import { UI_TEXT } from '../../shared/strings';
import { describeWriteError } from '../export/write-errors';
import { safeFileName, withExtension, type DialogModule } from './dialogs';
import { registerChecked, type SenderCheck } from './ipc';

/** What printing needs of the window (a subset, so tests can pass a fake). */
export interface PdfWindow {
  webContents: Pick<WebContents, 'printToPDF' | 'getTitle'>;
}

/** Asks where, prints the window's page to PDF there; the path, or undefined when cancelled or not written. */
export async function printToPdf(dialog: DialogModule, window: PdfWindow): Promise<string | undefined> {
  const parent = window as unknown as BrowserWindow;
  // The preview names the page after the book (document.title), so the PDF is offered under the export's name.
  const name = safeFileName(window.webContents.getTitle()) || UI_TEXT.appTitle;
  const chosen = await dialog.showSaveDialog(parent, {
    title: UI_TEXT.pdfDialogTitle,
    defaultPath: withExtension(name, '.pdf'),
    filters: [{ name: UI_TEXT.pdfFilter, extensions: ['pdf'] }],
    properties: ['showOverwriteConfirmation'],
  });
  if (chosen.canceled || !chosen.filePath) return undefined;
  const path = withExtension(chosen.filePath, '.pdf');
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const data = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    await writeFile(temporary, data);
    await rename(temporary, path);
    return path;
  } catch (error) {
    await rm(temporary, { force: true });
    const described = describeWriteError(error, path);
    await dialog.showMessageBox(parent, { type: 'error', title: UI_TEXT.appTitle, message: UI_TEXT.pdfFailed(described instanceof Error ? described.message : String(described)) });
    return undefined;
  }
}

/** The channel, sender-checked like every other: only our page in our window may print itself. */
export function registerPrintToPdf(ipcMain: Pick<IpcMain, 'handle'>, isTrustedSender: SenderCheck, dialog: DialogModule, window: () => PdfWindow): void {
  registerChecked(ipcMain, CHANNELS.printToPdf, isTrustedSender, () => printToPdf(dialog, window()));
}
