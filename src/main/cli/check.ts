// `check FILE… [--json]` and `check --db DB --book ID [--json]` (DESIGN.md §7): validate each workbook as its own
// book and report the findings. Folders stand for the workbooks in them. One unreadable workbook is reported and
// the others are still checked; everything runs in this one process. Reading and validating are the services'
// (src/main/services/exchange.ts); this file is the command: inputs, the report and the exit code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sideName, tableLabel } from '../../shared/labels';
import { displayWidth } from '../../shared/text';
import { findFamily } from '../../shared/template/registry';
import { NARRATIVE_TEXT } from '../../shared/strings';
import { SEVERITY_LABELS, type Finding, type ValidationSummary } from '../../shared/validation';
import { fileLabel } from '../import/file-label';
import { checkWorkbook, isUnreadable, type CheckedBook, type CheckResult, type UnreadableBook } from '../services/exchange';
import { parseArgs, UsageError } from './args';
import { narrativeOption } from './commands';
import { EXIT, type CliIO } from './output';
import { bookIdOption, withServices } from './stored-book';
import { checkMany } from './check-pool';

/** Workbook extensions taken from a folder; Office lock files (~$名称.xlsx) are skipped. */
const WORKBOOK = /\.(xlsx|xls)$/i;
const LOCK_FILE = /^~\$/;

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['db', 'book', 'template', 'narrative', 'forms'] });
  const json = args.flags.has('json');
  const db = args.options.get('db');
  if (db) {
    if (args.positional.length > 0) throw new UsageError('check --db 与 Excel 文件不能同时给出。');
    if (args.options.has('narrative')) throw new UsageError('check --db 不能与 --narrative 同时使用：已存预算本按其保存的情况说明审核（可用 import --narrative 保存）。');
    if (args.options.has('forms')) throw new UsageError('check --db 不能与 --forms 同时使用：已存预算本按其保存的绩效目标表审核（可用 import 把绩效目标表工作簿一起导入）。');
    return checkStoredBook(db, args.options.get('book'), json, io);
  }
  if (args.options.has('book')) throw new UsageError('check --book 需要同时给出 --db 数据库文件路径。');
  if (args.positional.length === 0) throw new UsageError('check 需要至少一个 Excel 文件或文件夹，或 --db 与 --book。');

  const inputs = expandInputs(args.positional);
  const template = args.options.get('template');
  // One 情况说明 belongs to one book: with --narrative, exactly one workbook (a folder holding just one will do).
  if (args.options.has('narrative') && inputs.length !== 1) throw new UsageError(NARRATIVE_TEXT.oneBookOnly);
  // Likewise the 绩效目标表 workbook: its forms belong to the one book they are checked with.
  const forms = args.options.get('forms');
  if (forms !== undefined && inputs.length !== 1) throw new UsageError('check --forms 只能与一个工作簿一起使用：绩效目标表属于一个预算本。');
  const narrative = await narrativeOption(args.options.get('narrative'), io);
  const files = inputs.flatMap((input) => ('error' in input ? [] : [input.file]));
  // Many workbooks: every core, progress on stderr (stdout stays the report); one with its narrative or forms: this thread.
  const checked = narrative || forms !== undefined
    ? [await checkWorkbook(files[0] as string, template, narrative, forms !== undefined ? [forms] : [])]
    : await checkMany(files, template, (done, total, file) => {
        if (total >= 8) io.err(`已审核 ${done}/${total}：${fileLabel(file)}`);
      });
  let at = 0;
  const results: CheckResult[] = inputs.map((input) => ('error' in input ? input : (checked[at++] as CheckResult)));
  const single = args.positional.length === 1 && results.length === 1 && !statIsDirectory(args.positional[0] ?? '');
  report(results, single, json, io);
  return exitCode(results);
}

/** Files as given; folders become their .xlsx/.xls files (not recursive), sorted by name. */
function expandInputs(paths: readonly string[]): ({ file: string } | UnreadableBook)[] {
  const inputs: ({ file: string } | UnreadableBook)[] = [];
  for (const path of paths) {
    if (!statIsDirectory(path)) {
      inputs.push({ file: path });
      continue;
    }
    const names = readdirSync(path, { withFileTypes: true })
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && WORKBOOK.test(entry.name) && !LOCK_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) inputs.push({ file: path, ok: false, error: `文件夹「${fileLabel(path)}」中没有 Excel 工作簿（.xlsx 或 .xls 文件）。` });
    for (const name of names) inputs.push({ file: join(path, name) });
  }
  return inputs;
}

function statIsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a missing path is reported by the importer, with its own message
  }
}

async function checkStoredBook(db: string, bookOption: string | undefined, json: boolean, io: CliIO): Promise<number> {
  const id = bookIdOption(bookOption, 'check');
  const result = await withServices(db, (services) => services.exchange.check(id));
  if (json) {
    const { sources, template, department, year, ok, summary, findings } = result;
    io.out(JSON.stringify({ book: id, sources, template, department, year, ok, summary, findings }, null, 2));
  } else {
    io.out(renderBook(result).join('\n'));
  }
  return exitCode([result]);
}

function exitCode(results: readonly CheckResult[]): number {
  if (results.some(isUnreadable)) return EXIT.unreadable;
  if (results.some((r) => !isUnreadable(r) && r.summary.errors > 0)) return EXIT.findings;
  return EXIT.ok;
}

function totals(results: readonly CheckResult[]): ValidationSummary {
  const sum: ValidationSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    if (isUnreadable(r)) continue;
    sum.errors += r.summary.errors;
    sum.warnings += r.summary.warnings;
    sum.infos += r.summary.infos;
  }
  return sum;
}

function report(results: readonly CheckResult[], single: boolean, json: boolean, io: CliIO): void {
  if (json) {
    // The errors go to stderr as well, so a person running a script sees them without parsing the JSON.
    for (const r of results) if (isUnreadable(r)) io.err(`错误：${r.error}`);
    const body = single && results[0] ? results[0] : { ok: results.every((r) => r.ok), summary: totals(results), files: results };
    io.out(JSON.stringify(body, null, 2));
    return;
  }
  const blocks = results.map((r) => (isUnreadable(r) ? [`${r.file}　无法读取`, `  错误  ${r.error}`] : renderBook(r)));
  const lines = blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block]));
  if (results.length > 1) {
    const unreadable = results.filter(isUnreadable).length;
    const t = totals(results);
    lines.push('', `合计：${results.length} 个文件${unreadable ? `（${unreadable} 个无法读取）` : ''}，${countsText(t)}。`);
  }
  io.out(lines.join('\n'));
}

/** Where a 绩效目标表 finding sits when it names no table figure. */
const FORM_PLACE = { project: '绩效目标表', department: '部门整体绩效目标' } as const;

const countsText = (s: ValidationSummary): string =>
  `${SEVERITY_LABELS.error} ${s.errors}，${SEVERITY_LABELS.warning} ${s.warnings}，${SEVERITY_LABELS.info} ${s.infos}`;

/** A narrative finding's sentence, with its paragraph unless the line names it already: 「情况说明第 3 段：「…」」. */
function narrativeText(finding: Finding, placed: boolean): string {
  const at = finding.narrative;
  if (!at) return '';
  return placed ? `「${at.quote}」` : `${NARRATIVE_TEXT.paragraph(at.paragraph + 1)}：「${at.quote}」`;
}

/**
 * Header, then one aligned line per finding: 级别 · 表 · 行 · 列 · 工作表!单元格 · 说明. A 情况说明 finding says its
 * paragraph where the table would be (when it names no table figure) and quotes its sentence after the message.
 */
function renderBook(result: CheckedBook): string[] {
  const family = findFamily(result.template);
  const header = `${result.file}　部门：${result.department || '（未注明）'}　年度：${result.year}　${countsText(result.summary)}\n  ${result.detection ?? `模板：${family?.name ?? result.template}`}`;
  if (result.findings.length === 0) return [header, '  未发现问题。'];
  const rows = result.findings.map((f) => {
    const at = f.locations[0];
    const tail = f.roundingTail ? '（尾差）' : '';
    const quoted = narrativeText(f, !at);
    return [
      `${SEVERITY_LABELS[f.severity]}${tail}`,
      at ? tableLabel(family, at.table) : f.narrative ? NARRATIVE_TEXT.paragraph(f.narrative.paragraph + 1) : f.form ? FORM_PLACE[f.form.scope] : '',
      at ? [sideName(at.side ?? 'main'), at.row].filter(Boolean).join(' ') : (f.form?.name ?? ''),
      at?.column ?? f.form?.label ?? '',
      at?.sheet ? `${at.sheet}${at.cell ? `!${at.cell}` : ''}` : (at?.cell ?? (f.form?.sheet ? `${f.form.sheet}${f.form.cell ? `!${f.form.cell}` : ''}` : '')),
      f.message + (quoted ? `　${quoted}` : '') + (f.explanation ? `　说明：${f.explanation}` : ''),
    ];
  });
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
  const lines = rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ')}`.trimEnd());
  return [header, ...lines];
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

