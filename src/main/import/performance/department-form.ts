// 部门（单位）整体绩效目标表 (河南): 部门名称, 年度履职目标, 年度主要任务, 预算情况 (万元) and an indicator table
// 一级/二级/三级/指标值/指标值说明 whose blank 一级/二级 cells mean "as above".
import type { Notice } from '../../../shared/book';
import { convertUnit, parseAmount, toCanonical } from '../../../shared/money';
import { parseIndicatorValue, type DepartmentBudgetFigures, type DepartmentIndicator, type DepartmentPerformanceForm, type DepartmentTask } from '../../../shared/performance';
import { fileLabel } from '../file-label';
import { cellAddress, type MergeRange } from '../grid';
import type { FormBlock } from './blocks';
import { labelledCells, readYear, valueAfter } from './fields';
import { mergeLayout } from './merges';
import { DEPARTMENT_BUDGET_WORDS, matchDepartmentLabel, type DepartmentLabel } from './labels';
import { noticeAt, rowsBetween, rowTokens, type Place, type Token } from './tokens';

type BudgetField = keyof typeof DEPARTMENT_BUDGET_WORDS;
const BUDGET_FIELDS = Object.keys(DEPARTMENT_BUDGET_WORDS) as BudgetField[];
const compact = (text: string): string => text.replace(/\s+/g, '');

const isLabel = (text: string): boolean => matchDepartmentLabel(text) !== undefined || budgetFieldOf(text) !== undefined;

function budgetFieldOf(text: string): BudgetField | undefined {
  const key = compact(text);
  // Longest word first: 「财政专户管理资金」 must not be read as a 「单位资金」 line, nor 「项目支出」 inside a longer name.
  return key.length <= 40 ? BUDGET_FIELDS.find((field) => key.includes(DEPARTMENT_BUDGET_WORDS[field])) : undefined;
}

const rowHas = (tokens: Token[], key: DepartmentLabel): boolean => tokens.some((t) => matchDepartmentLabel(t.text)?.key === key);

export function readDepartmentForm(place: Place, block: FormBlock, notices: Notice[]): DepartmentPerformanceForm | undefined {
  const rows = rowsBetween(place.sheet, block.start, block.end)
    .map((row) => rowTokens(place.sheet, row))
    .filter((tokens) => tokens.length > 0);
  const at = block.title ?? rows[0]?.[0];
  const headerIndex = rows.findIndex((tokens) => rowHas(tokens, 'level1Heading') && rowHas(tokens, 'level3Heading'));
  const head = headerIndex >= 0 ? rows.slice(0, headerIndex) : rows;

  const values = new Map<DepartmentLabel, Token>();
  for (const tokens of head) {
    for (const cell of labelledCells(tokens, matchDepartmentLabel)) {
      if (!values.has(cell.match.key)) values.set(cell.match.key, valueAfter(tokens, cell, isLabel) ?? { ...cell.token, text: '', value: '' });
    }
  }
  if (values.size === 0 && headerIndex < 0) {
    if (at) notices.push(noticeAt(place, '提示', at.row, at.column, `「${at.text}」下面没有部门整体绩效目标表的内容（如目录），已跳过。`));
    return undefined;
  }
  const departmentName = values.get('departmentName')?.text ?? '';
  if (!departmentName && at) {
    notices.push(noticeAt(place, '警告', at.row, at.column, `部门（单位）整体绩效目标表没有填写部门名称（应为「部门名称：…」）。`));
  }
  const form: DepartmentPerformanceForm = {
    ...(block.title ? { title: block.title.text } : {}),
    departmentName,
    annualGoal: values.get('annualGoal')?.text ?? '',
    tasks: readTasks(head),
    budget: readBudget(place, head, notices),
    indicators: headerIndex >= 0 ? readIndicators(rows[headerIndex] as Token[], rows.slice(headerIndex + 1), place.sheet.merges) : [],
    source: { file: fileLabel(place.file), sheet: place.sheet.name, ...(at ? { cell: cellAddress(at.row, at.column) } : {}) },
  };
  const year = readYear(head.slice(0, 3).flatMap((tokens) => tokens.map((t) => t.text)));
  if (year) form.year = year;
  return form;
}

/** 年度主要任务: under the 任务名称 / 主要内容 heading, one task a row, until 预算情况. */
function readTasks(head: Token[][]): DepartmentTask[] {
  const start = head.findIndex((tokens) => rowHas(tokens, 'tasks') || rowHas(tokens, 'taskName'));
  if (start < 0) return [];
  const heading = head[start] as Token[];
  const nameColumn = heading.find((t) => matchDepartmentLabel(t.text)?.key === 'taskName')?.column;
  const tasks: DepartmentTask[] = [];
  for (const tokens of head.slice(start + 1)) {
    // 预算情况 ends the tasks: its label, or (without it) a budget line with its amount — a task may well mention 项目支出.
    const budgetLine = tokens.some((t, i) => budgetFieldOf(t.text) && parseAmount(tokens[i + 1]?.value).kind === 'value');
    if (budgetLine || tokens.some((t) => matchDepartmentLabel(t.text))) break;
    const cells = nameColumn === undefined ? tokens : tokens.filter((t) => t.column >= nameColumn);
    const [name, content] = cells;
    if (name) tasks.push({ name: name.text, content: content?.text ?? '' });
  }
  return tasks;
}

/** 预算情况: each line names its figure (部门预算总额, 政府预算资金 …) with the amount to its right, in 万元. */
function readBudget(place: Place, head: Token[][], notices: Notice[]): DepartmentBudgetFigures {
  const budget: DepartmentBudgetFigures = { unit: '万元' };
  const start = head.findIndex((tokens) => rowHas(tokens, 'budget') || tokens.some((t) => budgetFieldOf(t.text)));
  if (start < 0) return budget;
  for (const tokens of head.slice(start)) {
    tokens.forEach((token, index) => {
      const field = budgetFieldOf(token.text);
      if (!field || budget[field] !== undefined) return;
      const next = tokens[index + 1];
      if (!next || isLabel(next.text)) return;
      const parsed = parseAmount(next.value);
      if (parsed.kind === 'value') {
        // The form prints 万元; a line that says （元） is converted exactly.
        const inYuan = /[(（]元[)）]/.test(token.text);
        budget[field] = toCanonical(inYuan ? convertUnit(parsed.value, '元', '万元') : parsed.value);
      } else if (parsed.kind === 'invalid') {
        notices.push(noticeAt(place, '警告', next.row, next.column, `部门整体绩效目标表中「${compact(token.text)}」的金额「${next.text}」不是数字（应以万元填写，如 504.11），已留空。`));
      }
    });
  }
  return budget;
}

function readIndicators(header: Token[], rows: Token[][], merges: readonly MergeRange[]): DepartmentIndicator[] {
  const columnOf = (key: DepartmentLabel): number | undefined => header.find((t) => matchDepartmentLabel(t.text)?.key === key)?.column;
  const headings = (['level1Heading', 'level2Heading', 'level3Heading', 'valueHeading', 'noteHeading'] as const)
    .map((key) => ({ key, column: columnOf(key) }))
    .filter((h): h is { key: (typeof h)['key']; column: number } => h.column !== undefined)
    .sort((a, b) => a.column - b.column);
  // A cell belongs to the heading at or nearest left of it.
  const headingOf = (column: number) => [...headings].reverse().find((h) => h.column <= column) ?? headings[0];
  const level1Column = columnOf('level1Heading');
  const level2Column = columnOf('level2Heading');
  const layout = mergeLayout(merges, rows, [level1Column, level2Column]);
  // Blank 一级/二级 cells carry down (merged cells as the PDF shows them), except outside a merge in a merged layout.
  const carried = (row: number, column: number | undefined): boolean => !layout.merged || (column !== undefined && layout.coveredFromAbove(row, column));
  const indicators: DepartmentIndicator[] = [];
  let level1 = '';
  let level2 = '';
  for (const tokens of rows) {
    const row = tokens[0]?.row ?? 0;
    const cells: Partial<Record<DepartmentLabel, string>> = {};
    for (const token of tokens) {
      const key = headingOf(token.column)?.key;
      if (key && cells[key] === undefined) cells[key] = token.text;
    }
    if (cells.level1Heading) {
      level1 = compact(cells.level1Heading);
      level2 = '';
    } else if (!carried(row, level1Column)) {
      level1 = '';
    }
    if (cells.level2Heading) level2 = compact(cells.level2Heading);
    else if (!carried(row, level2Column)) level2 = '';
    const level3 = cells.level3Heading ?? '';
    const value = cells.valueHeading ?? '';
    if (!level3 && !value) continue;
    const indicator: DepartmentIndicator = { level1, level2, level3, value, parsed: parseIndicatorValue(value) };
    if (cells.noteHeading) indicator.note = cells.noteHeading;
    indicators.push(indicator);
  }
  return indicators;
}
