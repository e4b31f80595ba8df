// `export (FILE… | --db DB --book ID) --out OUT.xlsx [--force] [--report | --no-report]` (DESIGN.md §7).
// A book with errors is still exported, but the command says so and exits 1 unless --force. Reading and writing
// are the services' (src/main/services/exchange.ts): a stored book is exported exactly as the app exports it.
import { exportWorkbook, readWorkbooks, type ExportOutcome, type ReportChoice } from '../services/exchange';
import { bookIdOption, withServices } from './stored-book';
import { parseArgs, UsageError } from './args';
import { formatNotice } from './notices-text';
import { EXIT, type CliIO } from './output';

export async function runExport(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['force', 'report', 'no-report'], options: ['db', 'book', 'out', 'template'] });
  const out = args.options.get('out');
  if (!out) throw new UsageError('export 需要 --out 输出文件路径（.xlsx）。');
  if (!/\.xlsx$/i.test(out)) throw new UsageError('导出文件名应以 .xlsx 结尾。');
  const report: ReportChoice = args.flags.has('report') ? 'always' : args.flags.has('no-report') ? 'never' : 'auto';
  const result = await exported(args, out, report, io);
  if (!result) {
    io.err('没有可导出的预算表。');
    return EXIT.unreadable;
  }
  io.out(`已导出 ${out}：${result.sheets.length} 个工作表${result.reportIncluded ? '（含审核报告）' : ''}。审核结果：错误 ${result.summary.errors}，警告 ${result.summary.warnings}，提示 ${result.summary.infos}。`);
  if (result.summary.errors > 0) {
    if (args.flags.has('force')) {
      io.err(`注意：预算本仍有 ${result.summary.errors} 个错误，已按 --force 导出。`);
      return EXIT.ok;
    }
    io.err(`注意：预算本仍有 ${result.summary.errors} 个错误，报送前请修正（详见工作簿中的「审核报告」）。如确需导出，请加 --force。`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** The export of the stored book or of the workbooks given; undefined when there is no table to export. */
async function exported(args: ReturnType<typeof parseArgs>, out: string, report: ReportChoice, io: CliIO): Promise<ExportOutcome | undefined> {
  const db = args.options.get('db');
  if (db) {
    const bookId = bookIdOption(args.options.get('book'), 'export');
    // A stored book always has tables: storing refuses a book without any.
    return withServices(db, (services) => services.exchange.export({ bookId, path: out, report }));
  }
  if (args.positional.length === 0) throw new UsageError('export 需要 Excel 文件，或 --db 与 --book。');
  const { book, notices } = await readWorkbooks(args.positional, { template: args.options.get('template') });
  for (const notice of notices.filter((n) => n.level !== '提示')) io.err(formatNotice(notice));
  if (book.tables.length === 0) return undefined;
  return exportWorkbook(book, { path: out, report });
}
