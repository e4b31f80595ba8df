import type { Rule } from '../types';
import { SHANXI_2024_RULES } from './shanxi-2024';
import { shanghaiRules } from './shanghai-2026';
import { MOF_FINAL_ACCOUNTS_RULES } from './mof-final-accounts';
import { HENAN_2024_RULES } from './henan-2024';

const RULES_BY_FAMILY: Record<string, readonly Rule[]> = {
  'shanxi-2024': SHANXI_2024_RULES,
  'shanghai-2026-department': shanghaiRules('department'),
  'shanghai-2026-unit': shanghaiRules('unit'),
  'mof-final-accounts': MOF_FINAL_ACCOUNTS_RULES,
  'henan-2024': HENAN_2024_RULES,
};

export function rulesForFamily(familyId: string): readonly Rule[] {
  return RULES_BY_FAMILY[familyId] ?? [];
}
