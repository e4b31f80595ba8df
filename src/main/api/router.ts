// One router for every transport (Electron IPC, the local web host): method name + params in, ApiResponse out.
// Every call is checked here, at the boundary, before any service, store or validator work:
//   1. the method must be in the contract table (src/shared/api/contract.ts `API`, own keys only);
//   2. its params must fit the method's schema, deeply (unknown keys, "__proto__", NaN, null in lists, objects as
//      values, NUL in text … are refused with the field path); the handler gets the schema's clean copy;
//   3. an address must name a cell of the book (src/shared/api/cell-check.ts): table and side of its template,
//      a row the book holds, one of the side's amount columns.
// Services may then trust their params' types.
import { API, apiMethod, type ApiHandlers, type ApiMethod, type ApiParams, type ApiResponse } from '../../shared/api/contract';
import { cellIndex, checkAddress, type AddressProblem, type CellIndex } from '../../shared/api/cell-check';
import { SchemaError } from '../../shared/api/schema';
import type { Book } from '../../shared/book';
import type { SideId } from '../../shared/cell';
import { ImportError } from '../import/errors';
import { ReviewError } from '../services/review';
import { StoreError } from '../store';
import { ExportWriteError } from '../export/write-errors';
import { internalErrorMessage, logInternalError } from '../error-log';
import { ApiError } from './errors';

function toResponse(error: unknown): ApiResponse<ApiMethod> {
  if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof ImportError) return { ok: false, error: { code: 'unreadable', message: error.message } };
  if (error instanceof ReviewError) return { ok: false, error: { code: 'refused', message: error.message } };
  if (error instanceof ExportWriteError) return { ok: false, error: { code: 'refused', message: error.message } };
  if (error instanceof StoreError) {
    const notFound = error.code === 'book-not-found' || error.code === 'table-not-found' || error.code === 'row-not-found';
    return { ok: false, error: { code: notFound ? 'not-found' : 'bad-request', message: error.message } };
  }
  return { ok: false, error: { code: 'internal', message: internalErrorMessage(logInternalError(error)) } };
}

/** "调用 book.setCells 的参数 cells[3].value 不正确：应为…（收到：…）。" — the one form of an `invalid params` refusal. */
function invalidParams(method: ApiMethod, path: string, reason: string): ApiError {
  return new ApiError('bad-request', `调用 ${method} 的参数${path ? ` ${path} ` : ''}不正确：${reason}。`);
}

/** Anything but a short printable method name is shown cut and cleaned. */
function shownName(method: unknown): string {
  const text = String(method).replace(/[\u0000-\u001f\u007f]/g, '�');
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

/**
 * The address index of recently used books, so a keystroke's check is a few Set lookups. It is filled from
 * `book.get` answers (the UI opens a book that way) or, on a miss, by asking the `book.get` handler; it is
 * dropped for a book whenever this router changes the book's rows. Rows added by another window are found by one
 * refresh before an address is refused; a row another window removed still passes here and the store refuses it.
 */
class AddressBook {
  private readonly books = new Map<number, CellIndex>();

  constructor(private readonly load: (bookId: number) => Promise<Book>) {}

  remember(bookId: number, book: Book): void {
    this.books.delete(bookId);
    this.books.set(bookId, cellIndex(book));
    if (this.books.size > 16) this.books.delete(this.books.keys().next().value as number);
  }

  forget(bookId: number): void {
    this.books.delete(bookId);
  }

  /** The first address the book does not have, as [index in the list, problem]; a miss is checked once more on fresh data. */
  async firstProblem(bookId: number, addresses: readonly { tableId: string; side: SideId; rowKey?: string; columnId?: string }[]): Promise<[number, AddressProblem] | undefined> {
    const scan = (index: CellIndex): [number, AddressProblem] | undefined => {
      for (let i = 0; i < addresses.length; i++) {
        const problem = checkAddress(index, addresses[i] as (typeof addresses)[number]);
        if (problem) return [i, problem];
      }
      return undefined;
    };
    const cached = this.books.get(bookId);
    const found = cached ? scan(cached) : undefined;
    if (cached && !found) return undefined;
    this.remember(bookId, await this.load(bookId));
    return scan(this.books.get(bookId) as CellIndex);
  }
}

/** Methods after which a book's rows may differ; undo/redo say so with `reload` (and may, when they fail). */
const CHANGES_ROWS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['book.insertRow', 'book.deleteRow', 'books.delete', 'book.importTables']);
const HISTORY: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['book.undo', 'book.redo']);

export interface Router {
  call(method: string, params: unknown): Promise<ApiResponse<ApiMethod>>;
}

/** What the router serves: one handler per contract method (the Workbench today, the services after). */
export interface ApiService {
  handlers(): ApiHandlers;
}

export interface RouterOptions {
  /**
   * How the address check reads a book it has not indexed yet (the composition root may pass the store's
   * `loadBook`); by default the `book.get` handler.
   */
  loadBook?: (bookId: number) => Book | Promise<Book>;
}

export function createRouter(service: ApiService, options: RouterOptions = {}): Router {
  const handlers = service.handlers();
  const addresses = new AddressBook(async (bookId) => (options.loadBook ? options.loadBook(bookId) : (await handlers['book.get']({ bookId })).book));

  /** The book-aware check, for the methods that name a table (and, for book.setCells, cells). */
  async function checkBook<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<void> {
    if (method === 'book.setCells') {
      const { bookId, cells } = params as ApiParams<'book.setCells'>;
      if (cells.length === 0) return;
      const found = await addresses.firstProblem(bookId, cells);
      if (found) throw invalidParams(method, `cells[${found[0]}].${found[1].field}`, found[1].reason);
    } else if (method === 'book.insertRow' || method === 'book.deleteRow') {
      const { bookId, tableId, side } = params as ApiParams<'book.insertRow'>;
      const found = await addresses.firstProblem(bookId, [{ tableId, side }]);
      if (found) throw invalidParams(method, found[1].field, found[1].reason);
    }
  }

  async function run<M extends ApiMethod>(method: M, raw: unknown): Promise<ApiResponse<M>> {
    let params: ApiParams<M>;
    try {
      params = API[method].params.parse(raw === undefined ? {} : raw) as ApiParams<M>;
    } catch (error) {
      if (error instanceof SchemaError) throw invalidParams(method, error.path, error.reason);
      throw error;
    }
    await checkBook(method, params);
    const handler = handlers[method] as (params: ApiParams<M>) => unknown;
    const bookId = (params as { bookId?: number }).bookId;
    let result: unknown;
    try {
      result = await handler(params);
    } catch (error) {
      if (bookId !== undefined && (CHANGES_ROWS.has(method) || HISTORY.has(method))) addresses.forget(bookId);
      throw error;
    }
    const answer = result as { book?: Book; bookId?: unknown; reload?: boolean };
    if (method === 'book.get' && bookId !== undefined && answer.book) addresses.remember(bookId, answer.book);
    if (bookId !== undefined && (CHANGES_ROWS.has(method) || (HISTORY.has(method) && answer.reload !== false))) addresses.forget(bookId);
    // A new book may reuse the id of a deleted one.
    if ((method === 'books.import' || method === 'books.create') && typeof answer.bookId === 'number') addresses.forget(answer.bookId);
    return { ok: true, result } as ApiResponse<M>;
  }

  return {
    async call(method, params) {
      try {
        const known = apiMethod(method);
        if (!known) throw new ApiError('bad-request', `没有名为「${shownName(method)}」的操作。`);
        return (await run(known, params)) as ApiResponse<ApiMethod>;
      } catch (error) {
        return toResponse(error);
      }
    },
  };
}
