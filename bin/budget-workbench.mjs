#!/usr/bin/env node
// Launcher for `npx budget-workbench`: runs the CLI built by `npm install` (electron-vite build).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('错误：命令行程序尚未构建。请先在项目目录运行 npm install（或 npm run build）。\n');
  process.exit(2);
}
// Node 22+ keeps compiled code between runs; older Node simply starts without it.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { runCli } = await import(pathToFileURL(built).href);
process.exitCode = await runCli(process.argv.slice(2));
