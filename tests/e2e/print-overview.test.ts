// 概览 and 打印预览 in Chromium through the local web host: the overview's figures and charts for the 大同 book and
// how they follow an edit and its undo; the print preview's A4 pages (every table, in the template's order and
// numbering, nothing spilling off a page, header rows repeated on a long table's later pages) and the PDF Chromium
// prints from them (poppler reads the page count, the sizes and every title back).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHANXI_2024 } from '../../src/shared/template/families/shanxi-2024';
import { substituteYear } from '../../src/shared/template/types';
import { writeLargeWorkbook } from '../helpers/large-workbook';
import { DATONG_XLSX } from '../helpers/seed';
import { openSession, poll, SHOTS, type E2eSession } from './session';

let session: E2eSession;
let page: Page;

beforeAll(async () => {
  session = await openSession('print-overview');
  page = session.page;
}, 180_000);

afterAll(async () => {
  await session?.close();
});

const overview = () => page.getByRole('region', { name: '概览', exact: true });
const card = (name: string) => overview().getByRole('region', { name, exact: true });
const headline = async (name: string) => (await card(name).locator('.headline').textContent())?.replace(/\s+/g, '');
const preview = () => page.getByRole('dialog', { name: '打印预览' });

/** The body cell in the row whose first cell reads `label`, column `column` (0-based). */
async function cell(label: string, column: number) {
  const first = page.locator('[role=gridcell][data-c="0"]', { hasText: new RegExp(`^${label}$`) }).first();
  const row = await first.getAttribute('data-r');
  return page.locator(`[role=gridcell][data-r="${row}"][data-c="${column}"]`);
}

/** Every A4 sheet of the preview: its size, whether its content spills over, whether it repeats the header. */
const sheets = () =>
  page.locator('.print-page').evaluateAll((pages) =>
    pages.map((p) => ({
      landscape: p.classList.contains('landscape'),
      width: p.getBoundingClientRect().width,
      height: p.getBoundingClientRect().height,
      spills: p.scrollHeight > p.clientHeight + 1,
      title: p.getAttribute('aria-label') ?? '',
      header: p.querySelectorAll('thead th').length,
      lines: p.querySelectorAll('tbody tr').length,
    })),
  );

/** Chromium prints the page as the print CSS lays it out; poppler reads the PDF back. */
async function printedPdf(name: string): Promise<{ pages: number; sizes: string[]; text: string }> {
  const file = join(SHOTS, `print-${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), sizes, text: text.replace(/\s+/g, '') };
}

describe('概览 and 打印预览 in Chromium', () => {
  it('shows the imported book’s figures, each with its unit and a chart', async () => {
    await page.locator('input[type=file]').setInputFiles(DATONG_XLSX);
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: '概览', exact: true }).click();
    await poll(() => headline('收入来源')).toBe('本年收入合计472.39万元');
    expect(await headline('支出功能分类（按类）')).toBe('本年支出合计472.39万元');
    expect(await headline('基本支出与项目支出')).toBe('支出合计472.39万元');
    expect(await headline('机关运行经费')).toBe('机关运行经费14.16万元');
    expect(await card('支出功能分类（按类）').locator('.bar-chart li .bar-label').allTextContents()).toEqual(['一般公共服务支出', '住房保障支出', '社会保障和就业支出', '卫生健康支出']);
    expect(await card('基本支出与项目支出').textContent()).toContain('78.8%');
    expect(await card('机关运行经费').textContent()).toContain('占基本支出 3.8%');
    // 表十 is empty in this book: the card says so instead of drawing zeros.
    expect(await card('“三公”经费').locator('.no-figures').textContent()).toBe('表中没有填列数字。');
    // Ring (sources), bars (classes), split bar (基本/项目), share of 基本支出 (机关运行经费).
    expect(await overview().locator('[role=img]').count()).toBe(4);
    await session.shot('overview-datong');
  });

  it('follows an edit at once, and its undo', async () => {
    await page.getByRole('tab', { name: /^表十(?![一二三])/ }).click();
    const target = await cell('公务接待费', 2);
    await target.click();
    // Pasted as from Excel (one edit, like a typed figure; no keystroke timing involved).
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1.5');
      document.querySelector('textarea')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await poll(() => target.textContent()).toBe('1.50');
    await page.getByRole('button', { name: '概览', exact: true }).click();
    await poll(() => headline('“三公”经费')).toBe('“三公”经费合计1.50万元');
    expect(await card('“三公”经费').locator('.bar-chart li').allTextContents()).toContain('公务接待费1.50100.0%');
    await session.shot('overview-after-edit');
    // Undo while the overview is open: the book changes under it, the figure follows.
    await page.getByRole('button', { name: '撤销' }).click();
    await poll(() => headline('“三公”经费')).toBe('“三公”经费合计0.00万元');
    await poll(() => card('“三公”经费').locator('.no-figures').count()).toBe(1);
  });

  it('打印预览 lays every table on A4 pages in the template’s order and prints them to PDF; Esc closes it', async () => {
    await page.getByRole('button', { name: '打印预览' }).click();
    await preview().waitFor();
    const titles = SHANXI_2024.tables.map((t) => substituteYear(t.title, 2024));
    await poll(() => preview().locator('.print-title').allTextContents()).toEqual(titles);
    const captions = await preview().locator('.print-caption').allTextContents();
    expect(captions.filter((c) => c.includes('第 1 页')).map((c) => c.split(' · ')[0])).toEqual(['表一', '表二', '表三', '表四', '表五', '表六', '表七', '表八', '表九', '表十', '表十一', '表十二', '表十三']);
    const laid = await sheets();
    expect(laid.length).toBeGreaterThanOrEqual(13);
    for (const sheet of laid) {
      // 210 × 297 mm at 96 dpi (the sheet is half a millimetre short, so rounding never adds a blank page).
      const [long, short] = [Math.max(sheet.width, sheet.height), Math.min(sheet.width, sheet.height)];
      expect(Math.abs(short - 793.7), sheet.title).toBeLessThan(3);
      expect(Math.abs(long - 1122.5), sheet.title).toBeLessThan(3);
      expect(sheet.landscape).toBe(sheet.width > sheet.height);
      expect(sheet.spills, sheet.title).toBe(false);
    }
    expect(new Set(laid.map((s) => s.landscape))).toEqual(new Set([true, false]));
    expect(await preview().locator('.print-note').first().textContent()).toBe('注：本表无数据');
    expect(await preview().textContent()).toContain(`13 张表，共 ${laid.length} 页（A4）`);
    await session.shot('print-preview');
    await preview().locator('.print-page.landscape').first().scrollIntoViewIfNeeded();
    await session.shot('print-preview-landscape');

    const pdf = await printedPdf('datong');
    expect(pdf.pages).toBe(laid.length);
    expect(pdf.sizes).toEqual(laid.map((s) => (s.landscape ? 'landscape' : 'portrait')));
    for (const title of titles) expect(pdf.text, title).toContain(title);
    expect(pdf.text).toContain('注：本表无数据');
    expect(pdf.text).toContain('部门名称：大同市人民政府金融工作办公室');
    expect(pdf.text).toContain('第1页共1页');
    expect(pdf.text).not.toContain('打印预览'); // the toolbar does not print

    await page.keyboard.press('Escape');
    await preview().waitFor({ state: 'detached' });
    await page.getByRole('grid').waitFor();
  });

  it('a long table runs over several pages, each with the header rows again and nothing cut off', async () => {
    const file = session.tmp.file('large.xlsx');
    await writeLargeWorkbook(file, { projectRows: 120, codedRows: 90 });
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: '打印预览' }).click();
    await preview().waitFor();
    await poll(async () => (await sheets()).length).toBeGreaterThan(20);
    const laid = await sheets();
    const byTable = new Map<string, typeof laid>();
    for (const sheet of laid) byTable.set(sheet.title, [...(byTable.get(sheet.title) ?? []), sheet]);
    const long = [...byTable.values()].filter((pages) => pages.length > 1);
    expect(long.length).toBeGreaterThanOrEqual(3);
    for (const pages of long) {
      for (const sheet of pages) {
        expect(sheet.header, sheet.title).toBe(pages[0]?.header);
        expect(sheet.spills, sheet.title).toBe(false);
      }
      // Pages are filled: every page but the last holds a fair share of lines, not one line each.
      expect(Math.min(...pages.slice(0, -1).map((s) => s.lines))).toBeGreaterThan(15);
    }
    // The top of a table's second page: the header rows again, straight under the page's top margin.
    const second = long[0]?.[1];
    if (second) await preview().locator('.print-page').nth(laid.indexOf(second)).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await session.shot('print-long-table');
    const pdf = await printedPdf('large');
    expect(pdf.pages).toBe(laid.length);
    expect(pdf.text).toContain(`第1页共${long[0]?.length}页`);
    await page.keyboard.press('Escape');
    await preview().waitFor({ state: 'detached' });
    expect(session.consoleErrors).toEqual([]);
  });
});
