// Formulas saved without a cached result get a value when our small evaluator can compute one.
import { parseAmount, toCanonical, type Dec } from '../../shared/money';
import { evaluateFormula } from './formula';
import { getCell, type SheetGrid } from './grid';

export function resolveFormulasWithoutResult(sheet: SheetGrid): void {
  const visiting = new Set<string>();
  const evaluate = (row: number, column: number): Dec | undefined | 'unknown' => {
    const cell = getCell(sheet, row, column);
    if (!cell) return undefined;
    if (cell.formulaWithoutResult) {
      const key = `${row}:${column}`;
      if (visiting.has(key)) return 'unknown';
      visiting.add(key);
      const result = cell.formula ? evaluateFormula(cell.formula, evaluate) : undefined;
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
