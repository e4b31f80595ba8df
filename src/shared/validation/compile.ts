// Rules + book → checks. A rule's conditions become one shared node: evaluated once, re-evaluated when its
// cells change, and while false every check it gates reports nothing.
import type { Check, ConditionNode } from './check';
import type { CompileContext } from './kinds/context';
import { compileCatalogueName, compileCodeStructure, compileConsistentNames } from './kinds/codes';
import { compileEmptyNote } from './kinds/empty-note';
import { compileMatch } from './kinds/match';
import { compilePrintedPrecision } from './kinds/printed-precision';
import { cellsOf, resolve, sumOf } from './kinds/operand';
import { compileRowSum, compileRowsSum } from './kinds/row-sum';
import { compileTreeSum } from './kinds/tree-sum';
import { isFormRule, type Condition, type Rule, type TableRule } from './types';

function compileRule(rule: TableRule, ctx: CompileContext): Check[] {
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
    case 'printedPrecision':
      return compilePrintedPrecision(rule, ctx);
  }
}

function conditionNode(conditions: readonly Condition[], ctx: CompileContext): ConditionNode {
  const parts = conditions.map((condition) => ({
    relation: condition.relation,
    left: cellsOf(ctx, resolve(ctx, condition.left)),
    right: condition.right === 'zero' ? [] : cellsOf(ctx, resolve(ctx, condition.right)),
  }));
  const node: ConditionNode = {
    deps: parts.flatMap((p) => [...p.left, ...p.right]),
    holds: false,
    evaluate: () => {
      node.holds = parts.every((p) => {
        const left = sumOf(ctx, p.left).value;
        const right = sumOf(ctx, p.right).value;
        return p.relation === '=' ? left === right : p.relation === '>=' ? left >= right : left <= right;
      });
      return node.holds;
    },
  };
  node.evaluate();
  return node;
}

/** Table rules become checks; 绩效目标表 rules (isFormRule) are left out: the engine runs them at findings time. */
export function compileRules(rules: readonly Rule[], ctx: CompileContext): Check[] {
  return rules.flatMap((rule) => {
    if (isFormRule(rule)) return [];
    const checks = compileRule(rule, ctx);
    if (!rule.when?.length) return checks;
    const gate = conditionNode(rule.when, ctx);
    return checks.map((check) => ({ ...check, gates: [gate], run: () => (gate.holds ? check.run() : []) }));
  });
}
