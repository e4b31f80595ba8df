// Types for decide.mjs (the launcher is plain Node, the tests are TypeScript).
export interface LaunchProbes {
  platform: string;
  arch: string;
  platformSupported: boolean;
  hasDisplay: boolean;
  electronZipUrl: string;
  headersUrl: string;
  logs: { electron: string; native: string };
  findElectron(): string | undefined;
  electronZipCached(): Promise<boolean>;
  reachable(url: string, timeoutMs: number): Promise<boolean>;
  fetchElectron(timeoutMs: number): Promise<boolean>;
  nativeReady(): boolean;
  headersCached(): boolean;
  buildNative(options: { fromSource: boolean; timeoutMs: number }): Promise<boolean>;
}

export type LaunchDecision = { mode: 'desktop'; electron: string } | { mode: 'browser'; reason: string };

export const TIMEOUTS: { probeMs: number; extractMs: number; downloadMs: number; nativeMs: number };

export const REASONS: {
  unsupported(platform: string, arch: string): string;
  noElectron: string;
  electronFetchFailed(log: string): string;
  noHeaders: string;
  nativeFailed(log: string): string;
  noDisplay: string;
  desktopFailed(log: string): string;
};

export function fallbackLine(reason: string, url: string): string;

export function decideLaunch(probes: LaunchProbes, notify?: (line: string) => void): Promise<LaunchDecision>;
