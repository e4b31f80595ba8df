// 打印预览: every table of the family as the export prints it (src/shared/export/layout.ts `planTable` in print
// mode), on A4 pages — each table in the orientation that needs fewer pages, fitted to one page wide, header rows
// repeated on every page, empty tables with their 本表无数据 note. The same pages print: in the browser through the
// print CSS and window.print(), in the desktop app to a PDF through the bridge (Electron's printToPDF).
//
// Pages are cut where they really fill: each table is first laid out whole, its lines are measured, and the body is
// split where the next line would not fit (print/sheet-geometry.ts `paginate`) — all before the first paint.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import type { Book } from '../../../shared/book';
import { planTable, type TablePlan } from '../../../shared/export/layout';
import { exportFileName, tableLabel } from '../../../shared/labels';
import { UI_TEXT } from '../../../shared/strings';
import type { TemplateFamily } from '../../../shared/template/types';
import { PrintSheet } from './print/PrintSheet';
import { paginate, printableHeight, sheetGeometry, type SheetGeometry } from './print/sheet-geometry';
import './print/print.css';

export interface PrintPreviewProps {
  book: Book;
  family: TemplateFamily;
  onClose(): void;
}

interface Sheet {
  no: number;
  plan: TablePlan;
  geometry: SheetGeometry;
}

/** Room kept free on every page, for borders and rounding between screen and printer. */
const SAFETY_PX = 6;

/** The [start, end) body lines of each page of one table, from the table laid out whole. */
function measurePages(page: HTMLElement | undefined, sheet: Sheet): [number, number][] {
  const content = page?.querySelector('.print-content');
  const head = page?.querySelector('thead');
  const body = page?.querySelector('tbody');
  if (!content || !head || !body) return [[0, sheet.plan.body.length]];
  const top = content.getBoundingClientRect().top;
  const headRect = head.getBoundingClientRect();
  const lines = [...body.rows].map((row) => row.getBoundingClientRect().height);
  // The note (and the table's bottom border) goes with the last line.
  const tail = content.getBoundingClientRect().bottom - body.getBoundingClientRect().bottom;
  if (lines.length > 0) lines[lines.length - 1] = (lines[lines.length - 1] ?? 0) + tail;
  const capacity = printableHeight(sheet.geometry.orientation) - SAFETY_PX;
  return paginate(lines, capacity - (headRect.bottom - top), capacity - headRect.height);
}

export function PrintPreview({ book, family, onClose }: PrintPreviewProps): ReactElement {
  const sheets = useMemo(
    (): Sheet[] =>
      family.tables.map((def) => {
        const plan = planTable(book, def, book.tables.find((t) => t.tableId === def.id), family, 'print');
        return { no: def.no, plan, geometry: sheetGeometry(plan) };
      }),
    [book, family],
  );
  const fonts = family.fonts ?? { body: '宋体', title: '宋体' };
  const [layout, setLayout] = useState<{ of: Sheet[]; pages: [number, number][][] }>();
  const [status, setStatus] = useState('');
  const measureRoot = useRef<HTMLDivElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const ready = layout?.of === sheets;

  useLayoutEffect(() => {
    if (ready || !measureRoot.current) return;
    const pages = [...measureRoot.current.querySelectorAll<HTMLElement>('.print-page')];
    setLayout({ of: sheets, pages: sheets.map((sheet, i) => measurePages(pages[i], sheet)) });
  }, [sheets, ready]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // The page's title names the PDF: the browser's 另存为 PDF and the desktop app's save dialog offer it.
  useEffect(() => {
    const before = document.title;
    document.title = exportFileName(book).replace(/\.xlsx$/, '');
    printButton.current?.focus();
    return () => {
      document.title = before;
    };
  }, [book]);

  const print = async (): Promise<void> => {
    if (!window.workbench) return window.print();
    try {
      const path = await window.workbench.printToPdf();
      if (path) setStatus(UI_TEXT.printSaved(path));
    } catch (error) {
      setStatus(UI_TEXT.pdfFailed(error instanceof Error ? error.message : String(error)));
    }
  };

  const pageCount = layout?.pages.reduce((n, pages) => n + pages.length, 0) ?? 0;
  return createPortal(
    <div className="print-root" role="dialog" aria-modal="true" aria-label={UI_TEXT.printPreview}>
      <div className="print-toolbar">
        <strong>{UI_TEXT.printPreview}</strong>
        {ready && <span className="print-count">{UI_TEXT.printPages(sheets.length, pageCount)}</span>}
        <span className="print-status" role="status">{status}</span>
        <span className="print-hint">{UI_TEXT.printHint}</span>
        <button type="button" ref={printButton} onClick={() => void print()} disabled={!ready}>{UI_TEXT.printNow}</button>
        <button type="button" onClick={onClose}>{UI_TEXT.closePreview}</button>
      </div>
      {ready ? (
        <div className="print-pages">
          {sheets.map((sheet, i) => {
            const pages = layout.pages[i] ?? [[0, sheet.plan.body.length]];
            return pages.map((lines, p) => (
              <div className="print-slot" key={`${sheet.plan.def.id}:${p}`}>
                <div className="print-caption">{tableLabel(family, sheet.no)} · {UI_TEXT.printPageOf(p + 1, pages.length)}</div>
                <PrintSheet plan={sheet.plan} geometry={sheet.geometry} lines={lines} first={p === 0} last={p === pages.length - 1} page={p + 1} pages={pages.length} fonts={fonts} />
              </div>
            ));
          })}
        </div>
      ) : (
        <div className="print-pages" ref={measureRoot} aria-hidden="true">
          {sheets.map((sheet) => (
            <PrintSheet key={sheet.plan.def.id} plan={sheet.plan} geometry={sheet.geometry} lines={[0, sheet.plan.body.length]} first last page={1} pages={1} fonts={fonts} measuring />
          ))}
        </div>
      )}
    </div>,
    document.body,
  );
}
