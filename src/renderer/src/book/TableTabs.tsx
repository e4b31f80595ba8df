// One tab per table, named as the family names it (表一 收支总表, 表1 收支总表: src/shared/labels.ts), the full title
// with the year as its tooltip, and badged with the unexplained problems that touch the table.
import type { ReactElement } from 'react';
import { tableLabel, tableShortTitle } from '../../../shared/labels';
import { substituteYear, type TemplateFamily } from '../../../shared/template/types';
import { tableCounts } from '../../../shared/validation/causes';
import type { Finding } from '../../../shared/validation';
import { UI_TEXT } from '../../../shared/strings';

interface TableTabsProps {
  family: TemplateFamily;
  year: number;
  selected: string;
  findings: Finding[];
  onSelect(tableId: string): void;
}

export function TableTabs({ family, year, selected, findings, onSelect }: TableTabsProps): ReactElement {
  const counts = tableCounts(findings);
  return (
    <div className="tabs" role="tablist">
      {family.tables.map((table) => {
        const count = counts.get(table.id);
        return (
          <button key={table.id} type="button" role="tab" aria-selected={table.id === selected} className={table.id === selected ? 'tab selected' : 'tab'} onClick={() => onSelect(table.id)} title={substituteYear(table.title, year)}>
            {tableLabel(family, table.no)} {tableShortTitle(family, table.id)}
            {count?.errors ? <span className="badge error" aria-label={UI_TEXT.errorsBadge(count.errors)}>{count.errors}</span> : null}
            {count?.warnings ? <span className="badge warning" aria-label={UI_TEXT.warningsBadge(count.warnings)}>{count.warnings}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
