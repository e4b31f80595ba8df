// A small argv parser: positional files plus --flag / --option value. Unknown options are usage errors.
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function parseArgs(argv: readonly string[], spec: { flags?: readonly string[]; options?: readonly string[] }): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) {
      flags.add(name);
    } else if (spec.options?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`选项 --${name} 缺少取值。`);
      options.set(name, value);
    } else {
      throw new UsageError(`不认识的选项「${arg}」。`);
    }
  }
  return { positional, flags, options };
}
