// `budget-workbench <command>` for reviewers and scripts. Runs under plain Node (no Electron).
import { runBooks, runDump, runImport, exitCodeFor, USAGE } from './commands';
import { runCheck } from './check';
import { runExplain } from './explain';
import { runExport } from './export';
import { runExportDocument } from './export-doc';
import { EXIT, processIO, type CliIO } from './output';
import { UsageError } from './args';

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number> | number> = {
  import: runImport,
  dump: runDump,
  books: runBooks,
  check: runCheck,
  explain: runExplain,
  export: runExport,
  'export-doc': runExportDocument,
  // The web host (store, HTTP server) loads only for `web`.
  web: async (argv, io) => (await import('./web')).runWeb(argv, io),
};

export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? EXIT.ok : EXIT.unreadable;
  }
  const handler = COMMANDS[command];
  try {
    if (!handler) throw new UsageError(`不认识的命令「${command}」。`);
    return await handler(rest, io);
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

const isEntry = process.argv[1] && /cli(\.[cm]?js|[\\/]main\.ts)$/.test(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
