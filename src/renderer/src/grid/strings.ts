// User-facing text of the table grid (Chinese). Kept here so the grid does not edit the app's main strings module.
export const GRID_TEXT = {
  gridLabel: '表格编辑区',
  invalidNumber: '请输入数字，如 1,234.56',
  readOnlyCell: '此单元格不可编辑',
  computedRow: '合计行由系统计算，不可编辑',
  pasteInvalid: (count: number, samples: string[]): string => `有 ${count} 个粘贴内容不是数字，已跳过：${samples.join('、')}`,
  pasteSkipped: (count: number): string => `有 ${count} 个单元格不可编辑，已跳过`,
  pasteClipped: '粘贴区域超出表格，超出部分已忽略',
  pasteDone: (count: number): string => `已粘贴 ${count} 个单元格`,
  nothingToPaste: '剪贴板中没有可粘贴的内容',
  errorPrefix: '错误：',
  warningPrefix: '警告：',
  infoPrefix: '提示：',
} as const;
