// Per-project form match: each 表十二 project has a 项目支出绩效目标表 whose 年度资金总额 (元) rounds to
// the project's 万元 amount. Quiet when the book carries no forms at all (none were supplied).
import { toCanonical } from '../../money';
import { checkAnnualFunds } from '../../performance';
import { rowLabelKey } from '../../text';
import type { Check } from '../check';
import type { Finding, ProjectFormsRule } from '../types';
import type { CompileContext } from './context';

export function compileProjectForms(rule: ProjectFormsRule, ctx: CompileContext): Check[] {
  const forms = ctx.index.book.performanceForms;
  if (!forms) return [];
  const byName = new Map(forms.map((form) => [rowLabelKey(form.projectName), form]));
  return ctx.index.select(rule.table, 'main', { levels: ['project'] }).map((row) => {
    const cell = ctx.index.cellId(row, rule.column);
    const key = `${rule.id}:${row.key}`;
    const location = () => [ctx.describe.location(rule.table, 'main', row, rule.column)];
    return {
      id: key,
      deps: [cell],
      run: (): Finding[] => {
        const figure = ctx.index.figure(cell);
        if (figure === undefined || figure === 0n) return [];
        const amount = toCanonical(ctx.index.toDec(figure));
        const form = byName.get(rowLabelKey(row.name));
        if (!form) {
          return [{ key, rule: rule.id, severity: rule.missingSeverity, message: `${ctx.describe.cell(rule.table, 'main', row)}（${amount} 万元）没有项目支出绩效目标表。`, locations: location() }];
        }
        const result = checkAnnualFunds(form, amount);
        if (result.ok) return [];
        return [
          {
            key,
            rule: rule.id,
            severity: rule.severity,
            message: `${result.message ?? ''}。`,
            locations: location(),
            expected: result.expectedWan,
            actual: result.roundedWan || result.actualYuan,
            ...(result.difference ? { difference: result.difference } : {}),
          },
        ];
      },
    };
  });
}
