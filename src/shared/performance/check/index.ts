// The 绩效目标表 checks (rule ids "perf.*"): every rule of the family's catalogue that isFormRule, run over the book's
// current forms and figures. The validator calls checkPerformanceForms at every findings(), so an edit of a form
// (book.performanceForms / book.departmentPerformance replaced or changed) or of a table figure is always seen.
import type { Finding, FormRule } from '../../validation/types';
import { checkDepartmentBudget } from './department';
import type { FormCheckContext } from './context';
import { checkFundPeriods, checkFundSplits } from './funds';
import { checkFormIndicatorCategories, checkFormIndicatorLevels, checkFormIndicatorValues } from './indicators';
import { checkIndicatorPeriods } from './periods';
import { checkProjectForms } from './projects';
import { checkRepeatedText } from './repeated-text';

function checkRule(rule: FormRule, ctx: FormCheckContext): Finding[] {
  switch (rule.kind) {
    case 'projectForms':
      return checkProjectForms(rule, ctx);
    case 'formFundSplit':
      return checkFundSplits(rule, ctx);
    case 'formFundPeriods':
      return checkFundPeriods(rule, ctx);
    case 'formIndicatorCategories':
      return checkFormIndicatorCategories(rule, ctx);
    case 'formIndicatorValues':
      return checkFormIndicatorValues(rule, ctx);
    case 'formRepeatedText':
      return checkRepeatedText(rule, ctx);
    case 'formIndicatorLevels':
      return checkFormIndicatorLevels(rule, ctx);
    case 'formIndicatorPeriods':
      return checkIndicatorPeriods(rule, ctx);
    case 'departmentBudget':
      return checkDepartmentBudget(rule, ctx);
  }
}

/** Findings of the form rules; nothing when the book carries no forms. */
export function checkPerformanceForms(rules: readonly FormRule[], ctx: FormCheckContext): Finding[] {
  if (!ctx.book.performanceForms && !ctx.book.departmentPerformance) return [];
  return rules.flatMap((rule) => checkRule(rule, ctx));
}

export type { FormCheckContext } from './context';
export { indicatorCategory } from './indicators';
export { isOneYearProject } from './funds';
export { sameIndicatorName } from './periods';
export { findRepeatedRun, type RepeatedRun, type RepeatOptions } from './repeated-text';
export { DEPARTMENT_BUDGET_LABELS } from './department';
