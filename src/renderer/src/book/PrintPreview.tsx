// 打印预览: the export layout as A4 pages (to be filled in: issue 11 item 6).
import type { ReactElement } from 'react';
import type { Book } from '../../../shared/book';
import type { TemplateFamily } from '../../../shared/template/types';

export interface PrintPreviewProps {
  book: Book;
  family: TemplateFamily;
  onClose(): void;
}

export function PrintPreview({ onClose }: PrintPreviewProps): ReactElement {
  return (
    <section className="print-preview" aria-label="打印预览">
      <button type="button" onClick={onClose}>关闭预览</button>
    </section>
  );
}
