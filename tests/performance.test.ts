import { describe, expect, it } from 'vitest';
import { cityForm } from './helpers/performance-form';
import {
  checkAnnualFunds,
  checkFormFundSplits,
  checkFundSplit,
  checkIndicatorLevels,
  formatDepartmentRef,
  matchLevel1,
  matchLevel2,
  parseDepartmentRef,
  parseIndicatorValue,
  withParsedValue,
  type IndicatorValue,
  type PerformanceIndicator,
  type PerformanceTargetForm,
} from '../src/shared/performance';

const shape = (text: string): Omit<IndicatorValue, 'text'> => {
  const { text: printed, ...rest } = parseIndicatorValue(text);
  expect(printed).toBe(text);
  return rest;
};

describe('parseIndicatorValue', () => {
  it.each([
    ['≥10次', '≥', '10', '次'],
    ['≤5万元', '≤', '5', '万元'],
    ['100%', '=', '100', '%'],
    ['99%', '=', '99', '%'],
    ['≥90%', '≥', '90', '%'],
    ['≤2.46万度', '≤', '2.46', '万度'],
    ['508.45平方米', '=', '508.45', '平方米'],
    ['≤29元/平方米', '≤', '29', '元/平方米'],
    ['≤35.14万元/年', '≤', '35.14', '万元/年'],
    ['2万元/年/人', '=', '2', '万元/年/人'],
    ['500每次/每人', '=', '500', '每次/每人'],
    ['>=90%', '≥', '90', '%'],
    ['不低于90%', '≥', '90', '%'],
    ['不超过5万元', '≤', '5', '万元'],
    ['≤0.52元/度', '≤', '0.52', '元/度'],
    ['≤40000元', '≤', '40000', '元'],
    ['≥100%', '≥', '100', '%'],
    // seed 004
    ['≥9个', '≥', '9', '个'],
    ['≥1次/月', '≥', '1', '次/月'],
    ['≥600人次', '≥', '600', '人次'],
    ['3人', '=', '3', '人'],
    ['≤5.5万元/人', '≤', '5.5', '万元/人'],
    ['≥52周', '≥', '52', '周'],
    // other spellings clerks type
    ['≥ 90 ％', '≥', '90', '%'],
    ['90%以上', '≥', '90', '%'],
    ['5万元以内', '≤', '5', '万元'],
    ['<=1,200元', '≤', '1200', '元'],
    ['大于0', '>', '0', undefined],
  ])('%s', (text, comparator, number, unit) => {
    const expected = unit === undefined ? { comparator, number } : { comparator, number, unit };
    expect(shape(text)).toEqual(expected);
  });

  it('reads full-width comparators and digits', () => {
    expect(shape('＜5')).toEqual({ comparator: '<', number: '5' });
    expect(shape('＞８０％')).toEqual({ comparator: '>', number: '80', unit: '%' });
  });

  it.each([
    '满意',
    '满意满意',
    '保障保障',
    '及时及时',
    '提升提升',
    '保证保证',
    // seed 004
    '符合符合政府购买服务标准',
    '完成年内完成',
    '保障能够保障全年网络正常需要',
    '按照全年计划，按时组织',
    '不高于市场价格',
    '显著提升',
    '按需维修',
    '2024年底前',
    '2024年12月31日前',
    '',
  ])('%s is qualitative', (text) => {
    expect(parseIndicatorValue(text)).toEqual({ comparator: '定性', text });
  });

  it('never throws', () => {
    for (const odd of ['≥', '≥.', '1e999999', '--5', '≥1.2.3万元', '\u0000', undefined as unknown as string]) {
      expect(() => parseIndicatorValue(odd)).not.toThrow();
    }
  });
});

describe('indicator framework', () => {
  it('matches standard and printed variants of names', () => {
    expect(matchLevel1('产出指标')).toBe('产出指标');
    expect(matchLevel1('产出 指标')).toBe('产出指标');
    expect(matchLevel1('效益\n指标')).toBe('效益指标');
    expect(matchLevel1('满意度指标')).toBe('满意度指标');
    expect(matchLevel1('数量指标')).toBeUndefined();
    for (const printed of ['服务对象满意度', '服务对象满意度指', '服务对象满意度指标']) {
      expect(matchLevel2(printed)).toEqual({ level1: '满意度指标', level2: '服务对象满意度指标' });
    }
    expect(matchLevel2('可持续影响指标')).toEqual({ level1: '效益指标', level2: '可持续影响指标' });
    expect(matchLevel2('成本')).toEqual({ level1: '产出指标', level2: '成本指标' });
    expect(matchLevel2('服务对象')).toBeUndefined();
    expect(matchLevel2('服务对象满意度指数')).toBeUndefined();
  });

  it('checks a 一级/二级 pair and explains problems in Chinese', () => {
    expect(checkIndicatorLevels('产出指标', '数量指标')).toBeUndefined();
    expect(checkIndicatorLevels('满意度指标', '服务对象满意度指')).toBeUndefined();
    expect(checkIndicatorLevels('效益 指标', '社会效益指标')).toBeUndefined();
    expect(checkIndicatorLevels('效益指标', '数量指标')).toBe('二级指标“数量指标”应属于一级指标“产出指标”，不属于“效益指标”');
    expect(checkIndicatorLevels('投入指标', '数量指标')).toMatch(/^一级指标“投入指标”不在标准指标体系中/);
    expect(checkIndicatorLevels('产出指标', '规模指标')).toBe('二级指标“规模指标”不在标准指标体系中');
    expect(checkIndicatorLevels('', '数量指标')).toBe('缺少一级指标');
    expect(checkIndicatorLevels('产出指标', ' ')).toBe('缺少二级指标');
  });
});

describe('主管部门及代码', () => {
  it('splits code and name and prints them back', () => {
    const ref = parseDepartmentRef('038-大同市人民政府金融工作办公室[部门]');
    expect(ref).toEqual({ code: '038', name: '大同市人民政府金融工作办公室[部门]' });
    expect(formatDepartmentRef(ref)).toBe('038-大同市人民政府金融工作办公室[部门]');
    expect(parseDepartmentRef('231-山西省地方金融监督管理局')).toEqual({ code: '231', name: '山西省地方金融监督管理局' });
    expect(parseDepartmentRef('大同市金融发展服务中心')).toEqual({ code: '', name: '大同市金融发展服务中心' });
  });
});

/** A seed-000 style form: all money from 市县（区）财政资金, 其他资金 printed blank. */
describe('project funds', () => {
  it.each([
    ['J水电物业经费', '28,569.78', '2.86', '2.856978'],
    ['J金融工作经费', '351,430.22', '35.14', '35.143022'],
    ['J金融发展服务工作经费', '144,872.55', '14.49', '14.487255'],
    ['Z专项检查工作经费', '50,000', '5.00', '5'],
    ['J水电物业费', '5,127.45', '0.51', '0.512745'],
    ['Z防范处置非法集资工作经费', '230,000', '23.00', '23'],
  ])('%s: 年度资金总额 %s 元 rounds to 表十二 %s 万元', (name, yuan, wan, exactWan) => {
    const form = cityForm(name, yuan);
    const check = checkAnnualFunds(form, wan);
    expect(check).toEqual({
      ok: true,
      expectedWan: wan,
      actualYuan: yuan.replace(/,/g, '').replace(/^(\d+)$/, '$1.00'),
      exactWan,
      roundedWan: wan,
      difference: '0.00',
    });
    expect(checkFormFundSplits(form).every((c) => c.ok)).toBe(true);
  });

  it('reports a 年度资金总额 that does not round to the 表十二 amount', () => {
    const check = checkAnnualFunds(cityForm('J水电物业经费', '28,669.78'), '2.86');
    expect(check.ok).toBe(false);
    expect(check.roundedWan).toBe('2.87');
    expect(check.difference).toBe('0.01');
    expect(check.message).toBe(
      '项目“J水电物业经费”绩效目标表年度资金总额28669.78元，折合2.87万元，与项目支出预算表2.86万元不符（相差0.01万元）',
    );
  });

  it('rounds half up at the boundary', () => {
    expect(checkAnnualFunds(cityForm('x', '28,550.00'), '2.86').ok).toBe(true);
    expect(checkAnnualFunds(cityForm('x', '28,549.99'), '2.85').ok).toBe(true);
  });

  it('reports unreadable amounts instead of guessing', () => {
    const form = cityForm('x', '100');
    form.funds['年度'].total = '约一万';
    const check = checkAnnualFunds(form, '0.01');
    expect(check.ok).toBe(false);
    expect(check.message).toBe('项目“x”：年度资金总额“约一万”不是有效金额');
    expect(checkAnnualFunds(cityForm('x', '100'), 'abc').message).toBe('项目“x”：项目支出预算表金额“abc”不是有效金额');
  });

  it('requires the sources to add up to 资金总额 exactly', () => {
    const ok = checkFundSplit(
      { unit: '元', total: '1700000.00', central: '0.00', provincial: '1700000.00', cityCounty: '0.00', selfRaised: '0.00' },
      '年度',
    );
    expect(ok).toMatchObject({ ok: true, total: '1700000.00', sumOfSources: '1700000.00', difference: '0.00' });

    const off = checkFundSplit(
      { unit: '元', total: '28569.78', central: '0.00', provincial: '0.00', cityCounty: '28569.77', selfRaised: '0.00', other: '0.00' },
      '实施期',
    );
    expect(off).toMatchObject({ ok: false, sumOfSources: '28569.77', difference: '0.01' });
    expect(off.message).toBe(
      '实施期资金总额28569.78元，不等于中央、省级、市县（区）财政资金、单位自筹与其他资金之和28569.77元（相差0.01元）',
    );

    const unreadable = checkFundSplit({ unit: '元', total: '100.00', cityCounty: 'x' }, '年度');
    expect(unreadable.ok).toBe(false);
    expect(unreadable.message).toBe('年度资金：市县（区）财政资金不是有效金额');
  });
});

describe('a whole seed-000 form', () => {
  // J水电物业经费, both periods; the 年度 column prints truncated names ("服务对象满意度指").
  const rows: Array<[string, string, string, string, string]> = [
    ['产出指标', '数量指标', '物业管理面积', '508.45平方米', '数量指标'],
    ['产出指标', '数量指标', '预计用水量', '≤218吨', '数量指标'],
    ['产出指标', '数量指标', '预计用电量', '≤2.46万度', '数量指标'],
    ['产出指标', '质量指标', '水电暖气物业等保障度', '保障保障', '质量指标'],
    ['产出指标', '时效指标', '支付费用及时性', '及时及时', '时效指标'],
    ['产出指标', '成本指标', '单位物业管理成本', '≤29元/平方米', '成本指标'],
    ['产出指标', '成本指标', '单位用水成本', '≤7元/吨', '成本指标'],
    ['产出指标', '成本指标', '单位用电成本', '≤0.52元/度', '成本指标'],
    ['效益指标', '社会效益指标', '单位正常运转保障度', '保障保障', '社会效益指标'],
    ['满意度指标', '服务对象满意度', '单位人员满意度', '≥99%', '服务对象满意度指'],
  ];
  const indicators: PerformanceIndicator[] = rows.flatMap(([level1, level2, level3, value, annualLevel2]) => [
    withParsedValue({ period: '实施期', level1, level2, level3, value }),
    withParsedValue({ period: '年度', level1, level2: annualLevel2, level3, value }),
  ]);
  const form: PerformanceTargetForm = {
    ...cityForm('J水电物业经费', '28,569.78'),
    overview: '补充机关公用经费不足，保证机关正常运行',
    basis: '依据金融办党组会议纪要实施',
    necessity: '为了调动机关工作人员积极性，促进政府法制工作发展，提高工作效率。圆满完成工作任务。',
    safeguards: '项目支出依据《会计法》和《行政事业单位会计准则》',
    plan: '年底前完成各项支付。',
    overallGoals: { 实施期: '支付大楼全年应承担的水、电物业费用，保证机关正常运行', 年度: '及时支付应承担办公大楼的水电物业费用。' },
    indicators,
    contacts: { filledOn: '20240129120257' },
  };

  it('fits the framework and parses every value', () => {
    expect(form.indicators).toHaveLength(20);
    expect(form.indicators.map((i) => checkIndicatorLevels(i.level1, i.level2)).filter(Boolean)).toEqual([]);
    const comparators = form.indicators.filter((i) => i.period === '年度').map((i) => i.parsed?.comparator);
    expect(comparators).toEqual(['=', '≤', '≤', '定性', '定性', '≤', '≤', '≤', '定性', '≥']);
    expect(checkAnnualFunds(form, '2.86').ok).toBe(true);
  });
});
