// A small pull scanner for the XML parts of an .xlsx (and a .docx's document.xml), over bytes. It knows exactly what
// spreadsheet parts use: elements, attributes, text, CDATA, comments and processing instructions. A DOCTYPE is
// refused outright, so entity expansion (billion laughs) and external entities (XXE) cannot happen. Work is linear
// in the part's size and the clock is checked as it goes.
import { ImportError } from '../errors';
import { fileLabel } from '../file-label';
import type { ReadBudget } from './limits';

export type XmlAttributes = Record<string, string>;

export interface XmlHandler {
  /** Local names: a namespace prefix (x:c) is dropped. */
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Text is decoded only while this is true. */
  readonly wantsText: boolean;
  text(text: string): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const TIME_CHECK_EVERY = 4096;

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references decoded; an unknown name stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

function parseAttributes(source: string, start: number): XmlAttributes {
  // No prototype: an attribute named __proto__ is just a key.
  const attributes: XmlAttributes = Object.create(null) as XmlAttributes;
  const n = source.length;
  let i = start;
  while (i < n) {
    while (i < n && source.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    while (i < n && source[i] !== '=' && source.charCodeAt(i) > 32) i++;
    const name = source.slice(nameStart, i);
    while (i < n && source.charCodeAt(i) <= 32) i++;
    if (source[i] !== '=') break;
    i++;
    while (i < n && source.charCodeAt(i) <= 32) i++;
    const quote = source[i];
    if (quote !== '"' && quote !== "'") break;
    const valueEnd = source.indexOf(quote, i + 1);
    if (valueEnd < 0) break;
    if (name && !name.startsWith('xmlns')) attributes[localName(name)] = decodeEntities(source.slice(i + 1, valueEnd));
    i = valueEnd + 1;
  }
  return attributes;
}

export function scanXml(bytes: Buffer, part: string, budget: ReadBudget, handler: XmlHandler): void {
  const { thing, normal, app, ext } = budget.wording;
  const damaged = (what: string): ImportError =>
    new ImportError(`无法读取「${fileLabel(budget.file)}」：${thing}内部的部件「${part}」已损坏（${what}）。请在 ${app} 中打开后另存为 ${ext} 再导入。`, budget.file);
  const n = bytes.length;
  let i = 0;
  let tags = 0;
  while (i < n) {
    const lt = bytes.indexOf(LT, i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && handler.wantsText) handler.text(decodeEntities(bytes.toString('utf8', i, textEnd)));
    if (lt < 0) return;
    if (++tags % TIME_CHECK_EVERY === 0) budget.checkTime();
    const next = bytes[lt + 1];
    if (next === QUESTION) {
      const end = bytes.indexOf('?>', lt + 2);
      if (end < 0) throw damaged('处理指令未结束');
      i = end + 2;
      continue;
    }
    if (next === BANG) {
      if (startsAt(bytes, lt, '<!--')) {
        const end = bytes.indexOf('-->', lt + 4);
        if (end < 0) throw damaged('注释未结束');
        i = end + 3;
      } else if (startsAt(bytes, lt, '<![CDATA[')) {
        const end = bytes.indexOf(']]>', lt + 9);
        if (end < 0) throw damaged('CDATA 未结束');
        if (handler.wantsText) handler.text(bytes.toString('utf8', lt + 9, end));
        i = end + 3;
      } else {
        throw new ImportError(
          `无法读取「${fileLabel(budget.file)}」：${thing}内部的部件「${part}」含有文档类型声明（DOCTYPE），正常的 ${normal}不会有，可能是恶意构造的文件，已拒绝读取。`,
          budget.file,
        );
      }
      continue;
    }
    const gt = findTagEnd(bytes, lt + 1);
    if (gt < 0) throw damaged('标记未结束');
    if (next === SLASH) {
      handler.close(localName(bytes.toString('latin1', lt + 2, gt).trim()));
    } else {
      const selfClosing = bytes[gt - 1] === SLASH;
      const source = bytes.toString('utf8', lt + 1, selfClosing ? gt - 1 : gt);
      let nameEnd = 0;
      while (nameEnd < source.length && source.charCodeAt(nameEnd) > 32) nameEnd++;
      handler.open(localName(source.slice(0, nameEnd)), parseAttributes(source, nameEnd), selfClosing);
      if (selfClosing) handler.close(localName(source.slice(0, nameEnd)));
    }
    i = gt + 1;
  }
}

const startsAt = (bytes: Buffer, at: number, ascii: string): boolean => bytes.toString('latin1', at, at + ascii.length) === ascii;

/** The '>' closing a tag, skipping any inside quoted attribute values. */
function findTagEnd(bytes: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOSTROPHE) {
      quote = b;
    } else if (b === GT) {
      return i;
    }
  }
  return -1;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_). */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
