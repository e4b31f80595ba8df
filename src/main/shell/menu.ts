// The Chinese native menu, as a pure template. Most items are commands for the renderer (channel 'menu');
// the command names live in src/shared/api/menu.ts, which the preload may import (it may not import src/main).
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/menu';
import { MENU_TEXT } from '../../shared/strings';

export { MENU_COMMANDS, isMenuCommand, type MenuCommand } from '../../shared/api/menu';

export interface MenuActions {
  /** Forwards a command to the window's renderer: webContents.send('menu', command). */
  send(command: MenuCommand): void;
  /** 另存备份, done in the main process. */
  saveBackup(): void;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const send = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(command),
  });
  return [
    {
      label: MENU_TEXT.file,
      submenu: [
        send(MENU_TEXT.newBook, 'new', 'CmdOrCtrl+N'),
        send(MENU_TEXT.open, 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        send(MENU_TEXT.importExcel, 'import', 'CmdOrCtrl+I'),
        send(MENU_TEXT.exportExcel, 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { label: MENU_TEXT.saveBackup, click: () => actions.saveBackup() },
        { type: 'separator' },
        { label: MENU_TEXT.quit, role: 'quit' },
      ],
    },
    {
      label: MENU_TEXT.edit,
      submenu: [
        send(MENU_TEXT.undo, 'undo', 'CmdOrCtrl+Z'),
        send(MENU_TEXT.redo, 'redo', 'CmdOrCtrl+Y'),
        { type: 'separator' },
        { label: MENU_TEXT.copy, role: 'copy' },
        { label: MENU_TEXT.paste, role: 'paste' },
      ],
    },
    {
      label: MENU_TEXT.review,
      submenu: [send(MENU_TEXT.reviewAll, 'reviewAll', 'F9'), send(MENU_TEXT.nextIssue, 'nextIssue', 'F8')],
    },
  ];
}
