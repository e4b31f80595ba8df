// `export (FILE… | --db DB --book ID) --out OUT.xlsx [--force] [--report | --no-report]` (DESIGN.md §7).
// A book with errors is still exported, but the command says so and exits 1 unless --force.
import { exportBook, type ReportChoice } from '../export/export-book';
import { importWorkbooks } from '../import/import-book';
import { bookIdOption, withStore } from './stored-book';
import { parseArgs, UsageError } from './args';
import { formatNotice } from './notices-text';
import { EXIT, type CliIO } from './output';
import type { Book } from '../../shared/book';

export async function runExport(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['force', 'report', 'no-report'], options: ['db', 'book', 'out', 'template'] });
  const out = args.options.get('out');
  if (!out) throw new UsageError('export 需要 --out 输出文件路径（.xlsx）。');
  if (!/\.xlsx$/i.test(out)) throw new UsageError('导出文件名应以 .xlsx 结尾。');
  const report: ReportChoice = args.flags.has('report') ? 'always' : args.flags.has('no-report') ? 'never' : 'auto';
  const book = await loadBook(args, io);
  if (book.tables.length === 0) {
    io.err('没有可导出的预算表。');
    return EXIT.unreadable;
  }
  const result = await exportBook(book, out, report);
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

async function loadBook(args: ReturnType<typeof parseArgs>, io: CliIO): Promise<Book> {
  const db = args.options.get('db');
  if (db) {
    const id = bookIdOption(args.options.get('book'), 'export');
    return withStore(db, (store) => store.loadBook(id));
  }
  if (args.positional.length === 0) throw new UsageError('export 需要 Excel 文件，或 --db 与 --book。');
  const template = args.options.get('template');
  const { book, notices } = await importWorkbooks(args.positional, template ? { familyId: template } : {});
  for (const notice of notices.filter((n) => n.level !== '提示')) io.err(formatNotice(notice));
  return book;
}
