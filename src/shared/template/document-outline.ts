// The parts of a published disclosure document and their order, per template family, as data: 山西 and 决算 print
// 第一部分 概况 / 第二部分 报表 / 第三部分 情况说明 / 第四部分 名词解释; 上海 numbers its parts 一、… and puts 名词解释
// and 编制说明 before the tables and 其他相关情况说明 after them; 河南 appends the tables as 附件. `planDocument`
// (document-plan.ts) fills an outline in for one book; src/main/export/document paints the plan as .docx.
// Pure: no Node, no DOM.
import type { GlossaryId } from '../narrative/glossary';
import type { FamilyId } from './registry';

/** One heading of 部门概况 (职能, 机构设置) with what is printed while the book holds no text for it. */
export interface AboutSection {
  /** Absent when the part itself is the section (上海: 一、部门主要职能). */
  title?: string;
  placeholder: string;
}

export type PartContent = { kind: 'about'; sections: readonly AboutSection[] } | { kind: 'tables' } | { kind: 'narrative' } | { kind: 'glossary' };

export interface OutlinePart {
  /** Without its number; `{year}` and `{department}` are filled in. */
  title: string;
  content: PartContent;
  /** Printed as it is, without a number (河南's 附件). */
  unnumbered?: boolean;
  /**
   * A later narrative part (上海: 六、其他相关情况说明, 七、项目经费情况说明): the narrative's paragraphs from a heading
   * ending in this title on go here, and the part is printed only when it gets some.
   */
  optional?: boolean;
}

export interface DocumentOutline {
  /** The document's name: file name, properties, and what the cover says. */
  name: string;
  /** The cover: large title lines, then smaller lines under them (上海: 预算主管部门：…). */
  cover: { title: readonly string[]; lines: readonly string[] };
  /** 'part': 第一部分 概况; 'ordinal': 一、部门主要职能. */
  partNumbering: 'part' | 'ordinal';
  /** Headings inside a part and glossary entries: 'ordinal' 一、 or 'bracketed' （一）. */
  sectionNumbering: 'ordinal' | 'bracketed';
  /** A table's line in the 目录: `{label}` 表一 / 表1, `{chinese}` 一, `{no}` 1, `{title}` the printed title. */
  tableEntry: string;
  glossary: GlossaryId;
  parts: readonly OutlinePart[];
}

const about = (...sections: AboutSection[]): PartContent => ({ kind: 'about', sections });

/** 山西 (seed 000) and any family without an outline of its own. */
export const DEFAULT_OUTLINE: DocumentOutline = {
  name: '{department}{year}年部门预算公开',
  cover: { title: ['{department}', '{year}年部门预算公开'], lines: [] },
  partNumbering: 'part',
  sectionNumbering: 'ordinal',
  tableEntry: '{label} {title}',
  glossary: 'budget',
  parts: [
    { title: '概况', content: about({ title: '本部门职责', placeholder: '【请填写部门主要职能】' }, { title: '机构设置情况', placeholder: '【请填写机构设置情况】' }) },
    { title: '{year}年部门预算报表', content: { kind: 'tables' } },
    { title: '{year}年度部门预算情况说明', content: { kind: 'narrative' } },
    { title: '名词解释', content: { kind: 'glossary' } },
  ],
};

/** 上海 (real 2026 documents): 目录, then 一、职能 … 五、预算表, 六、其他相关情况说明, 七、项目经费情况说明. */
function shanghai(who: '部门' | '单位', coverLine: string): DocumentOutline {
  return {
    name: `{department}{year}年${who}预算`,
    cover: { title: [`{year}年${who}预算`], lines: [coverLine] },
    partNumbering: 'ordinal',
    sectionNumbering: 'bracketed',
    tableEntry: '{no}. {title}',
    glossary: 'budget',
    parts: [
      { title: `${who}主要职能`, content: about({ placeholder: `【请填写${who}主要职能】` }) },
      { title: `${who}机构设置`, content: about({ placeholder: `【请填写${who}机构设置情况】` }) },
      { title: '名词解释', content: { kind: 'glossary' } },
      { title: `${who}预算编制说明`, content: { kind: 'narrative' } },
      { title: `${who}预算表`, content: { kind: 'tables' } },
      { title: '其他相关情况说明', content: { kind: 'narrative' }, optional: true },
      { title: '项目经费情况说明', content: { kind: 'narrative' }, optional: true },
    ],
  };
}

const OUTLINES: Partial<Record<FamilyId, DocumentOutline>> = {
  'shanxi-2024': DEFAULT_OUTLINE,
  'shanghai-2026-department': shanghai('部门', '预算主管部门：{department}'),
  'shanghai-2026-unit': shanghai('单位', '预算单位：{department}'),
  // 河南 (seed 003): 概况, 情况说明, 名词解释, then the tables as 附件.
  'henan-2024': {
    ...DEFAULT_OUTLINE,
    tableEntry: '{chinese}、{title}',
    parts: [
      { title: '{department}概况', content: about({ title: '主要职责', placeholder: '【请填写部门主要职能】' }, { title: '部门所属预算单位构成情况', placeholder: '【请填写机构设置情况】' }) },
      { title: '{department}{year}年部门预算情况说明', content: { kind: 'narrative' } },
      { title: '名词解释', content: { kind: 'glossary' } },
      { title: '附件：{department}{year}年部门预算表', content: { kind: 'tables' }, unnumbered: true },
    ],
  },
  // 决算 (上海 普陀 决算 documents, seed 002).
  'mof-final-accounts': {
    ...DEFAULT_OUTLINE,
    name: '{department}{year}年度部门决算公开',
    cover: { title: ['{department}', '{year}年度部门决算'], lines: [] },
    tableEntry: '{chinese}、{title}',
    glossary: 'finalAccounts',
    parts: [
      { title: '{department}概况', content: about({ title: '主要职能', placeholder: '【请填写部门主要职能】' }, { title: '部门决算单位构成', placeholder: '【请填写机构设置情况】' }) },
      { title: '{department}{year}年度部门决算表', content: { kind: 'tables' } },
      { title: '{department}{year}年度部门决算情况说明', content: { kind: 'narrative' } },
      { title: '名词解释', content: { kind: 'glossary' } },
    ],
  },
};

export function documentOutline(familyId: string): DocumentOutline {
  return (OUTLINES as Partial<Record<string, DocumentOutline>>)[familyId] ?? DEFAULT_OUTLINE;
}
