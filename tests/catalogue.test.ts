import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  Catalogue,
  CatalogueError,
  CLASSIFICATION_IDS,
  CODE_LENGTHS,
  bundledCatalogueFiles,
  defaultCatalogue,
  joinCodeParts,
  normaliseName,
  splitCode,
  type CatalogueFile,
  type ClassificationId,
} from '../src/shared/catalogue';

const here = dirname(fileURLToPath(import.meta.url));
const resources = join(here, '..', 'resources', 'catalogue');
const seedsDir = join(here, 'fixtures', 'seeds');

const THIRTY_CLASSES: [string, string][] = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['209', '社会保险基金支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['227', '预备费'],
  ['229', '其他支出'],
  ['230', '转移性支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['233', '债务发行费用支出'],
  ['234', '抗疫特别国债安排的支出'],
];

/** Seed 000 表二 (预算收入总表), as printed. */
const SEED_000_TABLE_2: [string, string][] = [
  ['201', '一般公共服务支出'],
  ['20103', '政府办公厅（室）及相关机构事务'],
  ['2010301', '行政运行'],
  ['2010350', '事业运行'],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出'],
  ['208', '社会保障和就业支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['210', '卫生健康支出'],
  ['21007', '计划生育事务'],
  ['2100799', '其他计划生育事务支出'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['2101103', '公务员医疗补助'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
  ['2210202', '提租补贴'],
];

const FILES: [string, ClassificationId][] = [
  ['function-2024.json', 'function'],
  ['economic-dept-2024.json', 'economicDept'],
  ['economic-gov-2024.json', 'economicGov'],
  ['gov-fund-income-2024.json', 'govFundIncome'],
  ['state-capital-income-2024.json', 'stateCapitalIncome'],
];

const cat = defaultCatalogue();

describe('bundled data files', () => {
  it.each(FILES)('%s is well formed: valid codes, no duplicates, every 款/项 has its parent', (file, id) => {
    const raw = JSON.parse(readFileSync(join(resources, file), 'utf8')) as CatalogueFile & { levels?: number[] };
    expect(raw.classification).toBe(id);
    // The file states its code lengths for readers of the data; the code's one constant must agree.
    expect(raw.levels).toEqual(CODE_LENGTHS[id]);
    expect(raw.version).toBe('2024');
    const codes = raw.entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const known = new Set(codes);
    for (const { code, name } of raw.entries) {
      expect(code).toMatch(/^\d+$/);
      expect(CODE_LENGTHS[id]).toContain(code.length);
      expect(name.trim()).toBe(name);
      expect(name).not.toBe('');
      // Official names print full-width brackets and no spaces.
      expect(name).not.toMatch(/[()\s]/);
      const parentLength = CODE_LENGTHS[id][CODE_LENGTHS[id].indexOf(code.length) - 1];
      if (parentLength !== undefined) expect(known.has(code.slice(0, parentLength)), `${code} needs its parent`).toBe(true);
    }
    // Sorted by code, i.e. tree order.
    expect([...codes].sort()).toEqual(codes);
  });

  it('loads all five classifications with version 2024', () => {
    expect(cat.classifications().sort()).toEqual([...CLASSIFICATION_IDS].sort());
    for (const id of CLASSIFICATION_IDS) expect(cat.version(id)).toBe('2024');
    expect(bundledCatalogueFiles()).toHaveLength(5);
  });
});

describe('function classification', () => {
  it('has exactly the 30 classes with the official codes and names', () => {
    expect(cat.classes('function').map((e) => [e.code, e.name])).toEqual(THIRTY_CLASSES);
  });

  it.each(SEED_000_TABLE_2)('seed 000 表二 %s %s resolves with the printed name and its parents', (code, name) => {
    expect(cat.get('function', code)?.name).toBe(name);
    expect(cat.checkName('function', code, name).status).toBe('match');
    let parent = cat.parentCode('function', code);
    while (parent !== undefined) {
      expect(cat.has('function', parent)).toBe(true);
      parent = cat.parentCode('function', parent);
    }
  });

  it('knows the 款 and 项 named in the brief', () => {
    const expected: [string, string][] = [
      ['20101', '人大事务'],
      ['20102', '政协事务'],
      ['20104', '发展与改革事务'],
      ['2080501', '行政单位离退休'],
      ['2080502', '事业单位离退休'],
      ['2080506', '机关事业单位职业年金缴费支出'],
      ['2080599', '其他行政事业单位养老支出'],
      ['2101199', '其他行政事业单位医疗支出'],
      ['2210203', '购房补贴'],
    ];
    for (const [code, name] of expected) expect(cat.get('function', code)?.name).toBe(name);
  });

  it('derives levels and parents from the code structure', () => {
    expect(cat.levelOf('function', '201')).toBe('class');
    expect(cat.levelOf('function', '20103')).toBe('section');
    expect(cat.levelOf('function', '2010301')).toBe('item');
    expect(cat.levelOf('function', '2010')).toBeUndefined();
    expect(cat.levelOf('function', '20103a1')).toBeUndefined();
    expect(cat.levelOf('economicDept', '30101')).toBe('section');
    expect(cat.levelOf('economicDept', '3010101')).toBeUndefined();
    expect(cat.parentCode('function', '2010301')).toBe('20103');
    expect(cat.parentCode('function', '20103')).toBe('201');
    expect(cat.parentCode('function', '201')).toBeUndefined();
    expect(cat.parentCode('economicGov', '50501')).toBe('505');
    expect(cat.ancestors('function', '2010301').map((e) => e.code)).toEqual(['201', '20103']);
  });

  it('lists children in code order', () => {
    expect(cat.children('function', '22102').map((e) => e.code)).toEqual(['2210201', '2210202', '2210203']);
    expect(cat.children('function', '21011').map((e) => e.name)).toEqual([
      '行政单位医疗',
      '事业单位医疗',
      '公务员医疗补助',
      '其他行政事业单位医疗支出',
    ]);
    expect(cat.children('function', '2010301')).toEqual([]);
    expect(cat.children('function', '999')).toEqual([]);
  });

  it('cleans codes typed or read from numeric cells', () => {
    expect(cat.get('function', ' 2010301 ')?.name).toBe('行政运行');
    expect(cat.get('function', '２０１０３０１')?.name).toBe('行政运行');
    expect(cat.get('function', 2010301)?.name).toBe('行政运行');
    expect(cat.get('function', '2010301.0')?.name).toBe('行政运行');
  });
});

describe('findByName', () => {
  it('finds full-width entries from half-width brackets, spaces and line breaks', () => {
    expect(cat.findByName('function', '政府办公厅(室)及相关机构事务').map((e) => e.code)).toEqual(['20103']);
    expect(cat.findByName('function', '其他政府办公厅 (室) 及相关机构\n事务支出').map((e) => e.code)).toEqual([
      '2010399',
    ]);
    expect(cat.findByName('economicDept', '维修(护)费').map((e) => e.code)).toEqual(['30213']);
    expect(cat.findByName('economicGov', '因公出国(境)费用').map((e) => e.code)).toEqual(['50207']);
    expect(normaliseName('（室）')).toBe(normaliseName('(室)'));
  });

  it('narrows by parent code and level', () => {
    const all = cat.findByName('function', '行政运行');
    expect(all.length).toBeGreaterThan(10);
    expect(cat.findByName('function', '行政运行', { parentCode: '20103' }).map((e) => e.code)).toEqual(['2010301']);
    expect(cat.findByName('function', '行政运行', { parentCode: '201' }).every((e) => e.code.startsWith('201'))).toBe(true);
    expect(cat.findByName('function', '住房公积金').map((e) => e.code)).toEqual(['2210201']);
    // 其他支出 is both a 类 (229) and a 款 (22999).
    expect(cat.findByName('function', '其他支出', { level: 'class' }).map((e) => e.code)).toEqual(['229']);
    expect(cat.findByName('function', '不存在的科目')).toEqual([]);
  });

  it('reports name differences for the validator', () => {
    expect(cat.checkName('function', '2010301', '行政运行').status).toBe('match');
    expect(cat.checkName('function', '20103', '政府办公厅(室)及相关机构事务').status).toBe('equivalent');
    expect(cat.checkName('function', '2010301', '一般行政管理事务').status).toBe('different');
    expect(cat.checkName('function', '2019998', '随便').status).toBe('unknownCode');
  });
});

describe('economic classifications: seed 000 表六 pairs', () => {
  // [部门经济科目, its 类, expected code, 政府经济科目, its 类, expected code]
  const pairs: [string, string, string, string, string, string][] = [
    ['基本工资', '301', '30101', '工资奖金津补贴', '501', '50101'],
    ['基本工资', '301', '30101', '工资福利支出', '505', '50501'],
    ['津贴补贴', '301', '30102', '工资奖金津补贴', '501', '50101'],
    ['津贴补贴', '301', '30102', '工资福利支出', '505', '50501'],
    ['奖金', '301', '30103', '工资奖金津补贴', '501', '50101'],
    ['绩效工资', '301', '30107', '工资福利支出', '505', '50501'],
    ['机关事业单位基本养老保险缴费', '301', '30108', '社会保障缴费', '501', '50102'],
    ['机关事业单位基本养老保险缴费', '301', '30108', '工资福利支出', '505', '50501'],
    ['职工基本医疗保险缴费', '301', '30110', '社会保障缴费', '501', '50102'],
    ['公务员医疗补助缴费', '301', '30111', '社会保障缴费', '501', '50102'],
    ['其他社会保障缴费', '301', '30112', '社会保障缴费', '501', '50102'],
    ['住房公积金', '301', '30113', '住房公积金', '501', '50103'],
    ['住房公积金', '301', '30113', '工资福利支出', '505', '50501'],
    ['办公费', '302', '30201', '办公经费', '502', '50201'],
    ['办公费', '302', '30201', '商品和服务支出', '505', '50502'],
    ['邮电费', '302', '30207', '办公经费', '502', '50201'],
    ['差旅费', '302', '30211', '办公经费', '502', '50201'],
    ['工会经费', '302', '30228', '办公经费', '502', '50201'],
    ['福利费', '302', '30229', '商品和服务支出', '505', '50502'],
    ['其他商品和服务支出', '302', '30299', '其他商品和服务支出', '502', '50299'],
    ['其他商品和服务支出', '302', '30299', '商品和服务支出', '505', '50502'],
    ['奖励金', '303', '30309', '社会福利和救助', '509', '50901'],
  ];

  it.each(pairs)('%s (%s) → %s; %s (%s) → %s', (dept, deptClass, deptCode, gov, govClass, govCode) => {
    expect(cat.findByName('economicDept', dept, { parentCode: deptClass }).map((e) => e.code)).toEqual([deptCode]);
    expect(cat.findByName('economicGov', gov, { parentCode: govClass }).map((e) => e.code)).toEqual([govCode]);
  });

  it('has the class rows of 表六 and the items of seed 003', () => {
    expect(cat.findByName('economicDept', '工资福利支出', { level: 'class' }).map((e) => e.code)).toEqual(['301']);
    expect(cat.findByName('economicDept', '商品和服务支出', { level: 'class' }).map((e) => e.code)).toEqual(['302']);
    expect(cat.findByName('economicDept', '对个人和家庭的补助', { level: 'class' }).map((e) => e.code)).toEqual(['303']);
    expect(cat.findByName('economicDept', '资本性支出', { level: 'class' }).map((e) => e.code)).toEqual(['310']);
    const seed003: [string, string, string, string][] = [
      ['30239', '其他交通费用', '50201', '办公经费'],
      ['30231', '公务用车运行维护费', '50208', '公务用车运行维护费'],
      ['30217', '公务接待费', '50206', '公务接待费'],
      ['31002', '办公设备购置', '50306', '设备购置'],
      ['30213', '维修(护)费', '50209', '维修(护)费'],
      ['30215', '会议费', '50202', '会议费'],
      ['30227', '委托业务费', '50205', '委托业务费'],
    ];
    for (const [deptCode, deptName, govCode, govName] of seed003) {
      expect(cat.checkName('economicDept', deptCode, deptName).status).not.toBe('different');
      expect(cat.checkName('economicGov', govCode, govName).status).not.toBe('different');
    }
  });
});

describe('code parts', () => {
  it('joins Henan split columns and splits codes', () => {
    expect(joinCodeParts('function', ['201', '03', '01'])).toBe('2010301');
    expect(joinCodeParts('function', ['201', '03', ''])).toBe('20103');
    expect(joinCodeParts('function', ['201', '20103', '2010301'])).toBe('2010301');
    expect(joinCodeParts('economicDept', ['301', '02'])).toBe('30102');
    expect(joinCodeParts('function', ['201', 'x'])).toBeUndefined();
    expect(joinCodeParts('function', ['', '', ''])).toBeUndefined();
    expect(joinCodeParts('economicDept', [301, 2])).toBeUndefined(); // numeric cells lose the leading zero
    expect(splitCode('function', '2010301')).toEqual(['201', '03', '01']);
    expect(splitCode('economicGov', '50501')).toEqual(['505', '01']);
    expect(splitCode('function', '2010')).toBeUndefined();
  });
});

describe('extend', () => {
  it('adds new entries (parents before children, whatever the sheet order) without touching the original', () => {
    const result = cat.extend('function', [
      { code: '2013999', name: '其他社会工作事务支出' },
      { code: '20139', name: '社会工作事务' },
      { code: '2013901', name: '行政运行' },
    ]);
    expect(result.added).toBe(3);
    expect(result.rejected).toEqual([]);
    expect(result.renamed).toEqual([]);
    expect(result.catalogue.get('function', '2013999')?.name).toBe('其他社会工作事务支出');
    expect(result.catalogue.children('function', '20139').map((e) => e.code)).toEqual(['2013901', '2013999']);
    expect(cat.has('function', '20139')).toBe(false);
    expect(result.catalogue.size('function')).toBe(cat.size('function') + 3);
    // Other classifications are carried over.
    expect(result.catalogue.get('economicGov', '50501')?.name).toBe('工资福利支出');
  });

  it('renames a known code and leaves equivalent spellings alone', () => {
    const result = cat.extend('function', [
      { code: '2010305', name: '专项业务活动' },
      { code: '20103', name: '政府办公厅(室)及相关机构事务' },
      { code: '2010301', name: '行政运行' },
    ]);
    expect(result.renamed).toEqual([{ code: '2010305', from: '专项业务及机关事务管理', to: '专项业务活动' }]);
    expect(result.unchanged).toBe(2);
    expect(result.added).toBe(0);
    expect(result.catalogue.get('function', '2010305')?.name).toBe('专项业务活动');
    expect(result.catalogue.get('function', '20103')?.name).toBe('政府办公厅（室）及相关机构事务');
    expect(cat.get('function', '2010305')?.name).toBe('专项业务及机关事务管理');
  });

  it('rejects malformed codes, empty names, orphans and conflicting duplicates', () => {
    const result = cat.extend('function', [
      { code: '20A0301', name: '字母' },
      { code: '201-03', name: '横线' },
      { code: '2010', name: '四位' },
      { code: '201030101', name: '九位' },
      { code: '2010310', name: '  ' },
      { code: '2019801', name: '没有上级' },
      { code: '2010310', name: '新项目' },
      { code: '2010311', name: '甲' },
      { code: '2010311', name: '乙' },
    ]);
    const kinds = result.rejected.map((r) => [r.code, r.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['20A0301', 'invalidCode'],
        ['201-03', 'invalidCode'],
        ['2010', 'invalidLength'],
        ['201030101', 'invalidLength'],
        ['2010310', 'emptyName'],
        ['2019801', 'missingParent'],
        ['2010311', 'conflict'],
      ]),
    );
    expect(result.rejected).toHaveLength(7);
    expect(result.rejected.every((r) => r.reason.length > 0)).toBe(true);
    expect(result.added).toBe(2);
    expect(result.catalogue.get('function', '2010310')?.name).toBe('新项目');
    expect(result.catalogue.get('function', '2010311')?.name).toBe('甲');
    expect(result.catalogue.has('function', '2019801')).toBe(false);
  });

  it('validates economic codes as 3/5 digits and can set a new version', () => {
    const result = cat.extend(
      'economicDept',
      [
        { code: '31304', name: '对机关事业单位职业年金的补助' },
        { code: '3010101', name: '太长' },
        { code: 30115, name: '数字单元格' },
      ],
      { version: '2025' },
    );
    expect(result.added).toBe(2);
    expect(result.rejected.map((r) => r.kind)).toEqual(['invalidLength']);
    expect(result.catalogue.version('economicDept')).toBe('2025');
    expect(result.catalogue.version('function')).toBe('2024');
    expect(result.catalogue.get('economicDept', '30115')?.name).toBe('数字单元格');
  });

  it('can start a classification that was not loaded', () => {
    const empty = new Catalogue([]);
    expect(empty.version('function')).toBeUndefined();
    const result = empty.extend('govFundIncome', [
      { code: '103', name: '非税收入' },
      { code: '10301', name: '政府性基金收入' },
    ]);
    expect(result.added).toBe(2);
    expect(result.catalogue.children('govFundIncome', '103').map((e) => e.name)).toEqual(['政府性基金收入']);
  });
});

describe('Catalogue constructor', () => {
  it('refuses inconsistent data', () => {
    const file = (entries: { code: string; name: string }[]): CatalogueFile => ({
      classification: 'function',
      version: 't',
      entries,
    });
    expect(() => new Catalogue([file([{ code: '20101', name: '无上级' }])])).toThrow(CatalogueError);
    expect(() => new Catalogue([file([{ code: '201', name: 'a' }, { code: '201', name: 'b' }])])).toThrow(CatalogueError);
    expect(() => new Catalogue([file([{ code: '2a1', name: 'a' }])])).toThrow(CatalogueError);
    expect(() => new Catalogue([file([]), file([])])).toThrow(CatalogueError);
  });
});

describe('every code printed in the seed documents', () => {
  it('seed 000: every coded row resolves with its printed name', () => {
    const text = readFileSync(join(seedsDir, '000_8a413295a909103c.txt'), 'utf8');
    const rows = [...text.matchAll(/^(\d{3}|\d{5}|\d{7})\t([^\t\n]+)/gmu)].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.length).toBeGreaterThan(50);
    for (const [code, name] of rows) expect(cat.checkName('function', code, name).status, `${code} ${name}`).toBe('match');
  });

  it('seed 003: split 类/款/项 codes and economic pairs resolve', () => {
    const text = readFileSync(join(seedsDir, '003_62d2f9c512e236c2.txt'), 'utf8');
    const functionRows = [...text.matchAll(/^(\d{3})\t(\d{2})\t(\d{2})\t\t([^\t\n]+)/gmu)];
    expect(functionRows.length).toBeGreaterThan(5);
    for (const m of functionRows) {
      const code = joinCodeParts('function', [m[1], m[2], m[3]])!;
      expect(cat.checkName('function', code, m[4]!).status, `${code} ${m[4]}`).toBe('match');
      for (const ancestor of [code.slice(0, 3), code.slice(0, 5)]) expect(cat.has('function', ancestor)).toBe(true);
    }
    const economicRows = [...text.matchAll(/^(3\d{2})\t(\d{2})\t([^\t\n]+)\t(5\d{2})\t(\d{2})\t([^\t\n]+)/gmu)];
    expect(economicRows.length).toBeGreaterThan(15);
    for (const m of economicRows) {
      const dept = joinCodeParts('economicDept', [m[1], m[2]])!;
      const gov = joinCodeParts('economicGov', [m[4], m[5]])!;
      expect(cat.checkName('economicDept', dept, m[3]!).status, `${dept} ${m[3]}`).not.toBe('different');
      expect(cat.checkName('economicGov', gov, m[6]!).status, `${gov} ${m[6]}`).not.toBe('different');
    }
  });
});
