// Types for probes.mjs.
import type { LaunchProbes } from './decide.mjs';

export function findElectron(electronDir: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | undefined;
export function reachable(url: string, timeoutMs: number): Promise<boolean>;
export function realProbes(root: string): Promise<LaunchProbes>;
