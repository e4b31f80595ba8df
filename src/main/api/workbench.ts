// The API over the services: each method of the contract (src/shared/api/contract.ts) mapped to one service call.
// No orchestration lives here; it is in src/main/services, composed once by createServices. The router
// (./router.ts) checks params and turns errors into responses; Electron's services process and the web host
// serve it.
import type { ApiMethods, ApiParams, ApiResult } from '../../shared/api/contract';
import { createServices, type Services } from '../services';
import type { Store } from '../store';

export class Workbench {
  readonly services: Services;

  /** Over services built by createServices; or, for a quick start, over a store (the services are composed here). */
  constructor(services: Services);
  constructor(store: Store, mode: 'electron' | 'web', version?: string);
  constructor(source: Services | Store, mode: 'electron' | 'web' = 'electron', version?: string) {
    this.services = 'books' in source ? source : createServices({ store: source, mode, ...(version ? { version } : {}) });
  }

  handlers(): { [M in keyof ApiMethods]: (params: ApiParams<M>) => Promise<ApiResult<M>> | ApiResult<M> } {
    const { app, books, editing, review, exchange, catalogue, narrative, performance } = this.services;
    return {
      'app.info': () => app.info(),
      'books.list': () => books.list(),
      'books.create': (p) => books.create(p),
      'books.import': (p) => books.import(p.files, p.onConflict),
      'books.delete': (p) => books.delete(p.bookId),
      'books.importOrAsk': (p) => books.importOrAsk(p.files),
      'books.importResolve': (p) => books.importResolve(p.stagedId, p.choice),
      'books.rename': (p) => books.rename(p.bookId, p.title),
      'books.duplicate': (p) => books.duplicate(p.bookId),
      'books.trash': (p) => books.trash(p.bookId),
      'books.restore': (p) => books.restore(p.bookId),
      'books.listTrash': () => books.listTrash(),
      'books.importLog': (p) => books.importLog(p.bookId),
      'book.importTables': (p) => books.importTables(p),
      'book.get': (p) => editing.open(p.bookId),
      'book.setCells': (p) => editing.setCells(p.bookId, p.cells),
      'book.fixes': (p) => editing.fixes(p.bookId, p.findingKey),
      'book.applyFix': (p) => editing.applyFix(p.bookId, p.fixId, p.findingKey),
      'book.undo': (p) => editing.undo(p.bookId),
      'book.redo': (p) => editing.redo(p.bookId),
      'book.insertRow': (p) => editing.insertRow(p),
      'book.deleteRow': (p) => editing.deleteRow(p),
      'book.setNarrative': (p) => narrative.set({ bookId: p.bookId, paragraphs: p.paragraphs, source: p.source }),
      'book.importNarrative': (p) => narrative.import({ bookId: p.bookId, file: p.file }),
      'book.performance': (p) => performance.overview(p.bookId),
      'book.newForm': (p) => performance.newForm(p.bookId, p.rowKey),
      'book.setForm': (p) => performance.setForm({ bookId: p.bookId, form: p.form, ...(p.index !== undefined ? { index: p.index } : {}) }),
      'book.deleteForm': (p) => performance.deleteForm({ bookId: p.bookId, index: p.index }),
      'book.setDepartmentForm': (p) => performance.setDepartmentForm({ bookId: p.bookId, form: p.form }),
      'book.importForms': (p) => performance.importForms({ bookId: p.bookId, file: p.file }),
      'validation.explain': (p) => review.explain({ bookId: p.bookId, findingKey: p.findingKey, text: p.text }).state,
      'export.workbook': async (p) => {
        const { path, data, fileName, summary } = await exchange.export({ bookId: p.bookId, path: p.path, report: p.report });
        return path !== undefined ? { path, fileName, summary } : { dataBase64: data?.toString('base64') ?? '', fileName, summary };
      },
      'export.document': async (p) => {
        const { path, data, fileName, summary } = await exchange.exportDocument({ bookId: p.bookId, path: p.path });
        return path !== undefined ? { path, fileName, summary } : { dataBase64: data?.toString('base64') ?? '', fileName, summary };
      },
      'catalogue.lookup': (p) => catalogue.lookup(p.query, p.classification, p.limit),
    };
  }
}
