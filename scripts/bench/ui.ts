// UI budgets (DESIGN.md §8), measured in Debian Chromium through the local web host with the large book:
// opening the 5,000-row 项目支出表, scrolling it, and painting a keystroke. Times are taken inside the page.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { importWorkbooks } from '../../src/main/import/import-book';
import { openStore } from '../../src/main/store';
import { startWebHost } from '../../src/main/web/host';
import { ROOT, type BenchSection } from './context';
import { median } from './measure';
import type { Metric, SectionResult } from './report';

const CHROMIUM = '/usr/bin/chromium';
const FRAME_MS = 1000 / 60;

const ms = (id: string, label: string, value: number, detail: string, max?: number, budgetLabel?: string): Metric => ({
  id,
  label,
  kind: 'time',
  value,
  detail,
  ...(max !== undefined ? { budget: { max, label: budgetLabel ?? `< ${max} ms` } } : {}),
});

export const uiSection: BenchSection = {
  id: 'ui',
  title: '界面（Chromium，5000 行项目支出表）',
  async run(context): Promise<SectionResult> {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} 不存在：请安装 Debian 软件包 chromium`);
    if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const { path } = await context.largeWorkbook();
    const store = openStore(context.scratchPath('ui.db'));
    const { book, notices } = await importWorkbooks([path]);
    store.insertBook(book, notices);
    const host = await startWebHost({ store, rendererDir: join(ROOT, 'out', 'renderer') });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(host.url);
      context.log('界面：打开大型预算本…');
      await page.locator('.books button.link').first().click();
      await page.getByRole('grid').waitFor({ timeout: 60_000 });

      // Open: click the 表十二 tab, until the 5,000-row grid is in the DOM and painted.
      const openings: number[] = [];
      for (let i = 0; i < (context.options.quick ? 3 : 7); i++) {
        await page.getByRole('tab', { name: /^表十一/ }).click();
        await page.waitForTimeout(100);
        openings.push(
          await page.evaluate<number>(`new Promise((resolve) => {
            const start = performance.now();
            [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.startsWith('表十二')).click();
            function check() {
              const grid = document.querySelector('[role=grid]');
              if (grid && Number(grid.getAttribute('aria-rowcount')) > 5000) requestAnimationFrame(() => resolve(performance.now() - start));
              else requestAnimationFrame(check);
            }
            check();
          })`),
        );
      }

      // Scroll: 240 frames of programmatic scrolling, frame intervals measured with requestAnimationFrame.
      context.log('界面：滚动…');
      const frames = await page.evaluate<number[]>(`new Promise((resolve) => {
        const grid = document.querySelector('[role=grid]');
        const scroller = [grid, ...grid.querySelectorAll('*')].find((el) => el.scrollHeight > el.clientHeight + 100 && getComputedStyle(el).overflowY !== 'visible') || grid;
        const deltas = [];
        let last = performance.now();
        let n = 0;
        function step(now) {
          deltas.push(now - last);
          last = now;
          scroller.scrollTop += 112; // 4 rows a frame ≈ 6,700 px/s: brisk wheel scrolling
          if (++n < 240) requestAnimationFrame(step);
          else resolve(deltas.slice(1));
        }
        requestAnimationFrame(step);
      })`);
      const dropped = frames.filter((d) => d > FRAME_MS * 1.5).length;

      // Keystroke: from keydown on a selected amount cell to the next painted frame.
      context.log('界面：按键到绘制…');
      await page.locator('[role=gridcell][data-c="1"]').nth(2).click();
      const keystrokes: number[] = [];
      for (let i = 0; i < 15; i++) {
        keystrokes.push(
          await page.evaluate<number>(`new Promise((resolve) => {
            const editor = document.querySelector('textarea');
            const start = performance.now();
            editor.dispatchEvent(new KeyboardEvent('keydown', { key: '${i % 10}', bubbles: true, cancelable: true }));
            requestAnimationFrame(() => resolve(performance.now() - start));
          })`),
        );
        await page.keyboard.press('Escape');
      }

      const metrics: Metric[] = [
        ms('ui.open5000', '打开 5000 行项目支出表（点击标签到绘制）', median(openings), `${openings.length} 次中位数，范围 ${Math.min(...openings).toFixed(0)}–${Math.max(...openings).toFixed(0)} ms`, 300),
        ms('ui.scrollFrame', '滚动：帧间隔中位数', median(frames), `${frames.length} 帧，最长 ${Math.max(...frames).toFixed(1)} ms，超过 1.5 帧的 ${dropped} 帧`),
        { id: 'ui.scrollDropped', label: '滚动：掉帧数（超过 1.5 帧）', kind: 'count', value: dropped, budget: { max: 1, label: '0 帧' } },
        ms('ui.keystroke', '按键到下一帧绘制', median(keystrokes), `${keystrokes.length} 次中位数，最长 ${Math.max(...keystrokes).toFixed(1)} ms`, FRAME_MS, '< 1 帧（16.7 ms）'),
      ];
      return { id: 'ui', title: uiSection.title, metrics, notes: ['无头 Chromium（--disable-gpu）在 2 核虚拟机上测得；真实显卡和桌面环境下帧时间通常更短。'] };
    } finally {
      await browser.close();
      await host.close();
      store.close();
    }
  },
};
