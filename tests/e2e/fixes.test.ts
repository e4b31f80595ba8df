// A clerk's day with the checker (issue 11), in Chromium at 1366×768: a wrong 合计 that came in from Excel is set
// right in three actions; one edit shows one cause with its consequences; F8 walks the problems; reload keeps table
// and cell; Ctrl+F finds across tables; typing on a total says why it cannot be typed. Screenshots: test-results/e2e.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATONG_XLSX } from '../helpers/seed';
import { openSession, poll, type E2eSession } from './session';

let session: E2eSession;
let page: Page;

const panel = () => page.getByRole('region', { name: '审核结果' });
const errors = () => panel().locator('.counts .count.error');

/** The Datong workbook with 表三「201 一般公共服务支出」基本支出 printed 1.00 too high (273.15 for 272.15). */
async function workbookWithWrongTotal(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(DATONG_XLSX);
  for (const sheet of workbook.worksheets) {
    let titled = false;
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('预算支出总表')) titled = true;
      });
    });
    if (!titled) continue;
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).trim() !== '201') return;
      // 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出
      row.getCell(4).value = 273.15;
    });
  }
  await workbook.xlsx.writeFile(file);
}

/** The body cell in the row whose first cell reads `label`, column `column` (0-based). */
async function cell(label: string, column: number) {
  const first = page.locator('[role=gridcell][data-c="0"]', { hasText: new RegExp(`^${label}$`) }).first();
  const row = await first.getAttribute('data-r');
  return page.locator(`[role=gridcell][data-r="${row}"][data-c="${column}"]`);
}

beforeAll(async () => {
  session = await openSession('fixes');
  page = session.page;
}, 180_000);

afterAll(async () => {
  if (session?.consoleErrors.length) console.log(session.consoleErrors.join('\n'));
  await session?.close();
});

describe('a clerk fixes what the checker finds', () => {
  it('sets a wrong imported 合计 right in three actions: select the problem, 按明细重算, confirm', async () => {
    const file = session.tmp.file('错误合计.xlsx');
    await workbookWithWrongTotal(file);
    await page.locator('input[type=file]').first().setInputFiles(file);
    await page.getByRole('grid').waitFor();
    await poll(() => errors().textContent()).not.toBe('错误 0');
    await session.shot('fix-01-imported-wrong-total');
    // 1. the problem at 表三 201 (the first error group)
    await panel().locator('li.finding.error .jump').first().click();
    // 2. 按明细重算
    await panel().getByRole('button', { name: '按明细重算' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toMatch(/表三「201 一般公共服务支出」基本支出273\.15 → 272\.15/);
    await session.shot('fix-02-preview');
    // 3. confirm
    await dialog.getByRole('button', { name: '确认修正' }).click();
    await poll(() => errors().textContent()).toBe('错误 0');
    await session.shot('fix-03-fixed');
    // One undo step brings the wrong figure back.
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => errors().textContent()).not.toBe('错误 0');
    await page.getByRole('button', { name: '重做' }).click();
    await poll(() => errors().textContent()).toBe('错误 0');
  });

  it('shows one edit in 表三 as one cause with its consequences folded under it, and jumps to the edited cell', async () => {
    await page.getByRole('tab', { name: /^表三/ }).click();
    const target = await cell('2010301', 3);
    await target.click();
    await page.keyboard.type('197.93');
    await page.keyboard.press('Enter');
    await poll(() => panel().locator('li.finding.error').count()).toBe(1);
    const group = panel().locator('li.finding.error').first();
    await expect(group.locator('.cause').textContent()).resolves.toMatch(/^修改表三「2010301 行政运行」基本支出后出现 \d+ 个问题$/);
    await expect(group.locator('summary').textContent()).resolves.toMatch(/^另有 \d+ 个相关问题$/);
    // The 表三 badge counts every error that touches 表三.
    await expect(page.getByRole('tab', { name: /^表三/ }).locator('.badge.error').textContent()).resolves.toMatch(/^\d+$/);
    await page.getByRole('tab', { name: /^表一/ }).click();
    await group.locator('.jump').click();
    await poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/^表三/);
    await session.shot('fix-04-one-cause');
    await page.keyboard.press('Control+z');
    await poll(() => errors().textContent()).toBe('错误 0');
  });

  it('walks the problems with F8 and Shift+F8', async () => {
    const warnings = panel().locator('ol[aria-label="问题"] > li.finding');
    expect(await warnings.count()).toBeGreaterThan(2);
    await page.keyboard.press('F8');
    await poll(() => panel().locator('li.finding.selected').count()).toBe(1);
    const first = await panel().locator('li.finding.selected').getAttribute('data-group');
    await page.keyboard.press('F8');
    await poll(() => panel().locator('li.finding.selected').getAttribute('data-group')).not.toBe(first);
    await page.keyboard.press('Shift+F8');
    await poll(() => panel().locator('li.finding.selected').getAttribute('data-group')).toBe(first);
    await expect(page.locator('.toasts').textContent()).resolves.toMatch(/第 1 \/ \d+ 个问题/);
  });

  it('keeps the table and the cell in the address bar: a reload returns there, back returns to the table before', async () => {
    await page.getByRole('tab', { name: /^表五/ }).click();
    await (await cell('2010301', 3)).click();
    await poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/book\/\d+\/t05\/main\/2010301\//);
    await page.reload();
    await page.getByRole('grid').waitFor();
    await poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/^表五/);
    await poll(async () => (await cell('2010301', 3)).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: /^表二/ }).click();
    await page.goBack();
    await poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/^表五/);
  });

  it('finds a name across tables with Ctrl+F', async () => {
    await page.getByRole('tab', { name: /^表一/ }).click();
    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: '查找' });
    await search.fill('行政运行');
    await search.press('Enter');
    await poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/^表二/);
    await poll(async () => (await cell('2010301', 1)).getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    await expect(page.locator('.find-count').textContent()).resolves.toMatch(/^2 \/ \d+$/);
    await session.shot('fix-05-find');
    await search.press('Escape');
  });

  it('says why a total cannot be typed in', async () => {
    await page.getByRole('tab', { name: /^表三/ }).click();
    await (await cell('201', 3)).click();
    await page.keyboard.type('5');
    await poll(() => page.locator('.toasts').textContent()).toContain('表三「201 一般公共服务支出」基本支出是合计（由下级数据自动计算），不能直接输入');
  });

  it('names tables as the template does, collapses the findings panel, and logged nothing to the console', async () => {
    // The name, then its badge when a problem touches the table.
    expect(await page.getByRole('tab').first().textContent()).toMatch(/^表一 收支总表\d*$/);
    expect(await page.getByRole('tab').first().getAttribute('title')).toBe('2024年预算收支总表');
    await panel().getByRole('button', { name: '收起审核结果' }).click();
    await poll(() => panel().getAttribute('class')).toContain('collapsed');
    await session.shot('fix-06-panel-collapsed');
    await panel().getByRole('button', { name: '展开审核结果' }).click();
    expect(session.consoleErrors).toEqual([]);
  });
});
