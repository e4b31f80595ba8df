// Runs a helper process (build, download, compile) with its output in a log file instead of the terminal, so
// the user reads our Chinese lines and no English tool output. A timeout or Ctrl+C ends the whole process
// tree (node-gyp → make → g++), not just the first process.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

const WINDOWS = process.platform === 'win32';

function killTree(child) {
  if (child.pid === undefined) return;
  if (WINDOWS) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
  else {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Resolves with { ok, code, timedOut } once `command` ends or `timeoutMs` passes. */
export function runLogged(command, args, { cwd, env = process.env, timeoutMs, logFile }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  let child;
  try {
    // Its own process group (POSIX), so the tree can be killed as one.
    child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log], detached: !WINDOWS, windowsHide: true });
  } finally {
    closeSync(log);
  }
  return new Promise((done) => {
    let timedOut = false;
    const interrupt = (signal) => {
      killTree(child);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    const signals = ['SIGINT', 'SIGTERM'];
    for (const signal of signals) process.on(signal, interrupt);
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    const finish = (code) => {
      clearTimeout(timer);
      for (const signal of signals) process.off(signal, interrupt);
      done({ ok: code === 0 && !timedOut, code, timedOut });
    };
    child.once('error', () => finish(null));
    child.once('exit', (code) => finish(code));
  });
}
