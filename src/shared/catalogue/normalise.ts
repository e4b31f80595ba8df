// Text and code normalisation for catalogue look-ups. Pure: no Node, Electron or DOM.

/**
 * Canonical form of a classification name for comparisons (never for display):
 * - NFKC, so full-width letters, digits and brackets become half-width: "（室）" and "(室)" compare equal;
 * - every kind of whitespace, line break and zero-width character removed ("住房公积 金" = "住房公积金");
 * - other bracket variants (﹙﹚, ⁽⁾) folded to "(" ")", quote variants to '"', dash variants to "-";
 * - Latin letters lower-cased.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '')
    .replace(/[﹙⁽₍]/gu, '(')
    .replace(/[﹚⁾₎]/gu, ')')
    .replace(/[“”„‟"＂「」『』]/gu, '"')
    .replace(/[‘’‚‛'＇]/gu, "'")
    .replace(/[‐‑‒–—―－﹣]/gu, '-')
    .toLowerCase();
}

/**
 * A code as typed or stored in a workbook: trimmed, full-width digits made ASCII, a trailing ".0" from a
 * numeric cell dropped. Returns the cleaned text; whether it is a valid code is for the caller to decide.
 */
export function cleanCode(code: string | number): string {
  let text = typeof code === 'number' ? (Number.isInteger(code) ? code.toFixed(0) : String(code)) : code;
  text = text.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '');
  if (/^\d+\.0+$/.test(text)) text = text.replace(/\.0+$/, '');
  return text;
}

/**
 * A display name as imported from a sheet: whitespace (including the line breaks of wrapped cells and the
 * spaces PDF extraction leaves inside words) removed. Official catalogue names contain no spaces.
 */
export function cleanName(name: string): string {
  return name.replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '');
}
