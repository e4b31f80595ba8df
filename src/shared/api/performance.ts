// The 绩效目标表 at the API boundary: one schema per form (src/shared/performance/types.ts), used by the router to
// check `book.setForm` and by the store to refuse a form it cannot keep (src/main/store/performance.ts), so the
// shape and the size limits are written once. Also the answers of the 绩效目标 methods.
import type { DepartmentPerformanceForm, IndicatorComparator, PerformancePeriod, PerformanceTargetForm } from '../performance/types';
import { array, integer, object, oneOf, optional, string, type Schema } from './schema';

/** How large a stored form may be: generous for real forms (a 项目概况 of a few hundred characters, ~20 indicators). */
export const FORM_LIMITS = {
  /** 项目名称, units, 指标 names, contacts … */
  shortText: 200,
  /** 项目概况, 立项依据, 总体目标 … */
  longText: 5_000,
  /** One 指标值 (or its 指标值说明). */
  value: 500,
  /** An amount cell as typed or imported (canonical when readable; kept as text otherwise so the check can say so). */
  amount: 64,
  /** Indicator rows of one form, both periods together. */
  indicators: 500,
  /** 年度主要任务 of the department-wide form. */
  tasks: 200,
  /** Forms in one book. */
  forms: 2_000,
} as const;

/** Text without control characters except line breaks and tabs (a 项目概况 may hold several paragraphs). */
const text = (max: number): Schema<string> => string({ max, pattern: /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, what: `不含控制字符、至多 ${max} 个字符的文本` });
const shortText = text(FORM_LIMITS.shortText);
const longText = text(FORM_LIMITS.longText);
const amountText = text(FORM_LIMITS.amount);
const PERIODS = ['实施期', '年度'] as const satisfies readonly PerformancePeriod[];
const COMPARATORS = ['≥', '≤', '=', '>', '<', '定性'] as const satisfies readonly IndicatorComparator[];

const source = object({ file: optional(text(255)), sheet: optional(text(255)), cell: optional(text(32)) });

const funds = object({
  unit: oneOf(['元'] as const),
  total: optional(amountText),
  fiscal: optional(amountText),
  central: optional(amountText),
  provincial: optional(amountText),
  cityCounty: optional(amountText),
  selfRaised: optional(amountText),
  other: optional(amountText),
});

const parsedValue = object({
  comparator: oneOf(COMPARATORS),
  number: optional(text(64)),
  unit: optional(text(FORM_LIMITS.value)),
  text: text(FORM_LIMITS.value),
});

const indicator = object({
  period: oneOf(PERIODS),
  level1: shortText,
  level2: shortText,
  level3: shortText,
  value: text(FORM_LIMITS.value),
  parsed: optional(parsedValue),
});

/** A 项目支出绩效目标表 (PerformanceTargetForm). */
export const performanceFormSchema: Schema<PerformanceTargetForm> = object({
  title: optional(shortText),
  year: optional(integer(1900, 2100)),
  projectName: string({ min: 1, max: FORM_LIMITS.shortText, pattern: /^[^\u0000-\u001f\u007f]*\S[^\u0000-\u001f\u007f]*$/, what: `非空、不含控制字符、至多 ${FORM_LIMITS.shortText} 个字符的项目名称` }),
  department: object({ code: text(64), name: shortText }),
  implementingUnit: shortText,
  projectAttribute: shortText,
  projectTerm: shortText,
  funds: object({ 实施期: funds, 年度: funds }),
  overview: longText,
  basis: longText,
  necessity: longText,
  safeguards: longText,
  plan: longText,
  overallGoals: object({ 实施期: longText, 年度: longText }),
  indicators: array(indicator, { max: FORM_LIMITS.indicators }),
  contacts: object({ responsiblePerson: optional(shortText), handler: optional(shortText), phone: optional(shortText), filledOn: optional(shortText) }),
  source: optional(source),
  /** Read from 河南's 项目绩效目标汇总表 (PerformanceTargetForm.layout). */
  layout: optional(oneOf(['summary'] as const)),
});

const figure = optional(amountText);

/** A 部门（单位）整体绩效目标表 (DepartmentPerformanceForm). */
export const departmentFormSchema: Schema<DepartmentPerformanceForm> = object({
  title: optional(shortText),
  year: optional(integer(1900, 2100)),
  departmentName: shortText,
  annualGoal: longText,
  tasks: array(object({ name: shortText, content: longText }), { max: FORM_LIMITS.tasks }),
  budget: object({ unit: oneOf(['万元'] as const), total: figure, governmentBudget: figure, specialAccount: figure, unitFunds: figure, basic: figure, project: figure }),
  indicators: array(object({ level1: shortText, level2: shortText, level3: shortText, value: text(FORM_LIMITS.value), parsed: optional(parsedValue), note: optional(text(FORM_LIMITS.value)) }), { max: FORM_LIMITS.indicators }),
  source: optional(source),
});

/** The fields as the printed form names them, for refusals ("项目资金（funds.实施期.total）") and import notices. */
export const FORM_FIELD_NAMES: Readonly<Record<string, string>> = {
  title: '标题',
  year: '年度',
  projectName: '项目名称',
  department: '主管部门及代码',
  implementingUnit: '实施单位',
  projectAttribute: '项目属性',
  projectTerm: '项目期',
  funds: '项目资金',
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立必要性',
  safeguards: '保证项目实施的制度、措施',
  plan: '项目实施计划',
  overallGoals: '总体目标',
  indicators: '绩效指标',
  contacts: '负责人、经办人、联系电话或填报日期',
  source: '来源',
  departmentName: '部门名称',
  annualGoal: '年度履职目标',
  tasks: '年度主要任务',
  budget: '预算情况',
};

/** A form's state in the 绩效目标 view: no form, or the worst of its findings. */
export type FormStatus = 'missing' | 'errors' | 'warnings' | 'ok';

export interface FormStatusCounts {
  status: FormStatus;
  /** Open findings on the form (explained warnings are not counted). */
  errors: number;
  warnings: number;
}

/** One project of the family's project table (表十二 in 山西, 表10 in 河南) with its form. */
export interface ProjectFormItem extends FormStatusCounts {
  rowKey: string;
  name: string;
  unitName?: string;
  /** The project's amount in 万元 (canonical). */
  amountWan?: string;
  /** Index into book.performanceForms; absent when the project has no form. */
  formIndex?: number;
}

/** A form naming no project of the table (or a second form of one project). */
export interface LooseFormItem extends FormStatusCounts {
  formIndex: number;
  projectName: string;
  implementingUnit: string;
  /** 'duplicate': its project already has an earlier form. */
  reason: 'noProject' | 'duplicate';
}

/** book.performance: the projects with their forms, for the 绩效目标 view. */
export interface PerformanceOverview {
  /** The project table's id and title; absent when the family lists no projects (上海). */
  table?: { tableId: string; no: number; title: string };
  projects: ProjectFormItem[];
  looseForms: LooseFormItem[];
  /** The 部门（单位）整体绩效目标表, when the book has one. */
  department?: FormStatusCounts & { name: string };
  /** Number of forms in the book. */
  formCount: number;
}
