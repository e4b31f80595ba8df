// 项目支出绩效目标表 as seed 000 prints them (大同市人民政府金融工作办公室, 2024), built as the model holds them: two real
// forms — 「Z专项检查工作经费」 (one indicator per 二级指标) and 「J水电物业经费」 (three 数量指标, the 「单位用水成本」 and
// 「单位用电成本」 rows that lost their 二级指标, 年度 names cut by the column width) — and a one-year form made up
// for the export (一次性项目, 项目期 1年, 年度 with more indicators than 实施期, a blank 二级 after a one-row group).
// Indicators are in the order a reader meets them: row by row, 实施期 before 年度. And seed 003's 部门整体绩效目标表.
import { Dec, formatAmount } from '../../src/shared/money';
import { parseDepartmentRef, parseIndicatorValue, toFundAmount, withParsedValue, type DepartmentIndicator, type DepartmentPerformanceForm, type FundBreakdown, type PerformanceIndicator, type PerformancePeriod, type PerformanceTargetForm } from '../../src/shared/performance';

const DEPARTMENT = parseDepartmentRef('038-大同市人民政府金融工作办公室[部门]');
const TITLE = '大同市市级预算部门（单位）项目支出绩效目标表';

/** 项目资金 as printed: 资金总额, 中央, 省级, 市县（区）, 单位自筹, 其他 (blank stays undefined). */
function funds(total: string, central: string, provincial: string, cityCounty: string, selfRaised: string, other = ''): FundBreakdown {
  const out: FundBreakdown = { unit: '元' };
  const set = (key: Exclude<keyof FundBreakdown, 'unit'>, text: string) => {
    const value = toFundAmount(text);
    if (value !== undefined) out[key] = value;
  };
  set('total', total);
  set('central', central);
  set('provincial', provincial);
  set('cityCounty', cityCounty);
  set('selfRaised', selfRaised);
  set('other', other);
  return out;
}

/** One printed row: [一级, 二级, 三级, 指标值] for 实施期 and for 年度 (either may be absent). */
type Side = [string, string, string, string];
function rows(...printed: [Side | undefined, Side | undefined][]): PerformanceIndicator[] {
  const one = (period: PerformancePeriod, side: Side): PerformanceIndicator => withParsedValue({ period, level1: side[0], level2: side[1], level3: side[2], value: side[3] });
  return printed.flatMap(([left, right]) => [...(left ? [one('实施期', left)] : []), ...(right ? [one('年度', right)] : [])]);
}
const same = (side: Side): [Side, Side] => [side, [...side]];

export function specialInspectionForm(): PerformanceTargetForm {
  const yuan = funds('50,000', '0', '0', '50,000', '0');
  return {
    title: TITLE,
    year: 2024,
    projectName: 'Z专项检查工作经费',
    department: DEPARTMENT,
    implementingUnit: '大同市人民政府金融工作办公室',
    projectAttribute: '经常性项目（长期开展）',
    projectTerm: '99年',
    funds: { 实施期: yuan, 年度: { ...yuan } },
    overview: '负责小额贷款、融资担保、典当行、融资租赁等公司的发展规划和实施等工作。',
    basis:
      '《大同市人民政府金融工作办公室职能配置、内设机构和人员编制规定》、山西省政府金融工作办公室印发山西省小额贷款公司分类评级办法（试行）的通知、关于开展年度融资性担保机构分类监管评级现场检查的通知。',
    necessity: '一是对此类机构进行分类评级，有利于市场出清，进一步优化为金融机构运营秩序；二是通过分类评级，可有规范行业发展，优胜劣汰；三是可以有效防范风险。',
    safeguards: '1、按照省局要求，对两类公司进行分类评级；2、按照省局要求，对小额贷款、融资担保、典当行、融资租赁等公司开展业务检查，有效防范金融风险。',
    plan: '按照省局要求时间节点执行。',
    overallGoals: {
      实施期: '负责小额贷款、融资担保、典当行、融资租赁等公司的发展规划和实施等工作。',
      年度: '为负责小额贷款、融资担保、典当行、融资租赁等公司的发展和实施的监管工作提供经费保障。',
    },
    indicators: rows(
      same(['产出指标', '数量指标', '专项检查工作次数', '≥10次']),
      same(['产出指标', '质量指标', '检查工作合格率', '≥90%']),
      same(['产出指标', '时效指标', '检查工作及时率', '99%']),
      same(['产出指标', '成本指标', '检查工作所需资金', '≤5万元']),
      same(['效益指标', '社会效益指标', '检查单位满意度', '≥90%']),
      same(['满意度指标', '服务对象满意度', '服务对象满意度', '满意']),
    ),
    contacts: { filledOn: '20240129115246' },
  };
}

export function utilitiesForm(): PerformanceTargetForm {
  const yuan = funds('28,569.78', '0', '0', '28,569.78', '0');
  return {
    title: TITLE,
    year: 2024,
    projectName: 'J水电物业经费',
    department: DEPARTMENT,
    implementingUnit: '大同市人民政府金融工作办公室',
    projectAttribute: '经常性项目（长期开展）',
    projectTerm: '99年',
    funds: { 实施期: yuan, 年度: { ...yuan } },
    overview: '补充机关公用经费不足，保证机关正常运行',
    basis: '依据金融办党组会议纪要实施',
    necessity: '为了调动机关工作人员积极性，促进政府法制工作发展，提高工作效率。圆满完成工作任务。',
    safeguards: '项目支出依据《会计法》和《行政事业单位会计准则》',
    plan: '年底前完成各项支付。',
    overallGoals: { 实施期: '支付大楼全年应承担的水、电物业费用，保证机关正常运行', 年度: '及时支付应承担办公大楼的水电物业费用。' },
    indicators: rows(
      same(['产出指标', '数量指标', '物业管理面积', '508.45平方米']),
      same(['产出指标', '数量指标', '预计用水量', '≤218吨']),
      same(['产出指标', '数量指标', '预计用电量', '≤2.46万度']),
      [
        ['产出指标', '质量指标', '水电暖气物业等保障度', '保障保障'],
        ['产出指标', '质量指标', '水电暖气物业等', '保障保障'],
      ],
      same(['产出指标', '时效指标', '支付费用及时性', '及时及时']),
      same(['产出指标', '成本指标', '单位物业管理成本', '≤29元/平方米']),
      same(['产出指标', '', '单位用水成本', '≤7元/吨']),
      same(['产出指标', '', '单位用电成本', '≤0.52元/度']),
      [
        ['效益指标', '社会效益指标', '单位正常运转保障度', '保障保障'],
        ['效益指标', '社会效益指标', '单位正常运转保', '保障保障'],
      ],
      [
        ['满意度指标', '服务对象满意度', '单位人员满意度', '≥99%'],
        ['满意度指标', '服务对象满意度指', '单位人员满意度', '≥99%'],
      ],
    ),
    contacts: { filledOn: '20240129120257' },
  };
}

/**
 * A one-year project (not in seed 000): 实施期 equals 年度, the 年度 side has two 社会效益 indicators to 实施期's one,
 * a 成本指标 of one row followed by one with a blank 二级, a 满意度 indicator without a value, and every contact filled.
 */
export function oneYearForm(): PerformanceTargetForm {
  const yuan = funds('60,000', '0', '0', '60,000', '0');
  return {
    title: TITLE,
    year: 2024,
    projectName: 'Z政银企对接经费',
    department: DEPARTMENT,
    implementingUnit: '大同市人民政府金融工作办公室',
    projectAttribute: '一次性项目',
    projectTerm: '1年',
    funds: { 实施期: yuan, 年度: { ...yuan } },
    overview: '举办政银企对接活动，开展金融服务入企工作。',
    basis: '《山西省人民政府办公厅关于建立政银企常态化对接工作机制的通知》（晋政办函〔2020〕75号）',
    necessity: '引导金融机构加大对中小微企业的支持力度。',
    safeguards: '严格按照文件执行。',
    plan: '2024年内分四次举办对接活动。',
    overallGoals: { 实施期: '全年举办政银企对接活动不少于4场。', 年度: '全年举办政银企对接活动不少于4场。' },
    indicators: rows(
      same(['产出指标', '数量指标', '对接活动场次', '≥4场']),
      same(['产出指标', '成本指标', '场地租赁费', '≤30000元']),
      same(['产出指标', '', '资料印刷费', '≤5000元']),
      same(['效益指标', '社会效益指标', '企业获得贷款笔数', '≥20笔']),
      [undefined, ['效益指标', '社会效益指标', '对接企业数量', '≥50家']],
      same(['满意度指标', '服务对象满意度指标', '参会企业满意度', '']),
    ),
    contacts: { responsiblePerson: '张明', handler: '李华', phone: '0352-1234567', filledOn: '20240130093000' },
  };
}

export function seedForms(): PerformanceTargetForm[] {
  return [specialInspectionForm(), utilitiesForm(), oneYearForm()];
}

/** Seed 003's 部门（单位）整体绩效目标表 of 新乡市金融工作局 (河南), its indicators shortened to one of each kind of group. */
export function xinxiangDepartmentForm(): DepartmentPerformanceForm {
  const indicator = (level1: string, level2: string, level3: string, value: string, note: string): DepartmentIndicator => ({ level1, level2, level3, value, parsed: parseIndicatorValue(value), note });
  return {
    title: '部门（单位）整体绩效目标表',
    year: 2024,
    departmentName: '新乡市金融工作局',
    annualGoal:
      '引导中小微企业上市、新三板、四板挂牌融资，加大政金企对接会力度，解决中小微企业融资和发展问题，力争 2023 年企业上市（挂牌）工作取得新突破。积极开展处非专项工作，做好互联网金融排查整治，维护社会稳定，创造良好的金融环境，做好地方金融领域国家安全和扫黑除恶专项斗争斗争工作，规范市场行为，最大程度维护群众合法权益。',
    tasks: [
      { name: '持续推进“登顶太行”计划', content: '引导企业根据实际情况对标不同层次资本市场，合理选择发行地点和板块，科学规划上市路径，力争全年新增上市企业取得新突破。' },
      { name: '深入开展非法集资专项治理', content: '持续加大非法集资打击力度，增强工作合力，促进上下联动，丰富处置手段，稳妥加快存量案件化解。' },
      { name: '扛稳行业监管主体责任', content: '加强监管队伍建设，组织地方金融机构监管、风险管理和创新发展等业务培训，提升监管效能。按照属地负责、分级管理要求，综合运用现场检查、非现场监管、第三方评估、年度审计、“互联网+监管”等方式，加强日常监管，督促地方金融组织规范管理、合规经营。' },
      { name: '全方位开展多层次银企对接', content: '在全市持续开展常态化银企对接，线上依托新乡智慧金融服务平台开展金融产品直播和银企对接活动；线下围绕两大平台、主要经济部门、5 大传统产业、4 大战略新兴产业以及 2 大未来产业，分层次、分领域逐一开展专题对接。' },
    ],
    budget: { unit: '万元', total: '504.11', governmentBudget: '504.11', basic: '467.11', project: '37.00' },
    indicators: [
      indicator('投入管理指标', '工作目标管理', '年度履职目标相关性', '相关', '1.年度履职目标是否符合国家、省委省政府战略部署和发展规划，与国家、省宏观政策、行业政策一致；2.年度履职目标是否与部门职责、工作规划和重点工作相关；3.确定的预算项目是否合理，是否与工作目标密切相关；4.工作任务和项目预算安排是否合理。'),
      indicator('投入管理指标', '工作目标管理', '工作任务科学性', '科学', '1.工作任务是否有明确的绩效目标，绩效目标是否与部门年度履职目标一致，是否能体现工作任务的产出和效果。'),
      indicator('投入管理指标', '预算和财务管理', '预算编制完整性', '完整', '1.部门所有收入是否全部纳入部门预算；2.部门支出预算是否统筹各类资金来源，全部纳入部门预算管理。'),
      indicator('投入管理指标', '预算和财务管理', '预算执行率', '≥90%', '预算执行率=（预算完成数/预算数）×100%。'),
      indicator('投入管理指标', '预算和财务管理', '“三公经费”控制率', '≤100%', '“三公经费”控制率=本年度“三公经费”实际支出数/“三公经费”预算数*100%'),
      indicator('产出指标', '重点工作任务完成', '大型政金企对接会', '≥1 场', '2024 年内举办两场大型政金企对接会，开展常态化线上银企对接。'),
      indicator('产出指标', '重点工作任务完成', '非法集资案件销号', '≥10 起', '2024 年内达到非法集资案件结案销号 20 起的目标。'),
      indicator('效益指标', '履职效益', '非法集资案件存量', '降低', '维护社会稳定，创造良好的金融环境。'),
      indicator('效益指标', '满意度', '群众满意度', '≥90%', '打击非法集资行为,最大限度为群众追赃挽损,获益群众满意度达 90%以上。'),
    ],
  };
}

/** What an exported form must print: captions, its attributes, its indicators and its amounts as formatted (50,000 / 28,569.78). */
export function formTexts(form: PerformanceTargetForm): string[] {
  const amounts = (['实施期', '年度'] as const).flatMap((period) =>
    Object.entries(form.funds[period])
      .filter((entry): entry is [string, string] => entry[0] !== 'unit' && entry[1] !== undefined)
      .map(([, value]) => formatAmount(new Dec(value), { decimals: /\.\d*[1-9]/.test(value) ? 2 : 0 })),
  );
  const indicators = form.indicators.flatMap((i) => [i.level3, i.value]).filter(Boolean);
  return ['项目名称', '主管部门及代码', '实施单位', '项目属性', '项目期', '项目资金（元）', '实施期资金总额：', '年度资金总额：', '总体目标', '绩效指标', '一级指标', '经济效益指标', '填报日期：', form.projectAttribute, form.projectTerm, ...amounts, ...indicators];
}
