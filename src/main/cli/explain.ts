// `explain --db DB --book ID --finding KEY (--text 说明 | --clear)`: records a 审核说明 on a warning of a
// stored book. The finding keys are printed by `check --db … --json`. Errors cannot be explained away; the rule is
// the review service's (src/main/services/review.ts), as in the app.
import { ReviewError } from '../services/review';
import { parseArgs, UsageError } from './args';
import { EXIT, type CliIO } from './output';
import { withServices } from './stored-book';

export async function runExplain(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { flags: ['clear'], options: ['db', 'book', 'finding', 'text', 'actor'] });
  const db = args.options.get('db');
  const bookId = Number(args.options.get('book'));
  const findingKey = args.options.get('finding');
  const text = args.flags.has('clear') ? null : (args.options.get('text') ?? '');
  if (!db || !Number.isInteger(bookId) || bookId <= 0 || !findingKey) throw new UsageError('explain 需要 --db 数据库、--book 预算本编号和 --finding 问题编号。');
  if (text === '') throw new UsageError('explain 需要 --text 审核说明，或 --clear 清除说明。');
  const actor = args.options.get('actor');
  try {
    const { finding } = await withServices(db, (services) => services.review.explain({ bookId, findingKey, text, ...(actor ? { actor } : {}) }), { mustExist: false });
    io.out(text === null ? `已清除「${findingKey}」的审核说明。` : `已记录审核说明：${finding?.message ?? findingKey}\n  说明：${finding?.explanation ?? ''}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ReviewError) {
      io.err(`无法记录审核说明：${error.message}`);
      return EXIT.findings;
    }
    throw error;
  }
}
