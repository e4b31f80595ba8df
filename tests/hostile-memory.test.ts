// The worst hostile files, each checked by a process of its own as a reviewer's `check` would be: every one ends
// within 20 s and the whole process stays under 1 GB of resident memory (issue 15's bounds, measured, not assumed).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deflateBomb, rawXlsx, rowXml, sheetXml } from './helpers/raw-xlsx';
import { makeTmpDir } from './helpers/tmp';

const tmp = makeTmpDir('hostile-memory-');
afterAll(() => tmp.remove());

const ROOT = join(__dirname, '..');
const HEAD = '<?xml version="1.0"?><worksheet><sheetData>';
const TAIL = '</sheetData></worksheet>';
const bombPart = (chunk: string, times: number, declaredSize?: number) => ({
  data: Buffer.alloc(0),
  deflated: deflateBomb(HEAD, chunk, times, TAIL),
  ...(declaredSize ? { declaredSize } : {}),
});
const cells = (perRow: number) => `<row>${'<c><v>1</v></c>'.repeat(perRow)}</row>`;

const WORST: Record<string, () => Buffer> = {
  '1 GB bomb, size declared as 1,000 bytes': () => rawXlsx({ sheets: [{ name: '表1', part: bombPart(' '.repeat(1 << 20), 1024, 1000) }] }),
  '1.9 million cells': () => rawXlsx({ sheets: [{ name: '表1', part: bombPart(cells(100), 19_000) }] }),
  '2.5 million cells': () => rawXlsx({ sheets: [{ name: '表1', part: bombPart(cells(100), 25_000) }] }),
  '200,000 nested elements': () => rawXlsx({ sheets: [{ name: '表1', xml: sheetXml('<row><c><is>'.repeat(200_000)) }] }),
  'whole-sheet ranges and 99,999 merges': () =>
    rawXlsx({
      sheets: [
        {
          name: '表1',
          xml: sheetXml(
            Array.from({ length: 1000 }, (_, i) => rowXml(i + 1, ['项目', i, { f: 'SUM(AA100:XFD1048576)+B1' }])).join(''),
            `<mergeCells>${Array.from({ length: 99_999 }, (_, i) => `<mergeCell ref="D${i + 1}:XFD${i + 1}"/>`).join('')}</mergeCells>` +
              '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"/></dataValidations>',
          ),
        },
      ],
    }),
};

describe('the worst hostile files in a process of their own', () => {
  for (const [name, build] of Object.entries(WORST)) {
    it(`${name}: ends within 20 s and under 1 GB, in Chinese`, () => {
      const file = tmp.file(`${name.replace(/[^\w]+/g, '-')}.xlsx`);
      writeFileSync(file, build());
      const output = execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tests', 'fuzz', 'measure-cli.ts'), file], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, BW_LOG_DIR: join(tmp.path, 'logs') },
      });
      const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { code: number; ms: number; maxRssMb: number; stderr: string };
      console.log(`${name}: ${result.ms.toFixed(0)} ms, ${result.maxRssMb.toFixed(0)} MB, exit ${result.code}`);
      expect(result.ms).toBeLessThan(20_000);
      expect(result.maxRssMb).toBeLessThan(1024);
      expect(result.code).toBeLessThanOrEqual(2);
      expect(result.stderr).not.toMatch(/Error|at .+:\d+|程序内部错误/);
    }, 60_000);
  }
});
