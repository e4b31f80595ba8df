// A form beyond what the store keeps (a 6,000-character 项目概况, 600 indicator rows, control characters) is cut to
// FORM_LIMITS with a 警告 naming it, and the book still imports and stores — one odd form never fails the whole import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { readPerformanceFile } from '../src/main/import/performance';
import { openStore } from '../src/main/store';
import { FORM_LIMITS } from '../src/shared/api/performance';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';
import { performanceTsv, splitForms, tsvWorkbook } from './helpers/tsv-workbook';

let tmp: TmpDir;
let file: string;
const LONG = '补充机关公用经费不足保证机关正常运行'.repeat(350); // 6,300 characters

beforeAll(async () => {
  tmp = makeTmpDir('performance-limits-');
  const [first] = splitForms(performanceTsv('datong-2024-forms.tsv'));
  if (!first) throw new Error('no form in the fixture');
  const lines = first.flatMap((line) => {
    if (line.startsWith('项目概况')) return [`项目概况\t\t${LONG}\u0007`];
    // 600 more 数量指标 rows under the first one.
    if (line.includes('专项检查工作次数')) return [line, ...Array.from({ length: 600 }, (_, i) => `\t\t\t\t指标${i}\t≥${i}次\t\t指标${i}\t≥${i}次`)];
    return [line];
  });
  file = await tsvWorkbook(lines.join('\n'), tmp.file('过大的绩效目标表.xlsx'), { layout: 'stacked', numbers: true, sheetName: '绩效目标表' });
});
afterAll(() => tmp.remove());

describe('forms beyond the store limits', () => {
  it('are cut to the limits with a 警告 naming the form, and the book stores', async () => {
    const { book, notices } = await importWorkbooks([DATONG_XLSX, file]);
    const form = book.performanceForms?.[0];
    expect(form?.projectName).toBe('Z专项检查工作经费');
    expect(form?.overview).toHaveLength(FORM_LIMITS.longText);
    expect(form?.overview).not.toMatch(/\u0007/);
    expect(form?.indicators).toHaveLength(FORM_LIMITS.indicators);
    const cut = notices.find((n) => n.level === '警告' && n.message.includes('已截断'));
    expect(cut?.message).toContain('Z专项检查工作经费');
    expect(cut?.message).toContain('的项目概况、绩效指标（行数）超出长度或条数上限');
    expect(cut?.sheet).toBe('绩效目标表');
    const store = openStore(tmp.file('book.db'));
    try {
      const id = store.insertBook(book, notices);
      expect(store.loadBook(id).performanceForms?.[0]?.indicators).toHaveLength(FORM_LIMITS.indicators);
    } finally {
      store.close();
    }
  });

  it('are cut the same way when the clerk imports the forms file into a book', async () => {
    const read = await readPerformanceFile(file);
    expect(read.forms[0]?.overview).toHaveLength(FORM_LIMITS.longText);
    expect(read.notices.some((n) => n.message.includes('已截断'))).toBe(true);
  });
});
