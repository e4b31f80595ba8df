// Book management in Chromium (issue 11 item 4): a re-import asks (取消 stores nothing, 替换 leaves one book and one in
// the 回收站, 恢复 brings it back), rename, 另存为副本 with the same figures, the 导入记录, and 导入表格 inside a book
// replacing one table (undoable). The home page's 导入 is a real button the keyboard reaches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileChooser, Page } from 'playwright-core';
import { oneSheetOfDatong } from '../helpers/book-workbooks';
import { DATONG_XLSX } from '../helpers/seed';
import { openSession, poll, type E2eSession } from './session';

let session: E2eSession;
let page: Page;
/** Resolves the next file chooser the page opens. */
let nextChooser: ((chooser: FileChooser) => void) | undefined;

beforeAll(async () => {
  session = await openSession('books');
  page = session.page;
  // 彻底删除 asks for confirmation; the clerk says yes.
  page.on('dialog', (dialog) => void dialog.accept());
  // One listener for the whole session: Playwright turns file-chooser interception on when the first listener is
  // added, asynchronously — a listener added just before a click can miss the chooser on a busy machine.
  page.on('filechooser', (chooser) => nextChooser?.(chooser));
}, 180_000);

/** The file chooser that `open` makes the page show. */
async function choose(open: () => Promise<void>, file: string): Promise<void> {
  const chooser = new Promise<FileChooser>((resolve) => (nextChooser = resolve));
  await open();
  await (await chooser).setFiles(file);
}

afterAll(async () => {
  await session?.close();
});

const shot = (name: string) => session.shot(`books-${name}`);
const rows = () => page.locator('.books tbody tr');
const home = () => page.getByRole('button', { name: '返回首页' }).click();
const question = () => page.getByRole('dialog', { name: '已有相同的预算本' });

/** The body cell in the row whose first cell reads `label`, column `column` (0-based). */
async function cell(label: string, column: number) {
  const first = page.locator('[role=gridcell][data-c="0"]', { hasText: new RegExp(`^${label}$`) }).first();
  await first.waitFor();
  const row = await first.getAttribute('data-r');
  return page.locator(`[role=gridcell][data-r="${row}"][data-c="${column}"]`);
}

/** 导入 by keyboard: the button takes the focus and Enter opens the file chooser. */
async function importByKeyboard(file: string): Promise<void> {
  const button = page.getByRole('button', { name: '导入', exact: true });
  await button.focus();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('导入');
  await choose(() => page.keyboard.press('Enter'), file);
}

describe('book management in Chromium', () => {
  it('imports a workbook; importing it again asks, and 取消 stores nothing', async () => {
    await page.getByRole('heading', { name: '预算公开工作台' }).waitFor();
    // A real button, not a label Tab skips.
    expect(await page.locator('.home-header label').count()).toBe(0);
    await importByKeyboard(DATONG_XLSX);
    await page.getByRole('grid').waitFor();
    await home();
    await poll(() => rows().count()).toBe(1);

    await importByKeyboard(DATONG_XLSX);
    await question().waitFor();
    expect(await question().textContent()).toContain('大同市人民政府金融工作办公室');
    // The safe answer has the focus.
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await shot('01-question');
    await question().getByRole('button', { name: '取消' }).click();
    await poll(() => question().count()).toBe(0);
    // Nothing stored: still one book, nothing in the 回收站 (the services tests count every row of the file).
    await poll(() => session.store.listBooks().length).toBe(1);
    expect(await rows().count()).toBe(1);
    expect(await page.getByRole('button', { name: '回收站（0）' }).count()).toBe(1);
  });

  it('替换 leaves one book and puts the old one in the 回收站; 恢复 brings it back', async () => {
    await importByKeyboard(DATONG_XLSX);
    await question().getByRole('button', { name: '替换' }).click();
    await page.getByRole('grid').waitFor();
    await home();
    await poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: '回收站（1）' }).click();
    const trash = page.getByRole('region', { name: '回收站' });
    await poll(() => trash.locator('tbody tr').count()).toBe(1);
    expect(await trash.locator('tbody tr').textContent()).toContain('重新导入时被替换');
    await shot('02-trash');
    await trash.getByRole('button', { name: '恢复' }).click();
    await poll(() => trash.locator('tbody tr').count()).toBe(0);
    await page.getByRole('button', { name: '返回预算本列表' }).click();
    await poll(() => rows().count()).toBe(2);
  });

  it('renames a book: the title is shown, department and year under it', async () => {
    await rows().first().getByRole('button', { name: '重命名' }).click();
    await page.getByRole('textbox', { name: '预算本名称' }).fill('大同金融办 2024 报送版');
    await page.keyboard.press('Enter');
    await poll(() => rows().first().locator('.name').textContent()).toBe('大同金融办 2024 报送版大同市人民政府金融工作办公室 · 2024年');
    await shot('03-renamed');
  });

  it('另存为副本 makes a second book with the same figures', async () => {
    await rows().first().getByRole('button', { name: '另存为副本' }).click();
    await poll(() => rows().count()).toBe(3);
    await page.getByRole('button', { name: '大同金融办 2024 报送版（副本）' }).click();
    await page.getByRole('tab', { name: /^表二/ }).click();
    expect(await (await cell('2010301', 3)).textContent()).toBe('187.93');
    expect(await (await cell('合计', 2)).textContent()).toBe('472.39');
    await home();
  });

  it('lists the notices of a book’s import in its 导入记录', async () => {
    await rows().first().getByRole('button', { name: '导入记录' }).click();
    const log = page.getByRole('dialog', { name: /^导入记录/ });
    await poll(() => log.textContent()).toContain('按表格标题和表头识别为「山西省部门预算公开（13张表）」');
    expect(await log.locator('.level').first().textContent()).toBe('提示');
    await shot('04-import-log');
    await page.keyboard.press('Escape');
    await poll(() => log.count()).toBe(0);
  });

  it('导入表格 inside a book replaces one table, and 撤销 puts it back', async () => {
    const file = session.tmp.file('表二（修订）.xlsx');
    await oneSheetOfDatong(file, '预算公开表2', { C8: 200, D8: 200 });
    await rows().first().getByRole('button', { name: '大同金融办 2024 报送版' }).click();
    await page.getByRole('tab', { name: /^表二/ }).click();
    expect(await (await cell('2010301', 3)).textContent()).toBe('187.93');
    await choose(() => page.getByRole('button', { name: '导入表格' }).click(), file);
    await poll(async () => (await cell('2010301', 3)).textContent()).toBe('200.00');
    expect(await (await cell('2010301', 2)).textContent()).toBe('200.00');
    // 表一 was not in the workbook: untouched.
    await page.getByRole('tab', { name: /^表一/ }).click();
    await poll(() => page.getByRole('grid').textContent()).toContain('472.39');
    await page.getByRole('tab', { name: /^表二/ }).click();
    await shot('05-tables-imported');
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(async () => (await cell('2010301', 3)).textContent()).toBe('187.93');
    await home();
    await poll(() => rows().first().locator('.last-import').textContent()).toContain('导入表格（已撤销）');
    await shot('06-home');
  });

  it('删除 moves a book to the 回收站, 彻底删除 removes it; the page logged no errors', async () => {
    await rows().last().getByRole('button', { name: '删除' }).click();
    await poll(() => rows().count()).toBe(2);
    await page.getByRole('button', { name: '回收站（1）' }).click();
    const trash = page.getByRole('region', { name: '回收站' });
    await trash.getByRole('button', { name: '彻底删除' }).click();
    await poll(() => trash.locator('tbody tr').count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
