// The services behind the API: one store, one book session per open book (its validator and sum graph) kept in
// step with every edit, so the findings panel updates incrementally as the clerk types. An edit is planned by the
// session as one BookPatch, written by the store in one transaction, then committed to the session.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ApiMethods, ApiParams, ApiResult, BookListItem, ValidationState } from '../../shared/api/contract';
import { BookSession } from '../../shared/book-session';
import { exportFileName } from '../../shared/labels';
import { cellKey, patchCells, type BookPatch, type CellValue } from '../../shared/cell';
import { defaultCatalogue } from '../../shared/catalogue';
import { findFamily, TEMPLATE_FAMILIES } from '../../shared/template/registry';
import { newBook } from '../../shared/template/new-book';
import { summarise } from '../../shared/validation';
import { buildWorkbook, exportBook } from '../export/export-book';
import { importInWorker } from '../import/run-in-worker';
import { explainFinding } from '../services/review';
import type { AmountChange, Store } from '../store';
import { ApiError } from './errors';
import { checkDeletable, planInsert } from './rows';

interface OpenBook {
  revision: number;
  session: BookSession;
}

export class Workbench {
  private readonly open = new Map<number, OpenBook>();

  constructor(
    private readonly store: Store,
    private readonly mode: 'electron' | 'web',
    private readonly version = '0.1.0',
  ) {}

  handlers(): { [M in keyof ApiMethods]: (params: ApiParams<M>) => Promise<ApiResult<M>> | ApiResult<M> } {
    return {
      'app.info': () => ({ version: this.version, families: TEMPLATE_FAMILIES.map((f) => ({ id: f.id, name: f.name })), mode: this.mode }),
      'books.list': () => this.list(),
      'books.create': (p) => {
        const family = findFamily(p.familyId);
        if (!family) throw new ApiError('bad-request', `未知的模板「${p.familyId}」。`);
        if (!p.department.trim()) throw new ApiError('bad-request', '请填写部门名称。');
        return { bookId: this.store.insertBook(newBook(family, p.year, p.department.trim()), []) };
      },
      'books.import': (p) => {
        this.refuseServerPaths(p.files.some((f) => f.path !== undefined));
        return this.importFiles(p.files);
      },
      'books.delete': (p) => {
        this.store.deleteBook(p.bookId);
        this.open.delete(p.bookId);
        return { deleted: true as const };
      },
      'book.get': (p) => {
        const book = this.store.loadBook(p.bookId);
        return { book, notices: this.store.loadNotices(p.bookId), state: this.state(p.bookId), computed: [...this.session(p.bookId).computedCells()] };
      },
      'book.setCells': (p) => this.setCells(p.bookId, p.cells),
      'book.undo': (p) => this.history(p.bookId, this.store.undo(p.bookId)),
      'book.redo': (p) => this.history(p.bookId, this.store.redo(p.bookId)),
      'book.insertRow': (p) => {
        const planned = planInsert(this.store.loadBook(p.bookId), p.tableId, p.side, p);
        for (const { row, afterKey } of planned) this.store.insertRow({ bookId: p.bookId, tableId: p.tableId, side: p.side, row, afterKey });
        this.open.delete(p.bookId); // the structure changed: the session is rebuilt on next use
        return { rowKeys: planned.map((r) => r.row.key) };
      },
      'book.deleteRow': (p) => {
        checkDeletable(this.store.loadBook(p.bookId), p.tableId, p.side, p.rowKey);
        this.store.deleteRow({ bookId: p.bookId, tableId: p.tableId, side: p.side, rowKey: p.rowKey });
        this.open.delete(p.bookId);
        return { deleted: true as const };
      },
      'validation.explain': (p) => {
        explainFinding(this.store, { bookId: p.bookId, findingKey: p.findingKey, text: p.text });
        this.refreshExplanations(p.bookId);
        return this.state(p.bookId);
      },
      'export.workbook': (p) => {
        this.refuseServerPaths(p.path !== undefined);
        return this.exportWorkbook(p);
      },
      'catalogue.lookup': (p) => lookup(p.query, p.classification, p.limit),
    };
  }

  /**
   * The clerk's edits plus every total that follows from them, planned as one patch by the book session, written
   * by the store as one transaction (one undo step), then committed to the session. Totals are never typed.
   */
  private setCells(bookId: number, cells: CellValue[]): ValidationState & { patch: BookPatch } {
    const session = this.session(bookId);
    const computed = session.computedCells();
    if (cells.some((c) => computed.has(cellKey(c)))) throw new ApiError('refused', '合计、小计等汇总数由下级数据自动计算，不能直接修改；请修改其下级数据。');
    const patch = session.plan(cells);
    const result = this.store.setAmounts({ bookId, cells: patchCells(patch) });
    session.commit(patch);
    const open = this.open.get(bookId);
    if (open) open.revision = result.revision;
    return { ...this.state(bookId), patch };
  }

  /** A browser page must never name files on this machine: in web mode workbooks travel as bytes only. */
  private refuseServerPaths(named: boolean): void {
    if (named && this.mode === 'web') throw new ApiError('refused', '浏览器模式下不能按路径读写本机文件，请上传或下载工作簿。');
  }

  private list(): BookListItem[] {
    return this.store.listBooks().map((b) => ({
      id: b.id,
      familyId: b.familyId,
      familyName: findFamily(b.familyId)?.name ?? b.familyId,
      year: b.year,
      department: b.department,
      unit: b.unit,
      updatedAt: b.updatedAt,
      revision: b.revision,
      summary: summarise(this.session(b.id).validator.findings()),
    }));
  }

  /** The book's session, rebuilt when the store moved on without it (another window, an import). */
  private session(bookId: number): BookSession {
    const revision = this.store.historyState(bookId).revision;
    const cached = this.open.get(bookId);
    if (cached && cached.revision === revision) return cached.session;
    const session = new BookSession(this.store.loadBook(bookId));
    this.open.set(bookId, { revision, session });
    return session;
  }

  private refreshExplanations(bookId: number): void {
    const cached = this.open.get(bookId);
    if (!cached) return;
    cached.session.book.explanations = this.store.explanations(bookId);
    cached.revision = this.store.historyState(bookId).revision;
  }

  /**
   * Undo/redo of figures come back as a patch (the cells as they now are) for the session and the renderer to
   * lay on; undoing a row insertion or deletion changes the book's structure, so the renderer reloads.
   */
  private history(bookId: number, result: { revision: number; changes: AmountChange[]; explanation?: unknown; rows?: unknown } | null): ValidationState & { changed: boolean; patch: BookPatch; reload: boolean } {
    const patch: BookPatch = {
      set: (result?.changes ?? []).map(({ tableId, side, rowKey, columnId, after }) => ({ tableId, side, rowKey, columnId, value: after?.value ?? null, ...(after ? { amount: after } : {}) })),
      derived: [],
    };
    const reload = Boolean(result?.rows);
    if (reload) this.open.delete(bookId);
    const cached = this.open.get(bookId);
    if (result && cached) {
      cached.session.commit(patch);
      cached.revision = result.revision;
      if (result.explanation) this.refreshExplanations(bookId);
    }
    return { ...this.state(bookId), changed: result !== null, patch, reload };
  }

  private state(bookId: number): ValidationState {
    const findings = this.session(bookId).validator.findings();
    const history = this.store.historyState(bookId);
    return { revision: history.revision, summary: summarise(findings), findings, canUndo: history.canUndo, canRedo: history.canRedo };
  }

  private async importFiles(files: ApiParams<'books.import'>['files']): Promise<ApiResult<'books.import'>> {
    if (files.length === 0) throw new ApiError('bad-request', '请选择要导入的 Excel 工作簿。');
    const staging = await mkdtemp(join(tmpdir(), 'budget-import-'));
    try {
      const paths = await Promise.all(
        files.map(async (file, i) => {
          if (file.path) return file.path;
          if (!file.dataBase64) throw new ApiError('bad-request', `「${file.name}」没有内容。`);
          const path = join(staging, `${i}-${basename(file.name)}`);
          await writeFile(path, Buffer.from(file.dataBase64, 'base64'));
          return path;
        }),
      );
      const { book, notices, detection } = await importInWorker({ files: paths });
      if (book.tables.length === 0) throw new ApiError('unreadable', notices.find((n) => n.level === '错误')?.message ?? '未识别到任何预算表。');
      book.sources = files.map((f) => f.name);
      return { bookId: this.store.insertBook(book, notices), notices, detection };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  private async exportWorkbook(p: ApiParams<'export.workbook'>): Promise<ApiResult<'export.workbook'>> {
    const book = this.store.loadBook(p.bookId);
    const fileName = exportFileName(book);
    if (p.path) {
      const result = await exportBook(book, p.path, p.report ?? 'auto');
      return { path: p.path, fileName, summary: result.summary };
    }
    const { workbook, result } = buildWorkbook(book, p.report ?? 'auto');
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { dataBase64: buffer.toString('base64'), fileName, summary: result.summary };
  }
}

/** Catalogue lookup by code prefix ("2010301") or name fragment ("行政运行"), classes first. */
function lookup(query: string, classification: ApiParams<'catalogue.lookup'>['classification'], limit = 20) {
  const catalogue = defaultCatalogue();
  const q = query.trim();
  if (!q) return [];
  const entries = catalogue.entries(classification ?? 'function');
  const matches = /^\d+$/.test(q) ? entries.filter((e) => e.code.startsWith(q)) : entries.filter((e) => e.name.includes(q));
  return matches.slice(0, Math.max(1, Math.min(limit, 100)));
}
