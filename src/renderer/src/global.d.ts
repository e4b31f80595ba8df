// window.workbench: what the Electron preload (src/preload/index.ts) exposes, typed by the one bridge type both
// share (src/shared/api/bridge.ts); absent when the UI runs under `npm run web` (then src/renderer/src/api.ts
// talks to the local web host and files go through upload/download).
import type { WorkbenchBridge } from '../../shared/api/bridge';

export type { WorkbenchBridge };

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}
