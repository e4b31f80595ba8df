// Which 项目支出绩效目标表 belongs to which project of the family's project table (表十二 in 山西, 表10 in 河南).
// A form matches a project by 项目名称 (compared as row labels: spaces, bracket width and ordinals ignored); when
// several projects share a name, the form's 实施单位 decides. Used by the rules, the import notices and the 绩效目标
// view, so all three agree on what is missing.
import type { Book, BookRow } from '../book';
import { convertUnit, Dec, toCanonical } from '../money';
import { findFamily } from '../template/registry';
import { rowLabelKey } from '../text';

export interface ProjectRef {
  /** BookRow.key in the project table. */
  rowKey: string;
  name: string;
  /** The unit the project belongs to (BookRow.unitName). */
  unitName?: string;
  /** The project's amount in 万元 (canonical, exact), or undefined when the row has none. */
  amountWan?: string;
}

export interface ProjectFormMatch {
  project: ProjectRef;
  /** Index into book.performanceForms, or undefined when the project has no form. */
  formIndex?: number;
}

export interface FormMatching {
  /** The family's project table ('t12'), or undefined when the family lists no projects. */
  table?: string;
  amountColumn?: string;
  projects: ProjectFormMatch[];
  /** Indexes into book.performanceForms of forms naming no project of the table. */
  formsWithoutProject: number[];
  /** Indexes of forms whose project already had an earlier form (the earlier one is the project's). */
  duplicateForms: number[];
}

/** The projects of the family's project table, in table order. */
export function listProjects(book: Book): { table?: string; amountColumn?: string; projects: ProjectRef[] } {
  const spec = findFamily(book.familyId)?.projects;
  if (!spec) return { projects: [] };
  const table = book.tables.find((t) => t.tableId === spec.table);
  const rows = (table?.rows ?? []).filter((row) => row.level === 'project');
  return { table: spec.table, amountColumn: spec.amountColumn, projects: rows.map((row) => projectRef(book, row, spec.amountColumn)) };
}

function projectRef(book: Book, row: BookRow, amountColumn: string): ProjectRef {
  const value = row.values[amountColumn]?.value;
  const ref: ProjectRef = { rowKey: row.key, name: row.name };
  if (row.unitName) ref.unitName = row.unitName;
  if (value !== undefined) ref.amountWan = toCanonical(convertUnit(new Dec(value), book.unit, '万元'), 2);
  return ref;
}

export function matchForms(book: Book): FormMatching {
  const listed = listProjects(book);
  const forms = book.performanceForms ?? [];
  const byName = new Map<string, number[]>();
  listed.projects.forEach((project, i) => {
    const key = rowLabelKey(project.name);
    byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const formOf = new Map<number, number>();
  const formsWithoutProject: number[] = [];
  const duplicateForms: number[] = [];
  forms.forEach((form, formIndex) => {
    const candidates = byName.get(rowLabelKey(form.projectName)) ?? [];
    if (candidates.length === 0) {
      formsWithoutProject.push(formIndex);
      return;
    }
    const unitKey = rowLabelKey(form.implementingUnit ?? '');
    const free = candidates.filter((i) => !formOf.has(i));
    const sameUnit = free.find((i) => rowLabelKey(listed.projects[i]?.unitName ?? '') === unitKey);
    const chosen = sameUnit ?? free[0];
    if (chosen === undefined) duplicateForms.push(formIndex);
    else formOf.set(chosen, formIndex);
  });
  return {
    ...(listed.table ? { table: listed.table, amountColumn: listed.amountColumn } : {}),
    projects: listed.projects.map((project, i) => {
      const formIndex = formOf.get(i);
      return formIndex === undefined ? { project } : { project, formIndex };
    }),
    formsWithoutProject,
    duplicateForms,
  };
}
