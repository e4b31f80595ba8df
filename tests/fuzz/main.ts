// `npm run fuzz [-- --count N --seed S]`: thousands of hostile files; failing ones stay in tests/.tmp/fuzz for replay.
import { join } from 'node:path';
import { formatReport, runFuzz } from './run-fuzz';

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

async function main(): Promise<void> {
const report = await runFuzz({
  seed: option('seed', Date.now() % 1_000_000),
  count: option('count', 3000),
  workers: option('workers', 2),
  memoryMb: 640,
  seconds: 20,
  dir: join(__dirname, '..', '.tmp', 'fuzz'),
  onProgress: (done, count) => {
    if (done % 100 === 0) process.stderr.write(`${done}/${count}\n`);
  },
});
console.log(formatReport(report));
process.exitCode = report.failures.length ? 1 : 0;
}

void main();
