// Import of the 绩效目标表 (project performance-target forms and 河南's department-wide form) from workbooks.
export { findFormBlocks, holdsPerformanceForms, titleKind, type FormBlock, type FormKind } from './blocks';
export { readPerformanceSheet, type PerformanceSheet, type PerformanceSheetOptions } from './read-sheet';
export { readPerformanceFile, performanceSummary, type PerformanceFile } from './read-file';
export { performanceMatchNotices } from './match-notices';
export { governmentBudgetSource, settleSummaryForm } from './summary-funds';
