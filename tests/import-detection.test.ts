// The template family comes from the book itself (titles and header fit), never from the user; the reason is
// kept; a poor match names the best candidates; --template overrides.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { realWorkbook } from './helpers/real-documents';
import { DATONG_XLSX } from './helpers/seed';
import { buildVariant } from './helpers/variants';

const tmp = mkdtempSync(join(tmpdir(), 'detect-'));

describe('family detection', () => {
  it('tells the Shanxi, Shanghai 部门 and Shanghai 单位 sets apart and says why', async () => {
    const cases: [string, string][] = [
      [DATONG_XLSX, 'shanxi-2024'],
      [realWorkbook('shanghai-putuo-swj-2025'), 'shanghai-2026-department'],
      [realWorkbook('shanghai-putuo-swj-unit-2025'), 'shanghai-2026-unit'],
    ];
    for (const [file, family] of cases) {
      const result = await importWorkbooks([file]);
      expect(result.book.familyId).toBe(family);
      expect(result.detection).toMatch(/^按表格标题和表头识别为「.+」（.+）：识别出 (\d+)\/\1 张表/);
      expect(result.notices[0]?.message).toBe(result.detection);
    }
  });

  it('goes by the headers when the titles drop the 部门/单位 word', async () => {
    const plain = join(tmp, 'no-prefix-unit.xlsx');
    await buildVariant(realWorkbook('shanghai-putuo-swj-unit-2025'), plain, {
      value: (value) => (typeof value === 'string' ? value.replace(/^(\d{4}年)(预算单位|单位)/, '$1') : value),
    });
    const { book } = await importWorkbooks([plain]);
    expect(book.tables.find((t) => t.tableId === 't01')?.title).toBe('2025年财务收支预算总表');
    expect(book.familyId).toBe('shanghai-2026-unit');
  });

  it('names the closest families and what is missing when nothing fits well', async () => {
    const partial = join(tmp, 'two-tables.xlsx');
    // Keep only 表十 and 表十一 of the Shanxi set: titles of other tables are blanked.
    await buildVariant(DATONG_XLSX, partial, {
      value: (value, at) => (/预算公开表(10|11)$/.test(at.sheet) ? value : null),
    });
    const { book, notices } = await importWorkbooks([partial]);
    expect(book.familyId).toBe('shanxi-2024');
    const weak = notices.find((n) => n.message.startsWith('工作簿与已知模板都不完全相符'));
    expect(weak?.message).toContain('「山西省部门预算公开（13张表）」识别出 2/13 张表，未找到表一、二、三、四、五、六、七、八、九、十二、十三');
    expect(weak?.message).toContain('可用 --template 指定模板');
  });

  it('takes the family the user names, and says so', async () => {
    const result = await importWorkbooks([DATONG_XLSX], { familyId: 'shanxi-2024' });
    expect(result.detection).toBe('按指定的模板「山西省部门预算公开（13张表）」（shanxi-2024）导入：识别出 13/13 张表。');
    await expect(importWorkbooks([DATONG_XLSX], { familyId: 'nowhere-2030' })).rejects.toThrow(/未知的模板「nowhere-2030」/);
  });
});
