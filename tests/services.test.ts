// The services (src/main/services), composed once by createServices: book lists read the findings summary stored
// per revision and validate only stale books; the app, the web host and the CLI share the same services.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../src/main/services';
import { rulesFingerprint } from '../src/main/services/sessions';
import { openStore, type Store } from '../src/main/store';
import { cli } from './helpers/cli';
import { DATONG_XLSX } from './helpers/seed';
import { makeTmpDir, type TmpDir } from './helpers/tmp';

let tmp: TmpDir;
let store: Store;
let services: Services;
let datong: number;
let empty: number;

beforeAll(async () => {
  tmp = makeTmpDir('services-');
  store = openStore(tmp.file('services.db'));
  services = createServices({ store, mode: 'electron' });
  datong = (await services.books.import([{ name: '大同.xlsx', path: DATONG_XLSX }])).bookId;
  empty = services.books.create({ familyId: 'shanxi-2024', year: 2025, department: '新建的部门' }).bookId;
});
afterAll(() => {
  store.close();
  tmp.remove();
});

const summaryOf = (bookId: number) => store.findingsSummaries().find((s) => s.bookId === bookId);

describe('book lists and the findings summary per revision', () => {
  it('counts a book once and stores the counts with its revision and the rules’ fingerprint', () => {
    expect(store.findingsSummaries()).toEqual([]);
    const list = services.books.list();
    expect(list.find((b) => b.id === datong)?.summary).toEqual({ errors: 0, warnings: 18, infos: expect.any(Number) });
    expect(summaryOf(datong)).toMatchObject({ revision: 0, rules: rulesFingerprint('shanxi-2024'), errors: 0, warnings: 18 });
    expect(summaryOf(empty)).toMatchObject({ revision: 0, errors: 0 });
  });

  it('reads the stored summary instead of validating: no book is loaded while every summary is fresh', () => {
    // A list in another process (a fresh composition) finds the counts stored and loads nothing.
    const other = createServices({ store, mode: 'web' });
    const load = vi.spyOn(store, 'loadBook');
    try {
      store.recordFindingsSummary({ bookId: datong, revision: 0, rules: rulesFingerprint('shanxi-2024'), summary: { errors: 7, warnings: 7, infos: 7 } });
      expect(other.books.list().find((b) => b.id === datong)?.summary).toEqual({ errors: 7, warnings: 7, infos: 7 });
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
  });

  it('validates again only the book whose summary is stale: edited since, or counted by other rules', () => {
    const fresh = createServices({ store, mode: 'electron' });
    const load = vi.spyOn(store, 'loadBook');
    try {
      // An edit elsewhere (the CLI, another window) moves the revision on: the stored counts are for revision 0.
      store.setAmount({ bookId: datong, tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '188.93' });
      const list = fresh.books.list();
      expect(list.find((b) => b.id === datong)?.summary.errors).toBeGreaterThan(0);
      expect(load.mock.calls.map(([id]) => id)).toEqual([datong]);
      expect(summaryOf(datong)).toMatchObject({ revision: 1, errors: list.find((b) => b.id === datong)?.summary.errors });

      load.mockClear();
      store.recordFindingsSummary({ bookId: empty, revision: 0, rules: 'rules of an older program', summary: { errors: 9, warnings: 9, infos: 9 } });
      expect(fresh.books.list().find((b) => b.id === empty)?.summary).toMatchObject({ errors: 0 });
      expect(load.mock.calls.map(([id]) => id)).toEqual([empty]);
      expect(summaryOf(empty)?.rules).toBe(rulesFingerprint('shanxi-2024'));
    } finally {
      load.mockRestore();
      store.undo(datong);
    }
  });

  it('is written whenever findings are computed for a revision: edits, undo, 审核说明', () => {
    const edited = services.editing.setCells(datong, [{ tableId: 't02', side: 'main', rowKey: '2010301', columnId: 'gpb', value: '188.93' }]);
    expect(summaryOf(datong)).toMatchObject({ revision: edited.revision, errors: edited.summary.errors });
    const undone = services.editing.undo(datong);
    expect(summaryOf(datong)).toMatchObject({ revision: undone.revision, errors: 0, warnings: 18 });
    const explained = services.review.explain({ bookId: datong, findingKey: 't02.tree:main:21011:total', text: '尾差' });
    expect(explained.finding?.explanation).toBe('尾差');
    expect(summaryOf(datong)).toMatchObject({ revision: explained.state.revision, warnings: 18 });
    // And the list answers from it.
    const load = vi.spyOn(store, 'loadBook');
    expect(createServices({ store, mode: 'electron' }).books.list().find((b) => b.id === datong)?.summary).toEqual(explained.state.summary);
    expect(load).not.toHaveBeenCalled();
    load.mockRestore();
  });

  it('goes with its book', () => {
    const { bookId } = services.books.create({ familyId: 'henan-2024', year: 2024, department: '要删除的部门' });
    services.books.list();
    expect(summaryOf(bookId)).toBeDefined();
    services.books.delete(bookId);
    expect(summaryOf(bookId)).toBeUndefined();
  });
});

describe('one composition root', () => {
  it('web mode refuses paths; electron and cli take them', async () => {
    const web = createServices({ store, mode: 'web' });
    await expect(web.books.import([{ name: 'x.xlsx', path: DATONG_XLSX }])).rejects.toMatchObject({ code: 'refused' });
    await expect(web.exchange.export({ bookId: datong, path: tmp.file('x.xlsx') })).rejects.toMatchObject({ code: 'refused' });
    expect(web.app.info().mode).toBe('web');
    expect(createServices({ store, mode: 'cli' }).app.info().mode).toBe('electron');
    const exported = await createServices({ store, mode: 'cli' }).exchange.export({ bookId: datong, path: tmp.file('cli.xlsx') });
    expect(exported).toMatchObject({ path: tmp.file('cli.xlsx'), fileName: '大同市人民政府金融工作办公室2024年部门预算公开.xlsx', reportIncluded: true });
  });

  it('the CLI’s check --db is the services’ check: it stores the summary the app’s list then reads', async () => {
    const db = tmp.file('cli.db');
    expect((await cli('import', DATONG_XLSX, '--db', db)).code).toBe(0);
    const run = await cli('check', '--db', db, '--book', '1', '--json');
    expect(run.code).toBe(0);
    const checked = JSON.parse(run.stdout) as { summary: { warnings: number }; sources: string[] };
    expect(checked.summary.warnings).toBe(18);
    const cliStore = openStore(db);
    try {
      expect(cliStore.findingsSummaries()).toMatchObject([{ bookId: 1, revision: 0, warnings: 18 }]);
      const load = vi.spyOn(cliStore, 'loadBook');
      expect(createServices({ store: cliStore, mode: 'electron' }).books.list()).toMatchObject([{ id: 1, summary: { errors: 0, warnings: 18 } }]);
      expect(load).not.toHaveBeenCalled();
    } finally {
      cliStore.close();
    }
  });
});
