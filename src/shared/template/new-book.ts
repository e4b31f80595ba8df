// A fresh, empty book from a template family: every table with its template rows (fixed rows, 合计 lines),
// ready for the clerk to fill in.
import type { Book, BookRow, BookTable } from '../book';
import type { TemplateFamily } from './types';
import { primaryLabel, substituteYear } from './types';

export function newBook(family: TemplateFamily, year: number, department: string): Book {
  const tables: BookTable[] = family.tables.map((def) => {
    const rows: BookRow[] = def.sides.flatMap((side): BookRow[] => {
      switch (side.rows.kind) {
        case 'fixed':
          return side.rows.rows.filter((row) => !row.optional).map((row) => ({ key: row.id, side: side.id, level: row.computed ? 'total' : 'fixed', name: primaryLabel(row.label), ...(row.code ? { code: row.code } : {}), values: {} }));
        case 'codedTree':
        case 'economicPairs':
        case 'unitList':
          return [{ key: 'total', side: side.id, level: 'total', name: side.rows.kind === 'unitList' ? '部门合计' : '合计', values: {} }];
        case 'projectTree':
          return [{ key: 'department', side: side.id, level: 'department', name: `${department}${side.rows.departmentMarker}`, values: {} }];
      }
    });
    return { tableId: def.id, no: def.no, title: substituteYear(def.title, year), emptyNote: false, rows };
  });
  return { familyId: family.id, year, department, unit: family.unit, decimals: family.decimals, units: [{ name: department, kind: '机关' }], tables, sources: [] };
}
