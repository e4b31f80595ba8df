// Reads seed 003's printed tables (tests/fixtures/henan-2024-seed003.txt, tab-separated as extracted from the
// PDF) into expected figures, so the Henan fixture's import is compared with the document, not with itself.
// Printed columns are the template's columns with split codes widened to their 类/款/项 cells.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HENAN_2024 } from '../../src/shared/template/families/henan-2024';
import type { HeaderNode, TableDef } from '../../src/shared/template/types';
import { substituteYear } from '../../src/shared/template/types';

export const HENAN_XLSX = join(__dirname, '..', 'fixtures', 'henan-2024-xinxiang.xlsx');
export const HENAN_SEED = join(__dirname, '..', 'fixtures', 'henan-2024-seed003.txt');

export interface SeedFigure {
  table: number;
  side: string;
  /** 科目编码 or 单位代码 as printed (parts joined), else the printed name without spaces; '' for an unlabelled row. */
  label: string;
  /** 政府预算经济分类 name of an economic pair (07表). */
  govName?: string;
  /** Earlier rows of the same table and side with the same label(s). */
  occurrence: number;
  column: string;
  value: string;
}

export interface SeedTables {
  figures: SeedFigure[];
  /** Titles printed more than once (the later copies are not part of the set). */
  repeated: string[];
}

const AMOUNT = /^-?[\d,]+\.\d{2}$/;
const compact = (text: string): string => text.replace(/\s+/g, '');
const END = '部门（单位）整体绩效目标表';

function splitOf(nodes: readonly HeaderNode[], column: string): number {
  for (const node of nodes) {
    if (node.column === column) return node.codeSplit?.length ?? 1;
    const inner = node.children ? splitOf(node.children, column) : 0;
    if (inner) return inner;
  }
  return 0;
}

/** The printed fields of one side: a column id per field, split codes as "code#0", "code#1" … */
function printedFields(table: TableDef, side: TableDef['sides'][number]): string[] {
  return side.columns.flatMap((c) => {
    const parts = c.kind === 'code' || c.kind === 'govCode' ? splitOf(table.header, c.id) : 1;
    return parts > 1 ? Array.from({ length: parts }, (_, i) => `${c.id}#${i}`) : [c.id];
  });
}

export function readHenanSeed(): SeedTables {
  const lines = readFileSync(HENAN_SEED, 'utf8').split(/\r?\n/);
  const titles = new Map(HENAN_2024.tables.map((t) => [compact(substituteYear(t.title, 2024)), t]));
  const figures: SeedFigure[] = [];
  const repeated: string[] = [];
  const seen = new Set<string>();
  let table: TableDef | undefined;
  let occurrences = new Map<string, number>();
  for (const line of lines) {
    const text = compact(line);
    if (text === END) break;
    const titled = titles.get(text);
    if (titled) {
      table = seen.has(titled.id) ? undefined : titled;
      if (seen.has(titled.id)) repeated.push(text);
      seen.add(titled.id);
      occurrences = new Map();
      continue;
    }
    const fields = line.split('\t').map((f) => f.trim());
    if (!table || !fields.some((f) => AMOUNT.test(f))) continue;
    let offset = 0;
    for (const side of table.sides) {
      const ids = printedFields(table, side);
      const cells = fields.slice(offset, offset + ids.length);
      offset += ids.length;
      const at = (id: string): string => compact(cells[ids.indexOf(id)] ?? '');
      const kindOf = (kind: string) => side.columns.find((c) => c.kind === kind)?.id;
      const codeId = kindOf('code');
      const code = codeId ? ids.filter((id) => id.startsWith(`${codeId}#`) || id === codeId).map(at).join('') : '';
      const unitCode = kindOf('unitCode') ? at(kindOf('unitCode') as string) : '';
      const name = kindOf('name') ? at(kindOf('name') as string) : '';
      const govName = kindOf('govName') ? at(kindOf('govName') as string) : undefined;
      const label = code || unitCode || name;
      const amounts = side.columns.filter((c) => c.kind === 'amount' && AMOUNT.test(cells[ids.indexOf(c.id)] ?? ''));
      if (amounts.length === 0) continue;
      const key = `${side.id}|${label}|${govName ?? ''}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      for (const column of amounts) {
        const value = (cells[ids.indexOf(column.id)] ?? '').replace(/,/g, '');
        figures.push({ table: table.no, side: side.id, label, ...(govName ? { govName } : {}), occurrence, column: column.id, value });
      }
    }
  }
  return { figures, repeated };
}
