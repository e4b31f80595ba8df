// The names the workbench gives whole tables and books, in one place: the 表X of a table (editor tabs, findings,
// import notices, the 审核报告, `check` and `dump`), the sides of a table, Chinese numerals, and the export's file
// name and titles.
//
// 表X follows the family's own documents (TemplateFamily.tableNumbering), so the clerk reads the same name on the
// tab, in a finding and in the printed document:
//   - 'chinese' → 表一 … 表十三: 山西 prints 表一…表十三 above its tables; 决算 lists its tables 一、…九、.
//   - 'arabic'  → 表1 … 表10: 上海 numbers its tables 1.…9. in the 目录; 河南 prints 预算01表…预算10表.
// A family's rule titles use the same style (tests/families.test.ts holds every catalogue to it).
// Pure: no DOM, no Node; the renderer imports it too.
import type { Book } from './book';
import type { CellAddress } from './cell';
import { substituteYear, type TableNumbering, type TemplateFamily } from './template/types';

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 13 → 十三, 30 → 三十 (1–99; other numbers as digits). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${tensText}${DIGITS[ones]}`;
}

/** 一 … 九十九, for printing numbered rows the way the templates do (index 0 is 一). */
export const CHINESE_ORDINALS: readonly string[] = Array.from({ length: 99 }, (_, i) => chineseNumeral(i + 1));

/** What a family's numbering needs: the family itself will do. */
export interface Numbered {
  readonly tableNumbering: TableNumbering;
}

/** The number of a table as the family writes it: 一 or 1 (plain digits when the family is not known). */
export function tableNumeral(family: Numbered | undefined, no: number): string {
  return family?.tableNumbering === 'chinese' ? chineseNumeral(no) : String(no);
}

/** 收支总表: the family's short name of a table (tabs, lists). */
export function tableShortTitle(family: { readonly tables: readonly { readonly id: string }[]; readonly shortTitles: readonly string[] }, tableId: string): string {
  return family.shortTitles[family.tables.findIndex((t) => t.id === tableId)] ?? '';
}

/** 表一 (山西, 决算) or 表1 (上海, 河南). */
export function tableLabel(family: Numbered | undefined, no: number): string {
  return `表${tableNumeral(family, no)}`;
}

/** Several tables in one word: 表一、二、十二 / 表1、2、12. */
export function tablesLabel(family: Numbered | undefined, nos: readonly number[]): string {
  return `表${nos.map((no) => tableNumeral(family, no)).join('、')}`;
}

/** The word for a side of a two-sided table (收入 / 支出); nothing for a single-sided table's 'main'. */
export const SIDE_WORDS = { main: '', income: '收入', expenditure: '支出' } as const;

/** "收入方" / "支出方" / "" (a single-sided table's rows need no side). */
export function sideName(side: keyof typeof SIDE_WORDS): string {
  return SIDE_WORDS[side] ? `${SIDE_WORDS[side]}方` : '';
}

/** What an export is called: "大同市人民政府金融工作办公室2024年部门预算公开". */
function disclosureName(book: { department: string; year: number }, separator = ''): string {
  return `${book.department}${separator}${book.year}年部门预算公开`;
}

/** The file name an export is offered under: "大同市人民政府金融工作办公室2024年部门预算公开.xlsx". */
export function exportFileName(book: { department: string; year: number }): string {
  return `${disclosureName(book)}.xlsx`;
}

/** The exported workbook's document title (its properties): "大同市人民政府金融工作办公室 2024年部门预算公开". */
export function exportTitle(book: { department: string; year: number }): string {
  return disclosureName(book, ' ');
}

/** The title over the 审核报告 sheet: "大同市人民政府金融工作办公室 2024年 审核报告". */
export function reportTitle(book: { department: string; year: number }): string {
  return `${book.department} ${book.year}年 审核报告`;
}

/** "表三「201 一般公共服务支出」基本支出": a cell as findings name it, for the renderer (which has no validator). */
export function cellLabel(book: Book, family: TemplateFamily, address: CellAddress): string {
  const def = family.tables.find((t) => t.id === address.tableId);
  const row = book.tables.find((t) => t.tableId === address.tableId)?.rows.find((r) => r.side === address.side && r.key === address.rowKey);
  const column = def?.sides.flatMap((side) => side.columns).find((c) => c.id === address.columnId);
  const rowName = row ? (row.code && row.level !== 'total' && row.level !== 'fixed' ? `${row.code} ${row.name}` : row.name) : address.rowKey;
  return `${tableLabel(family, def?.no ?? 0)}「${rowName}」${column ? substituteYear(column.label, book.year) : ''}`;
}
