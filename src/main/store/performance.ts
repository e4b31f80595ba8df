// 绩效目标表 in the store: the project forms (table performance_forms, migration 4: one JSON document per form at
// its position) and the department-wide form (department_performance, migration 9). Every change appends one
// 'performanceForm' entry to the edit log in the same transaction (what it holds: PerformanceFormChange in
// types.ts) and undoes/redoes like a narrative (edits.ts dispatches on the entry's kind).
//
// What is stored is what the API's schema admits (src/shared/api/performance.ts: shape and sizes), with only the
// declared fields and every 指标值 parsed again from its text, so `parsed` never disagrees with `value`.
import type Database from 'better-sqlite3';
import { departmentFormSchema, FORM_FIELD_NAMES, FORM_LIMITS, performanceFormSchema } from '../../shared/api/performance';
import { SchemaError, type Schema } from '../../shared/api/schema';
import { parseIndicatorValue } from '../../shared/performance/indicator-value';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from '../../shared/performance/types';
import { StoreError, storeMessages } from './errors';
import type { LogWriter } from './log';
import type { PerformanceFormChange, PerformanceSet, SetPerformanceFormInput, SetPerformanceResult } from './types';


function fieldName(path: string): string {
  if (!path) return '内容';
  const name = FORM_FIELD_NAMES[/^[A-Za-z]+/.exec(path)?.[0] ?? ''];
  return name ? `${name}（${path}）` : path;
}

/** "绩效目标表“Z专项检查工作经费”" — the name as the caller sent it, cut, so a refusal says which form. */
function formName(form: unknown, key: 'projectName' | 'departmentName', what: string): string {
  const name = typeof form === 'object' && form !== null ? (form as Record<string, unknown>)[key] : undefined;
  if (typeof name !== 'string' || !name.trim()) return what;
  const shown = name.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  return `${what}“${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}”`;
}

type Code = 'invalid-value' | 'invalid-book';

function checked<T>(schema: Schema<T>, value: unknown, name: string, code: Code): T {
  try {
    return schema.parse(value);
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    const problem = storeMessages.badPerformanceForm(name, fieldName(error.path), error.reason);
    throw new StoreError(code, code === 'invalid-book' ? storeMessages.invalidBook([problem]) : problem);
  }
}

/** The form as stored, or a Chinese StoreError naming the form and the field that cannot be kept. */
export function normaliseProjectForm(form: unknown, code: Code = 'invalid-value', name = formName(form, 'projectName', '绩效目标表')): PerformanceTargetForm {
  const clean = checked(performanceFormSchema, form, name, code);
  return { ...clean, indicators: clean.indicators.map(({ parsed: _parsed, ...indicator }) => ({ ...indicator, parsed: parseIndicatorValue(indicator.value) })) };
}

export function normaliseDepartmentForm(form: unknown, code: Code = 'invalid-value'): DepartmentPerformanceForm {
  const clean = checked(departmentFormSchema, form, formName(form, 'departmentName', '部门整体绩效目标表'), code);
  return { ...clean, indicators: clean.indicators.map(({ parsed: _parsed, ...indicator }) => ({ ...indicator, parsed: parseIndicatorValue(indicator.value) })) };
}

function normaliseAll(forms: readonly unknown[], code: Code): PerformanceTargetForm[] {
  if (forms.length > FORM_LIMITS.forms) {
    const problem = storeMessages.tooManyPerformanceForms(forms.length, FORM_LIMITS.forms);
    throw new StoreError(code, code === 'invalid-book' ? storeMessages.invalidBook([problem]) : problem);
  }
  return forms.map((form, i) => normaliseProjectForm(form, code, `第 ${i + 1} 张${formName(form, 'projectName', '绩效目标表')}`));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface PerformanceRepository {
  setForm(input: SetPerformanceFormInput): SetPerformanceResult;
  replaceAll(input: { bookId: number; forms: readonly PerformanceTargetForm[]; department?: DepartmentPerformanceForm | null; actor?: string }): SetPerformanceResult;
  setDepartment(bookId: number, form: DepartmentPerformanceForm | null, actor?: string): SetPerformanceResult;
  /** The book's forms; the caller has checked that the book exists. */
  read(bookId: number): PerformanceSet;
  /** Writes a new book's forms; runs inside insertBook's transaction (a form that cannot be kept: 'invalid-book'). */
  insert(bookId: number, forms: readonly PerformanceTargetForm[], department: DepartmentPerformanceForm | null): void;
  /** Puts change[state] back; returns what changed now. Runs inside the caller's transaction. */
  restore(bookId: number, change: PerformanceFormChange, state: 'before' | 'after', at: string): PerformanceFormChange;
}

export function createPerformanceRepository(db: Database.Database, log: LogWriter, now: () => Date): PerformanceRepository {
  const s = {
    forms: db.prepare<[number], { form: string }>('SELECT form FROM performance_forms WHERE book_id = ? ORDER BY position'),
    put: db.prepare(
      `INSERT INTO performance_forms (book_id, position, project_name, form) VALUES (?, ?, ?, ?)
       ON CONFLICT (book_id, position) DO UPDATE SET project_name = excluded.project_name, form = excluded.form`,
    ),
    deleteAt: db.prepare('DELETE FROM performance_forms WHERE book_id = ? AND position = ?'),
    deleteAll: db.prepare('DELETE FROM performance_forms WHERE book_id = ?'),
    // Positions move in two steps through negative numbers: SQLite checks the primary key row by row, so a plain
    // position + 1 would collide with the next form mid-update.
    parkFrom: db.prepare('UPDATE performance_forms SET position = -position - 2 WHERE book_id = ? AND position >= ?'),
    parkAfter: db.prepare('UPDATE performance_forms SET position = -position WHERE book_id = ? AND position > ?'),
    unpark: db.prepare('UPDATE performance_forms SET position = -position - 1 WHERE book_id = ? AND position < 0'),
    department: db.prepare<[number], { form: string }>('SELECT form FROM department_performance WHERE book_id = ?'),
    putDepartment: db.prepare(
      `INSERT INTO department_performance (book_id, form, updated_at, actor) VALUES (?, ?, ?, ?)
       ON CONFLICT (book_id) DO UPDATE SET form = excluded.form, updated_at = excluded.updated_at, actor = excluded.actor`,
    ),
    deleteDepartment: db.prepare('DELETE FROM department_performance WHERE book_id = ?'),
  };

  const readForms = (bookId: number): PerformanceTargetForm[] => s.forms.all(bookId).map((row) => JSON.parse(row.form) as PerformanceTargetForm);
  const readDepartment = (bookId: number): DepartmentPerformanceForm | null => {
    const row = s.department.get(bookId);
    return row ? (JSON.parse(row.form) as DepartmentPerformanceForm) : null;
  };
  const read = (bookId: number): PerformanceSet => ({ forms: readForms(bookId), department: readDepartment(bookId) });

  const put = (bookId: number, position: number, form: PerformanceTargetForm): void => {
    s.put.run(bookId, position, form.projectName, JSON.stringify(form));
  };
  /** Inserts at `position`, the forms from there on moving down one. */
  const insertAt = (bookId: number, position: number, form: PerformanceTargetForm): void => {
    s.parkFrom.run(bookId, position);
    s.unpark.run(bookId);
    put(bookId, position, form);
  };
  /** Removes the form at `position`, the later ones moving up one. */
  const removeAt = (bookId: number, position: number): void => {
    s.deleteAt.run(bookId, position);
    s.parkAfter.run(bookId, position);
    s.unpark.run(bookId);
  };
  const writeDepartment = (bookId: number, form: DepartmentPerformanceForm | null, at: string, actor: string | null): void => {
    if (form === null) s.deleteDepartment.run(bookId);
    else s.putDepartment.run(bookId, JSON.stringify(form), at, actor);
  };
  const writeAll = (bookId: number, set: PerformanceSet, at: string, actor: string | null): void => {
    s.deleteAll.run(bookId);
    set.forms.forEach((form, i) => put(bookId, i, form));
    writeDepartment(bookId, set.department, at, actor);
  };

  const unchanged = (bookId: number): SetPerformanceResult => ({ changed: false, seq: null, revision: log.revision(bookId), change: null });
  const logged = (bookId: number, change: PerformanceFormChange, actor: string | undefined, at: string): Omit<SetPerformanceResult, 'index'> => {
    const seq = log.append(bookId, 'performanceForm', change, actor, at);
    log.discardRedo(bookId, seq);
    return { changed: true, seq, revision: log.bump(bookId, at), change };
  };

  const setForm = db.transaction((input: SetPerformanceFormInput): SetPerformanceResult => {
    const { bookId, index, actor } = input;
    log.assertBook(bookId);
    const forms = readForms(bookId);
    if (index !== undefined && !(Number.isInteger(index) && index >= 0 && index < forms.length)) {
      throw new StoreError('invalid-value', storeMessages.performanceFormMissing(index, forms.length));
    }
    const at = now().toISOString();
    if (input.form === null) {
      if (index === undefined) throw new StoreError('invalid-value', storeMessages.performanceFormMissing(forms.length, forms.length));
      removeAt(bookId, index);
      return logged(bookId, { scope: 'project', position: index, before: forms[index] as PerformanceTargetForm, after: null }, actor, at);
    }
    const after = normaliseProjectForm(input.form);
    if (index === undefined) {
      if (forms.length >= FORM_LIMITS.forms) throw new StoreError('invalid-value', storeMessages.tooManyPerformanceForms(forms.length + 1, FORM_LIMITS.forms));
      put(bookId, forms.length, after);
      return { ...logged(bookId, { scope: 'project', position: forms.length, before: null, after }, actor, at), index: forms.length };
    }
    const before = forms[index] as PerformanceTargetForm;
    if (same(before, after)) return { ...unchanged(bookId), index };
    put(bookId, index, after);
    return { ...logged(bookId, { scope: 'project', position: index, before, after }, actor, at), index };
  });

  const replaceAll = db.transaction((input: { bookId: number; forms: readonly PerformanceTargetForm[]; department?: DepartmentPerformanceForm | null; actor?: string }): SetPerformanceResult => {
    log.assertBook(input.bookId);
    const before = read(input.bookId);
    const after: PerformanceSet = {
      forms: normaliseAll(input.forms, 'invalid-value'),
      department: input.department === undefined ? before.department : input.department === null ? null : normaliseDepartmentForm(input.department),
    };
    if (same(before, after)) return unchanged(input.bookId);
    const at = now().toISOString();
    writeAll(input.bookId, after, at, input.actor ?? null);
    return logged(input.bookId, { scope: 'all', before, after }, input.actor, at);
  });

  const setDepartment = db.transaction((bookId: number, form: DepartmentPerformanceForm | null, actor?: string): SetPerformanceResult => {
    log.assertBook(bookId);
    const before = readDepartment(bookId);
    const after = form === null ? null : normaliseDepartmentForm(form);
    if (same(before, after)) return unchanged(bookId);
    const at = now().toISOString();
    writeDepartment(bookId, after, at, actor ?? null);
    return logged(bookId, { scope: 'department', before, after }, actor, at);
  });

  return {
    // IMMEDIATE: wait for a concurrent writer instead of failing mid-transaction.
    setForm: (input) => setForm.immediate(input),
    replaceAll: (input) => replaceAll.immediate(input),
    setDepartment: (bookId, form, actor) => setDepartment.immediate(bookId, form, actor),
    read,
    insert(bookId, forms, department) {
      normaliseAll(forms, 'invalid-book').forEach((form, i) => put(bookId, i, form));
      if (department) writeDepartment(bookId, normaliseDepartmentForm(department, 'invalid-book'), now().toISOString(), null);
    },
    restore(bookId, change, state, at) {
      if (change.scope === 'department') {
        const before = readDepartment(bookId);
        writeDepartment(bookId, change[state], at, null);
        return { scope: 'department', before, after: change[state] };
      }
      if (change.scope === 'all') {
        const before = read(bookId);
        writeAll(bookId, change[state], at, null);
        return { scope: 'all', before, after: change[state] };
      }
      const { position } = change;
      const target = change[state];
      // Undo and redo replay the log in order, so the form is absent at `position` exactly when the other state is.
      const absentNow = change[state === 'before' ? 'after' : 'before'] === null;
      const current = absentNow ? null : (readForms(bookId)[position] ?? null);
      if (target === null) removeAt(bookId, position);
      else if (absentNow) insertAt(bookId, position, target);
      else put(bookId, position, target);
      return { scope: 'project', position, before: current, after: target };
    },
  };
}
