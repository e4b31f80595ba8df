// Findings grouped by cause (issue 11): one edit, or one discrepancy at one cell, that several findings follow from
// is shown once, with its consequences folded under it, and the jump goes to the input cell most likely at fault.
// Pure: the panel, the tab badges and the next-problem keys all read the same groups.
import { cellKey, type CellAddress } from '../cell';
import type { Finding, Location, Severity } from './types';

/** An edit the clerk made: the cells typed and every cell that changed with them (the totals that followed). */
export interface RecentEdit {
  set: readonly CellAddress[];
  touched: readonly CellAddress[];
}

export interface CauseGroup {
  /** Stable while the same findings stand: the first finding's key. */
  key: string;
  severity: Severity;
  /** The finding that names the cause; the rest follow from it. */
  primary: Finding;
  consequences: Finding[];
  /** An edit of this cell caused the group. */
  editedCell?: CellAddress;
  /** Where the jump goes. */
  target?: CellAddress;
  /** Every warning of the group carries a 审核说明 (and the group holds no error). */
  explained: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const addressOf = (location: Location): CellAddress | undefined =>
  location.columnId ? { tableId: location.tableId, side: location.side ?? 'main', rowKey: location.rowKey, columnId: location.columnId } : undefined;

const cellsOf = (finding: Finding): CellAddress[] => finding.locations.map(addressOf).filter((a): a is CellAddress => a !== undefined);

/**
 * Groups findings: first under the clerk's edits (the latest first) whose changed cells they touch; the rest by
 * the row of their first cell and their difference (rules seeing the same discrepancy in one row are one problem). `computed`
 * holds the `cellKey`s of totals: a jump prefers a cell the clerk can type in.
 */
export function groupByCause(findings: readonly Finding[], recentEdits: readonly RecentEdit[], computed: ReadonlySet<string>): CauseGroup[] {
  const pending = findings.filter((f) => f.severity !== 'info');
  const usage = new Map<string, number>();
  for (const finding of pending) for (const cell of cellsOf(finding)) usage.set(cellKey(cell), (usage.get(cellKey(cell)) ?? 0) + 1);
  const groups: CauseGroup[] = [];
  const taken = new Set<Finding>();

  for (let i = recentEdits.length - 1; i >= 0; i--) {
    const edit = recentEdits[i] as RecentEdit;
    const touched = new Set(edit.touched.map(cellKey));
    const caused = pending.filter((f) => !taken.has(f) && cellsOf(f).some((cell) => touched.has(cellKey(cell))));
    if (caused.length === 0) continue;
    const edited = edit.set[0];
    caused.forEach((f) => taken.add(f));
    groups.push(makeGroup(ordered(caused, edited), edited, edited));
  }

  const byDiscrepancy = new Map<string, Finding[]>();
  for (const finding of pending) {
    if (taken.has(finding)) continue;
    // One discrepancy in one row (a 0.01 seen in 人员经费 and again in the 合计 that adds it up) is one problem.
    const first = finding.locations[0];
    // Seen from either side (a total 1.00 over its parts, a row 1.00 under its total) it is the same 1.00.
    const id = first && finding.difference !== undefined ? `${first.tableId}|${first.side ?? 'main'}|${first.rowKey}#${finding.difference.replace(/^-/, '')}` : finding.key;
    const list = byDiscrepancy.get(id);
    if (list) list.push(finding);
    else byDiscrepancy.set(id, [finding]);
  }
  for (const members of byDiscrepancy.values()) {
    const sorted = ordered(members);
    groups.push(makeGroup(sorted, undefined, likelyAtFault(sorted, computed, usage)));
  }
  return groups.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || Number(a.explained) - Number(b.explained) || (a.primary.locations[0]?.table ?? 0) - (b.primary.locations[0]?.table ?? 0));
}

/** Errors first; with an edited cell, the finding at that cell first. */
function ordered(findings: Finding[], edited?: CellAddress): Finding[] {
  const at = edited ? cellKey(edited) : undefined;
  const touchesEdit = (f: Finding): number => (at && cellsOf(f).some((c) => cellKey(c) === at) ? 0 : 1);
  return [...findings].sort((a, b) => touchesEdit(a) - touchesEdit(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function makeGroup(findings: Finding[], editedCell: CellAddress | undefined, target: CellAddress | undefined): CauseGroup {
  const [primary, ...consequences] = findings as [Finding, ...Finding[]];
  const severity = findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
  return {
    key: primary.key,
    severity,
    primary,
    consequences,
    ...(editedCell ? { editedCell } : {}),
    ...(target ? { target } : {}),
    explained: severity === 'warning' && findings.every((f) => Boolean(f.explanation)),
  };
}

/** The cell a clerk most likely typed wrong: a typed (not computed) cell, the one the fewest other findings touch. */
function likelyAtFault(findings: readonly Finding[], computed: ReadonlySet<string>, usage: ReadonlyMap<string, number>): CellAddress | undefined {
  const cells = findings.flatMap(cellsOf);
  const typed = cells.filter((c) => !computed.has(cellKey(c)));
  const candidates = typed.length ? typed : cells;
  let best: CellAddress | undefined;
  for (const cell of candidates) if (!best || (usage.get(cellKey(cell)) ?? 0) < (usage.get(cellKey(best)) ?? 0)) best = cell;
  return best;
}

/** Unexplained problems per table: every finding counts for each table it touches. */
export function tableCounts(findings: readonly Finding[]): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const finding of findings) {
    if (finding.severity === 'info' || finding.explanation) continue;
    for (const tableId of new Set(finding.locations.map((l) => l.tableId))) {
      const count = counts.get(tableId) ?? { errors: 0, warnings: 0 };
      if (finding.severity === 'error') count.errors++;
      else count.warnings++;
      counts.set(tableId, count);
    }
  }
  return counts;
}
