// Clipboard text in the form Excel and WPS use: tab-separated cells, CRLF or LF lines, a trailing line break,
// cells holding tabs/quotes/line breaks wrapped in double quotes ("" inside = one quote). Pure.

function quote(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Cells → clipboard text: raw values, one line per row, CRLF line ends and a trailing CRLF like Excel. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return rows.map((row) => row.map(quote).join('\t')).join('\r\n') + '\r\n';
}

/** Clipboard text → rows of cells. Excel's single trailing line break does not make an extra empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (atCellStart && ch === '"') {
      // Quoted cell: up to the closing quote that is not doubled.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < text.length) {
        const q = text[j] as string;
        if (q === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += q;
        j++;
      }
      const next = text[j];
      if (closed && (next === undefined || next === '\t' || next === '\r' || next === '\n')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: read the quote literally.
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      atCellStart = false;
      i++;
    }
  }
  // The last line: kept unless the text ended with a line break (then row/cell are empty and untouched).
  if (!atCellStart || row.length > 0 || cell !== '') {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
