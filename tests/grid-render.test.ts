// Server-rendered smoke test of the grid (no DOM in the test environment): ARIA structure and virtualisation.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BookRow } from '../src/shared/book';
import { planTable } from '../src/shared/export/layout';
import { SHANXI_2024 } from '../src/shared/template/families/shanxi-2024';
import { newBook } from '../src/shared/template/new-book';
import { Grid } from '../src/renderer/src/grid/Grid';

describe('grid render', () => {
  it('renders a 5,000-row table as an ARIA grid with only the visible rows', () => {
    const book = newBook(SHANXI_2024, 2024, '测试部门');
    const table = book.tables.find((t) => t.tableId === 't03')!;
    const rows: BookRow[] = Array.from({ length: 5000 }, (_, i) => ({ key: `k${i}`, side: 'main', level: 'item', code: String(2010101 + i), name: `项目${i}`, values: { total: { value: String(1000 + i) + '.5' } } }));
    table.rows.push(...rows);
    const def = SHANXI_2024.tables.find((t) => t.id === 't03')!;
    const plan = planTable(book, def, table, SHANXI_2024);
    const noop = (): void => undefined;
    const started = performance.now();
    const html = renderToString(createElement(Grid, { plan, findings: [], onEdit: noop, onUndo: noop, onRedo: noop, readOnlyRowKeys: new Set(['main|total']) }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(html).toContain('role="grid"');
    expect(html).toContain(`aria-rowcount="${plan.header.rows + 5001}"`);
    expect(html).toContain(`aria-colcount="${plan.columns.length}"`);
    expect(html).toContain('role="columnheader"');
    expect(html).toContain('aria-readonly="true"');
    expect(html).toContain('1,000.50');
    const bodyRows = html.match(/role="row"/g)!.length - plan.header.rows;
    expect(bodyRows).toBeGreaterThan(10);
    expect(bodyRows).toBeLessThan(60);
    expect(html.match(/<textarea/g)).toHaveLength(1);
  });
});
