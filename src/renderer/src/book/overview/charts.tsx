// Small hand-made SVG charts for the 概览: a ring, a row of bars and a stacked bar. No chart library: they are a
// few shapes each, work offline and under the CSP, and print. Amounts arrive exact (Dec); only the geometry here
// uses floating point, and every label beside a shape is the exact figure, formatted.
import type { ReactElement } from 'react';
import type { Dec } from '../../../../shared/money';

export interface ChartPart {
  key: string;
  label: string;
  value: Dec;
  /** "372.39" as shown; the share ("78.8%") when there is a whole to share. */
  text: string;
  share?: string;
}

/** Calm, distinguishable on screen and in grey print; the index cycles. */
const PALETTE = ['#1a73e8', '#34a853', '#f9ab00', '#e8710a', '#a142f4', '#12b5cb', '#d93025', '#5f6368'];
export const colourOf = (index: number): string => PALETTE[index % PALETTE.length] ?? '#5f6368';

/** Shares as fractions for drawing: negative amounts draw nothing (they still show as figures). */
function fractions(parts: readonly ChartPart[]): number[] {
  const values = parts.map((p) => Math.max(0, p.value.toNumber()));
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (sum > 0 ? v / sum : 0));
}

const summary = (parts: readonly ChartPart[]): string => parts.map((p) => `${p.label} ${p.text}${p.share ? `（${p.share}）` : ''}`).join('；');

function Legend({ parts }: { parts: readonly ChartPart[] }): ReactElement {
  return (
    <ul className="chart-legend">
      {parts.map((part, i) => (
        <li key={part.key}>
          <span className="swatch" style={{ background: colourOf(i) }} />
          <span className="legend-label">{part.label}</span>
          <span className="legend-value">{part.text}</span>
          {part.share !== undefined && <span className="legend-share">{part.share}</span>}
        </li>
      ))}
    </ul>
  );
}

/** A ring of shares with its legend (sources, 基本/项目). The circle's circumference is 100, so a share is its dash. */
export function RingChart({ title, parts }: { title: string; parts: readonly ChartPart[] }): ReactElement {
  const shares = fractions(parts);
  let start = 0;
  return (
    <div className="chart ring-chart">
      <svg viewBox="0 0 42 42" width="112" height="112" role="img" aria-label={`${title}：${summary(parts)}`}>
        <circle cx="21" cy="21" r="15.915" fill="none" stroke="#e6e8eb" strokeWidth="7" />
        {shares.map((share, i) => {
          const dash = share * 100;
          // Dashes start at three o'clock; the offset turns each to where the previous one ended, from twelve.
          const offset = 25 - start;
          start += dash;
          return dash > 0 ? (
            <circle key={parts[i]?.key} cx="21" cy="21" r="15.915" fill="none" stroke={colourOf(i)} strokeWidth="7" strokeDasharray={`${dash} ${100 - dash}`} strokeDashoffset={offset} />
          ) : null;
        })}
      </svg>
      <Legend parts={parts} />
    </div>
  );
}

/** One bar per part, longest for the largest (function classes, 三公 items, units). */
export function BarChart({ title, parts }: { title: string; parts: readonly ChartPart[] }): ReactElement {
  const values = parts.map((p) => Math.max(0, p.value.toNumber()));
  const largest = Math.max(0, ...values);
  return (
    <ul className="chart bar-chart" role="img" aria-label={`${title}：${summary(parts)}`}>
      {parts.map((part, i) => (
        <li key={part.key}>
          <span className="bar-label" title={part.label}>{part.label}</span>
          <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width="100" height="10" fill="#eef0f2" />
            <rect x="0" y="0" width={largest > 0 ? ((values[i] ?? 0) / largest) * 100 : 0} height="10" fill={colourOf(i)} />
          </svg>
          <span className="bar-value">{part.text}</span>
          <span className="bar-share">{part.share ?? ''}</span>
        </li>
      ))}
    </ul>
  );
}

/** One bar split into its parts (基本支出 | 项目支出; 机关运行经费 within 基本支出). */
export function StackedBar({ title, parts, legend = true, colours }: { title: string; parts: readonly ChartPart[]; legend?: boolean; colours?: readonly string[] }): ReactElement {
  const shares = fractions(parts);
  let x = 0;
  return (
    <div className="chart stacked-chart">
      <svg className="stacked" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${title}：${summary(parts)}`}>
        <rect x="0" y="0" width="100" height="10" fill="#eef0f2" />
        {shares.map((share, i) => {
          const rect = <rect key={parts[i]?.key} x={x} y="0" width={share * 100} height="10" fill={colours?.[i] ?? colourOf(i)} />;
          x += share * 100;
          return rect;
        })}
      </svg>
      {legend && <Legend parts={parts} />}
    </div>
  );
}
