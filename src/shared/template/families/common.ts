// Building blocks shared by template families: the 30 function-class rows, fund-source columns, etc.
// Pure data; a family file composes them.
import type { ColumnDef, FixedRowDef } from '../types';

/** 一 … 三十, for printing numbered rows the way the templates do. */
export const CHINESE_ORDINALS: readonly string[] = (() => {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const out: string[] = [];
  for (let n = 1; n <= 99; n++) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${digits[tens]}十`;
    out.push(`${tensText}${digits[ones]}`);
  }
  return out;
})();

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

/** The 30 expenditure rows of the 收支总表, keyed by function-class code (row labels without numbering). */
export const FUNCTION_CLASS_ROWS: readonly FixedRowDef[] = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['209', '社会保险基金支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['227', '预备费'],
  ['229', '其他支出'],
  ['230', '转移性支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
  ['234', '抗疫特别国债安排的支出'],
].map(([code, name], index) => ({ id: code as string, code: code as string, label: [`${CHINESE_ORDINALS[index]}、${name}`, ...(FORMER_CLASS_NAMES[code as string] ?? [])] }));


export const amount = (id: string, label: string): ColumnDef => ({ id, kind: 'amount', label });
export const codeColumn = (id = 'code', label = '科目编码'): ColumnDef => ({ id, kind: 'code', label });
export const nameColumn = (id = 'name', label = '科目名称'): ColumnDef => ({ id, kind: 'name', label });

/** Spellings of the three 财政拨款 fund columns seen in real files. */
export const GPB_LABELS = ['一般公共预算', '一般公共预算拨款', '一般公共预算财政拨款'] as const;
export const GFB_LABELS = ['政府性基金预算', '政府性基金', '政府性基金预算拨款', '政府性基金预算财政拨款'] as const;
export const SCOB_LABELS = ['国有资本经营预算', '国有资本经营预算拨款', '国有资本经营预算财政拨款'] as const;
