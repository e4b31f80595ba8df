// 河南's 部门（单位）整体绩效目标表 laid out as seed 003 prints it: 部门名称 over the form, 年度履职目标, 年度主要任务
// (任务名称 | 主要内容), 预算情况 in 万元, then the indicators 一级 | 二级 | 三级 | 指标值 | 指标值说明 with 一级 and 二级
// merged over the rows they head.
import type { DepartmentBudgetFigures, DepartmentPerformanceForm } from '../../../shared/performance';
import { normaliseName } from '../../../shared/catalogue/normalise';
import { FORM_LOOK, GridBuilder, rowsFor, type FormGrid } from './form-grid';
import { FORM_TEXT } from './text';

/** 一级指标, 二级指标, 三级指标, 指标值, 指标值说明. */
export const DEPARTMENT_FORM_COLUMNS = [14, 14, 20, 12, 44] as const;
const LAST = DEPARTMENT_FORM_COLUMNS.length;

/** 预算情况 rows as seed 003 prints them. */
const BUDGET_ROWS: readonly [keyof Omit<DepartmentBudgetFigures, 'unit'>, string][] = [
  ['total', '部门预算总额（万元）'],
  ['governmentBudget', '1、资金来源：（1）政府预算资金'],
  ['specialAccount', '（2）财政专户管理资金'],
  ['unitFunds', '（3）单位资金'],
  ['basic', '2、资金结构：（1）基本支出'],
  ['project', '（2）项目支出'],
];

export function planDepartmentForm(form: DepartmentPerformanceForm, year: number | undefined): FormGrid {
  const grid = new GridBuilder(DEPARTMENT_FORM_COLUMNS);
  const label = (row: number, column: number, text: string, span = 1, rowSpan = 1) => grid.add({ row, column, columnSpan: span, rowSpan, role: 'label', align: 'center', text });
  const shownYear = form.year ?? year;

  grid.add({ row: 1, column: 1, columnSpan: LAST, role: 'title', align: 'center', text: form.title ?? FORM_TEXT.departmentTitle });
  grid.atLeast(1, FORM_LOOK.titleHeight);
  grid.add({ row: 2, column: 1, columnSpan: LAST, role: 'subtitle', align: 'center', text: shownYear ? FORM_TEXT.departmentYear(shownYear) : '' });
  grid.add({ row: 3, column: 1, columnSpan: LAST, role: 'foot', text: `部门名称：${form.departmentName}`, field: 'departmentName' });

  let row = 4;
  const goalRows = rowsFor(form.annualGoal, grid.spanWidth(2, LAST - 1));
  label(row, 1, '年度履职目标', 1, goalRows);
  grid.add({ row, column: 2, columnSpan: LAST - 1, rowSpan: goalRows, role: 'text', text: form.annualGoal, field: 'annualGoal' });
  row += goalRows;

  const tasks = form.tasks.length > 0 ? form.tasks : [{ name: '', content: '' }];
  label(row, 1, '年度主要任务', 1, tasks.length + 1);
  label(row, 2, '任务名称', 2);
  label(row, 4, '主要内容', 2);
  row++;
  tasks.forEach((task, i) => {
    grid.add({ row, column: 2, columnSpan: 2, role: 'text', text: task.name, field: `tasks.${i}.name` });
    grid.add({ row, column: 4, columnSpan: 2, role: 'text', text: task.content, field: `tasks.${i}.content` });
    row++;
  });

  label(row, 1, '预算情况', 1, BUDGET_ROWS.length);
  for (const [key, caption] of BUDGET_ROWS) {
    grid.add({ row, column: 2, columnSpan: 2, role: 'label', text: caption });
    grid.add({ row, column: 4, columnSpan: 2, role: 'amount', align: 'right', amount: form.budget[key], decimals: 2, field: `budget.${key}` });
    row++;
  }

  ['一级指标', '二级指标', '三级指标', '指标值', '指标值说明'].forEach((caption, i) => label(row, i + 1, caption));
  row++;
  // 一级 merged over its consecutive rows, 二级 over its consecutive rows within them; a blank one stays unmerged.
  const key = (text: string) => normaliseName(text);
  const first = row;
  form.indicators.forEach((indicator, i) => {
    const at = first + i;
    grid.add({ row: at, column: 3, role: 'text', text: indicator.level3, field: `indicators.${i}.level3` });
    grid.add({ row: at, column: 4, role: 'text', text: indicator.value, field: `indicators.${i}.value` });
    grid.add({ row: at, column: 5, role: 'text', text: indicator.note ?? '', field: `indicators.${i}.note` });
  });
  const runs = (level: 'level1' | 'level2', column: number) => {
    let start = 0;
    form.indicators.forEach((indicator, i) => {
      const next = form.indicators[i + 1];
      const sameGroup = (a: typeof indicator, b: typeof indicator) => key(a[level]) !== '' && key(a[level]) === key(b[level]) && (level === 'level1' || key(a.level1) === key(b.level1));
      if (next && sameGroup(indicator, next)) return;
      const head = form.indicators[start];
      if (head && key(head[level])) grid.add({ row: first + start, column, rowSpan: i - start + 1, role: 'text', align: 'center', text: head[level], field: `indicators.${start}.${level}` });
      else for (let r = start; r <= i; r++) grid.add({ row: first + r, column, role: 'text', text: '', field: `indicators.${r}.${level}` });
      start = i + 1;
    });
  };
  runs('level1', 1);
  runs('level2', 2);
  row += form.indicators.length;
  return { widths: [...DEPARTMENT_FORM_COLUMNS], heights: grid.heights(row - 1), cells: grid.cells, ruled: { top: 4, bottom: row - 1 } };
}
