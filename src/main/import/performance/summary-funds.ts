// The 项目金额 of the 项目绩效目标汇总表 as a form's 年度 项目资金（元）. The table prints 资金总额 and its sources by
// kind (政府预算资金, 财政专户管理资金, 单位资金), the form by level (中央/省级/市县（区）/单位自筹/其他): 政府预算资金 is the
// department's own government's money, so it goes to the level of that government — 市县（区） for a 市/县/区
// department, 省级 otherwise; 单位资金 is 单位自筹; 财政专户管理资金 is neither, so 其他资金.
import type { FundBreakdown, FundSource, PerformanceTargetForm } from '../../../shared/performance';
import type { AmountField } from './summary-header';

/** A province's name (or a municipality's, whose 市级 is a province's level) in front of the department's. */
const PROVINCE = /^[\u4e00-\u9fff]{2,8}?(?:省|自治区)|^(?:北京|上海|天津|重庆)市/;
/** A place below the province: 新乡市…, 某某县…, 某某区… (「市场监督管理局」 names no place: its 市 comes first). */
const LOCAL = /^[\u4e00-\u9fff]{1,8}?(?:市|县|区|旗|州|盟)/;

/**
 * Where 政府预算资金 goes on the form, by the department's (or, unknown, its unit's) name: 市县（区） when the name
 * starts with a place below the province, else 省级 (also for a name that names no place at all).
 */
export function governmentBudgetSource(name: string): Extract<FundSource, 'provincial' | 'cityCounty'> {
  const compact = name.replace(/\s+/g, '');
  const province = PROVINCE.exec(compact);
  const rest = province ? compact.slice(province[0].length) : compact;
  return LOCAL.test(rest) ? 'cityCounty' : 'provincial';
}

const SOURCE_OF: Readonly<Record<Exclude<AmountField, 'total'>, FundSource | 'government'>> = {
  governmentBudget: 'government',
  specialAccount: 'other',
  unitFunds: 'selfRaised',
};

/** The 年度 breakdown from the amounts in 元 (canonical strings), 政府预算资金 at the level `levelName` says. */
export function summaryFunds(amounts: Partial<Record<AmountField, string>>, levelName: string): FundBreakdown {
  const funds: FundBreakdown = { unit: '元' };
  if (amounts.total !== undefined) funds.total = amounts.total;
  for (const field of ['governmentBudget', 'specialAccount', 'unitFunds'] as const) {
    const amount = amounts[field];
    if (amount === undefined) continue;
    const source = SOURCE_OF[field];
    funds[source === 'government' ? governmentBudgetSource(levelName) : source] = amount;
  }
  return funds;
}

/**
 * A summary form read without its department's name (the table prints 「部门名称：本级」 and a blank name on the
 * department row) takes the name the import settled on; 政府预算资金, placed by the unit's name until then, moves to
 * the level that name says. Other forms are returned as they are.
 */
export function settleSummaryForm(form: PerformanceTargetForm, departmentName: string | undefined): PerformanceTargetForm {
  const name = departmentName?.trim() ?? '';
  if (form.layout !== 'summary' || form.department.name || !name) return form;
  const annual = { ...form.funds.年度 };
  const government = annual.cityCounty ?? annual.provincial;
  if (government !== undefined && annual.cityCounty !== undefined && annual.provincial !== undefined) {
    // Both filled is not what the reader writes: leave the money as it is.
    return { ...form, department: { ...form.department, name } };
  }
  delete annual.cityCounty;
  delete annual.provincial;
  if (government !== undefined) annual[governmentBudgetSource(name)] = government;
  return { ...form, department: { ...form.department, name }, funds: { ...form.funds, 年度: annual } };
}
