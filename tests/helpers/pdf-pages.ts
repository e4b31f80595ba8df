// Pages of a PDF read back with poppler for the print tests: size, layout text and word boxes, and whether a cell's
// text is on a page even when its cell wrapped it over several lines.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runTool as run } from './run-tool';

export const squash = (text: string): string => text.replace(/\s+/g, '');

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Page {
  number: number;
  width: number;
  height: number;
  /** pdftotext -layout */
  text: string;
  words: Word[];
}

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return Boolean(dir);
    } catch {
      return false;
    }
  });
}

/** Fails (never skips) naming the Debian packages of what is missing. */
export function requirePrintTools(test: string, office: 'calc' | 'writer'): void {
  const pkg = `libreoffice-${office}-nogui`;
  const missing: string[] = [];
  if (!onPath('soffice')) missing.push(`\`soffice\` (Debian package ${pkg})`);
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) if (!onPath(tool)) missing.push(`\`${tool}\` (Debian package poppler-utils)`);
  if (missing.length > 0) throw new Error(`${test} needs ${missing.join(', ')}. Install with: apt-get install --no-install-recommends ${pkg} poppler-utils fonts-wqy-zenhei`);
}

export function readPages(pdf: string): Page[] {
  const count = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1] ?? 0);
  const blocks = run('pdftotext', ['-bbox', pdf, '-']).split('<page ').slice(1);
  return blocks.slice(0, count).map((block, i) => {
    const [, width = '0', height = '0'] = /width="([\d.]+)" height="([\d.]+)"/.exec(block) ?? [];
    const words = [...block.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: (m[5] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
    }));
    return { number: i + 1, width: Number(width), height: Number(height), text: run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-']), words };
  });
}

/**
 * Whether a cell's text is on the page: in one word, or in words that read it together — the next on the same line
 * right after it (Writer sets 「≥10 次」 apart), or wrapped in its cell, one under the other at the same left edge.
 */
export function printedOn(page: Page, text: string): boolean {
  const want = squash(text);
  return page.words.some((first, i) => {
    let read = first.text;
    let last = first;
    for (const next of page.words.slice(i + 1)) {
      if (read.includes(want) || !want.startsWith(read.slice(0, 1))) break;
      const besides = Math.abs(next.yMin - last.yMin) < 2 && next.xMin >= last.xMax - 1 && next.xMin - last.xMax < 8;
      const below = Math.abs(next.xMin - first.xMin) < 3 && next.yMin > last.yMin && next.yMin - last.yMax < 6;
      if (besides || below) {
        read += next.text;
        last = next;
      }
    }
    return read.includes(want);
  });
}

/** Words closer than `margin` points to the page's edge. */
export function wordsOutside(page: Page, margin = 20): string[] {
  return page.words.filter((w) => w.xMin < margin || w.yMin < margin || w.xMax > page.width - margin || w.yMax > page.height - margin).map((w) => `page ${page.number}: 「${w.text}」`);
}

/** The page showing a form's 项目名称 line (-1 when none does). */
export function formPage(pages: readonly Page[], projectName: string): number {
  return pages.findIndex((p) => squash(p.text).includes(squash(`项目名称${projectName}`)));
}
