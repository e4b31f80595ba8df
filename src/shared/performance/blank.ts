// A form with nothing filled in but what the caller knows: every text field '', no indicators, no contacts. The
// editor's 新建 and the 汇总表 reader start from it, so a field added to the form has its blank in one place.
import type { PerformanceTargetForm } from './types';

type Known = Pick<PerformanceTargetForm, 'projectName'> & Partial<PerformanceTargetForm>;

export function blankForm(known: Known): PerformanceTargetForm {
  return {
    department: { code: '', name: '' },
    implementingUnit: '',
    projectAttribute: '',
    projectTerm: '',
    funds: { 实施期: { unit: '元' }, 年度: { unit: '元' } },
    overview: '',
    basis: '',
    necessity: '',
    safeguards: '',
    plan: '',
    overallGoals: { 实施期: '', 年度: '' },
    indicators: [],
    contacts: {},
    ...known,
  };
}
