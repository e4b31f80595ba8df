// The main process's side of the services process: forks it (Electron utilityProcess) with services-entry.ts,
// forwards each API call and 另存备份 to it, and answers the renderer with what comes back — so the window and its
// menus never wait on SQLite, validation or exceljs. It is the Router the IPC channel serves (shell/ipc.ts).
//
// When the process dies unexpectedly, every call in flight is answered with a Chinese error (the window shows it),
// a new process is started on the same file (committed edits are safe: each is one SQLite transaction), and
// calls wait for it. After `maxCrashes` crashes within `crashWindowMs` it gives up: every call is then answered
// with a message asking the clerk to restart the workbench.
import { utilityProcess } from 'electron';
import type { ApiMethod, ApiResponse } from '../../shared/api/contract';
import { SERVICE_TEXT } from '../../shared/strings';
import type { Router } from '../api/router';
import type { FromServices, ServicesInit, ToServices } from './services-protocol';

/** What main uses of a UtilityProcess (tests pass a fake). */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ForkServices = (modulePath: string, args: string[], options: { serviceName: string }) => UtilityProcessLike;

export interface CrashReport {
  /** The exit code of the process that died. */
  code: number;
  /** How many calls were in flight (each has been answered with SERVICE_TEXT.crashed). */
  pending: number;
  /** True when no new process will be started (too many crashes, or the store no longer opens). */
  gaveUp: boolean;
  /** What the clerk should read. */
  message: string;
}

export interface ServicesProcessOptions {
  /** out/main/services.js (the bundled services-entry.ts). */
  entry: string;
  init: ServicesInit;
  /** Default: Electron's utilityProcess.fork. */
  fork?: ForkServices;
  /** After every unexpected exit, once the calls in flight are answered. */
  onCrash?: (report: CrashReport) => void;
  maxCrashes?: number;
  crashWindowMs?: number;
  now?: () => number;
}

type Pending = { kind: 'call'; resolve: (response: ApiResponse<ApiMethod>) => void } | { kind: 'backup'; resolve: () => void; reject: (error: Error) => void };

const failure = (message: string, code: 'internal' | 'refused' = 'internal'): ApiResponse<ApiMethod> => ({ ok: false, error: { code, message } });

export class ServicesProcess implements Router {
  private child: UtilityProcessLike | undefined;
  private state: 'idle' | 'starting' | 'ready' | 'stopping' | 'stopped' | 'failed' = 'idle';
  /** Settles when the current process is ready (or has failed to start). */
  private ready: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes: number[] = [];
  private failedMessage = SERVICE_TEXT.gaveUp as string;
  private stopped: (() => void) | undefined;

  private readonly fork: ForkServices;
  private readonly now: () => number;

  constructor(private readonly options: ServicesProcessOptions) {
    this.fork = options.fork ?? ((modulePath, args, forkOptions) => utilityProcess.fork(modulePath, args, forkOptions));
    this.now = options.now ?? Date.now;
  }

  /** Starts the process; rejects with the Chinese reason when the store cannot be opened. */
  start(): Promise<void> {
    return this.spawn();
  }

  async call(method: string, params: unknown): Promise<ApiResponse<ApiMethod>> {
    const child = await this.whenUsable();
    if (!child) return failure(this.refusal(), this.state === 'failed' ? 'internal' : 'refused');
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { kind: 'call', resolve });
      this.send(child, { type: 'call', id, method, params });
    });
  }

  /** 另存备份, done by the process that owns the store. */
  async backup(target: string): Promise<void> {
    const child = await this.whenUsable();
    if (!child) throw new Error(this.refusal());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind: 'backup', resolve, reject });
      this.send(child, { type: 'backup', id, target });
    });
  }

  /** Asks the process to finish its calls and close the store; kills it after `timeoutMs`. */
  stop(timeoutMs = 5000): Promise<void> {
    const child = this.child;
    if (!child || this.state === 'stopped' || this.state === 'failed' || this.state === 'idle') {
      this.state = 'stopped';
      return Promise.resolve();
    }
    this.state = 'stopping';
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        finish();
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.stopped = undefined;
        this.state = 'stopped';
        resolve();
      };
      this.stopped = finish;
      this.send(child, { type: 'close' });
    });
  }

  /** The ready process, after waiting out a (re)start; undefined when stopping, stopped or given up. */
  private async whenUsable(): Promise<UtilityProcessLike | undefined> {
    while (this.state === 'starting') await this.ready;
    return this.state === 'ready' ? this.child : undefined;
  }

  private refusal(): string {
    return this.state === 'failed' ? this.failedMessage : SERVICE_TEXT.stopping;
  }

  private send(child: UtilityProcessLike, message: ToServices): void {
    child.postMessage(message);
  }

  private spawn(): Promise<void> {
    this.state = 'starting';
    const child = this.fork(this.options.entry, [], { serviceName: 'budget-workbench-services' });
    this.child = child;
    let settle!: { resolve: () => void; reject: (error: Error) => void };
    const started = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Calls wait for readiness but never fail because of it: they then find the state and answer accordingly.
    this.ready = started.catch(() => undefined);
    child.on('message', (message) => this.receive(child, message as FromServices, settle));
    child.on('exit', (code) => this.exited(child, code, settle));
    this.send(child, { type: 'init', init: this.options.init });
    return started;
  }

  private receive(child: UtilityProcessLike, message: FromServices, settle: { resolve: () => void; reject: (error: Error) => void }): void {
    if (child !== this.child) return;
    switch (message.type) {
      case 'ready':
        if (this.state === 'starting') this.state = 'ready';
        settle.resolve();
        return;
      case 'failed':
        this.state = 'failed';
        this.failedMessage = SERVICE_TEXT.cannotStart(message.message);
        settle.reject(new Error(this.failedMessage));
        return;
      case 'result': {
        const entry = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (entry?.kind === 'call') entry.resolve(message.response);
        return;
      }
      case 'backupDone': {
        const entry = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (entry?.kind !== 'backup') return;
        if (message.error === undefined) entry.resolve();
        else entry.reject(new Error(message.error));
        return;
      }
      case 'closed':
        return;
    }
  }

  private exited(child: UtilityProcessLike, code: number, settle: { resolve: () => void; reject: (error: Error) => void }): void {
    if (child !== this.child) return;
    this.child = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    if (this.state === 'stopping' || this.state === 'stopped') {
      for (const entry of pending) answer(entry, SERVICE_TEXT.stopping);
      this.stopped?.();
      return;
    }
    if (this.state === 'failed') {
      // It said why (failed) and left; calls are answered with that reason.
      for (const entry of pending) answer(entry, this.failedMessage);
      return;
    }
    const wasStarting = this.state === 'starting';
    const at = this.now();
    this.crashes = [...this.crashes.filter((t) => at - t < (this.options.crashWindowMs ?? 60_000)), at];
    const gaveUp = this.crashes.length >= (this.options.maxCrashes ?? 3);
    for (const entry of pending) answer(entry, gaveUp ? SERVICE_TEXT.gaveUp : SERVICE_TEXT.crashed);
    if (gaveUp) {
      this.state = 'failed';
      this.failedMessage = SERVICE_TEXT.gaveUp;
      settle.reject(new Error(SERVICE_TEXT.gaveUp));
    } else {
      // The process that was starting is replaced; whoever waited for it waits for the new one.
      const restarted = this.spawn();
      if (wasStarting) restarted.then(settle.resolve, settle.reject);
      // A new process that cannot open the store any more is the end: say so once.
      restarted.catch((error: Error) => this.options.onCrash?.({ code, pending: 0, gaveUp: true, message: error.message }));
    }
    this.options.onCrash?.({ code, pending: pending.length, gaveUp: this.state === 'failed', message: this.state === 'failed' ? this.failedMessage : SERVICE_TEXT.crashed });
  }
}

function answer(entry: Pending, message: string): void {
  if (entry.kind === 'call') entry.resolve(failure(message));
  else entry.reject(new Error(message));
}
