// The menu commands the main process forwards to the renderer over the 'menu' channel (the preload's workbench.onMenu).
// Part of the contract between processes: src/main/shell/menu.ts sends them, the preload checks them.
/** What the renderer receives as `onMenu(command)`. */
export const MENU_COMMANDS = ['new', 'open', 'import', 'export', 'undo', 'redo', 'reviewAll', 'nextIssue'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
