// How buildBook takes the forms in: sheet by sheet as it walks the workbooks, then onto the book with the matching
// notices. A sheet may hold budget tables and forms alike: each stops where the other begins.
import type { Book, Notice } from '../../../shared/book';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from '../../../shared/performance';
import type { SheetGrid } from '../grid';
import { fileLabel } from '../file-label';
import { findFormBlocks, type FormBlock } from './blocks';
import { performanceMatchNotices } from './match-notices';
import { readPerformanceSheet } from './read-sheet';
import { fitDepartmentForm, fitProjectForms } from './fit-limits';
import { settleSummaryForm } from './summary-funds';

export interface PerformanceCollector {
  forms: PerformanceTargetForm[];
  department?: DepartmentPerformanceForm;
}

/**
 * Reads the forms of one sheet into the collector (notices in sheet order) and returns where they are; `tableRows` are
 * the rows of the budget tables' titles on the sheet.
 */
export function collectSheetForms(collector: PerformanceCollector, notices: Notice[], file: string, sheet: SheetGrid, tableRows: readonly number[]): FormBlock[] {
  const blocks = findFormBlocks(sheet, tableRows);
  if (blocks.length === 0) return blocks;
  const read = readPerformanceSheet(file, sheet, { endBefore: tableRows });
  collector.forms.push(...read.forms);
  notices.push(...read.notices);
  if (read.department && collector.department) {
    notices.push({ level: '警告', file: fileLabel(file), sheet: sheet.name, message: `已导入一张部门（单位）整体绩效目标表，工作表「${sheet.name}」中的「${read.department.departmentName}」未导入。` });
  } else if (read.department) {
    collector.department = read.department;
  }
  return blocks;
}

/** A table region ends before the first form below its title. */
export function clipRegions<T extends { titleRow: number; endRow: number }>(regions: T[], blocks: readonly FormBlock[]): T[] {
  return regions.map((region) => {
    const next = blocks.find((block) => block.start > region.titleRow);
    return next && next.start <= region.endRow ? { ...region, endRow: next.start - 1 } : region;
  });
}

/** Puts the forms on the book (absent when none were read) and adds the form ↔ project notices. */
export function attachPerformance(book: Book, collector: PerformanceCollector, notices: Notice[]): void {
  // A 汇总表's forms take the department's name the import settled on (the table prints 「本级」).
  const department = book.department || collector.department?.departmentName;
  const forms = fitProjectForms(collector.forms.map((form) => settleSummaryForm(form, department)), notices);
  if (forms.length > 0) book.performanceForms = forms;
  const departmentForm = collector.department && fitDepartmentForm(collector.department, notices);
  if (departmentForm) book.departmentPerformance = departmentForm;
  notices.push(...performanceMatchNotices(book));
}
