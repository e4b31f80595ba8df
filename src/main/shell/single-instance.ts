// One running app per user: a second start focuses the existing window instead (one SQLite writer).
import type { App, BrowserWindow } from 'electron';

/** False when another instance holds the lock (this one quits). */
export function ensureSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, window: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const current = window();
    if (!current || current.isDestroyed()) return;
    if (current.isMinimized()) current.restore();
    current.show();
    current.focus();
  });
  return true;
}
