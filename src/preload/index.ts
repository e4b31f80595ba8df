// The renderer gets exactly four functions on window.workbench; no ipcRenderer object or IPC event leaks.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiMethod, ApiParams, ApiResponse, Invoke } from '../shared/api/contract';
import { isMenuCommand, type MenuCommand } from '../shared/api/menu';

export type { MenuCommand };

export interface WorkbenchBridge {
  invoke: Invoke;
  /** Native open dialog for Excel workbooks; the paths go to books.import as { name, path }. [] when cancelled. */
  openWorkbooks(): Promise<string[]>;
  /** Native save dialog for the export; the path goes to export.workbook. null when cancelled. */
  saveExport(defaultName: string): Promise<string | null>;
  /** Commands from the native menu; returns the unsubscribe function. */
  onMenu(callback: (command: MenuCommand) => void): () => void;
}

type Checked<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

async function unwrap<T>(pending: Promise<Checked<T>>): Promise<T> {
  const response = await pending;
  if (!response.ok) throw new Error(response.error.message);
  return response.result;
}

const bridge: WorkbenchBridge = {
  invoke: <M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResponse<M>> => ipcRenderer.invoke('api', method, params),
  openWorkbooks: () => unwrap<string[]>(ipcRenderer.invoke('dialog:openWorkbooks')),
  saveExport: (defaultName) => unwrap<string | null>(ipcRenderer.invoke('dialog:saveExport', String(defaultName))),
  onMenu: (callback) => {
    const listener = (_event: unknown, command: unknown): void => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on('menu', listener);
    return () => {
      ipcRenderer.removeListener('menu', listener);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
