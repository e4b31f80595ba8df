// 情况说明: the narrative with every sentence a check found wrong marked (hover: what the tables say; click: the cell),
// editing as plain text, 「按表格更新数字」 to write the table's figures into the sentences that disagree, and 「生成」 for
// the standard sections (src/shared/narrative/generate.ts). Every change is one undoable step of the book.
import { useMemo, useState, type ReactElement } from 'react';
import type { Book } from '../../../shared/book';
import type { CellAddress } from '../../../shared/cell';
import { generateNarrative } from '../../../shared/narrative/generate';
import { withTableFigures } from '../../../shared/narrative/update-figures';
import { UI_TEXT } from '../../../shared/strings';
import type { Finding } from '../../../shared/validation/types';
import { invoke } from '../api';
import type { Notify } from '../messages/useMessages';

interface NarrativeViewProps {
  bookId: number;
  book: Book;
  findings: Finding[];
  onChanged(): void;
  onShow(address: CellAddress): void;
  onMessage: Notify;
}

/** A paragraph cut into plain runs and marked runs (the sentences findings quote). */
function runsOf(paragraph: string, marks: Finding[]): { text: string; finding?: Finding }[] {
  const sorted = [...marks].sort((a, b) => (a.narrative?.start ?? 0) - (b.narrative?.start ?? 0));
  const runs: { text: string; finding?: Finding }[] = [];
  let at = 0;
  for (const finding of sorted) {
    const { start, end } = finding.narrative as NonNullable<Finding['narrative']>;
    if (start < at) continue;
    if (start > at) runs.push({ text: paragraph.slice(at, start) });
    runs.push({ text: paragraph.slice(start, end), finding });
    at = end;
  }
  if (at < paragraph.length) runs.push({ text: paragraph.slice(at) });
  return runs;
}

export function NarrativeView({ bookId, book, findings, onChanged, onShow, onMessage }: NarrativeViewProps): ReactElement {
  const [editing, setEditing] = useState<string | undefined>();
  const paragraphs = book.narrative?.paragraphs ?? [];
  const byParagraph = useMemo(() => {
    const map = new Map<number, Finding[]>();
    for (const f of findings) if (f.narrative) map.set(f.narrative.paragraph, [...(map.get(f.narrative.paragraph) ?? []), f]);
    return map;
  }, [findings]);

  const save = async (next: string[], source?: string): Promise<void> => {
    const response = await invoke('book.setNarrative', { bookId, paragraphs: next, ...(source ? { source } : {}) });
    if (!response.ok) return onMessage(response.error.message, 'error');
    setEditing(undefined);
    onChanged();
  };

  const generate = (): void => {
    if (paragraphs.length && !window.confirm(UI_TEXT.narrativeReplaceConfirm)) return;
    void save(generateNarrative(book).paragraphs, UI_TEXT.narrativeGenerated);
  };

  const updateFigures = (): void => {
    const updated = withTableFigures(paragraphs, findings);
    if (updated.changed === 0) return onMessage(UI_TEXT.narrativeNothingToUpdate);
    void save(updated.paragraphs, book.narrative?.source).then(() => onMessage(UI_TEXT.narrativeUpdated(updated.changed)));
  };

  return (
    <section className="narrative" aria-label={UI_TEXT.narrative}>
      <div className="narrative-tools">
        {editing === undefined ? (
          <>
            <button type="button" onClick={() => setEditing(paragraphs.join('\n'))}>{UI_TEXT.narrativeEdit}</button>
            <button type="button" onClick={updateFigures}>{UI_TEXT.narrativeUpdateFigures}</button>
            <button type="button" onClick={generate}>{UI_TEXT.narrativeGenerate}</button>
          </>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => void save(editing.split('\n').map((p) => p.trim()).filter(Boolean), book.narrative?.source)}>{UI_TEXT.narrativeSave}</button>
            <button type="button" onClick={() => setEditing(undefined)}>{UI_TEXT.cancel}</button>
          </>
        )}
      </div>
      {editing !== undefined ? (
        <textarea className="narrative-editor" aria-label={UI_TEXT.narrative} value={editing} onChange={(e) => setEditing(e.target.value)} />
      ) : paragraphs.length === 0 ? (
        <p className="empty">{UI_TEXT.narrativeEmpty}</p>
      ) : (
        <div className="narrative-text">
          {paragraphs.map((paragraph, index) => (
            <p key={index}>
              {runsOf(paragraph, byParagraph.get(index) ?? []).map((run, i) =>
                run.finding ? (
                  <mark
                    key={i}
                    className={run.finding.severity}
                    title={run.finding.message}
                    tabIndex={0}
                    onClick={() => {
                      const at = run.finding?.locations[0];
                      if (at?.columnId) onShow({ tableId: at.tableId, side: at.side ?? 'main', rowKey: at.rowKey, columnId: at.columnId });
                    }}
                  >
                    {run.text}
                  </mark>
                ) : (
                  <span key={i}>{run.text}</span>
                ),
              )}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
