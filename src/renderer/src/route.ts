// The address bar keeps where the clerk is: #/book/3/t03/main/201/basic (book, table, and the selected cell), so a
// reload returns to the same cell and back/forward move between books and tables; #/book/3/performance is the 绩效目标
// view, …/performance/form/2 a form (its index in the book), …/performance/new/<rowKey> a new form for a project.
// Pure parsing and formatting.
import type { CellAddress, SideId } from '../../shared/cell';

export interface Route {
  bookId?: number;
  tableId?: string;
  cell?: Omit<CellAddress, 'tableId'>;
  /** The 绩效目标 view: the list, a form by index, or a new form for a project row. */
  performance?: { formIndex?: number; newFor?: string };
}

const PERFORMANCE = 'performance';

const SIDES: readonly SideId[] = ['main', 'income', 'expenditure'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return '';
    }
  });
  if (parts[0] !== 'book') return {};
  const bookId = Number(parts[1]);
  if (!Number.isSafeInteger(bookId) || bookId < 1) return {};
  const route: Route = { bookId };
  if (parts[2] === PERFORMANCE) {
    const index = Number(parts[4]);
    if (parts[3] === 'form' && Number.isSafeInteger(index) && index >= 0) route.performance = { formIndex: index };
    else if (parts[3] === 'new' && parts[4]) route.performance = { newFor: parts[4] };
    else route.performance = {};
    return route;
  }
  if (parts[2]) route.tableId = parts[2];
  const [side, rowKey, columnId] = parts.slice(3);
  if (side && rowKey && columnId && SIDES.includes(side as SideId)) route.cell = { side: side as SideId, rowKey, columnId };
  return route;
}

export function formatRoute(route: Route): string {
  if (route.bookId === undefined) return '#/';
  const parts = ['book', String(route.bookId)];
  if (route.performance) {
    parts.push(PERFORMANCE);
    if (route.performance.formIndex !== undefined) parts.push('form', String(route.performance.formIndex));
    else if (route.performance.newFor !== undefined) parts.push('new', route.performance.newFor);
  } else if (route.tableId) {
    parts.push(route.tableId);
    if (route.cell) parts.push(route.cell.side, route.cell.rowKey, route.cell.columnId);
  }
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

/** A new entry for a new book or table (back returns to it); the same entry for a cell moved within a table. */
export function navigate(route: Route, mode: 'push' | 'replace'): void {
  const hash = formatRoute(route);
  if (location.hash === hash) return;
  if (mode === 'push') history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
}
