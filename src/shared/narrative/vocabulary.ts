// What the words of a narrative mean in the tables, per family: data, not code. A subject phrase names one table
// figure; function classes are found by their catalogue names in the table the sentence is about.
import type { SideId } from '../cell';

export interface FigureRef {
  table: string;
  side?: SideId;
  row: string;
  column: string;
}

export interface SubjectDef {
  id: string;
  /** Phrases as printed; the longest one found before a figure wins. */
  words: readonly string[];
  figure: FigureRef;
}

export interface NarrativeVocabulary {
  subjects: readonly SubjectDef[];
  /** Where a function class named in a sentence is read, by the table of the sentence's first figure. */
  classTables: readonly { whenTable?: string; table: string; side?: SideId; column: string }[];
  /** The word for the publisher: 部门 in a department's document, 单位 in a unit's. */
  entityWord: '部门' | '单位';
  /**
   * Phrases that name figures outside the tables (政府采购, 绩效 amounts, 河南's 机构运转经费): when one ends where a subject
   * phrase would, the figure is about it, not about the subject (「机构运转经费支出预算」 is not 「支出预算」).
   */
  outside?: readonly string[];
}

/** Figures every family's narrative states that no table holds. */
export const OUTSIDE_THE_TABLES: readonly string[] = [
  '机构运转经费支出预算',
  '机构运转经费',
  '政府采购预算总额',
  '政府采购预算',
  '政府采购货物预算',
  '政府采购工程预算',
  '政府采购服务预算',
  '政府采购',
  '涉及部门预算资金',
  '涉及资金',
  '共计金额',
  '涉及金额',
  '涉及项目金额',
  '授予中小企业合同金额',
  '国有资产',
  '资产总额',
  '原值',
];

const shanxi: NarrativeVocabulary = {
  entityWord: '部门',
  subjects: [
    { id: 'incomeGrandTotal', words: ['预算收入总计', '收入总计', '收入预算总计', '预算收入', '收入预算'], figure: { table: 't01', side: 'income', row: 'incomeGrandTotal', column: 'incomeAmount' } },
    { id: 'incomeTotal', words: ['本年收入'], figure: { table: 't01', side: 'income', row: 'incomeTotal', column: 'incomeAmount' } },
    { id: 'carryOver', words: ['上年结转'], figure: { table: 't01', side: 'income', row: 'carryOver', column: 'incomeAmount' } },
    { id: 'expGrandTotal', words: ['预算支出总计', '支出总计', '支出预算总计', '支出预算'], figure: { table: 't01', side: 'expenditure', row: 'expGrandTotal', column: 'expTotal' } },
    { id: 'expCurrent', words: ['本年预算安排'], figure: { table: 't01', side: 'expenditure', row: 'expTotal', column: 'expCurrent' } },
    { id: 'gpb', words: ['一般公共预算拨款收入', '一般公共预算拨款'], figure: { table: 't01', side: 'income', row: 'gpb', column: 'incomeAmount' } },
    { id: 'gfb', words: ['政府性基金预算拨款收入', '政府性基金预算拨款'], figure: { table: 't01', side: 'income', row: 'gfb', column: 'incomeAmount' } },
    { id: 'scob', words: ['国有资本经营预算拨款收入', '国有资本经营预算拨款'], figure: { table: 't01', side: 'income', row: 'scob', column: 'incomeAmount' } },
    { id: 'fsm', words: ['财政专户管理资金收入', '财政专户管理资金'], figure: { table: 't01', side: 'income', row: 'fsm', column: 'incomeAmount' } },
    { id: 'unitFunds', words: ['单位资金'], figure: { table: 't01', side: 'income', row: 'unitFunds', column: 'incomeAmount' } },
    { id: 'fiscalTotal', words: ['财政拨款收支总预算', '财政拨款收支预算'], figure: { table: 't04', side: 'income', row: 'incomeGrandTotal', column: 'incomeAmount' } },
    { id: 'fiscalCurrent', words: ['当年拨款收入'], figure: { table: 't04', side: 'income', row: 'incomeTotal', column: 'incomeAmount' } },
    { id: 'fiscalCarryOver', words: ['上年结转收入'], figure: { table: 't04', side: 'income', row: 'carryOver', column: 'incomeAmount' } },
    { id: 'basic', words: ['基本支出'], figure: { table: 't03', row: 'total', column: 'basic' } },
    { id: 'project', words: ['项目支出'], figure: { table: 't03', row: 'total', column: 'project' } },
    { id: 'gpbExpenditure', words: ['一般公共预算当年支出', '一般公共预算支出'], figure: { table: 't05', row: 'total', column: 'total' } },
    { id: 'gpbBasic', words: ['一般公共预算安排基本支出', '一般公共预算基本支出'], figure: { table: 't06', row: 'total', column: 'total' } },
    { id: 'personnel', words: ['人员经费'], figure: { table: 't06', row: 'total', column: 'personnel' } },
    { id: 'public', words: ['公用经费'], figure: { table: 't06', row: 'total', column: 'public' } },
    { id: 'threePublic', words: ['“三公”经费', '"三公"经费', '三公经费'], figure: { table: 't10', row: 'total', column: 'total' } },
    { id: 'travelAbroad', words: ['因公出国（境）费', '因公出国(境)费'], figure: { table: 't10', row: 'travelAbroad', column: 'total' } },
    { id: 'reception', words: ['公务接待费'], figure: { table: 't10', row: 'reception', column: 'total' } },
    { id: 'vehicles', words: ['公务用车购置及运行费'], figure: { table: 't10', row: 'vehicles', column: 'total' } },
    { id: 'vehiclePurchase', words: ['公务用车购置费'], figure: { table: 't10', row: 'vehiclePurchase', column: 'total' } },
    { id: 'vehicleOperation', words: ['公务用车运行维护费', '公务用车运行费'], figure: { table: 't10', row: 'vehicleOperation', column: 'total' } },
    { id: 'operating', words: ['机关运行经费财政拨款预算', '机关运行经费'], figure: { table: 't11', row: 'total', column: 'total' } },
  ],
  classTables: [
    { whenTable: 't05', table: 't05', column: 'total' },
    { whenTable: 't04', table: 't04', side: 'expenditure', column: 'expTotal' },
    { whenTable: 't01', table: 't03', column: 'total' },
    { table: 't03', column: 'total' },
  ],
};

const henan: NarrativeVocabulary = {
  entityWord: '部门',
  subjects: [
    { id: 'incomeGrandTotal', words: ['收入预算总计', '收入总计', '收入预算合计', '收入预算'], figure: { table: 't01', side: 'income', row: 'incomeGrandTotal', column: 'incomeAmount' } },
    { id: 'expGrandTotal', words: ['支出预算总计', '支出总计', '支出预算合计', '支出预算'], figure: { table: 't01', side: 'expenditure', row: 'expGrandTotal', column: 'expAmount' } },
    { id: 'gpb', words: ['一般公共预算收支预算', '一般公共预算'], figure: { table: 't01', side: 'income', row: 'gpb', column: 'incomeAmount' } },
    { id: 'gfb', words: ['政府性基金收支预算', '政府性基金收入', '政府性基金预算'], figure: { table: 't01', side: 'income', row: 'gfb', column: 'incomeAmount' } },
    { id: 'fsm', words: ['财政专户管理资金收入', '财政专户管理资金'], figure: { table: 't01', side: 'income', row: 'fsm', column: 'incomeAmount' } },
    { id: 'basic', words: ['基本支出'], figure: { table: 't03', row: 'total', column: 'basic' } },
    { id: 'project', words: ['项目支出'], figure: { table: 't03', row: 'total', column: 'project' } },
    { id: 'gpbExpenditure', words: ['一般公共预算支出年初预算', '一般公共预算支出'], figure: { table: 't05', row: 'total', column: 'total' } },
    { id: 'gpbBasic', words: ['一般公共预算基本支出'], figure: { table: 't05', row: 'total', column: 'basic' } },
    { id: 'personnel', words: ['人员经费'], figure: { table: 't05', row: 'total', column: 'wages' } },
    { id: 'public', words: ['公用经费'], figure: { table: 't05', row: 'total', column: 'goods' } },
    { id: 'threePublic', words: ['“三公”经费预算', '“三公”经费', '三公经费'], figure: { table: 't08', row: 'budget', column: 'total' } },
    { id: 'travelAbroad', words: ['因公出国（境）费', '因公出国(境)费'], figure: { table: 't08', row: 'budget', column: 'travelAbroad' } },
    { id: 'reception', words: ['公务接待费'], figure: { table: 't08', row: 'budget', column: 'reception' } },
    { id: 'vehicles', words: ['公务用车购置及运行费'], figure: { table: 't08', row: 'budget', column: 'vehicles' } },
    { id: 'vehiclePurchase', words: ['公务用车购置费'], figure: { table: 't08', row: 'budget', column: 'vehiclePurchase' } },
    { id: 'vehicleOperation', words: ['公务用车运行维护费', '公务用车运行费'], figure: { table: 't08', row: 'budget', column: 'vehicleOperation' } },
  ],
  classTables: [{ table: 't05', column: 'total' }],
};

/**
 * 上海 documents describe 项 by their 类/款/项 path (「社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）」)
 * in the 一般公共预算 part: those are read in 表5. Subject phrases are not mapped yet (see the closing note).
 */
const shanghai = (entityWord: '部门' | '单位'): NarrativeVocabulary => ({ entityWord, subjects: [], classTables: [{ table: 't05', column: 'total' }] });

const VOCABULARIES: Record<string, NarrativeVocabulary> = {
  'shanxi-2024': shanxi,
  'henan-2024': henan,
  'shanghai-2026-department': shanghai('部门'),
  'shanghai-2026-unit': shanghai('单位'),
};

/** undefined: the family has no vocabulary yet (the text-only checks still run). */
export function vocabularyFor(familyId: string): NarrativeVocabulary | undefined {
  return VOCABULARIES[familyId];
}
