// Sentences of a narrative with their place: paragraph and character range, so a finding can quote exactly.
import type { Narrative } from './types';

export interface Sentence {
  paragraph: number;
  /** Offsets in the paragraph. */
  start: number;
  end: number;
  text: string;
}

const ENDS = /[。；;！？!?]/;

export function sentencesOf(narrative: Narrative): Sentence[] {
  const out: Sentence[] = [];
  narrative.paragraphs.forEach((paragraph, index) => {
    let start = 0;
    for (let i = 0; i <= paragraph.length; i++) {
      if (i < paragraph.length && !ENDS.test(paragraph[i] as string)) continue;
      const end = Math.min(paragraph.length, i + 1);
      const text = paragraph.slice(start, end);
      if (text.trim()) out.push({ paragraph: index, start, end, text });
      start = end;
    }
  });
  return out;
}
