// One 概览 figure: its headline amount with the unit, the table it comes from, and a small chart of its parts.
import type { ReactElement } from 'react';
import { tableLabel } from '../../../../shared/labels';
import { Dec, formatAmount, type MoneyUnit } from '../../../../shared/money';
import { sharePercent, type OverviewFigure } from '../../../../shared/overview';
import { UI_TEXT } from '../../../../shared/strings';
import type { TemplateFamily } from '../../../../shared/template/types';
import { BarChart, colourOf, RingChart, StackedBar, type ChartPart } from './charts';

interface FigureCardProps {
  figure: OverviewFigure;
  family: TemplateFamily;
  unit: MoneyUnit;
  decimals: number;
}

/** Function classes beyond these are drawn as one bar, so the card stays small. */
const MOST_BARS = 6;

export function FigureCard({ figure, family, unit, decimals }: FigureCardProps): ReactElement {
  const format = (value: Dec): string => formatAmount(value, { decimals });
  const asChart = (parts: OverviewFigure['parts']): ChartPart[] =>
    parts.map((part) => {
      const share = sharePercent(part.value, figure.total);
      return { ...part, text: format(part.value), ...(share !== undefined ? { share: `${share}%` } : {}) };
    });
  return (
    <section className={`figure-card figure-${figure.id}`} aria-label={figure.title}>
      <header>
        <h3>{figure.title}</h3>
        <span className="figure-from">{UI_TEXT.overviewFrom(tableLabel(family, figure.tableNo))}</span>
      </header>
      <p className="headline">
        <span className="headline-label">{figure.totalLabel}</span>
        <strong className="headline-amount">{format(figure.total)}</strong>
        <span className="headline-unit">{unit}</span>
      </p>
      {figure.held ? <Chart figure={figure} parts={asChart(figure.parts)} format={format} /> : <p className="no-figures">{UI_TEXT.overviewNoFigures}</p>}
    </section>
  );
}

function Chart({ figure, parts, format }: { figure: OverviewFigure; parts: ChartPart[]; format(value: Dec): string }): ReactElement | null {
  switch (figure.id) {
    case 'sources': {
      const withMoney = parts.filter((p) => !p.value.isZero());
      return <RingChart title={figure.title} parts={withMoney} />;
    }
    case 'basicProject':
      return <StackedBar title={figure.title} parts={parts} />;
    case 'functions': {
      const rest = parts.slice(MOST_BARS);
      if (rest.length <= 1) return <BarChart title={figure.title} parts={parts} />;
      const restValue = rest.reduce((sum, p) => sum.plus(p.value), new Dec(0));
      const share = sharePercent(restValue, figure.total);
      const others: ChartPart = { key: 'others', label: UI_TEXT.overviewOtherClasses(rest.length), value: restValue, text: format(restValue), ...(share !== undefined ? { share: `${share}%` } : {}) };
      return <BarChart title={figure.title} parts={[...parts.slice(0, MOST_BARS), others]} />;
    }
    case 'threePublic':
      return <BarChart title={figure.title} parts={parts} />;
    case 'operating':
      return <OperatingChart figure={figure} parts={parts} format={format} />;
  }
}

/** 机关运行经费: by unit when several units are listed, and as a part of 基本支出 when the book has it. */
function OperatingChart({ figure, parts, format }: { figure: OverviewFigure; parts: ChartPart[]; format(value: Dec): string }): ReactElement | null {
  const reference = figure.reference;
  const share = reference ? sharePercent(figure.total, reference.value) : undefined;
  return (
    <>
      {parts.length > 0 && <BarChart title={figure.title} parts={parts} />}
      {reference && (
        <div className="reference">
          <StackedBar
            title={figure.title}
            legend={false}
            colours={[colourOf(0), '#c9d1d9']}
            parts={[
              { key: 'operating', label: figure.totalLabel, value: figure.total, text: format(figure.total) },
              { key: 'rest', label: reference.label, value: Dec.max(0, reference.value.minus(figure.total)), text: format(reference.value) },
            ]}
          />
          {share !== undefined && <p className="reference-share">{UI_TEXT.overviewShareOf(reference.label, share)}（{reference.label} {format(reference.value)}）</p>}
        </div>
      )}
    </>
  );
}
