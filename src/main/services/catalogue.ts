// Catalogue lookup for the row tools: by code prefix ("2010301") or name fragment ("行政运行"), classes first.
import { defaultCatalogue, type CatalogueEntry } from '../../shared/catalogue';
import type { ClassificationId } from '../../shared/template/types';

export interface CatalogueService {
  lookup(query: string, classification?: ClassificationId, limit?: number): CatalogueEntry[];
}

export function createCatalogueService(): CatalogueService {
  return {
    lookup(query, classification, limit = 20) {
      const q = query.trim();
      if (!q) return [];
      const entries = defaultCatalogue().entries(classification ?? 'function');
      const matches = /^\d+$/.test(q) ? entries.filter((e) => e.code.startsWith(q)) : entries.filter((e) => e.name.includes(q));
      return matches.slice(0, Math.max(1, Math.min(limit, 100)));
    },
  };
}
