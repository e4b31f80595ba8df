// Types for desktop.mjs.
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export const STARTUP_MS: number;

export function runDesktop(
  electron: string,
  options: {
    root: string;
    logFile: string;
    startupMs?: number;
    spawn?: (command: string, args: string[], options: SpawnOptions) => ChildProcess;
    env?: NodeJS.ProcessEnv;
  },
): Promise<{ code: number } | { failed: string }>;
