// The book's 绩效目标表 as worksheets of the submission workbook, after the tables: the 部门（单位）整体绩效目标表
// first when the book has one (河南 prints it before the project forms), then the forms read from 河南's
// 项目绩效目标汇总表 (layout 'summary') together as that one table on the sheet 「项目绩效目标汇总表」, then one sheet
// per other 项目支出绩效目标表 in book order, named 「绩效-<项目名称>」.
import type ExcelJS from 'exceljs';
import type { Book } from '../../../shared/book';
import type { FormFieldPath, PerformanceTargetForm } from '../../../shared/performance';
import { planDepartmentForm } from './department-form';
import type { FormGrid } from './form-grid';
import { planProjectForm, type FormHeading } from './project-form';
import { uniqueSheetName } from './sheet-names';
import { planSummaryForms, type SummaryPlan } from './summary-form';
import { FORM_TEXT } from './text';
import { writeForm } from './write-form';

/** Where one form was written: its sheet and the cell of each field. */
export interface PlacedForm {
  sheet: string;
  cells: Map<FormFieldPath, string>;
  /** The cell for a field the sheet does not print: a 汇总表 project's name cell (its row). */
  fallback?: string;
}

export interface PlacedForms {
  /** By index into book.performanceForms. */
  projects: PlacedForm[];
  department?: PlacedForm;
}

/** The title and year a form is printed with: its own, else the book's other full forms' title and the book's year. */
export function formHeading(book: Book, form: PerformanceTargetForm): FormHeading {
  // A 汇总表's title would make a full form read back as a 汇总表.
  const title = form.title?.trim() || book.performanceForms?.find((f) => f.layout !== 'summary' && f.title?.trim())?.title?.trim() || FORM_TEXT.defaultTitle;
  const year = form.year ?? book.year;
  return { title, ...(year ? { year } : {}) };
}

export interface PlannedForms {
  department?: FormGrid;
  /** The 汇总表 of the forms with layout 'summary', when the book has any. */
  summary?: SummaryPlan;
  /** By index into book.performanceForms; undefined for a form printed in the 汇总表. */
  projects: (FormGrid | undefined)[];
}

/** Every form of the book as a grid, in the order the sheets are written (what the document prints too). */
export function planBookForms(book: Book): PlannedForms {
  const forms = book.performanceForms ?? [];
  const summaryIndexes = forms.flatMap((form, i) => (form.layout === 'summary' ? [i] : []));
  return {
    ...(book.departmentPerformance ? { department: planDepartmentForm(book.departmentPerformance, book.year) } : {}),
    ...(summaryIndexes.length > 0 ? { summary: planSummaryForms(book, summaryIndexes) } : {}),
    projects: forms.map((form) => (form.layout === 'summary' ? undefined : planProjectForm(form, formHeading(book, form)))),
  };
}

/** Adds the sheets after those the workbook has, with names unlike any of theirs. */
export function writePerformanceSheets(workbook: ExcelJS.Workbook, book: Book, fonts: { body: string; title: string }): PlacedForms {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  const planned = planBookForms(book);
  const add = (name: string, grid: FormGrid): PlacedForm => {
    const sheet = workbook.addWorksheet(name);
    return { sheet: sheet.name, cells: writeForm(sheet, grid, fonts) };
  };
  const department = planned.department ? add(uniqueSheetName(FORM_TEXT.departmentSheet, FORM_TEXT.departmentSheet, taken), planned.department) : undefined;
  const summary = planned.summary ? writeSummary(workbook, planned.summary, uniqueSheetName(FORM_TEXT.summarySheet, FORM_TEXT.summarySheet, taken), fonts) : new Map<number, PlacedForm>();
  const projects = (book.performanceForms ?? []).map((form, i) => {
    const grid = planned.projects[i];
    // Every form planned into the 汇总表 has its row there.
    if (!grid) return summary.get(i) as PlacedForm;
    const name = uniqueSheetName(FORM_TEXT.projectSheet(form.projectName.trim() || FORM_TEXT.unnamedProject), FORM_TEXT.projectSheet(FORM_TEXT.unnamedProject), taken);
    return add(name, grid);
  });
  return { projects, ...(department ? { department } : {}) };
}

/** The 汇总表 sheet; each of its forms placed at its project's row. */
function writeSummary(workbook: ExcelJS.Workbook, plan: SummaryPlan, name: string, fonts: { body: string; title: string }): Map<number, PlacedForm> {
  const sheet = workbook.addWorksheet(name);
  writeForm(sheet, plan.grid, fonts);
  const address = ({ row, column }: { row: number; column: number }) => sheet.getCell(row, column).address;
  return new Map(
    plan.placements.map((placement) => [
      placement.formIndex,
      { sheet: sheet.name, cells: new Map([...placement.cells].map(([field, cell]) => [field, address(cell)])), fallback: address(placement.nameCell) },
    ]),
  );
}

/**
 * The exported cell of a form field: the field's own, else the first cell of a field under it ('indicators' → its
 * first row), else the form's fallback.
 */
export function placedCell(form: PlacedForm, field: FormFieldPath): string | undefined {
  const own = form.cells.get(field);
  if (own) return own;
  for (const [path, cell] of form.cells) if (path.startsWith(`${field}.`)) return cell;
  return form.fallback;
}
