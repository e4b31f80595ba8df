// The 项目支出绩效目标表 rules ("perf.*") both families' catalogues share, as data: only the project table, the way
// the family names it and which periods every form must fill differ. Checked by src/shared/performance/check.
import type { PerformancePeriod } from '../../performance/types';
import type { FormRule } from '../types';

/** 项目期 of a one-year project as clerks and systems print it (the system prints 「99年」 for an ongoing one). */
export const ONE_YEAR_TERMS = ['1年', '一年', '1', '1年期', '一年期'];

/** Whole texts that are ordinary ABAB reduplications, not text typed twice. */
const REDUPLICATED_WORDS = ['研究研究', '讨论讨论', '商量商量', '考虑考虑', '学习学习', '了解了解', '休息休息', '雪白雪白', '通红通红', '笔直笔直'];

export interface ProjectFormsSpec {
  /** The family's project table and amount column (TemplateFamily.projects). */
  table: string;
  column: string;
  /** 「表十二」 or 「表10」, as the family numbers its tables. */
  tableName: string;
  /** Periods every form must fill with indicators. */
  periods: readonly PerformancePeriod[];
  /** Check 一级/二级 against the framework (false where the published form prints no 二级指标). */
  levels: boolean;
}

export function performanceFormRules(spec: ProjectFormsSpec): FormRule[] {
  const { table, column, tableName, periods, levels } = spec;
  return [
    {
      id: 'perf.project',
      kind: 'projectForms',
      severity: 'error',
      missingSeverity: 'warning',
      unmatchedSeverity: 'warning',
      title: `${tableName}每个项目有绩效目标表、每张绩效目标表对应${tableName}的项目，年度资金总额（元）四舍五入后等于项目金额（万元）`,
      table,
      column,
    },
    { id: 'perf.funds.split', kind: 'formFundSplit', severity: 'error', title: '绩效目标表项目资金：实施期、年度各资金来源之和等于资金总额' },
    { id: 'perf.funds.periods', kind: 'formFundPeriods', severity: 'error', title: '绩效目标表实施期资金总额不小于年度资金总额，一年期项目两者相等', oneYearTerms: ONE_YEAR_TERMS },
    {
      id: 'perf.indicators.required',
      kind: 'formIndicatorCategories',
      severity: 'error',
      title: '绩效目标表每期都有产出指标、效益指标和满意度指标',
      categories: ['产出指标', '效益指标', '满意度指标'],
      periods,
    },
    { id: 'perf.indicators.value', kind: 'formIndicatorValues', severity: 'error', title: '绩效指标的三级指标都填写了指标值' },
    {
      id: 'perf.text.repeat',
      kind: 'formRepeatedText',
      severity: 'warning',
      title: '绩效目标表的文字（指标名称、指标值、项目概况、总体目标等）没有重复书写',
      fields: ['level3', 'value', 'overview', 'basis', 'necessity', 'safeguards', 'plan', 'overallGoals'],
      departmentForm: true,
      minRun: 2,
      allowed: REDUPLICATED_WORDS,
      compoundSuffixes: ['性', '型', '化'],
    },
    ...(levels ? [{ id: 'perf.indicators.levels', kind: 'formIndicatorLevels', severity: 'warning', title: '绩效指标的一级、二级指标齐全且属于标准指标体系' } as const] : []),
    { id: 'perf.indicators.periods', kind: 'formIndicatorPeriods', severity: 'warning', title: '实施期与年度绩效指标一一对应，一年期项目指标值相同', minPrefix: 4, oneYearTerms: ONE_YEAR_TERMS },
  ];
}
