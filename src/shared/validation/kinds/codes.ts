// Code rules: structure (3/5/7 digits, every 项 under its 款 and 类), names against the catalogue, and one
// name per code across tables. Structural: they read names and codes, not figures.
import type { BookRow } from '../../book';
import { ancestorCodes, codeLengthsText, LEVEL_LABELS, levelOfCode, normaliseName } from '../../catalogue';
import type { ClassificationId } from '../../template/types';
import type { Check } from '../check';
import type { CatalogueNameRule, CodeStructureRule, ConsistentNamesRule, Finding, SideId } from '../types';
import { checkNameCached, sideDef, type CompileContext } from './context';

/** Rows carrying a classification code: not fixed rows, totals, or unit rows (whose code is a 单位代码). */
function codedRows(ctx: CompileContext, table: string, side: SideId): BookRow[] {
  return ctx.index.rows(table, side).filter((row) => row.code && row.level !== 'fixed' && row.level !== 'total' && row.level !== 'department' && row.level !== 'unit');
}

function structural(id: string, findings: () => Finding[]): Check {
  return { id, deps: [], run: findings };
}

export function compileCodeStructure(rule: CodeStructureRule, ctx: CompileContext): Check[] {
  return rule.tables.flatMap(({ table, side = 'main' }) => {
    const model = sideDef(ctx, table, side)?.rows;
    const classification = model?.kind === 'codedTree' ? model.classification : 'function';
    // Tables that print only 项 rows (河南) have no parent rows to miss.
    const parentsPrinted = !(model?.kind === 'codedTree' && model.itemsOnly);
    const rows = codedRows(ctx, table, side);
    const codes = new Set(rows.map((r) => r.code));
    return rows.map((row) =>
      structural(`${rule.id}:${table}:${side}:${row.key}`, () => {
        const code = row.code as string;
        const finding = (message: string): Finding[] => [
          { key: `${rule.id}:${table}:${side}:${row.key}`, rule: rule.id, severity: rule.severity, locations: [ctx.describe.location(table, side, row)], message: `${ctx.describe.cell(table, side, row)}${message}` },
        ];
        if (!levelOfCode(classification, code)) return finding(`的科目编码「${code}」位数不对：${codeLengthsText(classification)}。`);
        const missing = ancestorCodes(code).filter((c) => !codes.has(c));
        if (missing.length === 0 || !parentsPrinted) return [];
        const names = missing.map((c) => `${LEVEL_LABELS[levelOfCode(classification, c) ?? 'class']} ${c}`).join('、');
        return finding(`缺少上级科目行（${names}），无法核对上下级合计。`);
      }),
    );
  });
}

function classificationOf(ctx: CompileContext, table: string, side: SideId): ClassificationId | undefined {
  const model = sideDef(ctx, table, side)?.rows;
  if (model?.kind === 'codedTree') return model.classification;
  if (model?.kind === 'economicPairs') return 'economicDept';
  return undefined;
}

export function compileCatalogueName(rule: CatalogueNameRule, ctx: CompileContext): Check[] {
  return rule.tables.flatMap(({ table, side = 'main' }) => {
    const classification = classificationOf(ctx, table, side);
    if (!classification) return [];
    return codedRows(ctx, table, side).map((row) =>
      structural(`${rule.id}:${table}:${side}:${row.key}`, () => {
        const result = checkNameCached(ctx, classification, row.code as string, row.name);
        if (result.status === 'match' || result.status === 'equivalent') return [];
        const base = { key: `${rule.id}:${table}:${side}:${row.key}`, rule: rule.id, locations: [ctx.describe.location(table, side, row)] };
        const subject = ctx.describe.cell(table, side, row);
        if (result.status === 'unknownCode') {
          return [{ ...base, severity: 'info' as const, message: `${subject}：编码 ${row.code ?? ''} 不在本程序的${ctx.catalogue.title(classification) ?? '科目表'}（${ctx.catalogue.version(classification) ?? ''} 版）中，请核对；如为新增科目，可导入官方科目表补充。` }];
        }
        if (result.status === 'different') {
          return [{ ...base, severity: rule.severity, message: `${subject}：科目名称与科目表不一致，科目表中 ${row.code ?? ''} 为「${result.entry.name}」。`, expected: result.entry.name, actual: row.name }];
        }
        return [];
      }),
    );
  });
}

export function compileConsistentNames(rule: ConsistentNamesRule, ctx: CompileContext): Check[] {
  const byCode = new Map<string, { table: string; side: SideId; row: BookRow }[]>();
  for (const { table, side = 'main' } of rule.tables) {
    for (const row of codedRows(ctx, table, side)) {
      const list = byCode.get(row.code as string) ?? [];
      list.push({ table, side, row });
      byCode.set(row.code as string, list);
    }
  }
  return [...byCode].map(([code, uses]) =>
    structural(`${rule.id}:${code}`, () => {
      const names = new Set(uses.map((u) => normaliseName(u.row.name)));
      if (names.size <= 1) return [];
      const listing = uses.map((u) => `${ctx.describe.tableName(u.table)}「${u.row.name}」`).join('、');
      return [
        {
          key: `${rule.id}:${code}`,
          rule: rule.id,
          severity: rule.severity,
          message: `科目 ${code} 在各表中的名称不一致：${listing}。`,
          locations: uses.map((u) => ctx.describe.location(u.table, u.side, u.row)),
        },
      ];
    }),
  );
}
