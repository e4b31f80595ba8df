// The 类 of the bundled 支出功能分类科目, straight from its data file: the template families' class rows
// (收支总表's 30 expenditure rows) are made from these, so the classes live in the catalogue data only.
// This module reads only function-2024.json (not the whole catalogue), so the editor can use it cheaply.
import functionData from '../../../resources/catalogue/function-2024.json';
import { levelOfCode, type CatalogueEntry } from './catalogue';

/** The function classes (201 一般公共服务支出 … 234 抗疫特别国债安排的支出) in code order. */
export const FUNCTION_CLASSES: readonly CatalogueEntry[] = Object.freeze(
  functionData.entries
    .filter((entry) => levelOfCode('function', entry.code) === 'class')
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((entry) => Object.freeze({ code: entry.code, name: entry.name })),
);
