// Which template family a workbook is: decided from the book itself — the tables whose titles it prints and how
// well their headers fit — never from the user (`--template` overrides). The reason is kept for the clerk.
import type { Notice } from '../../shared/book';
import { TEMPLATE_FAMILIES } from '../../shared/template/registry';
import type { TemplateFamily } from '../../shared/template/types';
import { tablesLabel } from '../../shared/labels';
import { ImportError } from './errors';
import type { SheetGrid, WorkbookGrid } from './grid';
import type { TitleHit } from './locate';
import { headerFit, type TableRegion } from './read-table';

export interface FamilyScore {
  family: TemplateFamily;
  /** Template tables whose title was found and whose header fits at least half of the template's columns. */
  tables: number;
  /** Σ header fit (0…1 per table found): breaks ties between families that print the same titles. */
  fit: number;
  /** Template tables not found, by number, for the clerk. */
  missing: number[];
}

export interface Detection {
  family: TemplateFamily;
  /** One Chinese sentence: which family and why (shown by the CLI and the UI). */
  reason: string;
  /** Every family scored, best first. */
  ranking: FamilyScore[];
  /** The best family still recognises fewer than half of its tables. */
  weak: boolean;
}

type TitlesOf = (sheet: SheetGrid, family: TemplateFamily) => TitleHit[];

function score(workbooks: readonly WorkbookGrid[], family: TemplateFamily, titlesOf: TitlesOf): FamilyScore {
  const best = new Map<string, number>();
  for (const workbook of workbooks) {
    for (const sheet of workbook.sheets) {
      const hits = titlesOf(sheet, family);
      hits.forEach((hit, i) => {
        const region: TableRegion = { table: hit.table, titleRow: hit.row, titleText: hit.text, endRow: (hits[i + 1]?.row ?? sheet.rowCount + 1) - 1 };
        best.set(hit.table.id, Math.max(best.get(hit.table.id) ?? 0, headerFit(sheet, region, family)));
      });
    }
  }
  const fitting = [...best].filter(([, fit]) => fit >= 0.5);
  return {
    family,
    tables: fitting.length,
    fit: fitting.reduce((sum, [, fit]) => sum + fit, 0),
    missing: family.tables.filter((t) => !fitting.some(([id]) => id === t.id)).map((t) => t.no),
  };
}

const byStrength = (a: FamilyScore, b: FamilyScore): number =>
  b.tables - a.tables || b.fit - a.fit || b.tables / b.family.tables.length - a.tables / a.family.tables.length;

const count = (s: FamilyScore): string => `识别出 ${s.tables}/${s.family.tables.length} 张表`;
const found = (s: FamilyScore): string => `「${s.family.name}」${count(s)}`;

export function detectFamily(workbooks: readonly WorkbookGrid[], titlesOf: TitlesOf, forcedId?: string): Detection {
  if (forcedId) {
    const family = TEMPLATE_FAMILIES.find((f) => f.id === forcedId);
    if (!family) throw new ImportError(`未知的模板「${forcedId}」。可用模板：${TEMPLATE_FAMILIES.map((f) => f.id).join('、')}。`, '');
    const own = score(workbooks, family, titlesOf);
    return { family, reason: `按指定的模板「${family.name}」（${family.id}）导入：${count(own)}。`, ranking: [own], weak: own.tables * 2 < family.tables.length };
  }
  const ranking = TEMPLATE_FAMILIES.map((family) => score(workbooks, family, titlesOf)).sort(byStrength);
  const [best, second] = ranking as [FamilyScore, ...FamilyScore[]];
  const runnerUp = second && second.tables > 0 ? `；其次${found(second)}${second.tables === best.tables ? '，但表头吻合得少' : ''}` : '';
  return {
    family: best.family,
    reason: `按表格标题和表头识别为「${best.family.name}」（${best.family.id}）：${count(best)}${runnerUp}。`,
    ranking,
    weak: best.tables * 2 < best.family.tables.length,
  };
}

/** Notices telling the clerk which family was chosen and, when the match is poor, the best candidates. */
export function detectionNotices(detection: Detection): Notice[] {
  const notices: Notice[] = [{ level: '提示', message: detection.reason }];
  if (detection.weak) {
    const candidates = detection.ranking
      .filter((s) => s.tables > 0)
      .slice(0, 3)
      .map((s) => `${found(s)}，未找到${tablesLabel(s.family, s.missing)}`);
    // A 提示, not a 警告: a workbook holding only some tables is normal (one file per table, or a partial book).
    notices.push({
      level: '提示',
      message: `工作簿与已知模板都不完全相符${candidates.length ? `。最接近的：${candidates.join('；')}` : '，没有识别出任何表'}。可用 --template 指定模板。`,
    });
  }
  return notices;
}
