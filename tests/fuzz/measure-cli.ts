// Runs `check FILE --json` in this process (as the CLI binary would) and prints how long it took, the peak resident
// memory of the whole process and how it ended, as one JSON line.
import { runCli } from '../../src/main/cli/main';

async function main(): Promise<void> {
  const started = performance.now();
  let stderr = '';
  const code = await runCli(['check', process.argv[2] ?? '', '--json'], { out: () => undefined, err: (text) => (stderr += text) });
  console.log(JSON.stringify({ code, ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, stderr }));
}

void main();
