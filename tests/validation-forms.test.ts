// 表十二 projects against their 项目支出绩效目标表 (seed 000 prints eight of the ten forms).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../src/main/import/import-book';
import { openStore } from '../src/main/store';
import type { Book } from '../src/shared/book';
import { Validator } from '../src/shared/validation';
import { cityForm } from './helpers/performance-form';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

/** 年度资金总额 (元) as printed on seed 000's forms. */
const SEED_FORMS: [string, string][] = [
  ['Z专项检查工作经费', '50000'],
  ['J水电物业经费', '28569.78'],
  ['Z处置非法集资奖励经费', '10000'],
  ['Z防范处置非法集资工作经费', '230000'],
  ['J金融工作经费', '351430.22'],
  ['Z金融发展服务专项工作经费', '50000'],
  ['J金融发展服务工作经费', '144872.55'],
  ['J水电物业费', '5127.45'],
];

let book: Book;
let tmp: TmpDir;
beforeAll(async () => {
  tmp = makeTmpDir('forms-');
  book = (await importWorkbooks([DATONG_XLSX])).book;
  book.performanceForms = SEED_FORMS.map(([name, yuan]) => cityForm(name, yuan));
});
afterAll(() => tmp.remove());

const formFindings = (b: Book) => new Validator(b).findings().filter((f) => f.rule === 'perf.project');

describe('per-project 绩效目标表', () => {
  it('every printed form rounds to its project; the two projects without a form are warnings', () => {
    const findings = formFindings(book);
    expect(findings.map((f) => [f.severity, f.locations[0]?.row, f.locations[0]?.cell])).toEqual([
      ['warning', 'Z政银企对接经费', 'B10'],
      ['warning', 'Z金融稳定发展工作经费', 'B11'],
    ]);
    expect(findings[0]?.message).toBe('表十二「Z政银企对接经费」（6.00 万元）没有项目支出绩效目标表。');
  });

  it('a form whose 年度资金总额 does not round to the project amount is an error, incrementally too', () => {
    const copy = structuredClone(book);
    const validator = new Validator(copy);
    validator.setValue('t12', 'main', 'project:大同市人民政府金融工作办公室:J水电物业经费', 'total', '2.87');
    const mismatch = validator.findings().find((f) => f.rule === 'perf.project' && f.severity === 'error');
    expect(mismatch).toMatchObject({ expected: '2.87', actual: '2.86', difference: '-0.01' });
    expect(mismatch?.message).toBe('项目“J水电物业经费”绩效目标表年度资金总额28569.78元，折合2.86万元，与项目支出预算表2.87万元不符（相差-0.01万元）。');
  });

  it('is quiet when the book carries no forms, and the forms survive the store', () => {
    const without = structuredClone(book);
    delete without.performanceForms;
    expect(formFindings(without)).toEqual([]);
    const store = openStore(tmp.file('forms.db'));
    const id = store.insertBook(book, []);
    expect(store.loadBook(id).performanceForms).toEqual(book.performanceForms);
    store.close();
  });
});
