// The Electron shell with `electron` mocked (the binary cannot run in CI): window lock-down, sender checks,
// the menu template, window state, the preload's surface, the native-binding option and 另存备份, and the services
// process (utilityProcess) that main forwards the channel's calls to — its restart after a crash included.
import { fork as forkNode } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Router } from '../src/main/api/router';
import { openStore, StoreError } from '../src/main/store';
import { backupDatabaseFile, electronNativeBinding } from '../src/main/shell/database';
import { chooseExportPath, chooseWorkbooks, saveBackup, type DialogModule } from '../src/main/shell/dialogs';
import { createSenderCheck, isAppUrl, registerApi, registerChecked, type SenderEvent } from '../src/main/shell/ipc';
import { buildMenuTemplate, MENU_COMMANDS } from '../src/main/shell/menu';
import { registerPrintToPdf } from '../src/main/shell/print';
import { openServicesHost, serveServices, type ServicesHost } from '../src/main/shell/services-child';
import { ServicesProcess, type CrashReport, type UtilityProcessLike } from '../src/main/shell/services-process';
import type { ParentPortLike, ServicesInit } from '../src/main/shell/services-protocol';
import { ensureSingleInstance } from '../src/main/shell/single-instance';
import { contentSecurityPolicy, createMainWindow } from '../src/main/shell/window';
import { DEFAULT_STATE, parseWindowState, readWindowState } from '../src/main/shell/window-state';
import type { ApiMethod, ApiResponse } from '../src/shared/api/contract';
import { SERVICE_TEXT } from '../src/shared/strings';
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
    fork: vi.fn(),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.FakeBrowserWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
  utilityProcess: { fork: electron.fork },
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

describe('打印预览 → 保存为 PDF', () => {
  const ours = { id: 1 };
  const PDF = Buffer.from('%PDF-1.7 fake');

  function setup(save: { canceled: boolean; filePath?: string }, printToPDF = vi.fn(async () => PDF)) {
    const handlers = new Map<string, Handler>();
    const ipcMain = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) };
    const dialog = {
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(async () => save),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    };
    const window = { webContents: { printToPDF, getTitle: () => '大同市金融办2024年部门预算公开' } };
    registerPrintToPdf(ipcMain as never, createSenderCheck(() => ours as never, { indexFile: INDEX }), dialog as unknown as DialogModule, () => window as never);
    const handler = handlers.get('print:toPdf')!;
    return { handler, dialog, printToPDF };
  }

  it('refuses a sender that is not our page, before any dialog or printing', async () => {
    const { handler, dialog, printToPDF } = setup({ canceled: false, filePath: tmp.file('never.pdf') });
    expect(await handler({ sender: ours, senderFrame: { url: 'https://evil.example/' } })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await handler({ sender: { id: 2 }, senderFrame: { url: INDEX_URL } })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('asks where under the book’s name, prints A4 with the page’s own @page sizes and writes the PDF there', async () => {
    const target = tmp.file('预算公开');
    const { handler, dialog, printToPDF } = setup({ canceled: false, filePath: target });
    expect(await handler({ sender: ours, senderFrame: { url: INDEX_URL } })).toEqual({ ok: true, result: `${target}.pdf` });
    const options = dialog.showSaveDialog.mock.calls[0] as unknown as [unknown, { defaultPath: string; filters: unknown }];
    expect(options[1]).toMatchObject({ defaultPath: '大同市金融办2024年部门预算公开.pdf', filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }));
    expect(readFileSync(`${target}.pdf`, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('prints nothing when the dialog is cancelled', async () => {
    const { handler, printToPDF } = setup({ canceled: true });
    expect(await handler({ sender: ours, senderFrame: { url: INDEX_URL } })).toEqual({ ok: true, result: undefined });
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('says in Chinese why a PDF could not be written, and leaves no partial file', async () => {
    const target = tmp.file('no/such/folder/a.pdf');
    const { handler, dialog } = setup({ canceled: false, filePath: target });
    expect(await handler({ sender: ours, senderFrame: { url: INDEX_URL } })).toEqual({ ok: true, result: undefined });
    expect(JSON.stringify(dialog.showMessageBox.mock.calls.at(-1))).toContain('保存 PDF 失败：文件夹');
    expect(existsSync(target)).toBe(false);
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

  it('exposes exactly invoke, openWorkbooks, saveExport, printToPdf and onMenu', async () => {
    await import('../src/preload/index');
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, bridge] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(name).toBe('workbench');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenu', 'openWorkbooks', 'printToPdf', 'saveExport']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);

    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: [] });
    await (bridge.invoke as Handler)('books.list', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('api', 'books.list', {});

    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: ['/a.xlsx'] });
    expect(await (bridge.openWorkbooks as Handler)()).toEqual(['/a.xlsx']);
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'refused', message: '拒绝来自未知页面的请求。' } });
    await expect((bridge.saveExport as Handler)('a.xlsx')).rejects.toThrow('拒绝来自未知页面的请求。');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('dialog:saveExport', 'a.xlsx');

    // 保存为 PDF takes no argument from the page; a cancelled dialog is undefined.
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: '/out/a.pdf' });
    expect(await (bridge.printToPdf as Handler)('ignored')).toBe('/out/a.pdf');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('print:toPdf');
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: undefined });
    expect(await (bridge.printToPdf as Handler)()).toBeUndefined();
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

describe('services process (utilityProcess)', () => {
  const ENTRY = '/opt/app/out/main/services.js';
  const ours = { id: 1 };
  const trusted = { sender: ours, senderFrame: { url: INDEX_URL } };

  /**
   * A utility process played in this process: the real services child (serveServices) behind a message channel
   * that copies every message (structured clone) and delivers it a turn later, as a process boundary does.
   * `crash()` is the process dying: its store connection goes, its answers never arrive.
   */
  class FakeUtility extends EventEmitter implements UtilityProcessLike {
    dead = false;
    received: unknown[] = [];
    host: ServicesHost | undefined;
    private readonly port = new EventEmitter();

    constructor(open: (init: ServicesInit) => ServicesHost) {
      super();
      const parentPort: ParentPortLike = {
        on: (event, listener) => this.port.on(event, listener),
        postMessage: (message) => {
          const copy = structuredClone(message);
          setImmediate(() => !this.dead && this.emit('message', copy));
        },
      };
      serveServices(parentPort, (init) => (this.host = open(init)), (code) => setImmediate(() => this.die(code)));
    }

    override on(event: string, listener: (...args: any[]) => void): this {
      return super.on(event, listener);
    }

    postMessage(message: unknown): void {
      const copy = structuredClone(message);
      this.received.push(copy);
      setImmediate(() => !this.dead && this.port.emit('message', { data: copy }));
    }

    kill(): boolean {
      setImmediate(() => this.die(15));
      return true;
    }

    crash(code = 1): void {
      this.die(code);
    }

    private die(code: number): void {
      if (this.dead) return;
      this.dead = true;
      this.host?.close();
      this.emit('exit', code);
    }
  }

  function setup(options: { database?: string; open?: (init: ServicesInit) => ServicesHost; now?: () => number } = {}) {
    const children: FakeUtility[] = [];
    const crashes: CrashReport[] = [];
    const fork = vi.fn((_entry: string, _args: string[], _options: { serviceName: string }) => {
      const child = new FakeUtility(options.open ?? openServicesHost);
      children.push(child);
      return child;
    });
    const services = new ServicesProcess({
      entry: ENTRY,
      init: { database: options.database ?? tmp.file(`services-${Math.random().toString(36).slice(2)}.db`), version: '9.9.9' },
      fork,
      onCrash: (report) => void crashes.push(report),
      ...(options.now ? { now: options.now } : {}),
    });
    const handlers = new Map<string, Handler>();
    registerApi({ handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as never, services, createSenderCheck(() => ours as never, { indexFile: INDEX }));
    const api = (method: string, params: unknown, event: SenderEvent = trusted): Promise<ApiResponse<ApiMethod>> => handlers.get('api')!(event, method, params);
    return { services, fork, children, crashes, api };
  }

  async function ok(response: Promise<ApiResponse<ApiMethod>>): Promise<any> {
    const answer = await response;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.result;
  }

  const until = async (condition: () => boolean, ms = 10_000): Promise<void> => {
    for (const end = Date.now() + ms; !condition() && Date.now() < end; ) await new Promise((done) => setTimeout(done, 5));
    expect(condition()).toBe(true);
  };

  it('main forwards the channel’s calls to the services process, which owns the store, and 另存备份 too', async () => {
    const { services, fork, children, api } = setup();
    await services.start();
    expect(fork).toHaveBeenCalledOnce();
    expect(fork.mock.calls[0]?.[0]).toBe(ENTRY);
    expect(children[0]!.received[0]).toMatchObject({ type: 'init', init: { version: '9.9.9' } });

    expect(await ok(api('app.info', {}))).toMatchObject({ version: '9.9.9', mode: 'electron' });
    const { bookId } = await ok(api('books.create', { familyId: 'shanxi-2024', year: 2025, department: '转发测试局' }));
    const list = await ok(api('books.list', {}));
    expect(list).toMatchObject([{ id: bookId, department: '转发测试局', summary: { errors: 0 } }]);
    // Errors come back as the router made them (Chinese, with a code).
    expect(await api('book.get', { bookId: 9999 })).toMatchObject({ ok: false, error: { code: 'not-found', message: '找不到编号为 9999 的预算本' } });

    // An untrusted sender never reaches the services process.
    const before = children[0]!.received.length;
    expect(await api('books.delete', { bookId }, { sender: ours, senderFrame: { url: 'https://evil.example/' } })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(children[0]!.received).toHaveLength(before);

    const target = tmp.file('forwarded-backup.db');
    await services.backup(target);
    const copy = openStore(target);
    expect(copy.listBooks().map((b) => b.department)).toEqual(['转发测试局']);
    copy.close();
    await expect(services.backup(tmp.file('no/such/folder/x.db'))).rejects.toThrow();

    await services.stop();
    expect(children[0]!.received.at(-1)).toEqual({ type: 'close' });
    expect(children[0]!.dead).toBe(true);
    expect(await api('books.list', {})).toEqual({ ok: false, error: { code: 'refused', message: SERVICE_TEXT.stopping } });
  });

  it('a crash answers the call in flight with a Chinese error, restarts the process on the same file and carries on', async () => {
    let hang = true;
    let hanging = 0;
    const open = (init: ServicesInit): ServicesHost => {
      const real = openServicesHost(init);
      return {
        ...real,
        router: {
          call: (method, params) => {
            if (method === 'books.list' && hang) {
              hanging++;
              return new Promise(() => undefined);
            }
            return real.router.call(method, params);
          },
        },
      };
    };
    const { services, fork, children, crashes, api } = setup({ open });
    await services.start();
    const { bookId } = await ok(api('books.create', { familyId: 'shanxi-2024', year: 2025, department: '崩溃前的部门' }));

    const inFlight = api('books.list', {});
    await until(() => hanging === 1);
    children[0]!.crash(1);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'internal', message: SERVICE_TEXT.crashed } });
    expect(SERVICE_TEXT.crashed).toContain('后台服务意外退出，已自动重新启动');
    expect(crashes).toEqual([{ code: 1, pending: 1, gaveUp: false, message: SERVICE_TEXT.crashed }]);
    expect(fork).toHaveBeenCalledTimes(2);

    // Calls made while it restarts wait for the new process; what was committed before the crash is there.
    hang = false;
    const list = await ok(api('books.list', {}));
    expect(list.map((b: { id: number }) => b.id)).toEqual([bookId]);
    await services.stop();
  });

  it('an idle crash is reported for the window; three crashes within a minute and it gives up', async () => {
    let clock = 0;
    const { services, fork, children, crashes, api } = setup({ now: () => clock });
    await services.start();
    children[0]!.crash(3);
    expect(crashes.at(-1)).toEqual({ code: 3, pending: 0, gaveUp: false, message: SERVICE_TEXT.crashed });
    expect(await ok(api('app.info', {}))).toMatchObject({ version: '9.9.9' });
    clock += 10_000;
    children[1]!.crash(1);
    await ok(api('app.info', {}));
    clock += 10_000;
    children[2]!.crash(1);
    expect(crashes.at(-1)).toEqual({ code: 1, pending: 0, gaveUp: true, message: SERVICE_TEXT.gaveUp });
    expect(fork).toHaveBeenCalledTimes(3);
    expect(await api('books.list', {})).toEqual({ ok: false, error: { code: 'internal', message: SERVICE_TEXT.gaveUp } });
    await expect(services.backup(tmp.file('gave-up.db'))).rejects.toThrow(SERVICE_TEXT.gaveUp);
    await services.stop();
  });

  it('crashes far apart are each survived', async () => {
    let clock = 0;
    const { services, fork, children, api } = setup({ now: () => clock });
    await services.start();
    for (let i = 0; i < 4; i++) {
      clock += 61_000;
      children[i]!.crash(1);
      expect(await ok(api('app.info', {}))).toMatchObject({ mode: 'electron' });
    }
    expect(fork).toHaveBeenCalledTimes(5);
    await services.stop();
  });

  it('a data file that cannot be opened stops the start with a Chinese reason, without restarting', async () => {
    const folder = tmp.file('a-folder.db');
    mkdirSync(folder, { recursive: true });
    const { services, fork, api } = setup({ database: folder });
    await expect(services.start()).rejects.toThrow(/^后台服务无法启动：无法打开数据库文件/);
    await new Promise((done) => setImmediate(done));
    expect(fork).toHaveBeenCalledOnce();
    expect(await api('books.list', {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^后台服务无法启动/) } });
  });

  it('forks with Electron’s utilityProcess by default', async () => {
    electron.fork.mockImplementationOnce(() => new FakeUtility(openServicesHost));
    const services = new ServicesProcess({ entry: ENTRY, init: { database: tmp.file('default-fork.db'), version: '1.0.0' } });
    await services.start();
    expect(electron.fork).toHaveBeenCalledWith(ENTRY, [], { serviceName: 'budget-workbench-services' });
    expect(await services.call('app.info', {})).toMatchObject({ ok: true, result: { version: '1.0.0' } });
    await services.stop();
  });

  it('runs the real entry as a separate process; a killed process is restarted and finds the data', async () => {
    const entry = resolve('src/main/shell/services-entry.ts');
    const shim = resolve('tests/helpers/utility-process-shim.cjs');
    const pids: number[] = [];
    const kills: Array<() => void> = [];
    const fork = (modulePath: string): UtilityProcessLike => {
      const child = forkNode(shim, [modulePath], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' });
      pids.push(child.pid ?? 0);
      kills.push(() => child.kill('SIGKILL'));
      return {
        postMessage: (message) => void (child.connected && child.send(message as never)),
        on: ((event: 'message' | 'exit', listener: (value: any) => void) => {
          if (event === 'exit') child.on('exit', (code) => listener(code ?? 1));
          else child.on('message', listener);
        }) as UtilityProcessLike['on'],
        kill: () => child.kill(),
      };
    };
    const crashes: CrashReport[] = [];
    const database = tmp.file('real-process.db');
    const services = new ServicesProcess({ entry, init: { database, version: '2.0.0' }, fork, onCrash: (r) => void crashes.push(r) });
    await services.start();
    const created = await services.call('books.create', { familyId: 'shanxi-2024', year: 2024, department: '独立进程部门' });
    expect(created).toMatchObject({ ok: true, result: { bookId: 1 } });

    kills[0]!();
    await until(() => crashes.length === 1);
    expect(crashes[0]).toMatchObject({ pending: 0, gaveUp: false });
    const list = await services.call('books.list', {});
    expect(list).toMatchObject({ ok: true, result: [{ id: 1, department: '独立进程部门' }] });
    expect(pids).toHaveLength(2);
    expect(pids[1]).not.toBe(pids[0]);

    await services.stop();
    const store = openStore(database);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  }, 30_000);
});
