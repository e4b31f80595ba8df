// The window's size and position between runs (window-state.json in userData), read defensively.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
export const DEFAULT_STATE: WindowState = { width: 1280, height: 800, maximized: false };
export const WINDOW_STATE_FILE = 'window-state.json';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Parses saved state. Anything odd (unreadable file, bad JSON, wrong types, absurd sizes, a position that is not
 * mostly on one of `workAreas`, e.g. a monitor since unplugged) falls back to the defaults, centred.
 */
export function parseWindowState(text: string | null, workAreas: readonly Rect[]): WindowState {
  if (text === null) return { ...DEFAULT_STATE };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_STATE };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_STATE };
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height) || r.width < MIN_WIDTH || r.height < MIN_HEIGHT || r.width > 20000 || r.height > 20000) {
    return { ...DEFAULT_STATE };
  }
  const state: WindowState = { width: r.width, height: r.height, maximized: r.maximized === true };
  if (isInt(r.x) && isInt(r.y)) {
    const bounds = { x: r.x, y: r.y, width: r.width, height: r.height };
    if (!workAreas.some((area) => visibleEnough(bounds, area))) return { ...DEFAULT_STATE };
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

/** The title bar must be reachable: at least 100×50 px of the window's top inside the work area. */
function visibleEnough(win: Rect, area: Rect): boolean {
  const left = Math.max(win.x, area.x);
  const right = Math.min(win.x + win.width, area.x + area.width);
  const top = Math.max(win.y, area.y);
  const bottom = Math.min(win.y + Math.min(win.height, 50), area.y + area.height);
  return right - left >= 100 && bottom - top >= Math.min(50, win.height) && win.y >= area.y - 10;
}

export function readWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let text: string | null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = null;
  }
  return parseWindowState(text, workAreas);
}

/** Best effort: losing the window size is never worth an error dialog. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
  } catch {
    // ignored on purpose
  }
}
