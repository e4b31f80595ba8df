// 概览: the book's main figures at a glance (to be filled in: issue 11 item 7).
import type { ReactElement } from 'react';
import type { ValidationState } from '../../../shared/api/contract';
import type { Book } from '../../../shared/book';
import type { TemplateFamily } from '../../../shared/template/types';

export interface OverviewProps {
  book: Book;
  family: TemplateFamily;
  state: ValidationState;
}

export function Overview({ book }: OverviewProps): ReactElement {
  return <section className="overview" aria-label="概览">{book.department}</section>;
}
