// `--narrative FILE` on the command line: `check` validates a workbook with its 情况说明 (the findings in text quote
// their sentence and paragraph, in JSON they carry `narrative`), `import` stores it with the book, `dump --json`
// shows it. The Datong workbook has no error of its own; the seed document's narrative has one (基本支出372.33万元
// against 表三's 372.39).
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNarrative } from '../src/main/import/narrative/read-narrative';
import type { Narrative, NarrativeLocation } from '../src/shared/narrative/types';
import { cli } from './helpers/cli';
import { DATONG_XLSX, FIXTURES } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const SEED_000 = join(FIXTURES, 'seeds', '000_8a413295a909103c.txt');
const SFJ_XLSX = join(FIXTURES, 'real', 'shanghai-putuo-sfj-2026.xlsx');
const SFJ_TEXT = join(FIXTURES, 'real', 'text', 'shanghai-putuo-sfj-2026.txt');

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  locations: { table: number }[];
  expected?: string;
  actual?: string;
  key: string;
  narrative?: NarrativeLocation;
}
interface JsonBook {
  file: string;
  ok: boolean;
  summary: { errors: number; warnings: number; infos: number };
  findings: JsonFinding[];
}

let tmp: TmpDir;
let seed: Narrative;
beforeAll(async () => {
  tmp = makeTmpDir('cli-narrative-');
  seed = (await readNarrative(SEED_000)).narrative;
});
afterAll(() => tmp.remove());

describe('check --narrative', () => {
  it('checks the workbook with its 情况说明: exit 1 for a figure the tables contradict', async () => {
    const alone = await cli('check', DATONG_XLSX);
    expect(alone.code).toBe(0);
    expect(alone.stdout).not.toContain('情况说明');

    const run = await cli('check', DATONG_XLSX, '--narrative', SEED_000);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('已读取「000_8a413295a909103c.txt」中的情况说明：从「第三部分 2024年度部门预算情况说明」起共 58 段。');

    const json = await cli('check', DATONG_XLSX, '--narrative', SEED_000, '--json');
    expect(json.code).toBe(1);
    const book = JSON.parse(json.stdout) as JsonBook;
    expect(book.ok).toBe(false);
    const amount = book.findings.find((f) => f.rule === 'narrative.amount');
    expect(amount).toMatchObject({ severity: 'error', expected: '372.39', actual: '372.33', locations: [{ table: 3 }] });
    const at = amount?.narrative as NarrativeLocation;
    expect(at.quote).toContain('其中基本支出372.33万元');
    expect(seed.paragraphs[at.paragraph]?.slice(at.start, at.end)).toBe(at.quote);

    // In text: the table's place, the message, then the paragraph (1-based) and the sentence quoted.
    const line = run.stdout.split('\n').find((l) => l.includes('372.33'));
    expect(line).toMatch(/^ {2}错误\s+表三/);
    expect(line).toContain(`情况说明第 ${at.paragraph + 1} 段：「${at.quote}」`);

    // A finding about the text alone names the paragraph where the table would be.
    const textOnly = book.findings.find((f) => f.narrative && f.locations.length === 0) as JsonFinding & { narrative: NarrativeLocation };
    expect(textOnly).toBeDefined();
    const textLine = run.stdout.split('\n').find((l) => l.includes(textOnly.message));
    expect(textLine).toMatch(new RegExp(`^ {2}${textOnly.severity === 'error' ? '错误' : '警告'}\\s+情况说明第 ${textOnly.narrative.paragraph + 1} 段\\s`));
    expect(textLine).toContain(`「${textOnly.narrative.quote}」`);
  });

  it('takes a real published document whole and keeps its 情况说明 part', async () => {
    const run = await cli('check', SFJ_XLSX, '--narrative', SFJ_TEXT, '--json');
    const book = JSON.parse(run.stdout) as JsonBook;
    const narrative = book.findings.filter((f) => f.narrative);
    expect(narrative.length).toBeGreaterThan(0);
    // 「比2025年预算执行数增加17.62%」 where the figures fall by 91.11%.
    expect(narrative.some((f) => f.narrative?.quote.includes('增加17.62%'))).toBe(true);
    expect(run.code).toBe(1);
  });

  it('refuses one narrative for several workbooks, and accepts a folder holding exactly one', async () => {
    const two = await cli('check', DATONG_XLSX, DATONG_XLSX, '--narrative', SEED_000);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('check --narrative 只能用于一个工作簿');
    expect(two.stdout).toBe('');

    const one = join(tmp.path, 'one');
    mkdirSync(one);
    copyFileSync(DATONG_XLSX, join(one, '大同.xlsx'));
    expect((await cli('check', one, '--narrative', SEED_000)).code).toBe(1);

    copyFileSync(DATONG_XLSX, join(one, '大同2.xlsx'));
    const folder = await cli('check', one, '--narrative', SEED_000);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('只能用于一个工作簿');

    const stored = await cli('check', '--db', tmp.file('none.db'), '--book', '1', '--narrative', SEED_000);
    expect(stored.code).toBe(2);
    expect(stored.stderr).toContain('不能与 --narrative 同时使用');
  });

  it('an unreadable narrative is exit 2 with a Chinese message naming it', async () => {
    writeFileSync(tmp.file('坏说明.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const run = await cli('check', DATONG_XLSX, '--narrative', tmp.file('坏说明.docx'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^错误：.*「坏说明\.docx」/);
    const missing = await cli('check', DATONG_XLSX, '--narrative');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('选项 --narrative 缺少取值');
  });
});

describe('import --narrative and dump', () => {
  it('stores the narrative with the book; dump --json and check --db show it', async () => {
    const db = tmp.file('books.db');
    const imported = await cli('import', DATONG_XLSX, '--db', db, '--narrative', SEED_000);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('情况说明 58 段');
    expect(imported.stderr).toContain('已读取「000_8a413295a909103c.txt」');

    const dump = await cli('dump', '--db', db, '--book', '1', '--json');
    expect(dump.code).toBe(0);
    expect((JSON.parse(dump.stdout) as { narrative?: Narrative }).narrative).toEqual(seed);
    const text = await cli('dump', '--db', db, '--book', '1');
    expect(text.stdout).toContain('情况说明（000_8a413295a909103c.txt）：');
    expect(text.stdout).toContain(`  1. ${seed.paragraphs[0]}`);

    const checked = await cli('check', '--db', db, '--book', '1', '--json');
    expect(checked.code).toBe(1);
    expect((JSON.parse(checked.stdout) as JsonBook).findings.some((f) => f.rule === 'narrative.amount' && f.narrative)).toBe(true);

    // A book imported without one has no narrative in its dump.
    await cli('import', DATONG_XLSX, '--db', db);
    expect(JSON.parse((await cli('dump', '--db', db, '--book', '2', '--json')).stdout)).not.toHaveProperty('narrative');
  });

  it('an unreadable narrative stops the import before anything is stored', async () => {
    writeFileSync(tmp.file('二进制.txt'), Buffer.from([0, 1, 2, 3, 4, 5]));
    const db = tmp.file('never.db');
    const run = await cli('import', DATONG_XLSX, '--db', db, '--narrative', tmp.file('二进制.txt'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('「二进制.txt」不是文本文件');
    expect(existsSync(db)).toBe(false);
  });

  it('dump FILE --narrative --json carries it; without the option there is none', async () => {
    const withIt = await cli('dump', DATONG_XLSX, '--narrative', SEED_000, '--json');
    expect(withIt.code).toBe(0);
    expect((JSON.parse(withIt.stdout) as { narrative?: Narrative }).narrative).toEqual(seed);
    expect(JSON.parse((await cli('dump', DATONG_XLSX, '--json')).stdout)).not.toHaveProperty('narrative');
  });
});
