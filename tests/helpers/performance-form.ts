// A 大同市 项目支出绩效目标表 as seed 000 prints it, with only the funds varying: city money equal to the total.
import { parseDepartmentRef, toFundAmount, type PerformanceTargetForm } from '../../src/shared/performance';

export function cityForm(projectName: string, printedYuan: string): PerformanceTargetForm {
  const yuan = toFundAmount(printedYuan);
  const funds = { unit: '元' as const, total: yuan, central: '0.00', provincial: '0.00', cityCounty: yuan, selfRaised: '0.00' };
  return {
    title: '大同市市级预算部门（单位）项目支出绩效目标表',
    year: 2024,
    projectName,
    department: parseDepartmentRef('038-大同市人民政府金融工作办公室[部门]'),
    implementingUnit: '大同市人民政府金融工作办公室',
    projectAttribute: '经常性项目（长期开展）',
    projectTerm: '99年',
    funds: { 实施期: funds, 年度: { ...funds } },
    overview: '',
    basis: '',
    necessity: '',
    safeguards: '',
    plan: '',
    overallGoals: { 实施期: '', 年度: '' },
    indicators: [],
    contacts: {},
  };
}
