// Where the clerk's data lives: the same per-user folder Electron's app.getPath('userData') gives for our
// productName, so `npm run web` and the desktop app open the same database file. Plain Node: no Electron import.
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';

/** package.json productName: Electron names the user-data folder after it. */
export const APP_FOLDER_NAME = '预算公开工作台';
export const DATABASE_FILE_NAME = 'budget-workbench.db';

export interface PathEnvironment {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** %APPDATA%\预算公开工作台 (Windows), ~/Library/Application Support/预算公开工作台 (macOS), ${XDG_CONFIG_HOME:-~/.config}/预算公开工作台. */
export function defaultDataDir(options: PathEnvironment = {}): string {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
}

export function defaultDatabasePath(options: PathEnvironment = {}): string {
  const dir = defaultDataDir(options);
  return (options.platform ?? process.platform) === 'win32' ? win32.join(dir, DATABASE_FILE_NAME) : join(dir, DATABASE_FILE_NAME);
}
