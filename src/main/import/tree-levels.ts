// Which rows of a 项目支出 table (or a unit list) are the department, its units and their projects.
// Published files mark levels inconsistently ("XX局[部门]", a plain department name, a unit row with the
// department's own name, indentation or nothing), so the levels are decided from evidence, strongest first:
//   1. amounts — a parent row's figures equal the sum of the rows under it, up to the next row of its level;
//   2. names — the department name from the 部门名称/编制部门 line, units named elsewhere in the book,
//      the family's project-name and organisation-name patterns;
//   3. indentation of the name cells.
// Tie-breaks: when the amounts admit exactly one reading, it wins; when they admit several (blank or zero
// figures, a unit with a single project) or none (the file's sums are wrong, which the checker must report),
// names decide, and indentation only where the names say nothing.
import type { BookRow, RowLevel } from '../../shared/book';
import { fractionDigits, toScaledInteger } from '../../shared/money';

export interface LevelEvidence {
  /** The level a row's name alone suggests (department name or marker, known units, patterns), if any. */
  levelByName: (row: BookRow, index: number) => RowLevel | undefined;
  /** Indentation of each row's name cell, where the file had any. */
  indents: readonly (number | undefined)[];
}

/** A row's figures as integers of the rows' common quantum (exact, and much cheaper than decimals in the searches). */
type Vector = Map<string, bigint>;

function add(into: Vector, row: Vector): void {
  for (const [column, value] of row) into.set(column, (into.get(column) ?? 0n) + value);
}

function decimalsOf(rows: readonly BookRow[]): number {
  let decimals = 0;
  for (const row of rows) for (const amount of Object.values(row.values)) decimals = Math.max(decimals, fractionDigits(amount.value));
  return decimals;
}

/** Amount comparisons tolerate the 尾差 of n rounded addends (DESIGN §5), at the figures' printed precision. */
class AmountEvidence {
  readonly vectors: Vector[];

  constructor(readonly rows: readonly BookRow[]) {
    // Canonical strings drop trailing zeros, so a figure printed as 5.00 reads as "5": assume at least 分/0.01.
    const scale = Math.max(decimalsOf(rows), 2);
    this.vectors = rows.map((row) => {
      const out: Vector = new Map();
      for (const [column, amount] of Object.entries(row.values)) out.set(column, toScaledInteger(amount.value, scale));
      return out;
    });
  }

  hasFigures(indices: readonly number[]): boolean {
    return indices.some((i) => [...(this.vectors[i]?.values() ?? [])].some((v) => v !== 0n));
  }

  sum(indices: readonly number[]): Vector {
    const total: Vector = new Map();
    for (const i of indices) add(total, this.vectors[i] ?? new Map());
    return total;
  }

  /** True when `total` equals `sum` in every column, within (addends + 1) / 2 quanta. */
  equal(total: Vector, sum: Vector, addends: number): boolean {
    const tolerance = BigInt(Math.max(addends, 1) + 1);
    for (const column of new Set([...total.keys(), ...sum.keys()])) {
      const difference = (total.get(column) ?? 0n) - (sum.get(column) ?? 0n);
      if (2n * (difference < 0n ? -difference : difference) > tolerance) return false;
    }
    return true;
  }

  equalRows(parent: number, children: readonly number[]): boolean {
    return this.equal(this.vectors[parent] ?? new Map(), this.sum(children), children.length);
  }

  /**
   * Every way (up to `limit`) to split rows [from, to) into unit groups — a unit row followed by the projects
   * that add up to it — whose unit rows add up to `total` when given. Rows without figures after a match may
   * belong to either group, which is what makes more than one partition possible.
   */
  unitPartitions(from: number, to: number, total: Vector | undefined, limit = 2): number[][] {
    const found: number[][] = [];
    const solve = (i: number, units: number[]): void => {
      if (found.length >= limit) return;
      if (i >= to) {
        if (units.length > 0 && (!total || this.equal(total, this.sum(units), units.length))) found.push(units);
        return;
      }
      const running: Vector = new Map();
      for (let k = i + 1; k < to; k++) {
        add(running, this.vectors[k] ?? new Map());
        if (!this.equal(this.vectors[i] ?? new Map(), running, k - i)) continue;
        for (let end = k; end < to; end++) {
          if (end > k && this.hasFigures([end])) break;
          solve(end + 1, [...units, i]);
        }
        return;
      }
    };
    solve(from, []);
    return found;
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(to - from, 0) }, (_, i) => from + i);

/** Whether the first row is the department: its figures add up everything below it, or the unit rows below it. */
function firstIsDepartment(n: number, amounts: AmountEvidence, byName: readonly (RowLevel | undefined)[]): boolean {
  if (n >= 2 && amounts.hasFigures(range(0, n))) {
    if (amounts.equalRows(0, range(1, n))) return true;
    if (amounts.unitPartitions(1, n, amounts.vectors[0], 1).length > 0) return true;
  }
  return byName[0] === 'department';
}

/**
 * Units and projects below the department (or of the whole table without one). The amounts decide when they
 * admit exactly one reading that no name contradicts; otherwise the names do.
 */
function restByAmounts(n: number, department: boolean, amounts: AmountEvidence, byName: readonly (RowLevel | undefined)[]): Set<number> | undefined {
  const from = department ? 1 : 0;
  if (n - from < 1 || !amounts.hasFigures(range(from, n))) return undefined;
  const readings: Set<number>[] = amounts.unitPartitions(from, n, department ? amounts.vectors[0] : undefined).map((units) => new Set(units));
  if (department && amounts.equalRows(0, range(1, n))) readings.push(new Set());
  const agreeing = readings.filter((units) => range(from, n).every((i) => byName[i] === undefined || byName[i] === (units.has(i) ? 'unit' : 'project')));
  return readings.length === 1 && agreeing.length === 1 ? agreeing[0] : undefined;
}

/** Decides every row's level; see the file comment for the order of evidence and the tie-breaks. */
export function decideTreeLevels(rows: readonly BookRow[], evidence: LevelEvidence): RowLevel[] {
  const amounts = new AmountEvidence(rows);
  const byName = rows.map((row, i) => evidence.levelByName(row, i));
  const named = levelsByNames(rows, byName, evidence);
  const department = firstIsDepartment(rows.length, amounts, byName) || named[0] === 'department';
  const units = restByAmounts(rows.length, department, amounts, byName);
  return rows.map((_, i) => {
    if (i === 0 && department) return 'department';
    if (units) return units.has(i) ? 'unit' : 'project';
    const level = named[i] ?? 'project';
    return level === 'department' ? 'unit' : level;
  });
}

function levelsByNames(rows: readonly BookRow[], byName: readonly (RowLevel | undefined)[], evidence: LevelEvidence): RowLevel[] {
  const hasIndents = evidence.indents.some((i) => i !== undefined && i > 0);
  return rows.map((_, index) => {
    const named = byName[index];
    if (named && (named !== 'department' || index === 0)) return named;
    if (hasIndents) {
      const indent = evidence.indents[index] ?? 0;
      return indent === 0 ? (index === 0 ? 'department' : 'unit') : indent === 1 ? 'unit' : 'project';
    }
    return 'project';
  });
}

/** A list's first row that adds up the rows below it is the list's total (a 部门合计 printed as the department's name). */
export function firstRowIsTotal(rows: readonly BookRow[]): boolean {
  const amounts = new AmountEvidence(rows);
  return rows.length >= 2 && amounts.hasFigures([0]) && amounts.equalRows(0, range(1, rows.length));
}
