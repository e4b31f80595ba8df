// 河南's 部门预算项目绩效目标汇总表: under a three-row header, the department's row (154), its units' rows (154001
// 新乡市金融工作局) and each unit's projects (410700220000000029927 金融及处非工作经费), a project's 编码, name and
// amounts on its first row and more indicators on the rows under it (blank there, or merged down). Each project
// becomes a PerformanceTargetForm with layout 'summary': 年度 money in 元 and 年度 indicators only.
import type { Notice } from '../../../shared/book';
import { convertUnit, parseAmount, toCanonical, withinAmountRange } from '../../../shared/money';
import { blankForm } from '../../../shared/performance/blank';
import { parseIndicatorValue, withParsedValue, type PerformanceIndicator, type PerformanceTargetForm } from '../../../shared/performance';
import { fileLabel } from '../file-label';
import { cellAddress } from '../grid';
import type { FormBlock } from './blocks';
import { readYear } from './fields';
import { summaryFunds } from './summary-funds';
import { readSummaryHeader, type AmountField, type SummaryColumns } from './summary-header';
import { placeIndicatorRow } from './summary-indicators';
import { noticeAt, rowsBetween, rowTokens, type Place, type Token } from './tokens';

/** Lines that name no one: the department's own level. */
const GENERIC_NAME = /^(本级|部门本级|本部门|本单位)$/;
const FOOTNOTE = /^(?:注|说明|备注)\s*[:：]/;
const TOTAL_ROW = /^(?:合\s*计|总\s*计)$/;
/** 部门名称：本级 above the header. */
const DEPARTMENT_LINE = /^部门(?:（单位）|\(单位\))?名称\s*[:：]\s*(.*)$/;
/** Budget project codes are long (河南: 21 digits); department and unit codes are short (154, 154001). */
const PROJECT_CODE_MIN_LENGTH = 10;
const AMOUNT_LABELS: Readonly<Record<AmountField, string>> = { total: '资金总额', governmentBudget: '政府预算资金', specialAccount: '财政专户管理资金', unitFunds: '单位资金' };

const HAN = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]';
const WRAP_SPACE = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'g');
/** A cell wrapped in the table (a line break, or the spaces a PDF leaves) reads as one text: no space between Han characters. */
const tidy = (text: string): string => text.replace(WRAP_SPACE, '').trim();
const codeOf = (text: string): string | undefined => {
  const code = text.normalize('NFKC').replace(/\s+/g, '');
  return /^[0-9A-Za-z]+$/.test(code) ? code : undefined;
};

interface Party {
  code: string;
  name: string;
}

interface Pair {
  level3: string;
  value: string;
}

interface Project {
  code: string;
  name: string;
  at: Token;
  amounts: Partial<Record<AmountField, string>>;
  department?: Party;
  unit?: Party;
  /** Pairs by group index, in row order. */
  pairs: Pair[][];
}

interface State {
  department?: Party;
  unit?: Party;
  project?: Project;
  /** The rows under a project that was not imported are its own: dropped without a notice each. */
  skipping: boolean;
  /** Row of the last non-empty row read (a gap means a page break in a table converted from a PDF). */
  lastRow: number;
  /** Consecutive rows read shifted, said in one notice when the run ends. */
  shifted?: { project: string; offset: number; first: Token; lastRow: number };
}

export function readSummaryForms(place: Place, block: FormBlock, notices: Notice[]): PerformanceTargetForm[] {
  const rows = rowsBetween(place.sheet, block.start, block.end)
    .map((row) => rowTokens(place.sheet, row))
    .filter((tokens) => tokens.length > 0);
  const at = block.title ?? rows[0]?.[0];
  const title = block.title?.text ?? '';
  const found = readSummaryHeader(rows);
  if (!('header' in found)) {
    const where = found.at ?? at;
    const what = rows.length <= 1 ? '下面没有汇总表的内容（如目录），已跳过' : `中没有找到表头（${found.missing.join('、')}），未导入`;
    notices.push(noticeAt(place, rows.length <= 1 ? '提示' : '警告', where?.row, where?.column, `「${title || '项目绩效目标汇总表'}」${what}。`));
    return [];
  }
  const { columns, bodyStart } = found.header;
  const above = rows.slice(0, bodyStart);
  const year = readYear(above.flatMap((tokens) => tokens.map((t) => t.text)));
  const departmentLine = above.flat().map((t) => DEPARTMENT_LINE.exec(t.text.trim())?.[1]?.trim()).find((name) => name !== undefined);

  const projects: Project[] = [];
  const state: State = { skipping: false, lastRow: rows[bodyStart - 1]?.[0]?.row ?? block.start };
  for (const tokens of rows.slice(bodyStart)) {
    const first = tokens[0] as Token;
    if (FOOTNOTE.test(first.text)) break;
    // Blank rows between: a page break of a PDF conversion, after which the shift may differ.
    if (first.row - state.lastRow > 1) endShiftedRun(place, state, notices);
    readRow(place, columns, tokens, state, projects, notices);
    state.lastRow = first.row;
  }
  endShiftedRun(place, state, notices);

  return projects.map((project) => {
    const named = [project.department?.name, departmentLine].find((name) => name && !GENERIC_NAME.test(name)) ?? '';
    const indicators = columns.groups.flatMap((group, g) =>
      (project.pairs[g] ?? []).map((pair): PerformanceIndicator => withParsedValue({ period: '年度', level1: group.level1, level2: '', level3: pair.level3, value: pair.value })),
    );
    const form = blankForm({
      ...(title ? { title } : {}),
      ...(year ? { year } : {}),
      projectName: project.name,
      department: { code: project.department?.code ?? '', name: named },
      implementingUnit: project.unit?.name ?? '',
      funds: { 实施期: { unit: '元' }, 年度: summaryFunds(project.amounts, named || project.unit?.name || '') },
      indicators,
      source: { file: fileLabel(place.file), sheet: place.sheet.name, cell: cellAddress(project.at.row, project.at.column) },
      layout: 'summary',
    });
    return form;
  });
}

function readRow(place: Place, columns: SummaryColumns, tokens: Token[], state: State, projects: Project[], notices: Notice[]): void {
  const cell = (column: number): Token | undefined => tokens.find((t) => t.column === column);
  const codeCell = cell(columns.code);
  const nameCell = cell(columns.name);
  const amountCells = (Object.keys(columns.amounts) as AmountField[]).flatMap((field) => {
    const token = cell(columns.amounts[field] as number);
    return token ? [{ field, token }] : [];
  });
  const indicatorCells = tokens.filter((t) => t.column >= columns.indicatorStart);
  const headColumns = new Set([columns.code, columns.name, ...Object.values(columns.amounts)]);
  const strays = tokens.filter((t) => t.column < columns.indicatorStart && !headColumns.has(t.column));
  const ignore = (list: Token[], why: string): void => {
    const first = list[0];
    if (first) notices.push(noticeAt(place, '提示', first.row, first.column, `项目绩效目标汇总表中的「${list.map((t) => t.text).join('」「')}」${why}，未导入。`));
  };
  ignore(strays, '不在任何表头（编码、名称、金额、三级指标、指标值）之下');

  const code = codeCell ? codeOf(codeCell.text) : undefined;
  const name = nameCell ? tidy(nameCell.text) : '';
  if (codeCell && code === undefined) {
    // 合计 rows repeat what the rows below say; anything else in the 编码 column is not a row of this table.
    if (!TOTAL_ROW.test(codeCell.text.trim())) ignore([codeCell], '不是单位编码或项目编码（应为数字编码，如 154001）');
    return;
  }
  const project = state.project;
  // A sheet that repeats the project's 编码 and name on each of its rows continues the project, as blank cells do.
  const repeatsProject = project !== undefined && (code ?? '') === project.code && (!name || name === project.name);
  if ((code || name) && !repeatsProject) {
    startRow(place, columns, { code: code ?? '', name, at: (codeCell ?? nameCell) as Token, amountCells, indicatorCells }, state, projects, notices);
    if (!state.project) return;
  } else if (amountCells.length > 0 && !repeatsProject) {
    ignore(amountCells.map((a) => a.token), '所在行没有单位编码（项目编码）和名称');
  }
  if (indicatorCells.length === 0) return;
  if (!state.project) {
    if (!state.skipping) ignore(indicatorCells, '上方没有项目（单位编码（项目编码）和项目名称）');
    return;
  }
  addIndicators(place, columns, indicatorCells, state, notices);
}

interface HeadRow {
  code: string;
  name: string;
  at: Token;
  amountCells: { field: AmountField; token: Token }[];
  indicatorCells: Token[];
}

/** A row with its own 编码 or name: the department, one of its units, or a project. */
function startRow(place: Place, columns: SummaryColumns, row: HeadRow, state: State, projects: Project[], notices: Notice[]): void {
  const { code, name, at } = row;
  state.project = undefined;
  state.skipping = false;
  const department = state.department;
  const isProject = row.indicatorCells.length > 0 || code.length >= PROJECT_CODE_MIN_LENGTH || (!code && (department !== undefined || state.unit !== undefined));
  if (!isProject) {
    const isUnit = department !== undefined && code.length > department.code.length && (code.startsWith(department.code) || !department.code);
    const party: Party = { code, name: GENERIC_NAME.test(name) ? '' : name };
    if (isUnit) state.unit = party;
    else {
      state.department = party;
      state.unit = undefined;
    }
    return;
  }
  if (!name) {
    notices.push(noticeAt(place, '警告', at.row, at.column, `项目绩效目标汇总表中编码为 ${code} 的项目没有填写项目名称（应在「项目单位（项目名称）」列），此项目的绩效目标未导入。`));
    state.skipping = true;
    return;
  }
  const project: Project = { code, name, at, amounts: readAmounts(place, columns, row.amountCells, name, notices), pairs: columns.groups.map(() => []) };
  if (state.department) project.department = state.department;
  if (state.unit) project.unit = state.unit;
  projects.push(project);
  state.project = project;
}

/** 万元 as printed (or 元 where the header says so), converted exactly to the form's 元. */
function readAmounts(place: Place, columns: SummaryColumns, cells: HeadRow['amountCells'], project: string, notices: Notice[]): Partial<Record<AmountField, string>> {
  const amounts: Partial<Record<AmountField, string>> = {};
  for (const { field, token } of cells) {
    const parsed = parseAmount(token.value);
    if (parsed.kind === 'value' && withinAmountRange(parsed.value)) {
      amounts[field] = toCanonical(convertUnit(parsed.value, columns.unit, '元'));
    } else if (parsed.kind !== 'blank') {
      const shown = token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text;
      notices.push(noticeAt(place, '警告', token.row, token.column, `项目「${project}」的${AMOUNT_LABELS[field]}「${shown}」不是金额（应以${columns.unit}为单位的数字，如 37.00），已留空。`));
    }
  }
  return amounts;
}

function addIndicators(place: Place, columns: SummaryColumns, cells: Token[], state: State, notices: Notice[]): void {
  const project = state.project as Project;
  const first = cells[0] as Token;
  if (cells.length === 1 && appendFragment(place, columns, first, state, notices)) return;
  const placed = placeIndicatorRow(columns.groups, cells);
  const run = state.shifted;
  if (run && (placed.offset !== run.offset || project.name !== run.project)) endShiftedRun(place, state, notices);
  if (placed.offset !== 0) {
    if (state.shifted) state.shifted.lastRow = first.row;
    else state.shifted = { project: project.name, offset: placed.offset, first, lastRow: first.row };
  }
  if (placed.strays.length > 0) {
    notices.push(noticeAt(place, '提示', placed.strays[0]?.row, placed.strays[0]?.column, `项目绩效目标汇总表中的「${placed.strays.map((t) => t.text).join('」「')}」不在任何三级指标、指标值列之下，未导入。`));
  }
  for (const [g, pair] of placed.pairs) {
    project.pairs[g]?.push({ level3: tidy(pair.level3?.text ?? ''), value: tidy(pair.value?.text ?? '') });
  }
}

/** Says which rows were read one column off the header: a page of a PDF conversion is one notice, not one a row. */
function endShiftedRun(place: Place, state: State, notices: Notice[]): void {
  const run = state.shifted;
  if (!run) return;
  state.shifted = undefined;
  const rows = run.lastRow > run.first.row ? `第 ${run.first.row}–${run.lastRow} 行` : `第 ${run.first.row} 行`;
  const side = run.offset > 0 ? '左' : '右';
  notices.push(noticeAt(place, '提示', run.first.row, run.first.column, `项目「${run.project}」${rows}的绩效指标比表头${side}移了一列（常见于从 PDF 转换的表格），已按表头的三级指标、指标值列读取，请核对。`));
}

/**
 * A lone text (not a measure) after a page break (blank rows above it), standing where the indicator above it has its 三级指标 or
 * 指标值: the rest of that cell, broken over two pages by the PDF. It is joined on, and said.
 */
function appendFragment(place: Place, columns: SummaryColumns, token: Token, state: State, notices: Notice[]): boolean {
  if (token.row - state.lastRow < 2 || parseIndicatorValue(token.text).comparator !== '定性') return false;
  const g = columns.groups.findIndex((group) => group.level3 === token.column || group.value === token.column);
  const group = columns.groups[g];
  const pairs = (state.project as Project).pairs[g];
  const last = pairs?.[pairs.length - 1];
  if (!group || !last) return false;
  const slot = group.level3 === token.column ? 'level3' : 'value';
  if (!last[slot] || !last[slot === 'level3' ? 'value' : 'level3']) return false;
  const before = last[slot];
  last[slot] = `${before}${tidy(token.text)}`;
  notices.push(noticeAt(place, '提示', token.row, token.column, `「${tidy(token.text)}」单独成行，是上方「${before}」跨页断开的后半部分，已接在其后（请核对）。`));
  return true;
}
