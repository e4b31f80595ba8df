// 绩效目标: the projects of the family's project table (表十二 / 表10) with their form's status (缺少 / n 个错误 / 通过),
// the forms naming no project, 导入绩效目标表; and one form in the editor — a stored one (every saved field one undo
// step) or a new one pre-filled by the services (book.newForm), stored when the clerk saves it. The address bar
// says which (route.ts), so back/forward and a reload return to the same form.
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { ValidationState, WorkbookInput } from '../../../shared/api/contract';
import type { PerformanceOverview, ProjectFormItem } from '../../../shared/api/performance';
import type { Book } from '../../../shared/book';
import { tableLabel } from '../../../shared/labels';
import { findFamily } from '../../../shared/template/registry';
import type { PerformanceTargetForm } from '../../../shared/performance/types';
import type { Finding } from '../../../shared/validation/types';
import { invoke } from '../api';
import { WorkbookPicker } from '../books/WorkbookPicker';
import { PERFORMANCE_TEXT as T } from '../messages/performance-text';
import type { Notify } from '../messages/useMessages';
import type { Route } from '../route';
import { FormEditor, type FieldFocus } from './FormEditor';
import './performance.css';

export type PerformanceRoute = NonNullable<Route['performance']>;

interface PerformanceViewProps {
  bookId: number;
  book: Book;
  state: ValidationState;
  route: PerformanceRoute;
  focus?: FieldFocus;
  onNavigate(route: PerformanceRoute, mode?: 'push' | 'replace'): void;
  onState(state: ValidationState): void;
  /** The renderer's copy of the book's forms changed as the services answered. */
  onForms(update: (forms: PerformanceTargetForm[]) => PerformanceTargetForm[]): void;
  onReload(): void;
  onMessage: Notify;
}

const formFindings = (findings: readonly Finding[], formIndex: number | undefined): Finding[] =>
  formIndex === undefined ? [] : findings.filter((f) => f.form?.scope === 'project' && f.form.formIndex === formIndex);

export function PerformanceView(props: PerformanceViewProps): ReactElement {
  const { bookId, book, state, route, onNavigate, onMessage } = props;
  const [overview, setOverview] = useState<PerformanceOverview | undefined>();

  // The list follows every change of the book (a saved field, an undo, an edit of 表十二).
  useEffect(() => {
    let live = true;
    void invoke('book.performance', { bookId }).then((response) => {
      if (!live) return;
      if (response.ok) setOverview(response.result);
      else onMessage(response.error.message, 'error');
    });
    return () => {
      live = false;
    };
  }, [bookId, state.revision, onMessage]);

  const openProject = (project: ProjectFormItem): void =>
    onNavigate(project.formIndex !== undefined ? { formIndex: project.formIndex } : { newFor: project.rowKey });

  if (route.formIndex !== undefined || route.newFor !== undefined) {
    return <FormPage {...props} overview={overview} openProject={openProject} />;
  }

  const importForms = async (files: WorkbookInput[]): Promise<void> => {
    for (const file of files) {
      const response = await invoke('book.importForms', { bookId, file });
      if (!response.ok) {
        onMessage(response.error.message, 'error');
        continue;
      }
      onMessage(response.result.message);
    }
    props.onReload();
  };

  return (
    <section className="pf-view" aria-label={T.view}>
      <div className="pf-toolbar">
        <span className="hint">{T.viewHint}</span>
        {overview && <span className="hint">{T.formCount(overview.formCount)}</span>}
        <WorkbookPicker label={T.importForms} title={T.importHint} onPicked={(files) => void importForms(files)} onMessage={onMessage} />
      </div>
      {!overview ? null : !overview.table ? (
        <p className="empty">{T.noProjectTable}</p>
      ) : (
        <table className="pf-list">
          <caption>
            {tableLabel(findFamily(book.familyId), overview.table.no)} {overview.table.title}
          </caption>
          <thead>
            <tr>
              <th>{T.projects}</th>
              <th>{T.unitName}</th>
              <th className="count">{T.amountWan}</th>
              <th>{T.status}</th>
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {overview.projects.length === 0 && (
              <tr>
                <td colSpan={5} className="empty">{T.noProjects}</td>
              </tr>
            )}
            {overview.projects.map((project) => (
              <tr key={project.rowKey} className={`pf-status-${project.status}`}>
                <td>{project.name}</td>
                <td>{project.unitName ?? ''}</td>
                <td className="count">{project.amountWan ?? ''}</td>
                <td className={`pf-status ${project.status}`}>{T.statusText(project.status, project.errors, project.warnings)}</td>
                <td>
                  <button type="button" onClick={() => openProject(project)}>
                    {project.formIndex !== undefined ? T.open : T.create}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview && overview.looseForms.length > 0 && (
        <table className="pf-list">
          <caption>{T.looseForms}</caption>
          <tbody>
            {overview.looseForms.map((form) => (
              <tr key={form.formIndex}>
                <td>{form.projectName}</td>
                <td>{form.implementingUnit}</td>
                <td className="hint">{T.looseReason(form.reason)}</td>
                <td className={`pf-status ${form.status}`}>{T.statusText(form.status, form.errors, form.warnings)}</td>
                <td>
                  <button type="button" onClick={() => onNavigate({ formIndex: form.formIndex })}>{T.open}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview?.department && (
        <p className="pf-department">
          {T.departmentForm}：{overview.department.name}
          <span className={`pf-status ${overview.department.status}`}>{T.statusText(overview.department.status, overview.department.errors, overview.department.warnings)}</span>
        </p>
      )}
    </section>
  );
}

interface FormPageProps extends PerformanceViewProps {
  overview: PerformanceOverview | undefined;
  openProject(project: ProjectFormItem): void;
}

/** One form: a stored one by index, or the draft for a project. */
function FormPage({ bookId, book, state, route, focus, overview, openProject, onNavigate, onState, onForms, onReload, onMessage }: FormPageProps): ReactElement {
  const [draft, setDraft] = useState<PerformanceTargetForm | undefined>();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const stored = route.formIndex !== undefined ? book.performanceForms?.[route.formIndex] : undefined;

  // A new form: the services pre-fill it from the book; a project that has one opens that one instead.
  useEffect(() => {
    setDraft(undefined);
    if (route.newFor === undefined) return;
    const existing = overview?.projects.find((p) => p.rowKey === route.newFor)?.formIndex;
    if (existing !== undefined) return onNavigate({ formIndex: existing }, 'replace');
    let live = true;
    void invoke('book.newForm', { bookId, rowKey: route.newFor }).then((response) => {
      if (!live) return;
      if (response.ok) setDraft(response.result.form);
      else onMessage(response.error.message, 'error');
    });
    return () => {
      live = false;
    };
  }, [bookId, route.newFor, overview === undefined]);

  /** Saves run one after another, each with the whole form as the clerk has it then. */
  const save = useCallback(
    (index: number, next: PerformanceTargetForm): Promise<boolean> => {
      const run = queue.current.then(async () => {
        const response = await invoke('book.setForm', { bookId, index, form: next });
        if (!response.ok) {
          onMessage(response.error.message, 'error');
          return false;
        }
        const { form, index: at, changed: _changed, ...validation } = response.result;
        onForms((forms) => forms.map((f, i) => (i === at ? form : f)));
        onState(validation);
        return true;
      });
      queue.current = run;
      return run;
    },
    [bookId, onForms, onState, onMessage],
  );

  const create = async (): Promise<void> => {
    if (!draft) return;
    const response = await invoke('book.setForm', { bookId, form: draft });
    if (!response.ok) return onMessage(response.error.message, 'error');
    const { form, index, changed: _changed, ...validation } = response.result;
    onForms((forms) => [...forms.slice(0, index), form]);
    onState(validation);
    onMessage(T.saved(form.projectName));
    onNavigate({ formIndex: index }, 'replace');
  };

  const remove = async (): Promise<void> => {
    if (route.formIndex === undefined || !stored || !window.confirm(T.deleteConfirm(stored.projectName))) return;
    const response = await invoke('book.deleteForm', { bookId, index: route.formIndex });
    if (!response.ok) return onMessage(response.error.message, 'error');
    onMessage(T.deleted(stored.projectName));
    onNavigate({}, 'replace');
    onReload();
  };

  const form = stored ?? draft;
  const findings = formFindings(state.findings, route.formIndex);
  const open = findings.filter((f) => f.severity !== 'info' && !f.explanation).length;
  // 上一个 / 下一个 project of the table, whatever it has.
  const projects = overview?.projects ?? [];
  const at = projects.findIndex((p) => (route.formIndex !== undefined ? p.formIndex === route.formIndex : p.rowKey === route.newFor));
  const neighbour = (step: number): ProjectFormItem | undefined => (at < 0 ? undefined : projects[at + step]);

  return (
    <section className="pf-view pf-page" aria-label={T.view}>
      <div className="pf-toolbar">
        <button type="button" onClick={() => onNavigate({})}>{T.backToList}</button>
        <button type="button" onClick={() => neighbour(-1) && openProject(neighbour(-1) as ProjectFormItem)} disabled={!neighbour(-1)}>{T.previous}</button>
        <button type="button" onClick={() => neighbour(1) && openProject(neighbour(1) as ProjectFormItem)} disabled={!neighbour(1)}>{T.next}</button>
        <strong className="pf-name">{form?.projectName ?? ''}</strong>
        {stored && open > 0 && <span className="pf-status errors">{T.findingsHere(open)}</span>}
        {draft && !stored && (
          <button type="button" className="primary" onClick={() => void create()}>
            {T.saveDraft}
          </button>
        )}
        {stored && (
          <button type="button" onClick={() => void remove()}>
            {T.deleteForm}
          </button>
        )}
      </div>
      {draft && !stored && <p className="pf-draft-note">{T.draftNote}</p>}
      {route.formIndex !== undefined && !stored ? (
        <p className="empty">{T.formMissing}</p>
      ) : form ? (
        <FormEditor
          key={route.formIndex ?? `new:${route.newFor ?? ''}`}
          form={form}
          findings={findings}
          onChange={(next) => {
            if (route.formIndex !== undefined) return save(route.formIndex, next);
            setDraft(next);
            return Promise.resolve(true);
          }}
          {...(focus ? { focus } : {})}
          onMessage={onMessage}
        />
      ) : null}
    </section>
  );
}
