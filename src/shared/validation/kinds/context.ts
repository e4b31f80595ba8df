import type { Catalogue } from '../../catalogue';
import type { TemplateFamily, TableSide } from '../../template/types';
import type { SumContext } from '../sums';
import type { SideId } from '../types';

export interface CompileContext extends SumContext {
  family: TemplateFamily;
  catalogue: Catalogue;
}

export function sideDef(ctx: CompileContext, tableId: string, side: SideId = 'main'): TableSide | undefined {
  return ctx.family.tables.find((t) => t.id === tableId)?.sides.find((s) => s.id === side);
}
