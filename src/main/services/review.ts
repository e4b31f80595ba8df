// 审核说明: a clerk explains a warning (a 尾差, a 三公 item beyond 表六 …) the way finance-bureau software
// demands before submission. The store keeps the text through the edit log; this service decides what may
// be explained: warnings only — an error must be fixed, never explained away.
import type { ValidationState } from '../../shared/api/contract';
import { Validator, type Finding } from '../../shared/validation';
import type { Store } from '../store';
import type { BookSessions } from './sessions';

export class ReviewError extends Error {}

export interface ExplainInput {
  bookId: number;
  findingKey: string;
  /** null or blank clears the explanation. */
  text: string | null;
  actor?: string;
}

export interface ReviewService {
  /** The book's findings at its current revision (their summary is stored on the way). */
  findings(bookId: number): Finding[];
  /** Records (or clears) a 审核说明; `finding` is the explained finding as it now reads. */
  explain(input: ExplainInput): { finding: Finding | undefined; state: ValidationState };
}

export function createReviewService(deps: { store: Store; sessions: BookSessions }): ReviewService {
  const { store, sessions } = deps;
  return {
    findings: (bookId) => sessions.findings(bookId),
    explain(input) {
      assertExplainable(sessions.findings(input.bookId), input);
      store.setExplanation(explanationOf(input));
      sessions.explanationsChanged(input.bookId);
      const state = sessions.state(input.bookId);
      return { finding: state.findings.find((f) => f.key === input.findingKey), state };
    },
  };
}

/** A fresh validation of the stored book (no session, nothing recorded). */
export function currentFindings(store: Store, bookId: number): Finding[] {
  return new Validator(store.loadBook(bookId)).findings();
}

/** The same rule without services: explains a finding of a stored book, validating it afresh. */
export function explainFinding(store: Store, input: ExplainInput): Finding | undefined {
  assertExplainable(currentFindings(store, input.bookId), input);
  store.setExplanation(explanationOf(input));
  return currentFindings(store, input.bookId).find((f) => f.key === input.findingKey);
}

const clears = (input: ExplainInput): boolean => input.text === null || input.text.trim() === '';

/** Only a current warning may be explained; clearing is always allowed. */
function assertExplainable(findings: readonly Finding[], input: ExplainInput): void {
  if (clears(input)) return;
  const finding = findings.find((f) => f.key === input.findingKey);
  if (!finding) throw new ReviewError(`当前审核结果中没有编号为「${input.findingKey}」的问题（可能已经修正），无需说明。`);
  if (finding.severity === 'error') throw new ReviewError(`「${finding.message}」是错误，不能用审核说明放行，请修改数据使其相符。审核说明只用于警告（如尾差）。`);
  if (finding.severity !== 'warning') throw new ReviewError('提示类问题无需填写审核说明。');
}

const explanationOf = (input: ExplainInput) => ({
  bookId: input.bookId,
  findingKey: input.findingKey,
  text: clears(input) ? null : input.text,
  ...(input.actor ? { actor: input.actor } : {}),
});
