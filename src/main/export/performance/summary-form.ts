// The forms read from 河南's 部门预算项目绩效目标汇总表 (layout 'summary') printed back as that one table, laid out as
// seed 003 prints it: the title, 「部门名称：…」, a three-row header
//   单位编码（项目编码） | 项目单位（项目名称） | 项目金额（万元）: 资金总额 政府预算资金 财政专户管理资金 单位资金 |
//   绩效目标: 成本指标 产出指标 效益指标 满意度指标, each over (三级指标, 指标值),
// then the department row, its unit rows and each project's row — its name and amounts merged down over the rows its
// indicators take, each indicator under the column of its 一级. A4 landscape, the header repeated on every page.
// The importer (src/main/import/performance/summary-*.ts) reads it back into the same forms.
import type { Book } from '../../../shared/book';
import { matchLevel1, matchLevel2, type FormFieldPath, type PerformanceIndicator } from '../../../shared/performance';
import { FORM_LOOK, GridBuilder, type FormGrid } from './form-grid';
import { SUMMARY_AMOUNT_SOURCES, SUMMARY_AMOUNTS, summaryTree, type SummaryAmount, type SummaryFigure, type SummaryParty, type SummaryProject } from './summary-rows';
import { FORM_TEXT } from './text';

/** The indicator columns: the 一级 each stands for, as printed (and read back) in the header. */
export const SUMMARY_GROUPS = ['成本指标', '产出指标', '效益指标', '满意度指标'] as const;

const AMOUNT_CAPTIONS: Readonly<Record<SummaryAmount, string>> = { total: '资金总额', governmentBudget: '政府预算资金', specialAccount: '财政专户管理资金', unitFunds: '单位资金' };

/**
 * Column widths (Excel units): 编码 (narrow: only department and unit codes are printed), 名称, the four amounts, then
 * (三级指标, 指标值) for each group. 176 units print at about 83 % on A4 landscape.
 */
export const SUMMARY_FORM_COLUMNS = [12, 20, 10, 10, 10, 10, 16, 10, 16, 10, 16, 10, 16, 10] as const;
const LAST = SUMMARY_FORM_COLUMNS.length;
const CODE_COLUMN = 1;
const NAME_COLUMN = 2;
const FIRST_AMOUNT_COLUMN = 3;
const FIRST_GROUP_COLUMN = FIRST_AMOUNT_COLUMN + SUMMARY_AMOUNTS.length;
const HEADER_TOP = 3;
const BODY_TOP = HEADER_TOP + 3;

/** A cell of the sheet, 1-based. */
export interface SummaryCell {
  row: number;
  column: number;
}

/** Where one form landed: the cell of each field it prints, and its name cell for the fields the table has not. */
export interface SummaryPlacement {
  formIndex: number;
  cells: Map<FormFieldPath, SummaryCell>;
  nameCell: SummaryCell;
}

export interface SummaryPlan {
  grid: FormGrid;
  placements: SummaryPlacement[];
}

/** The column group an indicator prints under: its 一级 (成本指标 either as 一级 or as 二级 of 产出), else its 二级's 一级; 产出 when neither says. */
export function summaryGroup(indicator: PerformanceIndicator): number {
  const cost = SUMMARY_GROUPS.indexOf('成本指标');
  if (matchLevel2(indicator.level1)?.level2 === '成本指标' || matchLevel2(indicator.level2)?.level2 === '成本指标') return cost;
  const level1 = matchLevel1(indicator.level1) ?? matchLevel2(indicator.level2)?.level1 ?? '产出指标';
  return Math.max(0, SUMMARY_GROUPS.indexOf(level1 as (typeof SUMMARY_GROUPS)[number]));
}

/** The title: the forms' own when it names the 汇总表 (and its year), else 「{year}年部门预算项目绩效目标汇总表」. */
export function summaryTitle(book: Book, formIndexes: readonly number[]): string {
  const forms = formIndexes.flatMap((i) => book.performanceForms?.[i] ?? []);
  const year = forms.find((f) => f.year)?.year ?? book.year;
  const own = forms.map((f) => f.title?.trim() ?? '').find((title) => /绩效目标汇总表$/.test(title.replace(/\s+/g, '')));
  return own && (!year || own.includes(String(year))) ? own : FORM_TEXT.summaryTitle(year);
}

export function planSummaryForms(book: Book, formIndexes: readonly number[]): SummaryPlan {
  const grid = new GridBuilder(SUMMARY_FORM_COLUMNS);
  const label = (row: number, column: number, text: string, span = 1, rowSpan = 1) => grid.add({ row, column, columnSpan: span, rowSpan, role: 'label', align: 'center', text });
  const departments = summaryTree(book, formIndexes);

  grid.add({ row: 1, column: 1, columnSpan: LAST, role: 'title', align: 'center', text: summaryTitle(book, formIndexes) });
  grid.atLeast(1, FORM_LOOK.titleHeight);
  const departmentName = departments.find((d) => d.name)?.name || book.department?.trim() || FORM_TEXT.ownLevel;
  grid.add({ row: 2, column: 1, columnSpan: LAST, role: 'foot', text: FORM_TEXT.summaryDepartment(departmentName) });

  label(HEADER_TOP, CODE_COLUMN, '单位编码（项目编码）', 1, 3);
  label(HEADER_TOP, NAME_COLUMN, '项目单位（项目名称）', 1, 3);
  label(HEADER_TOP, FIRST_AMOUNT_COLUMN, '项目金额（万元）', SUMMARY_AMOUNTS.length);
  SUMMARY_AMOUNTS.forEach((amount, i) => label(HEADER_TOP + 1, FIRST_AMOUNT_COLUMN + i, AMOUNT_CAPTIONS[amount], 1, 2));
  label(HEADER_TOP, FIRST_GROUP_COLUMN, '绩效目标', 2 * SUMMARY_GROUPS.length);
  SUMMARY_GROUPS.forEach((group, g) => {
    label(HEADER_TOP + 1, FIRST_GROUP_COLUMN + 2 * g, group, 2);
    label(HEADER_TOP + 2, FIRST_GROUP_COLUMN + 2 * g, '三级指标');
    label(HEADER_TOP + 2, FIRST_GROUP_COLUMN + 2 * g + 1, '指标值');
  });

  let row = BODY_TOP;
  const partyRow = (party: SummaryParty, name: string) => {
    grid.add({ row, column: CODE_COLUMN, role: 'text', text: party.code });
    grid.add({ row, column: NAME_COLUMN, role: 'text', text: name });
    SUMMARY_AMOUNTS.forEach((amount, i) => {
      const total = party.totals[amount];
      grid.add({ row, column: FIRST_AMOUNT_COLUMN + i, role: 'amount', align: 'right', decimals: 2, ...(total === undefined ? {} : { amount: total }) });
    });
    // The indicator columns stay blank on a department or unit row (every cell drawn, for the .docx table's grid).
    for (let column = FIRST_GROUP_COLUMN; column <= LAST; column++) grid.add({ row, column, role: 'text', text: '' });
    row++;
  };
  const placements: SummaryPlacement[] = [];
  const keepTogether: { top: number; bottom: number }[] = [];
  // A project's rows stay on one page; a department or unit row stays with the first project under it, and the title
  // and header with the first of all.
  let heading: number | undefined = 1;
  // The rows naming the project's department and unit, for findings on those fields.
  const parties: { department?: number; unit?: number } = {};
  const projectRows = (project: SummaryProject) => {
    const placement = projectBlock(grid, project, row, parties);
    placements.push(placement.placement);
    keepTogether.push({ top: heading ?? row, bottom: row + placement.rows - 1 });
    heading = undefined;
    row += placement.rows;
  };
  const headingRow = (party: SummaryParty, name: string) => {
    heading ??= row;
    partyRow(party, name);
  };
  for (const department of departments) {
    parties.department = row;
    delete parties.unit;
    // A department row with neither code nor name would not read back as one: it prints the table's 「本级」.
    headingRow(department, department.name || (department.code ? '' : FORM_TEXT.ownLevel));
    department.projects.forEach(projectRows);
    for (const unit of department.units) {
      parties.unit = row;
      headingRow(unit, unit.name);
      unit.projects.forEach(projectRows);
    }
  }
  placements.sort((a, b) => a.formIndex - b.formIndex);
  const bottom = row - 1;
  return {
    grid: { widths: [...SUMMARY_FORM_COLUMNS], heights: grid.heights(bottom), cells: grid.cells, ruled: { top: HEADER_TOP, bottom }, orientation: 'landscape', repeatRows: { top: HEADER_TOP, bottom: BODY_TOP - 1 }, keepTogether },
    placements,
  };
}

/** One project from `top`: name and amounts merged over its rows, its 年度 indicators down their groups' columns. */
function projectBlock(grid: GridBuilder, project: SummaryProject, top: number, parties: { department?: number; unit?: number }): { rows: number; placement: SummaryPlacement } {
  const { form, formIndex } = project;
  const byGroup: number[][] = SUMMARY_GROUPS.map(() => []);
  form.indicators.forEach((indicator, i) => {
    if (indicator.period === '年度') byGroup[summaryGroup(indicator)]?.push(i);
  });
  const rows = Math.max(1, ...byGroup.map((list) => list.length));
  const cells = new Map<FormFieldPath, SummaryCell>();
  const at = (field: FormFieldPath, row: number, column: number) => {
    if (!cells.has(field)) cells.set(field, { row, column });
  };

  // Name and amounts at the top of the project's rows, as the seed prints them: a project that runs onto the next page
  // keeps them where it begins, not cut at the page break.
  grid.add({ row: top, column: CODE_COLUMN, rowSpan: rows, role: 'text', text: '' });
  grid.add({ row: top, column: NAME_COLUMN, rowSpan: rows, role: 'text', verticalAlign: 'top', text: form.projectName, field: 'projectName' });
  at('projectName', top, NAME_COLUMN);
  if (parties.department !== undefined) at('department', parties.department, NAME_COLUMN);
  if (parties.unit !== undefined) at('implementingUnit', parties.unit, NAME_COLUMN);
  SUMMARY_AMOUNTS.forEach((amount, i) => {
    const column = FIRST_AMOUNT_COLUMN + i;
    grid.add({ row: top, column, rowSpan: rows, verticalAlign: 'top', ...figureCell(project.figures[amount]) });
    for (const source of SUMMARY_AMOUNT_SOURCES[amount]) at(`funds.年度.${source}`, top, column);
  });
  byGroup.forEach((list, g) => {
    for (let k = 0; k < rows; k++) {
      const index = list[k];
      const indicator = index === undefined ? undefined : form.indicators[index];
      const level3 = FIRST_GROUP_COLUMN + 2 * g;
      grid.add({ row: top + k, column: level3, role: 'text', text: indicator?.level3 ?? '' });
      grid.add({ row: top + k, column: level3 + 1, role: 'text', text: indicator?.value ?? '' });
      if (index === undefined) continue;
      // The table prints no 一级 or 二级 of its own: findings on them point at the indicator's row.
      for (const field of ['level3', 'level1', 'level2'] as const) at(`indicators.${index}.${field}`, top + k, level3);
      at(`indicators.${index}.value`, top + k, level3 + 1);
    }
  });
  return { rows, placement: { formIndex, cells: sortedByField(cells), nameCell: { row: top, column: NAME_COLUMN } } };
}

function figureCell(figure: SummaryFigure | undefined): { role: 'amount' | 'text'; align: 'right'; amount?: string; decimals?: number; text?: string } {
  if (figure && 'text' in figure) return { role: 'text', align: 'right', text: figure.text };
  return { role: 'amount', align: 'right', decimals: 2, ...(figure ? { amount: figure.amount } : {}) };
}

/** Indicators by index, so 'indicators' (the tree as a whole) finds the first indicator's cell first. */
function sortedByField(cells: Map<FormFieldPath, SummaryCell>): Map<FormFieldPath, SummaryCell> {
  const order = (field: FormFieldPath) => Number(/^indicators\.(\d+)\./.exec(field)?.[1] ?? -1);
  return new Map([...cells.entries()].sort(([a], [b]) => order(a) - order(b)));
}
