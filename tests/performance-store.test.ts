// 绩效目标表 in the store (src/main/store/performance.ts, migration 9): forms kept with the book and copied with it,
// each change one 'performanceForm' entry of the edit log that undoes and redoes to the exact list (positions shift
// when a form is removed), one import one step, and a form that cannot be one refused in Chinese, nothing written.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../src/shared/book';
import { parseIndicatorValue } from '../src/shared/performance/indicator-value';
import type { DepartmentPerformanceForm, PerformanceTargetForm } from '../src/shared/performance/types';
import { readWorkbooks } from '../src/main/services/exchange';
import { LATEST_SCHEMA_VERSION, migrations, openStore, StoreError, type Store } from '../src/main/store';
import { applyMigrations } from '../src/main/store/migrate';
import { cityForm } from './helpers/performance-form';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let datong: Book;
beforeAll(async () => {
  tmp = makeTmpDir('performance-store-');
  datong = (await readWorkbooks([DATONG_XLSX])).book;
});
afterAll(() => tmp.remove());

let counter = 0;
function freshStore(): Store {
  counter += 1;
  return openStore(tmp.file(`store-${counter}.db`), { now: () => new Date('2026-01-02T03:04:05Z') });
}

/** A form as seed 000 prints 「J水电物业经费」, with a few of its indicators. */
function waterForm(): PerformanceTargetForm {
  return {
    ...cityForm('J水电物业经费', '28,569.78'),
    overview: '补充机关公用经费不足，保证机关正常运行',
    overallGoals: { 实施期: '支付大楼全年应承担的水、电物业费用，保证机关正常运行', 年度: '及时支付应承担办公大楼的水电物业费用。' },
    indicators: [
      { period: '实施期', level1: '产出指标', level2: '数量指标', level3: '物业管理面积', value: '508.45平方米' },
      { period: '实施期', level1: '产出指标', level2: '质量指标', level3: '水电暖气物业等保障度', value: '保障保障' },
      { period: '年度', level1: '产出指标', level2: '数量指标', level3: '预计用水量', value: '≤218吨' },
      { period: '年度', level1: '满意度指标', level2: '服务对象满意度指标', level3: '单位人员满意度', value: '≥99%' },
    ],
    contacts: { filledOn: '20240129120257' },
  };
}

/** What the store keeps: every 指标值 parsed from its text. */
const stored = (form: PerformanceTargetForm): PerformanceTargetForm => ({ ...form, indicators: form.indicators.map((i) => ({ ...i, parsed: parseIndicatorValue(i.value) })) });

const henanDepartment: DepartmentPerformanceForm = {
  title: '部门（单位）整体绩效目标表',
  year: 2024,
  departmentName: '河南省某某厅',
  annualGoal: '完成年度重点工作。',
  tasks: [{ name: '重点工作一', content: '按计划推进。' }],
  budget: { unit: '万元', total: '1234.56', governmentBudget: '1200.00' },
  indicators: [{ level1: '产出指标', level2: '数量指标', level3: '培训人次', value: '≥200人次', note: '全年' }],
};

function storeError(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError');
}

const names = (store: Store, id: number): string[] => store.performance(id).forms.map((f) => f.projectName);

describe('migration 9: the department-wide form', () => {
  it('upgrades a version-8 file whose books keep their project forms and have no department form', () => {
    const path = tmp.file('v8.db');
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    expect(applyMigrations(db, () => new Date('2024-01-01T00:00:00Z'), migrations.slice(0, 8))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const at = '2024-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO books (family_id, year, department, unit, decimals, created_at, updated_at) VALUES ('shanxi-2024', 2024, '旧部门', '万元', 2, ?, ?)").run(at, at);
    db.prepare("INSERT INTO edit_log (book_id, seq, at, kind, payload) VALUES (1, 1, ?, 'import', '{}')").run(at);
    db.prepare('INSERT INTO performance_forms (book_id, position, project_name, form) VALUES (1, 0, ?, ?)').run('J水电物业经费', JSON.stringify(waterForm()));
    db.close();

    const store = openStore(path);
    try {
      expect(LATEST_SCHEMA_VERSION).toBe(9);
      expect(store.schemaVersion()).toBe(9);
      const book = store.loadBook(1);
      expect(book.performanceForms?.map((f) => f.projectName)).toEqual(['J水电物业经费']);
      expect(book).not.toHaveProperty('departmentPerformance');
      expect(store.setDepartmentPerformance(1, henanDepartment).changed).toBe(true);
      expect(store.loadBook(1).departmentPerformance?.departmentName).toBe('河南省某某厅');
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
  });

  it('refuses a row that is not a JSON object (the CHECK holds without the store)', () => {
    const store = freshStore();
    const id = store.insertBook(datong);
    const path = store.path;
    store.close();
    const db = new Database(path);
    try {
      const insert = db.prepare("INSERT INTO department_performance (book_id, form, updated_at) VALUES (?, ?, '2026-01-01')");
      expect(() => insert.run(id, '[]')).toThrow(/CHECK/);
      expect(() => insert.run(id, 'not json')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('forms kept with the book', () => {
  it('round-trips project and department forms, copies them with 另存为副本 and deletes them with the book', () => {
    const store = freshStore();
    try {
      const forms = [waterForm(), cityForm('Z专项检查工作经费', '50,000')];
      const id = store.insertBook({ ...datong, performanceForms: forms, departmentPerformance: henanDepartment });
      const book = store.loadBook(id);
      expect(book.performanceForms).toEqual(forms.map(stored));
      expect(book.departmentPerformance).toEqual({ ...henanDepartment, indicators: henanDepartment.indicators.map((i) => ({ ...i, parsed: parseIndicatorValue(i.value) })) });
      expect(book.performanceForms?.[0]?.indicators[2]?.parsed).toEqual({ comparator: '≤', number: '218', unit: '吨', text: '≤218吨' });

      const copy = store.duplicateBook(id);
      expect(store.loadBook(copy).performanceForms).toEqual(book.performanceForms);
      expect(store.loadBook(copy).departmentPerformance).toEqual(book.departmentPerformance);
      // The copy's forms are its own.
      store.setPerformanceForm({ bookId: copy, index: 0, form: null });
      expect(names(store, id)).toEqual(['J水电物业经费', 'Z专项检查工作经费']);
      expect(names(store, copy)).toEqual(['Z专项检查工作经费']);

      store.deleteBook(id);
      const left = new Database(store.path, { readonly: true });
      try {
        expect(left.prepare('SELECT COUNT(*) AS n FROM performance_forms WHERE book_id = ?').get(id)).toEqual({ n: 0 });
        expect(left.prepare('SELECT COUNT(*) AS n FROM department_performance WHERE book_id = ?').get(id)).toEqual({ n: 0 });
      } finally {
        left.close();
      }
      expect(store.loadBook(store.insertBook(datong))).not.toHaveProperty('performanceForms');
    } finally {
      store.close();
    }
  });

  it('keeps only the declared fields and parses every 指标值 again (a stale `parsed` never survives)', () => {
    const store = freshStore();
    try {
      const id = store.insertBook(datong);
      const form = waterForm();
      const sent = { ...form, indicators: [{ ...form.indicators[0], parsed: { comparator: '≥', number: '1', text: '别的' } }] } as PerformanceTargetForm;
      store.setPerformanceForm({ bookId: id, form: sent });
      const [kept] = store.performance(id).forms;
      expect(kept?.indicators[0]?.parsed).toEqual({ comparator: '=', number: '508.45', unit: '平方米', text: '508.45平方米' });
    } finally {
      store.close();
    }
  });
});

describe('editing forms through the edit log', () => {
  it('adds, replaces and removes forms, each one step; undo and redo give back the exact list', () => {
    const store = freshStore();
    try {
      const id = store.insertBook(datong);
      const a = cityForm('Z专项检查工作经费', '50,000');
      const b = waterForm();
      const c = cityForm('Z政银企对接经费', '60,000');
      expect(store.setPerformanceForm({ bookId: id, form: a, actor: '张三' })).toMatchObject({ changed: true, index: 0, revision: 1, change: { scope: 'project', position: 0, before: null } });
      expect(store.setPerformanceForm({ bookId: id, form: b })).toMatchObject({ index: 1 });
      expect(store.setPerformanceForm({ bookId: id, form: c })).toMatchObject({ index: 2 });
      expect(names(store, id)).toEqual(['Z专项检查工作经费', 'J水电物业经费', 'Z政银企对接经费']);

      // The same form again is no edit: no entry, the revision stays.
      expect(store.setPerformanceForm({ bookId: id, index: 1, form: b })).toMatchObject({ changed: false, seq: null, revision: 3, index: 1 });

      const edited = { ...b, indicators: b.indicators.map((i, n) => (n === 1 ? { ...i, value: '保障' } : i)) };
      const replace = store.setPerformanceForm({ bookId: id, index: 1, form: edited });
      expect(replace.change).toEqual({ scope: 'project', position: 1, before: stored(b), after: stored(edited) });

      // Removing the first moves the others up: the positions in the log still undo exactly.
      const removal = store.setPerformanceForm({ bookId: id, index: 0, form: null });
      expect(removal.change).toMatchObject({ scope: 'project', position: 0, before: stored(a), after: null });
      expect(names(store, id)).toEqual(['J水电物业经费', 'Z政银企对接经费']);

      expect(store.undo(id)?.performance).toEqual({ scope: 'project', position: 0, before: null, after: stored(a) });
      expect(store.performance(id).forms).toEqual([a, edited, c].map(stored));
      expect(store.undo(id)?.performance).toMatchObject({ position: 1, after: stored(b) });
      expect(store.performance(id).forms).toEqual([a, b, c].map(stored));
      store.undo(id); // the third form's addition
      expect(names(store, id)).toEqual(['Z专项检查工作经费', 'J水电物业经费']);

      store.redo(id);
      store.redo(id);
      store.redo(id);
      expect(store.performance(id).forms).toEqual([edited, c].map(stored));
      expect(store.historyState(id)).toMatchObject({ canUndo: true, canRedo: false });

      // Every step is in the audit trail, with who did the first.
      const log = store.editLog(id).filter((e) => e.kind === 'performanceForm');
      expect(log).toHaveLength(5);
      expect(log[0]).toMatchObject({ actor: '张三', payload: { scope: 'project', position: 0, before: null } });

      // Undo all the way leaves the book without forms.
      for (let i = 0; i < 5; i++) store.undo(id);
      expect(store.loadBook(id)).not.toHaveProperty('performanceForms');
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
  });

  it('inserts a removed form back in the middle of many, keeping every other at its place', () => {
    const store = freshStore();
    try {
      const forms = Array.from({ length: 12 }, (_, i) => cityForm(`项目${i + 1}`, String((i + 1) * 1000)));
      const id = store.insertBook({ ...datong, performanceForms: forms });
      store.setPerformanceForm({ bookId: id, index: 4, form: null });
      store.setPerformanceForm({ bookId: id, index: 0, form: null });
      expect(names(store, id)).toEqual(['项目2', '项目3', '项目4', '项目6', '项目7', '项目8', '项目9', '项目10', '项目11', '项目12']);
      store.undo(id);
      store.undo(id);
      expect(store.performance(id).forms).toEqual(forms.map(stored));
    } finally {
      store.close();
    }
  });

  it('imports many forms and the department form as one step', () => {
    const store = freshStore();
    try {
      const id = store.insertBook({ ...datong, performanceForms: [waterForm()] });
      const next = [cityForm('J水电物业经费', '28,600'), cityForm('Z专项检查工作经费', '50,000')];
      const result = store.replacePerformanceForms({ bookId: id, forms: next, department: henanDepartment });
      expect(result).toMatchObject({ changed: true, revision: 1, change: { scope: 'all' } });
      expect(names(store, id)).toEqual(['J水电物业经费', 'Z专项检查工作经费']);
      expect(store.performance(id).department?.departmentName).toBe('河南省某某厅');
      // Without a department form the book's stays.
      expect(store.replacePerformanceForms({ bookId: id, forms: next }).changed).toBe(false);

      const undone = store.undo(id);
      expect(undone?.performance).toMatchObject({ scope: 'all', after: { forms: [stored(waterForm())], department: null } });
      expect(store.performance(id)).toEqual({ forms: [stored(waterForm())], department: null });
      store.redo(id);
      expect(names(store, id)).toEqual(['J水电物业经费', 'Z专项检查工作经费']);

      // The department form alone, and its removal, are steps too.
      expect(store.setDepartmentPerformance(id, null).change).toMatchObject({ scope: 'department', after: null });
      store.undo(id);
      expect(store.performance(id).department?.tasks).toEqual([{ name: '重点工作一', content: '按计划推进。' }]);
    } finally {
      store.close();
    }
  });

  it('a new edit clears the redo stack, as for figures', () => {
    const store = freshStore();
    try {
      const id = store.insertBook(datong);
      store.setPerformanceForm({ bookId: id, form: waterForm() });
      store.undo(id);
      expect(store.historyState(id).canRedo).toBe(true);
      store.setPerformanceForm({ bookId: id, form: cityForm('Z专项检查工作经费', '50,000') });
      expect(store.historyState(id).canRedo).toBe(false);
      expect(store.redo(id)).toBeNull();
    } finally {
      store.close();
    }
  });
});

describe('a form that cannot be one is refused, nothing written', () => {
  it('names the form and the field in Chinese', () => {
    const store = freshStore();
    try {
      const id = store.insertBook({ ...datong, performanceForms: [waterForm()] });
      const before = store.performance(id);
      const cases: Array<[unknown, RegExp]> = [
        [{ ...waterForm(), projectName: '  ' }, /^绩效目标表的项目名称（projectName）不正确：应为非空、不含控制字符/],
        [{ ...waterForm(), indicators: [{ period: '全年', level1: '产出指标', level2: '数量指标', level3: 'x', value: '1' }] }, /^绩效目标表“J水电物业经费”的绩效指标（indicators\[0\]\.period）不正确：应为「实施期」「年度」之一（收到：文本「全年」）$/],
        [{ ...waterForm(), overview: '长'.repeat(5001) }, /项目概况（overview）不正确：应为不含控制字符、至多 5000 个字符的文本/],
        [{ ...waterForm(), indicators: Array.from({ length: 501 }, () => waterForm().indicators[0]) }, /绩效指标（indicators）不正确：应为至多 500 项的列表/],
        [{ ...waterForm(), funds: { 实施期: { unit: '万元' }, 年度: { unit: '元' } } }, /项目资金（funds\."实施期"\.unit）不正确：应为「元」之一/],
        [{ ...waterForm(), extra: 1 }, /“J水电物业经费”的extra不正确：不允许此字段/],
        ['不是表', /^绩效目标表的内容不正确：应为含字段/],
      ];
      for (const [form, message] of cases) {
        const error = storeError(() => store.setPerformanceForm({ bookId: id, form: form as PerformanceTargetForm }));
        expect(error.code).toBe('invalid-value');
        expect(error.message).toMatch(message);
      }
      expect(storeError(() => store.setPerformanceForm({ bookId: id, index: 3, form: waterForm() })).message).toBe('找不到第 4 张绩效目标表（预算本共有 1 张）');
      expect(storeError(() => store.setPerformanceForm({ bookId: id, index: 1, form: null })).message).toBe('找不到第 2 张绩效目标表（预算本共有 1 张）');
      expect(storeError(() => store.setDepartmentPerformance(id, { ...henanDepartment, budget: { unit: '元' } } as unknown as DepartmentPerformanceForm)).message).toMatch(/^部门整体绩效目标表“河南省某某厅”的预算情况（budget\.unit）不正确/);
      expect(storeError(() => store.replacePerformanceForms({ bookId: id, forms: [waterForm(), { ...waterForm(), projectName: '' }] })).message).toMatch(/^第 2 张绩效目标表的项目名称/);
      expect(store.performance(id)).toEqual(before);
      expect(store.historyState(id)).toEqual({ canUndo: false, canRedo: false, revision: 0 });
      expect(storeError(() => store.setPerformanceForm({ bookId: 999, form: waterForm() })).code).toBe('book-not-found');
    } finally {
      store.close();
    }
  });

  it('refuses a whole book whose form cannot be kept: no book is stored', () => {
    const store = freshStore();
    try {
      const error = storeError(() => store.insertBook({ ...datong, performanceForms: [waterForm(), { ...waterForm(), plan: '\u0007' }] }));
      expect(error.code).toBe('invalid-book');
      expect(error.message).toMatch(/^预算本无法保存：第 2 张绩效目标表“J水电物业经费”的项目实施计划（plan）不正确/);
      expect(store.listBooks()).toEqual([]);
    } finally {
      store.close();
    }
  });
});
