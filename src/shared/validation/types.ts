// Validation rules are data: each rule names a kind, the tables/rows/columns it relates (by template ids)
// and a severity. The engine compiles them against a book into concrete checks; no check is hand-written.
import type { RowLevel } from '../book';
import type { SideId } from '../cell';
import type { NarrativeLocation } from '../narrative/types';
import type { FormLocation, PerformancePeriod } from '../performance/types';

export type { SideId };
export type Severity = 'error' | 'warning' | 'info';

/** Chooses rows of one table side. All given criteria must hold; none given = every row. */
export interface RowSelector {
  keys?: readonly string[];
  levels?: readonly RowLevel[];
  /** Rows that carry a classification code (the 30 class rows of 表一/表四, coded-tree rows). */
  hasCode?: boolean;
  /** Printed names (compared without spaces, numbering and bracket width). */
  names?: readonly string[];
}

/** A set of cells: the selected rows, each row's value being the sum of `columns`. */
export interface Operand {
  table: string;
  side?: SideId;
  rows: RowSelector;
  columns: readonly string[];
}

export type Relation = '=' | '>=' | '<=';

/** A rule runs only while all its conditions hold (e.g. 表五 = 表三 only when all money is 一般公共预算). */
export interface Condition {
  left: Operand;
  relation: Relation;
  right: Operand | 'zero';
  /** Chinese description used when the rule is skipped. */
  description: string;
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** Short Chinese name of the relation, shown in reports. */
  title: string;
  when?: readonly Condition[];
}

/** In every selected row: total column = Σ part columns. */
export interface RowSumRule extends RuleBase {
  kind: 'rowSum';
  table: string;
  side?: SideId;
  total: string;
  parts: readonly string[];
  rows?: RowSelector;
}

/** In every listed column: the total row = Σ the part rows (fixed-row tables). */
export interface RowsSumRule extends RuleBase {
  kind: 'rowsSum';
  table: string;
  side?: SideId;
  total: string;
  parts: RowSelector;
  columns: readonly string[];
}

/** Parent = Σ children down the table's tree (类/款/项, 经济分类, 部门/单位/项目), in every listed column. */
export interface TreeSumRule extends RuleBase {
  kind: 'treeSum';
  table: string;
  side?: SideId;
  columns: readonly string[];
}

/**
 * Compares figures across tables. `pairBy: 'code' | 'key'` pairs rows one to one ('class': each side's rows
 * summed by 类, the first 3 digits of the code) (a row with money on one
 * side only is a finding); 'aggregate' sums each operand into one figure. `right` may list several operands
 * that add up. 'exact' tolerance: the same figure printed twice; 'rounded': a sum of rounded figures.
 */
export interface MatchRule extends RuleBase {
  kind: 'match';
  left: Operand;
  right: Operand | readonly Operand[];
  pairBy: 'code' | 'key' | 'class' | 'aggregate';
  relation: Relation;
  tolerance: 'exact' | 'rounded';
}

/** 3/5/7-digit codes; every 项 has its 款 and 类 row in the same table. */
export interface CodeStructureRule extends RuleBase {
  kind: 'codeStructure';
  tables: readonly { table: string; side?: SideId }[];
}

/** A code's name differs from the catalogue (warning) or the code is not in it (info). */
export interface CatalogueNameRule extends RuleBase {
  kind: 'catalogueName';
  tables: readonly { table: string; side?: SideId }[];
}

/** One code, one name, in every listed table. */
export interface ConsistentNamesRule extends RuleBase {
  kind: 'consistentNames';
  tables: readonly { table: string; side?: SideId }[];
}

/** An empty table carries "注：本表无数据"; a table with figures does not. */
export interface EmptyNoteRule extends RuleBase {
  kind: 'emptyNote';
}

// —— Rules on the 绩效目标表 (ids "perf.*") ——
// They are checked whole at every findings() from the book's current forms and figures (a few dozen forms), so a
// form edit or a table edit is always reflected without dependency tracking. Each finding carries `form`. Their
// `when` conditions are not evaluated (none is needed: a rule is quiet while the book carries no forms).

/**
 * The forms ↔ the family's project table (`TemplateFamily.projects`, paired by performance/match.ts): every project
 * with an amount has its 项目支出绩效目标表, whose 年度资金总额 (元) rounds (四舍五入) to the project's amount (万元);
 * every form names a project of the table, and only one form per project. Quiet when the book carries no forms.
 */
export interface ProjectFormsRule extends RuleBase {
  kind: 'projectForms';
  table: string;
  column: string;
  /** Severity when a project has no form (a funds mismatch is always `severity`). */
  missingSeverity: Severity;
  /** Severity of a form naming no project of the table, and of a further form for a project that has one. */
  unmatchedSeverity: Severity;
}

/** 项目资金（元）: the sources add up to each period's 资金总额 exactly (a period whose sources are all blank is skipped). */
export interface FormFundSplitRule extends RuleBase {
  kind: 'formFundSplit';
}

/** 实施期资金总额 ≥ 年度资金总额, and equal when the 项目期 is one of `oneYearTerms` (compared as names). */
export interface FormFundPeriodsRule extends RuleBase {
  kind: 'formFundPeriods';
  oneYearTerms: readonly string[];
}

/**
 * Each period has at least one indicator of every listed 一级指标 (产出/效益/满意度; an indicator counts for the
 * 一级指标 its printed 一级 or 二级 name stands for). `periods` must always be filled; another period is checked when
 * the form fills it (indicators, 资金总额 or 总体目标).
 */
export interface FormIndicatorCategoriesRule extends RuleBase {
  kind: 'formIndicatorCategories';
  categories: readonly string[];
  periods: readonly PerformancePeriod[];
}

/** A 三级指标 has its 指标值, and a 指标值 its 三级指标. */
export interface FormIndicatorValuesRule extends RuleBase {
  kind: 'formIndicatorValues';
}

/** Texts of a project form a repeat check may read: the indicators' names and values, and the prose fields. */
export type RepeatedTextField = 'level3' | 'value' | 'overview' | 'basis' | 'necessity' | 'safeguards' | 'plan' | 'overallGoals';

/**
 * Text written twice in a row (「保障保障」「符合符合政府购买服务标准」「专项斗争斗争工作」): a run of at least `minRun`
 * Chinese characters immediately repeated, in the project forms' `fields` and, with `departmentForm`, in the 部门
 * （单位）整体绩效目标表 (年度履职目标, 年度主要任务, indicators). Not a finding: a whole text listed in `allowed` (ABAB
 * words such as 「研究研究」), 「一X一X」 (「一步一步」), and a repeat that starts a compound with one of
 * `compoundSuffixes` (「保障保障性住房」).
 */
export interface FormRepeatedTextRule extends RuleBase {
  kind: 'formRepeatedText';
  fields: readonly RepeatedTextField[];
  departmentForm: boolean;
  minRun: number;
  allowed: readonly string[];
  compoundSuffixes: readonly string[];
}

/** 一级/二级指标 present and in the standard framework (performance/framework.ts). */
export interface FormIndicatorLevelsRule extends RuleBase {
  kind: 'formIndicatorLevels';
}

/**
 * 实施期 and 年度 indicator sets agree: each indicator has a counterpart in the other period with the same 一级/二级
 * and the same 三级 name, a name cut short by the column width (at least `minPrefix` characters) counting as the
 * same; for a one-year project (`oneYearTerms`) the counterparts' 指标值 agree too.
 */
export interface FormIndicatorPeriodsRule extends RuleBase {
  kind: 'formIndicatorPeriods';
  minPrefix: number;
  oneYearTerms: readonly string[];
}

/** A 预算情况 figure of the 部门（单位）整体绩效目标表 (万元). */
export type DepartmentBudgetField = 'total' | 'governmentBudget' | 'specialAccount' | 'unitFunds' | 'basic' | 'project';

/**
 * A figure the 部门（单位）整体绩效目标表 states (`field`, 万元) equals the tables' figure (Σ `tables`), compared at
 * the precision the form states it; 'rounded': a sum of several rounded figures may differ by its 尾差 (warning).
 * A blank figure counts as zero when the form states any 预算情况 figure, else the rule is quiet.
 */
export interface DepartmentBudgetRule extends RuleBase {
  kind: 'departmentBudget';
  field: DepartmentBudgetField;
  tables: readonly Operand[];
  tolerance: 'exact' | 'rounded';
}

export type FormRule =
  | ProjectFormsRule
  | FormFundSplitRule
  | FormFundPeriodsRule
  | FormIndicatorCategoriesRule
  | FormIndicatorValuesRule
  | FormRepeatedTextRule
  | FormIndicatorLevelsRule
  | FormIndicatorPeriodsRule
  | DepartmentBudgetRule;

const FORM_RULE_KINDS: ReadonlySet<string> = new Set<FormRule['kind']>([
  'projectForms',
  'formFundSplit',
  'formFundPeriods',
  'formIndicatorCategories',
  'formIndicatorValues',
  'formRepeatedText',
  'formIndicatorLevels',
  'formIndicatorPeriods',
  'departmentBudget',
]);

/** A rule on the 绩效目标表 (checked at findings time), as opposed to a table rule (compiled into checks). */
export const isFormRule = (rule: Rule): rule is FormRule => FORM_RULE_KINDS.has(rule.kind);

/** A column whose figures were printed at different precisions (read from the file at import). */
export interface PrintedPrecisionRule extends RuleBase {
  kind: 'printedPrecision';
}

/** Rules compiled against the tables into checks (validation/compile.ts). */
export type TableRule = PrintedPrecisionRule | RowSumRule | RowsSumRule | TreeSumRule | MatchRule | CodeStructureRule | CatalogueNameRule | ConsistentNamesRule | EmptyNoteRule;

export type Rule = TableRule | FormRule;

export interface Location {
  /** Table number as printed (表N). */
  table: number;
  tableId: string;
  side?: SideId;
  /** Row code, or its printed name when it has no code. */
  row: string;
  rowKey: string;
  /** Column label as printed. */
  column?: string;
  columnId?: string;
  sheet?: string;
  cell?: string;
}

export interface Finding {
  /** Stable across runs and edits of figures: rule, table, side, row and column. Explanations attach to it. */
  key: string;
  rule: string;
  severity: Severity;
  message: string;
  locations: Location[];
  expected?: string;
  actual?: string;
  difference?: string;
  /** The difference is within the rounding tolerance of 万元 figures (尾差). */
  roundingTail?: boolean;
  /** The clerk's 审核说明 (warnings only). */
  explanation?: string;
  /** A narrative finding (rule narrative.*): the sentence it quotes; `locations` then name the table figure. */
  narrative?: NarrativeLocation;
  /** A performance-form finding (rule perf.*): the form field it is about; `locations` may then be empty. */
  form?: FormLocation;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
}
