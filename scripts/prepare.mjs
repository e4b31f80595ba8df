// Runs after `npm install`: builds the app and the CLI so `npx budget-workbench` works at once.
// Skipped when electron-vite is absent (a production-only install inside a packaged app).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('node_modules/electron-vite')) process.exit(0);
const result = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
