// Hostile .xlsx files, built byte by byte: every one ends quickly in a Chinese refusal or a correct reading, within
// the read limits (src/main/import/xlsx/limits.ts), never by trusting what the file declares.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../src/main/import/errors';
import { getCell } from '../src/main/import/grid';
import { readWorkbook } from '../src/main/import/read-workbook';
import { readXlsx } from '../src/main/import/read-xlsx';
import { ReadBudget, XLSX_LIMITS, type XlsxLimits } from '../src/main/import/xlsx/limits';
import { deflateBomb, rawXlsx, rowXml, sheetXml } from './helpers/raw-xlsx';
import { makeTmpDir } from './helpers/tmp';

const tmp = makeTmpDir('hostile-files-');
afterAll(() => tmp.remove());

const MB = 1024 * 1024;
const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const spaces = ' '.repeat(MB);

/** Reads a workbook and returns the refusal's message, failing the test when it is not a Chinese ImportError. */
function refusal(buffer: Buffer, budget?: ReadBudget): string {
  try {
    readXlsx('敌意.xlsx', buffer, budget);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message).toMatch(/「敌意\.xlsx」/);
    expect(message).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}|Error|undefined/);
    return message;
  }
  throw new Error('expected a refusal');
}

const withLimits = (overrides: Partial<XlsxLimits>): ReadBudget => new ReadBudget('敌意.xlsx', { ...XLSX_LIMITS, ...overrides });

describe('zip bombs: inflating is capped on the bytes produced', () => {
  it('refuses a sheet that inflates to 1 GB, and one whose directory claims 1,000 bytes for it', () => {
    const bomb = deflateBomb(SHEET_HEAD, spaces, 1024, SHEET_TAIL);
    expect(bomb.length).toBeLessThan(2 * MB);
    for (const declaredSize of [1024 * MB + 100, 1000]) {
      const file = rawXlsx({ sheets: [{ name: '表1', part: { data: Buffer.alloc(0), deflated: bomb, declaredSize } }] });
      expect(refusal(file)).toMatch(/部件「xl\/worksheets\/sheet1\.xml」解压后超过上限（单个部件 128 MB，全部 384 MB）/);
    }
  });

  it('counts every part against the total, so many parts just under the part cap are refused too', () => {
    const part = { data: Buffer.alloc(0), deflated: deflateBomb(SHEET_HEAD, spaces, 3, SHEET_TAIL) };
    const sheets = Array.from({ length: 4 }, (_, i) => ({ name: `表${i + 1}`, part }));
    expect(refusal(rawXlsx({ sheets }), withLimits({ maxPartBytes: 4 * MB, maxTotalBytes: 10 * MB }))).toMatch(/解压后超过上限（单个部件 4 MB，全部 10 MB）/);
  });

  it('reads a part below the caps whatever size it declares', () => {
    const part = { data: Buffer.alloc(0), deflated: deflateBomb(SHEET_HEAD + rowXml(1, ['收入总计', 5]), spaces, 20, SHEET_TAIL), declaredSize: 10 };
    const grid = readXlsx('敌意.xlsx', rawXlsx({ sheets: [{ name: '表1', part }] }));
    expect(getCell(grid.sheets[0]!, 1, 2)?.value).toBe(5);
  });
});

describe('XML parts', () => {
  it('refuses a DOCTYPE (billion laughs, external entities) before any entity is expanded', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><sst><si><t>&lol9;</t></si></sst>`;
    expect(refusal(rawXlsx({ sheets: [{ name: '表1', xml: sheetXml('') }], parts: { 'xl/sharedStrings.xml': laughs } }))).toMatch(/部件「xl\/sharedStrings\.xml」含有文档类型声明（DOCTYPE）/);
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>').replace(/^<\?xml[^>]*>/, '')}`;
    expect(refusal(rawXlsx({ sheets: [{ name: '表1', xml: xxe }] }))).toMatch(/DOCTYPE/);
  });

  it('names the damaged part when a tag never ends', () => {
    expect(refusal(rawXlsx({ sheets: [{ name: '表1', xml: `${SHEET_HEAD}<row r="1"><c r="A1` }] }))).toMatch(/部件「xl\/worksheets\/sheet1\.xml」已损坏（标记未结束）/);
  });

  it('refuses more shared strings, formats, merges or sheets than the limits, naming the limit', () => {
    const strings = Array.from({ length: 20 }, (_, i) => `s${i}`);
    expect(refusal(rawXlsx({ sheets: [{ name: '表1' }], sharedStrings: strings }), withLimits({ sharedStrings: 10 }))).toMatch(/共享字符串数超过 10 的上限/);
    const merges = `<mergeCells>${Array.from({ length: 20 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('')}</mergeCells>`;
    expect(refusal(rawXlsx({ sheets: [{ name: '表1', xml: sheetXml('', merges) }] }), withLimits({ merges: 10 }))).toMatch(/工作表「表1」合并单元格数超过 10 的上限/);
    const styles = `<styleSheet><cellXfs>${'<xf numFmtId="0"/>'.repeat(20)}</cellXfs></styleSheet>`;
    expect(refusal(rawXlsx({ sheets: [{ name: '表1' }], stylesXml: styles }), withLimits({ styles: 10 }))).toMatch(/单元格格式数超过 10 的上限/);
    const sheets = Array.from({ length: 5 }, (_, i) => ({ name: `表${i}` }));
    expect(refusal(rawXlsx({ sheets }), withLimits({ sheets: 3 }))).toMatch(/工作表数超过 3 的上限/);
  });

  it('stops at the time limit with the same kind of answer', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => rowXml(i + 1, [i])).join('');
    expect(refusal(rawXlsx({ sheets: [{ name: '表1', xml: sheetXml(rows) }] }), withLimits({ seconds: 0 }))).toMatch(/超过 0 秒仍未完成，已停止/);
  });
});

describe('huge ranges cost nothing', () => {
  it('skips data validations and conditional formats over the whole sheet, and keeps a merge to the last row', () => {
    const after =
      '<mergeCells count="1"><mergeCell ref="B30:B1048576"/></mergeCells>' +
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    const rows = rowXml(30, ['项目', 1]) + rowXml(31, ['项目', 2]) + rowXml(32, [{ f: 'SUM(AA100:XFD1048576)+B30' }]);
    const grid = readXlsx('范围.xlsx', rawXlsx({ sheets: [{ name: '表1', xml: sheetXml(rows, after) }] }));
    const sheet = grid.sheets[0]!;
    expect(sheet.merges).toEqual([{ top: 30, left: 2, bottom: 1_048_576, right: 2 }]);
    expect(getCell(sheet, 30, 2)?.value).toBe(1);
    // Inside the merge, below its top cell, the value is hidden as Excel hides it.
    expect(getCell(sheet, 31, 2)).toBeUndefined();
    expect(getCell(sheet, 32, 1)?.value).toBe('1');
  });

  it('refuses data written beyond the row limit as soon as it is met', () => {
    const rows = rowXml(1, ['标题']) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>';
    expect(refusal(rawXlsx({ sheets: [{ name: '表1', xml: sheetXml(rows) }] }))).toMatch(/工作表「表1」数据范围过大（1048576 行 × 16384 列）/);
  });
});

describe('cell shapes the reader must get right', () => {
  it('reads shared strings with rich text and phonetic guides, escapes, booleans, errors, dates and prefixed names', () => {
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>一般公共</t></r><r><t xml:space="preserve">预算 </t></r><rPh sb="0" eb="1"><t>ヨ</t></rPh></si><si><t>合计_x000D_</t></si></sst>';
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c></x:row>' +
      '<x:row><x:c s="2"><x:v>45322</x:v></x:c><x:c s="2"><x:v>1e308</x:v></x:c><x:c s="2"><x:v>-1e308</x:v></x:c><x:c><x:v>NaN</x:v></x:c><x:c s="1"><x:v>1234.5</x:v></x:c><x:c t="d"><x:v>2024-02-29T00:00:00Z</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const grid = readXlsx('形状.xlsx', rawXlsx({ sheets: [{ name: '表1', xml: sheet }], parts: { 'xl/sharedStrings.xml': sst } }));
    const cells = grid.sheets[0]!;
    expect([1, 2, 3].map((c) => getCell(cells, 1, c)?.value)).toEqual(['一般公共预算 ', '合计\r', 'TRUE']);
    expect(getCell(cells, 1, 4)).toEqual({ value: null, error: '#REF!' });
    expect(getCell(cells, 2, 1)?.value).toBe('2024-01-31');
    expect([2, 3].map((c) => getCell(cells, 2, c)?.value)).toEqual(['（无效日期）', '（无效日期）']);
    expect(getCell(cells, 2, 4)?.value).toBe('NaN');
    expect(getCell(cells, 2, 5)).toEqual({ value: 1234.5, decimals: 2 });
    expect(getCell(cells, 2, 6)?.value).toBe('2024-02-29');
  });

  it('moves a shared formula to each cell of its range and evaluates it when no value was saved', () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+B1</f></c></row>' +
      '<row r="2"><c r="A2"><v>10</v></c><c r="B2"><v>20</v></c><c r="C2"><f t="shared" si="0"/></c></row>' +
      '<row r="3"><c r="A3"><v>100</v></c><c r="B3"><v>200</v></c><c r="C3"><f t="shared" si="0"/><v>300</v></c></row>';
    const sheet = readXlsx('共享.xlsx', rawXlsx({ sheets: [{ name: '表1', xml: sheetXml(rows) }] })).sheets[0]!;
    expect([1, 2, 3].map((r) => getCell(sheet, r, 3)?.formula)).toEqual(['A1+B1', 'A2+B2', 'A3+B3']);
    expect([1, 2, 3].map((r) => getCell(sheet, r, 3)?.value)).toEqual(['3', '30', 300]);
  });

  it('refuses an encrypted part and an unknown compression method in Chinese', () => {
    const encrypted = rawXlsx({ sheets: [{ name: '表1' }] });
    // Flag bit 0 in the workbook part's central directory entry: the entry is encrypted.
    const entry = encrypted.lastIndexOf(Buffer.from('xl/workbook.xml')) - 46;
    expect(encrypted.readUInt32LE(entry)).toBe(0x02014b50);
    const copy = Buffer.from(encrypted);
    copy.writeUInt16LE(copy.readUInt16LE(entry + 8) | 1, entry + 8);
    expect(refusal(copy)).toMatch(/设置了打开密码/);
    const unknown = Buffer.from(encrypted);
    unknown.writeUInt16LE(12, entry + 10);
    expect(refusal(unknown)).toMatch(/不支持的压缩方式/);
  });

  it('reads the workbook from a file on disk the same way (the path every command takes)', async () => {
    const file = tmp.file('磁盘.xlsx');
    writeFileSync(file, rawXlsx({ sheets: [{ name: '表1', xml: sheetXml(rowXml(1, ['收入总计', 12.5])) }] }));
    const grid = await readWorkbook(file);
    expect(getCell(grid.sheets[0]!, 1, 2)?.value).toBe(12.5);
  });
});
