// 「按表格更新数字」: every figure a check found different from its table (narrative.amount, narrative.truncated) is
// rewritten in its sentence as the table's figure at the text's precision. Pure; the caller stores the result.
import type { Finding } from '../validation/types';

export function withTableFigures(paragraphs: readonly string[], findings: readonly Finding[]): { paragraphs: string[]; changed: number } {
  const out = [...paragraphs];
  let changed = 0;
  for (const finding of findings) {
    if ((finding.rule !== 'narrative.amount' && finding.rule !== 'narrative.truncated') || !finding.narrative || !finding.actual || !finding.expected) continue;
    const { paragraph, start, end } = finding.narrative;
    const text = out[paragraph];
    if (text === undefined) continue;
    const sentence = text.slice(start, end);
    // The figure as written: with or without thousands separators.
    const written = [finding.actual, Number(finding.actual).toLocaleString('en-US', { minimumFractionDigits: finding.actual.split('.')[1]?.length ?? 0 })].find((form) => sentence.includes(form));
    if (!written) continue;
    out[paragraph] = text.slice(0, start) + sentence.replace(written, finding.expected) + text.slice(end);
    changed++;
  }
  return { paragraphs: out, changed };
}
