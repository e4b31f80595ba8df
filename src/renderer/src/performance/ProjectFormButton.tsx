// 「绩效目标表」 in the title bar of the family's project table (表十二 / 表10): opens the selected project's form, or a
// new one pre-filled from the row when it has none. The pairing is matchForms', the same the checks and the list use.
import type { ReactElement } from 'react';
import type { Book } from '../../../shared/book';
import { matchForms } from '../../../shared/performance/match';
import { findFamily } from '../../../shared/template/registry';
import { PERFORMANCE_TEXT as T } from '../messages/performance-text';
import type { PerformanceRoute } from './PerformanceView';

interface ProjectFormButtonProps {
  book: Book;
  tableId: string;
  selected?: { side: string; rowKey: string };
  onOpen(route: PerformanceRoute): void;
  onMessage(text: string): void;
}

/** Where the project row's form is: its index, or a new form for the row; undefined when the row is no project. */
export function projectFormRoute(book: Book, rowKey: string): PerformanceRoute | undefined {
  const match = matchForms(book).projects.find((p) => p.project.rowKey === rowKey);
  if (!match) return undefined;
  return match.formIndex !== undefined ? { formIndex: match.formIndex } : { newFor: rowKey };
}

export function ProjectFormButton({ book, tableId, selected, onOpen, onMessage }: ProjectFormButtonProps): ReactElement | null {
  if (findFamily(book.familyId)?.projects?.table !== tableId) return null;
  const open = (): void => {
    if (!selected) return onMessage(T.selectProjectRow);
    const route = projectFormRoute(book, selected.rowKey);
    if (!route) return onMessage(T.notAProject);
    onOpen(route);
  };
  return (
    <button type="button" className="pf-open" onClick={open} title={T.openFromRowHint}>
      {T.openFromRow}
    </button>
  );
}
