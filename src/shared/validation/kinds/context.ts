import type { Catalogue } from '../../catalogue';
import type { TemplateFamily, TableSide } from '../../template/types';
import type { SumContext } from '../sums';
import type { SideId } from '../types';

export interface CompileContext extends SumContext {
  family: TemplateFamily;
  catalogue: Catalogue;
  nameVerdicts: Map<string, ReturnType<Catalogue['checkName']>>;
}

/** Catalogue verdicts are memoised per book: 表二/三/五 repeat the same code and name. */
export function checkNameCached(ctx: CompileContext, classification: Parameters<Catalogue['checkName']>[0], code: string, name: string): ReturnType<Catalogue['checkName']> {
  const key = `${classification}|${code}|${name}`;
  let result = ctx.nameVerdicts.get(key);
  if (!result) ctx.nameVerdicts.set(key, (result = ctx.catalogue.checkName(classification, code, name)));
  return result;
}

export function sideDef(ctx: CompileContext, tableId: string, side: SideId = 'main'): TableSide | undefined {
  return ctx.family.tables.find((t) => t.id === tableId)?.sides.find((s) => s.id === side);
}
