// window.workbench: what the Electron preload (src/preload/index.ts) exposes — invoke, openWorkbooks, saveExport,
// printToPdf (打印预览 → 保存为 PDF) and onMenu — typed by the one bridge type both share (src/shared/api/bridge.ts);
// absent when the UI runs under `npm run web` (then src/renderer/src/api.ts talks to the local web host, files go
// through upload/download, and 打印预览 prints through window.print()).
import type { WorkbenchBridge } from '../../shared/api/bridge';

export type { WorkbenchBridge };

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}
