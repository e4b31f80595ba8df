// Legacy .xls (BIFF) → SheetGrid with SheetJS. We use the maintained 0.20.x line (republished on npm as
// @e965/xlsx), not the abandoned npm `xlsx@0.18.5`, whose parser has known prototype-pollution and ReDoS
// vulnerabilities (CVE-2023-30533, CVE-2024-22363) that matter for untrusted workbooks.
import { createRequire } from 'node:module';
import type * as SheetJS from '@e965/xlsx';
import { formatDecimals } from '../../shared/number-format';
import { ImportError } from './errors';
import { causeOf } from './library-errors';
import { dateText, emptySheet, setCell, type GridCell, type SheetGrid, type WorkbookGrid } from './grid';
import { resolveFormulasWithoutResult } from './resolve-formulas';
import { fileLabel } from './file-label';

interface SheetJsCell {
  t: 'n' | 's' | 'b' | 'e' | 'd' | 'z';
  v?: unknown;
  w?: string;
  f?: string;
  /** Number format (with cellNF). */
  z?: string;
}

/**
 * SheetJS (with its code pages) loads the first time an OLE file is read: an .xlsx never needs it, and loading it took
 * a third of `check`'s start. `createRequire` keeps it a plain runtime require in the bundle, under tsx and in tests.
 */
let sheetjs: typeof SheetJS | undefined;
const XLSX = (): typeof SheetJS => (sheetjs ??= createRequire(__filename)('@e965/xlsx') as typeof SheetJS);

function toGridCell(cell: SheetJsCell): GridCell | undefined {
  const formula = cell.f ? { formula: cell.f } : {};
  switch (cell.t) {
    case 'n': {
      if (typeof cell.v !== 'number') return undefined;
      const decimals = formatDecimals(cell.z);
      return { value: cell.v, ...formula, ...(decimals !== undefined ? { decimals } : {}) };
    }
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? { value: cell.v, ...formula } : undefined;
    case 'b':
      return { value: cell.v ? 'TRUE' : 'FALSE', ...formula };
    case 'e':
      return { value: null, error: cell.w ?? '#ERROR', ...formula };
    case 'd':
      return { value: cell.v instanceof Date ? dateText(cell.v) : String(cell.v), ...formula };
    default:
      return cell.f ? { value: null, formula: cell.f, formulaWithoutResult: true } : undefined;
  }
}

/**
 * SheetJS reports unknown records of a damaged .xls on the console ("Missing Info for XLS Record 0x31fd"): English
 * noise in a reviewer's terminal that says nothing they can act on. The read is synchronous, so muting the console
 * for its duration cannot hide anyone else's output.
 */
function quietly<T>(read: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return read();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

export function readXls(file: string, buffer: Buffer): WorkbookGrid {
  let workbook: SheetJS.WorkBook;
  try {
    workbook = quietly(() => XLSX().read(buffer, { type: 'buffer', cellFormula: true, cellNF: true, cellDates: true, cellStyles: false, WTF: false }));
  } catch (error) {
    throw new ImportError(`无法读取「${fileLabel(file)}」：${causeOf(error, 'xls')}。`, file);
  }
  const sheets: SheetGrid[] = [];
  for (const name of workbook.SheetNames) {
    const worksheet = workbook.Sheets[name];
    const sheet = emptySheet(name);
    if (worksheet) {
      for (const [address, raw] of Object.entries(worksheet)) {
        if (address.startsWith('!')) continue;
        const decoded = XLSX().utils.decode_cell(address);
        const cell = toGridCell(raw as SheetJsCell);
        if (cell) setCell(sheet, decoded.r + 1, decoded.c + 1, cell);
      }
      for (const merge of worksheet['!merges'] ?? []) {
        sheet.merges.push({ top: merge.s.r + 1, left: merge.s.c + 1, bottom: merge.e.r + 1, right: merge.e.c + 1 });
      }
    }
    resolveFormulasWithoutResult(sheet);
    sheets.push(sheet);
  }
  return { file, format: 'xls', sheets };
}

/** Encrypted .xlsx files are OLE containers holding these streams instead of a zip. */
export function isEncryptedOoxml(buffer: Buffer): boolean {
  try {
    const container = XLSX().CFB.read(buffer, { type: 'buffer' }) as { FullPaths: string[] };
    return container.FullPaths.some((path) => /EncryptionInfo|EncryptedPackage/i.test(path));
  } catch {
    return false;
  }
}
