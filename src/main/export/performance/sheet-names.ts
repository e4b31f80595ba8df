// Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe,
// unique regardless of case. A name already taken gets 「(2)」, 「(3)」 … within the 31 characters.
const MAX = 31;

/** `base` made acceptable to Excel (forbidden characters become 「_」), or `fallback` when nothing is left. */
export function safeSheetName(base: string, fallback: string): string {
  const cleaned = base
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/[\u0000-\u001f]/g, '')
    .trim()
    .replace(/^'+|'+$/g, '');
  const name = [...cleaned].slice(0, MAX).join('').replace(/'+$/, '').trim();
  return name || fallback;
}

/** A name not in `taken` (compared case-insensitively); the name chosen is added to `taken`. */
export function uniqueSheetName(base: string, fallback: string, taken: Set<string>): string {
  const first = safeSheetName(base, fallback);
  const isTaken = (name: string) => taken.has(name.toLowerCase());
  let name = first;
  for (let n = 2; isTaken(name); n++) {
    const suffix = `(${n})`;
    name = [...first].slice(0, MAX - suffix.length).join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
