import type { ImportResult } from './import-book';

export interface WorkerRequest {
  files: string[];
  familyId?: string;
}

export type WorkerMessage =
  | { type: 'progress'; message: string }
  | { type: 'done'; result: ImportResult }
  | { type: 'importError'; message: string; file: string; sheet?: string; cell?: string }
  | { type: 'crash'; message: string };
