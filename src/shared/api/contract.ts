// The one typed API between the UI and the services. Electron IPC and the local web host both carry exactly
// these calls to the same router (src/main/api/router.ts); the renderer knows nothing else.
//
// One contract table: `API` declares every method once, with a runtime schema for its params (src/shared/api/
// schema.ts) and its result type. The params types are derived from the schemas, never written twice; the router
// checks every call deeply against them before any service, store or validator work. Results are produced by our
// own services and are typed only.
import type { Book, Notice } from '../book';
import type { BookPatch, CellValue, SideId } from '../cell';
import type { CatalogueEntry } from '../catalogue';
import type { ClassificationId } from '../template/types';
import type { Finding, ValidationSummary } from '../validation';
import type { QuickFix, QuickFixId } from '../quick-fixes';
import { array, integer, nullable, object, oneOf, optional, string, type Infer, type Schema } from './schema';

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

export interface ValidationState {
  revision: number;
  summary: ValidationSummary;
  findings: Finding[];
  canUndo: boolean;
  canRedo: boolean;
}

// ---- The parts params are made of ----------------------------------------------------------------------------

/** Text without control characters (file names, paths, ids). */
const plainText = (max: number, what: string): Schema<string> => string({ min: 1, max, pattern: /^[^\u0000-\u001f\u007f]+$/, what });

const bookId = integer(1, Number.MAX_SAFE_INTEGER);
const tableId = plainText(64, '表编号文本（如 "t02"）');
const rowKey = plainText(1000, '行的键文本');
const columnId = plainText(64, '列编号文本（如 "gpb"）');
export const SIDE_IDS = ['main', 'income', 'expenditure'] as const satisfies readonly SideId[];
const side = oneOf(SIDE_IDS);
const QUICK_FIX_IDS = ['recalculate', 'takeLeft', 'takeRight', 'recalculateAll'] as const satisfies readonly QuickFixId[];
export type QuickFixPreview = Omit<QuickFix, 'patch'>;
const CLASSIFICATIONS = ['function', 'govFundIncome', 'stateCapitalIncome', 'economicDept', 'economicGov'] as const satisfies readonly ClassificationId[];

/** The amount limits at the boundary: canonical decimals of at most 20 integer and 10 fraction digits, no "-0". */
export const AMOUNT_TEXT = /^(?!-0(?:\.0+)?$)-?(?:0|[1-9]\d{0,19})(?:\.\d{1,10})?$/;
const amount = string({ max: 32, pattern: AMOUNT_TEXT, what: '金额文本（规范的十进制数，如 "1234.56"；整数至多 20 位、小数至多 10 位，不带逗号、正号、指数，不能是 "-0"）' });

/** A clerk's figure for one cell: a `CellValue` (src/shared/cell.ts) without the store's `amount` detail. */
const cellValue: Schema<Omit<CellValue, 'amount'>> = object({ tableId, side, rowKey, columnId, value: nullable(amount) });

const workbookInput = object({
  name: plainText(255, '不含控制字符、至多 255 个字符的文件名文本'),
  path: optional(plainText(4096, '不含控制字符的文件路径文本')),
  dataBase64: optional(string({ max: 100 * 1024 * 1024, pattern: /^[A-Za-z0-9+/]*={0,2}$/, what: 'Base64 文本' })),
});
/** A workbook handed over by the UI: a path (Electron dialogs) or the bytes (browser upload, drag and drop). */
export type WorkbookInput = Infer<typeof workbookInput>;

const none = object({});
const book = object({ bookId });

// ---- The table -------------------------------------------------------------------------------------------------

/** One method: its params schema, and its result type (a phantom: results are our own and are not re-checked). */
export interface MethodDef<P, R> {
  readonly params: Schema<P>;
  readonly result?: (result: R) => R;
}

const method = <P>(params: Schema<P>) => ({ returns: <R>(): MethodDef<P, R> => ({ params }) });

type HistoryResult = ValidationState & { changed: boolean; patch: BookPatch; reload: boolean };

export const API = {
  'app.info': method(none).returns<{ version: string; families: { id: string; name: string }[]; mode: 'electron' | 'web' }>(),
  'books.list': method(none).returns<BookListItem[]>(),
  'books.create': method(object({ familyId: plainText(64, '模板编号文本'), year: integer(1900, 2100), department: string({ max: 200 }) })).returns<{ bookId: number }>(),
  /** `detection`: which template family the workbooks were recognised as, and why (Chinese, one sentence). */
  'books.import': method(object({ files: array(workbookInput, { max: 100 }) })).returns<{ bookId: number; notices: Notice[]; detection: string }>(),
  'books.delete': method(book).returns<{ deleted: true }>(),
  /** `computed`: `cellKey`s of totals that follow their parts (read-only in the grid). */
  'book.get': method(book).returns<{ book: Book; notices: Notice[]; state: ValidationState; computed: string[] }>(),
  /**
   * `cells`: the clerk's figures (canonical decimal strings; the UI parses what was typed first). Beyond this shape,
   * the router refuses a table, side, row or column the book does not have (src/shared/api/cell-check.ts).
   * `patch`: what was written — those cells and the totals that followed — in one undo step, for the UI to lay on.
   */
  'book.setCells': method(object({ bookId, cells: array(cellValue, { max: 100_000 }) })).returns<ValidationState & { patch: BookPatch }>(),
  /**
   * Quick fixes (src/shared/quick-fixes.ts): for a finding, 按明细重算 or 采用…的数; without a finding, 全部重算.
   * Each comes with the cells it would change (before → after); nothing is written.
   */
  'book.fixes': method(object({ bookId, findingKey: optional(plainText(500, '问题编号文本')) })).returns<QuickFixPreview[]>(),
  /** Applies one fix, planned again on the book as it is now: one undo step, like `book.setCells`. */
  'book.applyFix': method(object({ bookId, fixId: oneOf(QUICK_FIX_IDS), findingKey: optional(plainText(500, '问题编号文本')) })).returns<ValidationState & { patch: BookPatch }>(),
  /** `patch`: the cells as the undo/redo left them; `reload`: the book's rows changed (an undone row insertion). */
  'book.undo': method(book).returns<HistoryResult>(),
  'book.redo': method(book).returns<HistoryResult>(),
  /**
   * Adds a coded row (类/款/项 by code; missing parents come along, names from the catalogue) or a project row
   * (under a unit of 表十二/十三). Rows are placed where the table's order says.
   */
  'book.insertRow': method(
    object({ bookId, tableId, side, code: optional(string({ max: 32 })), name: optional(string({ max: 200 })), unitName: optional(string({ max: 200 })) }),
  ).returns<{ rowKeys: string[] }>(),
  /** Removes a row that holds no figures and has no child rows (clear its figures first: totals then follow). */
  'book.deleteRow': method(object({ bookId, tableId, side, rowKey })).returns<{ deleted: true }>(),
  'validation.explain': method(object({ bookId, findingKey: plainText(500, '问题编号文本'), text: nullable(string({ max: 5000 })) })).returns<ValidationState>(),
  'export.workbook': method(
    object({ bookId, path: optional(plainText(4096, '不含控制字符的文件路径文本')), report: optional(oneOf(['auto', 'always', 'never'] as const)) }),
  ).returns<{ path?: string; dataBase64?: string; fileName: string; summary: ValidationSummary }>(),
  'catalogue.lookup': method(object({ query: string({ max: 100 }), classification: optional(oneOf(CLASSIFICATIONS)), limit: optional(integer(1, 100)) })).returns<CatalogueEntry[]>(),
} as const;

export type ApiMethod = keyof typeof API;
type ParamsOf<D> = D extends { readonly params: Schema<infer P> } ? P : never;
type ResultOf<D> = D extends { readonly result?: (result: infer R) => unknown } ? R : never;
export type ApiMethods = { [M in ApiMethod]: { params: ParamsOf<(typeof API)[M]>; result: ResultOf<(typeof API)[M]> } };
export type ApiParams<M extends ApiMethod> = ApiMethods[M]['params'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

export const API_METHODS = Object.keys(API) as readonly ApiMethod[];

/** The method named, or undefined: an own key of the table only ("__proto__", "toString" … are no methods). */
export function apiMethod(name: unknown): ApiMethod | undefined {
  return typeof name === 'string' && Object.hasOwn(API, name) ? (name as ApiMethod) : undefined;
}

/** What the services provide: one handler per method (src/main/api/workbench.ts, later src/main/services). */
export type ApiHandlers = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResult<M>> | ApiResult<M> };

/** What every transport returns: a result, or a Chinese message the UI can show as it is. */
export type ApiResponse<M extends ApiMethod> = { ok: true; result: ApiResult<M> } | { ok: false; error: { code: ApiErrorCode; message: string } };

export type ApiErrorCode = 'bad-request' | 'not-found' | 'unreadable' | 'refused' | 'internal';

/** The renderer's single entry point, provided by the preload (Electron) or by fetch (web host). */
export type Invoke = <M extends ApiMethod>(method: M, params: ApiParams<M>) => Promise<ApiResponse<M>>;

// Compile-time checks that the schema-derived types are the shared ones.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ContractChecks = [
  Assert<Same<(typeof SIDE_IDS)[number], SideId>>,
  Assert<Same<(typeof CLASSIFICATIONS)[number], ClassificationId>>,
  Assert<Same<ApiParams<'book.setCells'>['cells'][number], Omit<CellValue, 'amount'>>>,
  Assert<Same<ApiParams<'book.setCells'>['cells'][number] & Pick<CellValue, 'amount'>, CellValue>>,
];
