// A 项目支出绩效目标表 laid out as the budget system prints it (seed 000's 大同 forms, seed 004's 山西省 申报表): eight
// columns — 绩效指标 | 一级 | then 二级 | 三级 | 指标值 for 实施期 and again for 年度 — with the upper part (项目名称 …
// 项目资金 … 总体目标) merged across them, and the 负责人 line under the form.
import { formatDepartmentRef, FUND_SOURCE_LABELS, fundSourcesOf, PERFORMANCE_PERIODS, type FundBreakdown, type PerformanceIndicator, type PerformancePeriod, type PerformanceTargetForm } from '../../../shared/performance';
import { FORM_LOOK, GridBuilder, rowsFor, type FormGrid } from './form-grid';
import { indicatorBlocks } from './indicator-rows';
import { FORM_TEXT } from './text';

/** Column widths (Excel units): 绩效指标, 一级指标, then 二级 / 三级 / 指标值 for 实施期 and for 年度. */
export const PROJECT_FORM_COLUMNS = [10, 11, 13, 14, 15, 13, 14, 15] as const;
const LAST = PROJECT_FORM_COLUMNS.length;
/** First column of each period's half: 实施期 C–E, 年度 F–H. */
const HALF: Record<PerformancePeriod, number> = { 实施期: 3, 年度: 6 };

/** The 项目概况 … 项目实施计划 rows: label and the form's field. */
const TEXT_ROWS = [
  ['overview', '项目概况'],
  ['basis', '立项依据'],
  ['necessity', '项目设立必要性'],
  ['safeguards', '保证项目实施的制度、措施'],
  ['plan', '项目实施计划'],
] as const;

const CONTACTS = [
  ['responsiblePerson', '负责人：'],
  ['handler', '经办人：'],
  ['phone', '联系电话：'],
  ['filledOn', '填报日期：'],
] as const;

/** Decimals an amount is printed with: whole 元 as 50,000, anything else with its 分 (28,569.78). */
export function printedDecimals(value: string): number {
  const fraction = (value.split('.')[1] ?? '').replace(/0+$/, '');
  return fraction ? Math.max(2, fraction.length) : 0;
}

export interface FormHeading {
  title: string;
  year?: number;
}

export function planProjectForm(form: PerformanceTargetForm, heading: FormHeading): FormGrid {
  const grid = new GridBuilder(PROJECT_FORM_COLUMNS);
  const label = (row: number, column: number, text: string, span = 1, rowSpan = 1) => grid.add({ row, column, columnSpan: span, rowSpan, role: 'label', align: 'center', text });
  const text = (row: number, column: number, value: string, field: string, span = 1, rowSpan = 1) => grid.add({ row, column, columnSpan: span, rowSpan, role: 'text', text: value, field });

  grid.add({ row: 1, column: 1, columnSpan: LAST, role: 'title', align: 'center', text: heading.title });
  grid.atLeast(1, FORM_LOOK.titleHeight);
  grid.add({ row: 2, column: 1, columnSpan: LAST, role: 'subtitle', align: 'center', text: heading.year ? FORM_TEXT.year(heading.year) : '' });

  label(3, 1, '项目名称', 2);
  text(3, 3, form.projectName, 'projectName', LAST - 2);
  label(4, 1, '主管部门及代码', 2);
  text(4, 3, formatDepartmentRef(form.department), 'department', 2);
  label(4, 5, '实施单位');
  text(4, 6, form.implementingUnit, 'implementingUnit', 3);
  label(5, 1, '项目属性', 2);
  text(5, 3, form.projectAttribute, 'projectAttribute', 2);
  label(5, 5, '项目期');
  text(5, 6, form.projectTerm, 'projectTerm', 3);

  // 项目资金（元）: 资金总额 and the five sources, 实施期 on the left, 年度 on the right.
  const fundsTop = 6;
  const fundRows: [keyof FundBreakdown, string, string][] = [
    ['total', FORM_TEXT.fundTotal('实施期'), FORM_TEXT.fundTotal('年度')],
    ...fundSourcesOf(form.funds).map((source, i): [keyof FundBreakdown, string, string] => {
      const printed = (i === 0 ? FORM_TEXT.among : '') + FUND_SOURCE_LABELS[source];
      return [source, printed, printed];
    }),
  ];
  label(fundsTop, 1, FORM_TEXT.fundsLabel, 2, fundRows.length);
  fundRows.forEach(([key, left, right], i) => {
    const row = fundsTop + i;
    PERFORMANCE_PERIODS.forEach((period) => {
      const column = HALF[period];
      grid.add({ row, column, columnSpan: 2, role: 'label', text: period === '实施期' ? left : right });
      const value = form.funds[period][key];
      grid.add({ row, column: column + 2, role: 'amount', align: 'right', amount: value, decimals: value === undefined ? 0 : printedDecimals(value), field: `funds.${period}.${key}` });
    });
  });

  let row = fundsTop + fundRows.length;
  for (const [field, caption] of TEXT_ROWS) {
    const span = rowsFor(form[field], grid.spanWidth(3, LAST - 2));
    label(row, 1, caption, 2, span);
    text(row, 3, form[field], field, LAST - 2, span);
    row += span;
  }

  // 总体目标: a caption row 实施期目标 | 年度目标, then the two goals.
  label(row, 1, '', 2);
  PERFORMANCE_PERIODS.forEach((period) => label(row, HALF[period], FORM_TEXT.goalHeading(period), 3));
  row++;
  const goalRows = Math.max(...PERFORMANCE_PERIODS.map((period) => rowsFor(form.overallGoals[period], grid.spanWidth(HALF[period], 3))));
  label(row, 1, '总体目标', 2, goalRows);
  PERFORMANCE_PERIODS.forEach((period) => text(row, HALF[period], form.overallGoals[period], `overallGoals.${period}`, 3, goalRows));
  row += goalRows;

  row = indicatorRows(grid, form.indicators, row);

  // 负责人 / 经办人 / 联系电话 / 填报日期 under the form: caption and value in cells of their own, as the system prints them.
  const foot = row;
  CONTACTS.forEach(([field, caption], i) => {
    grid.add({ row: foot, column: 2 * i + 1, role: 'foot', text: caption });
    grid.add({ row: foot, column: 2 * i + 2, role: 'foot', text: form.contacts[field] ?? '', field: `contacts.${field}` });
  });

  return { widths: [...PROJECT_FORM_COLUMNS], heights: grid.heights(foot), cells: grid.cells, ruled: { top: 3, bottom: foot - 1 } };
}

/** The indicator header and tree from `top`; returns the row after it. */
function indicatorRows(grid: GridBuilder, indicators: readonly PerformanceIndicator[], top: number): number {
  const index = new Map(indicators.map((indicator, i) => [indicator, i]));
  const headers = ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'];
  headers.forEach((caption, i) => grid.add({ row: top, column: i + 2, role: 'label', align: 'center', text: caption }));
  let row = top + 1;
  for (const block of indicatorBlocks(indicators)) {
    const blockTop = row;
    for (const segment of block.segments) {
      const segmentTop = row;
      for (const paired of segment.rows) {
        for (const period of PERFORMANCE_PERIODS) {
          const indicator = paired[period];
          const at = indicator ? index.get(indicator) : undefined;
          const field = (name: string) => (at === undefined ? {} : { field: `indicators.${at}.${name}` });
          // A side without a 二级 to print (a blank 二级, or a group only the other period has) gets plain blank cells.
          if (!segment.level2[period]) grid.add({ row, column: HALF[period], role: 'text', text: '', ...field('level2') });
          grid.add({ row, column: HALF[period] + 1, role: 'text', text: indicator?.level3 ?? '', ...field('level3') });
          grid.add({ row, column: HALF[period] + 2, role: 'text', text: indicator?.value ?? '', ...field('value') });
        }
        row++;
      }
      // A 二级 group is one merged cell over its rows: that is how a reader knows the rows below carry it.
      for (const period of PERFORMANCE_PERIODS) {
        if (!segment.level2[period]) continue;
        const first = segment.rows.find((r) => r[period])?.[period];
        const at = first ? index.get(first) : undefined;
        grid.add({ row: segmentTop, column: HALF[period], rowSpan: row - segmentTop, role: 'text', align: 'center', text: segment.level2[period], ...(at === undefined ? {} : { field: `indicators.${at}.level2` }) });
      }
    }
    const first = block.segments.flatMap((segment) => segment.rows.flatMap((r) => PERFORMANCE_PERIODS.map((period) => r[period]))).find((indicator) => indicator !== undefined);
    const at = first ? index.get(first) : undefined;
    if (block.level1) grid.add({ row: blockTop, column: 2, rowSpan: row - blockTop, role: 'text', align: 'center', text: block.level1, ...(at === undefined ? {} : { field: `indicators.${at}.level1` }) });
    else for (let r = blockTop; r < row; r++) grid.add({ row: r, column: 2, role: 'text', text: '' });
  }
  grid.add({ row: top, column: 1, rowSpan: row - top, role: 'label', align: 'center', text: '绩效指标' });
  return row;
}
