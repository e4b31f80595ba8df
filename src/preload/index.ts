// The renderer gets exactly five functions on window.workbench (the shared WorkbenchBridge type); no ipcRenderer
// object or IPC event leaks. Params are not checked here: the router in the main process checks every call.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type WorkbenchBridge } from '../shared/api/bridge';
import type { ApiMethod, ApiParams, ApiResponse } from '../shared/api/contract';
import { isMenuCommand } from '../shared/api/menu';

export type { WorkbenchBridge };

type Checked<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

async function unwrap<T>(pending: Promise<Checked<T>>): Promise<T> {
  const response = await pending;
  if (!response.ok) throw new Error(response.error.message);
  return response.result;
}

const bridge: WorkbenchBridge = {
  invoke: <M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResponse<M>> => ipcRenderer.invoke(CHANNELS.api, method, params),
  openWorkbooks: () => unwrap<string[]>(ipcRenderer.invoke(CHANNELS.openWorkbooks)),
  saveExport: (defaultName) => unwrap<string | null>(ipcRenderer.invoke(CHANNELS.saveExport, String(defaultName))),
  printToPdf: async () => (await unwrap<string | null | undefined>(ipcRenderer.invoke(CHANNELS.printToPdf))) ?? undefined,
  onMenu: (callback) => {
    const listener = (_event: unknown, command: unknown): void => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(CHANNELS.menu, listener);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menu, listener);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
