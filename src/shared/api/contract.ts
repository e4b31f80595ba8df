// The one typed API between the UI and the services. Electron IPC and the local web host both carry exactly
// these calls to the same router (src/main/api/router.ts); the renderer knows nothing else.
import type { Book, Notice } from '../book';
import type { BookPatch, CellValue, SideId } from '../cell';
import type { CatalogueEntry } from '../catalogue';
import type { ClassificationId } from '../template/types';
import type { Finding, ValidationSummary } from '../validation';

export interface BookListItem {
  id: number;
  familyId: string;
  familyName: string;
  year: number;
  department: string;
  unit: string;
  updatedAt: string;
  revision: number;
  summary: ValidationSummary;
}

/** A workbook handed over by the UI: a path (Electron dialogs) or the bytes (browser upload, drag and drop). */
export interface WorkbookInput {
  name: string;
  path?: string;
  dataBase64?: string;
}

export interface ValidationState {
  revision: number;
  summary: ValidationSummary;
  findings: Finding[];
  canUndo: boolean;
  canRedo: boolean;
}

export interface ApiMethods {
  'app.info': { params: Record<string, never>; result: { version: string; families: { id: string; name: string }[]; mode: 'electron' | 'web' } };
  'books.list': { params: Record<string, never>; result: BookListItem[] };
  'books.create': { params: { familyId: string; year: number; department: string }; result: { bookId: number } };
  /** `detection`: which template family the workbooks were recognised as, and why (Chinese, one sentence). */
  'books.import': { params: { files: WorkbookInput[] }; result: { bookId: number; notices: Notice[]; detection: string } };
  'books.delete': { params: { bookId: number }; result: { deleted: true } };
  /** `computed`: `cellKey`s of totals that follow their parts (read-only in the grid). */
  'book.get': { params: { bookId: number }; result: { book: Book; notices: Notice[]; state: ValidationState; computed: string[] } };
  /**
   * `cells`: the clerk's figures (canonical decimal strings; the UI parses what was typed first). `patch`: what was
   * written — those cells and the totals that followed — in one undo step, for the UI to lay onto its copy.
   */
  'book.setCells': { params: { bookId: number; cells: CellValue[] }; result: ValidationState & { patch: BookPatch } };
  /** `patch`: the cells as the undo/redo left them; `reload`: the book's rows changed (an undone row insertion). */
  'book.undo': { params: { bookId: number }; result: ValidationState & { changed: boolean; patch: BookPatch; reload: boolean } };
  'book.redo': { params: { bookId: number }; result: ValidationState & { changed: boolean; patch: BookPatch; reload: boolean } };
  /**
   * Adds a coded row (类/款/项 by code; missing parents come along, names from the catalogue) or a project row
   * (under a unit of 表十二/十三). Rows are placed where the table's order says.
   */
  'book.insertRow': {
    params: { bookId: number; tableId: string; side: SideId; code?: string; name?: string; unitName?: string };
    result: { rowKeys: string[] };
  };
  /** Removes a row that holds no figures and has no child rows (clear its figures first: totals then follow). */
  'book.deleteRow': { params: { bookId: number; tableId: string; side: SideId; rowKey: string }; result: { deleted: true } };
  'validation.explain': { params: { bookId: number; findingKey: string; text: string | null }; result: ValidationState };
  'export.workbook': {
    params: { bookId: number; path?: string; report?: 'auto' | 'always' | 'never' };
    result: { path?: string; dataBase64?: string; fileName: string; summary: ValidationSummary };
  };
  'catalogue.lookup': { params: { query: string; classification?: ClassificationId; limit?: number }; result: CatalogueEntry[] };
}

export type ApiMethod = keyof ApiMethods;
export type ApiParams<M extends ApiMethod> = ApiMethods[M]['params'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

export const API_METHODS: readonly ApiMethod[] = [
  'app.info',
  'books.list',
  'books.create',
  'books.import',
  'books.delete',
  'book.get',
  'book.setCells',
  'book.undo',
  'book.redo',
  'book.insertRow',
  'book.deleteRow',
  'validation.explain',
  'export.workbook',
  'catalogue.lookup',
];

/** What every transport returns: a result, or a Chinese message the UI can show as it is. */
export type ApiResponse<M extends ApiMethod> = { ok: true; result: ApiResult<M> } | { ok: false; error: { code: ApiErrorCode; message: string } };

export type ApiErrorCode = 'bad-request' | 'not-found' | 'unreadable' | 'refused' | 'internal';

/** The renderer's single entry point, provided by the preload (Electron) or by fetch (web host). */
export type Invoke = <M extends ApiMethod>(method: M, params: ApiParams<M>) => Promise<ApiResponse<M>>;
