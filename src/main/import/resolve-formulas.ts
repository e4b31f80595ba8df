// Formulas saved without a cached result get a value when our small evaluator can compute one.
import { parseAmount, toCanonical, type Dec } from '../../shared/money';
import { evaluateFormula } from './formula';
import { getCell, type SheetGrid } from './grid';

/** Bounds on the work one sheet's formulas may cause: references followed in a chain, and cells read in all. */
const MAX_CHAIN = 500;
const MAX_CELLS_READ = 2_000_000;

export function resolveFormulasWithoutResult(sheet: SheetGrid): void {
  const visiting = new Set<string>();
  const bounds = { rows: sheet.rowCount, columns: sheet.columnCount };
  let reads = 0;
  const evaluate = (row: number, column: number): Dec | undefined | 'unknown' => {
    // Past the budget every further formula stays without a value (a notice names each), never a hang.
    if (++reads > MAX_CELLS_READ) return 'unknown';
    const cell = getCell(sheet, row, column);
    if (!cell) return undefined;
    if (cell.formulaWithoutResult) {
      const key = `${row}:${column}`;
      if (visiting.has(key) || visiting.size >= MAX_CHAIN) return 'unknown';
      visiting.add(key);
      const result = cell.formula ? evaluateFormula(cell.formula, evaluate, bounds) : undefined;
      visiting.delete(key);
      if (!result) return 'unknown';
      cell.value = toCanonical(result, 0);
      cell.formulaWithoutResult = false;
      return result;
    }
    if (cell.error) return 'unknown';
    if (cell.value === null) return undefined;
    const parsed = parseAmount(cell.value);
    if (parsed.kind === 'value') return parsed.value;
    return parsed.kind === 'blank' ? undefined : 'unknown';
  };
  for (const [row, cells] of sheet.cells) {
    for (const [column, cell] of cells) {
      if (cell.formulaWithoutResult) evaluate(row, column);
    }
  }
}
