// Where the forms are on a sheet: one per sheet, or many stacked as the budget system exports them. A form starts at
// its title (…绩效目标表 / …绩效目标申报表 / 部门（单位）整体绩效目标表 / …绩效目标汇总表) or, untitled, at a 项目名称 label
// that the next lines confirm (主管部门及代码, 实施单位 …: a budget table's 「项目名称」 column head has none of them),
// and ends before the next one.
import type { SheetGrid } from '../grid';
import { matchProjectLabel, type ProjectLabel } from './labels';
import { rowsBetween, rowTokens, type Token } from './tokens';

export type FormKind = 'project' | 'department' | 'summary';

export interface FormBlock {
  kind: FormKind;
  /** First and last row of the form (inclusive). */
  start: number;
  end: number;
  /** The title cell, when the form prints one. */
  title?: Token;
}

/** Title endings, most specific first; the year line 「(2024年度)」 may share the title's cell. */
const TITLE_KINDS: ReadonlyArray<readonly [RegExp, FormKind]> = [
  [/绩效目标汇总表$/, 'summary'],
  [/整体绩效目标表$/, 'department'],
  [/绩效目标(?:申报)?表$/, 'project'],
];

const YEAR_SUFFIX = /\(\d{4}年度?\)$/;
/** A sentence that ends with a form's name (a finding in a 审核报告, a note) is not a title. */
const SENTENCE = /[，。；“”"]/;

export function titleKind(text: string): FormKind | undefined {
  // Most cells of a workbook are amounts and names: the cheap test keeps scanning a large sheet fast.
  if (text.length > 80 || !/绩\s*效/.test(text) || SENTENCE.test(text)) return undefined;
  const compact = text.normalize('NFKC').replace(/\s+/g, '').replace(YEAR_SUFFIX, '');
  return TITLE_KINDS.find(([pattern]) => pattern.test(compact))?.[1];
}

/** Labels that confirm an untitled 项目名称 starts a form. */
const CONFIRMING: ReadonlySet<ProjectLabel> = new Set(['department', 'implementingUnit', 'projectAttribute', 'fundsHeading', 'totalImplementation']);
const CONFIRM_WITHIN_ROWS = 4;
const MENTION = /绩\s*效|项\s*目\s*名\s*称/;

function mentionsForm(sheet: SheetGrid, row: number): boolean {
  for (const cell of sheet.cells.get(row)?.values() ?? []) {
    if (typeof cell.value === 'string' && MENTION.test(cell.value)) return true;
  }
  return false;
}

const hasLabel = (tokens: Token[], keys: (key: ProjectLabel) => boolean): boolean =>
  tokens.some((token) => {
    const match = matchProjectLabel(token.text);
    return match !== undefined && keys(match.key);
  });

/**
 * The forms on a sheet, top to bottom. `endBefore` lists rows where something else begins (a budget table's title on
 * the same sheet): a form never reads past them.
 */
export function findFormBlocks(sheet: SheetGrid, endBefore: readonly number[] = []): FormBlock[] {
  const rows = rowsBetween(sheet, 1, sheet.rowCount);
  const starts: Omit<FormBlock, 'end'>[] = [];
  let namedProject: boolean | undefined;
  rows.forEach((row, index) => {
    // Most rows of a workbook are budget lines: look closer only at rows that mention 绩效 or 项目名称.
    if (!mentionsForm(sheet, row)) return;
    const cells = rowTokens(sheet, row);
    const title = cells.find((token) => titleKind(token.text));
    if (title) {
      const kind = titleKind(title.text) ?? 'project';
      starts.push({ kind, start: row, title });
      namedProject = kind === 'project' ? false : undefined;
      return;
    }
    if (!hasLabel(cells, (key) => key === 'projectName')) return;
    if (namedProject === false) {
      namedProject = true;
      return;
    }
    const next = rows.slice(index, index + CONFIRM_WITHIN_ROWS + 1).filter((r) => r - row <= CONFIRM_WITHIN_ROWS);
    if (next.some((r) => hasLabel(rowTokens(sheet, r), (key) => CONFIRMING.has(key)))) {
      starts.push({ kind: 'project', start: row });
      namedProject = true;
    }
  });
  return starts.map((block, i) => {
    const nextStart = starts[i + 1]?.start ?? sheet.rowCount + 1;
    const stop = Math.min(nextStart, ...endBefore.filter((row) => row > block.start));
    return { ...block, end: stop - 1 };
  });
}

/** The sheet holds 绩效目标表 (project or department-wide forms, or the 绩效目标汇总表). */
export function holdsPerformanceForms(sheet: SheetGrid): boolean {
  return findFormBlocks(sheet).length > 0;
}
