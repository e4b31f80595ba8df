// The narrative of a published document's text (tests/fixtures/real/text, seeds): table lines (tab-separated) left
// out, and lines the PDF conversion wrapped mid-sentence joined again (a line continues unless it ends a sentence
// or the next one starts a numbered item such as 「1、」「（二）」).
import { readFileSync } from 'node:fs';
import type { Narrative } from '../../src/shared/narrative/types';

const ENDS_SENTENCE = /[。；：:！？]$/;
const STARTS_ITEM = /^[（(]?[一二三四五六七八九十\d]{1,2}[、.．）)](?!\d)/;

export function narrativeOfText(file: string, from?: string): Narrative {
  let text = readFileSync(file, 'utf8');
  if (from) text = text.slice(text.lastIndexOf(from));
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.includes('\t') && !/^#+\s*$/.test(l));
  const paragraphs: string[] = [];
  for (const line of lines.map((l) => l.replace(/^#+\s*|\*\*/g, ''))) {
    const last = paragraphs[paragraphs.length - 1];
    if (last !== undefined && !ENDS_SENTENCE.test(last) && !STARTS_ITEM.test(line)) paragraphs[paragraphs.length - 1] = last + line;
    else paragraphs.push(line);
  }
  return { paragraphs, source: file };
}
