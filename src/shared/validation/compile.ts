// Rules + book → checks. Conditions wrap a rule's checks: while a condition is false they report nothing.
import type { Check } from './check';
import type { CompileContext } from './kinds/context';
import { compileCatalogueName, compileCodeStructure, compileConsistentNames } from './kinds/codes';
import { compileEmptyNote } from './kinds/empty-note';
import { compileMatch } from './kinds/match';
import { depsOf, resolve, valueOver } from './kinds/operand';
import { compileRowSum, compileRowsSum } from './kinds/row-sum';
import { compileTreeSum } from './kinds/tree-sum';
import type { Condition, Rule } from './types';

function compileRule(rule: Rule, ctx: CompileContext): Check[] {
  switch (rule.kind) {
    case 'rowSum':
      return compileRowSum(rule, ctx);
    case 'rowsSum':
      return compileRowsSum(rule, ctx);
    case 'treeSum':
      return compileTreeSum(rule, ctx);
    case 'match':
      return compileMatch(rule, ctx);
    case 'codeStructure':
      return compileCodeStructure(rule, ctx);
    case 'catalogueName':
      return compileCatalogueName(rule, ctx);
    case 'consistentNames':
      return compileConsistentNames(rule, ctx);
    case 'emptyNote':
      return compileEmptyNote(rule, ctx);
  }
}

function conditionHolds(condition: Condition, ctx: CompileContext): boolean {
  const left = valueOver(ctx, resolve(ctx, condition.left)).value;
  const right = condition.right === 'zero' ? left.minus(left) : valueOver(ctx, resolve(ctx, condition.right)).value;
  return condition.relation === '=' ? left.eq(right) : condition.relation === '>=' ? left.gte(right) : left.lte(right);
}

function conditionDeps(condition: Condition, ctx: CompileContext): string[] {
  return [...depsOf(resolve(ctx, condition.left)), ...(condition.right === 'zero' ? [] : depsOf(resolve(ctx, condition.right)))];
}

export function compileRules(rules: readonly Rule[], ctx: CompileContext): Check[] {
  return rules.flatMap((rule) => {
    const checks = compileRule(rule, ctx);
    const conditions = rule.when ?? [];
    if (conditions.length === 0) return checks;
    const extraDeps = conditions.flatMap((c) => conditionDeps(c, ctx));
    return checks.map((check) => ({
      id: check.id,
      deps: [...check.deps, ...extraDeps],
      run: () => (conditions.every((c) => conditionHolds(c, ctx)) ? check.run() : []),
    }));
  });
}
