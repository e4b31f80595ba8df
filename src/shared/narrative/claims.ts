// The figures a narrative states, with what each is about: an amount of a subject (a table figure), a change
// against last year (增加/减少 … 万元), a rate (增长/下降 … %) or a share (占 … %). Changes, rates and shares point at the
// amount they are about (their head): the latest amount before them in the sentence, else the paragraph's last head.
import { Dec } from '../money';
import type { Sentence } from './sentences';
import { OUTSIDE_THE_TABLES, type NarrativeVocabulary, type SubjectDef } from './vocabulary';

export interface ItemPath {
  names: [string, string, string];
  /** The codes when printed (204, 06, 01). */
  codes?: [string, string, string];
}

/** 类/款/项 with optional codes in full- or half-width brackets; names may sit in quotes. */
const ITEM_PATH = /([^“”"，,。：:；;（）()\s]+?)[（(](\d{3})?类[）)]([^（）()]+?)[（(](\d{2})?款[）)]([^（）()]+?)[（(](\d{2})?项[）)]/g;

/** 「“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目」: the same path with dashes. */
const DASHED_PATH = /“([^“”]+?)-([^“”]+?)-([^“”]+?)”\s*科目[为：:]?\s*$/;

function itemPathIn(lead: string): ItemPath | undefined {
  const dashed = DASHED_PATH.exec(lead.trim());
  if (dashed) return { names: [dashed[1] as string, dashed[2] as string, dashed[3] as string] };
  const last = [...lead.matchAll(ITEM_PATH)].at(-1);
  if (!last) return undefined;
  const clean = (text: string | undefined): string => (text ?? '').replace(/^[\d、.．“"\s]+|[”"\s]+$/g, '');
  const names: [string, string, string] = [clean(last[1]), clean(last[3]), clean(last[5])];
  return last[2] && last[4] && last[6] ? { names, codes: [last[2], last[4], last[6]] } : { names };
}

export type ClaimKind = 'amount' | 'change' | 'rate' | 'share';

export interface Claim {
  kind: ClaimKind;
  value: Dec;
  /** Decimals as written. */
  decimals: number;
  unit: '万元' | '元' | '%';
  /** change and rate: +1 增加/增长, −1 减少/下降, 0 unclear (a template's 「增加（减少）」 left in). */
  sign: 1 | -1 | 0;
  /** The amount a change, rate or share is about. */
  head?: Claim;
  /** rate: the change it divides. */
  change?: Claim;
  /** share: the total it is a share of (the sentence's first figure). */
  whole?: Claim;
  /** rate without a change: last year's figure stated in the same sentence (「2025年执行数为A万元，2026年安排B万元，增长R%」). */
  prior?: Claim;
  subject?: SubjectDef;
  /** A function class named before the figure (its 3-digit code), when no subject phrase was. */
  classCode?: string;
  /** 「X（类）Y（款）Z（项）」 or 「X（204类）Y（06款）Z（01项）」 before the figure: a 项 by names or codes. */
  itemPath?: ItemPath;
  /** The words before the figure (since the previous one). */
  lead: string;
  sentence: Sentence;
  /** Offsets in the paragraph. */
  start: number;
  end: number;
  /** The template's both-ways wording (「增加（减少）」) was left in. */
  templateWording?: string;
}

const FIGURE = /(-?\d[\d,，]*(?:\.\d+)?)\s*(万元|元|%|％)/g;
const CHANGE_WORD = /(增加|减少|增长|下降|增减|上升|降低)(?:[（(](增加|减少|增长|下降)[）)])?(?:了)?\s*$/;
const RATE_WORD = /(增长|下降|增幅|降幅|上升|降低|增加|减少)(?:[（(](增长|下降|增加|减少)[）)])?(?:了|为)?\s*$/;
const SHARE_WORD = /占[^，,。；;]{0,20}$/;
const NEGATIVE = /减少|下降|降幅|降低/;

/** Names of function classes (类) with their codes (old names too), for sentences that list them. */
export type ClassNames = readonly (readonly [code: string, name: string])[];

function signOf(word: string, alternative: string | undefined): 1 | -1 | 0 {
  if (alternative || word === '增减') return 0;
  return NEGATIVE.test(word) ? -1 : 1;
}

function subjectIn(lead: string, vocabulary: NarrativeVocabulary | undefined): SubjectDef | undefined {
  let best: { subject: SubjectDef | undefined; length: number; end: number } | undefined;
  const text = lead.replace(/\s+/g, '');
  const consider = (subject: SubjectDef | undefined, word: string): void => {
    const at = text.lastIndexOf(word);
    if (at < 0) return;
    const end = at + word.length;
    if (!best || end > best.end || (end === best.end && word.length > best.length)) best = { subject, length: word.length, end };
  };
  for (const subject of vocabulary?.subjects ?? []) for (const word of subject.words) consider(subject, word);
  for (const word of [...OUTSIDE_THE_TABLES, ...(vocabulary?.outside ?? [])]) consider(undefined, word);
  return best?.subject;
}

/** A class named right before the figure (「卫生健康支出20.14万元」, 「“住房保障支出（类）”42万元」), nothing else between. */
function classIn(lead: string, classes: ClassNames): string | undefined {
  const text = lead.replace(/\s+/g, '').replace(/[“”"（）()类科目为：:]*$/, '');
  for (const [code, name] of classes) if (text.endsWith(name)) return code;
  return undefined;
}

/** Words that say a figure is last year's (「2025年当年预算执行数为」, 「上年」). */
const isPriorLead = (lead: string, year: number): boolean => /上年|执行数|决算数/.test(lead) || [...lead.matchAll(/(20\d{2})年/g)].some((m) => Number(m[1]) < year);

export function extractClaims(sentences: readonly Sentence[], vocabulary: NarrativeVocabulary | undefined, classes: ClassNames, year: number): Claim[] {
  const claims: Claim[] = [];
  let paragraphHead: Claim | undefined;
  let paragraph = -1;
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      paragraphHead = undefined;
    }
    let previousEnd = 0;
    let lastAmount: Claim | undefined;
    let lastSubjectAmount: Claim | undefined;
    let lastChange: Claim | undefined;
    let sentenceHead: Claim | undefined;
    /** The total before 「其中」: what a change or a share in the detail that follows is about. */
    let headBeforeDetail: Claim | undefined;
    for (const match of sentence.text.matchAll(FIGURE)) {
      const at = match.index ?? 0;
      const lead = sentence.text.slice(previousEnd, at);
      previousEnd = at + match[0].length;
      if (!headBeforeDetail && /其中|主要包括|主要用于|包括/.test(lead)) headBeforeDetail = lastSubjectAmount ?? lastAmount;
      const number = (match[1] as string).replace(/[,，]/g, '');
      const unit = match[2] === '％' ? '%' : (match[2] as Claim['unit']);
      const base = {
        value: new Dec(number),
        decimals: number.split('.')[1]?.length ?? 0,
        unit,
        lead,
        sentence,
        start: sentence.start + at,
        end: sentence.start + previousEnd,
      };
      if (unit === '%') {
        const rate = RATE_WORD.exec(lead);
        const changed = lastChange;
        if (rate) {
          const amounts = claims.filter((c) => c.sentence === sentence && c.kind === 'amount');
          const candidate = !changed && amounts.length >= 2 ? amounts[amounts.length - 2] : undefined;
          const prior = candidate && isPriorLead(candidate.lead, year) ? candidate : undefined;
          const head = prior ? amounts[amounts.length - 1] : (changed?.head ?? headBeforeDetail ?? lastSubjectAmount ?? paragraphHead);
          claims.push({ ...base, kind: 'rate', sign: signOf(rate[1] as string, rate[2]), ...(head ? { head } : {}), ...(changed ? { change: changed } : {}), ...(prior ? { prior } : {}), ...(rate[2] ? { templateWording: rate[0].trim() } : {}) });
        } else if (SHARE_WORD.test(lead) && lastAmount) {
          const whole = headBeforeDetail ?? sentenceHead;
          if (whole && whole !== lastAmount) claims.push({ ...base, kind: 'share', sign: 1, head: lastAmount, whole });
        }
        continue;
      }
      const change = CHANGE_WORD.exec(lead);
      const head = headBeforeDetail ?? sentenceHead ?? paragraphHead;
      if (change && head) {
        const claim: Claim = { ...base, kind: 'change', sign: signOf(change[1] as string, change[2]), head, ...(change[2] || change[1] === '增减' ? { templateWording: change[0].trim() } : {}) };
        claims.push(claim);
        lastChange = claim;
        continue;
      }
      const itemPath = itemPathIn(lead);
      const subject = itemPath ? undefined : subjectIn(lead, vocabulary);
      const classCode = subject || itemPath ? undefined : classIn(lead, classes);
      const claim: Claim = { ...base, kind: 'amount', sign: 1, ...(subject ? { subject } : {}), ...(classCode ? { classCode } : {}), ...(itemPath ? { itemPath } : {}) };
      claims.push(claim);
      lastAmount = claim;
      if (subject) lastSubjectAmount = claim;
      lastChange = undefined;
      sentenceHead ??= claim;
      if (subject) paragraphHead ??= claim;
    }
  }
  return claims;
}
