// Parent = Σ children, where the tree comes from the table's row model: codes (类/款/项), economic class
// rows followed by their items, department → unit → project, or 部门合计 over units. Rows carrying a 单位代码
// (河南) group the rows below them, and a coded row's parent is its nearest ancestor actually printed.
import type { BookRow } from '../../book';
import { ancestorCodes, isClassCode } from '../../catalogue';
import type { Check } from '../check';
import { sumCheck } from '../sums';
import type { SideId, TreeSumRule } from '../types';
import { sideDef, type CompileContext } from './context';

interface Group {
  parent: BookRow;
  children: BookRow[];
  label: string;
}

/** Unit rows that carry a 单位代码 (河南 "154 新乡市金融工作局"); they group the rows below them. */
const isCodedUnit = (row: BookRow): boolean => (row.level === 'department' || row.level === 'unit') && row.code !== undefined;

/** Parent → children in row order, with the label naming the children in findings. */
class TreeBuilder {
  private readonly children = new Map<BookRow, BookRow[]>();
  private readonly units: BookRow[] = [];

  constructor(readonly total: BookRow | undefined) {}

  add(parent: BookRow | undefined, child: BookRow): void {
    if (!parent || parent === child) return;
    const list = this.children.get(parent);
    if (list) list.push(child);
    else this.children.set(parent, [child]);
  }

  /** A unit row sits under the nearest earlier unit whose code its own extends (154 → 154001), else the total. */
  addUnit(row: BookRow): void {
    const code = row.code ?? '';
    const parent = [...this.units].reverse().find((u) => u.code !== undefined && u.code !== code && code.startsWith(u.code));
    this.add(parent ?? this.total, row);
    this.units.push(row);
  }

  /** Makes `parent` a group even when nothing sits under it. */
  ensure(parent: BookRow | undefined): void {
    if (parent && !this.children.has(parent)) this.children.set(parent, []);
  }

  groups(label: (parent: BookRow, children: BookRow[]) => string): Group[] {
    return [...this.children].map(([parent, children]) => ({ parent, children, label: label(parent, children) }));
  }
}

const every = (rows: BookRow[], test: (row: BookRow) => boolean): boolean => rows.every(test);
const totalLabel = (children: BookRow[], parts: string): string => (every(children, isCodedUnit) ? '各单位之和' : parts);

/**
 * 合计/单位/类/款/项: a coded row's parent is its nearest ancestor code present under the same unit row (河南 lists
 * only 项 rows), else that unit row, else 合计.
 */
function codedTreeGroups(rows: readonly BookRow[], tree: TreeBuilder): Group[] {
  let scope: BookRow | undefined;
  const scopes = new Map<BookRow, BookRow | undefined>();
  const present = new Map<string, BookRow>();
  for (const row of rows) {
    if (row.level === 'total' || !row.code) continue;
    if (isCodedUnit(row)) scope = row;
    else present.set(`${scope?.key ?? ''}|${row.code}`, row);
    scopes.set(row, scope);
  }
  // The shallowest code printed in each scope: only rows at that depth may hang directly from the unit or 合计.
  const topLength = new Map<BookRow | undefined, number>();
  for (const [row, unit] of scopes) if (!isCodedUnit(row)) topLength.set(unit, Math.min(topLength.get(unit) ?? Infinity, (row.code as string).length));
  for (const [row, unit] of scopes) {
    if (isCodedUnit(row)) {
      tree.addUnit(row);
      continue;
    }
    const code = row.code as string;
    const ancestor = ancestorCodes(code).map((c) => present.get(`${unit?.key ?? ''}|${c}`)).find(Boolean);
    // A 项 whose 类 is printed elsewhere in the table but not its own (a mistyped code) is an orphan: the code
    // check reports it; adding it to 合计 as well would report one mistake as a wrong total.
    if (ancestor) tree.add(ancestor, row);
    else if (code.length === topLength.get(unit)) tree.add(unit ?? tree.total, row);
  }
  // A 合计 over no rows at all must be blank or zero: a figure there adds up nothing.
  tree.ensure(tree.total);
  return tree.groups((parent, children) => {
    if (parent === tree.total) return every(children, (c) => c.level === 'class') ? '各类之和' : totalLabel(children, '各科目之和');
    if (isCodedUnit(parent)) return every(children, isCodedUnit) ? '所属各单位之和' : '所属各科目之和';
    if (isClassCode(parent.code)) return every(children, (c) => c.level === 'section') ? '所属各款之和' : '所属各科目之和';
    return '所属各项之和';
  });
}

/** 合计/单位 → economic class rows → the items that follow each class (or the items directly). */
function economicGroups(rows: readonly BookRow[], tree: TreeBuilder): Group[] {
  let scope: BookRow | undefined;
  let currentClass: BookRow | undefined;
  for (const row of rows) {
    if (row.level === 'total') continue;
    if (isCodedUnit(row)) {
      tree.addUnit(row);
      [scope, currentClass] = [row, undefined];
    } else if (row.level === 'class') {
      tree.add(scope ?? tree.total, row);
      currentClass = row;
    } else if (row.level === 'item') {
      tree.add(currentClass ?? scope ?? tree.total, row);
    }
  }
  return tree.groups((parent, children) => {
    if (parent.level === 'class') return '所属各科目之和';
    const parts = every(children, (c) => c.level === 'class') ? '各类之和' : '各科目之和';
    return parent === tree.total ? totalLabel(children, parts) : every(children, isCodedUnit) ? '所属各单位之和' : `所属${parts}`;
  });
}

export function treeGroups(rows: readonly BookRow[], modelKind: string): Group[] {
  switch (modelKind) {
    case 'codedTree':
      return codedTreeGroups(rows, new TreeBuilder(rows.find((r) => r.level === 'total')));
    case 'economicPairs':
      return economicGroups(rows, new TreeBuilder(rows.find((r) => r.level === 'total')));
    case 'projectTree': {
      const total = rows.find((r) => r.level === 'total' || r.level === 'department');
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
    case 'unitList': {
      // 部门合计 over its units; coded units nest (154 → 154001).
      const tree = new TreeBuilder(rows.find((r) => r.level === 'total'));
      for (const row of rows) {
        if (isCodedUnit(row)) tree.addUnit(row);
        else if (row.level === 'unit') tree.add(tree.total, row);
      }
      return tree.groups((parent) => (parent === tree.total ? '各单位之和' : '所属各单位之和'));
    }
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
