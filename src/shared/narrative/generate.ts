// 「生成」: the family's standard 情况说明 sections written from the book — figures, shares and the class list filled
// in from the tables through the family's vocabulary (the same words the checks read back), 【请填写…】 where only the
// clerk knows (reasons, changes against last year). A sentence is written only when the vocabulary maps every figure
// it needs, so the generated text passes its own checks.
import type { Book } from '../book';
import { FUNCTION_CLASSES } from '../catalogue/function-classes';
import { convertUnit, Dec, decimalText, roundHalfUp } from '../money';
import { findFamily } from '../template/registry';
import type { TemplateFamily } from '../template/types';
import { tableFigure } from './figures';
import type { Narrative } from './types';
import { vocabularyFor, type NarrativeVocabulary } from './vocabulary';

const REASON = '【请填写原因】';

interface Writer {
  book: Book;
  family: TemplateFamily;
  vocabulary: NarrativeVocabulary;
  /** 「2024年度某某局」 */
  who: string;
}

/** A subject's words and its figure in 万元 with 2 decimals, or undefined when the vocabulary has no such subject. */
function figure(w: Writer, id: string): { words: string; value: Dec } | undefined {
  const subject = w.vocabulary.subjects.find((s) => s.id === id);
  const found = subject ? tableFigure(w.book, w.family, subject.figure) : undefined;
  if (!subject || !found) return undefined;
  return { words: subject.words[0] as string, value: roundHalfUp(convertUnit(found.value, w.book.unit, '万元'), 2) };
}

const amount = (value: Dec): string => `${decimalText(value, 2)}万元`;
const share = (part: Dec, whole: Dec): string => (whole.isZero() ? '' : `，占${decimalText(part.dividedBy(whole).times(100), 2)}%`);

/** 「A X万元，其中：B Y万元，占…%；C Z万元，占…%。」 with the parts that exist. */
function breakdown(w: Writer, wholeId: string, partIds: readonly string[], withShares: boolean): string | undefined {
  const whole = figure(w, wholeId);
  const parts = partIds.map((id) => figure(w, id)).filter((p): p is NonNullable<typeof p> => p !== undefined);
  if (!whole || parts.length === 0) return undefined;
  const items = parts.map((p) => `${p.words}${amount(p.value)}${withShares ? share(p.value, whole.value) : ''}`);
  return `${w.who}${whole.words}${amount(whole.value)}，其中：${items.join('；')}。`;
}

/** The function classes with money in the table the vocabulary reads classes from. */
function classList(w: Writer, wholeId: string): string | undefined {
  const whole = figure(w, wholeId);
  const where = w.vocabulary.classTables.find((t) => t.whenTable === w.vocabulary.subjects.find((s) => s.id === wholeId)?.figure.table) ?? w.vocabulary.classTables.find((t) => !t.whenTable);
  if (!whole || !where) return undefined;
  const items = FUNCTION_CLASSES.flatMap((c) => {
    const found = tableFigure(w.book, w.family, { table: where.table, ...(where.side ? { side: where.side } : {}), row: c.code, column: where.column });
    const value = found ? roundHalfUp(convertUnit(found.value, w.book.unit, '万元'), 2) : undefined;
    return value && !value.isZero() ? [`${c.name}${amount(value)}${share(value, whole.value)}`] : [];
  });
  return items.length ? `${w.who}${whole.words}${amount(whole.value)}，主要用于以下方面：${items.join('；')}。` : undefined;
}

export function generateNarrative(book: Book): Narrative {
  const family = findFamily(book.familyId);
  const vocabulary = vocabularyFor(book.familyId);
  const entity = vocabulary?.entityWord ?? '部门';
  const paragraphs: string[] = [`${book.year}年度${entity}预算情况说明`];
  if (!family || !vocabulary) return { paragraphs: [...paragraphs, '【请填写情况说明】'] };
  const w: Writer = { book, family, vocabulary, who: `${book.year}年度${book.department}` };
  const section = (heading: string, ...sentences: (string | undefined)[]): void => {
    const text = sentences.filter((s): s is string => s !== undefined);
    if (text.length) paragraphs.push(heading, ...text);
  };
  const totals = [figure(w, 'incomeGrandTotal'), figure(w, 'expGrandTotal')].filter((f) => f !== undefined);
  section(
    '一、收支预算总体情况',
    totals.length ? `${w.who}${totals.map((t) => `${t.words}${amount(t.value)}`).join('，')}。与上年相比的增减变化及主要原因：${REASON}。` : undefined,
  );
  section('二、收入预算情况', breakdown(w, 'incomeGrandTotal', ['gpb', 'gfb', 'scob', 'fsm', 'unitFunds'], true));
  section('三、支出预算情况', breakdown(w, 'expGrandTotal', ['basic', 'project'], true));
  section('四、一般公共预算支出情况', classList(w, 'gpbExpenditure'));
  section('五、一般公共预算基本支出情况', breakdown(w, 'gpbBasic', ['personnel', 'public'], false));
  const threePublic = figure(w, 'threePublic');
  section(
    '六、“三公”经费预算情况',
    threePublic && threePublic.value.isZero() ? `本${entity}无“三公”经费预算。` : breakdown(w, 'threePublic', ['travelAbroad', 'reception', 'vehicles'], false),
    threePublic && !threePublic.value.isZero() ? `与上年相比的增减变化及主要原因：${REASON}。` : undefined,
  );
  const operating = figure(w, 'operating');
  section('七、机关运行经费情况', operating ? `${w.who}${operating.words}${amount(operating.value)}，主要用于保障机关正常运转。` : undefined);
  return { paragraphs, source: '生成' };
}
