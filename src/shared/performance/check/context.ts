// What a 绩效目标表 check works with, and how its findings name a form field: a stable key (rule, the form's
// name and the field by what it is, never by position) and a FormLocation the editor can focus.
import type { Book } from '../../book';
import type { CompileContext } from '../../validation/kinds/context';
import type { Finding, Severity } from '../../validation/types';
import type { FormLocation, PerformanceIndicator, PerformanceTargetForm } from '../types';

/** The validator's compile context (its figures — the current cells — and its describer) and the book. */
export interface FormCheckContext extends CompileContext {
  book: Book;
}

/** One project form as the checks see it. */
export interface FormRef {
  form: PerformanceTargetForm;
  formIndex: number;
  /** The form in keys: its 项目名称, with "#2", "#3" … for later forms of the same name (so keys never collide). */
  keyName: string;
}

export function formRefs(book: Book): FormRef[] {
  const seen = new Map<string, number>();
  return (book.performanceForms ?? []).map((form, formIndex) => {
    const name = form.projectName.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return { form, formIndex, keyName: count === 1 ? name : `${name}#${count}` };
  });
}

/** 「产出指标/成本指标/单位用水成本」: the indicator's names as the clerk reads them (blank levels left out). */
export function indicatorPath(indicator: PerformanceIndicator): string {
  return [indicator.level1, indicator.level2, indicator.level3].map((s) => s.trim()).filter(Boolean).join('/') || '（空白指标）';
}

const INDICATOR_FIELD_WORDS = { level1: '一级指标', level2: '二级指标', level3: '三级指标', value: '指标值' } as const;
export type IndicatorField = keyof typeof INDICATOR_FIELD_WORDS;

/**
 * An indicator's identity for keys: period and names, plus "#n" for a repeated one. A clerk inserting a row above
 * does not move an explanation to another indicator; renaming the indicator starts a new finding.
 */
export function indicatorIdentities(form: PerformanceTargetForm): string[] {
  const seen = new Map<string, number>();
  return form.indicators.map((indicator) => {
    const base = `${indicator.period}/${indicator.level1.trim()}/${indicator.level2.trim()}/${indicator.level3.trim()}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  });
}

/** A finding on a field of a project form. */
export function formFinding(
  rule: { id: string },
  severity: Severity,
  ref: FormRef,
  field: string,
  keyField: string,
  label: string,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const form: FormLocation = { scope: 'project', formIndex: ref.formIndex, name: ref.form.projectName, field, label };
  return { key: `${rule.id}:${ref.keyName}:${keyField}`, rule: rule.id, severity, message, locations: [], ...extra, form };
}

/** A finding on one indicator's field: field path 'indicators.<i>.<field>', key by the indicator's identity. */
export function indicatorFinding(
  rule: { id: string },
  severity: Severity,
  ref: FormRef,
  identities: readonly string[],
  i: number,
  field: IndicatorField,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const indicator = ref.form.indicators[i] as PerformanceIndicator;
  const label = `${indicatorPath(indicator)} 的${indicator.period}${INDICATOR_FIELD_WORDS[field]}`;
  return formFinding(rule, severity, ref, `indicators.${i}.${field}`, `${identities[i] ?? i}.${field}`, label, message, extra);
}

/** An indicator row with neither a 三级指标 nor a 指标值 is an empty placeholder row: no check looks at it. */
export const isBlankIndicator = (indicator: PerformanceIndicator): boolean => !indicator.level3.trim() && !indicator.value.trim();

/** 「项目“J水电物业经费”」 */
export const projectText = (form: PerformanceTargetForm): string => `项目“${form.projectName.trim() || '（未填项目名称）'}”`;
