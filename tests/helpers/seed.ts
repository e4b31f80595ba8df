// Reads the published seed document (plain text, tab-separated tables) into expected figures, so tests
// compare our import of the Excel fixture against an independent source: the document itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHANXI_2024 } from '../../src/shared/template/families/shanxi-2024';
import type { TableDef } from '../../src/shared/template/types';

/** The project's own copies of the seed and real-document material: a fresh clone has these and nothing beside them. */
export const FIXTURES = join(__dirname, '..', 'fixtures');
export const DATONG_XLSX = join(FIXTURES, 'datong-2024-shanxi.xlsx');
export const SHANGHAI_XLSX = join(FIXTURES, 'shanghai-2026-department-template.xlsx');
const SEED_000 = join(FIXTURES, 'seeds', '000_8a413295a909103c.txt');

export interface ExpectedFigure {
  table: number;
  side: string;
  /** code for coded rows, otherwise the printed name */
  label: string;
  /** second label (表六's 政府经济科目) */
  label2?: string;
  /** how many earlier rows of the same table/side carry the same label(s) */
  occurrence: number;
  column: string;
  value: string;
}

const AMOUNT = /^-?[\d,]+\.\d{2}$/;

function titleOf(table: TableDef): string {
  return table.title.replace('{year}', '2024');
}

/** Every amount printed in seed 000's 13 tables, keyed by table, side, row label and template column id. */
export function seedFigures(): ExpectedFigure[] {
  const lines = readFileSync(SEED_000, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === '第二部分 2024年部门预算报表');
  const end = lines.findIndex((l, i) => i > start && l.trim().startsWith('第三部分'));
  const body = lines.slice(start + 1, end);
  const figures: ExpectedFigure[] = [];
  const tables = SHANXI_2024.tables;
  tables.forEach((table, index) => {
    const from = body.findIndex((l) => l.trim() === titleOf(table));
    const next = tables[index + 1];
    const to = next ? body.findIndex((l) => l.trim() === titleOf(next)) : body.length;
    if (from < 0 || to < 0) throw new Error(`seed: title of 表${table.no} not found`);
    const occurrences = new Map<string, number>();
    for (const line of body.slice(from + 1, to)) {
      const fields = line.split('\t').map((f) => f.trim());
      if (!fields.some((f) => AMOUNT.test(f))) continue;
      let offset = 0;
      for (const side of table.sides) {
        const sideFields = fields.slice(offset, offset + side.columns.length);
        offset += side.columns.length;
        const labelColumns = side.columns.filter((c) => c.kind !== 'amount');
        const labels = labelColumns.map((c) => sideFields[side.columns.indexOf(c)] ?? '');
        const label = labels[0] || labels[1] || '';
        if (!label) continue;
        const label2 = table.no === 6 ? labels[1] : undefined;
        const occurrenceKey = `${label}|${label2 ?? ''}`;
        const occurrence = occurrences.get(`${side.id}:${occurrenceKey}`) ?? 0;
        occurrences.set(`${side.id}:${occurrenceKey}`, occurrence + 1);
        side.columns.forEach((column, i) => {
          const value = sideFields[i] ?? '';
          if (column.kind === 'amount' && AMOUNT.test(value)) {
            figures.push({ table: table.no, side: side.id, label, ...(label2 !== undefined ? { label2 } : {}), occurrence, column: column.id, value: value.replace(/,/g, '') });
          }
        });
      }
    }
  });
  return figures;
}
