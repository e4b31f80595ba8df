// The normalised, diff-able form of a book (DESIGN.md §7 `dump`): values as decimal strings in the book's
// unit, blank cells omitted, tables in template order; the 绩效目标表 when the book has them.
import type { Book, Notice } from './book';
import { dumpDepartmentForm, dumpProjectForm, type DumpDepartmentForm, type DumpProjectForm } from './dump-performance';
import { findFamily } from './template/registry';
import { substituteYear } from './template/types';

export interface DumpRow {
  side?: string;
  code?: string;
  name: string;
  level: string;
  govCode?: string;
  govName?: string;
  unit?: string;
  values: Record<string, string>;
}

export interface DumpTable {
  no: number;
  id: string;
  title: string;
  sheet?: string;
  file?: string;
  empty: boolean;
  columns: { id: string; label: string; side?: string }[];
  rows: DumpRow[];
}

export interface Dump {
  template: string;
  year: number;
  department: string;
  unit: string;
  units: { name: string; kind: string; administrative?: boolean }[];
  tables: DumpTable[];
  notices: Notice[];
  /** Only when the book has forms, so dumps of books without them are unchanged. */
  performanceForms?: DumpProjectForm[];
  departmentPerformance?: DumpDepartmentForm;
}

export function toDump(book: Book, notices: readonly Notice[]): Dump {
  const family = findFamily(book.familyId);
  return {
    template: book.familyId,
    year: book.year,
    department: book.department,
    unit: book.unit,
    units: book.units.map((u) => ({ name: u.name, kind: u.kind, ...(u.administrative ? { administrative: true } : {}) })),
    tables: book.tables.map((table) => {
      const def = family?.tables.find((t) => t.id === table.tableId);
      const twoSided = (def?.sides.length ?? 1) > 1;
      return {
        no: table.no,
        id: table.tableId,
        title: table.title,
        ...(table.source?.sheet ? { sheet: table.source.sheet } : {}),
        ...(table.source?.file ? { file: table.source.file } : {}),
        empty: table.rows.every((row) => Object.keys(row.values).length === 0),
        columns: (def?.sides ?? []).flatMap((side) =>
          side.columns
            .filter((c) => c.kind === 'amount')
            .map((c) => ({ id: c.id, label: substituteYear(c.label, book.year), ...(twoSided ? { side: side.id } : {}) })),
        ),
        rows: table.rows.map((row) => ({
          ...(twoSided ? { side: row.side } : {}),
          ...(row.code ? { code: row.code } : {}),
          name: row.name,
          level: row.level,
          ...(row.govCode ? { govCode: row.govCode } : {}),
          ...(row.govName ? { govName: row.govName } : {}),
          ...(row.unitName ? { unit: row.unitName } : {}),
          values: Object.fromEntries(Object.entries(row.values).map(([column, amount]) => [column, amount.value])),
        })),
      };
    }),
    notices: [...notices],
    ...(book.performanceForms?.length ? { performanceForms: book.performanceForms.map(dumpProjectForm) } : {}),
    ...(book.departmentPerformance ? { departmentPerformance: dumpDepartmentForm(book.departmentPerformance) } : {}),
  };
}
