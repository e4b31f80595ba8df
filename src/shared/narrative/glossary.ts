// The standard 名词解释 printed in a disclosure document when the clerk's 情况说明 holds none of its own. Data only:
// the wording follows the definitions the published documents share (山西 seed 000, 上海 2026, 决算 seed 002), kept
// short and free of any one province's scope words ("省直部门", "区级").

export interface GlossaryEntry {
  term: string;
  definition: string;
}

const BUDGET: readonly GlossaryEntry[] = [
  { term: '财政拨款收入', definition: '指部门从同级财政部门取得的财政预算资金，包括一般公共预算、政府性基金预算和国有资本经营预算财政拨款。' },
  { term: '一般公共预算', definition: '指以税收为主体的财政收入，安排用于保障和改善民生、推动经济社会发展、维护国家安全、维持国家机构正常运转等方面的收支预算。' },
  { term: '政府性基金预算', definition: '指对依照法律、行政法规的规定在一定期限内向特定对象征收、收取或者以其他方式筹集的资金，专项用于特定公共事业发展的收支预算。' },
  { term: '国有资本经营预算', definition: '指对国有资本收益作出支出安排的收支预算。' },
  { term: '单位资金', definition: '指除财政拨款和财政专户管理资金以外的资金，包括事业收入、事业单位经营收入、上级补助收入、附属单位上缴收入和其他收入。' },
  { term: '上年结转', definition: '指以前年度预算安排、结转到本年仍按原规定用途继续使用的资金。' },
  { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费支出。' },
  { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
  {
    term: '“三公”经费',
    definition:
      '指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中：因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行费反映单位公务用车购置支出（含车辆购置税、牌照费）及按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。',
  },
  { term: '机关运行经费', definition: '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。' },
  { term: '政府购买服务', definition: '指各级国家机关将属于自身职责范围且适合通过市场化方式提供的服务事项，按照政府采购方式和程序，交由符合条件的服务供应商承担，并根据服务数量和质量等因素向其支付费用的行为。' },
];

/** 决算 speaks of the year's outcome: carry-overs at both ends of the year instead of 上年结转. */
const FINAL_ACCOUNTS: readonly GlossaryEntry[] = [
  { term: '财政拨款收入', definition: '指单位从同级财政部门取得的财政预算资金。' },
  { term: '事业收入', definition: '指事业单位开展专业业务活动及其辅助活动取得的收入。' },
  { term: '其他收入', definition: '指单位取得的除上述收入以外的各项收入。' },
  { term: '年初结转和结余', definition: '指单位以前年度尚未完成、结转到本年按有关规定继续使用的资金。' },
  { term: '年末结转和结余', definition: '指单位按有关规定结转到下年或以后年度继续使用的资金。' },
  ...BUDGET.filter((entry) => ['基本支出', '项目支出', '“三公”经费', '机关运行经费', '政府购买服务'].includes(entry.term)),
];

export const GLOSSARIES = { budget: BUDGET, finalAccounts: FINAL_ACCOUNTS } as const;

export type GlossaryId = keyof typeof GLOSSARIES;
