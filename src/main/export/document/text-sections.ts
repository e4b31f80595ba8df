// The text of the document: the cover, the 目录, and the parts set as prose (部门概况, 情况说明, 名词解释), in the
// manner of official documents — 方正小标宋 titles, 黑体 一、 headings, 楷体 （一） headings, 仿宋 body indented two
// characters on fixed 28 pt lines.
import { AlignmentType, HeadingLevel, LeaderType, PageReference, Paragraph, TabStopType, type ISectionOptions } from 'docx';
import type { NarrativeBlock, PlannedContent, PlannedPart } from '../../../shared/template/document-plan';
import { DOCUMENT_TEXT } from '../../../shared/strings';
import { A4, FONTS, SIZES, TEXT_MARGINS, textWidth, twips } from './look';
import { centred, fixedLines, markedHeading, run, type ContentsCollector, type ContentsEntry } from './runs';

const PORTRAIT = { size: { width: A4.width, height: A4.height }, margin: TEXT_MARGINS } as const;
const BODY = { font: FONTS.body, size: SIZES.body } as const;
/** Two characters of body text: the first-line indent of every paragraph and heading. */
const INDENT = { firstLine: twips(2 * SIZES.body) };

export function coverSection(cover: { title: string[]; lines: string[] }): ISectionOptions {
  const titles = cover.title.map((line, i) => new Paragraph({ alignment: centred, spacing: { ...fixedLines(SIZES.cover * 1.6), ...(i === 0 ? { before: twips(150) } : {}) }, children: [run(line, { font: FONTS.title, size: SIZES.cover })] }));
  const lines = cover.lines.map((line, i) => new Paragraph({ alignment: centred, spacing: { ...fixedLines(), ...(i === 0 ? { before: twips(90) } : {}) }, children: [run(line, { font: FONTS.body, size: SIZES.body, bold: true })] }));
  return { properties: { page: PORTRAIT }, children: [...titles, ...lines] };
}

/**
 * The 目录 as plain lines (it reads right as it is), each ending in a page reference to its heading's bookmark:
 * LibreOffice and WPS fill in the page while laying out, Word when it updates fields (the document asks it to).
 */
export function contentsSection(entries: readonly ContentsEntry[]): ISectionOptions {
  const width = textWidth(TEXT_MARGINS, 'portrait');
  const lines = entries.map(
    (entry) =>
      new Paragraph({
        style: entry.level === 1 ? 'TOC1' : 'TOC2',
        tabStops: [{ type: TabStopType.RIGHT, position: twips(width), leader: LeaderType.DOT }],
        children: [run(entry.text, { font: entry.level === 1 ? FONTS.heading : FONTS.body, size: SIZES.contentsEntry }), run('\t', { font: FONTS.body, size: SIZES.contentsEntry }), new PageReference(entry.bookmark)],
      }),
  );
  const title = new Paragraph({ alignment: centred, spacing: { after: twips(SIZES.contentsTitle) }, children: [run(DOCUMENT_TEXT.contents, { font: FONTS.title, size: SIZES.contentsTitle })] });
  return { properties: { page: PORTRAIT }, children: [title, ...lines] };
}

export interface TextPartInput {
  part: PlannedPart;
  contents: ContentsCollector;
  footer: ISectionOptions['footers'];
  firstNumbered: boolean;
}

export function textPartSection({ part, contents, footer, firstNumbered }: TextPartInput): ISectionOptions {
  return {
    properties: { page: { ...PORTRAIT, ...(firstNumbered ? { pageNumbers: { start: 1 } } : {}) } },
    footers: footer,
    children: [partHeading(contents, part.heading), ...partText(part.content, contents)],
  };
}

function partHeading(contents: ContentsCollector, text: string, newPage = false): Paragraph {
  return markedHeading(contents, text, 1, { font: FONTS.title, size: SIZES.partTitle }, { heading: HeadingLevel.HEADING_1, alignment: centred, pageBreakBefore: newPage, spacing: { ...fixedLines(SIZES.partTitle * 1.6), after: twips(SIZES.body) } });
}

function sectionHeading(contents: ContentsCollector, text: string): Paragraph {
  return markedHeading(contents, text, 2, { font: FONTS.heading, size: SIZES.body }, { heading: HeadingLevel.HEADING_2, indent: INDENT, keepNext: true, spacing: fixedLines() });
}

const body = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: INDENT, spacing: fixedLines(), children: [run(text, { ...BODY, bold })] });

function partText(content: PlannedContent, contents: ContentsCollector): Paragraph[] {
  switch (content.kind) {
    case 'about':
      return content.sections.flatMap((s) => [...(s.heading ? [sectionHeading(contents, s.heading)] : []), body(s.text)]);
    case 'glossary':
      return content.entries.map(
        (entry) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: INDENT, spacing: fixedLines(), children: [run(entry.heading, { font: FONTS.heading, size: SIZES.body }), run(entry.text, BODY)] }),
      );
    case 'narrative':
      return content.blocks.map((block) => narrativeParagraph(block, contents));
    case 'tables':
      return []; // set as table sections of their own
  }
}

/** The clerk's paragraph as its heading number says: 第X部分 a part, 一、 黑体, （一） 楷体, 1. bold. */
function narrativeParagraph(block: NarrativeBlock, contents: ContentsCollector): Paragraph {
  switch (block.level) {
    case 'part':
      return partHeading(contents, block.text, true);
    case 1:
      return sectionHeading(contents, block.text);
    case 2:
      return new Paragraph({ heading: HeadingLevel.HEADING_3, indent: INDENT, keepNext: true, spacing: fixedLines(), children: [run(block.text, { font: FONTS.subheading, size: SIZES.body })] });
    case 3:
      return body(block.text, true);
    default:
      return body(block.text);
  }
}
