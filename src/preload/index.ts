// The renderer gets exactly one typed entry point onto the API router (filled in by the UI issue).
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('workbench', {
  invoke: (method: string, params: unknown): Promise<unknown> => ipcRenderer.invoke('api', method, params),
});
