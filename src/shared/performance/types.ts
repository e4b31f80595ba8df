// The 项目支出绩效目标表 (project performance-target form) as data. Amounts on the form are in 元.

/** The two columns of the form: the whole implementation period and the budget year. */
export type PerformancePeriod = '实施期' | '年度';
export const PERFORMANCE_PERIODS: readonly PerformancePeriod[] = ['实施期', '年度'];

/** 主管部门及代码, printed as "038-大同市人民政府金融工作办公室[部门]". */
export interface DepartmentRef {
  code: string;
  name: string;
}

/**
 * 项目资金（元） for one period. Each amount is a canonical decimal string in 元 ("28569.78");
 * undefined means the cell was blank, which counts as zero (其他资金 is usually printed blank).
 */
export interface FundBreakdown {
  unit: '元';
  total?: string;
  /** 财政拨款: the national template's one line for all government money (its forms print only 财政拨款 and 其他资金). */
  fiscal?: string;
  central?: string;
  provincial?: string;
  cityCounty?: string;
  selfRaised?: string;
  other?: string;
}

export type FundSource = 'fiscal' | 'central' | 'provincial' | 'cityCounty' | 'selfRaised' | 'other';

/** Row labels as printed, in form order; the sources are the parts that must add up to 资金总额. */
export const FUND_SOURCE_LABELS: Readonly<Record<FundSource, string>> = {
  fiscal: '财政拨款',
  central: '中央财政资金',
  provincial: '省级财政资金',
  cityCounty: '市县（区）财政资金',
  selfRaised: '单位自筹',
  other: '其他资金',
};
export const FUND_SOURCES: readonly FundSource[] = ['fiscal', 'central', 'provincial', 'cityCounty', 'selfRaised', 'other'];

/** Sources a form shows only when it has them: 山西's forms have no 财政拨款 line, the national template no 中央/省级. */
const SHOWN_WHEN_PRESENT: ReadonlySet<FundSource> = new Set(['fiscal']);

/** The source lines to show or print for a form: every standard one, and 财政拨款 where either period has it. */
export function fundSourcesOf(funds: Readonly<Record<PerformancePeriod, FundBreakdown>>): FundSource[] {
  return FUND_SOURCES.filter((source) => !SHOWN_WHEN_PRESENT.has(source) || PERFORMANCE_PERIODS.some((period) => funds[period][source] !== undefined));
}

export type IndicatorComparator = '≥' | '≤' | '=' | '>' | '<' | '定性';

/** A parsed 指标值. `number` is a decimal string; `text` is what the form printed. */
export interface IndicatorValue {
  comparator: IndicatorComparator;
  number?: string;
  unit?: string;
  text: string;
}

/**
 * One 三级指标 row for one period. Placeholder rows the form prints for every 二级指标 (e.g. an empty
 * 经济效益指标) are not stored: the framework lists them, so an exporter can print them back.
 */
export interface PerformanceIndicator {
  period: PerformancePeriod;
  level1: string;
  level2: string;
  level3: string;
  /** 指标值 exactly as printed. */
  value: string;
  parsed?: IndicatorValue;
}

export interface PerformanceContacts {
  responsiblePerson?: string;
  handler?: string;
  phone?: string;
  /** 填报日期 as printed; Shanxi's system prints a timestamp such as "20240129115246". */
  filledOn?: string;
}

/** Where an imported form came from (file, sheet and the cell of its title), for notices and findings. */
export interface FormSource {
  file?: string;
  sheet?: string;
  cell?: string;
}

export interface PerformanceTargetForm {
  /** e.g. 大同市市级预算部门（单位）项目支出绩效目标表 or 山西省省级…项目支出绩效目标申报表. */
  title?: string;
  /** From "(2024年度)". */
  year?: number;
  projectName: string;
  department: DepartmentRef;
  implementingUnit: string;
  /** 项目属性, e.g. 经常性项目（长期开展）. */
  projectAttribute: string;
  /** 项目期 as printed, e.g. "99年" (the system's marker for an ongoing project). */
  projectTerm: string;
  funds: Record<PerformancePeriod, FundBreakdown>;
  /** 项目概况 */
  overview: string;
  /** 立项依据 */
  basis: string;
  /** 项目设立必要性 */
  necessity: string;
  /** 保证项目实施的制度、措施 */
  safeguards: string;
  /** 项目实施计划 */
  plan: string;
  /** 总体目标 per period. */
  overallGoals: Record<PerformancePeriod, string>;
  indicators: PerformanceIndicator[];
  contacts: PerformanceContacts;
  source?: FormSource;
  /**
   * The layout the form was read from, absent for a full 项目支出绩效目标表. 'summary': one project of 河南's
   * 项目绩效目标汇总表, which prints only the 年度 money (资金总额 and its sources, in 万元; held here in 元) and
   * 年度 indicators under the 一级 columns 成本指标 / 产出指标 / 效益指标 / 满意度指标 (no 二级指标): 项目属性, 项目期,
   * 概况 … 总体目标, 实施期 and contacts are blank because the table has none, not because the clerk left them out.
   * `source.cell` is then the project's row (its 编码 cell), not a title.
   */
  layout?: 'summary';
}

/** 年度主要任务 of the 部门（单位）整体绩效目标表. */
export interface DepartmentTask {
  name: string;
  content: string;
}

/**
 * 预算情况 of the 部门整体绩效目标表, each a canonical decimal string in 万元 or undefined when not printed. These are
 * the figures the tables must agree with.
 */
export interface DepartmentBudgetFigures {
  unit: '万元';
  /** 部门预算总额 */
  total?: string;
  /** 资金来源：政府预算资金 */
  governmentBudget?: string;
  /** 资金来源：财政专户管理资金 */
  specialAccount?: string;
  /** 资金来源：单位资金 */
  unitFunds?: string;
  /** 资金结构：基本支出 */
  basic?: string;
  /** 资金结构：项目支出 */
  project?: string;
}

/** One indicator row of the department-wide form: 一级/二级/三级, 指标值 and its 指标值说明. */
export interface DepartmentIndicator {
  level1: string;
  level2: string;
  level3: string;
  value: string;
  parsed?: IndicatorValue;
  note?: string;
}

/** 部门（单位）整体绩效目标表 (河南 publishes one per department). */
export interface DepartmentPerformanceForm {
  title?: string;
  year?: number;
  departmentName: string;
  /** 年度履职目标 */
  annualGoal: string;
  tasks: DepartmentTask[];
  budget: DepartmentBudgetFigures;
  indicators: DepartmentIndicator[];
  source?: FormSource;
}

/**
 * A field of a form, as a path findings point at and the editor focuses:
 * 'projectName' | 'department' | 'implementingUnit' | 'projectAttribute' | 'projectTerm' |
 * 'funds.<实施期|年度>.<total|central|provincial|cityCounty|selfRaised|other>' | 'overview' | 'basis' | 'necessity' |
 * 'safeguards' | 'plan' | 'overallGoals.<实施期|年度>' | 'indicators' (the tree as a whole) |
 * 'indicators.<i>.<level1|level2|level3|value>' (i indexes `indicators`) | 'contacts.<responsiblePerson|handler|phone|filledOn>'.
 * For the department-wide form: 'budget.<total|governmentBudget|specialAccount|unitFunds|basic|project>',
 * 'annualGoal', 'tasks', 'indicators.<i>.<…>'.
 */
export type FormFieldPath = string;

/** A finding's place on a form (Finding.form). */
export interface FormLocation {
  /** 'project': book.performanceForms[formIndex]; 'department': book.departmentPerformance. */
  scope: 'project' | 'department';
  formIndex?: number;
  /** The form's 项目名称 (or the department's name), for the message and for a stable key. */
  name: string;
  field: FormFieldPath;
  /** The field as the clerk reads it: "年度资金总额", "产出指标/成本指标/单位用水成本 的年度指标值". */
  label: string;
  /** In an exported workbook: the form's sheet and the field's cell (set by the export, for the 审核报告). */
  sheet?: string;
  cell?: string;
}
