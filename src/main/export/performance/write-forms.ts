// The book's 绩效目标表 as worksheets of the submission workbook, after the tables: the 部门（单位）整体绩效目标表
// first when the book has one (河南 prints it before the project forms), then one sheet per 项目支出绩效目标表 in
// book order, named 「绩效-<项目名称>」.
import type ExcelJS from 'exceljs';
import type { Book } from '../../../shared/book';
import type { FormFieldPath, PerformanceTargetForm } from '../../../shared/performance';
import { planDepartmentForm } from './department-form';
import type { FormGrid } from './form-grid';
import { planProjectForm, type FormHeading } from './project-form';
import { uniqueSheetName } from './sheet-names';
import { FORM_TEXT } from './text';
import { writeForm } from './write-form';

/** Where one form was written: its sheet and the cell of each field. */
export interface PlacedForm {
  sheet: string;
  cells: Map<FormFieldPath, string>;
}

export interface PlacedForms {
  /** By index into book.performanceForms. */
  projects: PlacedForm[];
  department?: PlacedForm;
}

/** The title and year a form is printed with: its own, else the book's other forms' title and the book's year. */
export function formHeading(book: Book, form: PerformanceTargetForm): FormHeading {
  const title = form.title?.trim() || book.performanceForms?.find((f) => f.title?.trim())?.title?.trim() || FORM_TEXT.defaultTitle;
  const year = form.year ?? book.year;
  return { title, ...(year ? { year } : {}) };
}

/** Every form of the book as a grid, in the order the sheets are written (what the document prints too). */
export function planBookForms(book: Book): { department?: FormGrid; projects: FormGrid[] } {
  return {
    ...(book.departmentPerformance ? { department: planDepartmentForm(book.departmentPerformance, book.year) } : {}),
    projects: (book.performanceForms ?? []).map((form) => planProjectForm(form, formHeading(book, form))),
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
  const projects = (book.performanceForms ?? []).map((form, i) => {
    const name = uniqueSheetName(FORM_TEXT.projectSheet(form.projectName.trim() || FORM_TEXT.unnamedProject), FORM_TEXT.projectSheet(FORM_TEXT.unnamedProject), taken);
    return add(name, planned.projects[i] as FormGrid);
  });
  return { projects, ...(department ? { department } : {}) };
}

/** The exported cell of a form field: the field's own, else the first cell of a field under it ('indicators' → its first row). */
export function placedCell(form: PlacedForm, field: FormFieldPath): string | undefined {
  const own = form.cells.get(field);
  if (own) return own;
  for (const [path, cell] of form.cells) if (path.startsWith(`${field}.`)) return cell;
  return undefined;
}
