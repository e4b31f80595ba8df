// A seeded generator of hostile workbooks, one class at a time (issue 15): damaged bytes, damaged or malicious XML,
// hostile numbers and formulas, huge ranges, zip bombs, broken zip structure, encrypted containers. Each case is
// built from a real fixture so the damaged file still looks like a budget workbook and goes deep into the importer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { ReadBudget, XLSX_LIMITS } from '../../src/main/import/xlsx/limits';
import { ZipParts } from '../../src/main/import/xlsx/zip';
import { deflateBomb } from '../helpers/raw-xlsx';
import { seededRandom } from '../helpers/rng';
import { writeZip } from '../helpers/stored-zip';

export interface HostileCase {
  name: string;
  kind: string;
  bytes: Buffer;
}

type Random = () => number;
type Parts = Map<string, Buffer>;

const FIXTURES = join(__dirname, '..', 'fixtures');
const BASE_XLSX = ['datong-2024-shanxi.xlsx', 'henan-2024-xinxiang.xlsx', 'real/shanghai-putuo-sfj-2026.xlsx', 'real/shanghai-putuo-czj-2024-juesuan.xlsx'];
const BASE_XLS = ['datong-2024-shanxi.xls'];
const MB = 1024 * 1024;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const unpacked = new Map<string, Parts>();
function partsOf(fixture: string): Parts {
  let parts = unpacked.get(fixture);
  if (!parts) {
    const zip = new ZipParts(readFileSync(join(FIXTURES, fixture)), new ReadBudget(fixture, XLSX_LIMITS));
    parts = new Map(zip.names.map((name) => [name, zip.read(name) as Buffer]));
    unpacked.set(fixture, parts);
  }
  return new Map(parts);
}

const pack = (parts: Parts): Buffer => writeZip([...parts].map(([name, data]) => ({ name, data, deflate: true })));
const sheetParts = (parts: Parts): string[] => [...parts.keys()].filter((name) => /worksheets\/sheet\d+\.xml$/.test(name));

/** Replaces a random match of pattern in a random sheet (or the whole sheet when nothing matches). */
function editSheet(parts: Parts, random: Random, pattern: RegExp, replace: (match: string) => string): void {
  const sheet = pick(random, sheetParts(parts));
  const xml = (parts.get(sheet) as Buffer).toString('utf8');
  const matches = [...xml.matchAll(new RegExp(pattern.source, 'g'))];
  if (matches.length === 0) return;
  const chosen = pick(random, matches);
  const at = chosen.index ?? 0;
  parts.set(sheet, Buffer.from(xml.slice(0, at) + replace(chosen[0]) + xml.slice(at + chosen[0].length)));
}

const HOSTILE_NUMBERS = ['1e308', '-1e308', 'NaN', 'Infinity', '-Infinity', '1e-400', '9'.repeat(100_000), '', '-0', '0x1F', ' 12 ', '1,234', '１２３', '1e21', '-9007199254740993', '.', '--1'];

const FORMULAS = [
  `${'('.repeat(4000)}1${')'.repeat(4000)}`,
  `${'-'.repeat(9000)}1`,
  'SUM(A1:XFD1048576)',
  'SUM(AA100:XFD1048576)*2',
  'A1+B1+C1+D1',
  'INDIRECT("A1")',
  '1/0',
  `${'A1+'.repeat(3000)}1`,
  'SUM(',
  ')))',
  'Sheet2!A1+1',
  "'表'!A1:B9",
];

const sqrefTail = (): string =>
  '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';

/** Each class: how to make one hostile file from a random stream. */
const CLASSES: Record<string, (random: Random) => Buffer> = {
  'byte-flip': (random) => {
    const bytes = Buffer.from(readFileSync(join(FIXTURES, pick(random, [...BASE_XLSX, ...BASE_XLS]))));
    for (let n = between(random, 1, 40); n > 0; n--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
    return bytes;
  },
  truncate: (random) => {
    const bytes = readFileSync(join(FIXTURES, pick(random, [...BASE_XLSX, ...BASE_XLS])));
    return bytes.subarray(0, Math.floor(random() * bytes.length));
  },
  'xml-damage': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    const name = pick(random, [...parts.keys()].filter((n) => n.endsWith('.xml') || n.endsWith('.rels')));
    const xml = parts.get(name) as Buffer;
    const at = Math.floor(random() * xml.length);
    const length = between(random, 1, 400);
    const soup = pick(random, ['<', '>', '"', '&', '&#0;', '&#x110000;', '<![CDATA[', '<!--', '<?x', '</c>', '<c r="A0">', '<row r="-5">', '<c r="ZZZZ9">', '\u0000', '\uFFFF']);
    const mutated = pick(random, [
      () => Buffer.concat([xml.subarray(0, at), xml.subarray(at + length)]),
      () => Buffer.concat([xml.subarray(0, at), Buffer.from(soup.repeat(between(random, 1, 50))), xml.subarray(at)]),
      () => Buffer.concat([xml.subarray(0, at), xml.subarray(at, at + length), xml.subarray(at)]),
      () => xml.subarray(0, at),
    ])();
    parts.set(name, mutated);
    return pack(parts);
  },
  'xml-entity': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    const name = pick(random, [...parts.keys()].filter((n) => n.endsWith('.xml')));
    const laughs = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}">${Array.from({ length: 8 }, (_, i) => `<!ENTITY b${i} "${'&a;'.repeat(10)}">`).join('')}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
    const xml = (parts.get(name) as Buffer).toString('utf8');
    const declarationEnd = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
    parts.set(name, Buffer.from(`${xml.slice(0, declarationEnd)}${laughs}${xml.slice(declarationEnd).replace(/<t>/, '<t>&xxe;&b7;')}`));
    return pack(parts);
  },
  'deep-xml': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    const depth = between(random, 10_000, 200_000);
    editSheet(parts, random, /<sheetData>/, (m) => `${m}${'<row><c><is>'.repeat(depth)}`);
    return pack(parts);
  },
  'hostile-number': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    for (let n = between(random, 1, 8); n > 0; n--) {
      const value = pick(random, HOSTILE_NUMBERS);
      // Sometimes as a date-formatted cell: style 0 may or may not be a date; any style index may not exist.
      const style = random() < 0.3 ? ` s="${between(random, 0, 400)}"` : '';
      editSheet(parts, random, /<c r="[A-Z]+\d+"[^>]*?(?:\/>|>(?:<f>[^<]*<\/f>)?<v>[^<]*<\/v><\/c>)/, (m) => `<c r="${/r="([A-Z]+\d+)"/.exec(m)?.[1]}"${style}><v>${value}</v></c>`);
    }
    return pack(parts);
  },
  'hostile-formula': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    for (let n = between(random, 1, 6); n > 0; n--) {
      const formula = pick(random, FORMULAS).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      editSheet(parts, random, /<c r="[A-Z]+\d+"[^>]*?>(?:<f>[^<]*<\/f>)?<v>[^<]*<\/v><\/c>/, (m) => `<c r="${/r="([A-Z]+\d+)"/.exec(m)?.[1]}"><f>${formula}</f></c>`);
    }
    // A long chain of formulas without values down a fresh column.
    if (random() < 0.3) {
      const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${60_000 + i}"><c r="Z${60_000 + i}"><f>Z${60_000 + i - 1}+1</f></c></row>`).join('');
      editSheet(parts, random, /<\/sheetData>/, (m) => rows + m);
    }
    return pack(parts);
  },
  'huge-range': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    const variant = between(random, 0, 4);
    if (variant === 0) editSheet(parts, random, /<\/sheetData>/, (m) => m + sqrefTail());
    if (variant === 1) editSheet(parts, random, /<mergeCells[^>]*>|<\/sheetData>/, (m) => (m.startsWith('<merge') ? `${m}<mergeCell ref="B30:B1048576"/><mergeCell ref="A1:XFD1"/>` : `${m}<mergeCells><mergeCell ref="B30:B1048576"/></mergeCells>`));
    if (variant === 2) editSheet(parts, random, /<\/sheetData>/, (m) => `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>${m}`);
    if (variant === 4) editSheet(parts, random, /<dimension [^>]*>/, () => '<dimension ref="A1:XFD1048576"/>');
    if (variant === 3) {
      const count = between(random, 50_000, 150_000);
      editSheet(parts, random, /<\/sheetData>/, (m) => `${m}<mergeCells>${Array.from({ length: count }, (_, i) => `<mergeCell ref="AA${i + 1}:AB${i + 1}"/>`).join('')}</mergeCells>`);
    }
    return pack(parts);
  },
  'zip-bomb': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    const target = pick(random, [...sheetParts(parts), 'xl/sharedStrings.xml']);
    const megabytes = pick(random, [300, 600, 1500]);
    const bomb = deflateBomb('<?xml version="1.0"?><worksheet><sheetData>', ' '.repeat(MB), megabytes, '</sheetData></worksheet>');
    const declaredSize = random() < 0.5 ? 1000 : Math.min(megabytes * MB, 0xffffffff);
    return writeZip([...parts].map(([name, data]) => (name === target ? { name, data: Buffer.alloc(0), deflated: bomb, declaredSize } : { name, data, deflate: true })));
  },
  'zip-structure': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    const variant = between(random, 0, 4);
    if (variant === 0) parts.set('xl/_rels/workbook.xml.rels', Buffer.from((parts.get('xl/_rels/workbook.xml.rels') as Buffer).toString().replace(/Target="[^"]*sheet1\.xml"/, 'Target="../../../../etc/passwd"')));
    if (variant === 1) parts.delete(pick(random, [...parts.keys()]));
    if (variant === 2) parts.set('xl/worksheets/sheet1.xml', Buffer.alloc(0));
    const bytes = pack(parts);
    if (variant >= 3) {
      // A random directory entry: its data starts past the end of the file, or its compressed size is far too large.
      const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      let entry = bytes.readUInt32LE(end + 16);
      for (let skip = Math.floor(random() * bytes.readUInt16LE(end + 10)); skip > 0; skip--) {
        entry += 46 + bytes.readUInt16LE(entry + 28) + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
      }
      if (variant === 3) bytes.writeUInt32LE(0xfffffff0, entry + 42);
      else bytes.writeUInt32LE(0x7fffffff, entry + 20);
    }
    return bytes;
  },
  'many-cells': (random) => {
    // Rows and cells without addresses count on from the previous ones: 100 cells a row, repeated.
    const rows = pick(random, [15_000, 25_000]);
    const row = `<row>${'<c><v>1</v></c>'.repeat(100)}</row>`;
    const bomb = deflateBomb('<?xml version="1.0"?><worksheet><sheetData>', row, rows, '</sheetData></worksheet>');
    const parts = partsOf(pick(random, BASE_XLSX));
    const target = pick(random, sheetParts(parts));
    return writeZip([...parts].map(([name, data]) => (name === target ? { name, data: Buffer.alloc(0), deflated: bomb } : { name, data, deflate: true })));
  },
  encrypted: (random) => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, ...Array.from({ length: 64 }, () => Math.floor(random() * 256))]));
    XLSX.CFB.utils.cfb_add(container, 'EncryptedPackage', Buffer.alloc(between(random, 16, 4096), 7));
    return Buffer.from(XLSX.CFB.write(container, { type: 'buffer' }) as Uint8Array);
  },
  'many-sheets': (random) => {
    const parts = partsOf(pick(random, BASE_XLSX));
    const count = pick(random, [300, 1200]);
    const sheets = Array.from({ length: count }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1000}" r:id="rIdX${i}"/>`).join('');
    parts.set('xl/workbook.xml', Buffer.from((parts.get('xl/workbook.xml') as Buffer).toString().replace('</sheets>', `${sheets}</sheets>`)));
    const rels = Array.from({ length: count }, (_, i) => `<Relationship Id="rIdX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`).join('');
    parts.set('xl/_rels/workbook.xml.rels', Buffer.from((parts.get('xl/_rels/workbook.xml.rels') as Buffer).toString().replace('</Relationships>', `${rels}</Relationships>`)));
    return pack(parts);
  },
};

export const HOSTILE_CLASSES = Object.keys(CLASSES);

/** `count` cases, the classes taken in turn, every byte decided by the seed. */
export function* hostileCases(seed: number, count: number): Generator<HostileCase> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const kind = HOSTILE_CLASSES[i % HOSTILE_CLASSES.length] as string;
    const bytes = (CLASSES[kind] as (random: Random) => Buffer)(random);
    yield { name: `${String(i).padStart(5, '0')}-${kind}.xlsx`, kind, bytes };
  }
}
