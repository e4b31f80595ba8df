// 绩效目标表 in Chromium (issue 13): from a 表十二 project row the clerk opens the project's form, laid out like the
// printed form; an indicator value typed twice (「保障保障」) shows up in 审核结果 at once, clicking it focuses the
// field, and one undo puts the value back; a project without a form gets one pre-filled from the book; a workbook
// of forms comes in as one undo step.
// Screenshots: test-results/e2e/performance-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbooks } from '../../src/main/services/exchange';
import { matchForms } from '../../src/shared/performance/match';
import { DATONG_XLSX } from '../helpers/seed';
import { seedForms } from '../helpers/seed-forms';
import { performanceTsv, tsvWorkbook } from '../helpers/tsv-workbook';
import { openSession, poll, type E2eSession } from './session';

let session: E2eSession;
let page: Page;
let bookId: number;

const panel = () => page.getByRole('region', { name: '审核结果' });
const view = () => page.getByRole('region', { name: '绩效目标' });
const field = (name: string) => view().getByRole('textbox', { name, exact: true });
const repeatFindings = () => panel().locator('.finding', { hasText: '“保障保障”中“保障”重复书写' });

beforeAll(async () => {
  session = await openSession('performance');
  page = session.page;
  page.on('dialog', (dialog) => void dialog.accept());
  // The Datong book with seed 000's 「Z专项检查工作经费」 and 「J水电物业经费」 forms and a one-year form.
  const { book } = await readWorkbooks([DATONG_XLSX]);
  bookId = session.store.insertBook({ ...book, performanceForms: seedForms() });
}, 180_000);

afterAll(async () => {
  if (session?.consoleErrors.length) console.log(session.consoleErrors.join('\n'));
  await session?.close();
});

describe('绩效目标表 in the workbench', () => {
  it('opens a project\'s form from its 表十二 row, flags an edited indicator value and undoes it', async () => {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/book/${bookId}/t12`);
    await page.getByRole('grid').waitFor();
    await page.locator('[role=gridcell][data-c="0"]', { hasText: /^Z专项检查工作经费$/ }).click();
    await page.getByRole('button', { name: '绩效目标表', exact: true }).click();

    await poll(() => field('项目名称').inputValue()).toBe('Z专项检查工作经费');
    expect(page.url()).toMatch(new RegExp(`#/book/${bookId}/performance/form/0$`));
    // Amounts read as printed (thousands separated) until the field is edited.
    await expect(field('年度资金总额').inputValue()).resolves.toBe('50,000.00');
    await expect(field('年度质量指标指标值').inputValue()).resolves.toBe('≥90%');
    await session.shot('performance-01-form');
    const before = await repeatFindings().count();

    // Typed twice through a Chinese IME, saved with Enter: the check says so at once. The Enter that confirms the
    // composition is the IME's and saves nothing.
    await field('年度质量指标指标值').selectText();
    const cdp = await page.context().newCDPSession(page);
    const revision = session.store.historyState(bookId).revision;
    await cdp.send('Input.imeSetComposition', { text: '保障', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await page.waitForTimeout(300);
    expect(session.store.historyState(bookId).revision).toBe(revision);
    await cdp.send('Input.insertText', { text: '保障保障' });
    await page.keyboard.press('Enter');
    await poll(() => repeatFindings().count()).toBe(before + 1);
    await poll(() => field('年度质量指标指标值').getAttribute('aria-invalid')).toBe('true');

    // The finding leads back to its field (scrolled into view: the indicator tree).
    await field('年度资金总额').focus();
    await repeatFindings().filter({ hasText: 'Z专项检查工作经费' }).locator('.jump').click();
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('年度质量指标指标值');
    await session.shot('performance-02-flagged');

    // One undo (the toolbar's 撤销) puts the printed value back and the finding goes.
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => field('年度质量指标指标值').inputValue()).toBe('≥90%');
    await poll(() => repeatFindings().count()).toBe(before);
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows indicators that lost their 二级指标 as a group of their own, which the clerk names', async () => {
    // Seed 000's 「J水电物业经费」 printed 单位用水成本 and 单位用电成本 without their 二级指标 (成本指标).
    const lost = () => panel().locator('.finding', { hasText: /J水电物业经费.*缺少二级指标/ });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/book/${bookId}/performance/form/1`);
    await poll(() => field('项目名称').inputValue()).toBe('J水电物业经费');
    await poll(() => lost().count()).toBe(4);
    const unnamed = field('产出指标二级指标');
    await expect(unnamed.inputValue()).resolves.toBe('');
    await expect(unnamed.getAttribute('aria-invalid')).resolves.toBe('true');
    await unnamed.scrollIntoViewIfNeeded();
    await session.shot('performance-03-lost-level2');

    await unnamed.fill('成本指标');
    await unnamed.press('Enter');
    await poll(() => lost().count()).toBe(0);
    // They joined 成本指标: three rows under it now, both periods side by side.
    await expect(view().getByRole('textbox', { name: '实施期成本指标三级指标' }).count()).resolves.toBe(3);
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => lost().count()).toBe(4);
    expect(session.consoleErrors).toEqual([]);
  });

  it('lists the projects with their form status and creates a missing form pre-filled from 表十二', async () => {
    await page.getByRole('button', { name: '← 项目列表' }).click();
    const list = view().locator('table.pf-list').first();
    const row = (name: string) => list.locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${name}$`) }) });
    await poll(() => row('Z金融稳定发展工作经费').locator('.pf-status').textContent()).toBe('缺少');
    await expect(row('Z政银企对接经费').locator('.pf-status').textContent()).resolves.toMatch(/^\d+ 个错误/);
    await session.shot('performance-04-list');

    await row('Z金融稳定发展工作经费').getByRole('button', { name: '新建绩效目标表' }).click();
    await poll(() => field('年度资金总额').inputValue()).toBe('70,000.00');
    await expect(field('实施期市县（区）财政资金').inputValue()).resolves.toBe('70,000.00');
    await field('年度资金总额').focus();
    await expect(field('年度资金总额').inputValue()).resolves.toBe('70000.00');
    await expect(field('实施单位').inputValue()).resolves.toBe('大同市人民政府金融工作办公室');
    // Keyboard only: the first indicator, then save.
    await field('年度数量指标三级指标').fill('工作次数');
    await field('年度数量指标三级指标').press('Tab');
    await page.keyboard.type('≥4次');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '保存绩效目标表' }).click();
    await poll(() => page.url()).toMatch(new RegExp(`#/book/${bookId}/performance/form/3$`));
    expect(session.store.performance(bookId).forms[3]).toMatchObject({
      projectName: 'Z金融稳定发展工作经费',
      funds: { 年度: { total: '70000.00', cityCounty: '70000.00' } },
      indicators: [{ period: '年度', level1: '产出指标', level2: '数量指标', level3: '工作次数', value: '≥4次' }],
    });
    await view().locator('tr.pf-ind-head').first().scrollIntoViewIfNeeded();
    await session.shot('performance-05-new');
    expect(session.consoleErrors).toEqual([]);
  });

  it('imports a workbook of forms into the book: the projects\' forms are replaced or added, one undo step', async () => {
    const file = await tsvWorkbook(performanceTsv('datong-2024-forms.tsv'), session.tmp.file('绩效目标表.xlsx'), { layout: 'per-form', numbers: true });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/book/${bookId}/performance`);
    const before = session.store.performance(bookId).forms.length;
    const missing = await view().locator('.pf-status.missing').count();
    await view().locator('input[type=file]').setInputFiles(file);
    const toast = page.locator('.toast', { hasText: '读到 8 张项目支出绩效目标表；替换' });
    await poll(() => toast.count()).toBe(1);
    const [, replaced, added] = /替换 (\d+) 张，新增 (\d+) 张/.exec((await toast.textContent()) ?? '') ?? [];
    expect(Number(replaced) + Number(added)).toBe(8);
    expect(session.store.performance(bookId).forms).toHaveLength(before + Number(added));
    // The list agrees with the pairing of the stored forms (seed 000 has forms for 8 of 表十二's 10 projects).
    const unpaired = matchForms(session.store.loadBook(bookId)).projects.filter((p) => p.formIndex === undefined).length;
    expect(unpaired).toBeLessThan(missing);
    await poll(() => view().locator('.pf-status.missing').count()).toBe(unpaired);
    await session.shot('performance-06-imported');
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => session.store.performance(bookId).forms.length).toBe(before);
    await poll(() => view().locator('.pf-status.missing').count()).toBe(missing);
    expect(session.consoleErrors).toEqual([]);
  });
});
