// Chinese wording of findings. Every figure in a message is formatted the way the tables print it.
import { formatAmount, type Dec } from '../money';

export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;

export const fmt = (value: Dec): string => formatAmount(value);

export function sumMessage(subject: string, total: Dec, partsLabel: string, sum: Dec, difference: Dec, tail: boolean): string {
  const verdict = tail ? '，在四舍五入的尾差范围内（尾差）' : '';
  return `${subject} ${fmt(total)} 与${partsLabel} ${fmt(sum)} 不等，相差 ${fmt(difference)}${verdict}。`;
}

export function compareMessage(left: string, leftValue: Dec, relation: string, right: string, rightValue: Dec): string {
  const expectation = relation === '>=' ? '应不小于' : relation === '<=' ? '应不大于' : '应等于';
  return `${left} ${fmt(leftValue)} ${expectation}${right} ${fmt(rightValue)}。`;
}

export function missingCounterpartMessage(present: string, value: Dec, absentTable: string, what: string): string {
  return `${present} 有金额 ${fmt(value)}，但${absentTable}没有${what}。`;
}
