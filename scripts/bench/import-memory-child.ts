// Child process of the import bench: imports one workbook and inserts it into a fresh store, once, in a clean
// process, so the kernel's peak RSS (resourceUsage().maxRSS) belongs to this work alone.
// Usage (via runInChild): import-memory-child.ts <workbook.xlsx> <fresh.db>
import { importWorkbooks } from '../../src/main/import/import-book';
import { openStore } from '../../src/main/store';
import { maxRssBytes, MemorySampler, replyToParent, snapshot } from './measure';

export interface ImportMemoryResult {
  /** RSS / heap after modules were loaded, before the import. */
  baselineRss: number;
  baselineHeapUsed: number;
  /** Kernel peak RSS after the import, and after the store insert. */
  maxRssImport: number;
  maxRssImportInsert: number;
  /** Highest sampled heapUsed (interval + phase marks) during the import, and overall. */
  peakHeapUsedImport: number;
  peakHeapUsedImportInsert: number;
  samples: number;
  rows: number;
}

const [file, db] = process.argv.slice(2);

void replyToParent<ImportMemoryResult>(async () => {
  if (!file || !db) throw new Error('用法：import-memory-child.ts <工作簿> <新数据库文件>');
  const baseline = snapshot();
  const sampler = new MemorySampler().start(5);
  const { book, notices } = await importWorkbooks([file], { onProgress: () => sampler.mark() });
  sampler.mark();
  const maxRssImport = maxRssBytes();
  const peakHeapUsedImport = sampler.peakHeapUsed;
  const store = openStore(db);
  try {
    store.insertBook(book, notices, { onProgress: () => sampler.mark() });
  } finally {
    store.close();
  }
  sampler.stop();
  return {
    baselineRss: baseline.rss,
    baselineHeapUsed: baseline.heapUsed,
    maxRssImport,
    maxRssImportInsert: maxRssBytes(),
    peakHeapUsedImport,
    peakHeapUsedImportInsert: sampler.peakHeapUsed,
    samples: sampler.samples,
    rows: book.tables.reduce((n, t) => n + t.rows.length, 0),
  };
});
