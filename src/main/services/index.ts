// The composition root: every service over one store, built here and nowhere else. The API (src/main/api/
// workbench.ts, for Electron's services process and the web host) and the CLI's --db commands are thin adapters
// over what this returns; the workbook functions that need no store are in ./exchange.
//
//   books      list (findings counts from the summary stored per revision), create, import, delete
//   editing    open a book, set cells (totals follow), undo/redo, insert/delete rows
//   review     findings, 审核说明
//   exchange   workbooks in (uploads staged, read in a worker) and out (export, check, dump)
//   narrative  the 情况说明: set by the clerk, or read from a .docx, a .txt or a workbook's text sheets
//   performance the 绩效目标表: projects with their forms' status, drafts, forms saved, removed or imported
//   catalogue  code and name lookup
import { TEMPLATE_FAMILIES } from '../../shared/template/registry';
import type { Store } from '../store';
import { createBooksService, type BooksService } from './books';
import { createCatalogueService, type CatalogueService } from './catalogue';
import { createEditingService, type EditingService } from './editing';
import { ServiceError } from './errors';
import { createExchangeService, type ExchangeService } from './exchange';
import { createNarrativeService, type NarrativeService } from './narrative';
import { readPerformanceFile } from '../import/performance';
import { createPerformanceService, type PerformanceService } from './performance';
import { createReviewService, type ReviewService } from './review';
import { BookSessions } from './sessions';

/**
 * Who the services serve. 'web': a browser page, which must never name files on this machine (workbooks travel as
 * bytes only); 'electron': the desktop window (paths from its dialogs; imports parsed in a worker thread so the
 * services stay responsive); 'cli': the command line (paths; reads in its own process).
 */
export type ServicesMode = 'electron' | 'web' | 'cli';

export interface ServicesOptions {
  store: Store;
  mode: ServicesMode;
  /** The program's version (app.getVersion() in Electron). */
  version?: string;
}

export interface AppService {
  info(): { version: string; families: { id: string; name: string }[]; mode: 'electron' | 'web' };
}

export interface Services {
  readonly store: Store;
  readonly mode: ServicesMode;
  readonly app: AppService;
  readonly books: BooksService;
  readonly editing: EditingService;
  readonly review: ReviewService;
  readonly exchange: ExchangeService;
  readonly catalogue: CatalogueService;
  readonly narrative: NarrativeService;
  readonly performance: PerformanceService;
}

const WEB_PATHS_REFUSED = '浏览器模式下不能按路径读写本机文件，请上传或下载工作簿。';

export function createServices({ store, mode, version = '0.1.0' }: ServicesOptions): Services {
  const sessions = new BookSessions(store);
  const refusePaths = (named: boolean): void => {
    if (named && mode === 'web') throw new ServiceError('refused', WEB_PATHS_REFUSED);
  };
  const exchange = createExchangeService({ store, sessions, inWorker: mode !== 'cli', refusePaths });
  return {
    store,
    mode,
    app: {
      // Only a browser page gets bytes instead of paths; the CLI never asks.
      info: () => ({ version, families: TEMPLATE_FAMILIES.map((f) => ({ id: f.id, name: f.name })), mode: mode === 'web' ? 'web' : 'electron' }),
    },
    books: createBooksService({ store, sessions, exchange }),
    editing: createEditingService({ store, sessions }),
    review: createReviewService({ store, sessions }),
    exchange,
    catalogue: createCatalogueService(),
    narrative: createNarrativeService({ store, sessions, refusePaths }),
    performance: createPerformanceService({ store, sessions, refusePaths, readFile: readPerformanceFile }),
  };
}

export { ServiceError } from './errors';
export type { BooksService, CatalogueService, EditingService, ExchangeService, NarrativeService, PerformanceService, ReviewService };
