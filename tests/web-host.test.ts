// The local web host (`npm run web`): the same API as Electron over HTTP on 127.0.0.1, guarded by a random
// token, Host/Origin checks and a CSP; static files from the renderer build and nothing outside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { defaultDataDir, defaultDatabasePath } from '../src/main/app-paths';
import { openStore, type Store } from '../src/main/store';
import { CONTENT_SECURITY_POLICY, startWebHost, type WebHost } from '../src/main/web/host';
import type { ApiMethod, ApiResponse, ApiResult } from '../src/shared/api/contract';
import { deflateBomb, rawXlsx } from './helpers/raw-xlsx';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let store: Store;
let host: WebHost;
let origin: string;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent literally (no URL normalisation), any Host header we like. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function call(method: string, params: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': host.token, ...headers },
    body: JSON.stringify(params),
  });
}

async function ok<M extends ApiMethod>(method: M, params: unknown): Promise<ApiResult<M>> {
  const response = await call(method, params);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as ApiResponse<M>;
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

beforeAll(async () => {
  tmp = makeTmpDir('web-');
  store = openStore(tmp.file('web.db'));
  const rendererDir = tmp.file('renderer');
  mkdirSync(`${rendererDir}/assets`, { recursive: true });
  writeFileSync(`${rendererDir}/index.html`, '<!doctype html><html><head><script type="module" src="./assets/index.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(`${rendererDir}/assets/index.js`, 'console.log("workbench");');
  writeFileSync(`${rendererDir}/assets/style.css`, 'body{margin:0}');
  writeFileSync(tmp.file('secret.txt'), 'outside the renderer');
  host = await startWebHost({ store, port: 0, rendererDir });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host?.close();
  store?.close();
  tmp?.remove();
});

describe('address and token', () => {
  it('listens on 127.0.0.1 only, with a 64-hex-digit token carried in the URL fragment', () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });

  it('refuses API calls without the token or with a wrong one (401, Chinese message)', async () => {
    const missing = await fetch(`${origin}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    const missingBody = (await missing.json()) as ApiResponse<'app.info'>;
    expect(missingBody.ok).toBe(false);
    if (!missingBody.ok) expect(missingBody.error.message).toMatch(/令牌/);
    const wrong = await call('app.info', {}, { 'X-Workbench-Token': host.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) });
    expect(wrong.status).toBe(401);
    const short = await call('app.info', {}, { 'X-Workbench-Token': 'abc' });
    expect(short.status).toBe(401);
  });
});

describe('API round trip', () => {
  it('answers app.info in web mode', async () => {
    const info = await ok('app.info', {});
    expect(info.mode).toBe('web');
    expect(info.families.length).toBeGreaterThan(0);
  });

  it('imports an uploaded workbook, edits a cell (an error appears) and undoes it (no errors)', async () => {
    const dataBase64 = readFileSync(DATONG_XLSX).toString('base64');
    const { bookId } = await ok('books.import', { files: [{ name: '大同.xlsx', dataBase64 }] });
    const { book, state } = await ok('book.get', { bookId });
    expect(book.department).toBe('大同市人民政府金融工作办公室');
    expect(state.summary.errors).toBe(0);
    const edited = await ok('book.setCells', { bookId, cells: [{ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '188.93' }] });
    expect(edited.summary.errors).toBeGreaterThan(0);
    const undone = await ok('book.undo', { bookId });
    expect(undone).toMatchObject({ changed: true, summary: { errors: 0 } });
  });

  it('refuses a hostile upload in Chinese, naming the clerk’s file, and keeps answering while it is read', async () => {
    const row = `<row>${'<c><v>1</v></c>'.repeat(100)}</row>`;
    const manyCells = rawXlsx({ sheets: [{ name: '表1', part: { data: Buffer.alloc(0), deflated: deflateBomb('<worksheet><sheetData>', row, 25_000, '</sheetData></worksheet>') } }] });
    const bomb = rawXlsx({ sheets: [{ name: '表1', part: { data: Buffer.alloc(0), deflated: deflateBomb('<worksheet><sheetData>', ' '.repeat(1 << 20), 1024, '</sheetData></worksheet>'), declaredSize: 1000 } }] });
    const order: string[] = [];
    const importing = call('books.import', { files: [{ name: '单元格炸弹.xlsx', dataBase64: manyCells.toString('base64') }] }).then(async (response) => {
      order.push('import');
      return (await response.json()) as ApiResponse<'books.import'>;
    });
    // The import runs in a worker: the host answers other requests meanwhile.
    const info = await ok('app.info', {});
    order.push('info');
    expect(info.mode).toBe('web');
    const refused = await importing;
    expect(order).toEqual(['info', 'import']);
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/「单元格炸弹\.xlsx」.*非空单元格数超过 2,000,000 的上限/) } });
    const bombed = (await (await call('books.import', { files: [{ name: '压缩炸弹.xlsx', dataBase64: bomb.toString('base64') }] })).json()) as ApiResponse<'books.import'>;
    expect(bombed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/「压缩炸弹\.xlsx」的部件「xl\/worksheets\/sheet1\.xml」解压后超过上限/) } });
    expect(JSON.stringify(bombed)).not.toMatch(/\/tmp\/|tests\/\.tmp|at .+:\d+/);
  });

  it('passes API errors through with status 200 and refuses file paths from the browser', async () => {
    const missing = await call('book.get', { bookId: 999999 });
    expect(missing.status).toBe(200);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const byPath = await call('books.import', { files: [{ name: 'x.xlsx', path: DATONG_XLSX }] });
    expect(await byPath.json()).toMatchObject({ ok: false, error: { code: 'refused' } });
    const exportPath = await call('export.workbook', { bookId: 1, path: tmp.file('out.xlsx') });
    expect(await exportPath.json()).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('answers 400 to invalid JSON, 413 to oversized bodies and 404 to unknown paths', async () => {
    const bad = await fetch(`${origin}/api/app.info`, { method: 'POST', headers: { 'X-Workbench-Token': host.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    const huge = await raw('/api/books.import', { method: 'POST', headers: { 'X-Workbench-Token': host.token, 'Content-Length': String(65 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    const unknown = await raw('/nothing-here.js', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(unknown.status).toBe(404);
  });
});

describe('rebinding and cross-site guards', () => {
  it('refuses a Host header that is not this server', async () => {
    const evil = await raw('/api/app.info', { method: 'POST', headers: { Host: `evil.example:${host.port}`, 'X-Workbench-Token': host.token }, body: '{}' });
    expect(evil.status).toBe(403);
    const otherPort = await raw('/', { headers: { Host: '127.0.0.1:1' } });
    expect(otherPort.status).toBe(403);
    const localhost = await raw('/api/app.info', { method: 'POST', headers: { Host: `localhost:${host.port}`, 'X-Workbench-Token': host.token }, body: '{}' });
    expect(localhost.status).toBe(200);
  });

  it('refuses requests from a foreign Origin and accepts its own', async () => {
    const foreign = await call('app.info', {}, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const otherPort = await call('app.info', {}, { Origin: 'http://127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
    const own = await call('app.info', {}, { Origin: origin });
    expect(own.status).toBe(200);
  });
});

describe('static files', () => {
  it('serves index.html for / and assets with their content types and the security headers', async () => {
    const index = await fetch(`${origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<div id="root">');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    const js = await fetch(`${origin}/assets/index.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('workbench');
    const css = await fetch(`${origin}/assets/style.css?v=1`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await raw(path, { headers: { Host: `127.0.0.1:${host.port}` } });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('outside the renderer');
      expect(response.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('data folder', () => {
  it('matches the folder Electron uses for 预算公开工作台 on each platform', () => {
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, home: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Roaming\\预算公开工作台');
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/a' })).toBe('/Users/a/Library/Application Support/预算公开工作台');
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/a' })).toBe('/home/a/.config/预算公开工作台');
    expect(defaultDatabasePath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/a' })).toBe('/x/预算公开工作台/budget-workbench.db');
  });
});
