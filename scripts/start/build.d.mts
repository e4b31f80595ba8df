// Types for build.mjs.
export function buildIsStale(root: string): boolean;
export function ensureBuilt(root: string, notify: (line: string) => void): Promise<string | undefined>;
