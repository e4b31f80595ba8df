// The messages between the Electron main process and its services process (a utilityProcess running
// services-entry.ts). Main forwards the renderer's API calls and 另存备份; the services process owns the store.
// Everything crosses as structured clones: plain data only.
import type { ApiMethod, ApiResponse } from '../../shared/api/contract';

/** What the services process needs to open the store and compose the services. */
export interface ServicesInit {
  /** The SQLite file (userData/budget-workbench.db). */
  database: string;
  /** better_sqlite3.node built for Electron's ABI (out/native), when there is one. */
  nativeBinding?: string;
  /** app.getVersion(). */
  version: string;
}

export type ToServices =
  | { type: 'init'; init: ServicesInit }
  | { type: 'call'; id: number; method: string; params: unknown }
  | { type: 'backup'; id: number; target: string }
  | { type: 'close' };

export type FromServices =
  /** The store is open and the services composed: calls may come. */
  | { type: 'ready' }
  /** The store could not be opened (locked, not a database, read-only …): the Chinese reason; the process exits. */
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; response: ApiResponse<ApiMethod> }
  | { type: 'backupDone'; id: number; error?: string }
  /** Every call in flight answered and the store closed; the process exits next. */
  | { type: 'closed' };

/** The channel of a utility process as its child sees it (`process.parentPort`). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}
