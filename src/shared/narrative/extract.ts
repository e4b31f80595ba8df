// The 情况说明 of a whole published text: a published disclosure (or a seed .txt, or a .docx) holds the 概况, the tables and
// the narrative one after the other; the book's narrative is the text that explains the figures. Pure: paragraphs in,
// the narrative's paragraphs out, with the headings that started and stopped each kept part (for tests and notices).
//
// The document is cut into parts at its part headings:
//   「第三部分 2024年度部门预算情况说明」, 「## 第二部分」+「新乡市…部门预算情况说明」, 「第三部分…部门决算」+「情况说明」
//   (a heading the PDF wrapped onto two lines), and the unnumbered headings of the 上海 documents: 「名词解释」,
//   「2025年部门预算编制说明」, 「其他相关情况说明」, 「…项目经费情况说明」, 「…主要职能」, 「…机构设置」, 「附件：」.
// Parts that explain (情况说明, 编制说明) and the 名词解释 are kept; 概况, 报表 and 附件 parts are not. Inside a kept
// part, tables are dropped: table rows (tab-separated cells) and a table's title, 编制部门/单位 lines and 注 under it,
// runs of six or more short lines (a table converted one cell per line), and page numbers.
// Decisions:
//   - No explaining heading at all: the text is a narrative already, kept whole (tables included).
//   - Only numbered headings (「二、收入预算情况说明」) explain: the narrative starts at the first of them.
//   - A table of contents names the same headings: a heading is an entry of one (and ignored) when it has leader dots
//     or a page number, when the same heading appears again further on, or when no sentence follows it before the
//     next heading.

export type PartKind = 'narrative' | 'glossary' | 'tables' | 'overview' | 'other';

export interface ExtractedPart {
  /** The heading as the document prints it (two paragraphs joined when it was wrapped). */
  heading: string;
  kind: 'narrative' | 'glossary';
  /** Index of the heading among the paragraphs given. */
  at: number;
  /** The heading of the part that followed it; absent: it ran to the end. */
  endedBy?: string;
}

export interface NarrativeExtract {
  paragraphs: string[];
  /** False: the text names no 情况说明 part and was kept whole. */
  found: boolean;
  parts: ExtractedPart[];
}

interface Heading {
  at: number;
  /** Paragraphs the heading takes (2 when wrapped). */
  span: number;
  text: string;
  title: string;
  kind: PartKind;
}

const MAX_HEADING = 60;
/** A table printed one cell per line: that many short lines in a row are cells, not paragraphs. */
const MAX_CELL = 24;
const MIN_CELL_RUN = 6;
const CN_NUMBER = '一二三四五六七八九十百零〇';
const PART = new RegExp(`^第[${CN_NUMBER}\\d]+部分[:：、.．]?`);
const NUMBERED = new RegExp(`^(?:[${CN_NUMBER}]+[、.．]|[（(][${CN_NUMBER}\\d]+[)）]|\\d+[、.．](?!\\d)|[①-⑳])`);
const LEADERS = /\.{3,}|…{2,}|·{3,}|．{3,}|-{4,}/;
const PAGE_NUMBER = /[\t ]+\d{1,3}$/;
const TABLE_TITLE = /表$|表[（(][^（()）]*[)）]$/;
/** A page number left by the conversion: 「3」, 「- 3 -」, 「第 3 页」. */
const PAGE_ONLY = /^[\s\-—–]*(?:第\s*)?\d{1,3}(?:\s*页)?[\s\-—–]*$/;

/** The text compared: Markdown marks, spaces and full-width spaces removed. */
export function compactText(paragraph: string): string {
  return paragraph
    .replace(/^\s*(?:#{1,6}\s+|[-*]\s+)/, '')
    .replace(/\*\*/g, '')
    .replace(/[\s\u3000]+/g, '');
}

const isTableRow = (paragraph: string): boolean => paragraph.includes('\t');

/** A line that reads as a heading: short, no sentence in it, no table cells. */
function headingLike(paragraph: string): boolean {
  if (paragraph.includes('\t')) return false;
  const compact = compactText(paragraph);
  return compact.length > 0 && compact.length <= MAX_HEADING && !/[。，；;]/.test(compact);
}

/** A paragraph of running text (what a real heading is followed by; a table of contents has none). */
const isBody = (paragraph: string): boolean => compactText(paragraph).length > 0 && !headingLike(paragraph) && !isTableRow(paragraph);

const isTocEntry = (paragraph: string): boolean => LEADERS.test(paragraph) || PAGE_NUMBER.test(paragraph.trimEnd());

/** What a part's title says it holds. */
export function partKind(title: string): PartKind {
  if (/情况说明|编制说明/.test(title)) return 'narrative';
  if (/名词解释/.test(title)) return 'glossary';
  if (/^(?:附件|附表)/.test(title) || TABLE_TITLE.test(title) || /报表$/.test(title)) return 'tables';
  if (/概况|主要职能|主要职责|职责$|机构设置|单位构成|部门构成/.test(title)) return 'overview';
  return 'other';
}

/** The part heading starting at `at`, if it is one (table-of-contents entries not yet ruled out). */
function partHeading(paragraphs: readonly string[], at: number): Heading | undefined {
  const paragraph = paragraphs[at] ?? '';
  if (!headingLike(paragraph) || isTocEntry(paragraph)) return undefined;
  const compact = compactText(paragraph);
  const numbered = PART.exec(compact);
  if (numbered) {
    let title = compact.slice(numbered[0].length);
    let span = 1;
    const next = paragraphs[at + 1];
    // 「## 第二部分」 over its title, or a title the PDF wrapped: 「…部门决算」 +「情况说明」.
    if (partKind(title) === 'other' && next !== undefined && headingLike(next) && !isTocEntry(next)) {
      const more = compactText(next);
      if (!PART.test(more) && !NUMBERED.test(more) && more.length <= 40) {
        title += more;
        span = 2;
      }
    }
    const text = paragraphs.slice(at, at + span).map((p) => p.trim()).join('');
    return { at, span, text, title, kind: partKind(title) };
  }
  if (NUMBERED.test(compact) || compact.length > 40) return undefined;
  const kind = partKind(compact);
  // An unnumbered table title is a table inside a part, not a part; 「附件：」 and 「…报表」 start one.
  if (kind === 'other' || (kind === 'tables' && !/^(?:附件|附表)|报表$/.test(compact))) return undefined;
  return { at, span: 1, text: paragraph.trim(), title: compact, kind };
}

/** A numbered heading that explains (「二、收入预算情况说明」): where the narrative starts when no part heading does. */
function sectionHeading(paragraphs: readonly string[], at: number): Heading | undefined {
  const paragraph = paragraphs[at] ?? '';
  if (!headingLike(paragraph) || isTocEntry(paragraph)) return undefined;
  const compact = compactText(paragraph);
  if (!NUMBERED.test(compact) || partKind(compact) !== 'narrative') return undefined;
  return { at, span: 1, text: paragraph.trim(), title: compact, kind: 'narrative' };
}

/**
 * Table-of-contents entries out: a heading that appears again later, or that no sentence follows before the next
 * heading of the list.
 */
function realHeadings(paragraphs: readonly string[], found: readonly Heading[]): Heading[] {
  return found.filter((heading, i) => {
    if (found.slice(i + 1).some((later) => later.title === heading.title)) return false;
    const end = found[i + 1]?.at ?? paragraphs.length;
    for (let j = heading.at + heading.span; j < end; j++) if (isBody(paragraphs[j] ?? '')) return true;
    return false;
  });
}

/** Where the table that starts at `at` ends (exclusive), or `at` when the paragraph starts no table. */
function tableEnd(paragraphs: readonly string[], at: number, headingAt: ReadonlySet<number>): number {
  const title = paragraphs[at] ?? '';
  if (!isTableRow(title)) {
    if (!headingLike(title) || NUMBERED.test(compactText(title)) || !TABLE_TITLE.test(compactText(title))) return at;
    // A title is a table's only when rows follow it soon (after 编制部门, 单位, 年度 lines).
    let rowAt = -1;
    for (let j = at + 1; j < Math.min(paragraphs.length, at + 8); j++) {
      const p = paragraphs[j] ?? '';
      if (isTableRow(p)) {
        rowAt = j;
        break;
      }
      if (!headingLike(p) || headingAt.has(j) || NUMBERED.test(compactText(p))) break;
    }
    if (rowAt < 0) return at;
  }
  let j = at + 1;
  for (; j < paragraphs.length; j++) {
    const p = paragraphs[j] ?? '';
    if (headingAt.has(j)) break;
    if (isTableRow(p) || /^注[:：]/.test(compactText(p))) continue;
    if (!headingLike(p) || NUMBERED.test(compactText(p))) break;
    // A short line between rows (单位：万元, a header line without cells, the next table's title) goes with them.
  }
  return j;
}

/** A table's cell on a line of its own (a table converted one cell per line): short, no sentence, no numbering. */
function cellLike(paragraph: string): boolean {
  const compact = compactText(paragraph);
  return compact.length > 0 && compact.length <= MAX_CELL && !paragraph.includes('\t') && !/[。；;]/.test(compact) && !NUMBERED.test(compact);
}

/** Where a run of at least MIN_CELL_RUN cell-like lines starting at `at` ends, or `at` when none starts there. */
function cellRunEnd(paragraphs: readonly string[], at: number, headingAt: ReadonlySet<number>): number {
  let j = at;
  while (j < paragraphs.length && !headingAt.has(j) && cellLike(paragraphs[j] ?? '')) j++;
  return j - at >= MIN_CELL_RUN ? j : at;
}

export function extractNarrative(paragraphs: readonly string[]): NarrativeExtract {
  const parts: Heading[] = [];
  const sections: Heading[] = [];
  for (let at = 0; at < paragraphs.length; at++) {
    const part = partHeading(paragraphs, at);
    if (part) parts.push(part);
    else {
      const section = sectionHeading(paragraphs, at);
      if (section) sections.push(section);
    }
  }
  const headings = realHeadings(paragraphs, parts);
  let start = headings.find((h) => h.kind === 'narrative');
  if (!start) {
    const realSections = realHeadings(paragraphs, [...parts, ...sections].sort((a, b) => a.at - b.at)).filter((h) => sections.includes(h));
    start = realSections[0];
    if (start) headings.push(start);
    headings.sort((a, b) => a.at - b.at);
  }
  if (!start) return { paragraphs: [...paragraphs], found: false, parts: [] };

  const headingAt = new Set(headings.map((h) => h.at));
  const byIndex = new Map(headings.map((h) => [h.at, h]));
  const kept: string[] = [];
  const out: ExtractedPart[] = [];
  let current: ExtractedPart | undefined;
  let keeping = false;
  for (let at = 0; at < paragraphs.length; at++) {
    const heading = byIndex.get(at);
    if (heading) {
      if (current) current.endedBy = heading.text;
      current = undefined;
      // Parts before the narrative's start stay out, except the 名词解释 (上海 prints it before the 编制说明).
      keeping = heading.kind === 'narrative' || heading.kind === 'glossary';
      if (keeping) {
        current = { heading: heading.text, kind: heading.kind as ExtractedPart['kind'], at };
        out.push(current);
        for (let j = at; j < at + heading.span; j++) kept.push(paragraphs[j] as string);
      }
      at += heading.span - 1;
      continue;
    }
    if (!keeping) continue;
    const end = Math.max(tableEnd(paragraphs, at, headingAt), cellRunEnd(paragraphs, at, headingAt));
    if (end > at) {
      at = end - 1;
      continue;
    }
    if (PAGE_ONLY.test(paragraphs[at] as string)) continue;
    kept.push(paragraphs[at] as string);
  }
  return { paragraphs: kept, found: true, parts: out };
}

/** How much narrative a book holds: far above any real 情况说明 (a few hundred paragraphs, under 100,000 characters). */
export const NARRATIVE_LIMITS = {
  paragraphs: 5_000,
  /** Characters (UTF-16 units) in one paragraph. */
  paragraphLength: 20_000,
  /** Characters in all paragraphs together. */
  totalLength: 1_000_000,
  /** The source's name. */
  sourceLength: 255,
} as const;

/** Why these paragraphs cannot be a book's narrative (Chinese), or undefined when they can. */
export function narrativeSizeProblem(paragraphs: readonly string[]): string | undefined {
  if (paragraphs.length > NARRATIVE_LIMITS.paragraphs) return `情况说明有 ${paragraphs.length} 段，超过 ${NARRATIVE_LIMITS.paragraphs} 段的上限`;
  const long = paragraphs.findIndex((p) => p.length > NARRATIVE_LIMITS.paragraphLength);
  if (long >= 0) return `情况说明第 ${long + 1} 段超过 ${NARRATIVE_LIMITS.paragraphLength} 字的上限`;
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  if (total > NARRATIVE_LIMITS.totalLength) return `情况说明共 ${total} 字，超过 ${NARRATIVE_LIMITS.totalLength} 字的上限`;
  return undefined;
}
