// What the Electron preload (src/preload/index.ts) puts on the page as `workbench`, and the channels it uses: one type
// for the preload that builds it and the renderer that calls it (src/renderer/src/global.d.ts). Absent when the UI
// runs under `npm run web` (src/renderer/src/api.ts then talks to the local web host over fetch).
import type { Invoke } from './contract';
import type { MenuCommand } from './menu';

/** The IPC channels between preload and main (src/main/shell/ipc.ts registers them, sender-checked). */
export const CHANNELS = {
  /** (method, params) → ApiResponse: the one router, as over the web host. */
  api: 'api',
  openWorkbooks: 'dialog:openWorkbooks',
  saveExport: 'dialog:saveExport',
  /** 打印预览 → 保存为 PDF (Electron's printToPDF of the page, behind a save dialog). */
  printToPdf: 'print:toPdf',
  /** main → renderer: a MenuCommand. */
  menu: 'menu',
} as const;

export interface WorkbenchBridge {
  /** The one API (src/shared/api/contract.ts), carried over IPC to the same router as the web host. */
  invoke: Invoke;
  /** Native open dialog for Excel workbooks; the paths go to books.import as { name, path }. [] when cancelled. */
  openWorkbooks(): Promise<string[]>;
  /** Native save dialog for the export; the path goes to export.workbook. null when cancelled. */
  saveExport(defaultName: string): Promise<string | null>;
  /** Prints the page (the 打印预览's A4 sheets) to a PDF where the clerk chooses; the path, or undefined when cancelled. */
  printToPdf(): Promise<string | undefined>;
  /** Commands from the native menu (only known ones); returns the unsubscribe function. */
  onMenu(callback: (command: MenuCommand) => void): () => void;
}

/** The bridge's members, exactly (the preload exposes these and nothing else). */
export const BRIDGE_MEMBERS = ['invoke', 'openWorkbooks', 'saveExport', 'printToPdf', 'onMenu'] as const satisfies readonly (keyof WorkbenchBridge)[];
