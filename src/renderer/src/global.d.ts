// What the Electron preload (src/preload/index.ts) exposes; absent when the UI runs under `npm run web`
// (then src/renderer/src/api.ts talks to the local web host and files go through upload/download).
import type { Invoke } from '../../shared/api/contract';

/** Menu commands the shell forwards to the renderer (src/main/shell/menu.ts MENU_COMMANDS). */
export type MenuCommandName = 'new' | 'open' | 'import' | 'export' | 'undo' | 'redo' | 'reviewAll' | 'nextIssue';

export interface WorkbenchBridge {
  /** The one API (src/shared/api/contract.ts), carried over IPC to the same router as the web host. */
  invoke: Invoke;
  /** Native open dialog: the chosen workbook paths, [] when cancelled. */
  openWorkbooks(): Promise<string[]>;
  /** Native save dialog for an export: the chosen .xlsx path, null when cancelled. */
  saveExport(defaultName: string): Promise<string | null>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommandName) => void): () => void;
}

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}
