// The standard 绩效指标 framework (一级 → 二级) as data, with matching tolerant of how forms print names.
import { normaliseName } from '../catalogue/normalise';

export interface IndicatorLevel1 {
  name: string;
  level2: readonly string[];
}

export const INDICATOR_FRAMEWORK: readonly IndicatorLevel1[] = [
  { name: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { name: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { name: '满意度指标', level2: ['服务对象满意度指标'] },
];

const SUFFIX = '指标';

/**
 * Forms print "服务对象满意度" (suffix dropped), "服务对象满意度指" (cut by the column width) or
 * "产出 指标" (wrapped). A printed name matches a standard one when, after normalising, it lies between
 * the standard name without "指标" and the full name.
 */
function matchesStandard(printed: string, standard: string): boolean {
  const key = normaliseName(printed);
  const core = standard.endsWith(SUFFIX) ? standard.slice(0, -SUFFIX.length) : standard;
  return key.startsWith(core) && standard.startsWith(key);
}

/** The standard 一级指标 name a printed name stands for, or undefined. */
export function matchLevel1(printed: string): string | undefined {
  return INDICATOR_FRAMEWORK.find((entry) => matchesStandard(printed, entry.name))?.name;
}

/** The standard 二级指标 (and the 一级指标 it belongs to) a printed name stands for, or undefined. */
export function matchLevel2(printed: string): { level1: string; level2: string } | undefined {
  for (const entry of INDICATOR_FRAMEWORK) {
    const level2 = entry.level2.find((name) => matchesStandard(printed, name));
    if (level2) return { level1: entry.name, level2 };
  }
  return undefined;
}

const quote = (text: string): string => `“${text}”`;

/** Checks a 一级/二级 pair against the framework; returns a problem description for the user, or undefined. */
export function checkIndicatorLevels(level1: string, level2: string): string | undefined {
  if (!normaliseName(level1)) return '缺少一级指标';
  if (!normaliseName(level2)) return '缺少二级指标';
  const standard1 = matchLevel1(level1);
  if (!standard1) {
    return `一级指标${quote(level1)}不在标准指标体系中（应为${INDICATOR_FRAMEWORK.map((e) => quote(e.name)).join('、')}之一）`;
  }
  const standard2 = matchLevel2(level2);
  if (!standard2) return `二级指标${quote(level2)}不在标准指标体系中`;
  if (standard2.level1 !== standard1) {
    return `二级指标${quote(level2)}应属于一级指标${quote(standard2.level1)}，不属于${quote(standard1)}`;
  }
  return undefined;
}
