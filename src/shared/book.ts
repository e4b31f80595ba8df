// The book: one department's disclosure for one year, normalised from whatever workbooks it came from.
// Amounts are canonical decimal strings in the book's unit (exact; formatting happens at the edges).
import type { Narrative } from './narrative/types';
import type { SideId } from './cell';
import type { MoneyUnit } from './money';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from './performance';

export type RowLevel =
  | 'total' // 合计 / 部门合计 / 本年收入合计 …
  | 'class' // 类 (3 digits) or 部门经济分类 类
  | 'section' // 款 (5 digits)
  | 'item' // 项 (7 digits) or an economic pair
  | 'fixed' // a fixed template row
  | 'department'
  | 'unit'
  | 'project';

/** Where a figure or row came from, so a reviewer can find it in Excel. */
export interface SourceRef {
  file?: string;
  sheet?: string;
  cell?: string;
}

export interface BookAmount {
  /** Canonical decimal string, e.g. "472.39". */
  value: string;
  source?: SourceRef;
  /** The workbook held a formula here; `value` is its cached result. */
  fromFormula?: boolean;
  /** Decimals the file printed this figure with (its number format or text), in the book's unit. */
  decimals?: number;
}

export interface BookRow {
  /** Unique within table and side: fixed-row id, code, "部门经济|政府经济" pair, or level:name[#n]. */
  key: string;
  side: SideId;
  level: RowLevel;
  code?: string;
  name: string;
  /** 政府预算经济分类 partner of an economic pair (表六). */
  govCode?: string;
  govName?: string;
  /** For project rows: the unit they belong to. */
  unitName?: string;
  values: Record<string, BookAmount>;
  source?: SourceRef;
}

export interface BookTable {
  tableId: string;
  no: number;
  title: string;
  /** The file printed "注：本表无数据" under the table. */
  emptyNote: boolean;
  source?: SourceRef;
  rows: BookRow[];
  /** How precisely the file printed each amount column; absent for books made in the app. */
  precision?: TablePrecision;
  columnLetters?: Record<string, string>; // template column id → sheet column letter ("C"), so a finding on a blank cell can still name its Excel cell
}

/**
 * Printed precision decides the rounding tolerance (DESIGN §5): whole 元 are rounded from 分, 万元 with two
 * decimals from 元, figures printed to 分 are exact.
 */
export interface TablePrecision {
  /** Decimals each amount column was printed with, counted in the book's unit (a 万元 table in a 元 book: 2 − 4 = −2). */
  decimals: Record<string, number>;
  /** Columns whose figures were printed with different numbers of decimals. */
  mixed?: string[];
}

/** 机关 is the department's own office (same name as the department); every other unit is a 下属单位. */
export type UnitKind = '机关' | '下属单位';

export interface BookUnit {
  name: string;
  kind: UnitKind;
  /** Listed in 表十一 (机关运行经费 covers administrative units only). */
  administrative?: boolean;
}

export interface Book {
  id?: number;
  familyId: string;
  year: number;
  department: string;
  /** Unit of the figures as held (the source unit). */
  unit: MoneyUnit;
  /** Decimal places of the source figures. */
  decimals: number;
  units: BookUnit[];
  tables: BookTable[];
  sources: string[];
  /** 审核说明 attached to warnings; loadBook sorts them by findingKey and omits the field when there are none. */
  explanations?: Explanation[];
  /** 项目支出绩效目标表, one per project; absent when none were supplied (the per-project rule then stays quiet). */
  performanceForms?: PerformanceTargetForm[];
  /** 部门（单位）整体绩效目标表, where the department publishes one. */
  departmentPerformance?: DepartmentPerformanceForm;
  /** The 情况说明, when the clerk supplied or wrote one (src/shared/narrative). */
  narrative?: Narrative;
}

/** A clerk's explanation (审核说明) of a validation warning, keyed by the finding's stable, opaque key. */
export interface Explanation {
  findingKey: string;
  text: string;
  /** ISO-8601 UTC. */
  updatedAt: string;
  actor?: string;
}

/** Something the importer could not map or chose to skip: always names file, sheet and cell where known. */
export interface Notice {
  level: '错误' | '警告' | '提示';
  message: string;
  file?: string;
  sheet?: string;
  cell?: string;
}
