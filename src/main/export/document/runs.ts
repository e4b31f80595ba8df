// Small builders for text in the document: a run in one font (for Chinese and Latin alike, so digits match the text
// around them), and a heading paragraph carrying the bookmark its 目录 line points to.
import { AlignmentType, Bookmark, LineRuleType, Paragraph, TextRun, type HeadingLevel, type IParagraphOptions } from 'docx';
import { BODY_LINE, halfPoints, twips } from './look';

export interface RunLook {
  font: string;
  size: number;
  bold?: boolean;
}

/** One font for every script of a run. */
export const allScripts = (font: string) => ({ ascii: font, eastAsia: font, hAnsi: font, cs: font });

export function run(text: string, look: RunLook): TextRun {
  return new TextRun({ text, font: allScripts(look.font), size: halfPoints(look.size), ...(look.bold ? { bold: true } : {}) });
}

/** Lines at a fixed height, as 公文 are set. */
export const fixedLines = (points = BODY_LINE) => ({ line: twips(points), lineRule: LineRuleType.EXACT });

/** What the 目录 lists: a heading's text, its level (1 part, 2 section or table) and its bookmark. */
export interface ContentsEntry {
  text: string;
  level: 1 | 2;
  bookmark: string;
}

/** Hands out bookmark names and records each bookmarked heading for the 目录, in document order. */
export class ContentsCollector {
  readonly entries: ContentsEntry[] = [];

  /** Word's hidden-bookmark form (a leading underscore), at most 40 characters. */
  mark(text: string, level: 1 | 2): string {
    const bookmark = `_RefBw${String(this.entries.length + 1).padStart(4, '0')}`;
    this.entries.push({ text, level, bookmark });
    return bookmark;
  }
}

/** A heading paragraph whose text is bookmarked and listed in the 目录. */
export function markedHeading(
  contents: ContentsCollector,
  text: string,
  level: 1 | 2,
  look: RunLook,
  options: Omit<IParagraphOptions, 'children' | 'heading'> & { heading: (typeof HeadingLevel)[keyof typeof HeadingLevel] },
  /** The 目录 line when it differs from the heading (表一 2024年预算收支总表). */
  listedAs = text,
): Paragraph {
  const id = contents.mark(listedAs, level);
  return new Paragraph({ ...options, children: [new Bookmark({ id, children: [run(text, look)] })] });
}

export const centred = AlignmentType.CENTER;
