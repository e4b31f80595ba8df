// perf.text.repeat: text typed (or pasted) twice in a row — 「保障保障」「及时及时」「符合符合政府购买服务标准」, and in
// prose 「专项斗争斗争工作」. Only runs of Chinese characters count, so figures such as 「100100」 never do, and single
// characters never do (「常常」「多多」「天天」 are words). Words whose whole text is a reduplication (「研究研究」) are
// listed by the rule, 「一X一X」 (「一步一步」) is how Chinese says "step by step", and a repeat starting a compound
// (「保障保障性住房」: 保障 + 保障性住房) is ordinary prose. On every seed document (forms and their prose) this finds the
// slips and nothing else.
import { normaliseName } from '../../catalogue/normalise';
import type { Finding, FormRepeatedTextRule, RepeatedTextField } from '../../validation/types';
import type { DepartmentIndicator, FormLocation, PerformanceIndicator } from '../types';
import { PERFORMANCE_PERIODS } from '../types';
import { formFinding, formRefs, indicatorFinding, indicatorIdentities, indicatorPath, isBlankIndicator, projectText, type FormCheckContext, type FormRef } from './context';

const HAN = /^\p{Script=Han}+$/u;

export interface RepeatedRun {
  /** The run that is written twice ("保障"). */
  run: string;
  /** Where the first copy starts, in characters of the text without spaces. */
  start: number;
  /** A few characters around the repeat, for quoting a long text. */
  excerpt: string;
}

export interface RepeatOptions {
  minRun?: number;
  allowed?: readonly string[];
  compoundSuffixes?: readonly string[];
}

const EXCERPT_CONTEXT = 8;
/** Longer runs of Chinese without a single punctuation mark are not typed twice by accident; the cap bounds the work. */
const MAX_RUN = 64;

/** The first run of ≥ minRun Chinese characters written twice in a row, or undefined. Spaces are ignored. */
export function findRepeatedRun(text: string, options: RepeatOptions = {}): RepeatedRun | undefined {
  const minRun = Math.max(2, options.minRun ?? 2);
  // Characters as printed (for the excerpt) and as compared (full-width folded), spaces left out.
  const printed = [...String(text ?? '')].filter((c) => !/\s/u.test(c));
  const chars = printed.map((c) => c.normalize('NFKC'));
  const whole = chars.join('');
  if ((options.allowed ?? []).some((word) => normaliseName(word) === normaliseName(whole))) return undefined;
  const suffixes = new Set(options.compoundSuffixes ?? []);
  // A run is Chinese throughout, so from each start only lengths up to the next non-Chinese character are tried, and
  // a pair of copies is compared character by character: linear in practice, where slicing every pair was cubic
  // (a 3,000-character 项目概况 took 20 s).
  const han = chars.map((c) => HAN.test(c));
  const sameRun = (start: number, length: number): boolean => {
    for (let k = 0; k < length; k++) if (chars[start + k] !== chars[start + length + k]) return false;
    return true;
  };
  for (let start = 0; start + 2 * minRun <= chars.length; start++) {
    for (let length = 1; length <= MAX_RUN && start + 2 * length <= chars.length; length++) {
      if (!han[start + length - 1]) break;
      if (length < minRun || !sameRun(start, length)) continue;
      if (length === 2 && chars[start] === '一') continue; // 一步一步, 一个一个
      if (suffixes.has(chars[start + 2 * length] ?? '')) continue; // 保障保障性住房
      const from = Math.max(0, start - EXCERPT_CONTEXT);
      const to = Math.min(chars.length, start + 2 * length + EXCERPT_CONTEXT);
      const excerpt = `${from > 0 ? '…' : ''}${printed.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
      return { run: printed.slice(start, start + length).join(''), start, excerpt };
    }
  }
  return undefined;
}

const PROSE_LABELS: Record<Exclude<RepeatedTextField, 'level3' | 'value' | 'overallGoals'>, string> = {
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立必要性',
  safeguards: '保证项目实施的制度、措施',
  plan: '项目实施计划',
};

const said = (text: string, repeated: RepeatedRun): string => `“${repeated.excerpt === text.trim() ? text.trim() : repeated.excerpt}”中“${repeated.run}”重复书写，请删去多余的字。`;

export function checkRepeatedText(rule: FormRepeatedTextRule, ctx: FormCheckContext): Finding[] {
  const options: RepeatOptions = { minRun: rule.minRun, allowed: rule.allowed, compoundSuffixes: rule.compoundSuffixes };
  const find = (text: string | undefined) => (text ? findRepeatedRun(text, options) : undefined);
  const out = formRefs(ctx.book).flatMap((ref) => [...indicatorRepeats(rule, ref, find), ...proseRepeats(rule, ref, find)]);
  if (rule.departmentForm) out.push(...departmentRepeats(rule, ctx, find));
  return out;
}

type Find = (text: string | undefined) => RepeatedRun | undefined;

function indicatorRepeats(rule: FormRepeatedTextRule, ref: FormRef, find: Find): Finding[] {
  const identities = indicatorIdentities(ref.form);
  const fields = rule.fields.filter((f): f is 'level3' | 'value' => f === 'level3' || f === 'value');
  return ref.form.indicators.flatMap((indicator: PerformanceIndicator, i) =>
    isBlankIndicator(indicator)
      ? []
      : fields.flatMap((field): Finding[] => {
          const repeated = find(indicator[field]);
          if (!repeated) return [];
          const what = field === 'value' ? '指标值' : '三级指标名称';
          return [indicatorFinding(rule, rule.severity, ref, identities, i, field, `${projectText(ref.form)}${indicator.period}指标“${indicatorPath(indicator)}”的${what}${said(indicator[field], repeated)}`)];
        }),
  );
}

function proseRepeats(rule: FormRepeatedTextRule, ref: FormRef, find: Find): Finding[] {
  const texts: { field: string; label: string; text: string }[] = [];
  for (const field of rule.fields) {
    if (field === 'overallGoals') for (const period of PERFORMANCE_PERIODS) texts.push({ field: `overallGoals.${period}`, label: `${period}总体目标`, text: ref.form.overallGoals[period] ?? '' });
    else if (field !== 'level3' && field !== 'value') texts.push({ field, label: PROSE_LABELS[field], text: ref.form[field] ?? '' });
  }
  return texts.flatMap(({ field, label, text }): Finding[] => {
    const repeated = find(text);
    return repeated ? [formFinding(rule, rule.severity, ref, field, field, label, `${projectText(ref.form)}的${label}${said(text, repeated)}`)] : [];
  });
}

/** The 部门（单位）整体绩效目标表: 年度履职目标, each 年度主要任务, each indicator's name, value and 指标值说明. */
function departmentRepeats(rule: FormRepeatedTextRule, ctx: FormCheckContext, find: Find): Finding[] {
  const form = ctx.book.departmentPerformance;
  if (!form) return [];
  const name = form.departmentName.trim();
  const out: Finding[] = [];
  const report = (field: string, keyField: string, label: string, text: string) => {
    const repeated = find(text);
    if (!repeated) return;
    const at: FormLocation = { scope: 'department', name: form.departmentName, field, label };
    out.push({ key: `${rule.id}:${name}:${keyField}`, rule: rule.id, severity: rule.severity, message: `部门（单位）整体绩效目标表${label}${said(text, repeated)}`, locations: [], form: at });
  };
  report('annualGoal', 'annualGoal', '年度履职目标', form.annualGoal);
  form.tasks.forEach((task) => {
    report('tasks', `tasks/${task.name.trim()}.name`, `年度主要任务“${task.name.trim()}”的任务名称`, task.name);
    report('tasks', `tasks/${task.name.trim()}.content`, `年度主要任务“${task.name.trim()}”的主要内容`, task.content);
  });
  const seen = new Map<string, number>();
  form.indicators.forEach((indicator: DepartmentIndicator, i) => {
    const path = [indicator.level1, indicator.level2, indicator.level3].map((s) => s.trim()).filter(Boolean).join('/');
    const count = (seen.get(path) ?? 0) + 1;
    seen.set(path, count);
    const identity = count === 1 ? path : `${path}#${count}`;
    report(`indicators.${i}.level3`, `${identity}.level3`, `指标“${path}”的三级指标名称`, indicator.level3);
    report(`indicators.${i}.value`, `${identity}.value`, `指标“${path}”的指标值`, indicator.value);
    report(`indicators.${i}.note`, `${identity}.note`, `指标“${path}”的指标值说明`, indicator.note ?? '');
  });
  return out;
}
