// `export-doc (FILE… | --db DB --book ID) --out OUT.docx [--force]`: the whole disclosure document (部门预算公开) as
// Word — cover, 目录, 部门概况, every table as the workbook export lays it out, 情况说明, 名词解释. As with `export`,
// a book that still has errors is written too, but the command says so and exits 1 unless --force.
import { exportDisclosureDocument, readWorkbooks, type DocumentOutcome } from '../services/exchange';
import { bookIdOption, withServices } from './stored-book';
import { parseArgs, UsageError } from './args';
import { formatNotice } from './notices-text';
import { EXIT, type CliIO } from './output';

export async function runExportDocument(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['force'], options: ['db', 'book', 'out', 'template'] });
  const out = args.options.get('out');
  if (!out) throw new UsageError('export-doc 需要 --out 输出文件路径（.docx）。');
  if (!/\.docx$/i.test(out)) throw new UsageError('公开文档的文件名应以 .docx 结尾。');
  const result = await written(args, out, io);
  if (!result) {
    io.err('没有可导出的预算表。');
    return EXIT.unreadable;
  }
  io.out(`已生成公开文档 ${out}：「${result.name}」，${result.tables.length} 张表。审核结果：错误 ${result.summary.errors}，警告 ${result.summary.warnings}，提示 ${result.summary.infos}。`);
  if (result.summary.errors > 0) {
    if (args.flags.has('force')) {
      io.err(`注意：预算本仍有 ${result.summary.errors} 个错误，已按 --force 生成。`);
      return EXIT.ok;
    }
    io.err(`注意：预算本仍有 ${result.summary.errors} 个错误，公开前请修正（可用 check 查看）。如确需生成，请加 --force。`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** The document of the stored book or of the workbooks given; undefined when there is no table. */
async function written(args: ReturnType<typeof parseArgs>, out: string, io: CliIO): Promise<DocumentOutcome | undefined> {
  const db = args.options.get('db');
  if (db) {
    const bookId = bookIdOption(args.options.get('book'), 'export-doc');
    return withServices(db, (services) => services.exchange.exportDocument({ bookId, path: out }));
  }
  if (args.positional.length === 0) throw new UsageError('export-doc 需要 Excel 文件，或 --db 与 --book。');
  const { book, notices } = await readWorkbooks(args.positional, { template: args.options.get('template') });
  for (const notice of notices.filter((n) => n.level !== '提示')) io.err(formatNotice(notice));
  if (book.tables.length === 0) return undefined;
  return exportDisclosureDocument(book, { path: out });
}
