// The 情况说明 view in Chromium (issue 12): 生成 writes the standard sections from the tables; a figure edited wrong is
// marked at its sentence and in 审核结果; 按表格更新数字 sets it right; each change is one undo step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATONG_XLSX } from '../helpers/seed';
import { openSession, poll, type E2eSession } from './session';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await openSession('narrative');
  page = session.page;
  page.on('dialog', (dialog) => void dialog.accept());
}, 180_000);

afterAll(async () => {
  await session?.close();
});

const view = () => page.getByRole('region', { name: '情况说明' });
const errors = () => page.getByRole('region', { name: '审核结果' }).locator('.counts .count.error');

describe('the 情况说明 view', () => {
  it('generates, marks a wrong figure, and sets it right from the tables', async () => {
    await page.locator('input[type=file]').first().setInputFiles(DATONG_XLSX);
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: /^情况说明/ }).click();
    await expect(view().locator('.empty').textContent()).resolves.toContain('还没有情况说明');
    await view().getByRole('button', { name: '生成' }).click();
    await poll(() => view().locator('.narrative-text').textContent()).toContain('基本支出372.39万元，占78.83%');
    await poll(() => errors().textContent()).toBe('错误 0');
    await session.shot('narrative-01-generated');

    await view().getByRole('button', { name: '编辑文字' }).click();
    const editor = view().getByRole('textbox', { name: '情况说明' });
    await editor.fill((await editor.inputValue()).replace('人员经费352.47万元', '人员经费352.74万元'));
    await view().getByRole('button', { name: '保存' }).click();
    await poll(() => view().locator('mark.error').count()).toBe(1);
    await expect(view().locator('mark.error').getAttribute('title')).resolves.toContain('情况说明写 352.74万元，表六「合计」人员经费 为 352.47万元');
    await poll(() => errors().textContent()).toBe('错误 1');
    await session.shot('narrative-02-marked');

    await view().getByRole('button', { name: '按表格更新数字' }).click();
    await poll(() => view().locator('mark.error').count()).toBe(0);
    await expect(view().locator('.narrative-text').textContent()).resolves.toContain('人员经费352.47万元');
    // One step back brings the wrong figure back.
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => view().locator('mark.error').count()).toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it('exports the whole disclosure document as .docx', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出公开文档' }).click();
    const file = session.tmp.file('document.docx');
    await (await download).saveAs(file);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    // A zip holding a Word document, with the narrative in it.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });
});
