// `npm start`: always opens the workbench. Builds out/ only when stale, then starts the desktop app when Electron
// can run here (scripts/start/decide.mjs); otherwise says why in one Chinese line and serves the same workbench
// with `budget-workbench web --open` in the default browser until Ctrl+C.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './start/build.mjs';
import { decideLaunch, fallbackLine } from './start/decide.mjs';
import { runDesktop } from './start/desktop.mjs';
import { realProbes } from './start/probes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stdout.write(`${line}\n`);

/** The `web` command in this process; its first line (the address) becomes the one line saying why. */
async function openInBrowser(reason) {
  const { runCli } = await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);
  let first = true;
  const io = {
    out: (text) => {
      say(first ? fallbackLine(reason, text.trim()) : text.replace(/\n$/, ''));
      first = false;
    },
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  return runCli(['web', '--open'], io);
}

/** The launcher writes only under out/ (build, logs, native module): say which path failed and what to do. */
function describeFailure(error) {
  const where = error?.path ?? join(root, 'out');
  if (['EACCES', 'EPERM', 'EROFS'].includes(error?.code)) return `启动工作台失败：无法写入 ${where}（没有权限或只读）。请把项目放在可写的文件夹里，或检查该文件夹的权限。`;
  if (error?.code === 'ENOSPC') return `启动工作台失败：磁盘已满，无法写入 ${where}。请清理磁盘空间后再运行 npm start。`;
  if (error?.code === 'EBUSY') return `启动工作台失败：${where} 正被其他程序占用。请关闭占用它的程序后再试。`;
  return `启动工作台失败：${error instanceof Error ? error.message : String(error)}`;
}

async function main() {
  const buildLog = await ensureBuilt(root, say);
  if (buildLog) {
    process.stderr.write(`构建工作台失败，详见 ${buildLog}。请先运行 npm run build 查看并修正错误。\n`);
    return 1;
  }
  const decision = await decideLaunch(await realProbes(root), say);
  if (decision.mode === 'desktop') {
    say('正在打开预算公开工作台桌面程序（关闭窗口即退出）…');
    const result = await runDesktop(decision.electron, { root, logFile: join(root, 'out', 'logs', 'electron.log') });
    if (!('failed' in result)) return result.code;
    return openInBrowser(result.failed);
  }
  return openInBrowser(decision.reason);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A message, never a stack trace: the user can do nothing with one.
    process.stderr.write(`${describeFailure(error)}\n`);
    process.exitCode = 1;
  },
);
