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
// Node 22+ keeps compiled code between runs; on older Node our own small cache does the same for the bundle.
const { enableCompileCache, createRequire } = await import('node:module');
if (enableCompileCache) enableCompileCache();
else createRequire(import.meta.url)('./compile-cache.cjs').installCompileCache(join(root, 'out', 'main'));
const { runCli } = await import(pathToFileURL(built).href);
process.exitCode = await runCli(process.argv.slice(2));
