// Book → the whole disclosure document (部门预算公开) as a Word document: cover, 目录, then the family's parts in the
// family's order (src/shared/template/document-outline.ts) — 部门概况, every template table as the Excel export lays it
// out, the clerk's 情况说明, 名词解释 — then the book's 绩效目标表 as 附件. The cover and the 目录 carry no page number;
// numbering starts at the first part.
import { Document, Footer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { Book } from '../../../shared/book';
import { planTable, type TablePlan } from '../../../shared/export/layout';
import { DOCUMENT_TEXT } from '../../../shared/strings';
import { planDocument, type DocumentPlan } from '../../../shared/template/document-plan';
import { findFamily } from '../../../shared/template/registry';
import { FONT_TABLE, FONTS, halfPoints, SIZES, twips } from './look';
import { allScripts, centred, ContentsCollector } from './runs';
import { performanceSections } from './performance-section';
import { tableSection } from './table-section';
import { contentsSection, coverSection, textPartSection } from './text-sections';

export interface BuiltDocument {
  document: Document;
  plan: DocumentPlan;
  /** The tables as printed, in document order (what the tests compare with the workbook). */
  tables: TablePlan[];
}

export function buildDocument(book: Book): BuiltDocument {
  const family = findFamily(book.familyId);
  if (!family) throw new Error(`未知的模板「${book.familyId}」，无法生成公开文档。`);
  const plan = planDocument(book, family, DOCUMENT_TEXT.noNarrative);
  const contents = new ContentsCollector();
  const sections: ISectionOptions[] = [];
  const tables: TablePlan[] = [];
  for (const part of plan.parts) {
    const firstNumbered = sections.length === 0;
    if (part.content.kind !== 'tables') {
      sections.push(textPartSection({ part, contents, footer: pageFooter(), firstNumbered }));
      continue;
    }
    part.content.tables.forEach(({ def, entry }, i) => {
      const table = planTable(book, def, book.tables.find((t) => t.tableId === def.id), family, 'print');
      tables.push(table);
      sections.push(tableSection({ plan: table, entry, ...(i === 0 ? { partHeading: part.heading } : {}), contents, footer: pageFooter(), firstNumbered: firstNumbered && i === 0 }));
    });
  }
  // The 绩效目标表 as 附件 after every part, when the book has them.
  sections.push(...performanceSections({ book, contents, footer: pageFooter }));
  const document = new Document({
    title: plan.name,
    creator: '预算公开工作台',
    description: plan.name,
    // The 目录's page references are filled in by Word when it updates the fields on opening.
    features: { updateFields: true },
    styles: STYLES,
    sections: [coverSection(plan.cover), contentsSection(contents.entries), ...sections],
  });
  return { document, plan, tables };
}

/** 「- 3 -」 centred at the foot of every numbered page; each section gets its own, as Word links none across. */
function pageFooter(): ISectionOptions['footers'] {
  const look = { font: allScripts(FONTS.table), size: halfPoints(SIZES.pageNumber) };
  const [before, after] = DOCUMENT_TEXT.pageNumber;
  return { default: new Footer({ children: [new Paragraph({ alignment: centred, children: [new TextRun({ ...look, children: [before, PageNumber.CURRENT, after] })] })] }) };
}

/** Heading styles in the document's fonts (black, upright), so Word's navigation pane and a rebuilt 目录 use them. */
const heading = (font: string, size: number) => ({ run: { font: allScripts(font), size: halfPoints(size), color: '000000', bold: false, italics: false }, paragraph: { spacing: { before: 0, after: 0 } } });
const STYLES = {
  default: {
    document: { run: { font: allScripts(FONTS.body), size: halfPoints(SIZES.body) } },
    heading1: heading(FONTS.title, SIZES.partTitle),
    heading2: heading(FONTS.heading, SIZES.body),
    heading3: heading(FONTS.subheading, SIZES.body),
  },
  paragraphStyles: [
    { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { font: allScripts(FONTS.heading), size: halfPoints(SIZES.contentsEntry) }, paragraph: { spacing: { line: twips(24), lineRule: 'exact' as const } } },
    { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { font: allScripts(FONTS.body), size: halfPoints(SIZES.contentsEntry) }, paragraph: { indent: { left: twips(2 * SIZES.contentsEntry) }, spacing: { line: twips(24), lineRule: 'exact' as const } } },
  ],
};

/** The font table with fall-backs (仿宋_GB2312 → 仿宋 …), written over the empty one docx makes. */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}
