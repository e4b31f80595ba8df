// One 项目支出绩效目标表 (大同's 项目支出绩效目标表, 山西省's 申报表): head fields, 项目资金, 总体目标, the indicator tree
// and the contacts line, each found by its label.
import type { Notice } from '../../../shared/book';
import { parseDepartmentRef, type PerformancePeriod, type PerformanceTargetForm } from '../../../shared/performance';
import { fileLabel } from '../file-label';
import { cellAddress } from '../grid';
import type { FormBlock } from './blocks';
import { labelledCells, readYear, valueAfter } from './fields';
import { isFundRow, readFunds, unitLines } from './funds';
import { readIndicatorTree, readTreeHeader } from './indicators';
import { matchProjectLabel, type ProjectLabel } from './labels';
import { noticeAt, rowsBetween, rowTokens, type Place, type Token } from './tokens';

const isLabel = (text: string): boolean => matchProjectLabel(text) !== undefined;

type TextField = 'projectName' | 'department' | 'implementingUnit' | 'projectAttribute' | 'projectTerm' | 'overview' | 'basis' | 'necessity' | 'safeguards' | 'plan';

type ContactField = 'responsiblePerson' | 'handler' | 'phone' | 'filledOn';
const CONTACT_FIELDS: ReadonlySet<ProjectLabel> = new Set<ContactField>(['responsiblePerson', 'handler', 'phone', 'filledOn']);

/** Labels that may stand inside the indicator table; any other label ends it. */
const TREE_LABELS: ReadonlySet<ProjectLabel> = new Set(['indicatorsHeading', 'level1Heading', 'level2Heading', 'level3Heading', 'valueHeading']);
/** A footnote under the table is not an indicator. */
const FOOTNOTE = /^(?:注|说明|备注)\s*[:：]/;

const has = (tokens: Token[], keys: ReadonlySet<ProjectLabel>): boolean =>
  tokens.some((token) => {
    const key = matchProjectLabel(token.text)?.key;
    return key !== undefined && keys.has(key);
  });
const PROJECT_NAME: ReadonlySet<ProjectLabel> = new Set(['projectName']);

export function readProjectForm(place: Place, block: FormBlock, notices: Notice[]): PerformanceTargetForm | undefined {
  const rows = rowsBetween(place.sheet, block.start, block.end)
    .map((row) => rowTokens(place.sheet, row))
    .filter((tokens) => tokens.length > 0);
  const at = block.title ?? rows[0]?.[0];
  const headerIndex = rows.findIndex((tokens) => readTreeHeader(tokens) !== undefined);
  const contactsIndex = rows.findIndex((tokens) => has(tokens, CONTACT_FIELDS));
  const headEnd = [headerIndex, contactsIndex].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), rows.length);
  const head = rows.slice(0, headEnd);

  const fields = new Map<ProjectLabel, Token>();
  for (const tokens of head) {
    for (const cell of labelledCells(tokens, matchProjectLabel)) {
      if (fields.has(cell.match.key)) continue;
      const value = valueAfter(tokens, cell, isLabel);
      fields.set(cell.match.key, value ?? { ...cell.token, text: '', value: '' });
    }
  }
  if (fields.size === 0) {
    if (at) notices.push(noticeAt(place, '提示', at.row, at.column, `「${at.text}」下面没有绩效目标表的内容（如目录），已跳过。`));
    return undefined;
  }
  const name = fields.get('projectName')?.text ?? '';
  if (!name) {
    const where = fields.get('projectName') ?? at;
    notices.push(noticeAt(place, '警告', where?.row, where?.column, `${block.title ? `「${block.title.text}」` : '此绩效目标表'}没有填写项目名称（应在「项目名称」右边的单元格），未导入。`));
    return undefined;
  }
  const text = (key: TextField): string => fields.get(key)?.text ?? '';

  const form: PerformanceTargetForm = {
    ...(block.title ? { title: block.title.text } : {}),
    projectName: name,
    department: parseDepartmentRef(text('department')),
    implementingUnit: text('implementingUnit'),
    projectAttribute: text('projectAttribute'),
    projectTerm: text('projectTerm'),
    funds: readFunds(place, head.filter(isFundRow), notices, unitLines(head, fields.get('projectName'))),
    overview: text('overview'),
    basis: text('basis'),
    necessity: text('necessity'),
    safeguards: text('safeguards'),
    plan: text('plan'),
    overallGoals: readGoals(head),
    indicators: [],
    contacts: {},
    source: { file: fileLabel(place.file), sheet: place.sheet.name, ...(at ? { cell: cellAddress(at.row, at.column) } : {}) },
  };
  const nameRow = rows.findIndex((tokens) => has(tokens, PROJECT_NAME));
  const year = readYear(rows.slice(0, Math.max(nameRow, 0) + 1).flatMap((tokens) => tokens.map((t) => t.text)));
  if (year) form.year = year;

  if (headerIndex >= 0) {
    const header = rows[headerIndex] as Token[];
    const columns = readTreeHeader(header);
    const after = rows.slice(headerIndex + 1);
    const stop = after.findIndex((tokens) => FOOTNOTE.test(tokens[0]?.text ?? '') || tokens.some((t) => {
      const key = matchProjectLabel(t.text)?.key;
      return key !== undefined && !TREE_LABELS.has(key);
    }));
    const treeRows = stop >= 0 ? after.slice(0, stop) : after;
    if (columns) form.indicators = readIndicatorTree({ place, columns, rows: treeRows, merges: place.sheet.merges }, notices);
  } else if (at) {
    notices.push(noticeAt(place, '提示', at.row, at.column, `项目「${name}」的绩效目标表中没有找到绩效指标的表头（一级指标、二级指标、三级指标、指标值），未读取绩效指标。`));
  }
  if (contactsIndex >= 0) form.contacts = readContacts(rows[contactsIndex] as Token[]);
  return form;
}

/** 总体目标: the texts right of the label, 实施期 first; a lone text goes to the column heading it stands under. */
function readGoals(head: Token[][]): Record<PerformancePeriod, string> {
  const goals: Record<PerformancePeriod, string> = { 实施期: '', 年度: '' };
  let implementationColumn: number | undefined;
  let annualColumn: number | undefined;
  for (const tokens of head) {
    for (const cell of labelledCells(tokens, matchProjectLabel)) {
      if (cell.match.key === 'goalsImplementation') implementationColumn ??= cell.token.column;
      if (cell.match.key === 'goalsAnnual') annualColumn ??= cell.token.column;
      if (cell.match.key !== 'overallGoals') continue;
      const texts = [...(cell.match.rest ? [{ ...cell.token, text: cell.match.rest }] : []), ...tokens.slice(cell.index + 1)];
      const [first, second] = texts;
      if (second && first) {
        goals.实施期 = first.text;
        goals.年度 = second.text;
      } else if (first) {
        const annual =
          annualColumn !== undefined &&
          (implementationColumn === undefined
            ? first.column >= annualColumn
            : Math.abs(first.column - annualColumn) < Math.abs(first.column - implementationColumn));
        goals[annual ? '年度' : '实施期'] = first.text;
      }
      return goals;
    }
  }
  return goals;
}

function readContacts(tokens: Token[]): PerformanceTargetForm['contacts'] {
  const contacts: PerformanceTargetForm['contacts'] = {};
  for (const cell of labelledCells(tokens, matchProjectLabel)) {
    if (!CONTACT_FIELDS.has(cell.match.key)) continue;
    const key = cell.match.key as ContactField;
    if (contacts[key] !== undefined) continue;
    const value = valueAfter(tokens, cell, isLabel)?.text;
    if (value) contacts[key] = value;
  }
  return contacts;
}
