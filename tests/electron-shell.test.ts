// The Electron shell with `electron` mocked (the binary cannot run in CI): window lock-down, sender checks,
// the menu template, window state, the preload's surface, the native-binding option and 另存备份.
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Router } from '../src/main/api/router';
import { openStore, StoreError } from '../src/main/store';
import { backupDatabaseFile, electronNativeBinding } from '../src/main/shell/database';
import { chooseExportPath, chooseWorkbooks, saveBackup, type DialogModule } from '../src/main/shell/dialogs';
import { createSenderCheck, isAppUrl, registerApi, registerChecked, type SenderEvent } from '../src/main/shell/ipc';
import { buildMenuTemplate, MENU_COMMANDS } from '../src/main/shell/menu';
import { ensureSingleInstance } from '../src/main/shell/single-instance';
import { contentSecurityPolicy, createMainWindow } from '../src/main/shell/window';
import { DEFAULT_STATE, parseWindowState, readWindowState } from '../src/main/shell/window-state';
import { newBook } from '../src/shared/template/new-book';
import { TEMPLATE_FAMILIES } from '../src/shared/template/registry';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

type Handler = (...args: any[]) => any;

const electron = vi.hoisted(() => {
  class FakeEmitter {
    handlers = new Map<string, Handler[]>();
    on(name: string, handler: Handler) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
      return this;
    }
    once(name: string, handler: Handler) {
      return this.on(name, handler);
    }
    emit(name: string, ...args: unknown[]) {
      for (const h of this.handlers.get(name) ?? []) h(...args);
    }
  }
  class FakeWebContents extends FakeEmitter {
    windowOpenHandler: Handler | undefined;
    setWindowOpenHandler(handler: Handler) {
      this.windowOpenHandler = handler;
    }
    send = vi.fn();
    session = {
      permissionRequestHandler: undefined as Handler | undefined,
      permissionCheckHandler: undefined as Handler | undefined,
      headersListener: undefined as Handler | undefined,
      setPermissionRequestHandler(h: Handler) {
        this.permissionRequestHandler = h;
      },
      setPermissionCheckHandler(h: Handler) {
        this.permissionCheckHandler = h;
      },
      webRequest: {
        onHeadersReceived: (h: Handler) => {
          (electron.lastWindow as FakeBrowserWindow).webContents.session.headersListener = h;
        },
      },
    };
  }
  class FakeBrowserWindow extends FakeEmitter {
    options: any;
    webContents = new FakeWebContents();
    loaded: { file?: string; url?: string } = {};
    constructor(options: any) {
      super();
      this.options = options;
      electron.lastWindow = this;
    }
    loadFile(file: string) {
      this.loaded.file = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.url = url;
      return Promise.resolve();
    }
    maximize = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => true;
    isDestroyed = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 900 });
  }
  return {
    FakeBrowserWindow,
    lastWindow: undefined as unknown,
    exposeInMainWorld: vi.fn(),
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.FakeBrowserWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
}));

type FakeWindow = InstanceType<typeof electron.FakeBrowserWindow>;

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('shell-');
});
afterAll(() => tmp.remove());

const INDEX = join('/opt', 'app', 'out', 'renderer', 'index.html');
const INDEX_URL = pathToFileURL(INDEX).href;
const DEV = 'http://localhost:5173';

describe('window', () => {
  function makeWindow(devUrl?: string): FakeWindow {
    const userData = tmp.file(`user-${Math.random().toString(36).slice(2)}`);
    createMainWindow({ pages: { indexFile: INDEX, ...(devUrl ? { devUrl } : {}) }, preload: '/opt/app/out/preload/index.js', userData });
    return electron.lastWindow as FakeWindow;
  }

  it('is isolated, sandboxed, without Node, at least 1024×640', () => {
    const window = makeWindow();
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false });
    expect(prefs.preload).toBe('/opt/app/out/preload/index.js');
    expect(window.options).toMatchObject({ minWidth: 1024, minHeight: 640 });
    expect(window.loaded).toEqual({ file: INDEX });
  });

  it('loads the dev server when electron-vite gives one', () => {
    expect(makeWindow(DEV).loaded).toEqual({ url: DEV });
  });

  it('refuses navigation, redirects, new windows, webviews and permissions', () => {
    const contents = makeWindow().webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://example.com');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const granted = vi.fn();
    contents.session.permissionRequestHandler?.(contents, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    expect(contents.session.permissionCheckHandler?.()).toBe(false);
  });

  it('sets a strict CSP header, replacing any other', () => {
    const contents = makeWindow().webContents;
    const callback = vi.fn();
    contents.session.headersListener?.({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['b'] } }, callback);
    const headers = callback.mock.calls[0]![0].responseHeaders;
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-A']).toEqual(['b']);
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy()]);
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
    expect(contentSecurityPolicy()).toContain("object-src 'none'");
    expect(contentSecurityPolicy(DEV)).toContain('connect-src \'self\' http://localhost:5173 ws://localhost:5173;');
  });

  it('remembers its size and position in window-state.json', () => {
    const userData = tmp.file('remember');
    createMainWindow({ pages: { indexFile: INDEX }, preload: 'p', userData });
    (electron.lastWindow as FakeWindow).emit('close');
    expect(readWindowState(join(userData, 'window-state.json'), [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({
      x: 10, y: 20, width: 1300, height: 900, maximized: false,
    });
    createMainWindow({ pages: { indexFile: INDEX }, preload: 'p', userData });
    expect((electron.lastWindow as FakeWindow).options).toMatchObject({ x: 10, y: 20, width: 1300, height: 900 });
  });
});

describe('window state', () => {
  const screenArea = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('survives a missing file, bad JSON and wrong types', () => {
    expect(readWindowState(tmp.file('missing.json'), screenArea)).toEqual(DEFAULT_STATE);
    const bad = tmp.file('bad.json');
    writeFileSync(bad, '{"width": 1300, "height":');
    expect(readWindowState(bad, screenArea)).toEqual(DEFAULT_STATE);
    for (const text of ['null', '[]', '"x"', '{"width":"1300","height":900}', '{"width":200,"height":100}', '{"width":1e9,"height":900}']) {
      expect(parseWindowState(text, screenArea), text).toEqual(DEFAULT_STATE);
    }
  });

  it('drops a position that is off every screen', () => {
    expect(parseWindowState('{"x":5000,"y":100,"width":1200,"height":800}', screenArea)).toEqual(DEFAULT_STATE);
    expect(parseWindowState('{"x":100,"y":-900,"width":1200,"height":800}', screenArea)).toEqual(DEFAULT_STATE);
    expect(parseWindowState('{"x":100,"y":50,"width":1200,"height":800,"maximized":true}', screenArea)).toEqual({
      x: 100, y: 50, width: 1200, height: 800, maximized: true,
    });
  });
});

describe('IPC sender check', () => {
  it('isAppUrl accepts our index file and the dev server, nothing else', () => {
    const pages = { indexFile: INDEX, devUrl: DEV };
    expect(isAppUrl(INDEX_URL, pages)).toBe(true);
    expect(isAppUrl(`${INDEX_URL}#/book/3`, pages)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', pages)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', pages)).toBe(true);
    for (const url of [
      'https://example.com',
      'file:///etc/passwd',
      pathToFileURL(join(dirname(INDEX), 'other.html')).href,
      'data:text/html,<script>alert(1)</script>',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, pages), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/', { indexFile: INDEX })).toBe(false);
  });

  function setup() {
    const handlers = new Map<string, Handler>();
    const ipcMain = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) };
    const ours = { id: 1 };
    const router: Router & { calls: unknown[][] } = {
      calls: [],
      async call(method, params) {
        this.calls.push([method, params]);
        return { ok: true, result: { deleted: true } } as never;
      },
    };
    const check = createSenderCheck(() => ours as never, { indexFile: INDEX });
    registerApi(ipcMain as never, router, check);
    return { handlers, ours, router, check, ipcMain };
  }

  it('refuses a sender that is not our page in our window', async () => {
    const { handlers, ours, router } = setup();
    const api = handlers.get('api')!;
    const refused = { ok: false, error: { code: 'refused', message: '拒绝来自未知页面的请求。' } };
    const events: SenderEvent[] = [
      { sender: ours, senderFrame: null },
      { sender: ours, senderFrame: { url: 'https://example.com/' } },
      { sender: ours, senderFrame: { url: 'file:///etc/passwd' } },
      { sender: { id: 2 }, senderFrame: { url: INDEX_URL } },
    ];
    for (const event of events) expect(await api(event, 'books.delete', { bookId: 1 })).toEqual(refused);
    expect(router.calls).toEqual([]);
  });

  it('routes a trusted call to the router', async () => {
    const { handlers, ours, router } = setup();
    const response = await handlers.get('api')!({ sender: ours, senderFrame: { url: INDEX_URL } }, 'books.delete', { bookId: 7 });
    expect(response).toEqual({ ok: true, result: { deleted: true } });
    expect(router.calls).toEqual([['books.delete', { bookId: 7 }]]);
  });

  it('checks dialog channels the same way', async () => {
    const { handlers, ours, check, ipcMain } = setup();
    const open = vi.fn(() => ['/a.xlsx']);
    registerChecked(ipcMain as never, 'dialog:openWorkbooks', check, open);
    const handler = handlers.get('dialog:openWorkbooks')!;
    expect(await handler({ sender: ours, senderFrame: { url: 'https://evil.example/' } })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(open).not.toHaveBeenCalled();
    expect(await handler({ sender: ours, senderFrame: { url: INDEX_URL } })).toEqual({ ok: true, result: ['/a.xlsx'] });
  });
});

describe('menu', () => {
  type Item = { label?: string; accelerator?: string; role?: string; click?: () => void; submenu?: Item[]; type?: string };
  const sent: string[] = [];
  const backup = vi.fn();
  const template = buildMenuTemplate({ send: (c) => void sent.push(c), saveBackup: backup }) as Item[];
  const find = (label: string): Item => {
    for (const top of template) for (const item of top.submenu ?? []) if (item.label === label) return item;
    throw new Error(`no menu item ${label}`);
  };

  it('has the Chinese menus, items and accelerators', () => {
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '审核']);
    const labels = template.map((m) => (m.submenu ?? []).filter((i) => i.type !== 'separator').map((i) => [i.label, i.accelerator ?? i.role ?? '']));
    expect(labels).toEqual([
      [['新建', 'CmdOrCtrl+N'], ['打开', 'CmdOrCtrl+O'], ['导入Excel', 'CmdOrCtrl+I'], ['导出Excel', 'CmdOrCtrl+E'], ['另存备份', ''], ['退出', 'quit']],
      [['撤销', 'CmdOrCtrl+Z'], ['重做', 'CmdOrCtrl+Y'], ['复制', 'copy'], ['粘贴', 'paste']],
      [['全部审核', 'F9'], ['下一个问题', 'F8']],
    ]);
  });

  it('sends renderer commands and runs 另存备份 in main', () => {
    for (const label of ['新建', '打开', '导入Excel', '导出Excel', '撤销', '重做', '全部审核', '下一个问题']) find(label).click?.();
    expect(sent).toEqual(['new', 'open', 'import', 'export', 'undo', 'redo', 'reviewAll', 'nextIssue']);
    expect(sent.every((c) => (MENU_COMMANDS as readonly string[]).includes(c))).toBe(true);
    find('另存备份').click?.();
    expect(backup).toHaveBeenCalledOnce();
  });
});

describe('dialogs', () => {
  const window = {} as never;
  function fakeDialog(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
    return {
      showOpenDialog: vi.fn(async () => open),
      showSaveDialog: vi.fn(async () => save),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    };
  }

  it('opens several Excel workbooks', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/a.xlsx', '/b.xls'] }, { canceled: true });
    expect(await chooseWorkbooks(dialog as unknown as DialogModule, window)).toEqual(['/a.xlsx', '/b.xls']);
    const options = dialog.showOpenDialog.mock.calls[0] as unknown as [unknown, { filters: unknown; properties: string[] }];
    expect(options[1].filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] }]);
    expect(options[1].properties).toContain('multiSelections');
    const cancelled = fakeDialog({ canceled: true, filePaths: [] }, { canceled: true });
    expect(await chooseWorkbooks(cancelled as unknown as DialogModule, window)).toEqual([]);
  });

  it('saves an export as .xlsx', async () => {
    const dialog = fakeDialog({ canceled: true, filePaths: [] }, { canceled: false, filePath: '/out/报送' });
    expect(await chooseExportPath(dialog as unknown as DialogModule, window, '../大同/2024.xlsx')).toBe('/out/报送.xlsx');
    const options = dialog.showSaveDialog.mock.calls[0] as unknown as [unknown, { defaultPath: string }];
    expect(options[1].defaultPath).toBe('2024.xlsx');
    expect(await chooseExportPath(fakeDialog({ canceled: true, filePaths: [] }, { canceled: true }) as unknown as DialogModule, window, 'x')).toBeNull();
  });

  it('另存备份 calls the backup and reports failure', async () => {
    const dialog = fakeDialog({ canceled: true, filePaths: [] }, { canceled: false, filePath: '/b/backup' });
    const backup = vi.fn();
    expect(await saveBackup(dialog as unknown as DialogModule, window, backup)).toBe('/b/backup.db');
    expect(backup).toHaveBeenCalledWith('/b/backup.db');
    const failing = vi.fn(() => {
      throw new Error('磁盘已满');
    });
    expect(await saveBackup(dialog as unknown as DialogModule, window, failing)).toBeNull();
    expect(JSON.stringify(dialog.showMessageBox.mock.calls.at(-1))).toContain('备份失败：磁盘已满');
  });
});

describe('single instance', () => {
  it('quits when the lock is taken, otherwise focuses the window on a second start', () => {
    const taken = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(ensureSingleInstance(taken as never, () => null)).toBe(false);
    expect(taken.quit).toHaveBeenCalled();

    let secondInstance: Handler = () => undefined;
    const free = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (_: string, h: Handler) => void (secondInstance = h) };
    const window = new electron.FakeBrowserWindow({});
    expect(ensureSingleInstance(free as never, () => window as never)).toBe(true);
    secondInstance();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('preload', () => {
  beforeEach(() => {
    electron.exposeInMainWorld.mockClear();
    vi.resetModules();
  });

  it('exposes exactly invoke, openWorkbooks, saveExport and onMenu', async () => {
    await import('../src/preload/index');
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, bridge] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(name).toBe('workbench');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenu', 'openWorkbooks', 'saveExport']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);

    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: [] });
    await (bridge.invoke as Handler)('books.list', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('api', 'books.list', {});

    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: ['/a.xlsx'] });
    expect(await (bridge.openWorkbooks as Handler)()).toEqual(['/a.xlsx']);
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'refused', message: '拒绝来自未知页面的请求。' } });
    await expect((bridge.saveExport as Handler)('a.xlsx')).rejects.toThrow('拒绝来自未知页面的请求。');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('dialog:saveExport', 'a.xlsx');
  });

  it('onMenu passes only known commands, never the event, and unsubscribes', async () => {
    await import('../src/preload/index');
    const bridge = electron.exposeInMainWorld.mock.calls[0]![1] as { onMenu: (cb: Handler) => () => void };
    const received: unknown[] = [];
    const unsubscribe = bridge.onMenu((...args: unknown[]) => received.push(args));
    const [channel, listener] = electron.ipcRenderer.on.mock.calls.at(-1) as [string, Handler];
    expect(channel).toBe('menu');
    listener({ sender: 'ipc event' }, 'undo');
    listener({ sender: 'ipc event' }, 'rm -rf');
    expect(received).toEqual([['undo']]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('menu', listener);
  });
});

describe('database under Electron', () => {
  it('finds out/native/better_sqlite3.node only when it was built', () => {
    const mainDir = join('/opt', 'app', 'out', 'main');
    expect(electronNativeBinding(mainDir, () => false)).toBeUndefined();
    expect(electronNativeBinding(mainDir, () => true)).toBe(join('/opt', 'app', 'out', 'native', 'better_sqlite3.node'));
  });

  it('openStore passes nativeBinding to better-sqlite3', () => {
    const require = createRequire(import.meta.url);
    const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    expect(existsSync(nodeBuild)).toBe(true);
    const store = openStore(tmp.file('native.db'), { nativeBinding: nodeBuild });
    expect(store.integrityCheck()).toBe('ok');
    store.close();
    expect(() => openStore(tmp.file('bogus.db'), { nativeBinding: tmp.file('missing.node') })).toThrow(StoreError);
  });

  it('另存备份 copies every committed book, WAL included', () => {
    const store = openStore(tmp.file('live.db'));
    const family = TEMPLATE_FAMILIES[0]!;
    store.insertBook(newBook(family, 2024, '备份测试部门'), []);
    const target = tmp.file('copy.db');
    backupDatabaseFile(store.path, target);
    store.insertBook(newBook(family, 2025, '之后的部门'), []);
    const copy = openStore(target);
    expect(copy.listBooks().map((b) => b.department)).toEqual(['备份测试部门']);
    expect(copy.integrityCheck()).toBe('ok');
    copy.close();
    store.close();
    expect(existsSync(`${target}.partial`)).toBe(false);
  });
});
