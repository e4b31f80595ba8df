// The family packages: each registered template family with its rule catalogue, { template, rules }.
// This is the registry validation and the main process use. It is built from the one family list
// (TEMPLATE_FAMILIES in template/registry.ts) and not the other way round, because the editor needs the templates
// without the rules: the renderer imports template/registry.ts only, so no rule catalogue (titles, operands)
// reaches its bundle. RULES is keyed by FamilyId, so a family without rules, or rules for no family, does not
// compile.
import { TEMPLATE_FAMILIES, type FamilyId } from './template/registry';
import type { TemplateFamily } from './template/types';
import type { Rule } from './validation/types';
import { HENAN_2024_RULES } from './validation/rules/henan-2024';
import { MOF_FINAL_ACCOUNTS_RULES } from './validation/rules/mof-final-accounts';
import { shanghaiRules } from './validation/rules/shanghai-2026';
import { SHANXI_2024_RULES } from './validation/rules/shanxi-2024';

export { findFamily, TEMPLATE_FAMILIES, type FamilyId } from './template/registry';

export interface FamilyPackage {
  readonly template: TemplateFamily;
  readonly rules: readonly Rule[];
}

const RULES: { readonly [Id in FamilyId]: readonly Rule[] } = {
  'shanxi-2024': SHANXI_2024_RULES,
  'shanghai-2026-department': shanghaiRules('department'),
  'shanghai-2026-unit': shanghaiRules('unit'),
  'mof-final-accounts': MOF_FINAL_ACCOUNTS_RULES,
  'henan-2024': HENAN_2024_RULES,
};

/** Every family with its rules, in the order of TEMPLATE_FAMILIES. */
export const FAMILY_PACKAGES: readonly FamilyPackage[] = TEMPLATE_FAMILIES.map((template) => ({ template, rules: RULES[template.id] }));

export function findFamilyPackage(id: string): FamilyPackage | undefined {
  return FAMILY_PACKAGES.find((pkg) => pkg.template.id === id);
}

/** The rule catalogue of a family; none for an unknown family. */
export function rulesForFamily(familyId: string): readonly Rule[] {
  return findFamilyPackage(familyId)?.rules ?? [];
}
