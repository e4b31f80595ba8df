// 新建绩效目标表: a draft for a project of the family's project table (表十二 / 表10), pre-filled from what the book
// knows. Decisions (documented in the API contract, book.newForm):
//  - 项目名称 and 实施单位 from the project row (its unit; the department when the row names none); 主管部门 the book's
//    department (no code: the book does not know it); the year the book's; 标题, 项目属性, 项目期 left for the clerk.
//  - 项目资金: both 资金总额 (实施期 and 年度) are the project's amount converted to 元 exactly (万元 × 10000); the
//    sources come from the project table's columns (PROJECT_SOURCE_COLUMNS): 财政拨款 to 省级财政资金 when the
//    department is provincial (its name starts with a province-level region, not followed by a city or county of
//    it), else to 市县（区）财政资金; 单位资金 to 单位自筹; any other amount column (财政专户管理资金) to 其他资金. A
//    source with nothing in it stays blank (blank counts as zero on the form).
//  - 绩效指标: per period, one row for every 二级指标 of the standard framework with 三级指标 and 指标值 empty — the
//    printed form's skeleton. Rows left empty are not stored (book.setForm drops them: the framework prints them).
import type { Book, BookRow } from '../../shared/book';
import { convertUnit, Dec, sumAmounts, toCanonical } from '../../shared/money';
import { blankForm } from '../../shared/performance/blank';
import { INDICATOR_FRAMEWORK } from '../../shared/performance/framework';
import { listProjects, type ProjectRef } from '../../shared/performance/match';
import { PERFORMANCE_PERIODS, type FundBreakdown, type FundSource, type PerformanceIndicator, type PerformanceTargetForm } from '../../shared/performance/types';
import { findFamily } from '../../shared/template/registry';
import { ServiceError } from './errors';

/**
 * Which amount columns of the project tables feed which source; every other amount column but the project's
 * amount itself is 其他资金. 财政拨款 is this year's 一般公共预算 / 政府性基金预算 / 国有资本经营预算 (山西 表十二, 河南
 * 表10) and 河南's 财政拨款结转结余.
 */
export const PROJECT_SOURCE_COLUMNS = {
  financial: ['gpb', 'gfb', 'scob', 'carryGpb', 'carryGfb', 'carryScob'],
  selfRaised: ['unitFunds'],
} as const;

/** Province-level regions as departments' names begin with them. */
export const PROVINCE_NAMES: readonly string[] = [
  '北京市', '天津市', '上海市', '重庆市', '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省',
  '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省',
  '甘肃省', '青海省', '台湾省', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
  '香港特别行政区', '澳门特别行政区',
];

/** 「大同市」「晋中市」「阳曲县」「朝阳区」「呼和浩特市」 right after the province: a city or county department. */
const LOCAL_PLACE = /^[\u4e00-\u9fff]{2,4}?(?:市|自治州|州|盟|地区|县|区)/;

/** 「山西省财政厅」 is provincial; 「山西省大同市财政局」 and 「大同市财政局」 are not. */
export function isProvincialDepartment(department: string): boolean {
  const name = department.replace(/\s+/g, '');
  const province = PROVINCE_NAMES.find((p) => name.startsWith(p));
  return province !== undefined && !LOCAL_PLACE.test(name.slice(province.length));
}

/** Yuan, exactly, of a figure held in the book's unit. */
const inYuan = (book: Book, value: Dec): string => toCanonical(convertUnit(value, book.unit, '元'), 2);

function sourceOf(column: string, financial: FundSource): FundSource {
  if ((PROJECT_SOURCE_COLUMNS.financial as readonly string[]).includes(column)) return financial;
  if ((PROJECT_SOURCE_COLUMNS.selfRaised as readonly string[]).includes(column)) return 'selfRaised';
  return 'other';
}

function fundsOf(book: Book, row: BookRow, amountColumn: string, amountColumns: readonly string[]): FundBreakdown {
  const funds: FundBreakdown = { unit: '元' };
  const total = row.values[amountColumn]?.value;
  if (total !== undefined) funds.total = inYuan(book, new Dec(total));
  const financial: FundSource = isProvincialDepartment(book.department) ? 'provincial' : 'cityCounty';
  const bySource = new Map<FundSource, Dec[]>();
  for (const column of amountColumns) {
    const value = row.values[column]?.value;
    if (column === amountColumn || value === undefined) continue;
    const source = sourceOf(column, financial);
    bySource.set(source, [...(bySource.get(source) ?? []), new Dec(value)]);
  }
  for (const [source, values] of bySource) {
    const sum = sumAmounts(values);
    if (!sum.isZero()) funds[source] = inYuan(book, sum);
  }
  return funds;
}

/** The printed skeleton: every 二级指标 of the framework once per period, 三级指标 and 指标值 empty. */
export function indicatorSkeleton(): PerformanceIndicator[] {
  return PERFORMANCE_PERIODS.flatMap((period) =>
    INDICATOR_FRAMEWORK.flatMap((level1) => level1.level2.map((level2) => ({ period, level1: level1.name, level2, level3: '', value: '' }))),
  );
}

/** Indicator rows the clerk left empty (no 三级指标, no 指标值) are the printed skeleton, not data. */
export function withoutEmptyIndicators(form: PerformanceTargetForm): PerformanceTargetForm {
  const indicators = form.indicators.filter((i) => i.level3.trim() !== '' || i.value.trim() !== '');
  return indicators.length === form.indicators.length ? form : { ...form, indicators };
}

export function draftForm(book: Book, rowKey: string): { form: PerformanceTargetForm; project: ProjectRef } {
  const spec = findFamily(book.familyId)?.projects;
  const listed = listProjects(book);
  const project = listed.projects.find((p) => p.rowKey === rowKey);
  const row = book.tables.find((t) => t.tableId === spec?.table)?.rows.find((r) => r.key === rowKey && r.level === 'project');
  if (!spec || !project || !row) throw new ServiceError('not-found', `项目支出预算表中没有这个项目（${rowKey}），无法新建绩效目标表。`);
  const def = findFamily(book.familyId)?.tables.find((t) => t.id === spec.table);
  const amountColumns = (def?.sides.find((s) => s.id === row.side)?.columns ?? []).filter((c) => c.kind === 'amount').map((c) => c.id);
  const funds = fundsOf(book, row, spec.amountColumn, amountColumns);
  const form = blankForm({
    year: book.year,
    projectName: row.name,
    department: { code: '', name: book.department },
    implementingUnit: row.unitName ?? book.department,
    funds: { 实施期: funds, 年度: { ...funds } },
    indicators: indicatorSkeleton(),
  });
  return { form, project };
}
