// Where the CLI writes: injectable so tests can run commands in-process and read what they printed.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;
