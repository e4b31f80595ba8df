// Public entry of the 项目支出绩效目标表 model.
export type {
  DepartmentBudgetFigures,
  DepartmentIndicator,
  DepartmentPerformanceForm,
  DepartmentRef,
  DepartmentTask,
  FormFieldPath,
  FormLocation,
  FormSource,
  FundBreakdown,
  FundSource,
  IndicatorComparator,
  IndicatorValue,
  PerformanceContacts,
  PerformanceIndicator,
  PerformancePeriod,
  PerformanceTargetForm,
} from './types';
export { FUND_SOURCE_LABELS, FUND_SOURCES, fundSourcesOf, PERFORMANCE_PERIODS } from './types';
export { formatDepartmentRef, parseDepartmentRef } from './department';
export type { IndicatorLevel1 } from './framework';
export { checkIndicatorLevels, INDICATOR_FRAMEWORK, matchLevel1, matchLevel2 } from './framework';
export { parseIndicatorValue, withParsedValue } from './indicator-value';
export type { AnnualFundsCheck, FundSplitCheck } from './funds';
export { checkAnnualFunds, checkFormFundSplits, checkFundSplit, toFundAmount } from './funds';
export type { FormMatching, ProjectFormMatch, ProjectRef } from './match';
export { listProjects, matchForms } from './match';
export { blankForm } from './blank';
