// How many decimals an Excel number format shows: "#,##0.00" → 2, "#,##0_ " → 0, "0.0%" → 1.
// General and text formats show the value as it is, so they say nothing about printed precision.

/** Decimals shown by a number format, or undefined for General/text/date formats. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  // The first section is the one for positive numbers; quoted text, escapes and [colour] carry no digits.
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_./g, '');
  if (!/[0#?]/.test(section) || /[ymdhs]/i.test(section)) return undefined;
  const fraction = /\.([0#?]+)/.exec(section);
  return fraction ? (fraction[1] ?? '').length : 0;
}

/** Decimals a number typed as text shows: "1,234.50" → 2, "12" → 0; undefined when it is not a number. */
export function textDecimals(text: string): number | undefined {
  const match = /^\s*[-+]?[\d,，]*(?:[.．](\d+))?\s*$/.exec(text);
  if (!match || !/\d/.test(text)) return undefined;
  return match[1]?.length ?? 0;
}
