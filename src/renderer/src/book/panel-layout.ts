// The findings panel's width and whether it is collapsed, kept for the next visit (this machine, this browser).
import { useEffect, useState } from 'react';

const KEY = 'budget-workbench.findings-panel';
const DEFAULT = { collapsed: false, width: 320 };

function load(): typeof DEFAULT {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<typeof DEFAULT> | null;
    return { collapsed: saved?.collapsed === true, width: typeof saved?.width === 'number' ? saved.width : DEFAULT.width };
  } catch {
    return DEFAULT;
  }
}

export function usePanelLayout(): { collapsed: boolean; width: number; setCollapsed(collapsed: boolean): void; setWidth(width: number): void } {
  const [layout, setLayout] = useState(load);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(layout));
    } catch {
      // Storage disabled: the layout lasts for this page only.
    }
  }, [layout]);
  return {
    ...layout,
    setCollapsed: (collapsed) => setLayout((l) => ({ ...l, collapsed })),
    setWidth: (width) => setLayout((l) => ({ ...l, width })),
  };
}
