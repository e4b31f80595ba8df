import type { Check } from '../check';
import type { Finding, PrintedPrecisionRule } from '../types';
import type { CompileContext } from './context';

/** A column printed partly to 分 and partly to whole 元 cannot be checked at one precision: say so. */
export function compilePrintedPrecision(rule: PrintedPrecisionRule, ctx: CompileContext): Check[] {
  return ctx.index.book.tables.flatMap((table) =>
    (table.precision?.mixed ?? []).map((column): Check => {
      const id = `${rule.id}:${table.tableId}:${column}`;
      const def = ctx.family.tables.find((t) => t.id === table.tableId);
      const label = def?.sides.flatMap((side) => side.columns).find((c) => c.id === column)?.label ?? column;
      const letter = table.columnLetters?.[column];
      const finding: Finding = {
        key: id,
        rule: rule.id,
        severity: rule.severity,
        message: `${ctx.describe.tableName(table.tableId)}「${label}」列的金额小数位数不一致（有的印到分，有的只到元），按最粗的精度审核，请统一格式。`,
        locations: [{ table: table.no, tableId: table.tableId, row: '', rowKey: '', column: label, columnId: column, ...(table.source?.sheet ? { sheet: table.source.sheet } : {}), ...(letter ? { cell: letter } : {}) }],
      };
      return { id, deps: [], run: () => [finding] };
    }),
  );
}
