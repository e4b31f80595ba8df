// Store errors: every message a clerk may read is Chinese; `code` lets the API router map them without parsing text.
import { SIDE_WORDS, sideName } from '../../shared/labels';

export type StoreErrorCode =
  | 'cannot-open'
  | 'version-too-new'
  | 'book-not-found'
  | 'table-not-found'
  | 'row-not-found'
  | 'duplicate-key'
  | 'invalid-value'
  | 'invalid-book';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

export function sideLabel(side: keyof typeof SIDE_WORDS): string {
  const name = sideName(side);
  return name ? `（${name}）` : '';
}

export const storeMessages = {
  cannotOpen: (path: string, reason: string) => `无法打开数据库文件“${path}”：${reason}`,
  notADatabase: '文件已损坏，或不是本程序的数据库文件。',
  cannotCreate: '无法创建或读取该文件，请检查路径和权限。',
  readOnly: '文件只读，无法写入。',
  busy: '文件正被其他程序占用，请稍后再试。',
  versionTooNew: (found: number, supported: number) =>
    `数据库版本（${found}）高于本程序支持的版本（${supported}），请升级程序。`,
  bookNotFound: (id: number) => `找不到编号为 ${id} 的预算本`,
  tableNotFound: (bookId: number, tableId: string) => `预算本 ${bookId} 中没有表“${tableId}”`,
  rowNotFound: (tableTitle: string, rowKey: string, side: keyof typeof SIDE_WORDS) =>
    `表“${tableTitle}”${sideLabel(side)}中找不到行“${rowKey}”`,
  duplicateTable: (tableId: string) => `预算本中表“${tableId}”出现了两次`,
  duplicateRow: (tableTitle: string, rowKey: string, side: keyof typeof SIDE_WORDS) =>
    `表“${tableTitle}”${sideLabel(side)}中行键“${rowKey}”重复，无法保存`,
  invalidAmount: (text: string) =>
    `金额“${text}”不是规范的十进制数字（例如 1234.50）：请去掉千分位、单位和空格后再试`,
  invalidBookAmount: (tableTitle: string, rowName: string, columnId: string, text: string) =>
    `表“${tableTitle}”行“${rowName}”列“${columnId}”的金额“${text}”不是规范的十进制数字`,
  emptyColumnId: '列编号不能为空',
  emptyRowKey: '行键不能为空',
  emptyRowName: '行名称不能为空',
  emptyFindingKey: '审核项编号不能为空',
  explanationTooLong: (length: number, max: number) =>
    `审核说明最多 ${max} 个字，当前有 ${length} 个字，请精简后再保存`,
  badExplanation: (findingKey: string) => `审核项“${findingKey}”的说明为空或过长`,
  duplicateExplanation: (findingKey: string) => `审核项“${findingKey}”的说明出现了两次`,
  badNarrative: '情况说明的格式不正确（应为若干段文字）',
  narrativeTooLarge: (problem: string) => `${problem}，无法保存`,
  narrativeSourceTooLong: (max: number) => `情况说明的来源文件名最多 ${max} 个字`,
  badPerformanceForm: (form: string, field: string, reason: string) => `${form}的${field}不正确：${reason}`,
  performanceFormMissing: (index: number, count: number) =>
    count === 0 ? `预算本中还没有绩效目标表，找不到第 ${index + 1} 张` : `找不到第 ${index + 1} 张绩效目标表（预算本共有 ${count} 张）`,
  tooManyPerformanceForms: (count: number, max: number) => `绩效目标表共 ${count} 张，超过 ${max} 张的上限，无法保存`,
  badPrecision: (tableTitle: string) => `表「${tableTitle}」的金额精度记录格式不正确。`,
  badColumnLetters: (tableTitle: string) =>
    `表“${tableTitle}”的列字母无效（应为 A–XFD 形式的大写字母）`,
  invalidBook: (problems: string[]) => `预算本无法保存：${problems.join('；')}`,
  badUnit: (unit: string) => `金额单位“${unit}”无效（应为 元 或 万元）`,
  badYear: (year: string) => `年度“${year}”无效`,
  badDecimals: (decimals: string) => `小数位数“${decimals}”无效`,
  titleTooLong: (max: number) => `预算本名称最多 ${max} 个字，请精简后再保存`,
  alreadyInTrash: (id: number) => `编号为 ${id} 的预算本已在回收站中`,
  notInTrash: (id: number) => `编号为 ${id} 的预算本不在回收站中，无需恢复`,
} as const;
