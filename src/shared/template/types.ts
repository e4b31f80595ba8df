// The template model: a family of disclosure tables described purely as data.
// Import, validation, export and the editor all read these definitions; none of them knows a table by number.
import type { SideId } from '../cell';
import type { MoneyUnit } from '../money';

/** A header label and the alternative spellings real workbooks use for it. `{year}` matches any 4-digit year. */
export type LabelSpec = string | readonly string[];

/** One node of the multi-row header tree. Leaves carry a column id; the tree's shape is the merge layout. */
export interface HeaderNode {
  label: LabelSpec;
  column?: string;
  children?: readonly HeaderNode[];
  /**
   * A code column printed as separate part cells under its label (上海/河南: 类 | 款 | 项). Import reads either
   * shape; export and the editor print the parts named here.
   */
  codeSplit?: readonly ('类' | '款' | '项')[];
}

/**
 * `unitCode`: 部门（单位）代码 of unit rows (河南 "154 新乡市金融工作局"); `unitName`: the unit a row belongs to
 * (河南 项目单位); `govCode`: 政府预算经济分类 code of an economic pair; `text`: printed but not held in the book.
 */
export type ColumnKind = 'code' | 'name' | 'govName' | 'amount' | 'text' | 'codePart' | 'unitCode' | 'unitName' | 'govCode';

export interface ColumnDef {
  id: string;
  kind: ColumnKind;
  /** Chinese label for the editor and notices (the leaf label). */
  label: string;
  /** For split code columns (类/款/项): which part and how many digits. */
  codePart?: { part: 'class' | 'section' | 'item'; digits: number };
  /** Amount unit, when it differs from the family's (e.g. 元 in a 绩效目标表). */
  unit?: MoneyUnit;
}

/** A fixed row (表一 income items, 表十 三公 items …). */
export interface FixedRowDef {
  id: string;
  label: LabelSpec;
  /** Function-class code the row stands for, when it does (the 30 expenditure rows). */
  code?: string;
  /** Rows whose values are computed from others are read-only in the editor. */
  computed?: boolean;
  /** Indentation depth in the printed table (0 = top level). */
  depth?: number;
  /** Two-sided tables: print on the same line as this row of the other side (本年收入合计 beside 本年支出合计). */
  alignWith?: string;
  /**
   * Recognised on import but printed (and put in a new book) only when the book holds the row: classes that
   * some years' documents list and others do not (决算 债务还本支出 …), so each keeps its printed rows.
   */
  optional?: boolean;
}

export type RowModel =
  /** Rows known in advance, matched by label; a side without a label column (一行的三公表) takes them in order. */
  | { kind: 'fixed'; rows: readonly FixedRowDef[] }
  /**
   * 合计 + 类/款/项 coded rows (function classification or fund income codes). A side with a `unitCode` column
   * also has unit rows ("154 新乡市金融工作局") that group the coded rows below them.
   */
  | {
      kind: 'codedTree';
      totalLabel: LabelSpec;
      /** Also fixes the code lengths (CODE_LENGTHS in the catalogue: 类/款/项 3/5/7, economic 3/5). */
      classification: ClassificationId;
      /** Only 项 rows are printed (河南), no 类/款 subtotal rows: a missing parent row is no error, and none is inserted. */
      itemsOnly?: boolean;
    }
  /**
   * 合计 + 部门经济分类 class rows + (部门经济科目, 政府经济科目) item pairs. Codes may be printed (河南: 类|款 under each
   * classification); a row holding only a code that is no economic class is a unit row ("154 新乡市金融工作局").
   */
  | { kind: 'economicPairs'; totalLabel: LabelSpec }
  /** 部门合计 + one row per unit; with a `unitCode` column, units nest by code (154 → 154001). */
  | { kind: 'unitList'; totalLabel: LabelSpec }
  /**
   * department → unit → project. With a `unitName` column (河南 项目单位) a unit row may print its code in the name
   * column ("154" | 新乡市金融工作局) and an unlabelled first row is the total.
   */
  | {
      kind: 'projectTree';
      /** Marker after a department-level name ("[部门]"). */
      departmentMarker: string;
      /** Names that are projects by convention (Shanxi prefixes Z/J/…). */
      projectNamePattern: string;
      /** Names that look like organisations when no other evidence says which level a row is. */
      unitNamePattern: string;
    };

export type ClassificationId = 'function' | 'govFundIncome' | 'stateCapitalIncome' | 'economicDept' | 'economicGov';

/** One side of a table: single tables have one, 收支总表 have an income and an expenditure side. */
export interface TableSide {
  id: SideId;
  label?: string;
  columns: readonly ColumnDef[];
  rows: RowModel;
}

export interface TableDef {
  id: string;
  no: number;
  /** Exact title as printed; `{year}` is substituted. */
  title: string;
  /** Other accepted titles (normalised comparisons ignore spaces, bracket width and the year). */
  titleAliases?: readonly string[];
  /** Sheet name on export. */
  sheetName: string;
  header: readonly HeaderNode[];
  sides: readonly TableSide[];
  /** Unit the table is printed in when it differs from the family's (上海's 三公 table in 万元). */
  unit?: MoneyUnit;
  /** Whether a "1 2 3 …" column-number row sits under the header. */
  columnNumberRow?: boolean;
  /** Text printed under an empty table. */
  emptyNote: string;
}

/**
 * How a family's documents number their tables, and so how the workbench names them everywhere (tabs, findings,
 * notices, report, CLI): 'chinese' 表一…表十三 (山西, 决算), 'arabic' 表1…表10 (上海, 河南). See src/shared/labels.ts.
 */
export type TableNumbering = 'chinese' | 'arabic';

/** `Id` is the family id as a literal type, so the family registry can key other data by it exhaustively. */
export interface TemplateFamily<Id extends string = string> {
  id: Id;
  name: string;
  region: string;
  tableNumbering: TableNumbering;
  /** Unit and precision in which the family's tables are published. */
  unit: MoneyUnit;
  decimals: number;
  /** Labels that introduce the department name on the line under a title (the first is printed on export). */
  departmentLabels: readonly string[];
  /**
   * A heading printed above each table naming department and year, where the family's documents carry them
   * there rather than in the titles (决算: "{department}{year}年度部门决算表").
   */
  heading?: string;
  tables: readonly TableDef[];
  /** Short names of the tables, in `tables` order, for tabs and lists (表一 收支总表): at most 4 characters each. */
  shortTitles: readonly string[];
  catalogueVersion: string;
  /** Fonts of the exported workbook (宋体 when absent). */
  fonts?: { body: string; title: string };
  /**
   * Where the family lists its 项目 (rows of level 'project'), each of which has a 项目支出绩效目标表: the table and
   * its amount column. Absent when the family's tables list no projects (上海's templates).
   */
  projects?: { table: string; amountColumn: string };
}

export function labelsOf(spec: LabelSpec): readonly string[] {
  return typeof spec === 'string' ? [spec] : spec;
}

export function primaryLabel(spec: LabelSpec): string {
  return labelsOf(spec)[0] ?? '';
}

export function substituteYear(text: string, year: number): string {
  return text.replace(/\{year\}/g, String(year));
}

export function allColumns(table: TableDef): ColumnDef[] {
  return table.sides.flatMap((side) => [...side.columns]);
}
