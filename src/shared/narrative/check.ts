// Checks of the 情况说明 against the tables and against itself (issue 12). Every finding quotes its sentence
// (finding.narrative) and, where a table figure is involved, names the cell (finding.locations).
//   narrative.amount      a figure differs from its table figure at the printed precision (四舍五入 from the book)
//   narrative.truncated   … and equals the figure cut off instead of rounded
//   narrative.rate        a rate does not follow from the change and last year's figure
//   narrative.swapped     amount and rate written the wrong way round
//   narrative.direction   增加 with 下降 (or the reverse) for one change
//   narrative.zeroBase    a rate against a zero base (应写「新增」)
//   narrative.share       a share does not follow from its part and whole
//   narrative.contradiction  one figure, two different changes against last year
//   narrative.wording     template wording left in, an empty 原因, an obsolete class name, 部门/单位, the year
//   narrative.emptyTable  the text says there is none where the table has figures
import type { Book } from '../book';
import { FUNCTION_CLASSES } from '../catalogue/function-classes';
import { convertUnit, Dec, decimalText, formatAmount, roundHalfUp, type MoneyUnit } from '../money';
import { findFamily } from '../template/registry';
import type { TemplateFamily } from '../template/types';
import type { Finding, Location, Severity } from '../validation/types';
import { extractClaims, type Claim, type ClassNames, type ItemPath } from './claims';
import { tableFigure, type TableFigure } from './figures';
import { RENAMED_CLASSES } from './renamed-classes';
import { sentencesOf, type Sentence } from './sentences';
import { vocabularyFor, type NarrativeVocabulary } from './vocabulary';

const CLASS_NAMES: ClassNames = [...FUNCTION_CLASSES.map((c): [string, string] => [c.code, c.name]), ...RENAMED_CLASSES.map((r): [string, string] => [r.code, r.old])];

const shown = (value: Dec, decimals = 2): string => formatAmount(value, { decimals });
const quoteOf = (sentence: Sentence): string => sentence.text.trim();

interface Context {
  book: Book;
  family: TemplateFamily;
  vocabulary: NarrativeVocabulary | undefined;
  out: Finding[];
}

function report(ctx: Context, rule: string, severity: Severity, sentence: Sentence, message: string, extra: Partial<Finding> = {}, at = sentence.start): void {
  const key = `${rule}:${sentence.paragraph}:${at}`;
  if (ctx.out.some((f) => f.key === key)) return;
  ctx.out.push({ key, rule, severity, message, locations: [], ...extra, narrative: { paragraph: sentence.paragraph, start: sentence.start, end: sentence.end, quote: quoteOf(sentence) } });
}

export function checkNarrative(book: Book): Finding[] {
  const narrative = book.narrative;
  const family = findFamily(book.familyId);
  if (!narrative || narrative.paragraphs.length === 0 || !family) return [];
  const vocabulary = vocabularyFor(book.familyId);
  const sentences = sentencesOf(narrative);
  const claims = extractClaims(sentences, vocabulary, CLASS_NAMES, book.year);
  const ctx: Context = { book, family, vocabulary, out: [] };
  for (const claim of claims) {
    if (claim.kind === 'amount') checkAmount(ctx, claim, claims);
    else if (claim.kind === 'rate') checkRate(ctx, claim);
    else if (claim.kind === 'share') checkShare(ctx, claim);
    else if (claim.templateWording) report(ctx, 'narrative.wording', 'warning', claim.sentence, claim.templateWording.startsWith('增减') ? `「增减 ${decimalText(claim.value, claim.decimals)}${claim.unit}」没有说明是增加还是减少。` : `模板中的「${claim.templateWording}」没有改成实际的增或减。`, {}, claim.start);
  }
  checkContradictions(ctx, claims);
  for (const sentence of sentences) checkWording(ctx, sentence);
  checkQuotes(ctx, sentences, narrative.paragraphs);
  return ctx.out;
}

/** The table figure a claim is about: its subject's, or its function class's in the table the sentence is about. */
function figureOf(ctx: Context, claim: Claim, claims: readonly Claim[]): TableFigure | undefined {
  if (claim.subject) return tableFigure(ctx.book, ctx.family, claim.subject.figure);
  if ((!claim.classCode && !claim.itemPath) || !ctx.vocabulary) return undefined;
  const first = claims.find((c) => c.sentence === claim.sentence && c.subject);
  const about = first?.subject?.figure.table;
  const where = ctx.vocabulary.classTables.find((t) => t.whenTable === about) ?? ctx.vocabulary.classTables.find((t) => !t.whenTable);
  if (!where) return undefined;
  const code = claim.classCode ?? itemCode(ctx.book, where.table, claim.itemPath as ItemPath);
  return code ? tableFigure(ctx.book, ctx.family, { table: where.table, ...(where.side ? { side: where.side } : {}), row: code, column: where.column }) : undefined;
}

/** The 7-digit code of a 类/款/项 path: its printed codes, else its names found down the table's own rows. */
function itemCode(book: Book, tableId: string, path: ItemPath): string | undefined {
  if (path.codes) return path.codes.join('');
  const rows = book.tables.find((t) => t.tableId === tableId)?.rows ?? [];
  const same = (a: string, b: string): boolean => a.replace(/\s/g, '') === b.replace(/\s/g, '');
  const renamed = (name: string): string => RENAMED_CLASSES.find((r) => r.old === name)?.current ?? name;
  const classRow = rows.find((r) => r.code?.length === 3 && same(r.name, renamed(path.names[0])));
  const sectionRow = classRow && rows.find((r) => r.code?.length === 5 && r.code.startsWith(classRow.code as string) && same(r.name, path.names[1]));
  const itemRow = sectionRow && rows.find((r) => r.code?.length === 7 && r.code.startsWith(sectionRow.code as string) && same(r.name, path.names[2]));
  return itemRow?.code;
}

function checkAmount(ctx: Context, claim: Claim, claims: readonly Claim[]): void {
  if (claim.unit === '%') return;
  const figure = figureOf(ctx, claim, claims);
  if (!figure) return;
  const unit = claim.unit as MoneyUnit;
  const exact = convertUnit(figure.value, ctx.book.unit, unit);
  const rounded = roundHalfUp(exact, claim.decimals);
  if (rounded.equals(claim.value)) return;
  const located = { locations: [figure.location], expected: decimalText(rounded, claim.decimals), actual: decimalText(claim.value, claim.decimals), difference: decimalText(claim.value.minus(rounded), claim.decimals) };
  if (exact.toDecimalPlaces(claim.decimals, Dec.ROUND_DOWN).equals(claim.value)) {
    report(ctx, 'narrative.truncated', 'warning', claim.sentence, `情况说明写 ${shown(claim.value, claim.decimals)}${unit}，${figure.label} 为 ${shown(exact, Math.max(2, exact.decimalPlaces()))}${unit}：数字被截断而不是四舍五入，应为 ${shown(rounded, claim.decimals)}${unit}。`, located, claim.start);
    return;
  }
  report(ctx, 'narrative.amount', 'error', claim.sentence, `情况说明写 ${shown(claim.value, claim.decimals)}${unit}，${figure.label} 为 ${shown(rounded, claim.decimals)}${unit}，相差 ${shown(claim.value.minus(rounded), claim.decimals)}${unit}。`, located, claim.start);
}

/** Half of the rounding step of a figure written with `decimals` decimals. */
const halfStep = (decimals: number): Dec => new Dec(10).pow(-decimals).dividedBy(2);

/**
 * Whether stated% can come from numerator ÷ denominator when both were rounded as written (interval arithmetic):
 * each figure stands for its value ± its half step.
 */
function ratioAgrees(numerator: Dec, numeratorStep: Dec, denominator: Dec, denominatorStep: Dec, stated: Claim): boolean {
  const low = Dec.max(0, numerator.abs().minus(numeratorStep)).dividedBy(denominator.plus(denominatorStep)).times(100);
  const high = numerator.abs().plus(numeratorStep).dividedBy(Dec.max(new Dec('1e-9'), denominator.minus(denominatorStep))).times(100);
  const half = halfStep(stated.decimals);
  return low.lessThanOrEqualTo(stated.value.plus(half)) && high.greaterThanOrEqualTo(stated.value.minus(half));
}

function checkRate(ctx: Context, rate: Claim): void {
  if (rate.templateWording) report(ctx, 'narrative.wording', 'warning', rate.sentence, `模板中的「${rate.templateWording}」没有改成实际的增长或下降。`, {}, rate.start);
  if (rate.prior && rate.head) return checkRateAgainstPrior(ctx, rate, rate.prior, rate.head);
  const change = rate.change;
  const head = rate.head;
  if (!change || !head) return;
  if (change.sign !== 0 && rate.sign !== 0 && change.sign !== rate.sign) {
    report(ctx, 'narrative.direction', 'error', rate.sentence, `增减方向前后矛盾：${change.sign > 0 ? '增加' : '减少'} ${shown(change.value, change.decimals)}${change.unit}，却写${rate.sign > 0 ? '增长' : '下降'} ${decimalText(rate.value, rate.decimals)}%。`, {}, rate.start);
    return;
  }
  const sign = change.sign === 0 ? rate.sign || 1 : change.sign;
  const lastYear = head.value.minus(change.value.times(sign));
  const step = halfStep(head.decimals).plus(halfStep(change.decimals));
  if (lastYear.lessThanOrEqualTo(step)) {
    if (!rate.value.isZero()) report(ctx, 'narrative.zeroBase', 'warning', rate.sentence, `上年为 0（${shown(head.value, head.decimals)} − ${shown(change.value, change.decimals)}），不能计算增长率；应写「新增」而不是「增长 ${decimalText(rate.value, rate.decimals)}%」。`, {}, rate.start);
    return;
  }
  if (ratioAgrees(change.value, halfStep(change.decimals), lastYear, step, rate)) return;
  const computed = roundHalfUp(change.value.dividedBy(lastYear).times(100), rate.decimals);
  // Written the wrong way round: the rate is the amount and the amount the rate.
  const swappedBase = head.value.minus(rate.value.times(sign));
  if (rate.value.lessThan(head.value) && swappedBase.greaterThan(0) && ratioAgrees(rate.value, halfStep(rate.decimals), swappedBase, step, { ...change, unit: '%' })) {
    report(ctx, 'narrative.swapped', 'error', rate.sentence, `金额与增幅写反了：${shown(head.value, head.decimals)}${head.unit} 比上年${sign > 0 ? '增加' : '减少'} ${decimalText(rate.value, rate.decimals)}${head.unit} 才是${sign > 0 ? '增长' : '下降'} ${decimalText(change.value, change.decimals)}%；写的是 ${decimalText(change.value, change.decimals)}${head.unit}、${decimalText(rate.value, rate.decimals)}%。`, {}, rate.start);
    return;
  }
  report(ctx, 'narrative.rate', 'error', rate.sentence, `${sign > 0 ? '增长' : '下降'}率不符：${shown(change.value, change.decimals)} ÷ 上年 ${shown(lastYear)}（${shown(head.value, head.decimals)} ${sign > 0 ? '−' : '+'} ${shown(change.value, change.decimals)}）= ${decimalText(computed, rate.decimals)}%，写的是 ${decimalText(rate.value, rate.decimals)}%。`, { expected: decimalText(computed, rate.decimals), actual: decimalText(rate.value, rate.decimals) }, rate.start);
}

/** 「2025年执行数为 A 万元，2026年安排 B 万元，比2025年增加 R%」: R must be (B − A) ÷ A, in the direction it says. */
function checkRateAgainstPrior(ctx: Context, rate: Claim, prior: Claim, current: Claim): void {
  if (prior.value.isZero() || prior.unit !== current.unit) return;
  const change = current.value.minus(prior.value);
  const computed = roundHalfUp(change.abs().dividedBy(prior.value).times(100), rate.decimals);
  const direction = change.isZero() ? 0 : change.greaterThan(0) ? 1 : -1;
  const agrees = (rate.sign === 0 || direction === 0 || rate.sign === direction) && ratioAgrees(change, halfStep(prior.decimals).plus(halfStep(current.decimals)), prior.value, halfStep(prior.decimals), rate);
  if (agrees) return;
  const said = `${rate.sign > 0 ? '增加' : rate.sign < 0 ? '减少' : '变化'} ${decimalText(rate.value, rate.decimals)}%`;
  const truth = `${direction >= 0 ? '增加' : '减少'} ${decimalText(computed, rate.decimals)}%`;
  report(ctx, rate.sign !== 0 && direction !== 0 && rate.sign !== direction ? 'narrative.direction' : 'narrative.rate', 'error', rate.sentence, `${shown(current.value, current.decimals)}${current.unit} 比 ${shown(prior.value, prior.decimals)}${current.unit} ${truth}，写的是${said}。`, { expected: decimalText(computed, rate.decimals), actual: decimalText(rate.value, rate.decimals) }, rate.start);
}

function checkShare(ctx: Context, share: Claim): void {
  const part = share.head;
  const whole = share.whole;
  if (!part || !whole || whole.value.isZero() || part.unit !== whole.unit) return;
  if (ratioAgrees(part.value, halfStep(part.decimals), whole.value, halfStep(whole.decimals), share)) return;
  const computed = roundHalfUp(part.value.dividedBy(whole.value).times(100), share.decimals);
  report(ctx, 'narrative.share', 'warning', share.sentence, `占比不符：${shown(part.value, part.decimals)} ÷ ${shown(whole.value, whole.decimals)} = ${decimalText(computed, share.decimals)}%，写的是 ${decimalText(share.value, share.decimals)}%。`, { expected: decimalText(computed, share.decimals), actual: decimalText(share.value, share.decimals) }, share.start);
}

/** The same figure this year said to have fallen in one place and risen in another (376.55 less here, 163.02 more there). */
function checkContradictions(ctx: Context, claims: readonly Claim[]): void {
  const seen = new Map<string, Claim>();
  for (const change of claims) {
    if (change.kind !== 'change' || change.sign === 0 || !change.head) continue;
    const id = `${change.head.value.toString()}${change.head.unit}`;
    const earlier = seen.get(id);
    if (!earlier) {
      seen.set(id, change);
      continue;
    }
    // Two totals equal this year may well have differed last year (other funds); one rising while the other falls is
    // what a reader cannot square.
    if (earlier.sign === change.sign) continue;
    const word = (c: Claim) => `${c.sign > 0 ? '增加' : '减少'} ${shown(c.value, c.decimals)}${c.unit}`;
    report(ctx, 'narrative.contradiction', 'warning', change.sentence, `同为 ${shown(change.head.value, change.head.decimals)}${change.head.unit}，前文说比上年${word(earlier)}（第 ${earlier.sentence.paragraph + 1} 段），这里说${word(change)}：同一数字的上年数前后不一致。`, {}, change.start);
  }
}

const TEMPLATE_LEFTOVERS = /[（(](增加|减少|增长|下降)[）)]|×{2,}|XX|＊＊|\*\*\*/;
const EMPTY_REASON = /(主要)?原因(是|为|如下)?[：:]?\s*[。；;]/;
const YEAR = /(20\d{2})年度?(部门|单位)?(预算|决算|收支|收入|支出)/g;

function checkWording(ctx: Context, sentence: Sentence): void {
  const text = sentence.text;
  const leftover = TEMPLATE_LEFTOVERS.exec(text);
  if (leftover && !/增加|减少|增长|下降/.test(leftover[0])) report(ctx, 'narrative.wording', 'warning', sentence, `模板占位「${leftover[0]}」没有替换成实际内容。`);
  if (EMPTY_REASON.test(text)) report(ctx, 'narrative.wording', 'warning', sentence, '「原因」后面没有写原因。', {}, sentence.start + 1);
  for (const renamed of RENAMED_CLASSES) {
    if (ctx.book.year >= renamed.since && text.includes(renamed.old)) {
      report(ctx, 'narrative.wording', 'warning', sentence, `「${renamed.old}」是 ${renamed.since} 年以前的科目名称，${ctx.book.year} 年应为「${renamed.current}」。`, {}, sentence.start + 2);
    }
  }
  if (ctx.vocabulary?.entityWord === '单位' && /本部门/.test(text)) report(ctx, 'narrative.wording', 'warning', sentence, '单位的情况说明中写了「本部门」，应为「本单位」。', {}, sentence.start + 3);
  for (const match of text.matchAll(YEAR)) {
    const year = Number(match[1]);
    if (year !== ctx.book.year && year !== ctx.book.year - 1) {
      report(ctx, 'narrative.wording', 'warning', sentence, `写的是 ${year} 年，本预算本是 ${ctx.book.year} 年：年份可能沿用了旧文本。`, {}, sentence.start + 4);
      break;
    }
  }
  checkEmptyTable(ctx, sentence);
}

/** Per paragraph: quotation marks that do not pair up, and doubled punctuation (「。。」). */
function checkQuotes(ctx: Context, sentences: readonly Sentence[], paragraphs: readonly string[]): void {
  paragraphs.forEach((paragraph, index) => {
    const open = (paragraph.match(/“/g) ?? []).length;
    const close = (paragraph.match(/”/g) ?? []).length;
    const first = sentences.find((s) => s.paragraph === index);
    if (open !== close && first) report(ctx, 'narrative.wording', 'warning', first, `这一段有 ${open} 个左引号“、${close} 个右引号”，引号不成对。`, {}, first.start + 7);
    const doubled = /。。|，，|；；/.exec(paragraph);
    const at = doubled ? sentences.find((s) => s.paragraph === index && s.end >= doubled.index) : undefined;
    if (doubled && at) report(ctx, 'narrative.wording', 'warning', at, `有重复的标点「${doubled[0]}」。`, {}, at.start + 6);
  });
}

/** 「本部门无“三公”经费预算」 while the 三公 table has figures. */
function checkEmptyTable(ctx: Context, sentence: Sentence): void {
  if (!/(无|没有)[“"]?三公[”"]?经费/.test(sentence.text)) return;
  const subject = ctx.vocabulary?.subjects.find((s) => s.id === 'threePublic');
  const figure = subject ? tableFigure(ctx.book, ctx.family, subject.figure) : undefined;
  if (!figure || figure.value.isZero()) return;
  report(ctx, 'narrative.emptyTable', 'error', sentence, `说明写没有“三公”经费，但 ${figure.label} 为 ${shown(figure.value)}${ctx.book.unit}。`, { locations: [figure.location] as Location[] }, sentence.start + 5);
}
