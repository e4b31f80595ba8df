// CLI commands (DESIGN.md §7). Each returns its exit code; the entry point only dispatches. Workbooks are read and
// books stored, dumped, checked and exported by the services (src/main/services), as in the app and the web host.
import { toDump, type Dump } from '../../shared/dump';
import { performanceDumpLines } from '../../shared/dump-performance';
import { formatAmount, Dec } from '../../shared/money';
import { tableLabel } from '../../shared/labels';
import { findFamily } from '../../shared/template/registry';
import { ImportError } from '../import/errors';
import { readNarrative } from '../import/narrative/read-narrative';
import type { Narrative } from '../../shared/narrative/types';
import { NARRATIVE_TEXT } from '../../shared/strings';
import { readWorkbooks } from '../services/exchange';
import { bookIdOption, withServices } from './stored-book';
import { parseArgs, UsageError } from './args';
import { formatNotice } from './notices-text';
import { EXIT, type CliIO } from './output';
import { ExportWriteError } from '../export/write-errors';
import { internalErrorMessage, logInternalError } from '../error-log';

export const USAGE = `用法：budget-workbench <命令> [参数]

命令：
  import 文件… --db 数据库        把一个或多个 Excel 工作簿导入为一个预算本（存入 SQLite 数据库）；
                                  --narrative 说明文件 同时导入情况说明（.docx、.txt 或含说明工作表的 .xlsx）
  dump 文件… [--json]             读取工作簿，输出识别出的各表内容（--json 输出机器可读格式）；
                                  --narrative 说明文件 附带情况说明（已存预算本的情况说明随 --db 输出）
  dump --db 数据库 --book 编号 [--json]   输出已存预算本的内容
  books --db 数据库               列出数据库中的预算本
  export 文件… --out 输出.xlsx     导出报送用工作簿（也可 --db 数据库 --book 编号）；仍有错误时退出码 1，--force 强制；
                                  --report / --no-report 总是 / 从不附审核报告（默认有错误或警告时附）
  export-doc 文件… --out 输出.docx  生成完整的部门预算公开文档（Word：封面、目录、部门概况、全部表格、情况说明、
                                  名词解释；也可 --db 数据库 --book 编号）；仍有错误时退出码 1，--force 强制
  check 文件或文件夹… [--json]    审核工作簿（每个文件单独成本；文件夹取其中的 .xlsx/.xls），列出错误、警告和提示；
                                  --narrative 说明文件 连同情况说明一起审核（只能给一个工作簿）；
                                  --forms 绩效目标表.xlsx 连同另存的项目支出绩效目标表一起审核（只能给一个工作簿；
                                  与报表在同一工作簿中的绩效目标表无需此项）
  check --db 数据库 --book 编号 [--json]  审核已存预算本（附带已填写的审核说明）
  explain --db 数据库 --book 编号 --finding 问题编号 --text 说明   为警告填写审核说明（--clear 清除；错误不能说明放行）
  web [--db 数据文件] [--port 端口号] [--open]   在本机浏览器中使用工作台（第一行输出访问地址；--open 自动打开浏览器；
                                  默认数据文件与桌面版相同；Ctrl+C 停止）

选项：
  --template 模板编号             指定模板（默认自动识别，目前支持 shanxi-2024）

退出码：0 正常；1 发现审核错误；2 文件无法读取或用法错误。`;

export async function runImport(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { options: ['db', 'template', 'narrative'] });
  const db = args.options.get('db');
  if (!db) throw new UsageError('import 需要 --db 数据库文件路径。');
  if (args.positional.length === 0) throw new UsageError('import 需要至少一个 Excel 文件。');
  // The narrative first: an unreadable one stops the import before anything is stored.
  const narrative = await narrativeOption(args.options.get('narrative'), io);
  const read = await readWorkbooks(args.positional, { template: args.options.get('template'), onProgress: (message) => io.err(message) });
  if (narrative) read.book.narrative = narrative;
  for (const notice of read.notices) io.err(formatNotice(notice));
  const { book } = read;
  if (book.tables.length === 0) {
    io.err('没有可导入的预算表，数据库未作任何修改。');
    return EXIT.unreadable;
  }
  const id = await withServices(db, (services) => services.books.add(read, { onProgress: (written, total) => io.err(`正在写入数据库：${written}/${total} 行…`) }), { mustExist: false });
  const rowCount = book.tables.reduce((n, t) => n + t.rows.length, 0);
  const told = narrative ? `，情况说明 ${narrative.paragraphs.length} 段` : '';
  io.out(`已导入预算本 #${id}：${book.department || '（未注明部门）'} ${book.year} 年，模板 ${book.familyId}，${book.tables.length} 张表，${rowCount} 行，单位：${book.unit}${told}。`);
  return EXIT.ok;
}

export async function runDump(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['db', 'book', 'template', 'narrative'] });
  let dump: Dump & { narrative?: Narrative };
  const db = args.options.get('db');
  if (db) {
    if (args.options.has('narrative')) throw new UsageError('dump --db 不能与 --narrative 同时使用：已存预算本的情况说明随其输出。');
    const id = bookIdOption(args.options.get('book'), 'dump');
    dump = await withServices(db, (services) => {
      const narrative = services.store.narrative(id);
      return { ...services.exchange.dump(id), ...(narrative ? { narrative } : {}) };
    });
  } else {
    if (args.positional.length === 0) throw new UsageError('dump 需要一个 Excel 文件，或 --db 与 --book。');
    const narrative = await narrativeOption(args.options.get('narrative'), io);
    const { book, notices } = await readWorkbooks(args.positional, { template: args.options.get('template') });
    dump = { ...toDump(book, notices), ...(narrative ? { narrative } : {}) };
  }
  io.out(args.flags.has('json') ? JSON.stringify(dump, null, 2) : dumpText(dump));
  if (dump.tables.length === 0) {
    io.err('错误：未识别到任何预算表（详见上面的提示）。');
    return EXIT.unreadable;
  }
  return EXIT.ok;
}

export async function runBooks(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { options: ['db'] });
  const db = args.options.get('db');
  if (!db) throw new UsageError('books 需要 --db 数据库文件路径。');
  const { openStore } = await import('../store');
  const store = openStore(db);
  try {
    const books = store.listBooks();
    if (books.length === 0) io.out('数据库中还没有预算本。');
    for (const b of books) io.out(`#${b.id}\t${b.department}\t${b.year}\t${b.familyId}\t${b.tableCount} 张表\t${b.rowCount} 行\t更新于 ${b.updatedAt}`);
  } finally {
    store.close();
  }
  return EXIT.ok;
}

/** --narrative FILE read (its summary on stderr), or undefined when the option is absent. */
export async function narrativeOption(file: string | undefined, io: CliIO): Promise<Narrative | undefined> {
  if (file === undefined) return undefined;
  if (!file.trim()) throw new UsageError(NARRATIVE_TEXT.noFile);
  const read = await readNarrative(file);
  io.err(read.summary);
  return read.narrative;
}

/** Human-readable dump: each table with its rows and formatted amounts, then the 情况说明 when there is one. */
function dumpText(dump: Dump & { narrative?: Narrative }): string {
  const family = findFamily(dump.template);
  const lines = [`模板：${dump.template}　年度：${dump.year}　部门：${dump.department}　单位：${dump.unit}`, ''];
  for (const table of dump.tables) {
    lines.push(`${tableLabel(family, table.no)}　${table.title}${table.sheet ? `（工作表「${table.sheet}」）` : ''}${table.empty ? '　注：本表无数据' : ''}`);
    const labels = new Map(table.columns.map((c) => [c.id, c.label]));
    for (const row of table.rows) {
      const values = Object.entries(row.values).map(([column, value]) => `${labels.get(column) ?? column}=${formatAmount(new Dec(value))}`);
      lines.push(`  ${row.side === 'expenditure' ? '支出　' : row.side === 'income' ? '收入　' : ''}${row.code ? `${row.code} ` : ''}${row.name}${row.govName ? ` / ${row.govName}` : ''}${values.length ? `　${values.join('　')}` : ''}`);
    }
    lines.push('');
  }
  lines.push(...performanceDumpLines(dump));
  if (dump.narrative) {
    lines.push(`情况说明${dump.narrative.source ? `（${dump.narrative.source}）` : ''}：`);
    dump.narrative.paragraphs.forEach((paragraph, i) => lines.push(`  ${i + 1}. ${paragraph}`));
    lines.push('');
  }
  if (dump.notices.length) {
    lines.push('导入提示：');
    for (const notice of dump.notices) lines.push(`  ${formatNotice(notice)}`);
  }
  return lines.join('\n');
}

/** Maps thrown errors to the exit-code contract: unreadable input and usage errors are 2. */
export function exitCodeFor(error: unknown, io: CliIO): number {
  if (error instanceof ImportError) {
    io.err(`错误：${error.message}`);
    return EXIT.unreadable;
  }
  if (error instanceof ExportWriteError) {
    io.err(`错误：${error.message}`);
    return EXIT.unreadable;
  }
  if (error instanceof UsageError) {
    io.err(`用法错误：${error.message}\n\n${USAGE}`);
    return EXIT.unreadable;
  }
  // Our own refusals (store, services, review) speak Chinese and are meant for the user; anything else is a bug
  // or a library's English text: logged, and shown as a reference.
  const message = error instanceof Error ? error.message : '';
  io.err(`错误：${/[\u4e00-\u9fff]/.test(message) ? message : internalErrorMessage(logInternalError(error))}`);
  return EXIT.unreadable;
}
