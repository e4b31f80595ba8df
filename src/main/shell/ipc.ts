// IPC from the renderer: every channel checks that the call comes from our window showing our own page.
import { pathToFileURL } from 'node:url';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../../shared/api/bridge';
import type { ApiMethod, ApiResponse } from '../../shared/api/contract';
import { MENU_TEXT } from '../../shared/strings';
import type { Router } from '../api/router';

export interface AppPages {
  /** Absolute path of the bundled out/renderer/index.html. */
  indexFile: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), only during `electron-vite dev`. */
  devUrl?: string;
}

/** True only for our own page: the bundled index.html (any hash/query) or a page of the dev server's origin. */
export function isAppUrl(url: string, pages: AppPages): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    const own = new URL(pathToFileURL(pages.indexFile).href);
    return parsed.host === own.host && decodeURIComponent(parsed.pathname) === decodeURIComponent(own.pathname);
  }
  if (!pages.devUrl) return false;
  let dev: URL;
  try {
    dev = new URL(pages.devUrl);
  } catch {
    return false;
  }
  return (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

/** The event fields a sender check reads (a subset of IpcMainInvokeEvent, so tests can fake it). */
export interface SenderEvent {
  sender: unknown;
  senderFrame: { url: string } | null;
}

export type SenderCheck = (event: SenderEvent) => boolean;

/** A check that accepts only our window's webContents, from a frame that shows our own page. */
export function createSenderCheck(ownContents: () => WebContents | null | undefined, pages: AppPages): SenderCheck {
  return (event) => {
    const contents = ownContents();
    if (!contents || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (!frame || typeof frame.url !== 'string') return false;
    return isAppUrl(frame.url, pages);
  };
}

/** The channel names preload and main share (src/shared/api/bridge.ts). */
export { CHANNELS };
export const API_CHANNEL = CHANNELS.api;

export function refusedResponse(): ApiResponse<ApiMethod> {
  return { ok: false, error: { code: 'refused', message: MENU_TEXT.refused } };
}

/**
 * Handles channel 'api' as (event, method, params) → ApiResponse; untrusted senders get 'refused'. Method and
 * params go to the router as they came: it checks both against the contract (src/shared/api/contract.ts).
 */
export function registerApi(ipcMain: Pick<IpcMain, 'handle'>, router: Router, isTrustedSender: SenderCheck): void {
  ipcMain.handle(API_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, params: unknown) => {
    if (!isTrustedSender(event)) return refusedResponse();
    return router.call(typeof method === 'string' ? method : String(method), params);
  });
}

/**
 * Any other channel, with the same sender check. The handler gets only the arguments (never the event), and an
 * untrusted sender gets the ApiResponse 'refused' error instead of a result.
 */
export function registerChecked<Args extends unknown[], Result>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  isTrustedSender: SenderCheck,
  handler: (...args: Args) => Promise<Result> | Result,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrustedSender(event)) return refusedResponse();
    return { ok: true, result: await handler(...(args as Args)) };
  });
}
