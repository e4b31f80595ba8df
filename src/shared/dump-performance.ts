// The 绩效目标表 in a dump: every field in a fixed key order, without `source` (where a form was read from is not its
// content), optional fields only when set, and each 指标值 read afresh (parseIndicatorValue), so a dump never depends
// on whether a reader or an editor filled in `parsed`.
import { Dec, formatAmount } from './money';
import {
  FUND_SOURCES,
  parseIndicatorValue,
  PERFORMANCE_PERIODS,
  type DepartmentPerformanceForm,
  type FundBreakdown,
  type IndicatorValue,
  type PerformancePeriod,
  type PerformanceTargetForm,
} from './performance';

export interface DumpIndicatorValue {
  comparator: IndicatorValue['comparator'];
  number?: string;
  unit?: string;
}

export interface DumpProjectIndicator {
  period: PerformancePeriod;
  level1: string;
  level2: string;
  level3: string;
  value: string;
  parsed: DumpIndicatorValue;
}

/** A form as dumped: without `source`; its indicators as DumpProjectIndicator. */
export type DumpProjectForm = Omit<PerformanceTargetForm, 'source' | 'indicators'> & { indicators: DumpProjectIndicator[] };

export interface DumpDepartmentIndicator {
  level1: string;
  level2: string;
  level3: string;
  value: string;
  parsed: DumpIndicatorValue;
  note?: string;
}

export interface DumpDepartmentForm {
  title?: string;
  year?: number;
  departmentName: string;
  annualGoal: string;
  tasks: { name: string; content: string }[];
  budget: { unit: '万元'; total?: string; governmentBudget?: string; specialAccount?: string; unitFunds?: string; basic?: string; project?: string };
  indicators: DumpDepartmentIndicator[];
}

/** `{ key: value }` when the value is set, else nothing: spread into an object literal to keep the key order. */
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

function parsed(value: string): DumpIndicatorValue {
  const read = parseIndicatorValue(value);
  return { comparator: read.comparator, ...optional('number', read.number), ...optional('unit', read.unit) };
}

function funds(breakdown: FundBreakdown): FundBreakdown {
  return { unit: breakdown.unit, ...optional('total', breakdown.total), ...Object.assign({}, ...FUND_SOURCES.map((source) => optional(source, breakdown[source]))) };
}

const byPeriod = <T>(read: (period: PerformancePeriod) => T): Record<PerformancePeriod, T> =>
  Object.fromEntries(PERFORMANCE_PERIODS.map((period) => [period, read(period)])) as Record<PerformancePeriod, T>;

export function dumpProjectForm(form: PerformanceTargetForm): DumpProjectForm {
  return {
    ...optional('title', form.title),
    ...optional('year', form.year),
    projectName: form.projectName,
    department: { code: form.department.code, name: form.department.name },
    implementingUnit: form.implementingUnit,
    projectAttribute: form.projectAttribute,
    projectTerm: form.projectTerm,
    funds: byPeriod((period) => funds(form.funds[period])),
    overview: form.overview,
    basis: form.basis,
    necessity: form.necessity,
    safeguards: form.safeguards,
    plan: form.plan,
    overallGoals: byPeriod((period) => form.overallGoals[period]),
    indicators: form.indicators.map((i) => ({ period: i.period, level1: i.level1, level2: i.level2, level3: i.level3, value: i.value, parsed: parsed(i.value) })),
    contacts: {
      ...optional('responsiblePerson', form.contacts.responsiblePerson),
      ...optional('handler', form.contacts.handler),
      ...optional('phone', form.contacts.phone),
      ...optional('filledOn', form.contacts.filledOn),
    },
    ...optional('layout', form.layout),
  };
}

export function dumpDepartmentForm(form: DepartmentPerformanceForm): DumpDepartmentForm {
  const budget = form.budget;
  return {
    ...optional('title', form.title),
    ...optional('year', form.year),
    departmentName: form.departmentName,
    annualGoal: form.annualGoal,
    tasks: form.tasks.map((task) => ({ name: task.name, content: task.content })),
    budget: {
      unit: budget.unit,
      ...optional('total', budget.total),
      ...optional('governmentBudget', budget.governmentBudget),
      ...optional('specialAccount', budget.specialAccount),
      ...optional('unitFunds', budget.unitFunds),
      ...optional('basic', budget.basic),
      ...optional('project', budget.project),
    },
    indicators: form.indicators.map((i) => ({ level1: i.level1, level2: i.level2, level3: i.level3, value: i.value, parsed: parsed(i.value), ...optional('note', i.note) })),
  };
}

/** The forms in the human-readable dump: one line each, after the tables. */
export function performanceDumpLines(dump: { performanceForms?: DumpProjectForm[]; departmentPerformance?: DumpDepartmentForm }): string[] {
  const lines: string[] = [];
  const department = dump.departmentPerformance;
  if (department) {
    const total = department.budget.total === undefined ? '' : `　部门预算总额=${formatAmount(new Dec(department.budget.total))}万元`;
    lines.push(`部门整体绩效目标表：${department.departmentName}${total}　指标 ${department.indicators.length} 项`, '');
  }
  const forms = dump.performanceForms ?? [];
  if (forms.length > 0) {
    lines.push(`项目支出绩效目标表（${forms.length} 张）：`);
    for (const form of forms) {
      const annual = form.funds['年度'].total;
      const amount = annual === undefined ? '' : `　年度资金总额=${formatAmount(new Dec(annual))}元`;
      lines.push(`  ${form.projectName}　实施单位：${form.implementingUnit}　项目期：${form.projectTerm}${amount}　指标 ${form.indicators.length} 项`);
    }
    lines.push('');
  }
  return lines;
}
