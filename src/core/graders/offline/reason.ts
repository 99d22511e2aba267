// One line a reader can act on, naming the value, word or name that decided the verdict, in English or Japanese.
import type { ReasonLanguage, Verdict } from '../../types';
import type { Findings } from './features';
import type { Token } from './text';

/** The sentences a reason is made of, per language; each names what decided the verdict. */
interface Phrases {
  quote(s: string): string;
  list(items: readonly string[]): string;
  either(items: readonly string[]): string;
  smallTalk: string;
  nothingToConfirm: string;
  noPassage: string;
  states(percent: number, sentences: number): string;
  valueDiffers(reference: string, claim: string): string;
  negationDropped(word: string): string;
  negationAdded(word: string): string;
  exchanged(a: string, b: string): string;
  swapped(reference: string, claim: string): string;
  neverMentions(terms: string): string;
  notInSentence(names: string): string;
  neverGives(values: string): string;
  causeUnseen(cause: string): string;
  effectUnseen(effect: string): string;
  selfRelation(word: string): string;
  ownExperience(words: string): string;
  opinion(word: string): string;
  noSentence: string;
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

const PHRASES: Record<ReasonLanguage, Phrases> = {
  en: {
    quote: (s) => `'${clip(s)}'`,
    list: (items) => items.join(', '),
    either: (items) => items.join(' or '),
    smallTalk: 'small talk: states nothing to check',
    nothingToConfirm: 'states nothing the references can confirm',
    noPassage: 'no reference passage shares terms with this claim',
    states: (p, n) => `the reference states this (${p}% of the claim's terms in the quoted sentence${n > 1 ? 's' : ''})`,
    valueDiffers: (r, c) => `reference says ${r}, claim says ${c}`,
    negationDropped: (w) => `reference says ${w}, claim drops the negation`,
    negationAdded: (w) => `claim says ${w}, the reference does not negate this`,
    exchanged: (a, b) => `reference has ${a} and ${b} the other way round`,
    swapped: (r, c) => `reference says ${r} where the claim says ${c}`,
    neverMentions: (t) => `reference never mentions ${t}`,
    notInSentence: (n) => `the matching reference sentence does not mention ${n}`,
    neverGives: (v) => `reference never gives ${v}`,
    causeUnseen: (c) => `reference gives no cause: it never mentions ${c}`,
    effectUnseen: (c) => `reference draws no such consequence: it never mentions ${c}`,
    selfRelation: (w) => `the claim relates ${w} to itself; the reference names it once, beside something else`,
    ownExperience: (w) => `${w} tells the speaker's own experience or taste, which no reference attests`,
    opinion: (w) => `the reference does not say ${w}: an opinion, not something it states`,
    noSentence: 'the reference has these terms but no sentence states the claim',
  },
  ja: {
    quote: (s) => `「${clip(s)}」`,
    list: (items) => items.join('、'),
    either: (items) => items.join('、'),
    smallTalk: '雑談: 確認すべき内容がありません',
    nothingToConfirm: '参照文書で確かめられる内容がありません',
    noPassage: 'この主張と語を共有する参照箇所がありません',
    states: (p) => `参照文書に記載があります (引用した文に主張の語の ${p}%)`,
    valueDiffers: (r, c) => `参照文書では ${r}、主張では ${c}`,
    negationDropped: (w) => `参照文書は${w}と否定していますが、主張は否定していません`,
    negationAdded: (w) => `主張は${w}と否定していますが、参照文書は否定していません`,
    exchanged: (a, b) => `参照文書では${a}と${b}が逆です`,
    swapped: (r, c) => `主張の${c}の箇所が、参照文書では${r}です`,
    neverMentions: (t) => `参照文書に${t}の記載がありません`,
    notInSentence: (n) => `対応する参照文に${n}の記載がありません`,
    neverGives: (v) => `参照文書に ${v} という値はありません`,
    causeUnseen: (c) => `参照文書は原因を述べていません (${c}の記載がありません)`,
    effectUnseen: (c) => `参照文書はそのような帰結を述べていません (${c}の記載がありません)`,
    selfRelation: (w) => `主張は${w}をそれ自身と結び付けていますが、参照文書では${w}は一度だけ、別のものと並んで出てきます`,
    ownExperience: (w) => `${w}は話し手自身の経験や好みで、参照文書では確かめられません`,
    opinion: (w) => `参照文書は${w}とは述べていません (意見であり、記載された事実ではありません)`,
    noSentence: '参照文書にこれらの語はありますが、主張を述べた文はありません',
  },
};

export function explain(f: Findings, verdict: Verdict, language: ReasonLanguage = 'en'): string {
  const t = PHRASES[language];
  const q = t.quote;
  if (f.smallTalk) return verdict === 'supported' ? t.smallTalk : t.nothingToConfirm;
  if (!f.alignment.sentences.length) return t.noPassage;
  if (verdict === 'supported') {
    const cov = f.alignment.match2.length ? f.alignment.match2.filter((m) => m > 0).length / f.alignment.match2.length : 1;
    return t.states(Math.round(100 * cov), f.alignment.best.length);
  }
  if (f.conflict) return t.valueDiffers(f.conflict.reference.text.trim(), f.conflict.claim.text.trim());
  if (f.negation?.side === 'reference') return t.negationDropped(q(f.negation.word));
  if (f.negation?.side === 'claim') return t.negationAdded(q(f.negation.word));
  if (f.opposite) return t.valueDiffers(q(f.opposite.reference), q(f.opposite.claim));
  if (f.exchange) return t.exchanged(q(f.exchange.claim), q(f.exchange.reference));
  const names = phrases(f, f.missing.filter((x) => x.name));
  // What the claim is about, named nowhere, comes before a value in its slot: "The Statue of Liberty is 500 metres tall"
  // against the Eiffel Tower's 330 metres is unsupported for the statue, not for the number.
  const about = f.swap ? subjectUnseen(f) : undefined;
  if (about) return t.neverMentions(t.list(phrases(f, about).slice(0, 3).map(q)));
  if (f.swap) return t.swapped(q(f.swap.reference), q(f.swap.claim));
  if (f.cause) return f.cause.effect ? t.effectUnseen(q(f.cause.text)) : t.causeUnseen(q(f.cause.text));
  if (f.self) return t.selfRelation(q(f.self));
  if (f.own) return t.ownExperience(q(f.own));
  if (f.strengthened) return t.swapped(q(f.strengthened.reference), q(f.strengthened.claim));
  if (names.length) return t.neverMentions(t.list(names.slice(0, 3).map(q)));
  const off = phrases(f, f.namesOff);
  if (off.length) return t.notInSentence(t.list(off.slice(0, 3).map(q)));
  if (f.unmatchedNumbers.length) return t.neverGives(t.either([...new Set(f.unmatchedNumbers.map((n) => n.text.trim()))].slice(0, 2)));
  if (f.opinions.length) return t.opinion(q(f.opinions[0]!.surface));
  if (f.missing.length) return t.neverMentions(t.list(phrases(f, f.missing).slice(0, 3).map(q)));
  return t.noSentence;
}

/**
 * The claim's subject, where no passage names it: its first word is missing, a name (東京タワー in Japanese: kanji or
 * katakana), and no part of the value the swap found. Then the missing names, that word first.
 */
function subjectUnseen(f: Findings): Token[] | undefined {
  const first = f.claimToks.find((x) => !x.stop);
  if (!first || !f.missing.some((m) => m.start === first.start)) return undefined;
  if (!first.name && !/[\p{sc=Han}\p{sc=Katakana}]/u.test(first.surface)) return undefined;
  const swapped = f.swap!.claim.trim();
  if (swapped.includes(first.surface) || first.surface.includes(swapped)) return undefined;
  return f.missing.filter((m) => m.start === first.start || (m.name && !swapped.includes(m.surface)));
}

/**
 * Missing words that stand next to each other in the claim read as one phrase: 'Le Corbusier', not 'Le',
 * 'Corbusier'; '1,083 ft', not '1', '083 ft' (a separator between digits joins them too).
 */
function phrases(f: Findings, toks: readonly Token[]): string[] {
  const sorted = [...toks].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  const text = f.claimText;
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && joins(text, last.end, t.start)) last.end = t.end;
    else out.push({ start: t.start, end: t.end });
  }
  return out.map((p) => text.slice(p.start, p.end));
}

/** Whether what lies between two words leaves them one phrase: spaces or hyphens, or a separator inside a number. */
function joins(text: string, end: number, start: number): boolean {
  const gap = text.slice(end, start);
  return /^[\s-]*$/.test(gap) || (/^[,.]$/.test(gap) && /\d/.test(text[end - 1] ?? '') && /\d/.test(text[start] ?? ''));
}
