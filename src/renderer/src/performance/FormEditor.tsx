// The 项目支出绩效目标表 editor, laid out like the printed form: label | value rows, the 项目资金 block with 实施期 and
// 年度 side by side, 总体目标 in two columns, the indicator tree (一级 / 二级 / 三级 and 指标值 for each period) with
// 添加指标 and 删除, and the contacts line. Keyboard-first: Tab walks the fields in print order, Enter saves a field
// (Ctrl+Enter in multi-line text), leaving a field saves it too, Esc restores it (FormField). Every saved field is
// one undoable step; fields with findings are marked, and a finding's field can be focused (`focus`).
import { useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Dec, formatAmount } from '../../../shared/money';
import { toFundAmount } from '../../../shared/performance/funds';
import { FUND_SOURCE_LABELS, FUND_SOURCES, fundSourcesOf, PERFORMANCE_PERIODS, type FundBreakdown, type PerformancePeriod, type PerformanceTargetForm } from '../../../shared/performance/types';
import type { Finding } from '../../../shared/validation/types';
import { PERFORMANCE_TEXT as T } from '../messages/performance-text';
import type { Notify } from '../messages/useMessages';
import { FormField } from './FormField';
import { addIndicator, layoutIndicators, removeRow, renameGroup, rowName, setIndicatorText, type IndicatorBlock, type IndicatorGroup, type IndicatorRow } from './indicator-rows';

export interface FieldFocus {
  field: string;
  /** Changes with every request, so the same field can be focused again. */
  at: number;
}

interface FormEditorProps {
  form: PerformanceTargetForm;
  /** Findings on this form (Finding.form points into it). */
  findings: readonly Finding[];
  /** A new version of the whole form: saved (one undo step) or kept as the draft. Resolves false when refused. */
  onChange(next: PerformanceTargetForm): Promise<boolean>;
  focus?: FieldFocus;
  onMessage: Notify;
}

type TextKey = 'overview' | 'basis' | 'necessity' | 'safeguards' | 'plan';
const TEXT_SECTIONS: readonly TextKey[] = ['overview', 'basis', 'necessity', 'safeguards', 'plan'];
type AmountKey = 'total' | (typeof FUND_SOURCES)[number];

/** An amount as the printed form shows it: thousands separated, its own decimals; text that is no amount as it is. */
function shownAmount(value: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  return formatAmount(new Dec(value), { decimals: value.split('.')[1]?.length ?? 0 });
}

/** The element standing for a path, or for the nearest enclosing path ("indicators.3.value" → "indicators.3" → "indicators"). */
function fieldElement(root: HTMLElement, path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const wanted = parts.slice(0, n).join('.');
    const found = [...root.querySelectorAll<HTMLElement>('[data-fields]')].find((el) => (el.dataset.fields ?? '').split(' ').includes(wanted));
    if (found) return found;
  }
  return null;
}

export function FormEditor({ form, findings, onChange, focus, onMessage }: FormEditorProps): ReactElement {
  const root = useRef<HTMLDivElement>(null);
  // The latest version, so that two fields saved in quick succession build on each other.
  const latest = useRef(form);
  useEffect(() => {
    latest.current = form;
  }, [form]);
  const [extras, setExtras] = useState<Record<string, number>>({});
  const blocks = useMemo(() => layoutIndicators(form, extras), [form, extras]);

  const byField = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) if (f.form) map.set(f.form.field, [...(map.get(f.form.field) ?? []), f]);
    return map;
  }, [findings]);
  const marks = (fields: readonly string[]): Finding[] => fields.flatMap((f) => byField.get(f) ?? []);

  useEffect(() => {
    if (!focus || !root.current) return;
    const element = fieldElement(root.current, focus.field);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }, [focus]);

  const change = (update: (current: PerformanceTargetForm) => PerformanceTargetForm): Promise<boolean> => {
    const next = update(latest.current);
    latest.current = next;
    return onChange(next);
  };

  const text = (label: string, path: string, value: string, set: (form: PerformanceTargetForm, text: string) => PerformanceTargetForm, options: { multiline?: boolean; rows?: number; align?: 'left' | 'right' | 'center'; placeholder?: string } = {}): ReactElement => (
    <FormField label={label} fields={[path]} marks={marks([path])} value={value} onCommit={(t) => change((f) => set(f, t))} {...options} />
  );

  const amount = (period: PerformancePeriod, key: AmountKey, label: string): ReactElement => {
    const path = `funds.${period}.${key}`;
    return (
      <FormField
        label={`${period}${label}`}
        fields={[path]}
        marks={marks([path])}
        value={form.funds[period][key] ?? ''}
        format={shownAmount}
        align="right"
        onCommit={(typed) => {
          const value = toFundAmount(typed);
          if (typed.trim() && value === undefined) {
            onMessage(T.badAmount(`${period}${label}`, typed.trim()), 'error');
            return false;
          }
          return change((f) => {
            const funds: FundBreakdown = { ...f.funds[period] };
            if (value === undefined) delete funds[key];
            else funds[key] = value;
            return { ...f, funds: { ...f.funds, [period]: funds } };
          });
        }}
      />
    );
  };

  const fundRows: { key: AmountKey; label: string }[] = [
    { key: 'total', label: '' },
    ...fundSourcesOf(form.funds).map((source) => ({ key: source, label: FUND_SOURCE_LABELS[source] })),
  ];
  const firstSource = fundRows[1]?.key;
  const fundLabel = (period: PerformancePeriod, key: AmountKey, label: string): ReactNode => (key === 'total' ? T.periodTotal[period] : key === firstSource ? `${T.ofWhich}${label}` : label);

  return (
    <div className="pf-editor" ref={root}>
      <div className="pf-heading">
        {text(T.titleLabel, 'title', form.title ?? '', (f, t) => withOptional(f, 'title', t), { align: 'center', placeholder: T.defaultTitle })}
        <div className="pf-year">{T.year(form.year)}</div>
      </div>
      <table className="pf-form">
        <colgroup>
          <col className="c-label" />
          <col className="c-l1" />
          <col className="c-l2" />
          <col className="c-name" />
          <col className="c-value" />
          <col className="c-name" />
          <col className="c-value" />
          <col className="c-tools" />
        </colgroup>
        <tbody>
          <tr>
            <th scope="row">{T.projectName}</th>
            <td colSpan={7}>{text(T.projectName, 'projectName', form.projectName, (f, t) => ({ ...f, projectName: t }))}</td>
          </tr>
          <tr>
            <th scope="row">{T.department}</th>
            <td colSpan={3}>
              <div className="pf-pair">
                {text(T.departmentCode, 'department', form.department.code, (f, t) => ({ ...f, department: { ...f.department, code: t.trim() } }), { placeholder: T.departmentCode })}
                <span>-</span>
                {text(T.departmentName, 'department', form.department.name, (f, t) => ({ ...f, department: { ...f.department, name: t } }))}
              </div>
            </td>
            <th scope="row">{T.implementingUnit}</th>
            <td colSpan={3}>{text(T.implementingUnit, 'implementingUnit', form.implementingUnit, (f, t) => ({ ...f, implementingUnit: t }))}</td>
          </tr>
          <tr>
            <th scope="row">{T.projectAttribute}</th>
            <td colSpan={3}>{text(T.projectAttribute, 'projectAttribute', form.projectAttribute, (f, t) => ({ ...f, projectAttribute: t }))}</td>
            <th scope="row">{T.projectTerm}</th>
            <td colSpan={3}>{text(T.projectTerm, 'projectTerm', form.projectTerm, (f, t) => ({ ...f, projectTerm: t }))}</td>
          </tr>
          {fundRows.map(({ key, label }, i) => (
            <tr key={key} className={i === 0 ? 'pf-funds-first' : undefined}>
              {i === 0 && (
                <th scope="rowgroup" rowSpan={fundRows.length}>
                  {T.funds}
                </th>
              )}
              <td colSpan={2} className="pf-sublabel">{fundLabel('实施期', key, label)}</td>
              <td colSpan={2}>{amount('实施期', key, key === 'total' ? '资金总额' : label)}</td>
              <td className="pf-sublabel">{fundLabel('年度', key, label)}</td>
              <td colSpan={2}>{amount('年度', key, key === 'total' ? '资金总额' : label)}</td>
            </tr>
          ))}
          {TEXT_SECTIONS.map((key) => (
            <tr key={key}>
              <th scope="row">{T[key]}</th>
              <td colSpan={7}>{text(T[key], key, form[key], (f, t) => ({ ...f, [key]: t }), { multiline: true, rows: 2 })}</td>
            </tr>
          ))}
          <tr>
            <th scope="rowgroup" rowSpan={2}>
              {T.overallGoals}
            </th>
            <td colSpan={4} className="pf-subhead">{T.periodGoal.实施期}</td>
            <td colSpan={3} className="pf-subhead">{T.periodGoal.年度}</td>
          </tr>
          <tr>
            {PERFORMANCE_PERIODS.map((period) => (
              <td key={period} colSpan={period === '实施期' ? 4 : 3}>
                {text(T.periodGoal[period], `overallGoals.${period}`, form.overallGoals[period], (f, t) => ({ ...f, overallGoals: { ...f.overallGoals, [period]: t } }), { multiline: true, rows: 3 })}
              </td>
            ))}
          </tr>
          <IndicatorRows form={form} blocks={blocks} marks={marks} change={change} extras={extras} setExtras={setExtras} />
          <tr>
            <td colSpan={8} className="pf-contacts-cell">
              <div className="pf-contacts">
                {(['responsiblePerson', 'handler', 'phone', 'filledOn'] as const).map((key) => (
                  <label key={key}>
                    <span>{T[key]}</span>
                    {text(T[key].replace('：', ''), `contacts.${key}`, form.contacts[key] ?? '', (f, t) => {
                      const contacts = { ...f.contacts };
                      if (t.trim()) contacts[key] = t;
                      else delete contacts[key];
                      return { ...f, contacts };
                    })}
                  </label>
                ))}
              </div>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="hint">{T.keyboardHint}</p>
    </div>
  );
}

function withOptional(form: PerformanceTargetForm, key: 'title', text: string): PerformanceTargetForm {
  const next = { ...form };
  if (text.trim()) next[key] = text;
  else delete next[key];
  return next;
}

interface IndicatorRowsProps {
  form: PerformanceTargetForm;
  blocks: IndicatorBlock[];
  marks(fields: readonly string[]): Finding[];
  change(update: (current: PerformanceTargetForm) => PerformanceTargetForm): Promise<boolean>;
  extras: Record<string, number>;
  setExtras(update: (extras: Record<string, number>) => Record<string, number>): void;
}

/** The 绩效指标 part of the form table: two header rows, then one row per indicator row of every group. */
function IndicatorRows({ form, blocks, marks, change, extras, setExtras }: IndicatorRowsProps): ReactElement {
  const total = blocks.reduce((n, b) => n + b.groups.reduce((m, g) => m + g.rows.length, 0), 0);
  const extra = (group: IndicatorGroup, delta: number): void => setExtras((e) => ({ ...e, [group.key]: Math.max(0, (e[group.key] ?? 0) + delta) }));

  const cell = (group: IndicatorGroup, row: IndicatorRow, period: PerformancePeriod, field: 'level3' | 'value'): ReactElement => {
    const index = row[period];
    const label = `${period}${group.level2 || group.level1}${field === 'level3' ? T.level3 : T.value}`;
    if (index === undefined) {
      return (
        <FormField
          label={label}
          value=""
          onCommit={(typed) => {
            if (!typed.trim()) return true;
            if (row.extra) extra(group, -1);
            return change((f) => addIndicator(f, layoutIndicators(f), group, period, field, typed));
          }}
        />
      );
    }
    const path = `indicators.${index}.${field}`;
    const indicator = form.indicators[index];
    return <FormField label={label} fields={[path, `indicators.${index}`]} marks={marks([path, `indicators.${index}`])} value={indicator?.[field] ?? ''} onCommit={(typed) => change((f) => setIndicatorText(f, index, field, typed))} />;
  };

  const rows: ReactElement[] = [
    <tr key="head1" className="pf-ind-head">
      <th scope="rowgroup" rowSpan={total + 2} data-fields="indicators" tabIndex={-1}>
        {T.indicators}
      </th>
      <th rowSpan={2}>{T.level1}</th>
      <th rowSpan={2}>{T.level2}</th>
      <th colSpan={2}>{T.periodColumns.实施期}</th>
      <th colSpan={2}>{T.periodColumns.年度}</th>
      <th rowSpan={2} aria-hidden="true" />
    </tr>,
    <tr key="head2" className="pf-ind-head">
      <th>{T.level3}</th>
      <th>{T.value}</th>
      <th>{T.level3}</th>
      <th>{T.value}</th>
    </tr>,
  ];
  for (const block of blocks) {
    const blockRows = block.groups.reduce((n, g) => n + g.rows.length, 0);
    block.groups.forEach((group, g) => {
      group.rows.forEach((row, r) => {
        const level2Fields = group.members.map((i) => `indicators.${i}.level2`);
        const level1Fields = group.members.map((i) => `indicators.${i}.level1`);
        const removable = row.extra || row.实施期 !== undefined || row.年度 !== undefined;
        rows.push(
          <tr key={`${group.key}#${r}`} className={r === 0 ? 'pf-group-first' : undefined}>
            {g === 0 && r === 0 && (
              <td rowSpan={blockRows} className="pf-level1" data-fields={block.groups.flatMap((x) => x.members.map((i) => `indicators.${i}.level1`)).join(' ') || undefined} title={marks(level1Fields).map((m) => m.message).join('\n') || undefined}>
                {block.level1 || '—'}
              </td>
            )}
            {r === 0 && (
              <td rowSpan={group.rows.length} className="pf-level2">
                {group.standard ? (
                  <span className="pf-level2-name" data-fields={level2Fields.join(' ') || undefined} tabIndex={-1}>{group.level2}</span>
                ) : (
                  <FormField label={`${block.level1}${T.level2}`} fields={level2Fields} marks={marks(level2Fields)} value={group.level2} onCommit={(t) => change((f) => renameGroup(f, group, t.trim()))} />
                )}
                <button type="button" className="pf-add" aria-label={T.addIndicatorLabel(group.level2 || group.level1)} title={T.addIndicatorLabel(group.level2 || group.level1)} onClick={() => extra(group, 1)}>
                  + {T.addIndicator}
                </button>
              </td>
            )}
            {PERFORMANCE_PERIODS.flatMap((period) => [
              <td key={`${period}-3`}>{cell(group, row, period, 'level3')}</td>,
              <td key={`${period}-v`}>{cell(group, row, period, 'value')}</td>,
            ])}
            <td className="pf-tools">
              {removable && (
                <button
                  type="button"
                  className="link"
                  aria-label={T.removeIndicatorLabel(rowName(form, group, row))}
                  onClick={() => (row.extra ? extra(group, -1) : void change((f) => removeRow(f, row)))}
                >
                  {T.removeIndicator}
                </button>
              )}
            </td>
          </tr>,
        );
      });
    });
  }
  return <>{rows}</>;
}
