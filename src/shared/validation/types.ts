// Validation rules are data: each rule names a kind, the tables/rows/columns it relates (by template ids)
// and a severity. The engine compiles them against a book into concrete checks; no check is hand-written.
import type { RowLevel } from '../book';
import type { SideId } from '../cell';
import type { NarrativeLocation } from '../narrative/types';
import type { FormLocation } from '../performance/types';

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

/**
 * Every project row has its 绩效目标表, whose 年度资金总额 (元) rounds to the project's amount (万元).
 * Runs only when the book carries forms.
 */
export interface ProjectFormsRule extends RuleBase {
  kind: 'projectForms';
  table: string;
  column: string;
  /** Severity when a project has no form (a funds mismatch is always `severity`). */
  missingSeverity: Severity;
}

/** A column whose figures were printed at different precisions (read from the file at import). */
export interface PrintedPrecisionRule extends RuleBase {
  kind: 'printedPrecision';
}

export type Rule = PrintedPrecisionRule | ProjectFormsRule | RowSumRule | RowsSumRule | TreeSumRule | MatchRule | CodeStructureRule | CatalogueNameRule | ConsistentNamesRule | EmptyNoteRule;

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
