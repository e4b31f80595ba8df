// `check FILE… [--json]` and `check --db DB --book ID [--json]` (DESIGN.md §7): validate each workbook as its own
// book and report the findings. Folders stand for the workbooks in them. One unreadable workbook is reported and
// the others are still checked; everything runs in this one process.
import { findFamily } from '../../shared/template/registry';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Book, Notice } from '../../shared/book';
import { sideName, tableLabel } from '../../shared/labels';
import { SEVERITY_LABELS, summarise, Validator, type Finding, type Location, type ValidationSummary } from '../../shared/validation';
import { ImportError } from '../import/errors';
import { fileLabel } from '../import/file-label';
import { importWorkbooks } from '../import/import-book';
import { bookIdOption, withStore } from './stored-book';
import { displayWidth } from '../../shared/text';
import { parseArgs, UsageError } from './args';
import { EXIT, type CliIO } from './output';

/** A workbook that was read and validated. */
export interface CheckedBook {
  file: string;
  /** Template family id, and why it was chosen (imports only). */
  template: string;
  detection?: string;
  department: string;
  year: number;
  ok: boolean;
  summary: ValidationSummary;
  findings: Finding[];
}

/** A workbook that could not be read (or held no recognised table). */
export interface UnreadableBook {
  file: string;
  ok: false;
  error: string;
}

export type CheckResult = CheckedBook | UnreadableBook;

const isUnreadable = (result: CheckResult): result is UnreadableBook => 'error' in result;

/** Workbook extensions taken from a folder; Office lock files (~$名称.xlsx) are skipped. */
const WORKBOOK = /\.(xlsx|xls)$/i;
const LOCK_FILE = /^~\$/;

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['db', 'book', 'template'] });
  const json = args.flags.has('json');
  const db = args.options.get('db');
  if (db) {
    if (args.positional.length > 0) throw new UsageError('check --db 与 Excel 文件不能同时给出。');
    return checkStoredBook(db, args.options.get('book'), json, io);
  }
  if (args.options.has('book')) throw new UsageError('check --book 需要同时给出 --db 数据库文件路径。');
  if (args.positional.length === 0) throw new UsageError('check 需要至少一个 Excel 文件或文件夹，或 --db 与 --book。');

  const inputs = expandInputs(args.positional);
  const template = args.options.get('template');
  const results: CheckResult[] = [];
  for (const input of inputs) {
    results.push('error' in input ? input : await checkWorkbook(input.file, template));
  }
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

/** Imports one workbook as a book and validates it; unreadable input becomes an entry, not an exception. */
async function checkWorkbook(file: string, template: string | undefined): Promise<CheckResult> {
  let book: Book;
  let notices: Notice[];
  let detection: string;
  try {
    ({ book, notices, detection } = await importWorkbooks([file], template ? { familyId: template } : {}));
  } catch (error) {
    // One bad workbook must not stop a reviewer's batch: anything the importer throws is reported for this file.
    if (error instanceof ImportError) return { file: fileLabel(file), ok: false, error: error.message };
    const reason = error instanceof Error ? error.message : String(error);
    return { file: fileLabel(file), ok: false, error: `无法读取「${fileLabel(file)}」：${reason}` };
  }
  if (book.tables.length === 0) {
    const notice = notices.find((n) => n.level === '错误');
    return { file: fileLabel(file), ok: false, error: notice?.message ?? `未在「${fileLabel(file)}」中识别到任何预算表。` };
  }
  return validated(fileLabel(file), book, detection);
}

function validated(file: string, book: Book, detection?: string): CheckedBook {
  const findings = new Validator(book).findings().map(orderFields);
  const summary = summarise(findings);
  return { file, template: book.familyId, ...(detection ? { detection } : {}), department: book.department, year: book.year, ok: summary.errors === 0, summary, findings };
}

/** The DESIGN.md §7 fields first, then the extras (roundingTail, explanation, key). */
function orderFields(finding: Finding): Finding {
  const { rule, severity, message, locations, expected, actual, difference, roundingTail, explanation, key } = finding;
  return {
    rule,
    severity,
    message,
    locations: locations.map(orderLocation),
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    ...(difference !== undefined ? { difference } : {}),
    ...(roundingTail !== undefined ? { roundingTail } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
    key,
  };
}

function orderLocation(location: Location): Location {
  const { table, row, column, sheet, cell, side, tableId, rowKey, columnId } = location;
  return {
    table,
    row,
    ...(column !== undefined ? { column } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(cell !== undefined ? { cell } : {}),
    ...(side !== undefined ? { side } : {}),
    tableId,
    rowKey,
    ...(columnId !== undefined ? { columnId } : {}),
  };
}

function checkStoredBook(db: string, bookOption: string | undefined, json: boolean, io: CliIO): number {
  const id = bookIdOption(bookOption, 'check');
  const book = withStore(db, (store) => store.loadBook(id));
  const result = validated(`预算本 #${id}`, book);
  if (json) {
    const { template, department, year, ok, summary, findings } = result;
    io.out(JSON.stringify({ book: id, sources: book.sources, template, department, year, ok, summary, findings }, null, 2));
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

const countsText = (s: ValidationSummary): string =>
  `${SEVERITY_LABELS.error} ${s.errors}，${SEVERITY_LABELS.warning} ${s.warnings}，${SEVERITY_LABELS.info} ${s.infos}`;

/** Header, then one aligned line per finding: 级别 · 表 · 行 · 列 · 工作表!单元格 · 说明. */
function renderBook(result: CheckedBook): string[] {
  const family = findFamily(result.template);
  const header = `${result.file}　部门：${result.department || '（未注明）'}　年度：${result.year}　${countsText(result.summary)}\n  ${result.detection ?? `模板：${family?.name ?? result.template}`}`;
  if (result.findings.length === 0) return [header, '  未发现问题。'];
  const rows = result.findings.map((f) => {
    const at = f.locations[0];
    const tail = f.roundingTail ? '（尾差）' : '';
    return [
      `${SEVERITY_LABELS[f.severity]}${tail}`,
      at ? tableLabel(family, at.table) : '',
      at ? [sideName(at.side ?? 'main'), at.row].filter(Boolean).join(' ') : '',
      at?.column ?? '',
      at?.sheet ? `${at.sheet}${at.cell ? `!${at.cell}` : ''}` : (at?.cell ?? ''),
      f.message + (f.explanation ? `　说明：${f.explanation}` : ''),
    ];
  });
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
  const lines = rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ')}`.trimEnd());
  return [header, ...lines];
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

