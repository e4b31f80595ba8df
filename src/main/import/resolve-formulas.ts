// Formulas saved without a cached result get a value when our small evaluator can compute one. Dependencies are
// followed with an explicit stack, not recursion, so a chain of any length resolves (or is given up) without
// overflowing; a cycle leaves its cells without a value, each reported by the table reader.
import { parseAmount, toCanonical, type Dec } from '../../shared/money';
import { compileFormula, forEachReference, runFormula, type CompiledFormula } from './formula';
import { getCell, type SheetGrid } from './grid';

/** Cells read in all (dependencies and values) for one sheet's formulas; past it the rest stay without a value. */
const MAX_CELLS_READ = 2_000_000;

const keyOf = (row: number, column: number): number => row * 16_385 + column;

export function resolveFormulasWithoutResult(sheet: SheetGrid): void {
  const bounds = { rows: sheet.rowCount, columns: sheet.columnCount };
  const compiled = new Map<number, CompiledFormula | undefined>();
  /** Cells whose dependencies have been pushed; computed when they come back to the top of the stack. */
  const expanded = new Set<number>();
  const evaluated = new Set<number>();
  let reads = 0;
  const withinBudget = (): boolean => ++reads <= MAX_CELLS_READ;

  const pending = (row: number, column: number): boolean => getCell(sheet, row, column)?.formulaWithoutResult === true;
  const valueOf = (row: number, column: number): Dec | undefined | 'unknown' => {
    if (!withinBudget()) return 'unknown';
    const cell = getCell(sheet, row, column);
    if (!cell) return undefined;
    if (cell.formulaWithoutResult || cell.error) return 'unknown';
    if (cell.value === null) return undefined;
    const parsed = parseAmount(cell.value);
    if (parsed.kind === 'value') return parsed.value;
    return parsed.kind === 'blank' ? undefined : 'unknown';
  };

  const resolveFrom = (startRow: number, startColumn: number): void => {
    const stack: [number, number][] = [[startRow, startColumn]];
    while (stack.length > 0) {
      const [row, column] = stack[stack.length - 1] as [number, number];
      const key = keyOf(row, column);
      const cell = getCell(sheet, row, column);
      if (!cell?.formulaWithoutResult || evaluated.has(key)) {
        stack.pop();
        continue;
      }
      if (!compiled.has(key)) compiled.set(key, cell.formula ? compileFormula(cell.formula) : undefined);
      const program = compiled.get(key);
      if (program && !expanded.has(key)) {
        // First visit: its pending dependencies go on top; it is computed when it surfaces again.
        expanded.add(key);
        forEachReference(program, bounds, (r, c) => {
          if (!withinBudget()) return false;
          if (pending(r, c) && !expanded.has(keyOf(r, c))) stack.push([r, c]);
          return true;
        });
        continue;
      }
      stack.pop();
      evaluated.add(key);
      // Dependencies are done, failed, or part of a cycle (those read as unknown).
      const result = program ? runFormula(program, valueOf, bounds) : undefined;
      if (result) {
        cell.value = toCanonical(result, 0);
        cell.formulaWithoutResult = false;
      }
    }
  };

  for (const [row, cells] of sheet.cells) {
    for (const [column, cell] of cells) {
      if (cell.formulaWithoutResult && !evaluated.has(keyOf(row, column))) resolveFrom(row, column);
    }
  }
}
