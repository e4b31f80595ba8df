// The form editor's pure parts: the indicator tree laid out as the printed form (src/renderer/src/performance/
// indicator-rows.ts) with the edits typing makes, and the 绩效目标 addresses (src/renderer/src/route.ts).
import { describe, expect, it } from 'vitest';
import type { PerformanceTargetForm } from '../src/shared/performance/types';
import { addIndicator, layoutIndicators, removeRow, renameGroup, setIndicatorText } from '../src/renderer/src/performance/indicator-rows';
import { formatRoute, parseRoute } from '../src/renderer/src/route';
import { cityForm } from './helpers/performance-form';
import { utilitiesForm } from './helpers/seed-forms';

const shape = (form: PerformanceTargetForm) =>
  layoutIndicators(form).map((block) => [block.level1, block.groups.map((g) => [g.level2, g.rows.map((r) => [r.实施期 ?? '-', r.年度 ?? '-'].join(','))])]);

describe('the indicator tree as printed', () => {
  it('prints every standard 二级, pairs the periods row by row and keeps a lost 二级 as a group of its own', () => {
    const form = utilitiesForm();
    const blocks = layoutIndicators(form);
    expect(blocks.map((b) => b.level1)).toEqual(['产出指标', '效益指标', '满意度指标']);
    const output = blocks[0]?.groups ?? [];
    expect(output.map((g) => g.level2)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '']);
    // Three 数量指标 rows, each the 实施期 and the 年度 indicator of that row.
    expect(output[0]?.rows.map((r) => [form.indicators[r.实施期 as number]?.level3, form.indicators[r.年度 as number]?.level3])).toEqual([
      ['物业管理面积', '物业管理面积'],
      ['预计用水量', '预计用水量'],
      ['预计用电量', '预计用电量'],
    ]);
    expect(output[4]).toMatchObject({ standard: false, rows: [{}, {}] });
    expect(output[4]?.members.map((i) => form.indicators[i]?.level3)).toEqual(['单位用水成本', '单位用水成本', '单位用电成本', '单位用电成本']);
    // 「服务对象满意度指」 (cut by the column width) is the standard 服务对象满意度指标; an empty 二级 still prints one blank row.
    expect(blocks[2]?.groups.map((g) => [g.level2, g.rows.length])).toEqual([['服务对象满意度指标', 1]]);
    expect(blocks[1]?.groups.find((g) => g.level2 === '经济效益指标')?.rows).toEqual([{}]);
  });

  it('turns typing into forms: a value, a new indicator in its group\'s place, a named group, a removed row', () => {
    const form = utilitiesForm();
    const blocks = layoutIndicators(form);
    const quality = blocks[0]?.groups[1];
    const lost = blocks[0]?.groups[4];
    if (!quality || !lost) throw new Error('no groups');

    const first = quality.rows[0]?.年度 as number;
    const fixed = setIndicatorText(form, first, 'value', '保障');
    expect(fixed.indicators[first]).toEqual({ period: '年度', level1: '产出指标', level2: '质量指标', level3: '水电暖气物业等', value: '保障' });

    // A 经济效益 indicator typed into the empty row goes after everything of the groups before it.
    const economic = blocks[1]?.groups[0];
    if (!economic) throw new Error('no group');
    const added = addIndicator(form, blocks, economic, '年度', 'level3', '节约经费');
    const at = added.indicators.findIndex((i) => i.level3 === '节约经费');
    expect(added.indicators[at]).toEqual({ period: '年度', level1: '效益指标', level2: '经济效益指标', level3: '节约经费', value: '' });
    expect(added.indicators.slice(0, at).every((i) => i.level1 === '产出指标')).toBe(true);
    expect(shape(added)[1]?.[1]?.[0]).toEqual(['经济效益指标', [`-,${at}`]]);

    const named = renameGroup(form, lost, '成本指标');
    expect(layoutIndicators(named)[0]?.groups.map((g) => [g.level2, g.rows.length])).toEqual([['数量指标', 3], ['质量指标', 1], ['时效指标', 1], ['成本指标', 3]]);

    const removed = removeRow(form, quality.rows[0] ?? {});
    expect(removed.indicators).toHaveLength(form.indicators.length - 2);
    expect(layoutIndicators(removed)[0]?.groups[1]?.rows).toEqual([{}]);
  });

  it('lays out a form without indicators as the printed skeleton', () => {
    expect(shape(cityForm('Z专项检查工作经费', '50,000'))).toEqual([
      ['产出指标', [['数量指标', ['-,-']], ['质量指标', ['-,-']], ['时效指标', ['-,-']], ['成本指标', ['-,-']]]],
      ['效益指标', [['经济效益指标', ['-,-']], ['社会效益指标', ['-,-']], ['生态效益指标', ['-,-']], ['可持续影响指标', ['-,-']]]],
      ['满意度指标', [['服务对象满意度指标', ['-,-']]]],
    ]);
  });
});

describe('绩效目标 addresses', () => {
  it('round-trips the list, a form and a new form for a project row', () => {
    for (const route of [{ bookId: 3, performance: {} }, { bookId: 3, performance: { formIndex: 0 } }, { bookId: 3, performance: { newFor: 'project:J水电物业经费#2' } }]) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
    expect(formatRoute({ bookId: 3, performance: { formIndex: 2 } })).toBe('#/book/3/performance/form/2');
    expect(parseRoute('#/book/3/performance/form/x')).toEqual({ bookId: 3, performance: {} });
    expect(parseRoute('#/book/3/t12/main/k/total')).toEqual({ bookId: 3, tableId: 't12', cell: { side: 'main', rowKey: 'k', columnId: 'total' } });
  });
});
