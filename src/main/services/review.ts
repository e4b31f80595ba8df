// 审核说明: a clerk explains a warning (a 尾差, a 三公 item beyond 表六 …) the way finance-bureau software
// demands before submission. The store keeps the text through the edit log; this service decides what may
// be explained: warnings only — an error must be fixed, never explained away.
import { Validator, type Finding } from '../../shared/validation';
import type { Store } from '../store';

export class ReviewError extends Error {}

export function currentFindings(store: Store, bookId: number): Finding[] {
  return new Validator(store.loadBook(bookId)).findings();
}

export function explainFinding(store: Store, input: { bookId: number; findingKey: string; text: string | null; actor?: string }): Finding | undefined {
  const clearing = input.text === null || input.text.trim() === '';
  const finding = currentFindings(store, input.bookId).find((f) => f.key === input.findingKey);
  if (!clearing) {
    if (!finding) throw new ReviewError(`当前审核结果中没有编号为「${input.findingKey}」的问题（可能已经修正），无需说明。`);
    if (finding.severity === 'error') throw new ReviewError(`「${finding.message}」是错误，不能用审核说明放行，请修改数据使其相符。审核说明只用于警告（如尾差）。`);
    if (finding.severity !== 'warning') throw new ReviewError('提示类问题无需填写审核说明。');
  }
  store.setExplanation({ bookId: input.bookId, findingKey: input.findingKey, text: clearing ? null : input.text, ...(input.actor ? { actor: input.actor } : {}) });
  return currentFindings(store, input.bookId).find((f) => f.key === input.findingKey);
}
