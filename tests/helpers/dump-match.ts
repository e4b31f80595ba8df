import type { Dump, DumpRow } from '../../src/shared/dump';
import type { ExpectedFigure } from './seed';

/** The dump row an expected seed figure refers to (by side, code or name, and occurrence for duplicates). */
export function findDumpRow(dump: Dump, figure: ExpectedFigure): DumpRow | undefined {
  const table = dump.tables.find((t) => t.no === figure.table);
  if (!table) return undefined;
  const candidates = table.rows.filter((row) => {
    if ((row.side ?? 'main') !== figure.side) return false;
    const labelMatches = row.code === figure.label || row.name === figure.label || (figure.label === '合计' && row.level === 'total');
    const label2Matches = figure.label2 === undefined || (row.govName ?? '') === figure.label2;
    return labelMatches && label2Matches;
  });
  return candidates[figure.occurrence];
}

export function countValues(dump: Dump): number {
  return dump.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + Object.keys(r.values).length, 0), 0);
}

/** The content that must not depend on where tables sit in a workbook or what format it was saved in. */
export function contentOf(dump: Dump): unknown {
  return {
    template: dump.template,
    year: dump.year,
    department: dump.department,
    unit: dump.unit,
    units: dump.units,
    tables: dump.tables.map(({ sheet: _sheet, file: _file, ...rest }) => rest),
  };
}
