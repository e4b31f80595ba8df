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
import { NARRATIVE_LIMITS } from '../narrative/extract';
import type { Narrative } from '../narrative/types';
import type { ProjectRef } from '../performance/match';
import type { PerformanceTargetForm } from '../performance/types';
import { departmentFormSchema, FORM_LIMITS, performanceFormSchema, type PerformanceOverview } from './performance';
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
  /** The clerk's title (books.rename); absent when none: show department · year. */
  title?: string;
  /** Its latest import (the book's own, or a later 导入表格), with its notices counted by level. */
  lastImport?: ImportSummary;
}

/** One import into a book: from workbooks, from a template (no files), a copy (另存为副本), or a 导入表格. */
export interface ImportSummary {
  /** ISO-8601 UTC. */
  at: string;
  kind: 'import' | 'replaceTables';
  files: string[];
  /** 导入表格: the tables it replaced (ids). */
  tableIds?: string[];
  /** 另存为副本: the book it was copied from. */
  copyOf?: number;
  /** A 导入表格 that has since been undone. */
  undone: boolean;
  counts: { errors: number; warnings: number; infos: number };
}

/** 导入记录: one import with the notices it reported. */
export type ImportLogEntry = Omit<ImportSummary, 'counts'> & { notices: Notice[] };

/** A book in the 回收站 (moved there by 删除, or replaced by a re-import). */
export interface TrashListItem {
  id: number;
  familyId: string;
  familyName: string;
  title?: string;
  year: number;
  department: string;
  unit: string;
  /** ISO-8601 UTC. */
  deletedAt: string;
  /** The book that took its place (替换); absent for a plain 删除. */
  replacedBy?: number;
}

/** A stored import: the new book, what the importer noticed, and the books it replaced (now in the 回收站). */
export interface ImportAnswer {
  bookId: number;
  notices: Notice[];
  detection: string;
  /** 替换: the books moved to the 回收站 in the same transaction. */
  replaced?: number[];
}

/**
 * A re-import whose book has the family, department, year and unit of books in use: nothing is stored; the read
 * workbook waits (in memory) under `stagedId` for books.importResolve.
 */
export interface ImportConflict {
  stagedId: string;
  /** The book the workbooks were read as. */
  incoming: { familyName: string; department: string; year: number; unit: string };
  /** The books in use it would duplicate (替换 moves all of them to the 回收站). */
  existing: BookListItem[];
}

/** 导入表格: the tables replaced in the book (one undo step), those the workbook had no rows for, the notices. */
export interface ImportTablesAnswer {
  replaced: ImportedTable[];
  /** Tables the workbook named but held no rows for: left as they were. */
  skipped: ImportedTable[];
  notices: Notice[];
}

/** A table named the way the clerk reads it: 表二 and its title. */
export interface ImportedTable {
  tableId: string;
  label: string;
  title: string;
}

export interface ValidationState {
  revision: number;
  summary: ValidationSummary;
  findings: Finding[];
  canUndo: boolean;
  canRedo: boolean;
}

/** book.setForm: the form as stored (blank skeleton rows dropped, 指标值 parsed) and where it is. */
export type FormAnswer = ValidationState & { changed: boolean; index: number; form: PerformanceTargetForm };

/** book.importForms: what was read and merged (one undo step). `message` says it in Chinese. */
export type FormsImportAnswer = ValidationState & { changed: boolean; message: string; notices: Notice[]; replaced: number; added: number };

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
/** What a re-import does with books in use that it would duplicate. */
const IMPORT_CHOICES = ['replace', 'keep'] as const;
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
  /**
   * `onConflict` (default 'keep'): what to do when a book in use has the same family, department, year and unit —
   * 'replace' moves those to the 回收站 in the same transaction, 'keep' stores a second one. The UI asks the clerk
   * first through books.importOrAsk.
   */
  'books.import': method(object({ files: array(workbookInput, { max: 100 }), onConflict: optional(oneOf(IMPORT_CHOICES)) })).returns<ImportAnswer>(),
  /** Deletes a book for good (in use or in the 回收站; the UI offers it as 彻底删除 in the 回收站). */
  'books.delete': method(book).returns<{ deleted: true }>(),
  /**
   * The UI's import, which asks before it duplicates a book. Decision: the question is asked before anything is
   * stored. The workbooks are read once; without a conflict the book is stored at once (as books.import); with one,
   * nothing is stored and the read book waits in memory (a few, for 30 minutes) under `conflict.stagedId` for
   * books.importResolve — so 取消 leaves no trace and the bytes are not sent twice.
   */
  'books.importOrAsk': method(object({ files: array(workbookInput, { max: 100 }) })).returns<ImportAnswer | { conflict: ImportConflict }>(),
  /** The clerk's answer: 替换 ('replace', undoable: the old books wait in the 回收站), 保留两份 ('keep'), 取消 ('cancel'). */
  'books.importResolve': method(object({ stagedId: plainText(64, '导入编号文本'), choice: oneOf([...IMPORT_CHOICES, 'cancel'] as const) })).returns<ImportAnswer | { cancelled: true }>(),
  /** A title shown in lists instead of department · year (blank removes it); returns the title now stored. */
  'books.rename': method(object({ bookId, title: string({ max: 200, pattern: /^[^\u0000-\u001f\u007f]*$/, what: '不含控制字符、至多 200 个字符的名称文本' }) })).returns<{ title?: string }>(),
  /** 另存为副本: a full copy as a new book (tables, figures, 审核说明, notices); its edit history starts fresh. */
  'books.duplicate': method(book).returns<{ bookId: number }>(),
  /** 删除: moves a book to the 回收站 (hidden from the list, restorable). */
  'books.trash': method(book).returns<{ trashed: true }>(),
  'books.restore': method(book).returns<{ restored: true }>(),
  'books.listTrash': method(none).returns<TrashListItem[]>(),
  /** 导入记录: every import into the book, oldest first, with the notices each reported. */
  'books.importLog': method(book).returns<ImportLogEntry[]>(),
  /**
   * 导入表格: reads workbooks with the book's template and, for every table they hold rows for, replaces that table's
   * rows and amounts in the book — all in one transaction and one undo step. Refused when the money unit differs.
   */
  'book.importTables': method(object({ bookId, files: array(workbookInput, { min: 1, max: 100 }) })).returns<ImportTablesAnswer>(),
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
  /**
   * 情况说明: the clerk's paragraphs (blank ones dropped; none removes the narrative), one undo step. Answers with the
   * findings as they now are (the narrative is checked with the tables) and the narrative as stored.
   */
  'book.setNarrative': method(
    object({
      bookId,
      paragraphs: array(string({ max: NARRATIVE_LIMITS.paragraphLength }), { max: NARRATIVE_LIMITS.paragraphs }),
      source: optional(plainText(NARRATIVE_LIMITS.sourceLength, '不含控制字符的来源名称文本')),
    }),
  ).returns<ValidationState & { narrative: Narrative | null; changed: boolean }>(),
  /**
   * Reads a .docx, a .txt (UTF-8 or GBK) or a workbook's text sheets as the book's 情况说明 (a whole document keeps its
   * 情况说明 part) and stores it, one undo step. `message`: what was read, in Chinese.
   */
  'book.importNarrative': method(object({ bookId, file: workbookInput })).returns<ValidationState & { narrative: Narrative | null; changed: boolean; message: string }>(),
  /**
   * 绩效目标: every project of the family's project table (表十二 / 表10) with its form's status — missing, or the open
   * findings whose `form.formIndex` is the form's (errors, warnings) — the forms naming no project (or a project that
   * already has one), and the department-wide form.
   */
  'book.performance': method(book).returns<PerformanceOverview>(),
  /**
   * 新建绩效目标表: a draft for the project row, not stored (src/main/services/performance-draft.ts): 项目名称, 实施单位,
   * 主管部门, year, both 资金总额 = the project's amount in 元 exactly, the sources from the project table's columns
   * (财政拨款 → 省级 or 市县（区）财政资金 by the department, 单位资金 → 单位自筹, others → 其他资金), the framework's
   * indicator rows empty.
   */
  'book.newForm': method(object({ bookId, rowKey })).returns<{ form: PerformanceTargetForm; project: ProjectRef }>(),
  /** Replaces the form at `index`, or adds one (no index): one undo step; the findings as they now are. */
  'book.setForm': method(object({ bookId, index: optional(integer(0, FORM_LIMITS.forms - 1)), form: performanceFormSchema })).returns<FormAnswer>(),
  /** Removes the form at `index` (the later ones move up): one undo step. */
  'book.deleteForm': method(object({ bookId, index: integer(0, FORM_LIMITS.forms - 1) })).returns<ValidationState & { changed: boolean }>(),
  /** Sets (null: removes) the 部门（单位）整体绩效目标表: one undo step. */
  'book.setDepartmentForm': method(object({ bookId, form: nullable(departmentFormSchema) })).returns<ValidationState & { changed: boolean }>(),
  /**
   * 导入绩效目标表 from a workbook (src/main/import/performance): a form of a project that already has one takes its
   * place, the others are added, a department-wide form replaces the book's — one undo step.
   */
  'book.importForms': method(object({ bookId, file: workbookInput })).returns<FormsImportAnswer>(),
  'validation.explain': method(object({ bookId, findingKey: plainText(500, '问题编号文本'), text: nullable(string({ max: 5000 })) })).returns<ValidationState>(),
  'export.workbook': method(
    object({ bookId, path: optional(plainText(4096, '不含控制字符的文件路径文本')), report: optional(oneOf(['auto', 'always', 'never'] as const)) }),
  ).returns<{ path?: string; dataBase64?: string; fileName: string; summary: ValidationSummary }>(),
  /** The disclosure document (.docx: cover, 目录, 部门概况, every table, 情况说明, 名词解释) to a path, or as bytes in web mode. */
  'export.document': method(object({ bookId, path: optional(plainText(4096, '不含控制字符的文件路径文本')) })).returns<{
    path?: string;
    dataBase64?: string;
    fileName: string;
    summary: ValidationSummary;
  }>(),
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
