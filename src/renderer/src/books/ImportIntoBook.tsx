// 导入表格 in a book's toolbar: workbooks read with the book's template replace the book's tables they hold rows
// for (book.importTables: one transaction, one undo step), then the book is reloaded.
import { useState, type ReactElement } from 'react';
import type { WorkbookInput } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { invoke } from '../api';
import { WorkbookPicker } from './WorkbookPicker';

interface ImportIntoBookProps {
  bookId: number;
  /** The tables changed: reload the book. */
  onDone(): void;
  /** A message for the clerk ('error': it stays until dismissed). */
  onMessage(text: string, kind?: 'info' | 'error'): void;
}

export function ImportIntoBook({ bookId, onDone, onMessage }: ImportIntoBookProps): ReactElement {
  const [busy, setBusy] = useState(false);

  const importTables = async (files: WorkbookInput[]): Promise<void> => {
    setBusy(true);
    const response = await invoke('book.importTables', { bookId, files });
    setBusy(false);
    if (!response.ok) return onMessage(response.error.message, 'error');
    const { replaced, skipped } = response.result;
    onMessage(UI_TEXT.tablesImported(replaced.map((t) => t.label).join('、'), skipped.length));
    onDone();
  };

  // While it reads (a large workbook takes seconds) the button says so and cannot be pressed again.
  return <WorkbookPicker label={busy ? UI_TEXT.importingTables : UI_TEXT.importTables} title={UI_TEXT.importTablesHint} disabled={busy} onPicked={(files) => void importTables(files)} onMessage={onMessage} />;
}
