// 项目资金（元）, or （万元） on some provinces' forms: two columns, 实施期 on the left and 年度 on the right, one line per source. The period of a source
// line is its order when a row prints the label twice, else which total's column it stands under.
import type { Notice } from '../../../shared/book';
import { convertUnit, Dec, parseAmount, toCanonical, type MoneyUnit } from '../../../shared/money';
import { FUND_SOURCE_LABELS, toFundAmount, type FundBreakdown, type FundSource, type PerformancePeriod } from '../../../shared/performance';
import { labelledCells, valueAfter } from './fields';
import { matchProjectLabel, type ProjectLabel } from './labels';
import { noticeAt, type Place, type Token } from './tokens';

type FundField = 'total' | FundSource;

const FIELD_OF: Partial<Record<ProjectLabel, FundField>> = {
  totalImplementation: 'total',
  totalAnnual: 'total',
  fiscal: 'fiscal',
  central: 'central',
  provincial: 'provincial',
  cityCounty: 'cityCounty',
  selfRaised: 'selfRaised',
  other: 'other',
};

/** Is this row one of the 项目资金 lines? */
export function isFundRow(tokens: Token[]): boolean {
  return tokens.some((token) => {
    const key = matchProjectLabel(token.text)?.key;
    return key !== undefined && (key === 'fundsHeading' || FIELD_OF[key] !== undefined);
  });
}

const isLabel = (text: string): boolean => matchProjectLabel(text) !== undefined;

const fieldLabel = (period: PerformancePeriod, field: FundField): string => (field === 'total' ? `${period}资金总额` : `${period}${FUND_SOURCE_LABELS[field]}`);

/** 「项目资金（万元）」 on the block: some provinces' forms state the money in 万元. */
const HEADING_IN_WAN = /[（(]\s*万\s*元\s*[)）]/;
/** A cell that is only a unit line, as printed over a form: 「单位：万元」, 「金额单位：万元」. */
const UNIT_LINE_IN_WAN = /^(?:金额)?单位\s*[:：]?\s*万\s*元$/;

/** The rows above the form's 项目名称 (title, year, a unit line): where a form states its unit, if anywhere but the block. */
export function unitLines(head: Token[][], projectName: Token | undefined): Token[][] {
  return projectName ? head.filter((tokens) => (tokens[0]?.row ?? 0) < projectName.row) : [];
}

/** The unit the block's amounts are printed in: 元 unless its heading or a unit line over the form says 万元. */
function fundUnit(rows: Token[][], above: Token[][]): MoneyUnit {
  const heading = rows.some((tokens) => tokens.some((token) => HEADING_IN_WAN.test(token.text) && matchProjectLabel(token.text)?.key === 'fundsHeading'));
  const unitLine = above.some((tokens) => tokens.some((token) => UNIT_LINE_IN_WAN.test(token.text.replace(/\s+/g, ''))));
  return heading || unitLine ? '万元' : '元';
}

export function readFunds(place: Place, rows: Token[][], notices: Notice[], above: Token[][] = []): Record<PerformancePeriod, FundBreakdown> {
  const funds: Record<PerformancePeriod, FundBreakdown> = { 实施期: { unit: '元' }, 年度: { unit: '元' } };
  // The model holds 元: amounts printed in 万元 are converted exactly (a shift of four places, never a rounding).
  const unit = fundUnit(rows, above);
  const inYuan = (amount: string): string => (unit === '元' ? amount : toCanonical(convertUnit(new Dec(amount), '万元', '元')));
  const all = rows.map((tokens) => labelledCells(tokens, matchProjectLabel).filter((cell) => FIELD_OF[cell.match.key] !== undefined));
  const columnOf = (key: ProjectLabel): number | undefined => all.flat().find((cell) => cell.match.key === key)?.token.column;
  const implementationColumn = columnOf('totalImplementation');
  const annualColumn = columnOf('totalAnnual');
  const sideOf = (column: number): PerformancePeriod => {
    if (annualColumn === undefined) return '实施期';
    if (implementationColumn === undefined) return column >= annualColumn ? '年度' : '实施期';
    return column * 2 >= implementationColumn + annualColumn ? '年度' : '实施期';
  };
  rows.forEach((tokens, r) => {
    const cells = all[r] ?? [];
    cells.forEach((cell) => {
      const key = cell.match.key;
      const field = FIELD_OF[key] as FundField;
      const twins = cells.filter((other) => other.match.key === key);
      const period: PerformancePeriod =
        key === 'totalImplementation' ? '实施期'
        : key === 'totalAnnual' ? '年度'
        : twins.length >= 2 ? (twins.indexOf(cell) === 0 ? '实施期' : '年度')
        : sideOf(cell.token.column);
      const valueCell = valueAfter(tokens, cell, isLabel);
      const amount = toFundAmount(valueCell?.value);
      if (amount !== undefined) {
        funds[period][field] = inYuan(amount);
      } else if (valueCell && parseAmount(valueCell.value).kind === 'invalid') {
        notices.push(noticeAt(place, '警告', valueCell.row, valueCell.column, `${fieldLabel(period, field)}「${valueCell.text}」不是金额（应为以${unit}为单位的数字，如 ${unit === '元' ? '28,569.78' : '2.86'}），已留空。`));
      }
    });
  });
  return funds;
}
