// 导入表格 inside a book: workbooks read with the book's own template, and every table they hold rows for takes the
// place of the book's table with the same id — rows and amounts — in one store transaction and one undo step
// (store.replaceTables). Tables the workbooks name without any row are left as they were (and said so). Figures in
// another money unit are converted exactly into the book's (as the importer does for a table in another unit).
// Another department or year is written but warned about (it is undoable). The importer's notices about the
// tables a workbook lacks are left out: here a workbook holding one table is the point, not a shortfall.
import type { ImportedTable, ImportTablesAnswer, WorkbookInput } from '../../shared/api/contract';
import type { BookTable, Notice } from '../../shared/book';
import { tableLabel } from '../../shared/labels';
import { convertUnit, Dec, toCanonical, type MoneyUnit } from '../../shared/money';
import { findFamily } from '../../shared/template/registry';
import type { Store } from '../store';
import { ServiceError } from './errors';
import { firstError, type ExchangeService } from './exchange';
import type { BookSessions } from './sessions';

export interface ImportTablesInput {
  bookId: number;
  files: readonly WorkbookInput[];
}

export function importTablesInto(deps: { store: Store; sessions: BookSessions; exchange: ExchangeService }) {
  const { store, sessions, exchange } = deps;

  return async ({ bookId, files }: ImportTablesInput): Promise<ImportTablesAnswer> => {
    const book = store.loadBook(bookId);
    const family = findFamily(book.familyId);
    const read = await exchange.readInputs(files, { template: book.familyId });
    const names = files.map((f) => f.name);
    const shown = (t: BookTable): ImportedTable => ({ tableId: t.tableId, label: tableLabel(family, t.no), title: t.title });

    const withRows = read.book.tables.filter((t) => t.rows.length > 0);
    const skipped = read.book.tables.filter((t) => t.rows.length === 0);
    if (withRows.length === 0) {
      throw new ServiceError('unreadable', firstError(read.notices) ?? `未在「${names.join('、')}」中找到「${family?.name ?? book.familyId}」的任何有数据的表格。`);
    }

    const notices: Notice[] = [];
    const otherDepartment = read.book.department && read.book.department !== book.department;
    if (otherDepartment || read.book.year !== book.year) {
      notices.push({
        level: '警告',
        message: `工作簿是「${read.book.department || '未写明部门'}」${read.book.year}年的表格，本预算本是「${book.department}」${book.year}年；已导入，如有误请撤销。`,
      });
    }
    notices.push(...read.notices.filter((n) => !isAboutMissingTables(n)));
    if (read.book.unit !== book.unit) {
      for (const table of withRows) convertTable(table, read.book.unit, book.unit);
      notices.push({ level: '提示', message: `工作簿的金额单位为「${read.book.unit}」，已按本预算本的「${book.unit}」精确换算（未做舍入）。` });
    }
    for (const t of skipped) notices.push({ level: '提示', message: `${tableLabel(family, t.no)}「${t.title}」在工作簿中没有数据，保留了预算本中原有的表。` });

    store.replaceTables({ bookId, tables: withRows, files: names, notices });
    sessions.forget(bookId); // the rows changed: the session is rebuilt on next use
    return { replaced: withRows.map(shown), skipped: skipped.map(shown), notices };
  };
}

/** The importer's 「未找到表…」 and 「工作簿与已知模板都不完全相符…」 notices (no file, no sheet: about the whole read). */
function isAboutMissingTables(notice: Notice): boolean {
  return notice.level === '提示' && notice.file === undefined && /^(未找到表|工作簿与已知模板都不完全相符)/.test(notice.message);
}

/** Every figure of the table from one unit into the other, exactly; printed precision moves with it (0.01 万元 = 100 元). */
function convertTable(table: BookTable, from: MoneyUnit, to: MoneyUnit): void {
  const shift = from === '万元' ? -4 : 4;
  for (const row of table.rows) {
    for (const amount of Object.values(row.values)) {
      amount.value = toCanonical(convertUnit(new Dec(amount.value), from, to));
      if (amount.decimals !== undefined) amount.decimals += shift;
    }
  }
  if (table.precision) for (const column of Object.keys(table.precision.decimals)) table.precision.decimals[column] = (table.precision.decimals[column] ?? 0) + shift;
}
