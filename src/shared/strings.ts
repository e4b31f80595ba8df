// Every sentence a user reads lives here (or in the notices/errors catalogue), in Chinese.
export const UI_TEXT = {
  appTitle: '预算公开工作台',
  comingSoon: '工作台界面正在建设中。当前可使用命令行导入、查看 Excel 工作簿。',
} as const;
