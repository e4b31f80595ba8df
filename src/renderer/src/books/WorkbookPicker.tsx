// A real button that picks Excel workbooks: the native dialog in Electron (paths), a hidden file input in a browser
// (bytes). Keyboard reachable like any button; the file input is never the control the clerk tabs to.
import { useRef, type ReactElement } from 'react';
import type { WorkbookInput } from '../../../shared/api/contract';
import { UI_TEXT } from '../../../shared/strings';
import { isWorkbookFile, toWorkbookInputs } from '../files';

interface WorkbookPickerProps {
  label: string;
  /** Tooltip saying what the button does. */
  title?: string;
  disabled?: boolean;
  /** The workbooks chosen, and their names for messages ("a.xlsx、b.xlsx"). */
  onPicked(files: WorkbookInput[], names: string): void;
  onMessage(text: string, kind?: 'info' | 'error'): void;
}

export function WorkbookPicker({ label, title, disabled, onPicked, onMessage }: WorkbookPickerProps): ReactElement {
  const input = useRef<HTMLInputElement>(null);

  const pick = async (): Promise<void> => {
    if (!window.workbench) return input.current?.click();
    const paths = await window.workbench.openWorkbooks();
    if (paths.length) onPicked(paths.map((path) => ({ name: path.split(/[\\/]/).pop() ?? path, path })), paths.join('、'));
  };

  const chosen = async (files: File[]): Promise<void> => {
    const workbooks = files.filter(isWorkbookFile);
    if (workbooks.length === 0) return onMessage(UI_TEXT.notWorkbook, 'error');
    onPicked(await toWorkbookInputs(workbooks), workbooks.map((f) => f.name).join('、'));
  };

  return (
    <>
      <button type="button" onClick={() => void pick()} disabled={disabled} {...(title ? { title } : {})}>{label}</button>
      {!window.workbench && (
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xls"
          multiple
          hidden
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            // Cleared, so that choosing the same file again is a change too.
            e.target.value = '';
            void chosen(files);
          }}
        />
      )}
    </>
  );
}
