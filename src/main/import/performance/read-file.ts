// 「导入绩效目标表」: every form of one workbook, whatever sheets they are on.
import type { Notice } from '../../../shared/book';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from '../../../shared/performance';
import { readWorkbook } from '../read-workbook';
import { fileLabel } from '../file-label';
import { readPerformanceSheet } from './read-sheet';
import { fitDepartmentForm, fitProjectForms } from './fit-limits';
import { settleSummaryForm } from './summary-funds';

export interface PerformanceFile {
  forms: PerformanceTargetForm[];
  department?: DepartmentPerformanceForm;
  notices: Notice[];
  /** One Chinese line for the clerk: 「读到 8 张项目支出绩效目标表」. */
  summary: string;
}

/** Reads a workbook (.xlsx/.xls, by its bytes). An unreadable file throws ImportError, as every import does. */
export async function readPerformanceFile(path: string): Promise<PerformanceFile> {
  const workbook = await readWorkbook(path);
  const result: PerformanceFile = { forms: [], notices: [], summary: '' };
  for (const sheet of workbook.sheets) {
    const read = readPerformanceSheet(workbook.file, sheet);
    result.forms.push(...read.forms);
    result.notices.push(...read.notices);
    if (!read.department) continue;
    if (result.department) {
      result.notices.push({ level: '警告', file: fileLabel(path), sheet: sheet.name, message: `工作簿中有不止一张部门（单位）整体绩效目标表，工作表「${sheet.name}」中的未导入。` });
    } else {
      result.department = read.department;
    }
  }
  // A 汇总表's forms take the name of the department whose 整体绩效目标表 is in the same workbook.
  result.forms = fitProjectForms(
    result.forms.map((form) => settleSummaryForm(form, result.department?.departmentName)),
    result.notices,
  );
  if (result.department) {
    const fitted = fitDepartmentForm(result.department, result.notices);
    if (fitted) result.department = fitted;
    else delete result.department;
  }
  result.summary = performanceSummary(fileLabel(path), result.forms.length, result.department !== undefined);
  return result;
}

export function performanceSummary(file: string, forms: number, department: boolean): string {
  const parts = [...(forms > 0 ? [`${forms} 张项目支出绩效目标表`] : []), ...(department ? ['1 张部门（单位）整体绩效目标表'] : [])];
  return parts.length > 0 ? `读到 ${parts.join('和 ')}` : `「${file}」中没有读到绩效目标表`;
}
