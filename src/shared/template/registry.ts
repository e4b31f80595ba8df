// All template families the workbench knows: the one list of families (order = the order the UI offers them).
// Template data only, so the editor can import it: the rule catalogues are bound to these families in
// src/shared/families.ts (the family packages), which the renderer never imports. A new province is a family
// file added here and its rule catalogue added there; the compiler refuses one without the other (FamilyId).
import type { TableDef, TemplateFamily } from './types';
import { SHANXI_2024 } from './families/shanxi-2024';
import { SHANGHAI_2026_DEPARTMENT, SHANGHAI_2026_UNIT } from './families/shanghai-2026';
import { MOF_FINAL_ACCOUNTS } from './families/mof-final-accounts';
import { HENAN_2024 } from './families/henan-2024';

const FAMILIES = [SHANXI_2024, SHANGHAI_2026_DEPARTMENT, SHANGHAI_2026_UNIT, MOF_FINAL_ACCOUNTS, HENAN_2024] as const;

/** The id of a registered family ('shanxi-2024' | …), as a type: what family-keyed data must cover. */
export type FamilyId = (typeof FAMILIES)[number]['id'];

export const TEMPLATE_FAMILIES: readonly TemplateFamily<FamilyId>[] = FAMILIES;

export function findFamily(id: string): TemplateFamily | undefined {
  return TEMPLATE_FAMILIES.find((family) => family.id === id);
}

let byTable: WeakMap<TableDef, TemplateFamily> | undefined;

/** The family a template table belongs to (for views that hold only the table definitions). */
export function familyOfTable(table: TableDef): TemplateFamily | undefined {
  byTable ??= new WeakMap(TEMPLATE_FAMILIES.flatMap((family) => family.tables.map((t): [TableDef, TemplateFamily] => [t, family])));
  return byTable.get(table);
}
