// The local web host: the built renderer and the one API (src/main/api/router.ts) over node:http, for a browser
// on this machine only. Bound to 127.0.0.1; every API call carries a random token that the browser got from the
// URL fragment (never sent to the server); the Host and Origin headers are checked against DNS rebinding and
// cross-site requests; static files never leave rendererDir.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { ApiErrorCode } from '../../shared/api/contract';
import { createRouter, type Router } from '../api/router';
import { Workbench } from '../api/workbench';
import { createServices } from '../services';
import type { Store } from '../store';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;
export const TOKEN_HEADER = 'x-workbench-token';
const HOST = '127.0.0.1';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebHostOptions {
  store: Store;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The electron-vite renderer build (out/renderer). */
  rendererDir: string;
  /** 32 random bytes as hex unless given. */
  token?: string;
}

export interface WebHost {
  /** http://127.0.0.1:<port>/#token=<token> — the token travels in the fragment, never to the server or a log. */
  url: string;
  port: number;
  token: string;
  /** The address the server listens on, as the OS reports it (always 127.0.0.1). */
  address: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time comparison (hashing first so the lengths match and leak nothing). */
function tokenMatches(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(digest(given), expected);
}

function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: Buffer | string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(value);
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body), ...extra }, body);
}

function sendError(res: ServerResponse, error: HttpError, extra: OutgoingHttpHeaders = {}): void {
  sendJson(res, error.status, { ok: false, error: { code: error.code, message: error.message } }, extra);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolveBody(Buffer.concat(chunks, size));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
  });
}

function tooLarge(): HttpError {
  return new HttpError(413, 'bad-request', `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，无法处理。请分批导入工作簿。`);
}

/**
 * In the browser the API takes bytes, never paths: a page must not make the host read or write arbitrary files.
 * (Defence in depth: the workbench in 'web' mode should refuse paths too.)
 */
function refusePaths(method: string, params: unknown): void {
  if (typeof params !== 'object' || params === null) return;
  const record = params as Record<string, unknown>;
  const refused = new HttpError(200, 'refused', '网页版只能上传和下载文件，不能按路径读写本机文件。');
  if (method === 'books.import' && Array.isArray(record.files) && record.files.some((f) => typeof f === 'object' && f !== null && 'path' in f && (f as { path?: unknown }).path !== undefined)) throw refused;
  if (method === 'export.workbook' && record.path !== undefined) throw refused;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  if (token.length < 16) throw new Error('web host token too short');
  const expectedToken = digest(token);
  const rendererRoot = await realpath(resolve(options.rendererDir));
  const router: Router = createRouter(new Workbench(createServices({ store: options.store, mode: 'web' })));
  let port = 0;

  /** Host must be this server by IP or localhost (DNS rebinding); Origin, when sent, must be our own. */
  function checkOrigin(req: IncomingMessage): void {
    const host = req.headers.host;
    const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`];
    if (!host || !allowedHosts.includes(host.toLowerCase())) throw new HttpError(403, 'refused', '拒绝访问：请求的主机名不是本机服务地址。');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host.toLowerCase()}`) throw new HttpError(403, 'refused', '拒绝访问：不接受来自其他网站的请求。');
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'refused', '拒绝访问：不接受来自其他网站的请求。');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'bad-request', '接口只接受 POST 请求。');
    if (!tokenMatches(req.headers[TOKEN_HEADER], expectedToken)) {
      throw new HttpError(401, 'refused', '访问令牌缺失或不正确：请使用 npm run web 启动时输出的完整地址打开工作台。');
    }
    const body = await readBody(req);
    let params: unknown = {};
    if (body.length > 0) {
      try {
        params = JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpError(400, 'bad-request', '请求内容不是有效的 JSON。');
      }
    }
    refusePaths(method, params);
    const response = await router.call(method, params);
    sendJson(res, 200, response);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'bad-request', '只接受 GET 请求。');
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      throw new HttpError(400, 'bad-request', '地址格式不正确。');
    }
    if (pathname.includes('\0') || pathname.includes('\\')) throw new HttpError(400, 'bad-request', '地址格式不正确。');
    if (pathname.endsWith('/')) pathname += 'index.html';
    const candidate = resolve(rendererRoot, '.' + pathname);
    if (!isInside(rendererRoot, candidate)) throw new HttpError(403, 'refused', '拒绝访问该路径。');
    let file: string;
    try {
      file = await realpath(candidate);
    } catch {
      throw new HttpError(404, 'not-found', '找不到该页面。');
    }
    if (!isInside(rendererRoot, file)) throw new HttpError(403, 'refused', '拒绝访问该路径。');
    const info = await stat(file);
    if (!info.isFile()) throw new HttpError(404, 'not-found', '找不到该页面。');
    const headers: OutgoingHttpHeaders = {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    };
    res.writeHead(200, { ...SECURITY_HEADERS, ...headers });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((done, fail) => {
      const stream = createReadStream(file);
      stream.on('error', fail);
      res.on('close', () => {
        stream.destroy();
        done();
      });
      stream.pipe(res);
    });
  }

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
    const run = async (): Promise<void> => {
      checkOrigin(req);
      if (rawPath.startsWith('/api/')) await handleApi(req, res, rawPath.slice('/api/'.length));
      else if (rawPath === '/api') throw new HttpError(404, 'not-found', '找不到该接口。');
      else await handleStatic(req, res, rawPath);
    };
    run().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const httpError = error instanceof HttpError ? error : new HttpError(500, 'internal', `程序内部错误：${error instanceof Error ? error.message : String(error)}`);
      // A refused or oversized body is not read: close the connection instead of draining it.
      const closing = httpError.status === 413 || (!req.complete && httpError.status !== 200);
      sendError(res, httpError, closing ? { Connection: 'close' } : {});
      if (closing) res.on('finish', () => req.destroy());
    });
  });
  // Base64 workbooks up to 64 MB may take a while on a slow disk; no Slowloris concerns on loopback.
  server.requestTimeout = 10 * 60 * 1000;

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', fail);
      done();
    });
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;

  return {
    url: `http://${HOST}:${port}/#token=${token}`,
    port,
    token,
    address: bound.address,
    close: () =>
      new Promise<void>((done, fail) => {
        // Requests in flight finish (an edit is committed before its response); idle keep-alive sockets close now.
        const force = setTimeout(() => server.closeAllConnections(), 2000);
        force.unref();
        server.close((error) => {
          clearTimeout(force);
          if (error) fail(error);
          else done();
        });
        server.closeIdleConnections();
      }),
  };
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
