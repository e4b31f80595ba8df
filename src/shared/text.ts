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
