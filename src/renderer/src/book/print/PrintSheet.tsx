// One A4 page of a table as the export prints it: on its first page the family's heading, the title and the
// department / 单位 line; on every page the merged header (and the 1 2 3 row); then its share of the body lines,
// the 本表无数据 note on the last, and the page footer. Fonts and widths are scaled by the fit to one page wide.
import type { CSSProperties, ReactElement } from 'react';
import type { BodyCell, TablePlan } from '../../../../shared/export/layout';
import { Dec, formatAmount } from '../../../../shared/money';
import { UI_TEXT } from '../../../../shared/strings';
import { PX_PER_PT, type SheetGeometry } from './sheet-geometry';

export interface PrintSheetProps {
  plan: TablePlan;
  geometry: SheetGeometry;
  /** Body lines on this page, [start, end). */
  lines: [number, number];
  first: boolean;
  last: boolean;
  page: number;
  pages: number;
  fonts: { body: string; title: string };
  /** While measuring, the page grows with its content and its parts are marked for measuring. */
  measuring?: boolean;
}

/** The exporter's sizes in points: body 11, the family's heading 13, title 16 (bold). */
const BODY_PT = 11;
const HEADING_PT = 13;
const TITLE_PT = 16;

/** A family's font first, then the same 宋体 under the names systems give it, then any CJK font. */
const fontStack = (name: string): string => `"${name}", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", serif`;

/** Columns whose text is a code: never broken across lines. */
const CODE_KINDS = new Set(['code', 'codePart', 'unitCode', 'govCode']);

function Cell({ cell, code }: { cell: BodyCell; code: boolean }): ReactElement {
  if (cell.kind === 'amount') {
    const text = cell.value === undefined ? '' : formatAmount(new Dec(cell.value), { decimals: cell.decimals ?? 2 });
    return <td className="amount">{text}</td>;
  }
  if (cell.kind === 'text') {
    return <td className={code ? 'text code' : 'text'} style={cell.indent ? { paddingLeft: `${0.3 + cell.indent}em` } : undefined}>{cell.text}</td>;
  }
  return <td />;
}

export function PrintSheet({ plan, geometry, lines, first, last, page, pages, fonts, measuring }: PrintSheetProps): ReactElement {
  const scale = geometry.scale;
  const style: CSSProperties = { fontSize: `${BODY_PT * PX_PER_PT * scale}px`, fontFamily: fontStack(fonts.body) };
  const titleStyle: CSSProperties = { fontSize: `${TITLE_PT * PX_PER_PT * scale}px`, fontFamily: fontStack(fonts.title) };
  const headingStyle: CSSProperties = { fontSize: `${HEADING_PT * PX_PER_PT * scale}px`, fontFamily: fontStack(fonts.title) };
  const headerRows = Array.from({ length: plan.header.rows }, (_, row) => plan.header.cells.filter((c) => c.row === row));
  const width = geometry.columnWidths.reduce((a, b) => a + b, 0) * scale;
  const codeColumns = plan.header.columnIds.map((id) => CODE_KINDS.has(plan.columns.find((c) => c.id === id)?.kind ?? ''));
  return (
    <article className={`print-page ${geometry.orientation}${measuring ? ' measuring' : ''}`} aria-label={plan.title} data-page={page}>
      <div className="print-content" style={style}>
        {first && (
          <div className="print-top" style={{ width }}>
            {plan.heading && <div className="print-heading" style={headingStyle}>{plan.heading}</div>}
            <h2 className="print-title" style={titleStyle}>{plan.title}</h2>
            <div className="print-meta">
              <span>{plan.departmentLabel}：{plan.department}</span>
              <span>{UI_TEXT.unit(plan.unit)}</span>
            </div>
          </div>
        )}
        <table className="print-table" style={{ width }}>
          <colgroup>
            {geometry.columnWidths.map((w, i) => (
              <col key={i} style={{ width: w * scale }} />
            ))}
          </colgroup>
          <thead>
            {headerRows.map((cells, row) => (
              <tr key={row}>
                {cells.map((cell) => (
                  <th key={`${cell.row}:${cell.column}`} rowSpan={cell.rowSpan} colSpan={cell.columnSpan}>{cell.label}</th>
                ))}
              </tr>
            ))}
            {plan.columnNumbers && (
              <tr className="column-numbers">
                {plan.header.columnIds.map((_, i) => (
                  <td key={i}>{i + 1}</td>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {plan.body.slice(lines[0], lines[1]).map((line, i) => (
              <tr key={lines[0] + i}>
                {line.map((cell, c) => (
                  <Cell key={c} cell={cell} code={codeColumns[c] ?? false} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {last && plan.emptyNote && <p className="print-note">{plan.emptyNote}</p>}
      </div>
      {!measuring && <footer className="print-footer">{UI_TEXT.printPageOf(page, pages)}</footer>}
    </article>
  );
}
