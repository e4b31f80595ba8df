// Building blocks shared by template families: the function-class rows (from the catalogue), fund-source columns, etc.
// Pure data; a family file composes them.
import type { ColumnDef, FixedRowDef } from '../types';
import { FUNCTION_CLASSES } from '../../catalogue/function-classes';
import { CHINESE_ORDINALS } from '../../labels';

/**
 * Names classes had in earlier editions of the 政府收支分类科目: documents keep printing them (上海 2024 still says
 * 医疗卫生与计划生育支出), and the figures must land on the class all the same.
 */
const FORMER_CLASS_NAMES: Record<string, readonly string[]> = {
  '207': ['文化体育与传媒支出'],
  '210': ['医疗卫生与计划生育支出', '医疗卫生支出'],
  '212': ['城乡社区事务支出'],
  '213': ['农林水事务支出'],
  '215': ['资源勘探信息等支出', '资源勘探电力信息等支出'],
  '220': ['国土海洋气象等支出', '国土资源气象等支出'],
};

/**
 * The expenditure rows of the 收支总表, one per function class of the catalogue (row labels numbered 一、… in
 * code order, former names as aliases). Families add `optional` flags or their own numbering.
 */
export const FUNCTION_CLASS_ROWS: readonly FixedRowDef[] = FUNCTION_CLASSES.map(({ code, name }, index) => ({
  id: code,
  code,
  label: [`${CHINESE_ORDINALS[index]}、${name}`, ...(FORMER_CLASS_NAMES[code] ?? [])],
}));

export const amount = (id: string, label: string): ColumnDef => ({ id, kind: 'amount', label });
export const codeColumn = (id = 'code', label = '科目编码'): ColumnDef => ({ id, kind: 'code', label });
export const nameColumn = (id = 'name', label = '科目名称'): ColumnDef => ({ id, kind: 'name', label });

/** Spellings of the three 财政拨款 fund columns seen in real files. */
export const GPB_LABELS = ['一般公共预算', '一般公共预算拨款', '一般公共预算财政拨款'] as const;
export const GFB_LABELS = ['政府性基金预算', '政府性基金', '政府性基金预算拨款', '政府性基金预算财政拨款'] as const;
export const SCOB_LABELS = ['国有资本经营预算', '国有资本经营预算拨款', '国有资本经营预算财政拨款'] as const;
