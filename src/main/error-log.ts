// Internal errors (a bug, not the clerk's input): the stack goes to a local log file and the clerk gets a short
// Chinese message with a reference to quote. No stack, library text or server path reaches a user or a browser.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from './app-paths';

/** The log folder: `BW_LOG_DIR`, else `logs` in the per-user data folder. */
export function errorLogDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BW_LOG_DIR || join(defaultDataDir(), 'logs');
}

/** Writes one line (time, reference, stack) to errors.log; returns the reference, even when the log cannot be written. */
export function logInternalError(error: unknown, dir = errorLogDir()): string {
  const at = new Date();
  const reference = `E${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  try {
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, 'errors.log'), `${at.toISOString()} ${reference} ${JSON.stringify(detail)}\n`);
  } catch {
    // A log that cannot be written must not turn one failure into two: the reference is still shown.
  }
  return reference;
}

/** The clerk's message for an internal error. */
export const internalErrorMessage = (reference: string): string =>
  `程序内部错误（编号 ${reference}）。操作未完成，已保存的数据不受影响；详细信息已记入本机错误日志，请把编号告诉维护人员。`;
