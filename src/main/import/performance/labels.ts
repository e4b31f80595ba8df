// The printed labels of the 绩效目标表 as data. A label matches a cell whatever the width of its brackets and colon,
// with spaces anywhere inside (「绩效 指标」, 「项目资金 (元)」) and an optional 「其中：」 in front; a value may follow
// the label in the same cell after a colon (「项目名称：某某经费」).

export const PROJECT_LABELS = {
  projectName: ['项目名称'],
  department: ['主管部门及代码', '主管部门'],
  implementingUnit: ['实施单位'],
  projectAttribute: ['项目属性'],
  projectTerm: ['项目期', '项目周期', '实施周期'],
  fundsHeading: ['项目资金（元）', '项目资金（万元）', '项目资金'],
  totalImplementation: ['实施期资金总额'],
  totalAnnual: ['年度资金总额'],
  fiscal: ['财政拨款资金', '财政拨款'],
  central: ['中央财政资金'],
  provincial: ['省级财政资金'],
  // The column is narrow: the label is printed cut (「市县（区）财政资」, its 「金」 on the next line).
  cityCounty: ['市县（区）财政资金', '市县（区）财政资', '市县（区）财政'],
  selfRaised: ['单位自筹资金', '单位自筹'],
  other: ['其他资金'],
  overview: ['项目概况'],
  basis: ['立项依据'],
  necessity: ['项目设立必要性'],
  safeguards: ['保证项目实施的制度、措施'],
  plan: ['项目实施计划'],
  goalsImplementation: ['实施期目标'],
  goalsAnnual: ['年度目标'],
  overallGoals: ['总体目标'],
  indicatorsHeading: ['绩效指标'],
  level1Heading: ['一级指标'],
  level2Heading: ['二级指标'],
  level3Heading: ['三级指标'],
  valueHeading: ['指标值'],
  responsiblePerson: ['项目负责人', '负责人'],
  handler: ['经办人'],
  phone: ['联系电话'],
  filledOn: ['填报日期'],
} as const;

export type ProjectLabel = keyof typeof PROJECT_LABELS;

export const DEPARTMENT_LABELS = {
  departmentName: ['部门（单位）名称', '部门名称', '单位名称'],
  annualGoal: ['年度履职目标'],
  tasks: ['年度主要任务'],
  taskName: ['任务名称'],
  taskContent: ['主要内容'],
  budget: ['预算情况'],
  level1Heading: ['一级指标'],
  level2Heading: ['二级指标'],
  level3Heading: ['三级指标'],
  valueHeading: ['指标值'],
  noteHeading: ['指标值说明'],
} as const;

export type DepartmentLabel = keyof typeof DEPARTMENT_LABELS;

/** 预算情况 lines of the department-wide form: a cell naming the figure contains the word (「1、资金来源：（1）政府预算资金」). */
export const DEPARTMENT_BUDGET_WORDS = {
  total: '部门预算总额',
  governmentBudget: '政府预算资金',
  specialAccount: '财政专户管理资金',
  unitFunds: '单位资金',
  basic: '基本支出',
  project: '项目支出',
} as const;

/** Characters printed in either width, and the enumeration comma that some forms leave out. */
const VARIANTS: Record<string, string> = {
  '（': '[（(]',
  '(': '[（(]',
  '）': '[）)]',
  ')': '[）)]',
  '：': '[：:]',
  ':': '[：:]',
  '、': '[、，,]?',
};

const escape = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function labelSource(label: string): string {
  return [...label].map((ch) => VARIANTS[ch] ?? escape(ch)).join('\\s*');
}

export interface LabelMatch<K extends string> {
  key: K;
  /** Text after the label's colon in the same cell ('' when the cell holds the label alone). */
  rest: string;
}

export type LabelMatcher<K extends string> = (text: string) => LabelMatch<K> | undefined;

/** Compiles a vocabulary; longer labels are tried first so 「项目资金（元）」 wins over 「项目资金」. */
export function labelMatcher<K extends string>(vocabulary: Readonly<Record<K, readonly string[]>>): LabelMatcher<K> {
  const entries = (Object.keys(vocabulary) as K[])
    .flatMap((key) => vocabulary[key].map((label) => ({ key, label })))
    .sort((a, b) => b.label.length - a.label.length)
    .map(({ key, label }) => ({
      key,
      pattern: new RegExp(`^\\s*(?:其中\\s*[：:]\\s*)?${labelSource(label)}\\s*(?:[：:]\\s*([\\s\\S]*))?$`),
    }));
  return (text) => {
    for (const { key, pattern } of entries) {
      const match = pattern.exec(text);
      if (match) return { key, rest: (match[1] ?? '').trim() };
    }
    return undefined;
  };
}

export const matchProjectLabel = labelMatcher(PROJECT_LABELS);
export const matchDepartmentLabel = labelMatcher(DEPARTMENT_LABELS);
