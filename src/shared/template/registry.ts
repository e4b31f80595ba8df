// All template families the workbench knows. A new province is a new data file registered here.
import type { TemplateFamily } from './types';
import { SHANXI_2024 } from './families/shanxi-2024';
import { SHANGHAI_2026_DEPARTMENT, SHANGHAI_2026_UNIT } from './families/shanghai-2026';
import { MOF_FINAL_ACCOUNTS } from './families/mof-final-accounts';
import { HENAN_2024 } from './families/henan-2024';

export const TEMPLATE_FAMILIES: readonly TemplateFamily[] = [
  SHANXI_2024,
  SHANGHAI_2026_DEPARTMENT,
  SHANGHAI_2026_UNIT,
  MOF_FINAL_ACCOUNTS,
  HENAN_2024,
];

export function findFamily(id: string): TemplateFamily | undefined {
  return TEMPLATE_FAMILIES.find((family) => family.id === id);
}
