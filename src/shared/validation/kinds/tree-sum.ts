// Parent = Σ children, where the tree comes from the table's row model: codes (类/款/项), economic class
// rows followed by their items, department → unit → project, or 部门合计 over units.
import type { BookRow } from '../../book';
import type { Check } from '../check';
import { sumCheck } from '../sums';
import type { SideId, TreeSumRule } from '../types';
import { sideDef, type CompileContext } from './context';

interface Group {
  parent: BookRow;
  children: BookRow[];
  label: string;
}

export function treeGroups(rows: readonly BookRow[], modelKind: string): Group[] {
  const total = rows.find((r) => r.level === 'total' || r.level === 'department');
  switch (modelKind) {
    case 'codedTree': {
      const byCode = new Map(rows.filter((r) => r.code).map((r) => [r.code as string, r]));
      const groups = new Map<BookRow, BookRow[]>();
      for (const row of rows) {
        if (!row.code) continue;
        const parent = row.code.length === 3 ? total : byCode.get(row.code.slice(0, row.code.length === 7 ? 5 : 3));
        if (!parent || parent === row) continue;
        const children = groups.get(parent);
        if (children) children.push(row);
        else groups.set(parent, [row]);
      }
      return [...groups].map(([parent, children]) => ({ parent, children, label: parent === total ? '各类之和' : parent.code?.length === 3 ? '所属各款之和' : '所属各项之和' }));
    }
    case 'economicPairs': {
      const groups: Group[] = [];
      const classes = rows.filter((r) => r.level === 'class');
      let current: Group | undefined;
      for (const row of rows) {
        if (row.level === 'class') groups.push((current = { parent: row, children: [], label: '所属各科目之和' }));
        else if (row.level === 'item' && current) current.children.push(row);
      }
      if (total) groups.push({ parent: total, children: classes.length ? classes : rows.filter((r) => r.level === 'item'), label: classes.length ? '各类之和' : '各科目之和' });
      return groups.filter((g) => g.children.length > 0);
    }
    case 'projectTree': {
      const units = rows.filter((r) => r.level === 'unit');
      const projectsByUnit = new Map<string, BookRow[]>();
      for (const row of rows) {
        if (row.level !== 'project' || !row.unitName) continue;
        const list = projectsByUnit.get(row.unitName);
        if (list) list.push(row);
        else projectsByUnit.set(row.unitName, [row]);
      }
      const groups: Group[] = units.map((unit) => ({ parent: unit, children: projectsByUnit.get(unit.name) ?? [], label: '所属项目之和' }));
      if (total) groups.push({ parent: total, children: units.length ? units : rows.filter((r) => r.level === 'project'), label: units.length ? '各单位之和' : '各项目之和' });
      return groups.filter((g) => g.children.length > 0);
    }
    case 'unitList':
      return total ? [{ parent: total, children: rows.filter((r) => r.level === 'unit'), label: '各单位之和' }].filter((g) => g.children.length > 0) : [];
    default:
      return [];
  }
}

export function compileTreeSum(rule: TreeSumRule, ctx: CompileContext): Check[] {
  const side: SideId = rule.side ?? 'main';
  const model = sideDef(ctx, rule.table, side)?.rows.kind ?? 'fixed';
  const checks: Check[] = [];
  for (const group of treeGroups(ctx.index.rows(rule.table, side), model)) {
    const rows = [group.parent, ...group.children];
    for (const column of rule.columns) {
      checks.push(
        sumCheck(ctx, {
          key: `${rule.id}:${side}:${group.parent.key}:${column}`,
          rule: rule.id,
          severity: rule.severity,
          table: rule.table,
          cells: rows.map((row) => ctx.index.cellId(row, column)),
          refs: () => rows.map((row) => ({ side, row, column })),
          partsLabel: group.label,
        }),
      );
    }
  }
  return checks;
}
