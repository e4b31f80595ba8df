import type { Check } from '../check';
import type { EmptyNoteRule, Finding } from '../types';
import type { CompileContext } from './context';

/** An empty table should say "注：本表无数据"; a table that says so must hold no figures. */
export function compileEmptyNote(rule: EmptyNoteRule, ctx: CompileContext): Check[] {
  return ctx.index.book.tables.map((table) => {
    const id = `${rule.id}:${table.tableId}`;
    return {
      id,
      // Figures can appear in any cell, blank ones included: depend on the whole table.
      deps: [],
      tableDeps: [table.tableId],
      run: (): Finding[] => {
        const hasFigures = ctx.index.hasFigures(table.tableId);
        const location = { table: table.no, tableId: table.tableId, row: '', rowKey: '', ...(table.source?.sheet ? { sheet: table.source.sheet } : {}), ...(table.source?.cell ? { cell: table.source.cell } : {}) };
        if (hasFigures && table.emptyNote) {
          return [{ key: id, rule: rule.id, severity: rule.severity, message: `${ctx.describe.tableName(table.tableId)}注明「注：本表无数据」，但表中有金额。`, locations: [location] }];
        }
        if (!hasFigures && !table.emptyNote) {
          return [{ key: id, rule: rule.id, severity: 'info', message: `${ctx.describe.tableName(table.tableId)}没有数据，公开时应在表下注明「注：本表无数据」（导出时自动添加）。`, locations: [location] }];
        }
        return [];
      },
    };
  });
}
