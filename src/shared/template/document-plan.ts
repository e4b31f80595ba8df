// One book's disclosure document as plain data: the family's outline (document-outline.ts) filled in — part numbers,
// year, department, the tables' 目录 lines — and the clerk's 情况说明 shared out among the outline's parts by its own
// headings. Pure: src/main/export/document paints this plan as .docx.
import type { Book } from '../book';
import { chineseNumeral, tableLabel } from '../labels';
import { GLOSSARIES } from '../narrative/glossary';
import { documentOutline, type DocumentOutline, type OutlinePart } from './document-outline';
import { substituteYear, type TableDef, type TemplateFamily } from './types';

// ---- the narrative's own headings ----------------------------------------------------------------------------------

/** 'part' 第四部分 …, 1 一、…, 2 （一）…, 3 1. …; 0 an ordinary paragraph. */
export type NarrativeLevel = 'part' | 1 | 2 | 3 | 0;

const NUMERAL = '[一二三四五六七八九十百]+';
const HEADING_PATTERNS: [Exclude<NarrativeLevel, 0>, RegExp][] = [
  ['part', new RegExp(`^第${NUMERAL}部分`)],
  [1, new RegExp(`^${NUMERAL}、`)],
  [2, new RegExp(`^[（(]${NUMERAL}[）)]`)],
  [3, /^\d{1,2}\s*[.．、](?!\d)/],
];
/** Headings rank 'part' above 1 above 2 above 3. */
const RANK: Record<Exclude<NarrativeLevel, 0>, number> = { part: 0, 1: 1, 2: 2, 3: 3 };

/**
 * A paragraph is a heading when it starts with a heading number and reads as a title: short, with no full stop.
 * "一、收入预算情况说明" is a heading; "1、公共安全支出（204类）……1672.67万元。" is a paragraph; "六、财政专户管理资金："
 * introduces the paragraph after it. 上海 prints its part titles bare: 「名词解释」, 「2026年部门预算编制说明」.
 */
export function narrativeLevel(paragraph: string): NarrativeLevel {
  const text = paragraph.trim();
  if (text.length > 40 || /[。；;]/.test(text) || /[:：]$/.test(text)) return 0;
  const numbered = HEADING_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
  if (numbered !== undefined) return numbered;
  return text.length <= 30 && !/[，,:：]/.test(text) && /(说明|名词解释)$/.test(text) ? 1 : 0;
}

/** A heading's words without its number: "第四部分 名词解释" → "名词解释". */
export function headingWords(paragraph: string): string {
  return paragraph
    .trim()
    .replace(new RegExp(`^(第${NUMERAL}部分|${NUMERAL}、|[（(]${NUMERAL}[）)]|\\d{1,2}\\s*[.．、])`), '')
    .replace(/\s+/g, '');
}

/**
 * The narrative's own 名词解释, taken out: from its heading to the next heading of the same rank or higher. It is
 * printed where the family's outline puts 名词解释 (上海: before the 编制说明), the rest as the 情况说明.
 */
export function splitGlossary(paragraphs: readonly string[]): { glossary?: string[]; rest: string[] } {
  const start = paragraphs.findIndex((p) => narrativeLevel(p) !== 0 && headingWords(p) === '名词解释');
  if (start < 0) return { rest: [...paragraphs] };
  const level = narrativeLevel(paragraphs[start] ?? '') as Exclude<NarrativeLevel, 0>;
  const after = paragraphs.slice(start + 1).findIndex((p) => {
    const other = narrativeLevel(p);
    return other !== 0 && RANK[other] <= RANK[level];
  });
  const end = after < 0 ? paragraphs.length : start + 1 + after;
  return { glossary: paragraphs.slice(start + 1, end), rest: [...paragraphs.slice(0, start), ...paragraphs.slice(end)] };
}

/**
 * The narrative shared out among the outline's narrative parts, in order: a heading ending in a later part's title
 * (「其他相关情况说明」, 「人民调解项目经费情况说明」) starts that part; the heading is dropped when it is only the
 * part's title. Everything before the first such heading belongs to the first narrative part.
 */
function shareNarrative(paragraphs: readonly string[], titles: readonly string[]): string[][] {
  const shares = titles.map((): string[] => []);
  let current = 0;
  for (const paragraph of paragraphs) {
    const words = narrativeLevel(paragraph) === 0 ? undefined : headingWords(paragraph);
    const later = words === undefined ? -1 : titles.findIndex((title, i) => i > 0 && words.endsWith(title));
    if (later > 0) {
      current = later;
      if (words === titles[later]) continue;
    }
    shares[current]?.push(paragraph);
  }
  return shares;
}

// ---- the plan --------------------------------------------------------------------------------------------------------

export interface NarrativeBlock {
  text: string;
  level: NarrativeLevel;
}

export type PlannedContent =
  | { kind: 'about'; sections: { heading?: string; text: string }[] }
  | { kind: 'tables'; tables: { def: TableDef; entry: string }[] }
  | { kind: 'narrative'; blocks: NarrativeBlock[] }
  | { kind: 'glossary'; entries: { heading: string; text: string }[] };

export interface PlannedPart {
  heading: string;
  content: PlannedContent;
}

export interface DocumentPlan {
  name: string;
  cover: { title: string[]; lines: string[] };
  parts: PlannedPart[];
}

interface PlanContext {
  book: Book;
  family: TemplateFamily;
  outline: DocumentOutline;
  section: (n: number) => string;
}

/**
 * One book's disclosure, planned: the narrative's own 名词解释 takes the place of the standard one; an optional narrative part
 * with nothing to print is left out, and the parts are numbered as printed.
 */
export function planDocument(book: Book, family: TemplateFamily, narrativePlaceholder: string): DocumentPlan {
  const outline = documentOutline(family.id);
  const fill = (text: string) => substituteYear(text, book.year).replace(/\{department\}/g, book.department);
  const ctx: PlanContext = { book, family, outline, section: (n) => (outline.sectionNumbering === 'ordinal' ? `${chineseNumeral(n)}、` : `（${chineseNumeral(n)}）`) };
  const narrative = splitGlossary((book.narrative?.paragraphs ?? []).map((p) => p.trim()).filter(Boolean));
  // Without a 名词解释 part in the outline, the narrative's own stays in the narrative.
  const hasGlossaryPart = outline.parts.some((part) => part.content.kind === 'glossary');
  const paragraphs = narrative.glossary && !hasGlossaryPart ? [...narrative.rest, '名词解释', ...narrative.glossary] : narrative.rest;
  const narrativeParts = outline.parts.filter((part) => part.content.kind === 'narrative');
  const shares = shareNarrative(paragraphs, narrativeParts.map((part) => fill(part.title).replace(/\s+/g, '')));

  const planned = outline.parts.flatMap((part): { part: OutlinePart; title: string; content: PlannedContent }[] => {
    const title = fill(part.title);
    if (part.content.kind === 'narrative') {
      const share = shares[narrativeParts.indexOf(part)] ?? [];
      if (part.optional && share.length === 0) return [];
      return [{ part, title, content: { kind: 'narrative', blocks: narrativeBlocks(share, title, narrativePlaceholder) } }];
    }
    if (part.content.kind === 'glossary' && narrative.glossary?.length) return [{ part, title, content: { kind: 'narrative', blocks: narrativeBlocks(narrative.glossary, title, '') } }];
    return [{ part, title, content: plannedContent(part, ctx) }];
  });
  let number = 0;
  const parts = planned.map(({ part, title, content }): PlannedPart => {
    if (part.unnumbered) return { heading: title, content };
    number++;
    return { heading: outline.partNumbering === 'part' ? `第${chineseNumeral(number)}部分 ${title}` : `${chineseNumeral(number)}、${title}`, content };
  });
  return { name: fill(outline.name), cover: { title: outline.cover.title.map(fill), lines: outline.cover.lines.map(fill) }, parts };
}

function plannedContent(part: OutlinePart, ctx: PlanContext): PlannedContent {
  const content = part.content;
  switch (content.kind) {
    case 'about':
      return { kind: 'about', sections: content.sections.map((s, i) => ({ ...(s.title ? { heading: `${ctx.section(i + 1)}${s.title}` } : {}), text: s.placeholder })) };
    case 'tables':
      return {
        kind: 'tables',
        tables: ctx.family.tables.map((def) => ({
          def,
          entry: ctx.outline.tableEntry
            .replace('{label}', tableLabel(ctx.family, def.no))
            .replace('{chinese}', chineseNumeral(def.no))
            .replace('{no}', String(def.no))
            .replace('{title}', substituteYear(def.title, ctx.book.year)),
        })),
      };
    case 'glossary':
      return { kind: 'glossary', entries: GLOSSARIES[ctx.outline.glossary].map((entry, i) => ({ heading: `${ctx.section(i + 1)}${entry.term}：`, text: entry.definition })) };
    case 'narrative':
      return { kind: 'narrative', blocks: [] }; // shared out in planDocument
  }
}

/**
 * A narrative part's paragraphs. The first is dropped when it is the part's own title: 「第三部分 2024年度部门预算
 * 情况说明」 under our 第三部分, 「2026年部门预算编制说明」 under 四、部门预算编制说明 — but not 「人民调解项目经费
 * 情况说明」 under 七、项目经费情况说明, which names its project.
 */
function narrativeBlocks(paragraphs: readonly string[], title: string, placeholder: string): NarrativeBlock[] {
  const [first = '', ...rest] = paragraphs;
  const level = narrativeLevel(first);
  const words = headingWords(first);
  const ownTitle = words.replace(/^\d{4}年度?/, '') === title.replace(/\s+/g, '').replace(/^\d{4}年度?/, '');
  const repeatsTitle = level !== 0 && (ownTitle || (level === 'part' && /(情况|编制)说明$/.test(words)));
  const kept = repeatsTitle ? rest : paragraphs;
  if (kept.length === 0) return placeholder ? [{ text: placeholder, level: 0 }] : [];
  return kept.map((text) => ({ text, level: narrativeLevel(text) }));
}
