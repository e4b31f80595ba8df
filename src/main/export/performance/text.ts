// What the exported forms print besides the form's own content: captions, the year line, sheet and appendix names.
import type { PerformancePeriod } from '../../../shared/performance';

export const FORM_TEXT = {
  /** The title when neither the form nor any other form of the book has one. */
  defaultTitle: '项目支出绩效目标表',
  departmentTitle: '部门（单位）整体绩效目标表',
  /** 河南's 汇总表 (seed 003): 「2024年部门预算项目绩效目标汇总表」. */
  summaryTitle: (year: number | undefined) => `${year ?? ''}${year ? '年' : ''}部门预算项目绩效目标汇总表`,
  summaryDepartment: (name: string) => `部门名称：${name}`,
  /** What the 部门名称 line and an unnamed department row print: the table's word for the department itself. */
  ownLevel: '本级',
  year: (year: number) => `(${year}年度)`,
  departmentYear: (year: number) => `（${year}年度）`,
  fundsLabel: '项目资金（元）',
  fundTotal: (period: PerformancePeriod) => `${period}资金总额：`,
  among: '其中：',
  goalHeading: (period: PerformancePeriod) => `${period}目标`,
  /** Sheet names: 「绩效-Z专项检查工作经费」, the department-wide form's. */
  projectSheet: (projectName: string) => `绩效-${projectName}`,
  unnamedProject: '未命名项目',
  departmentSheet: '部门整体绩效目标',
  summarySheet: '项目绩效目标汇总表',
  /** Appendix headings of the disclosure document. */
  projectAppendix: '附件：项目支出绩效目标表',
  departmentAppendix: '附件：部门（单位）整体绩效目标表',
  summaryAppendix: '附件：项目绩效目标汇总表',
  summaryEntry: '项目绩效目标汇总表',
} as const;
