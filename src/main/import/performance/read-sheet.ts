// All the 绩效目标表 on one sheet. Never throws: whatever a sheet holds, the result is forms read and notices.
import type { Notice } from '../../../shared/book';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from '../../../shared/performance';
import type { SheetGrid } from '../grid';
import { findFormBlocks, type FormBlock } from './blocks';
import { readDepartmentForm } from './department-form';
import { readProjectForm } from './project-form';
import { readSummaryForms } from './summary-form';
import { noticeAt, type Place } from './tokens';

export interface PerformanceSheet {
  forms: PerformanceTargetForm[];
  department?: DepartmentPerformanceForm;
  notices: Notice[];
}

export interface PerformanceSheetOptions {
  /** Rows where something else starts on the sheet (a budget table's title): no form reads past them. */
  endBefore?: readonly number[];
}

export function readPerformanceSheet(file: string, sheet: SheetGrid, options: PerformanceSheetOptions = {}): PerformanceSheet {
  const place: Place = { file, sheet };
  const result: PerformanceSheet = { forms: [], notices: [] };
  for (const block of findFormBlocks(sheet, options.endBefore)) {
    try {
      readBlock(place, block, result);
    } catch (error) {
      // A defect of ours must not cost the clerk the rest of the workbook: the form is named, the others still read.
      const at = block.title;
      result.notices.push(noticeAt(place, '警告', at?.row ?? block.start, at?.column ?? 1, `读取第 ${block.start} 行起的绩效目标表时出错（${error instanceof Error ? error.message : String(error)}），此表未导入。`));
    }
  }
  return result;
}

function readBlock(place: Place, block: FormBlock, result: PerformanceSheet): void {
  const at = block.title;
  if (block.kind === 'summary') {
    result.forms.push(...readSummaryForms(place, block, result.notices));
    return;
  }
  if (block.kind === 'department') {
    const form = readDepartmentForm(place, block, result.notices);
    if (!form) return;
    if (result.department) {
      result.notices.push(noticeAt(place, '警告', at?.row ?? block.start, at?.column ?? 1, `工作表中有不止一张部门（单位）整体绩效目标表，此处的「${form.departmentName}」未导入。`));
      return;
    }
    result.department = form;
    return;
  }
  const form = readProjectForm(place, block, result.notices);
  if (form) result.forms.push(form);
}

