// Development entry (`tsx src/main/web/main.ts …`): the same `budget-workbench web` command, run from source.
import { runCli } from '../cli/main';

void runCli(['web', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
