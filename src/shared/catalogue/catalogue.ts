// The classification catalogue (政府收支分类科目): versioned data plus pure look-ups.
// A Catalogue is immutable; extend() returns a new one. No Node, Electron or DOM here.
import type { ClassificationId } from '../template/types';
import { cleanCode, cleanName, normaliseName } from './normalise';

export type { ClassificationId };

/** 类 / 款 / 项. Economic classifications stop at 款. */
export type CatalogueLevel = 'class' | 'section' | 'item';

export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
}

/** One classification's data, as stored in resources/catalogue/*.json. */
export interface CatalogueFile {
  classification: ClassificationId;
  /** Catalogue year or edition, e.g. "2024". */
  version: string;
  title?: string;
  /** Where the data comes from and how complete it is. */
  basis?: string;
  entries: readonly CatalogueEntry[];
}

/** Digits of a 类, 款 and 项 code (function and income classifications): the one place these numbers live. */
const CLASS_SECTION_ITEM: readonly number[] = [3, 5, 7];
/** Economic classifications stop at 款. */
const CLASS_SECTION: readonly number[] = CLASS_SECTION_ITEM.slice(0, 2);

/** Code lengths of 类/款/项 per classification (function and income codes: 3/5/7; economic: 3/5). */
export const CODE_LENGTHS: Readonly<Record<ClassificationId, readonly number[]>> = {
  function: CLASS_SECTION_ITEM,
  govFundIncome: CLASS_SECTION_ITEM,
  stateCapitalIncome: CLASS_SECTION_ITEM,
  economicDept: CLASS_SECTION,
  economicGov: CLASS_SECTION,
};

export const CLASSIFICATION_IDS = Object.keys(CODE_LENGTHS) as readonly ClassificationId[];

/** Chinese names of the classifications, for messages. */
export const CLASSIFICATION_LABELS: Readonly<Record<ClassificationId, string>> = {
  function: '支出功能分类科目',
  govFundIncome: '政府性基金预算收入科目',
  stateCapitalIncome: '国有资本经营预算收入科目',
  economicDept: '部门预算支出经济分类科目',
  economicGov: '政府预算支出经济分类科目',
};

export const LEVEL_LABELS: Readonly<Record<CatalogueLevel, string>> = { class: '类', section: '款', item: '项' };

const LEVELS: readonly CatalogueLevel[] = ['class', 'section', 'item'];

export function isClassificationId(value: unknown): value is ClassificationId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CODE_LENGTHS, value);
}

/** The 类 a code belongs to ('2010301' → '201'): every classification has 3-digit classes. */
export function classCodeOf(code: string): string {
  return code.slice(0, CLASS_SECTION_ITEM[0]);
}

/**
 * The 款 and 类 a code sits under, nearest first, by their lengths: '2010301' → ['20103', '201']. A code of the
 * wrong length still names them ('20103999' → ['20103', '201']): only 类 and 款 have rows under them.
 */
export function ancestorCodes(code: string): string[] {
  return CLASS_SECTION.filter((length) => length < code.length)
    .reverse()
    .map((length) => code.slice(0, length));
}

/** Whether a code is a 类 code by its length (any classification). */
export function isClassCode(code: string | undefined): boolean {
  return code?.length === CLASS_SECTION_ITEM[0];
}

/** "类 3 位、款 5 位、项 7 位": the code lengths of a classification, for messages. */
export function codeLengthsText(classification: ClassificationId): string {
  return CODE_LENGTHS[classification].map((length, i) => `${LEVEL_LABELS[LEVELS[i] ?? 'item']} ${length} 位`).join('、');
}

/** Structural level of a code (digits only, right length); says nothing about whether the code is known. */
export function levelOfCode(classification: ClassificationId, code: string): CatalogueLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  const index = CODE_LENGTHS[classification].indexOf(code.length);
  return index < 0 ? undefined : LEVELS[index];
}

/** Structural parent: '2010301' → '20103' → '201' → undefined. Undefined for malformed codes. */
export function parentOfCode(classification: ClassificationId, code: string): string | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  const lengths = CODE_LENGTHS[classification];
  const index = lengths.indexOf(code.length);
  if (index <= 0) return undefined;
  return code.slice(0, lengths[index - 1]);
}

/**
 * Joins split code columns (Henan's 类 | 款 | 项: "201" "03" "01") into one code ("2010301").
 * Blank trailing parts are ignored; a part that already carries the full prefix ("20103") is accepted as is.
 * Returns undefined when the parts are not digits or do not form a 3/5/7-digit code.
 */
export function joinCodeParts(
  classification: ClassificationId,
  parts: readonly (string | number | null | undefined)[],
): string | undefined {
  const cleaned = parts.map((p) => (p === null || p === undefined ? '' : cleanCode(p)));
  while (cleaned.length > 0 && cleaned[cleaned.length - 1] === '') cleaned.pop();
  if (cleaned.length === 0 || cleaned.some((p) => !/^\d+$/.test(p))) return undefined;
  let code = '';
  for (const part of cleaned) {
    // A part may repeat its prefix (some exports print 20103 in the 款 column).
    code = code !== '' && part.startsWith(code) && part.length > code.length ? part : code + part;
  }
  return levelOfCode(classification, code) ? code : undefined;
}

/** Splits a code into its 类/款/项 parts: '2010301' → ['201', '03', '01']. */
export function splitCode(classification: ClassificationId, code: string): string[] | undefined {
  if (!levelOfCode(classification, code)) return undefined;
  const parts: string[] = [];
  let start = 0;
  for (const end of CODE_LENGTHS[classification]) {
    if (end > code.length) break;
    parts.push(code.slice(start, end));
    start = end;
  }
  return parts;
}

export type RejectReason = 'invalidCode' | 'invalidLength' | 'emptyName' | 'missingParent' | 'conflict';

export interface RejectedEntry {
  /** The code as given (cleaned of spaces and full-width digits). */
  code: string;
  name: string;
  kind: RejectReason;
  /** Chinese sentence for the clerk. */
  reason: string;
}

export interface ExtendResult {
  /** The extended catalogue (the original is unchanged). */
  catalogue: Catalogue;
  added: number;
  renamed: { code: string; from: string; to: string }[];
  /** Codes already present with the same name (after normalisation). */
  unchanged: number;
  rejected: RejectedEntry[];
}

export interface ExtendOptions {
  /** New version label for the classification (default: keep the current one). */
  version?: string;
}

export type NameCheck =
  /** Same text as the catalogue. */
  | { status: 'match'; entry: CatalogueEntry }
  /** Same after normalisation (bracket width, spaces): not worth a warning. */
  | { status: 'equivalent'; entry: CatalogueEntry }
  /** Different name: the validator warns. */
  | { status: 'different'; entry: CatalogueEntry }
  | { status: 'unknownCode' };

export interface FindByNameOptions {
  /** Only entries under this code (its descendants), e.g. '505' to find 工资福利支出 → 50501. */
  parentCode?: string;
  level?: CatalogueLevel;
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

interface Table {
  readonly classification: ClassificationId;
  readonly version: string;
  readonly title: string | undefined;
  readonly basis: string | undefined;
  /** Sorted by code, which is also 类→款→项 tree order. */
  readonly entries: readonly CatalogueEntry[];
  readonly byCode: ReadonlyMap<string, CatalogueEntry>;
  readonly byName: ReadonlyMap<string, readonly CatalogueEntry[]>;
  readonly children: ReadonlyMap<string, readonly CatalogueEntry[]>;
}

const ROOT = '';

function compareCodes(a: CatalogueEntry, b: CatalogueEntry): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function buildTable(file: CatalogueFile): Table {
  const { classification } = file;
  const sorted = [...file.entries].map((e) => Object.freeze({ code: e.code, name: e.name })).sort(compareCodes);
  const byCode = new Map<string, CatalogueEntry>();
  for (const entry of sorted) {
    if (!levelOfCode(classification, entry.code)) {
      throw new CatalogueError(`${CLASSIFICATION_LABELS[classification]}：编码“${entry.code}”不是有效的科目编码`);
    }
    if (entry.name.trim() === '') throw new CatalogueError(`${CLASSIFICATION_LABELS[classification]}：编码 ${entry.code} 没有名称`);
    if (byCode.has(entry.code)) throw new CatalogueError(`${CLASSIFICATION_LABELS[classification]}：编码 ${entry.code} 重复`);
    byCode.set(entry.code, entry);
  }
  const byName = new Map<string, CatalogueEntry[]>();
  const children = new Map<string, CatalogueEntry[]>();
  for (const entry of sorted) {
    const parent = parentOfCode(classification, entry.code) ?? ROOT;
    if (parent !== ROOT && !byCode.has(parent)) {
      throw new CatalogueError(`${CLASSIFICATION_LABELS[classification]}：编码 ${entry.code} 的上级科目 ${parent} 不存在`);
    }
    const key = normaliseName(entry.name);
    const named = byName.get(key);
    if (named) named.push(entry);
    else byName.set(key, [entry]);
    const siblings = children.get(parent);
    if (siblings) siblings.push(entry);
    else children.set(parent, [entry]);
  }
  return {
    classification,
    version: file.version,
    title: file.title,
    basis: file.basis,
    entries: Object.freeze(sorted),
    byCode,
    byName,
    children,
  };
}

/**
 * Look-ups over one or more classifications. Codes passed in are cleaned (spaces, full-width digits, a
 * numeric cell's ".0") before use, so `get('function', ' 2010301 ')` works.
 */
export class Catalogue {
  private readonly tables: ReadonlyMap<ClassificationId, Table>;

  constructor(files: readonly CatalogueFile[]) {
    const tables = new Map<ClassificationId, Table>();
    for (const file of files) {
      if (!isClassificationId(file.classification)) {
        throw new CatalogueError(`未知的科目分类“${String(file.classification)}”`);
      }
      if (tables.has(file.classification)) {
        throw new CatalogueError(`${CLASSIFICATION_LABELS[file.classification]}重复加载`);
      }
      tables.set(file.classification, buildTable(file));
    }
    this.tables = tables;
  }

  /** Classifications this catalogue holds. */
  classifications(): ClassificationId[] {
    return [...this.tables.keys()];
  }

  /** Version label of a classification ("2024"), or undefined when it is not loaded. */
  version(classification: ClassificationId): string | undefined {
    return this.tables.get(classification)?.version;
  }

  title(classification: ClassificationId): string | undefined {
    return this.tables.get(classification)?.title;
  }

  /** All entries of a classification in code (tree) order. */
  entries(classification: ClassificationId): readonly CatalogueEntry[] {
    return this.tables.get(classification)?.entries ?? [];
  }

  size(classification: ClassificationId): number {
    return this.entries(classification).length;
  }

  get(classification: ClassificationId, code: string | number): CatalogueEntry | undefined {
    return this.tables.get(classification)?.byCode.get(cleanCode(code));
  }

  has(classification: ClassificationId, code: string | number): boolean {
    return this.get(classification, code) !== undefined;
  }

  /** 'class' | 'section' | 'item' by code structure (3/5/7 digits; economic 3/5); known or not. */
  levelOf(classification: ClassificationId, code: string | number): CatalogueLevel | undefined {
    return levelOfCode(classification, cleanCode(code));
  }

  /** Structural parent code: '2010301' → '20103' → '201' → undefined. */
  parentCode(classification: ClassificationId, code: string | number): string | undefined {
    return parentOfCode(classification, cleanCode(code));
  }

  /** The known entries above a code, 类 first ('2010301' → [201, 20103]). */
  ancestors(classification: ClassificationId, code: string | number): CatalogueEntry[] {
    const out: CatalogueEntry[] = [];
    let parent = this.parentCode(classification, code);
    while (parent !== undefined) {
      const entry = this.get(classification, parent);
      if (entry) out.unshift(entry);
      parent = parentOfCode(classification, parent);
    }
    return out;
  }

  /** Direct children of a code in code order; the 类 list when code is omitted or ''. */
  children(classification: ClassificationId, code?: string | number): CatalogueEntry[] {
    const key = code === undefined ? ROOT : cleanCode(code);
    return [...(this.tables.get(classification)?.children.get(key) ?? [])];
  }

  /** The 类 of a classification. */
  classes(classification: ClassificationId): CatalogueEntry[] {
    return this.children(classification);
  }

  /**
   * Entries whose name equals `name` after normalisation (spaces, bracket width, quotes). With
   * `parentCode`, only entries below that code; with `level`, only that level. Sorted by code.
   */
  findByName(classification: ClassificationId, name: string, options: FindByNameOptions = {}): CatalogueEntry[] {
    const found = this.tables.get(classification)?.byName.get(normaliseName(name)) ?? [];
    const parent = options.parentCode === undefined ? undefined : cleanCode(options.parentCode);
    return found.filter(
      (e) =>
        (parent === undefined || (e.code.length > parent.length && e.code.startsWith(parent))) &&
        (options.level === undefined || levelOfCode(classification, e.code) === options.level),
    );
  }

  /** How a printed name compares with the catalogue's name for the code. */
  checkName(classification: ClassificationId, code: string | number, name: string): NameCheck {
    const entry = this.get(classification, code);
    if (!entry) return { status: 'unknownCode' };
    if (entry.name === name) return { status: 'match', entry };
    if (normaliseName(entry.name) === normaliseName(name)) return { status: 'equivalent', entry };
    return { status: 'different', entry };
  }

  /**
   * Adds or renames entries from an official catalogue sheet (code, name) and returns a new catalogue.
   * Codes must be digits of a valid length; every 款/项 needs its parent, either already known or in the
   * same import (order in the sheet does not matter). A known code with a different name is renamed;
   * a name equal after normalisation is left as it was. Within the import the first occurrence of a code
   * wins and a later one with another name is rejected.
   */
  extend(
    classification: ClassificationId,
    entries: readonly { code: string | number; name: string }[],
    options: ExtendOptions = {},
  ): ExtendResult {
    const label = CLASSIFICATION_LABELS[classification];
    const lengths = CODE_LENGTHS[classification];
    const current = this.tables.get(classification);
    const rejected: RejectedEntry[] = [];
    const reject = (code: string, name: string, kind: RejectReason, reason: string): void => {
      rejected.push({ code, name, kind, reason });
    };

    // 1. Validate each row on its own; keep the first occurrence of each code.
    const incoming = new Map<string, string>();
    for (const raw of entries) {
      const code = cleanCode(raw.code);
      const name = cleanName(String(raw.name ?? ''));
      if (!/^\d+$/.test(code)) {
        reject(code, name, 'invalidCode', `科目编码“${code}”只能由数字组成`);
        continue;
      }
      if (!lengths.includes(code.length)) {
        reject(code, name, 'invalidLength', `科目编码“${code}”长度应为 ${lengths.join('、')} 位（${label}）`);
        continue;
      }
      if (name === '') {
        reject(code, name, 'emptyName', `科目编码 ${code} 没有科目名称`);
        continue;
      }
      const earlier = incoming.get(code);
      if (earlier !== undefined) {
        if (normaliseName(earlier) !== normaliseName(name)) {
          reject(code, name, 'conflict', `科目编码 ${code} 在导入数据中重复出现，且名称不同（已采用“${earlier}”）`);
        }
        continue;
      }
      incoming.set(code, name);
    }

    // 2. Apply parents before children.
    const merged = new Map<string, string>();
    for (const entry of current?.entries ?? []) merged.set(entry.code, entry.name);
    let added = 0;
    let unchanged = 0;
    const renamed: ExtendResult['renamed'] = [];
    const ordered = [...incoming].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const [code, name] of ordered) {
      const previous = merged.get(code);
      if (previous !== undefined) {
        if (normaliseName(previous) === normaliseName(name)) unchanged++;
        else {
          merged.set(code, name);
          renamed.push({ code, from: previous, to: name });
        }
        continue;
      }
      const parent = parentOfCode(classification, code);
      if (parent !== undefined && !merged.has(parent)) {
        reject(code, name, 'missingParent', `科目编码 ${code} 的上级科目 ${parent} 不存在，请一并导入上级科目`);
        continue;
      }
      merged.set(code, name);
      added++;
    }

    const files = this.toFiles().filter((f) => f.classification !== classification);
    files.push({
      classification,
      version: options.version ?? current?.version ?? '',
      ...(current?.title !== undefined ? { title: current.title } : {}),
      ...(current?.basis !== undefined ? { basis: current.basis } : {}),
      entries: [...merged].map(([code, name]) => ({ code, name })),
    });
    return { catalogue: new Catalogue(files), added, renamed, unchanged, rejected };
  }

  /** The catalogue as data again (for saving an extended catalogue). */
  toFiles(): CatalogueFile[] {
    return [...this.tables.values()].map((t) => ({
      classification: t.classification,
      version: t.version,
      ...(t.title !== undefined ? { title: t.title } : {}),
      ...(t.basis !== undefined ? { basis: t.basis } : {}),
      entries: t.entries,
    }));
  }
}

/** Checks the shape of catalogue data read from JSON (bundled or saved by a user) and types it. */
export function parseCatalogueFile(raw: unknown): CatalogueFile {
  if (typeof raw !== 'object' || raw === null) throw new CatalogueError('科目数据格式错误：不是对象');
  const obj = raw as Record<string, unknown>;
  if (!isClassificationId(obj.classification)) {
    throw new CatalogueError(`科目数据格式错误：未知的分类“${String(obj.classification)}”`);
  }
  if (typeof obj.version !== 'string') throw new CatalogueError('科目数据格式错误：缺少版本');
  if (!Array.isArray(obj.entries)) throw new CatalogueError('科目数据格式错误：缺少科目列表');
  const entries: CatalogueEntry[] = obj.entries.map((e: unknown, i: number) => {
    const entry = e as Record<string, unknown> | null;
    if (!entry || typeof entry.code !== 'string' || typeof entry.name !== 'string') {
      throw new CatalogueError(`科目数据格式错误：第 ${i + 1} 条科目缺少编码或名称`);
    }
    return { code: entry.code, name: entry.name };
  });
  return {
    classification: obj.classification,
    version: obj.version,
    ...(typeof obj.title === 'string' ? { title: obj.title } : {}),
    ...(typeof obj.basis === 'string' ? { basis: obj.basis } : {}),
    entries,
  };
}
