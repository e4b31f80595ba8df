// The body of 河南's 项目绩效目标汇总表 as a tree, as seed 003 prints it: each department the forms name (154), its
// units (154001 新乡市金融工作局) and their projects, the department and unit rows carrying the sums of their
// projects. The forms keep the department's code but neither a unit's nor a project's: a unit's code is taken from
// the book's own tables (河南's 预算02表 lists 154001 新乡市金融工作局 as a unit row); a unit without one there gets no
// row of its own — a row without a code under the department reads back as a project — and its projects are printed
// under the department, before the units. Projects print without a code.
import type { Book } from '../../../shared/book';
import { convertUnit, Dec, parseAmount, toCanonical } from '../../../shared/money';
import type { FundBreakdown, PerformanceTargetForm } from '../../../shared/performance';
import { rowLabelKey } from '../../../shared/text';

/** The 项目金额（万元） columns, left to right. */
export type SummaryAmount = 'total' | 'governmentBudget' | 'specialAccount' | 'unitFunds';

/**
 * What each column adds up from the form's 年度 项目资金（元）, as the importer reads them back
 * (src/main/import/performance/summary-funds.ts): 政府预算资金 is government money at any level.
 */
export const SUMMARY_AMOUNT_SOURCES: Readonly<Record<SummaryAmount, readonly (keyof Omit<FundBreakdown, 'unit'>)[]>> = {
  total: ['total'],
  governmentBudget: ['fiscal', 'central', 'provincial', 'cityCounty'],
  specialAccount: ['other'],
  unitFunds: ['selfRaised'],
};
export const SUMMARY_AMOUNTS = Object.keys(SUMMARY_AMOUNT_SOURCES) as SummaryAmount[];

/** A printed figure: an amount in 万元 (canonical, exact: 370000.00 元 is 37, 123456.78 元 is 12.345678), or a form's text that is not an amount, printed as it is. */
export type SummaryFigure = { amount: string } | { text: string };

export interface SummaryProject {
  /** Index into book.performanceForms. */
  formIndex: number;
  form: PerformanceTargetForm;
  figures: Partial<Record<SummaryAmount, SummaryFigure>>;
}

export interface SummaryParty {
  code: string;
  name: string;
  /** Sums of the projects' amounts in 万元 (exact); absent where none of them has one. */
  totals: Partial<Record<SummaryAmount, string>>;
}

export interface SummaryUnit extends SummaryParty {
  projects: SummaryProject[];
}

export interface SummaryDepartment extends SummaryParty {
  /** Projects of units without a code, printed right under the department row. */
  projects: SummaryProject[];
  units: SummaryUnit[];
}

/** The importer takes a code this long for a project's (21 digits in 河南), never for a unit's. */
const PROJECT_CODE_MIN_LENGTH = 10;
const CODE = /^[0-9A-Za-z]+$/;

/** The forms (by index into book.performanceForms) grouped as the table prints them; book order within each group. */
export function summaryTree(book: Book, formIndexes: readonly number[]): SummaryDepartment[] {
  const codesOf = unitCodeIndex(book);
  const departments = new Map<string, SummaryDepartment>();
  const units = new Map<SummaryDepartment, Map<string, SummaryUnit>>();
  for (const formIndex of formIndexes) {
    const form = book.performanceForms?.[formIndex];
    if (!form) continue;
    const code = form.department.code.trim();
    const name = form.department.name.trim();
    const key = `${code}|${rowLabelKey(name)}`;
    let department = departments.get(key);
    if (!department) {
      department = { code, name, totals: {}, projects: [], units: [] };
      departments.set(key, department);
      units.set(department, new Map());
    }
    const project: SummaryProject = { formIndex, form, figures: projectFigures(form) };
    const unitName = form.implementingUnit.trim();
    const unitCode = unitName ? codesOf(unitName).find((c) => c.length > code.length && c.startsWith(code)) : undefined;
    if (unitCode === undefined) {
      department.projects.push(project);
      continue;
    }
    const byName = units.get(department) as Map<string, SummaryUnit>;
    let unit = byName.get(rowLabelKey(unitName));
    if (!unit) {
      unit = { code: unitCode, name: unitName, totals: {}, projects: [] };
      byName.set(rowLabelKey(unitName), unit);
      department.units.push(unit);
    }
    unit.projects.push(project);
  }
  const list = [...departments.values()];
  for (const department of list) {
    for (const unit of department.units) unit.totals = totalsOf(unit.projects);
    department.totals = totalsOf([...department.projects, ...department.units.flatMap((u) => u.projects)]);
  }
  return list;
}

/** 元 → 万元, exactly; a figure that is not an amount stays the text it is. */
function projectFigures(form: PerformanceTargetForm): Partial<Record<SummaryAmount, SummaryFigure>> {
  const annual = form.funds.年度;
  const figures: Partial<Record<SummaryAmount, SummaryFigure>> = {};
  for (const column of SUMMARY_AMOUNTS) {
    const printed = SUMMARY_AMOUNT_SOURCES[column].map((source) => annual[source]).filter((value): value is string => value !== undefined);
    const parsed = printed.map((text) => ({ text, parsed: parseAmount(text) }));
    const unreadable = parsed.find((p) => p.parsed.kind === 'invalid');
    if (unreadable) {
      figures[column] = { text: unreadable.text };
      continue;
    }
    const values = parsed.flatMap((p) => (p.parsed.kind === 'value' ? [p.parsed.value] : []));
    if (values.length > 0) figures[column] = { amount: toCanonical(convertUnit(values.reduce((a, b) => a.plus(b), new Dec(0)), '元', '万元'), 0) };
  }
  return figures;
}

function totalsOf(projects: readonly SummaryProject[]): Partial<Record<SummaryAmount, string>> {
  const totals: Partial<Record<SummaryAmount, string>> = {};
  for (const column of SUMMARY_AMOUNTS) {
    const amounts = projects.flatMap((p) => {
      const figure = p.figures[column];
      return figure && 'amount' in figure ? [new Dec(figure.amount)] : [];
    });
    if (amounts.length > 0) totals[column] = toCanonical(amounts.reduce((a, b) => a.plus(b), new Dec(0)), 0);
  }
  return totals;
}

/** Codes of the book's unit rows by unit name: codes a unit row can print (short, letters and digits). */
function unitCodeIndex(book: Book): (name: string) => string[] {
  const index = new Map<string, string[]>();
  for (const table of book.tables) {
    for (const row of table.rows) {
      const code = row.code?.trim();
      if (row.level !== 'unit' || !code || !CODE.test(code) || code.length >= PROJECT_CODE_MIN_LENGTH) continue;
      const key = rowLabelKey(row.name);
      const codes = index.get(key) ?? [];
      if (!codes.includes(code)) index.set(key, [...codes, code]);
    }
  }
  return (name) => index.get(rowLabelKey(name)) ?? [];
}
