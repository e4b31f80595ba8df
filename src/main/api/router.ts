// One router for every transport (Electron IPC, the local web host): method name + params in, ApiResponse out.
// Params are checked here, at the boundary; services may then trust their types.
import { API_METHODS, type ApiMethod, type ApiResponse } from '../../shared/api/contract';
import { ImportError } from '../import/errors';
import { ReviewError } from '../services/review';
import { StoreError } from '../store';
import { ExportWriteError } from '../export/write-errors';
import { ApiError } from './errors';
import type { Workbench } from './workbench';

type FieldType = 'number' | 'string' | 'array' | 'string|null' | 'string?' | 'number?';

const PARAMS: Record<ApiMethod, Record<string, FieldType>> = {
  'app.info': {},
  'books.list': {},
  'books.create': { familyId: 'string', year: 'number', department: 'string' },
  'books.import': { files: 'array' },
  'books.delete': { bookId: 'number' },
  'book.get': { bookId: 'number' },
  'book.setCells': { bookId: 'number', cells: 'array' },
  'book.undo': { bookId: 'number' },
  'book.redo': { bookId: 'number' },
  'book.insertRow': { bookId: 'number', tableId: 'string', side: 'string', code: 'string?', name: 'string?', unitName: 'string?' },
  'book.deleteRow': { bookId: 'number', tableId: 'string', side: 'string', rowKey: 'string' },
  'validation.explain': { bookId: 'number', findingKey: 'string', text: 'string|null' },
  'export.workbook': { bookId: 'number', path: 'string?', report: 'string?' },
  'catalogue.lookup': { query: 'string', classification: 'string?', limit: 'number?' },
};

function checkParams(method: ApiMethod, params: unknown): void {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new ApiError('bad-request', `调用 ${method} 的参数应为对象。`);
  const record = params as Record<string, unknown>;
  for (const [field, type] of Object.entries(PARAMS[method])) {
    const value = record[field];
    const ok =
      type === 'number' ? typeof value === 'number' && Number.isFinite(value)
      : type === 'string' ? typeof value === 'string'
      : type === 'array' ? Array.isArray(value)
      : type === 'string|null' ? typeof value === 'string' || value === null
      : type === 'string?' ? value === undefined || typeof value === 'string'
      : value === undefined || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new ApiError('bad-request', `调用 ${method} 的参数 ${field} 不正确。`);
  }
}

function toResponse(error: unknown): ApiResponse<ApiMethod> {
  if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof ImportError) return { ok: false, error: { code: 'unreadable', message: error.message } };
  if (error instanceof ReviewError) return { ok: false, error: { code: 'refused', message: error.message } };
  if (error instanceof ExportWriteError) return { ok: false, error: { code: 'refused', message: error.message } };
  if (error instanceof StoreError) {
    const notFound = error.code === 'book-not-found' || error.code === 'table-not-found' || error.code === 'row-not-found';
    return { ok: false, error: { code: notFound ? 'not-found' : 'bad-request', message: error.message } };
  }
  return { ok: false, error: { code: 'internal', message: `程序内部错误：${error instanceof Error ? error.message : String(error)}` } };
}

export interface Router {
  call(method: string, params: unknown): Promise<ApiResponse<ApiMethod>>;
}

export function createRouter(workbench: Workbench): Router {
  const handlers = workbench.handlers() as Record<ApiMethod, (params: unknown) => unknown>;
  return {
    async call(method, params) {
      try {
        if (!(API_METHODS as readonly string[]).includes(method)) throw new ApiError('bad-request', `没有名为「${method}」的操作。`);
        checkParams(method as ApiMethod, params ?? {});
        return { ok: true, result: (await handlers[method as ApiMethod](params ?? {})) as never };
      } catch (error) {
        return toResponse(error);
      }
    },
  };
}
