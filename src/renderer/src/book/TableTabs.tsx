// One tab per table, named as findings name it (表一 or 表1: the family's numbering, src/shared/labels.ts) and
// badged with its errors and warnings.
import type { ReactElement } from 'react';
import { tableLabel } from '../../../shared/labels';
import { familyOfTable } from '../../../shared/template/registry';
import type { TableDef } from '../../../shared/template/types';
import type { Finding } from '../../../shared/validation';

interface TableTabsProps {
  tables: readonly TableDef[];
  selected: string;
  findings: Finding[];
  onSelect(tableId: string): void;
}

export function TableTabs({ tables, selected, findings, onSelect }: TableTabsProps): ReactElement {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const finding of findings) {
    const tableId = finding.locations[0]?.tableId;
    if (!tableId || finding.severity === 'info') continue;
    const count = counts.get(tableId) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') count.errors++;
    else count.warnings++;
    counts.set(tableId, count);
  }
  return (
    <div className="tabs" role="tablist">
      {tables.map((table) => {
        const count = counts.get(table.id);
        return (
          <button key={table.id} type="button" role="tab" aria-selected={table.id === selected} className={table.id === selected ? 'tab selected' : 'tab'} onClick={() => onSelect(table.id)} title={table.title}>
            {tableLabel(familyOfTable(table), table.no)}
            {count?.errors ? <span className="badge error" aria-label={`${count.errors} 个错误`}>{count.errors}</span> : null}
            {count?.warnings ? <span className="badge warning" aria-label={`${count.warnings} 个警告`}>{count.warnings}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
