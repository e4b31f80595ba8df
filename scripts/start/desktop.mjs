// Runs the built desktop app (`electron .` on out/, as `electron-vite preview` did after its build). Electron's
// own console output goes to a log file, not the terminal. If Electron dies within its first seconds (missing
// system libraries, a sandbox refused), the caller falls back to the browser instead of showing its stack trace.
import { spawn as nodeSpawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { REASONS } from './decide.mjs';

export const STARTUP_MS = 10_000;

/** Resolves with { code } when the app ends normally, or { failed: reason } when it could not start. */
export function runDesktop(electron, { root, logFile, startupMs = STARTUP_MS, spawn = nodeSpawn, env = process.env }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  const childEnv = { ...env };
  // Set by some editors' terminals: it would make Electron run as plain Node.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  let child;
  try {
    child = spawn(electron, ['.'], { cwd: root, env: childEnv, stdio: ['ignore', log, log], windowsHide: false });
  } finally {
    closeSync(log);
  }
  const started = Date.now();
  let stopping = false;
  const forward = (signal) => {
    stopping = true;
    child.kill(signal);
  };
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  return new Promise((done) => {
    const finish = (result) => {
      for (const signal of signals) process.off(signal, forward);
      done(result);
    };
    child.once('error', () => finish({ failed: REASONS.desktopFailed(logFile) }));
    child.once('exit', (code, signal) => {
      const crashed = code !== 0 && !stopping;
      if (crashed && Date.now() - started < startupMs) finish({ failed: REASONS.desktopFailed(logFile) });
      else if (crashed) {
        console.error(`桌面程序异常退出（${code ?? signal}），详见 ${logFile}。数据已逐项保存，可以重新运行 npm start。`);
        finish({ code: 1 });
      } else finish({ code: 0 });
    });
  });
}
