// All template families the workbench knows. A new province is a new data file registered here.
import type { TemplateFamily } from './types';
import { SHANXI_2024 } from './families/shanxi-2024';
import { SHANGHAI_2026_DEPARTMENT, SHANGHAI_2026_UNIT } from './families/shanghai-2026';

export const TEMPLATE_FAMILIES: readonly TemplateFamily[] = [
  SHANXI_2024,
  SHANGHAI_2026_DEPARTMENT,
  SHANGHAI_2026_UNIT,
];

export function findFamily(id: string): TemplateFamily | undefined {
  return TEMPLATE_FAMILIES.find((family) => family.id === id);
}
