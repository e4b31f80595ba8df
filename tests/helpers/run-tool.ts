// Runs a system tool (soffice, pdftotext …) for a test and returns its stdout; a failure says what ran and why.
import { spawnSync } from 'node:child_process';

export function runTool(command: string, args: string[], timeout = 60_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}
