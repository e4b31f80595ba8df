// 插入行 / 删除行: coded rows by code or name (the catalogue suggests as you type "2010301" or "行政运行"),
// project rows under a unit; deletion of the selected row.
import { useEffect, useState, type ReactElement } from 'react';
import type { Book } from '../../../shared/book';
import type { CatalogueEntry } from '../../../shared/catalogue';
import { UI_TEXT } from '../../../shared/strings';
import type { TableDef } from '../../../shared/template/types';
import { invoke } from '../api';

interface RowToolsProps {
  bookId: number;
  book: Book;
  def: TableDef;
  selected?: { side: string; rowKey: string };
  onChanged(): void;
  onMessage(text: string, kind?: 'info' | 'error'): void;
}

export function RowTools({ bookId, book, def, selected, onChanged, onMessage }: RowToolsProps): ReactElement | null {
  // The side rows can be added to: a coded or project tree, or a side with optional template rows (上海 classes).
  const side = def.sides.find((s) => s.rows.kind === 'codedTree' || s.rows.kind === 'projectTree' || (s.rows.kind === 'fixed' && s.rows.rows.some((r) => r.optional && r.code))) ?? def.sides[0];
  const model = side?.rows;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<CatalogueEntry[]>([]);
  const [unitName, setUnitName] = useState('');
  const classification = model?.kind === 'codedTree' ? model.classification : model?.kind === 'fixed' ? 'function' : undefined;

  useEffect(() => {
    if (!open || !classification || !query.trim()) return setSuggestions([]);
    let live = true;
    void invoke('catalogue.lookup', { query, classification, limit: 12 }).then((r) => live && r.ok && setSuggestions(r.result));
    return () => {
      live = false;
    };
  }, [open, query, classification]);

  if (!side || !model || (model.kind !== 'codedTree' && model.kind !== 'projectTree' && classification === undefined)) return null;
  // Units a new row can go under: project units by name; in coded tables (河南) the unit rows, by 单位代码.
  const coded = model.kind !== 'projectTree';
  const unitRows = book.tables.find((t) => t.tableId === def.id)?.rows.filter((r) => r.level === 'unit' || (coded && r.level === 'department' && r.code)) ?? [];
  const units = unitRows.map((r) => ({ value: coded ? (r.code ?? r.name) : r.name, label: coded && r.code ? `${r.code} ${r.name}` : r.name }));
  const defaultUnit = (coded ? units.at(-1) : units[0])?.value ?? '';

  const insert = async (code?: string): Promise<void> => {
    const params = coded ? { code: code ?? query.trim(), ...(units.length ? { unitName: unitName || defaultUnit } : {}) } : { name: query.trim(), unitName: unitName || defaultUnit };
    const response = await invoke('book.insertRow', { bookId, tableId: def.id, side: side.id, ...params });
    if (!response.ok) return onMessage(response.error.message, 'error');
    setOpen(false);
    setQuery('');
    onChanged();
  };

  const remove = async (): Promise<void> => {
    if (!selected) return onMessage(UI_TEXT.selectRowFirst);
    const response = await invoke('book.deleteRow', { bookId, tableId: def.id, side: selected.side as 'main', rowKey: selected.rowKey });
    if (!response.ok) return onMessage(response.error.message, 'error');
    onChanged();
  };

  return (
    <div className="row-tools">
      <button type="button" onClick={() => setOpen(!open)}>{UI_TEXT.insertRow}</button>
      <button type="button" onClick={() => void remove()}>{UI_TEXT.deleteRow}</button>
      {open && (
        <div className="row-picker" role="dialog" aria-label={UI_TEXT.insertRow}>
          {units.length > 0 && (
            <select aria-label={UI_TEXT.unitOfProject} value={unitName || defaultUnit} onChange={(e) => setUnitName(e.target.value)}>
              {units.map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
            </select>
          )}
          <input autoFocus aria-label={coded ? UI_TEXT.codePickerLabel : UI_TEXT.projectName} placeholder={coded ? UI_TEXT.codePickerPlaceholder : UI_TEXT.projectName} value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void insert(suggestions[0]?.code)} />
          {suggestions.length > 0 && (
            <ul role="listbox">
              {suggestions.map((entry) => (
                <li key={entry.code} role="option" aria-selected={false} onClick={() => void insert(entry.code)}>
                  <span className="code">{entry.code}</span> {entry.name}
                </li>
              ))}
            </ul>
          )}
          {model.kind === 'projectTree' && <button type="button" onClick={() => void insert()}>{UI_TEXT.create}</button>}
        </div>
      )}
    </div>
  );
}
