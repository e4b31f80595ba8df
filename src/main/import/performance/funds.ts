// 项目资金（元）: two columns, 实施期 on the left and 年度 on the right, one line per source. The period of a source
// line is its order when a row prints the label twice, else which total's column it stands under.
import type { Notice } from '../../../shared/book';
import { parseAmount } from '../../../shared/money';
import { FUND_SOURCE_LABELS, toFundAmount, type FundBreakdown, type FundSource, type PerformancePeriod } from '../../../shared/performance';
import { labelledCells, valueAfter } from './fields';
import { matchProjectLabel, type ProjectLabel } from './labels';
import { noticeAt, type Place, type Token } from './tokens';

type FundField = 'total' | FundSource;

const FIELD_OF: Partial<Record<ProjectLabel, FundField>> = {
  totalImplementation: 'total',
  totalAnnual: 'total',
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

export function readFunds(place: Place, rows: Token[][], notices: Notice[]): Record<PerformancePeriod, FundBreakdown> {
  const funds: Record<PerformancePeriod, FundBreakdown> = { 实施期: { unit: '元' }, 年度: { unit: '元' } };
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
        funds[period][field] = amount;
      } else if (valueCell && parseAmount(valueCell.value).kind === 'invalid') {
        notices.push(noticeAt(place, '警告', valueCell.row, valueCell.column, `${fieldLabel(period, field)}「${valueCell.text}」不是金额（应为以元为单位的数字，如 28,569.78），已留空。`));
      }
    });
  });
  return funds;
}
