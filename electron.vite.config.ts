import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main bundles five Node entries: the Electron shell, its services process, the CLI (plain Node), the import worker
// and the worker `check FOLDER` runs on every core.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/main.ts'),
          'import-worker': resolve('src/main/import/worker.ts'),
          // `check FOLDER` on every core.
          'check-worker': resolve('src/main/cli/check-worker.ts'),
          // The services process (Electron utilityProcess): store, services and API, off the window's process.
          services: resolve('src/main/shell/services-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
