// 情况说明: the book's narrative, typed by the clerk or read from a file (.docx, .txt, the text sheets of a workbook;
// src/main/import/narrative). The store keeps it through the edit log (one undo step per change); the validator
// checks it with the tables (src/shared/narrative/check.ts), so every change answers with the findings as they now
// are. Files come as paths (desktop, CLI) or as bytes (a browser upload, kept under the clerk's own file name).
import { basename } from 'node:path';
import type { ValidationState, WorkbookInput } from '../../shared/api/contract';
import type { Narrative } from '../../shared/narrative/types';
import { readNarrative, type NarrativeRead } from '../import/narrative/read-narrative';
import type { Store } from '../store';
import { withInputFiles } from './uploads';
import type { BookSessions } from './sessions';

export interface SetNarrativeInput {
  bookId: number;
  /** In order; blank paragraphs are dropped, none at all removes the narrative. */
  paragraphs: readonly string[];
  source?: string | undefined;
  actor?: string;
}

export type NarrativeAnswer = ValidationState & { narrative: Narrative | null; changed: boolean };

export interface NarrativeService {
  /** Sets (or, without paragraphs, removes) the book's narrative: one undo step; the findings as they now are. */
  set(input: SetNarrativeInput): NarrativeAnswer;
  /** Reads a file as the book's narrative and stores it (one undo step); `message` says what was read. */
  import(input: { bookId: number; file: WorkbookInput }): Promise<NarrativeAnswer & { message: string }>;
}

/** A narrative file handed over by the UI (a path, or an upload kept under the clerk's own file name). */
export async function readNarrativeInput(file: WorkbookInput): Promise<NarrativeRead> {
  return withInputFiles([file], '情况说明.txt', ([path]) => readNarrative(path as string, { name: basename(path as string) }));
}

export function createNarrativeService(deps: { store: Store; sessions: BookSessions; refusePaths: (named: boolean) => void }): NarrativeService {
  const { store, sessions } = deps;

  const save = (bookId: number, narrative: Narrative | null, actor?: string): NarrativeAnswer => {
    const result = store.setNarrative(bookId, narrative, actor ? { actor } : {});
    if (result.changed) sessions.narrativeChanged(bookId);
    return { ...sessions.state(bookId), narrative: store.narrative(bookId), changed: result.changed };
  };

  return {
    set(input) {
      const paragraphs = [...input.paragraphs];
      const narrative: Narrative | null = paragraphs.some((p) => p.trim()) ? { paragraphs, ...(input.source ? { source: input.source } : {}) } : null;
      return save(input.bookId, narrative, input.actor);
    },

    async import(input) {
      deps.refusePaths(input.file.path !== undefined);
      store.historyState(input.bookId); // an unknown book is refused before the file is read
      const read = await readNarrativeInput(input.file);
      return { ...save(input.bookId, read.narrative), message: read.summary };
    },
  };
}
