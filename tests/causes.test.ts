// Findings grouped by cause (issue 11): one edit in 表三 that breaks ten cross-table checks is one group under the
// edited cell; one published 0.01 seen by two rules in one row is one problem; explained warnings leave the badges.
import { beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { BookSession } from '../src/shared/book-session';
import { patchCells } from '../src/shared/cell';
import { groupByCause, tableCounts } from '../src/shared/validation/causes';
import { DATONG_XLSX } from './helpers/seed';

let imported: Book;
beforeAll(async () => {
  imported = (await importWorkbooks([DATONG_XLSX])).book;
});

const edited = { tableId: 't03', side: 'main' as const, rowKey: '2010301', columnId: 'basic' };

describe('grouping by cause', () => {
  it('folds every finding one edit in 表三 caused under that edit, and jumps to the edited cell', () => {
    const session = new BookSession(structuredClone(imported));
    const patch = session.plan([{ ...edited, value: '197.93' }]);
    session.commit(patch);
    const findings = session.validator.findings();
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(10);
    expect(new Set(errors.map((f) => f.locations[0]?.tableId))).toEqual(new Set(['t01', 't02', 't05']));
    const groups = groupByCause(findings, [{ set: patch.set, touched: patchCells(patch) }], session.computedCells());
    const errorGroups = groups.filter((g) => g.severity === 'error');
    expect(errorGroups).toHaveLength(1);
    const [group] = errorGroups;
    expect(group!.editedCell).toMatchObject(edited);
    expect(group!.target).toMatchObject(edited);
    expect([group!.primary, ...group!.consequences].filter((f) => f.severity === 'error')).toHaveLength(errors.length);
  });

  it('counts one published discrepancy in one row once, however many rules see it', () => {
    const session = new BookSession(structuredClone(imported));
    const warnings = session.validator.findings().filter((f) => f.severity === 'warning');
    expect(warnings).toHaveLength(18);
    const groups = groupByCause(session.validator.findings(), [], session.computedCells());
    expect(groups.length).toBeLessThan(warnings.length);
    for (const group of groups) {
      const members = [group.primary, ...group.consequences];
      expect(new Set(members.map((f) => `${f.locations[0]?.tableId}|${f.locations[0]?.rowKey}|${f.difference?.replace(/^-/, "")}`)).size).toBe(1);
    }
    // 表六「301 工资福利支出」: 人员经费 and 合计 both 0.01 short of their parts — one problem.
    const t06 = groups.filter((g) => g.primary.locations[0]?.tableId === 't06' && g.primary.locations[0].rowKey === 'class:301');
    expect(t06).toHaveLength(1);
    expect(t06[0]!.consequences).toHaveLength(1);
  });

  it('moves a group whose warnings are all explained after the others, and out of the badges', () => {
    const book = structuredClone(imported);
    const session = new BookSession(book);
    const first = groupByCause(session.validator.findings(), [], session.computedCells())[0]!;
    const keys = [first.primary, ...first.consequences].map((f) => f.key);
    book.explanations = keys.map((findingKey) => ({ findingKey, text: '按元四舍五入的尾差', updatedAt: '2026-11-28T00:00:00Z' }));
    const findings = session.validator.findings();
    const groups = groupByCause(findings, [], session.computedCells());
    const again = groups.find((g) => g.key === first.key)!;
    expect(again.explained).toBe(true);
    expect(groups.at(-1)?.key).toBe(first.key);
    const tableId = first.primary.locations[0]!.tableId;
    const before = tableCounts(session.validator.findings().map(({ explanation: _e, ...f }) => f)).get(tableId)?.warnings ?? 0;
    const after = tableCounts(findings).get(tableId)?.warnings ?? 0;
    expect(before - after).toBe(keys.length);
  });

  it('badges a cross-table finding on every table it touches', () => {
    const session = new BookSession(structuredClone(imported));
    session.commit(session.plan([{ ...edited, value: '197.93' }]));
    const findings = session.validator.findings();
    const counts = tableCounts(findings);
    const touching = (tableId: string) => findings.filter((f) => f.severity === 'error' && f.locations.some((l) => l.tableId === tableId)).length;
    expect(counts.get('t03')?.errors).toBe(touching('t03'));
    expect(counts.get('t03')?.errors).toBeGreaterThanOrEqual(10);
  });
});
