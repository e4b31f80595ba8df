// The 打印预览's page geometry (src/renderer/src/book/print/sheet-geometry.ts): orientation as the exporter chooses
// it (compared with the exported workbook's own page setup), the fit to one page wide, and cutting body lines
// into pages with the header repeated.
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { planTable } from '../src/shared/export/layout';
import { findFamily } from '../src/shared/template/registry';
import { paginate, sheetGeometry } from '../src/renderer/src/book/print/sheet-geometry';
import { HENAN_XLSX } from './helpers/henan-seed';
import { realWorkbook } from './helpers/real-documents';
import { DATONG_XLSX } from './helpers/seed';

function orientations(book: Book): { preview: string[]; exported: string[] } {
  const family = findFamily(book.familyId)!;
  const preview = family.tables.map((def) => sheetGeometry(planTable(book, def, book.tables.find((t) => t.tableId === def.id), family, 'print')).orientation);
  const { workbook } = buildWorkbook(book, 'never');
  const exported = family.tables.map((def) => workbook.getWorksheet(def.sheetName)?.pageSetup.orientation ?? 'missing');
  return { preview, exported };
}

describe('orientation per table', () => {
  it.each([
    ['山西', DATONG_XLSX],
    ['河南', HENAN_XLSX],
    ['上海', realWorkbook('shanghai-putuo-sfj-unit-2026')],
    ['决算', realWorkbook('shanghai-putuo-czj-2024-juesuan')],
  ])('%s: the preview turns each table as the exported workbook prints it', async (_name, file) => {
    const { book } = await importWorkbooks([file]);
    const { preview, exported } = orientations(book);
    expect(preview).toEqual(exported);
    // Each of these documents has tables of both orientations; a wide table is never left unfitted.
    expect(new Set(preview)).toEqual(new Set(['portrait', 'landscape']));
    for (const def of findFamily(book.familyId)!.tables) {
      const geometry = sheetGeometry(planTable(book, def, book.tables.find((t) => t.tableId === def.id), findFamily(book.familyId)!, 'print'));
      const width = geometry.columnWidths.reduce((a, b) => a + b, 0) * geometry.scale;
      expect(width, def.id).toBeLessThanOrEqual(geometry.orientation === 'portrait' ? 698 : 1027);
    }
  });
});

describe('pages', () => {
  it('fills the first page after the title block, the next ones after the header', () => {
    expect(paginate([20, 20, 20, 20, 20], 45, 60)).toEqual([[0, 2], [2, 5]]);
    expect(paginate([20, 20, 20, 20, 20, 20, 20], 45, 60)).toEqual([[0, 2], [2, 5], [5, 7]]);
  });

  it('gives a line taller than a page a page of its own, and an empty body one page', () => {
    expect(paginate([10, 500, 10], 100, 100)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(paginate([], 100, 100)).toEqual([[0, 0]]);
  });
});
