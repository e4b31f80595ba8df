// Plain text (.txt, .md) as a narrative: the bytes decoded (UTF-8 with or without BOM, UTF-16 with BOM, else
// GB18030/GBK, which Windows Notepad and WPS write), then cut into paragraphs.
//
// Paragraphs (decided from the seeds and the real documents): one paragraph per line; blank lines only separate.
// Texts converted from Word (tests/fixtures/seeds) hold one paragraph per line. Texts converted from a PDF
// (tests/fixtures/real/text) wrap every paragraph at the page width, often mid-word (「与\n2025年预算持平」), so a
// line that fills the text's width and does not end a sentence runs on into the next, and a line that starts with
// closing punctuation (「。负责…」) always continues the one before. Numbered lines (一、 （一） 1.) and table rows
// (tab-separated cells) always start a paragraph of their own. Markdown marks (# headings, **bold**) are removed.
import { ImportError } from '../errors';
import { fileLabel } from '../file-label';

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** The text of a file's bytes; a Chinese ImportError naming the file when they are no text. */
export function decodeText(bytes: Buffer, file: string): string {
  const name = fileLabel(file);
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (bytes.includes(0)) throw notText(name, file);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: GB18030 (a superset of GBK and GB2312), as Chinese Windows saves "ANSI" text.
      text = new TextDecoder('gb18030').decode(bytes);
      const replaced = (text.match(/\uFFFD/g) ?? []).length;
      if (replaced > 0 && replaced * 100 > text.length) {
        throw new ImportError(`无法识别「${name}」的文字编码：它既不是 UTF-8，也不是 GBK/GB18030 文本。请用记事本或 WPS 另存为 UTF-8 编码的 .txt 再导入。`, file);
      }
    }
  }
  const controls = text.slice(0, 65536).split('').filter((c) => CONTROL.test(c)).length;
  if (controls > 8) throw notText(name, file);
  return text;
}

function notText(name: string, file: string): ImportError {
  return new ImportError(`「${name}」不是文本文件，也不是 Word 文档（.docx）或 Excel 工作簿，无法读取其中的情况说明。请提供 .docx、.txt 或含情况说明工作表的 .xlsx 文件。`, file);
}

const CLOSING = /^[。，、；：！？）」』”’》〉】,.;:!?)]/;
const SENTENCE_END = /[。！？!?]$/;
/** 「（类）2106.66万元…」: the 类/款/项 mark of a name the line before began, never a line of its own. */
const CONTINUES_PATH = /^[（(](?:\d{2,3})?[类款项][)）]/;

const STARTS_OWN = /^(?:第[一二三四五六七八九十百零〇\d]+(?:部分|章|节)|[一二三四五六七八九十百零〇]+[、.．]|[（(][一二三四五六七八九十百零〇\d]+[)）]|\d+[、.．](?!\d)|[①-⑳]|#|[-*]\s)/;

/** Display width: CJK and full-width characters count 2. */
function width(line: string): number {
  let w = 0;
  for (const ch of line) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** The width a PDF conversion wrapped its lines at: most full lines are within a character of it. */
function wrapWidth(lines: readonly string[]): number | undefined {
  const widths = lines.filter((l) => l && !l.includes('\t')).map(width).filter((w) => w >= 20).sort((a, b) => a - b);
  if (widths.length < 5) return undefined;
  return widths[Math.floor(widths.length * 0.9)];
}

function cleanLine(line: string): string {
  return line
    .replace(/\s+$/, '')
    .replace(/^[ \u3000]+/, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*/g, '');
}

/** The paragraphs of a text, in order (see the rules at the top of this file). */
export function textParagraphs(text: string): string[] {
  const lines = text.replace(/\r\n?|[\f\u2028\u2029]/g, '\n').split('\n').map(cleanLine);
  const wrapAt = wrapWidth(lines);
  const paragraphs: string[] = [];
  let current = '';
  let last = '';
  const flush = (): void => {
    const trimmed = current.trim();
    if (trimmed) paragraphs.push(trimmed);
    current = '';
    last = '';
  };
  for (const line of lines) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const row = line.includes('\t');
    const continues =
      current !== '' &&
      !row &&
      !last.includes('\t') &&
      (CLOSING.test(line) || CONTINUES_PATH.test(line) || (wrapAt !== undefined && width(last) >= wrapAt * 0.8 && !SENTENCE_END.test(last) && !STARTS_OWN.test(line)));
    if (continues) {
      current += /[A-Za-z0-9]$/.test(current) && /^[A-Za-z]/.test(line) ? ` ${line}` : line;
    } else {
      flush();
      current = line;
    }
    last = line;
  }
  flush();
  return paragraphs;
}
