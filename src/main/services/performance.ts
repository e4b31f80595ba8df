// 绩效目标表: the projects of the family's project table with their forms and how each checks (the 绩效目标 view), a
// pre-filled draft for a project without one (./performance-draft.ts), a form saved, removed or imported from a
// workbook. Every change is one undo step in the store's edit log, then the open session takes the forms over
// (sessions.formsChanged) and the answer carries the findings as they now are.
import type { FormAnswer, FormsImportAnswer, ValidationState, WorkbookInput } from '../../shared/api/contract';
import type { FormStatusCounts, LooseFormItem, PerformanceOverview, ProjectFormItem } from '../../shared/api/performance';
import type { Book, Notice } from '../../shared/book';
import { matchForms, type ProjectRef } from '../../shared/performance/match';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from '../../shared/performance/types';
import { findFamily } from '../../shared/template/registry';
import { rowLabelKey } from '../../shared/text';
import type { Finding } from '../../shared/validation/types';
import type { Store } from '../store';
import { ServiceError } from './errors';
import { withInputFiles } from './uploads';
import { draftForm, withoutEmptyIndicators } from './performance-draft';
import type { BookSessions } from './sessions';

/** What a forms file holds (src/main/import/performance: readPerformanceFile). */
export interface PerformanceFileRead {
  forms: PerformanceTargetForm[];
  department?: DepartmentPerformanceForm;
  notices: Notice[];
  summary: string;
}

export type ReadPerformanceFile = (path: string) => Promise<PerformanceFileRead>;

export interface PerformanceService {
  overview(bookId: number): PerformanceOverview;
  /** A draft for a project of the project table, pre-filled from the book; nothing is stored. */
  newForm(bookId: number, rowKey: string): { form: PerformanceTargetForm; project: ProjectRef };
  /** Replaces the form at `index`, or adds one (no index): one undo step. Empty skeleton indicator rows are dropped. */
  setForm(input: { bookId: number; index?: number; form: PerformanceTargetForm; actor?: string }): FormAnswer;
  deleteForm(input: { bookId: number; index: number; actor?: string }): ValidationState & { changed: boolean };
  /** Sets (null: removes) the 部门（单位）整体绩效目标表: one undo step. */
  setDepartmentForm(input: { bookId: number; form: DepartmentPerformanceForm | null; actor?: string }): ValidationState & { changed: boolean };
  /**
   * Reads a workbook of forms: a form of a project that already has one takes its place, the others are added, a
   * department-wide form replaces the book's — all one undo step.
   */
  importForms(input: { bookId: number; file: WorkbookInput }): Promise<FormsImportAnswer>;
}

/** Open findings (explained warnings and 提示 left out) on one form. */
function counts(findings: readonly Finding[], matches: (finding: Finding) => boolean, present: boolean): FormStatusCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (!matches(f)) continue;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning' && !f.explanation) warnings++;
  }
  const status = !present ? 'missing' : errors ? 'errors' : warnings ? 'warnings' : 'ok';
  return { status, errors, warnings };
}

const onForm = (formIndex: number) => (f: Finding) => f.form?.scope === 'project' && f.form.formIndex === formIndex;

export function performanceOverview(book: Book, findings: readonly Finding[]): PerformanceOverview {
  const matching = matchForms(book);
  const forms = book.performanceForms ?? [];
  const projects = matching.projects.map(({ project, formIndex }): ProjectFormItem => {
    const item: ProjectFormItem = { rowKey: project.rowKey, name: project.name, ...counts(findings, onForm(formIndex ?? -1), formIndex !== undefined) };
    if (project.unitName) item.unitName = project.unitName;
    if (project.amountWan !== undefined) item.amountWan = project.amountWan;
    if (formIndex !== undefined) item.formIndex = formIndex;
    return item;
  });
  const loose = (formIndex: number, reason: LooseFormItem['reason']): LooseFormItem => {
    const form = forms[formIndex] as PerformanceTargetForm;
    return { formIndex, projectName: form.projectName, implementingUnit: form.implementingUnit, reason, ...counts(findings, onForm(formIndex), true) };
  };
  const looseForms = [...matching.formsWithoutProject.map((i) => loose(i, 'noProject')), ...matching.duplicateForms.map((i) => loose(i, 'duplicate'))].sort((a, b) => a.formIndex - b.formIndex);
  const overview: PerformanceOverview = { projects, looseForms, formCount: forms.length };
  if (matching.table) {
    const stored = book.tables.find((t) => t.tableId === matching.table);
    const def = findFamily(book.familyId)?.tables.find((t) => t.id === matching.table);
    const title = stored?.title ?? def?.title.replace('{year}', String(book.year)) ?? matching.table;
    overview.table = { tableId: matching.table, no: stored?.no ?? def?.no ?? 0, title };
  }
  if (book.departmentPerformance) {
    overview.department = { name: book.departmentPerformance.departmentName, ...counts(findings, (f) => f.form?.scope === 'department', true) };
  }
  return overview;
}

/** A forms workbook handed over by the UI (a path, or an upload kept under the clerk's own file name). */
function readInput(file: WorkbookInput, read: ReadPerformanceFile): Promise<PerformanceFileRead> {
  return withInputFiles([file], '绩效目标表.xlsx', ([path]) => read(path as string));
}

/**
 * The book's forms after an import: an imported form takes the place of the book's form of the same project (same
 * 项目名称 compared as a row label and, when both name one, the same 实施单位); the rest are appended in file order.
 */
export function mergeForms(current: readonly PerformanceTargetForm[], imported: readonly PerformanceTargetForm[]): { forms: PerformanceTargetForm[]; replaced: number; added: number } {
  const forms = [...current];
  const taken = new Set<number>();
  let replaced = 0;
  let added = 0;
  for (const form of imported) {
    const name = rowLabelKey(form.projectName);
    const unit = rowLabelKey(form.implementingUnit);
    const at = forms.findIndex((f, i) => {
      if (taken.has(i) || i >= current.length || rowLabelKey(f.projectName) !== name) return false;
      const other = rowLabelKey(f.implementingUnit);
      return !unit || !other || unit === other;
    });
    if (at >= 0) {
      forms[at] = form;
      taken.add(at);
      replaced++;
    } else {
      forms.push(form);
      added++;
    }
  }
  return { forms, replaced, added };
}

export function createPerformanceService(deps: { store: Store; sessions: BookSessions; refusePaths: (named: boolean) => void; readFile: ReadPerformanceFile }): PerformanceService {
  const { store, sessions } = deps;

  const answer = (bookId: number, changed: boolean): ValidationState & { changed: boolean } => {
    if (changed) sessions.formsChanged(bookId);
    return { ...sessions.state(bookId), changed };
  };

  return {
    overview(bookId) {
      const { book, findings } = sessions.current(bookId);
      return performanceOverview(book, findings);
    },

    newForm(bookId, rowKey) {
      return draftForm(sessions.current(bookId).book, rowKey);
    },

    setForm(input) {
      const result = store.setPerformanceForm({
        bookId: input.bookId,
        form: withoutEmptyIndicators(input.form),
        ...(input.index !== undefined ? { index: input.index } : {}),
        ...(input.actor ? { actor: input.actor } : {}),
      });
      const index = result.index as number;
      const form = store.performance(input.bookId).forms[index] as PerformanceTargetForm;
      return { ...answer(input.bookId, result.changed), index, form };
    },

    deleteForm(input) {
      const result = store.setPerformanceForm({ bookId: input.bookId, index: input.index, form: null, ...(input.actor ? { actor: input.actor } : {}) });
      return answer(input.bookId, result.changed);
    },

    setDepartmentForm(input) {
      const result = store.setDepartmentPerformance(input.bookId, input.form, input.actor ? { actor: input.actor } : {});
      return answer(input.bookId, result.changed);
    },

    async importForms(input) {
      deps.refusePaths(input.file.path !== undefined);
      store.historyState(input.bookId); // an unknown book is refused before the file is read
      const read = await readInput(input.file, deps.readFile);
      if (read.forms.length === 0 && !read.department) throw new ServiceError('unreadable', `${read.summary}。`);
      const merged = mergeForms(store.performance(input.bookId).forms, read.forms.map(withoutEmptyIndicators));
      const result = store.replacePerformanceForms({ bookId: input.bookId, forms: merged.forms, ...(read.department ? { department: read.department } : {}) });
      const parts = [`替换 ${merged.replaced} 张`, `新增 ${merged.added} 张`];
      if (read.department) parts.push('部门（单位）整体绩效目标表已替换');
      const message = `「${input.file.name}」：${read.summary}；${parts.join('，')}。`;
      return { ...answer(input.bookId, result.changed), message, notices: read.notices, replaced: merged.replaced, added: merged.added };
    },
  };
}
