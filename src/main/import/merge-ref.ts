import { parseAddress, type MergeRange } from './grid';

/** "A1:F1" → range; undefined for anything malformed. */
export function parseMergeRef(ref: string): MergeRange | undefined {
  const [from, to] = ref.split(':');
  const start = from ? parseAddress(from) : undefined;
  const end = to ? parseAddress(to) : start;
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}
