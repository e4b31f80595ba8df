// 概览: the book's main figures at a glance — sources, function classes, 基本/项目支出, 三公经费, 机关运行经费 — each
// with its amount and unit and a small chart. Computed from the `book` prop (src/shared/overview.ts), so every edit,
// undo or redo the editor lays onto the book shows here at once.
import { useMemo, type ReactElement } from 'react';
import type { ValidationState } from '../../../shared/api/contract';
import type { Book } from '../../../shared/book';
import { bookOverview } from '../../../shared/overview';
import { UI_TEXT } from '../../../shared/strings';
import type { TemplateFamily } from '../../../shared/template/types';
import { FigureCard } from './overview/FigureCard';
import './overview/overview.css';

export interface OverviewProps {
  book: Book;
  family: TemplateFamily;
  state: ValidationState;
}

export function Overview({ book, family, state }: OverviewProps): ReactElement {
  const overview = useMemo(() => bookOverview(book, family), [book, family]);
  const errors = state.summary.errors;
  return (
    <section className="overview" aria-label={UI_TEXT.overview}>
      <header className="overview-header">
        <h2>{UI_TEXT.overviewHeading(book.department, book.year)}</h2>
        <span className="overview-unit">{UI_TEXT.overviewUnit(overview.unit)}</span>
      </header>
      {errors > 0 && <p className="overview-errors" role="note">{UI_TEXT.overviewWithErrors(errors)}</p>}
      {overview.figures.length === 0 ? (
        <p className="empty">{UI_TEXT.overviewNothing}</p>
      ) : (
        <div className="figure-grid">
          {overview.figures.map((figure) => (
            <FigureCard key={figure.id} figure={figure} family={family} unit={overview.unit} decimals={Math.max(2, book.decimals)} />
          ))}
        </div>
      )}
    </section>
  );
}
