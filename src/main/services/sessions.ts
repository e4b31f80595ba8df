// The open books: one BookSession (validator and sum graph) per book, kept in step with every write so findings
// update incrementally as the clerk types, and rebuilt when the store moved on without it (another window, the
// CLI, a row inserted). Whenever findings are computed for a revision, their counts are stored with that revision
// (store.recordFindingsSummary), so a book list can read them instead of validating every book.
import { createHash } from 'node:crypto';
import type { ValidationState } from '../../shared/api/contract';
import type { Book } from '../../shared/book';
import { BookSession } from '../../shared/book-session';
import type { BookPatch } from '../../shared/cell';
import { findFamilyPackage } from '../../shared/families';
import { summarise, type Finding, type ValidationSummary } from '../../shared/validation';
import type { Store } from '../store';

interface OpenBook {
  /** The store revision the session's book is at. */
  revision: number;
  session: BookSession;
  /** The revision whose summary this process last stored (so an unchanged book is not written again). */
  recorded?: number;
}

const fingerprints = new Map<string, string>();

/**
 * The fingerprint a stored summary is valid for: the family's template and rules as this program has them (both
 * are data). A program with other rules, or another template, counts again.
 */
export function rulesFingerprint(familyId: string): string {
  let fingerprint = fingerprints.get(familyId);
  if (fingerprint === undefined) {
    const pkg = findFamilyPackage(familyId);
    fingerprint = createHash('sha256')
      .update(JSON.stringify(pkg ? { template: pkg.template, rules: pkg.rules } : { unknown: familyId }))
      .digest('hex')
      .slice(0, 16);
    fingerprints.set(familyId, fingerprint);
  }
  return fingerprint;
}

export class BookSessions {
  private readonly open = new Map<number, OpenBook>();

  constructor(private readonly store: Store) {}

  /** The book's session, rebuilt when the store's revision is not the session's. */
  session(bookId: number): BookSession {
    return this.entry(bookId).session;
  }

  /** The findings at the book's current revision (their summary is stored on the way). */
  findings(bookId: number): Finding[] {
    return this.current(bookId).findings;
  }

  /** The book at its current revision with its findings, from one session. */
  current(bookId: number): { book: Book; findings: Finding[] } {
    const entry = this.entry(bookId);
    const findings = entry.session.validator.findings();
    this.record(bookId, entry, summarise(findings));
    return { book: entry.session.book, findings };
  }

  /** Findings, their summary and the undo/redo state: what every editing call answers with. */
  state(bookId: number): ValidationState {
    const findings = this.findings(bookId);
    const history = this.store.historyState(bookId);
    return { revision: history.revision, summary: summarise(findings), findings, canUndo: history.canUndo, canRedo: history.canRedo };
  }

  /** After the store wrote `patch` as `revision`: the session lays it on (if the book is open) and re-checks. */
  committed(bookId: number, patch: BookPatch, revision: number): void {
    const cached = this.open.get(bookId);
    if (!cached) return;
    cached.session.commit(patch);
    cached.revision = revision;
  }

  /** The 审核说明 changed in the store: the session's book takes them over at the store's revision. */
  explanationsChanged(bookId: number): void {
    const cached = this.open.get(bookId);
    if (!cached) return;
    cached.session.book.explanations = this.store.explanations(bookId);
    cached.revision = this.store.historyState(bookId).revision;
  }

  /**
   * The 情况说明 changed in the store (set, imported, undone or redone): the session's book takes it over at the
   * store's revision, and the validator's next findings check the new text (it reads the book's narrative).
   */
  narrativeChanged(bookId: number): void {
    const cached = this.open.get(bookId);
    if (!cached) return;
    const narrative = this.store.narrative(bookId);
    if (narrative) cached.session.book.narrative = narrative;
    else delete cached.session.book.narrative;
    cached.revision = this.store.historyState(bookId).revision;
  }

  /**
   * The 绩效目标表 changed in the store (set, deleted, imported, undone or redone): the session's book takes the forms
   * over at the store's revision. The form rules (perf.*) are checked whole at every findings() from the book's
   * current forms, so nothing needs rebuilding.
   */
  formsChanged(bookId: number): void {
    const cached = this.open.get(bookId);
    if (!cached) return;
    const { forms, department } = this.store.performance(bookId);
    const book = cached.session.book;
    if (forms.length) book.performanceForms = forms;
    else delete book.performanceForms;
    if (department) book.departmentPerformance = department;
    else delete book.departmentPerformance;
    cached.revision = this.store.historyState(bookId).revision;
  }

  /** The book's structure changed (rows) or it is gone: its session is rebuilt on next use. */
  forget(bookId: number): void {
    this.open.delete(bookId);
  }

  private entry(bookId: number): OpenBook {
    const revision = this.store.historyState(bookId).revision;
    const cached = this.open.get(bookId);
    if (cached && cached.revision === revision) return cached;
    const entry: OpenBook = { revision, session: new BookSession(this.store.loadBook(bookId)) };
    this.open.set(bookId, entry);
    return entry;
  }

  private record(bookId: number, entry: OpenBook, summary: ValidationSummary): void {
    if (entry.recorded === entry.revision) return;
    try {
      this.store.recordFindingsSummary({ bookId, revision: entry.revision, rules: rulesFingerprint(entry.session.book.familyId), summary });
    } catch {
      // A cache write never fails a read (a database busy with another writer, a read-only copy): the list
      // simply validates the book again next time.
      return;
    }
    entry.recorded = entry.revision;
  }
}
