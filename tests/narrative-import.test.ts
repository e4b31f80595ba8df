// Reading a 情况说明 (src/main/import/narrative) and keeping the narrative part of a whole document
// (src/shared/narrative/extract.ts): every seed and every real published text, .docx files written here with the
// test zip writer, GBK/UTF-8/UTF-16 text, the text sheets of the 上海 template, and bad input refused in Chinese.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractNarrative } from '../src/shared/narrative/extract';
import { ImportError } from '../src/main/import/errors';
import { docxParagraphs } from '../src/main/import/narrative/docx';
import { readNarrative } from '../src/main/import/narrative/read-narrative';
import { decodeText, textParagraphs } from '../src/main/import/narrative/text';
import { DOCX_WORDING, ReadBudget, XLSX_LIMITS } from '../src/main/import/xlsx/limits';
import { ZipParts } from '../src/main/import/xlsx/zip';
import { DATONG_XLSX, FIXTURES, SHANGHAI_XLSX } from './helpers/seed';
import { writeZip } from './helpers/stored-zip';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
beforeAll(() => {
  tmp = makeTmpDir('narrative-import-');
});
afterAll(() => tmp.remove());

const CJK = /[\u4e00-\u9fff]/;
const paragraphsOfFile = (file: string): string[] => textParagraphs(decodeText(readFileSync(file), file));

/** Expect `run` to throw a Chinese ImportError naming `name`. */
async function refused(run: () => Promise<unknown>, name: string, says?: RegExp): Promise<string> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const message = (error as ImportError).message;
  expect(message).toMatch(CJK);
  expect(message).toContain(name);
  if (says) expect(message).toMatch(says);
  return message;
}

// ---- extraction over every seed and real text --------------------------------------------------------------------

/** [file under tests/fixtures, [heading that starts a kept part, heading that ends it (null: the end)]…] */
const DOCUMENTS: [string, [string, string | null][]][] = [
  ['seeds/000_8a413295a909103c.txt', [['第三部分 2024年度部门预算情况说明', '第四部分 名词解释'], ['第四部分 名词解释', null]]],
  [
    'seeds/002_a3c572185d017714.txt',
    [
      ['第三部分  单位决算情况说明', '一般公共预算财政拨款“三公”经费支出决算情况说明'],
      // The document lost the numbers of these two headings (七、 and （三）); they start parts of the same kind.
      ['一般公共预算财政拨款“三公”经费支出决算情况说明', '国有资产占用情况说明'],
      ['国有资产占用情况说明', '第四部分   名词解释'],
      ['第四部分   名词解释', null],
    ],
  ],
  // Markdown: 「## 第二部分」 over 「### 新乡市…情况说明」; the 附件 (the tables) ends it.
  ['seeds/003_62d2f9c512e236c2.txt', [['新乡市金融工作局 2024 年度部门预算情况说明', '名词解释'], ['名词解释', '附件：']]],
  ['real/text/shanghai-putuo-czj-2024-juesuan.txt', [['第三部分上海市普陀区财政局2024年度部门决算情况说明', '第四部分名词解释'], ['第四部分名词解释', null]]],
  // The PDF wrapped the heading: 「第三部分…部门决算」 +「情况说明」 is one heading.
  ['real/text/shanghai-putuo-ghzyj-2024-juesuan.txt', [['第三部分上海市普陀区规划和自然资源局 2024 年度部门决算情况说明', '第四部分名词解释'], ['第四部分名词解释', null]]],
  ['real/text/shanghai-putuo-shgzb-2024-juesuan.txt', [['第三部分中共上海市普陀区委社会工作部 2024 年度部门决算情况说明', '第四部分名词解释'], ['第四部分名词解释', null]]],
  ['real/text/shanghai-putuo-czj-2024-juesuan-PLANTED.txt', [['2023年度部门决算情况说明第三部分上海市普陀区财政局', '第四部分名词解释'], ['第四部分名词解释', null]]],
  ...(['czj-2025', 'wanlijd-2024', 'wanlijd-2025'] as const).map((name): [string, [string, string | null][]] => {
    const year = name.slice(-4);
    return [`real/text/shanghai-putuo-${name}.txt`, [['名词解释', `${year}年部门预算编制说明`], [`${year}年部门预算编制说明`, '其他相关情况说明'], ['其他相关情况说明', '项目经费情况说明'], ['项目经费情况说明', null]]];
  }),
  ['real/text/shanghai-putuo-wanlijd-2023.txt', [['名词解释', '部门预算编制说明'], ['部门预算编制说明', '其他相关情况说明'], ['其他相关情况说明', '项目经费情况说明'], ['项目经费情况说明', null]]],
  ['real/text/shanghai-putuo-sfj-2026.txt', [['名词解释', '2026年部门预算编制说明'], ['2026年部门预算编制说明', '其他相关情况说明'], ['其他相关情况说明', '人民调解项目经费情况说明'], ['人民调解项目经费情况说明', null]]],
  ['real/text/shanghai-putuo-zfb-2025.txt', [['名词解释', '2025年部门预算编制说明'], ['2025年部门预算编制说明', '其他相关情况说明'], ['其他相关情况说明', '区政府督查及建议提案工作业务经费项目经费情况说明'], ['区政府督查及建议提案工作业务经费项目经费情况说明', null]]],
  [
    'real/text/shanghai-putuo-swj-2025.txt',
    [
      ['名词解释', '2025年部门预算编制说明'],
      ['2025年部门预算编制说明', '其他相关情况说明'],
      ['其他相关情况说明', '科技创新专项经费情况说明'],
      ['科技创新专项经费情况说明', '生命健康专项（政策资金）经费情况说明'],
      ['生命健康专项（政策资金）经费情况说明', '商业创新专项（政策资金）经费情况说明'],
      ['商业创新专项（政策资金）经费情况说明', '贸易高质量发展专项（政策资金）经费情况说明'],
      ['贸易高质量发展专项（政策资金）经费情况说明', null],
    ],
  ],
  ['real/text/shanghai-putuo-flyuan-unit-2024.txt', [['名词解释', '2024年单位预算编制说明'], ['2024年单位预算编制说明', '其他相关情况说明'], ['其他相关情况说明', null]]],
  ...(['sfj-unit-2026', 'swj-unit-2025', 'zfb-unit-2025'] as const).map((name): [string, [string, string | null][]] => [
    `real/text/shanghai-putuo-${name}.txt`,
    [['名词解释', `${name.slice(-4)}年单位预算编制说明`], [`${name.slice(-4)}年单位预算编制说明`, '其他相关情况说明'], ['其他相关情况说明', null]],
  ]),
  ['real/text/shanghai-shiji-czj-unit-2025.txt', [['名词解释', '2025年单位预算编制说明'], ['2025年单位预算编制说明', '其他相关情况说明'], ['其他相关情况说明', null]]],
];

describe('the 情况说明 part of a whole document', () => {
  it('covers every seed and real text', () => {
    const listed = new Set([...DOCUMENTS.map(([file]) => file), 'seeds/004_aedbfb676f908326.txt', 'henan-2024-seed003.txt']);
    const present = [
      ...['seeds/000_8a413295a909103c.txt', 'seeds/002_a3c572185d017714.txt', 'seeds/003_62d2f9c512e236c2.txt', 'seeds/004_aedbfb676f908326.txt'],
      ...readdirSync(join(FIXTURES, 'real', 'text'))
        .filter((name) => name.endsWith('.txt'))
        .map((name) => `real/text/${name}`),
    ];
    for (const file of present) expect(listed, file).toContain(file);
  });

  it.each(DOCUMENTS)('%s: kept from the 情况说明 heading, stopped by the next part', (file, parts) => {
    const paragraphs = paragraphsOfFile(join(FIXTURES, file));
    const extract = extractNarrative(paragraphs);
    expect(extract.found).toBe(true);
    expect(extract.parts.map((p) => [p.heading, p.endedBy ?? null])).toEqual(parts);
    // The narrative starts at its first heading; no table row, 目录 entry or page number is kept.
    expect(extract.paragraphs[0]).toBe(paragraphs[extract.parts[0]?.at ?? -1]);
    for (const p of extract.paragraphs) {
      expect(p).not.toContain('\t');
      expect(p).not.toMatch(/\.{4,}|…{3,}/);
      expect(p).not.toMatch(/^\d{1,3}$/);
    }
    // Sentences that state figures are there; the 概况 before the narrative is not.
    expect(extract.paragraphs.some((p) => /万元/.test(p))).toBe(true);
    expect(extract.paragraphs.some((p) => /主要职能$|^第一部分/.test(p))).toBe(false);
    expect(extract.paragraphs.length).toBeLessThan(paragraphs.length / 2);
  });

  it('keeps the 上海 编制说明 and 其他相关情况说明 but not the nine tables between them', () => {
    const { paragraphs } = extractNarrative(paragraphsOfFile(join(FIXTURES, 'real', 'text', 'shanghai-putuo-sfj-2026.txt')));
    expect(paragraphs).toContain('2026年“三公”经费预算数为10.81万元，比2025年预算持平。其中：');
    // A sentence the PDF wrapped after 「与」 comes back whole.
    expect(paragraphs.find((p) => p.startsWith('（二）公务用车购置及运行费'))).toContain('公务用车运行费9.98万元，与2025年预算持平');
    expect(paragraphs.some((p) => /预算总表$|^编制部门|^单位[:：]/.test(p))).toBe(false);
    expect(paragraphs).not.toContain('合计');
  });

  it('drops the 绩效目标表 printed inside the narrative, and keeps the glossary after it', () => {
    const { paragraphs } = extractNarrative(paragraphsOfFile(join(FIXTURES, 'seeds', '000_8a413295a909103c.txt')));
    expect(paragraphs).toContain('十、绩效管理情况');
    expect(paragraphs.some((p) => p.includes('项目支出绩效目标表'))).toBe(false);
    expect(paragraphs.some((p) => p.startsWith('一、基本支出：指为保障机构正常运转'))).toBe(true);
  });

  it.each(['seeds/004_aedbfb676f908326.txt', 'henan-2024-seed003.txt'])('%s names no 情况说明 part: everything is kept', (file) => {
    const paragraphs = paragraphsOfFile(join(FIXTURES, file));
    const extract = extractNarrative(paragraphs);
    expect(extract).toEqual({ paragraphs, found: false, parts: [] });
  });

  it('starts at a numbered 情况说明 heading when there is no part heading, after the 目录 lists it', () => {
    const extract = extractNarrative([
      '某局2024年部门预算',
      '目录',
      '一、收入预算情况说明……………3',
      '二、支出预算情况说明……………4',
      '某局是主管某项工作的部门，主要职责是组织实施。',
      '一、收入预算情况说明',
      '2024年收入预算100万元，比上年增加10万元。',
      '二、支出预算情况说明',
      '2024年支出预算100万元。',
    ]);
    expect(extract.found).toBe(true);
    expect(extract.parts).toEqual([{ heading: '一、收入预算情况说明', kind: 'narrative', at: 5 }]);
    expect(extract.paragraphs).toEqual(['一、收入预算情况说明', '2024年收入预算100万元，比上年增加10万元。', '二、支出预算情况说明', '2024年支出预算100万元。']);
  });

  it('keeps a narrative that has no heading whole', () => {
    const text = ['2024年收入预算100万元。', '其中：财政拨款100万元。'];
    expect(extractNarrative(text)).toEqual({ paragraphs: text, found: false, parts: [] });
    expect(extractNarrative([])).toEqual({ paragraphs: [], found: false, parts: [] });
  });
});

// ---- plain text ------------------------------------------------------------------------------------------------

describe('plain text', () => {
  const SENTENCE = '三、支出预算情况说明\r\n2024年度支出预算472.39万元，其中：基本支出372.39万元。\r\n';
  const EXPECTED = ['三、支出预算情况说明', '2024年度支出预算472.39万元，其中：基本支出372.39万元。'];

  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and GBK/GB18030', async () => {
    const gbk = Buffer.from(
      'c8fda1a2d6a7b3f6d4a4cbe3c7e9bff6cbb5c3f70d0a32303234c4eab6c8d6a7b3f6d4a4cbe33437322e3339cdf2d4aaa3acc6e4d6d0a3babbf9b1bed6a7b3f63337322e3339cdf2d4aaa1a30d0a',
      'hex',
    );
    const files: [string, Buffer][] = [
      ['utf8.txt', Buffer.from(SENTENCE, 'utf8')],
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE, 'utf8')])],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, 'utf16le')])],
      ['gbk.txt', gbk],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(tmp.file(name), bytes);
      const read = await readNarrative(tmp.file(name));
      expect(read.narrative, name).toEqual({ paragraphs: EXPECTED, source: name });
      expect(read.format).toBe('text');
      // A 情况说明 heading was found: the narrative starts there.
      expect(read.found).toBe(true);
    }
    // The GBK bytes are no UTF-8: decoded as UTF-8 they would not read back.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
  });

  it('one paragraph per line; blank lines separate; Markdown marks removed; closing punctuation continues a line', () => {
    expect(textParagraphs('## 一、概况\n\n**本部门**是某局。\r\n\r\n（二）负责审核\n。负责信息化建设。\n')).toEqual(['一、概况', '本部门是某局。', '（二）负责审核。负责信息化建设。']);
  });

  it('joins the lines a PDF conversion wrapped at its width, not a heading and not a numbered item', () => {
    const full = '本部门2026年“三公”经费预算数为10.81万元，其中公务用车运行费9.98万元，与'; // a full line ending mid-sentence
    const lines = [
      '上海市普陀区某局主要职能',
      ...Array.from({ length: 6 }, (_, i) => `（${'一二三四五六'[i]}）负责本区某项工作的统筹规划和组织实施，拟订本区相关工作的年度计划并监督执行。`),
      full,
      '2025年预算持平。',
      '二、机关运行经费预算',
    ];
    const paragraphs = textParagraphs(lines.join('\n'));
    expect(paragraphs[0]).toBe('上海市普陀区某局主要职能');
    expect(paragraphs).toContain(`${full}2025年预算持平。`);
    expect(paragraphs[paragraphs.length - 1]).toBe('二、机关运行经费预算');
  });

  it('refuses binary bytes and undecodable text in Chinese, naming the file', async () => {
    writeFileSync(tmp.file('binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x89, 0x50, 0x4e, 0x47]));
    await refused(() => readNarrative(tmp.file('binary.txt')), 'binary.txt', /不是文本文件/);
    writeFileSync(tmp.file('empty.txt'), '');
    await refused(() => readNarrative(tmp.file('empty.txt')), 'empty.txt', /空文件/);
    writeFileSync(tmp.file('blank.txt'), '\n \n\u3000\n');
    await refused(() => readNarrative(tmp.file('blank.txt')), 'blank.txt', /没有找到情况说明/);
    await refused(() => readNarrative(tmp.file('missing.txt')), 'missing.txt', /找不到/);
  });

  it('refuses a narrative larger than a book holds', async () => {
    writeFileSync(tmp.file('huge.txt'), Array.from({ length: 5001 }, (_, i) => `第${i}句。`).join('\n'));
    await refused(() => readNarrative(tmp.file('huge.txt')), 'huge.txt', /5001 段，超过 5000 段/);
  });
});

// ---- Word .docx ------------------------------------------------------------------------------------------------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const p = (...runs: string[]): string => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string): string => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const row = (...cells: string[]): string => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr/>${c || '<w:p/>'}</w:tc>`).join('')}</w:tr>`;

function docx(body: string, options: { part?: string; deflate?: boolean; prolog?: string } = {}): Buffer {
  const part = options.part ?? 'word/document.xml';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${options.prolog ?? ''}<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES.replace('/word/document.xml', `/${part}`)) },
    { name: part, data: Buffer.from(xml), deflate: options.deflate ?? true },
  ]);
}

describe('Word .docx', () => {
  it('reads paragraphs, runs, tabs, breaks and entities; table rows become tab-separated paragraphs', async () => {
    const body = [
      p(r('第三部分 2024年度部门预算情况说明')),
      p(r('一、收入预算'), r('情况说明')),
      p(r('2024年收入预算472.39万元，'), '<w:r><w:t>比上年减少&lt;376.55&gt;万元&amp;下降。</w:t></w:r>'),
      // A tracked deletion and a field code are no text; a soft line break ends the paragraph.
      p(r('主要原因是'), '<w:del><w:r><w:delText>错误的原因</w:delText></w:r></w:del>', '<w:r><w:instrText> PAGE </w:instrText></w:r>', r('人员减少。'), '<w:r><w:br/></w:r>', r('二、支出预算情况说明')),
      p('<w:r><w:t>项目</w:t><w:tab/><w:t>金额</w:t></w:r>'),
      // A text box: the Choice is read, its Fallback copy is not.
      p(r('见图'), `<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>${p(r('框内文字。'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('框内文字。'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
      `<w:tbl><w:tblPr/>${row(p(r('科目')), p(r('金额')))}${row(p(r('基本支出')), p(r('372.39')))}${row(p(r('注：单位万元')), '')}</w:tbl>`,
      p(),
      p(r('　　三、“三公”经费情况说明　')),
    ].join('');
    writeFileSync(tmp.file('说明.docx'), docx(body));
    const read = await readNarrative(tmp.file('说明.docx'));
    expect(read.format).toBe('docx');
    expect(read.parts.map((part) => part.heading)).toEqual(['第三部分 2024年度部门预算情况说明']);
    // The table rows (and the 注 under them) are a table inside the narrative: left out, as in a text file.
    expect(read.narrative).toEqual({
      source: '说明.docx',
      paragraphs: [
        '第三部分 2024年度部门预算情况说明',
        '一、收入预算情况说明',
        '2024年收入预算472.39万元，比上年减少<376.55>万元&下降。',
        '主要原因是人员减少。',
        '二、支出预算情况说明',
        '框内文字。',
        '见图',
        '三、“三公”经费情况说明',
      ],
    });
    // Before extraction the rows are there, one paragraph each, cells separated by tabs.
    const zip = new ZipParts(readFileSync(tmp.file('说明.docx')), new ReadBudget('说明.docx', XLSX_LIMITS, DOCX_WORDING));
    const all = docxParagraphs(zip, new ReadBudget('说明.docx', XLSX_LIMITS, DOCX_WORDING));
    expect(all).toContain('项目\t金额');
    expect(all).toContain('科目\t金额');
    expect(all).toContain('基本支出\t372.39');
  });

  it('finds the main part through [Content_Types].xml', async () => {
    writeFileSync(tmp.file('moved.docx'), docx(p(r('2024年收入预算100万元。')), { part: 'word/document2.xml' }));
    expect((await readNarrative(tmp.file('moved.docx'))).narrative.paragraphs).toEqual(['2024年收入预算100万元。']);
  });

  it('refuses a DOCTYPE, a damaged zip, a part past its cap, a zip without a document, and a .doc, naming the file', async () => {
    writeFileSync(tmp.file('xxe.docx'), docx(p(r('&xxe;')), { prolog: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' }));
    const xxe = await refused(() => readNarrative(tmp.file('xxe.docx')), 'xxe.docx', /DOCTYPE/);
    expect(xxe).toContain('正常的 Word 文档不会有');

    const whole = docx(p(r('2024年收入预算100万元。')));
    writeFileSync(tmp.file('cut.docx'), whole.subarray(0, whole.length - 30));
    const cut = await refused(() => readNarrative(tmp.file('cut.docx')), 'cut.docx', /已损坏/);
    expect(cut).toContain('Word/WPS');
    expect(cut).not.toContain('.xlsx');

    const big = docx(p(r('很长的一段话。'.repeat(500))));
    const budget = new ReadBudget('big.docx', { ...XLSX_LIMITS, maxPartBytes: 2000 }, DOCX_WORDING);
    expect(() => docxParagraphs(new ZipParts(big, budget), budget)).toThrow(/远超正常情况说明文档/);

    writeFileSync(tmp.file('other.zip'), writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]));
    await refused(() => readNarrative(tmp.file('other.zip')), 'other.zip', /既不是 Word 文档/);

    const doc = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc);
    Buffer.from('WordDocument', 'utf16le').copy(doc, 1024);
    writeFileSync(tmp.file('old.doc'), doc);
    await refused(() => readNarrative(tmp.file('old.doc')), 'old.doc', /另存为 \.docx/);
  });
});

// ---- the text sheets of a workbook ------------------------------------------------------------------------------

describe('the narrative sheets of a workbook', () => {
  it('reads every sheet without a table, one paragraph per line of a cell, in order; 封面 and 目录 are left out', async () => {
    const read = await readNarrative(SHANGHAI_XLSX);
    expect(read.format).toBe('workbook');
    expect(read.summary).toBe('已读取「shanghai-2026-department-template.xlsx」中的情况说明：工作表「部门主要职能」「部门机构设置」「名词解释」「部门编制说明」「其他相关情况说明」「项目经费情况说明」，共 59 段。');
    const { paragraphs } = read.narrative;
    expect(paragraphs[0]).toBe('XX（部门）主要职能');
    expect(paragraphs.indexOf('名词解释')).toBeGreaterThan(0);
    expect(paragraphs.indexOf('2026年部门预算编制说明')).toBeGreaterThan(paragraphs.indexOf('名词解释'));
    expect(paragraphs.indexOf('其他相关情况说明')).toBeGreaterThan(paragraphs.indexOf('2026年部门预算编制说明'));
    expect(paragraphs).toContain('一、2026年“三公”经费预算情况说明');
    // Nothing of the cover, the 目录 or the nine table sheets.
    expect(paragraphs.some((p) => /^预算主管部门：|…{4,}|^目\s*录$|财务收支预算总表$|^编制部门/.test(p))).toBe(false);
  });

  it('a real 上海 workbook keeps its template text sheets', async () => {
    const read = await readNarrative(join(FIXTURES, 'real', 'shanghai-putuo-sfj-2026.xlsx'));
    expect(read.narrative.paragraphs).toContain('其他相关情况说明');
  });

  it('a workbook with tables only has no narrative', async () => {
    await refused(() => readNarrative(DATONG_XLSX), 'datong-2024-shanxi.xlsx', /没有找到情况说明/);
  });
});
