// 大同市 项目支出绩效目标表 as seed 000 prints them (tests/fixtures/seeds/000_*.txt, the forms after 表十三), built in
// TypeScript: `cityForm` varies only the funds; `seedForm` is one whole printed form; seed000Forms() are all eight.
// xinxiangDepartmentForm is seed 003's 河南 部门（单位）整体绩效目标表.
import { blankForm, parseDepartmentRef, toFundAmount, withParsedValue, type DepartmentPerformanceForm, type PerformanceIndicator, type PerformanceTargetForm } from '../../src/shared/performance';

export function cityForm(projectName: string, printedYuan: string): PerformanceTargetForm {
  const yuan = toFundAmount(printedYuan);
  const funds = { unit: '元' as const, total: yuan, central: '0.00', provincial: '0.00', cityCounty: yuan, selfRaised: '0.00' };
  return blankForm({
    title: '大同市市级预算部门（单位）项目支出绩效目标表',
    year: 2024,
    projectName,
    department: parseDepartmentRef('038-大同市人民政府金融工作办公室[部门]'),
    implementingUnit: '大同市人民政府金融工作办公室',
    projectAttribute: '经常性项目（长期开展）',
    projectTerm: '99年',
    funds: { 实施期: funds, 年度: { ...funds } },
  });
}

/**
 * One printed indicator row: 一级, 二级, 三级, 指标值 of the 实施期 column, then what the narrower 年度 column printed
 * where it differs (二级 「服务对象满意度指」, 三级 cut short). A row whose 二级 was lost in print has '' there.
 */
export type IndicatorRow = [level1: string, level2: string, level3: string, value: string, annualLevel2?: string, annualLevel3?: string];

/** Both periods of each row, 实施期 rows first as the form lists them column by column. */
export function indicatorRows(rows: readonly IndicatorRow[]): PerformanceIndicator[] {
  const whole = rows.map(([level1, level2, level3, value]) => withParsedValue({ period: '实施期', level1, level2, level3, value }));
  const year = rows.map(([level1, level2, level3, value, annualLevel2, annualLevel3]) =>
    withParsedValue({ period: '年度', level1, level2: annualLevel2 ?? level2, level3: annualLevel3 ?? level3, value }),
  );
  return [...whole, ...year];
}

export interface SeedFormSpec {
  name: string;
  unit?: string;
  yuan: string;
  goals?: [string, string];
  rows: IndicatorRow[];
  filledOn?: string;
}

export function seedForm(spec: SeedFormSpec): PerformanceTargetForm {
  const form = cityForm(spec.name, spec.yuan);
  if (spec.unit) form.implementingUnit = spec.unit;
  form.overview = `${spec.name}项目概况`;
  form.basis = '依据金融办党组会议纪要实施';
  form.necessity = '保证单位正常运转';
  form.safeguards = '项目支出依据《会计法》和《行政事业单位会计准则》';
  form.plan = '年底前完成各项支付。';
  form.overallGoals = { 实施期: spec.goals?.[0] ?? '保障机关正常运转', 年度: spec.goals?.[1] ?? '为机关正常运转提供经费保障。' };
  form.indicators = indicatorRows(spec.rows);
  if (spec.filledOn) form.contacts = { filledOn: spec.filledOn };
  return form;
}

const OUT = '产出指标';
const EFFECT = '效益指标';
const SAT = '满意度指标';
const SERVICE = '服务对象满意度';
/** The 年度 column prints 「服务对象满意度指」 on most forms. */
const SERVICE_CUT = '服务对象满意度指';
const CENTRE = '大同市金融发展服务中心';

/** The eight forms of seed 000 with every indicator as printed, the real slips included. */
export const SEED_000_SPECS: SeedFormSpec[] = [
  {
    name: 'Z专项检查工作经费',
    yuan: '50,000',
    filledOn: '20240129115246',
    rows: [
      [OUT, '数量指标', '专项检查工作次数', '≥10次'],
      [OUT, '质量指标', '检查工作合格率', '≥90%'],
      [OUT, '时效指标', '检查工作及时率', '99%'],
      [OUT, '成本指标', '检查工作所需资金', '≤5万元'],
      [EFFECT, '社会效益指标', '检查单位满意度', '≥90%'],
      [SAT, SERVICE, '服务对象满意度', '满意'],
    ],
  },
  {
    name: 'J水电物业经费',
    yuan: '28,569.78',
    filledOn: '20240129120257',
    rows: [
      [OUT, '数量指标', '物业管理面积', '508.45平方米'],
      [OUT, '数量指标', '预计用水量', '≤218吨'],
      [OUT, '数量指标', '预计用电量', '≤2.46万度'],
      [OUT, '质量指标', '水电暖气物业等保障度', '保障保障', '质量指标', '水电暖气物业等'],
      [OUT, '时效指标', '支付费用及时性', '及时及时'],
      [OUT, '成本指标', '单位物业管理成本', '≤29元/平方米'],
      [OUT, '', '单位用水成本', '≤7元/吨'],
      [OUT, '', '单位用电成本', '≤0.52元/度'],
      [EFFECT, '社会效益指标', '单位正常运转保障度', '保障保障', '社会效益指标', '单位正常运转保'],
      [SAT, SERVICE, '单位人员满意度', '≥99%', SERVICE_CUT],
    ],
  },
  {
    name: 'Z处置非法集资奖励经费',
    yuan: '10,000',
    filledOn: '20240129115101',
    rows: [
      [OUT, '数量指标', '奖励举报人员个数', '≥1人'],
      [OUT, '质量指标', '举报案件真实性', '100%'],
      [OUT, '时效指标', '奖励及时性', '及时及时'],
      [OUT, '成本指标', '按标准支付奖励资金', '500每次/每人', '成本指标', '按标准支付奖励'],
      [EFFECT, '社会效益指标', '群众满意度', '≥95%'],
      [SAT, SERVICE, '举报人员满意度', '≥99%'],
    ],
  },
  {
    name: 'Z防范处置非法集资工作经费',
    yuan: '230,000',
    filledOn: '20240129120109',
    rows: [
      [OUT, '数量指标', '确保处置工作所需经费', '≤23万元', '数量指标', '确保处置工作所'],
      [OUT, '质量指标', '保证各类费用支付合规率', '100%', '质量指标', '保证各类费用支'],
      [OUT, '时效指标', '支付费用及时率', '≥90%'],
      [OUT, '成本指标', '按标准支付各类费用', '≤23万元', '成本指标', '按标准支付各类'],
      [EFFECT, '社会效益指标', '工作效能提升程度', '≥95%', '社会效益指标', '工作效能提升程'],
      [SAT, SERVICE, '处置非法集资社会满意度', '≥90%', SERVICE_CUT, '处置非法集资社'],
    ],
  },
  {
    name: 'J金融工作经费',
    yuan: '351,430.22',
    filledOn: '20240129121418',
    rows: [
      [OUT, '数量指标', '单位运行经费总量', '≤35.14万元/年', '数量指标', '单位运行经费总'],
      [OUT, '质量指标', '保证机关正常运转率', '100%', '质量指标', '保证机关正常运'],
      [OUT, '时效指标', '支付费用及时性', '及时及时'],
      [OUT, '成本指标', '运行成本', '2万元/年/人'],
      [EFFECT, '社会效益指标', '保障机关运行', '保障保障'],
      [SAT, SERVICE, '单位职工满意度', '满意满意', SERVICE_CUT],
    ],
  },
  {
    name: 'Z金融发展服务专项工作经费',
    unit: CENTRE,
    yuan: '50,000',
    filledOn: '20240129164327',
    rows: [
      [OUT, '数量指标', '政银企对接活动次数', '≥10场'],
      [OUT, '质量指标', '提升金融服务实体经济质效', '提升提升'],
      [OUT, '时效指标', '2024年底前完成计划场次', '保证保证'],
      [OUT, '成本指标', '委托第三方服务费', '≤40000元'],
      [OUT, '', '办公费等各类支出', '≤10000元'],
      [EFFECT, '社会效益指标', '确保各项日常工作正常开展', '保证保证'],
      [EFFECT, '社会效益指标', '助企纾困完成率', '≥90%'],
      [SAT, SERVICE, '企业满意度', '≥90%'],
    ],
  },
  {
    name: 'J金融发展服务工作经费',
    unit: CENTRE,
    yuan: '144,872.55',
    filledOn: '20240131172449',
    rows: [
      [OUT, '数量指标', '单位运行经费总量', '≤14.5万元/年', '数量指标', '单位运行经费总'],
      [OUT, '质量指标', '保障运行率', '100%'],
      [OUT, '时效指标', '各类支出及时性', '及时及时'],
      [OUT, '成本指标', '单位运行成本', '1.5万元/年/人'],
      [EFFECT, '社会效益指标', '保障单位正常运转', '保障保障', '社会效益指标', '保障单位正常运'],
      [SAT, SERVICE, '单位职工满意度', '≥99%', SERVICE_CUT],
    ],
  },
  {
    name: 'J水电物业费',
    unit: CENTRE,
    yuan: '5,127.45',
    filledOn: '20240129164547',
    rows: [
      [OUT, '数量指标', '物业管理面积', '91.25平方米'],
      [OUT, '数量指标', '预计用水量', '≤39吨'],
      [OUT, '数量指标', '预计用电量', '≤4421度'],
      [OUT, '质量指标', '物业管理工作验收合格率', '≥100%'],
      [OUT, '时效指标', '支付费用及时性', '及时及时'],
      [OUT, '成本指标', '单位物业管理成本', '≤28元/平方米'],
      [OUT, '', '单位用水成本', '≤7元/吨'],
      [OUT, '', '单位用电成本', '≤0.52元/度'],
      [EFFECT, '社会效益指标', '单位正常运转保障度', '保障保障'],
      [SAT, SERVICE, '单位人员满意度', '≥100%'],
    ],
  },
];

export const seed000Forms = (): PerformanceTargetForm[] => SEED_000_SPECS.map(seedForm);

/** A form with nothing wrong: seed 000's first form (Z专项检查工作经费, 5.00 万元 in 表十二). */
export const cleanForm = (): PerformanceTargetForm => seedForm(SEED_000_SPECS[0] as SeedFormSpec);

/** Seed 003's 部门（单位）整体绩效目标表 (新乡市金融工作局): 预算情况 in 万元, a few of its indicators. */
export function xinxiangDepartmentForm(): DepartmentPerformanceForm {
  return {
    title: '部门（单位）整体绩效目标表',
    year: 2024,
    departmentName: '新乡市金融工作局',
    annualGoal:
      '引导中小微企业上市、新三板、四板挂牌融资，加大政金企对接会力度，解决中小微企业融资和发展问题，力争 2023 年企业上市（挂牌）工作取得新突破。积极开展处非专项工作，做好互联网金融排查整治，维护社会稳定，创造良好的金融环境，做好地方金融领域国家安全和扫黑除恶专项斗争斗争工作，规范市场行为，最大程度维护群众合法权益。',
    tasks: [{ name: '持续推进“登顶太行”计划', content: '引导企业根据实际情况对标不同层次资本市场，力争全年新增上市企业取得新突破。' }],
    budget: { unit: '万元', total: '504.11', governmentBudget: '504.11', basic: '467.11', project: '37.00' },
    indicators: [
      { level1: '投入管理指标', level2: '预算和财务管理', level3: '预算执行率', value: '≥90%', note: '预算执行率=（预算完成数/预算数）×100%。' },
      { level1: '产出指标', level2: '重点工作任务完成', level3: '大型政金企对接会', value: '≥1 场' },
      { level1: '效益指标', level2: '满意度', level3: '群众满意度', value: '≥90%' },
    ],
  };
}
