import type { Rule } from '../types';
import { SHANXI_2024_RULES } from './shanxi-2024';

const RULES_BY_FAMILY: Record<string, readonly Rule[]> = { 'shanxi-2024': SHANXI_2024_RULES };

export function rulesForFamily(familyId: string): readonly Rule[] {
  return RULES_BY_FAMILY[familyId] ?? [];
}
