// The workbench in a real browser (Debian Chromium driven by playwright-core) through the local web host:
// create, import, edit by keyboard, paste a TSV block, undo/redo, an IME composition, export and re-import.
// Screenshots of the main views go to test-results/e2e/ for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realWorkbook } from '../helpers/real-documents';
import { DATONG_XLSX } from '../helpers/seed';
import { openSession, type E2eSession } from './session';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await openSession('workbench');
  page = session.page;
  // Exporting a book with errors asks for confirmation; the clerk says yes.
  page.on('dialog', (dialog) => void dialog.accept());
}, 180_000);

afterAll(async () => {
  await session?.close();
});

/** The page answers through a local server: allow for a busy CI machine. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 50 });
const shot = (name: string) => session.shot(name);
const errors = () => page.getByRole('region', { name: '审核结果' }).locator('.counts .count.error');
const warnings = () => page.getByRole('region', { name: '审核结果' }).locator('.counts .count.warning');

/** The body cell in the row whose first cell reads `label`, column `column` (0-based). */
async function cell(label: string, column: number) {
  const first = page.locator('[role=gridcell][data-c="0"]', { hasText: new RegExp(`^${label}$`) }).first();
  const row = await first.getAttribute('data-r');
  return page.locator(`[role=gridcell][data-r="${row}"][data-c="${column}"]`);
}

describe('the workbench in Chromium', () => {
  it('creates a book from the template', async () => {
    await page.getByRole('heading', { name: '预算公开工作台' }).waitFor();
    await shot('01-home-empty');
    await page.getByPlaceholder('如：某某县财政局').fill('某某县财政局');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByRole('grid').waitFor();
    expect(await page.getByRole('tab').count()).toBe(13);
    await poll(() => errors().textContent()).toBe('错误 0');
    await page.getByRole('button', { name: '返回首页' }).click();
  });

  it('imports the department workbook and shows its 尾差 warnings', async () => {
    await page.locator('input[type=file]').setInputFiles(DATONG_XLSX);
    await page.getByRole('grid').waitFor();
    await poll(() => warnings().textContent()).toBe('警告 18');
    await shot('02-book-table1');
  });

  it('edits a cell by keyboard: totals and findings change, the edit is saved', async () => {
    await page.getByRole('tab', { name: /^表二/ }).click();
    const target = await cell('2010301', 3);
    await target.click();
    await page.keyboard.type('188.93');
    await page.keyboard.press('Enter');
    await poll(() => errors().textContent()).toBe('错误 6');
    await poll(() => target.textContent()).toBe('188.93');
    // The row total, 款, 类 and 合计 follow the edit; they are computed and read-only.
    expect(await (await cell('2010301', 2)).textContent()).toBe('188.93');
    expect(await (await cell('20103', 3)).textContent()).toBe('373.15');
    expect(await (await cell('20103', 3)).getAttribute('aria-readonly')).toBe('true');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('已保存');
    await shot('03-edit-error');
  });

  it('undoes and redoes', async () => {
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => errors().textContent()).toBe('错误 0');
    await page.getByRole('button', { name: '重做' }).click();
    await poll(() => errors().textContent()).toBe('错误 6');
    await page.keyboard.press('Control+z');
    await poll(() => errors().textContent()).toBe('错误 0');
  });

  it('pastes a 3×2 TSV block from Excel as one edit', async () => {
    await page.getByRole('tab', { name: /^表三/ }).click();
    const start = await cell('2010301', 3);
    await start.click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1,000.00\t2\r\n3\t4\r\n５\t6\r\n');
      document.querySelector('textarea')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await poll(async () => (await cell('2010301', 3)).textContent()).toBe('1,000.00');
    expect(await (await cell('2010350', 4)).textContent()).toBe('4.00');
    expect(await (await cell('2010399', 3)).textContent()).toBe('5.00');
    await shot('04-paste');
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(async () => (await cell('2010301', 3)).textContent()).toBe('187.93');
  });

  it('takes a Chinese IME composition in the owned editor (full-width digits)', async () => {
    const target = await cell('2010350', 3);
    await target.click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '８４', selectionStart: 2, selectionEnd: 2 });
    // Enter during composition must not commit.
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send('Input.insertText', { text: '８５.２２' });
    await page.keyboard.press('Enter');
    await poll(async () => (await cell('2010350', 3)).textContent()).toBe('85.22');
    await poll(() => errors().textContent()).not.toBe('错误 0');
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(async () => (await cell('2010350', 3)).textContent()).toBe('84.22');
  });

  it('inserts a row with the code picker and deletes it again', async () => {
    await page.getByRole('tab', { name: /^表三/ }).click();
    await page.getByRole('button', { name: '插入行' }).click();
    await page.getByRole('textbox', { name: '科目编码或名称' }).fill('2010302');
    await page.getByRole('option', { name: /2010302/ }).click();
    await poll(async () => (await cell('2010302', 1)).textContent());
    expect((await (await cell('2010302', 1)).textContent())?.trim()).toBe('一般行政管理事务');
    await shot('05-row-inserted');
    await (await cell('2010302', 3)).click();
    await page.getByRole('button', { name: '删除行' }).click();
    await poll(() => page.locator('[role=gridcell][data-c="0"]', { hasText: /^2010302$/ }).count()).toBe(0);
  });

  it('explains a warning, jumps from a finding to its cell, exports and re-imports', async () => {
    const panel = page.getByRole('region', { name: '审核结果' });
    await panel.getByRole('button', { name: '填写审核说明' }).first().click();
    await panel.getByRole('textbox', { name: '审核说明' }).fill('尾差：按元四舍五入所致');
    await panel.getByRole('button', { name: '保存说明' }).click();
    await poll(() => panel.locator('.explained').first().textContent()).toContain('尾差：按元四舍五入所致');
    await panel.locator('li.finding', { hasText: '表二「21011 行政事业单位医疗」一般公共预算' }).locator('.jump').first().click();
    await poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/^表二/);
    await shot('06-findings');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const file = session.tmp.file('export.xlsx');
    await (await download).saveAs(file);
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    // The same department and year is already there: the clerk keeps both.
    await page.getByRole('dialog', { name: '已有相同的预算本' }).getByRole('button', { name: '保留两份' }).click();
    await poll(() => warnings().textContent()).toBe('警告 18');
    await page.getByRole('button', { name: '返回首页' }).click();
    await poll(() => page.locator('.books tbody tr').count()).toBe(3);
    await shot('07-home-books');
  });

  it('imports a Shanghai 单位 workbook, says which template it recognised, and shows its 9 tables and errors', async () => {
    await page.locator('input[type=file]').setInputFiles(realWorkbook('shanghai-putuo-sfj-unit-2026'));
    await page.getByRole('grid').waitFor();
    await poll(() => page.locator('.toasts').textContent()).toContain('按表格标题和表头识别为「上海市区级单位预算公开（单位，9张表）」');
    expect(await page.getByRole('tab').count()).toBe(9);
    await poll(() => errors().textContent()).toBe('错误 6');
    await page.getByRole('tab').nth(8).click();
    await poll(() => page.getByRole('grid').textContent()).toContain('机关运行经费');
    await shot('08-shanghai-three-public');
    await page.getByRole('tab').nth(2).click();
    await poll(() => page.getByRole('grid').textContent()).toContain('行政运行');
    await shot('09-shanghai-expenditure');
    await page.getByRole('button', { name: '返回首页' }).click();
  });
});
