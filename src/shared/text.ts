// Text normalisation for matching what real workbooks print against template labels.
import { toHalfWidth } from './money';

/**
 * Canonical form for comparing labels: half-width, no whitespace or line breaks, one bracket style,
 * no quotes, any 4-digit year (with 年/年度) replaced by "Y".
 */
export function normaliseLabel(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[【\[]/g, '[')
    .replace(/[】\]]/g, ']')
    .replace(/[“”‘’"'「」]/g, '')
    .replace(/\d{4}(年度|年)?/g, 'Y')
    .replace(/[：]/g, ':');
}

const ORDINAL_PREFIX =
  /^(?:[一二三四五六七八九十百零]+[、.．,，]|\([一二三四五六七八九十]+\)|\d+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|\(\d+\)|其中[:：]?)/;

/** Removes list numbering such as "一、", "（二）", "3.", "①", "其中：" so Henan's and Shanxi's numbering compare equal. */
export function stripOrdinal(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const next = out.replace(ORDINAL_PREFIX, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Label key for rows: normalised, numbering removed. */
export function rowLabelKey(text: string): string {
  return stripOrdinal(normaliseLabel(text));
}

/** Cell text as a clerk reads it: trimmed, inner line breaks and runs of spaces collapsed. */
export function cleanText(text: string): string {
  return text.replace(/[\r\n\t]+/g, '').replace(/[ \u3000]{2,}/g, ' ').trim();
}

/** Columns a string takes in a terminal or an Excel column: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
