// Export → import gives the same forms: the submission workbook's 绩效目标表 sheets read back by the importer
// (src/main/import/performance) equal the book's forms, `source` aside (it names the exported sheet), and the tables
// are unchanged. Covers seed 000's forms (the 「单位用水成本」 rows without a 二级指标, 年度 names cut short), a
// one-year form, seed 003's 部门整体绩效目标表, and forms made to be awkward: a 项目概况 too long for one Excel row,
// a blank 二级 on a form whose other groups are one row each, a group only 年度 has, an empty indicator tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBook } from '../src/main/export/export-book';
import { importWorkbooks } from '../src/main/import/import-book';
import type { Book } from '../src/shared/book';
import { toDump } from '../src/shared/dump';
import { withParsedValue, type PerformanceTargetForm } from '../src/shared/performance';
import { contentOf } from './helpers/dump-match';
import { HENAN_XLSX } from './helpers/henan-seed';
import { DATONG_XLSX } from './helpers/seed';
import { oneYearForm, seedForms, specialInspectionForm, utilitiesForm, xinxiangDepartmentForm } from './helpers/seed-forms';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

const withoutSource = <T extends { source?: unknown }>({ source: _source, ...rest }: T): Omit<T, 'source'> => rest;

let tmp: TmpDir;

beforeAll(() => {
  tmp = makeTmpDir('export-performance-roundtrip-');
});
afterAll(() => tmp?.remove());

async function roundTrip(book: Book, name: string): Promise<Book> {
  const out = tmp.file(name);
  await exportBook(book, out, 'never');
  return (await importWorkbooks([out])).book;
}

/** Forms a clerk might make that print awkwardly. */
function awkwardForms(): PerformanceTargetForm[] {
  const long = { ...utilitiesForm(), projectName: 'J金融工作经费', overview: '补充机关公用经费不足，保证机关正常运行，'.repeat(70) + '完。' };
  const base = oneYearForm();
  const row = (period: '实施期' | '年度', level1: string, level2: string, level3: string, value: string) => withParsedValue({ period, level1, level2, level3, value });
  // Every group one row, then an indicator without its 二级: nothing in the 二级 column is merged. Framework order.
  const flat: PerformanceTargetForm = {
    ...base,
    projectName: 'Z金融稳定发展工作经费',
    indicators: [
      row('实施期', '产出指标', '数量指标', '检查次数', '≥2次'),
      row('年度', '产出指标', '数量指标', '检查次数', '≥2次'),
      // Only 年度 has a 时效指标.
      row('年度', '产出指标', '时效指标', '完成时间', '2024年12月底前'),
      row('实施期', '产出指标', '成本指标', '检查费用', '≤7万元'),
      row('年度', '产出指标', '成本指标', '检查费用', '≤7万元'),
      row('实施期', '产出指标', '', '差旅费', '≤1万元'),
      row('年度', '产出指标', '', '差旅费', '≤1万元'),
      row('实施期', '满意度指标', '服务对象满意度指标', '被检查单位满意度', '≥90%'),
      row('年度', '满意度指标', '服务对象满意度指标', '被检查单位满意度', '≥90%'),
    ],
  };
  const empty: PerformanceTargetForm = { ...specialInspectionForm(), projectName: 'Z处置非法集资奖励经费', indicators: [], contacts: {} };
  return [long, flat, empty];
}

describe('export → import', () => {
  it('gives back seed 000s forms and the one-year form, and the same tables', async () => {
    const book = (await importWorkbooks([DATONG_XLSX])).book;
    book.performanceForms = seedForms();
    const again = await roundTrip(book, '大同-往返.xlsx');
    expect(again.performanceForms?.map(withoutSource)).toEqual(seedForms());
    expect(again.performanceForms?.map((f) => f.source?.sheet)).toEqual(['绩效-Z专项检查工作经费', '绩效-J水电物业经费', '绩效-Z政银企对接经费']);
    expect(contentOf(toDump(again, []))).toEqual(contentOf(toDump({ ...book, performanceForms: again.performanceForms ?? [] }, [])));
  });

  it('gives back seed 003s 部门整体绩效目标表 with a project form', async () => {
    const book = (await importWorkbooks([HENAN_XLSX])).book;
    book.departmentPerformance = xinxiangDepartmentForm();
    book.performanceForms = [specialInspectionForm()];
    const again = await roundTrip(book, '新乡-往返.xlsx');
    expect(again.departmentPerformance && withoutSource(again.departmentPerformance)).toEqual(xinxiangDepartmentForm());
    expect(again.performanceForms?.map(withoutSource)).toEqual([specialInspectionForm()]);
  });

  it('gives back forms that print awkwardly: a text over several rows, flat groups with a blank 二级, no indicators', async () => {
    const book = (await importWorkbooks([DATONG_XLSX])).book;
    book.performanceForms = awkwardForms();
    const again = await roundTrip(book, '大同-难排.xlsx');
    const forms = again.performanceForms?.map(withoutSource) ?? [];
    expect(forms.map((f) => f.projectName)).toEqual(awkwardForms().map((f) => f.projectName));
    awkwardForms().forEach((form, i) => expect(forms[i], form.projectName).toEqual(form));
  });

  it('is stable: exporting the re-imported book gives the same dump again', async () => {
    const book = (await importWorkbooks([DATONG_XLSX])).book;
    book.performanceForms = seedForms();
    const once = await roundTrip(book, '一次.xlsx');
    const twice = await roundTrip(once, '两次.xlsx');
    const content = (again: Book) => {
      const dump = toDump(again, []);
      return JSON.stringify({ content: contentOf(dump), forms: dump.performanceForms });
    };
    expect(content(twice)).toBe(content(once));
  });
});
