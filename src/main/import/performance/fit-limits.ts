// Forms read from a workbook are cut to what the store keeps (FORM_LIMITS, the same schema the API and the store
// check), each cut named in a 警告: one over-long cell or a form with thousands of indicator rows must not make the
// whole book's import fail, nor be dropped silently.
import type { Notice } from '../../../shared/book';
import { departmentFormSchema, FORM_FIELD_NAMES, FORM_LIMITS, performanceFormSchema } from '../../../shared/api/performance';
import type { Schema } from '../../../shared/api/schema';
import type { DepartmentPerformanceForm, FormSource, PerformanceTargetForm } from '../../../shared/performance';

/** Limits by property name; any other text is short text. */
const LIMIT_BY_KEY: Readonly<Record<string, number>> = {
  overview: FORM_LIMITS.longText,
  basis: FORM_LIMITS.longText,
  necessity: FORM_LIMITS.longText,
  safeguards: FORM_LIMITS.longText,
  plan: FORM_LIMITS.longText,
  实施期: FORM_LIMITS.longText,
  年度: FORM_LIMITS.longText,
  annualGoal: FORM_LIMITS.longText,
  content: FORM_LIMITS.longText,
  value: FORM_LIMITS.value,
  note: FORM_LIMITS.value,
  text: FORM_LIMITS.value,
  unit: FORM_LIMITS.value,
  number: 64,
  code: 64,
  file: 255,
  sheet: 255,
  cell: 32,
};
const AMOUNT_KEYS = new Set(['total', 'fiscal', 'central', 'provincial', 'cityCounty', 'selfRaised', 'other', 'governmentBudget', 'specialAccount', 'unitFunds', 'basic', 'project']);
const LIST_LIMITS: Readonly<Record<string, number>> = { indicators: FORM_LIMITS.indicators, tasks: FORM_LIMITS.tasks };
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A copy of `value` within the limits; `cut` hears the path of every field that was shortened. */
function fit(value: unknown, key: string, path: string, cut: (path: string) => void): unknown {
  if (typeof value === 'string') {
    const limit = AMOUNT_KEYS.has(key) ? FORM_LIMITS.amount : (LIMIT_BY_KEY[key] ?? FORM_LIMITS.shortText);
    const clean = value.replace(CONTROL, ' ');
    if (clean.length <= limit) return clean;
    cut(path);
    return clean.slice(0, limit);
  }
  if (Array.isArray(value)) {
    const limit = LIST_LIMITS[key];
    const kept = limit !== undefined && value.length > limit ? (cut(path), value.slice(0, limit)) : value;
    return kept.map((item, i) => fit(item, key, `${path}[${i}]`, cut));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fit(v, k, path ? `${path}.${k}` : k, cut)]));
  }
  return value;
}

function where(source: FormSource | undefined): Omit<Notice, 'level' | 'message'> {
  return { ...(source?.file ? { file: source.file } : {}), ...(source?.sheet ? { sheet: source.sheet } : {}), ...(source?.cell ? { cell: source.cell } : {}) };
}

/** The schema's refusal in Chinese, or undefined when the value passes. */
function refusal<T>(schema: Schema<T>, value: T): string | undefined {
  try {
    schema.parse(value, 'form');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}


/** 「项目概况」, 「绩效指标第 3 行」, 「绩效指标（行数）」. */
function fieldLabel(path: string): string {
  const match = /^([^.[]+)(?:\[(\d+)\])?/.exec(path);
  const label = FORM_FIELD_NAMES[match?.[1] ?? ''] ?? path;
  if (match?.[2] !== undefined) return `${label}第 ${Number(match[2]) + 1} 行`;
  return path === match?.[1] && (path === 'indicators' || path === 'tasks') ? `${label}（行数）` : label;
}

const listOf = (paths: string[]): string => {
  const labels = [...new Set(paths.map(fieldLabel))];
  return labels.length > 5 ? `${labels.slice(0, 5).join('、')} 等 ${labels.length} 处` : labels.join('、');
};

/** The forms as the store can keep them; forms the schema still refuses (no 项目名称 left) are dropped with a 警告. */
export function fitProjectForms(forms: readonly PerformanceTargetForm[], notices: Notice[]): PerformanceTargetForm[] {
  const kept: PerformanceTargetForm[] = [];
  for (const form of forms.slice(0, FORM_LIMITS.forms)) {
    const cuts: string[] = [];
    const fitted = fit(form, '', '', (path) => cuts.push(path)) as PerformanceTargetForm;
    if (cuts.length) notices.push({ level: '警告', ...where(form.source), message: `绩效目标表「${fitted.projectName}」的${listOf(cuts)}超出长度或条数上限，已截断（文本至多 ${FORM_LIMITS.longText} 字，指标至多 ${FORM_LIMITS.indicators} 条）。` });
    const problem = refusal(performanceFormSchema, fitted);
    if (problem) notices.push({ level: '警告', ...where(form.source), message: `绩效目标表「${fitted.projectName}」无法导入：${problem}` });
    else kept.push(fitted);
  }
  if (forms.length > FORM_LIMITS.forms) notices.push({ level: '警告', message: `共读到 ${forms.length} 张绩效目标表，超过上限 ${FORM_LIMITS.forms} 张，其余未导入。` });
  return kept;
}

export function fitDepartmentForm(form: DepartmentPerformanceForm, notices: Notice[]): DepartmentPerformanceForm | undefined {
  const cuts: string[] = [];
  const fitted = fit(form, '', '', (path) => cuts.push(path)) as DepartmentPerformanceForm;
  if (cuts.length) notices.push({ level: '警告', ...where(form.source), message: `部门（单位）整体绩效目标表的${listOf(cuts)}超出长度或条数上限，已截断。` });
  const problem = refusal(departmentFormSchema, fitted);
  if (!problem) return fitted;
  notices.push({ level: '警告', ...where(form.source), message: `部门（单位）整体绩效目标表无法导入：${problem}` });
  return undefined;
}
