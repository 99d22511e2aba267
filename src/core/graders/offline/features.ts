// The checks a careful reader makes, as numbers for the model, plus what each found (for the reason and the fix).
import type { GradeRequest } from '../../types';
import { align, coverage, tokenWeight, wordTrigrams, type Alignment, type RefSentence, SentenceCache } from './align';
import { hedges, negations, opposite, oppositeKeys, type Opposite } from './negation';
import { comparable, derivedValue, givesValue, quantities, sameValue, type Quantity } from './numbers';
import { charBigrams, charTrigrams, contentTokens, hasCjk, tokens, withoutUnderscoreMarks, type Token } from './text';

export const FEATURES = [
  'covBest', 'charBest', 'charAll', 'uncovered', 'uncoveredNames', 'length',
  'numUnmatched', 'numConflict', 'negClaimOnly', 'negRefOnly', 'opposite', 'hedge',
  'personal', 'question', 'noPassage', 'lengthRatio', 'weakest',
  'allTokens', 'trigrams', 'missingCount', 'filler', 'fillerWithOthers',
  'swap', 'namesOffBest', 'opinion', 'covConflict', 'answer', 'factMiss', 'cjk', 'cjkCovBest', 'cjkMissing', 'cjkCharBest', 'cjkCharAll', 'cjkCharTrigrams', 'cjkPrecision', 'cjkLengthRatio', 'cjkWeakest', 'refNamesOff', 'negSecond', 'exchange', 'agentUnseen', 'slotSwap', 'negNever',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** The aligned sentences must carry this share of the claim before a clash in them counts as a contradiction. */
export const CLASH_COVERAGE = 0.6;
/** Sentences within this much of the best one's coverage are looked at for a clashing word too. */
const TIE_TOL = 0.1;

export interface Findings {
  x: number[];
  claimText: string;
  alignment: Alignment;
  claimToks: Token[];
  /** Claim terms no retrieved sentence has, names first. */
  missing: Token[];
  conflict?: { claim: Quantity; reference: Quantity; sentence: RefSentence };
  unmatchedNumbers: Quantity[];
  negation?: { side: 'claim' | 'reference'; word: string; sentence: RefSentence };
  opposite?: Opposite & { sentence: RefSentence };
  /** Evaluative words of the claim that the aligned sentences do not use. */
  opinions: Token[];
  /** Only words of assent or small talk ("Yes, it is."): nothing to check. */
  smallTalk: boolean;
  /** Names of the claim that the best-aligned sentence(s) lack. */
  namesOff: Token[];
  /** A claim word where the aligned sentence has another word in the same slot. */
  swap?: Swap;
  /** Two claim words the best-aligned sentence has the other way round ("from Trondheim to Bergen"). */
  exchange?: Swap & { sentence: RefSentence };
}

export interface Swap {
  claim: string;
  reference: string;
}

// The speaker's own experience, which no reference attests ("I have been there", "we went"). Not "you":
// assistants address the reader in plain instructions ("You can apply 30 days ahead"), and counting it cost
// such claims a third of their confidence for no held-out gain; nor "our", which explanations use for
// everyone ("our solar system"). Letters on both sides, not \b: "Lancôme" holds no "me".
const PERSONAL = /(?<![\p{L}\p{N}])(?:i|i'm|i've|i'd|me|my|mine|we|myself|ourselves)(?![\p{L}\p{N}])/giu;

// Words of assent and small talk: a sentence made only of these ("Yes, it's true!") states no checkable fact.
const FILLER = new Set(
  'yes yeah yea yep no nope not true right sure okay ok wow cool great nice really agree agreed indeed exactly haha lol oh well thanks thank interesting awesome definitely absolutely correct good fun funny love like lovely amazing guess hmm totally pretty very so too much lot'.split(' '),
);

// Evaluative words: an opinion the reference does not hold is not something it supports ("a great movie").
const OPINION = new Set(
  'great awesome amazing interesting good bad best worst favorite favourite love loved hate like cool fun funny boring beautiful terrible horrible nice wonderful scary creepy sad incredible fascinating crazy weird pretty really very super lovely fantastic excellent brilliant stupid silly cute gorgeous perfect'.split(' '),
);

/**
 * Features of one claim. `batchSize` is how many claims the document has: small talk beside checkable claims
 * ("Yes, it is. It opened in 1998.") is not the document's claim, while an answer made only of it is.
 */
export function extractFeatures(req: GradeRequest, cache: SentenceCache, batchSize = 1, index = 0): Findings {
  const text = withoutUnderscoreMarks(req.claim.text);
  const allToks = tokens(text);
  const claimToks = distinct(allToks.filter((t) => !t.stop), (t) => t.key);
  const claimQ = quantities(text, { iso: true });
  const a = align(claimToks, req.passages, cache, claimQ);
  const claimKeys = new Set(claimToks.map((t) => t.key));
  const w = claimToks.map(tokenWeight);
  const total = w.reduce((s, x) => s + x, 0) || 1;
  const cov = (m: readonly number[]): number => (claimToks.length ? m.reduce((s, x, i) => s + x * w[i]!, 0) / total : 0);
  /** Coverage with an opposite's claim word counted as covered: the word is the slot where the two differ. */
  const withOpposite = (m: readonly number[], word: string): number => cov(m.map((x, i) => (inWord(claimToks[i]!.surface, word) ? 1 : x)));
  const best = a.best.map((i) => a.sentences[i]!);
  const bestText = best.map((s) => s.text).join(' ');
  const bigrams = charBigrams(text);
  const bestSets = <T>(f: (s: RefSentence) => Set<T>): Set<T>[] => best.map(f);
  const allSets = <T>(f: (s: RefSentence) => Set<T>): Set<T>[] => a.sentences.map(f);

  const missing = claimToks.filter((_, i) => a.matchAll[i] === 0).sort((x, y) => Number(y.name) - Number(x.name));

  // Numbers: absent from every retrieved passage, or different in the aligned sentence.
  const allQ = a.sentences.flatMap((s) => s.quantities);
  // A clash needs a number of the same kind ("third" is not "three levels"); "never given" is judged more
  // leniently, a rank and a count of one value agreeing ("seven consecutive years", "the seventh consecutive
  // year"), and "the first goal", a rank the references do not give, being weak evidence on its own.
  // A number written as one word is said wherever a sentence uses that word, even where the parser does not
  // read it as a number there: a rank without its cue ("seventh by The Ring and eighth by the TBRB"), "one of
  // their last six", a month without a day ("through October").
  const wordKeys = new Map(claimQ.filter((q) => /^\p{L}+$/u.test(q.text.trim())).map((q) => [q, { key: tokens(q.text)[0]!.key, word: q.text.trim().toLowerCase() }]));
  // Where the sentence's word is read as a number, the values decide: "three colours" does not give "three years".
  const saidAsWord = (q: Quantity, among: readonly RefSentence[]): boolean => {
    const w = wordKeys.get(q);
    return w !== undefined && among.some((s) => s.allKeys.has(w.key) && !s.quantities.some((r) => r.text.trim().toLowerCase() === w.word));
  };
  const unmatched = claimQ.filter((q) => !allQ.some((r) => comparable(q, r) && sameValue(q, r)) && !saidAsWord(q, a.sentences));
  // One value said twice ("in 2018 ... on 9 November 2018") is one fact the references do not give.
  const unmatchedNumbers = distinct(unmatched.filter((q) => !allQ.some((r) => givesValue(q, r)) && !(q.kind === 'ordinal' && q.value <= 2 && /^\p{L}/u.test(q.text))), (q) => `${q.kind}:${q.value}`);
  // A clash is judged against the aligned sentences: the claim's value said of something else in another
  // passage ("2.5 million rivets") does not vouch for "2 million visitors" where the aligned sentence says 7.
  const unmatchedInBest = claimQ.filter((q) => !best.some((s) => s.quantities.some((r) => comparable(q, r) && sameValue(q, r))) && !saidAsWord(q, best));
  let conflict: Findings['conflict'];
  /** The coverage a clash counts (`covConflict`): set where the clash is found in a sentence tied with the best. */
  let tiedCov: number | undefined;
  const c1 = cov(a.match1);
  // The aligned sentences' numbers together: a reader's sum or difference of them is no other value ("fell by
  // 500 MB" from "1.2 GB to 700 MB"; "130 dollars together" from "costs 40 dollars" and "costs 90 dollars");
  // it still counts as a number the references never give.
  const bestQ = best.flatMap((s) => s.quantities);
  // The number in the claim's slot: a word next to it is the word next to the claim's number ("every seven
  // years" for "every ten years", "噴火は1707年" for "噴火は1807年"), not a number from another clause ("under
  // three months" for "the two fighters"). Several candidates ("increased by 12% ... top 10%"): the best slot,
  // then the one whose neighbouring words the claim shares.
  const inSlot = (q: Quantity, s: RefSentence): { r: Quantity; slot: number; context: number } | undefined => {
    const near = neighbours(text, q);
    const need = Math.min(2, near.before.length + near.after.length);
    if (need === 0) return undefined;
    let top: { r: Quantity; slot: number; context: number } | undefined;
    for (const r of s.quantities) {
      if (!comparable(q, r) || claimQ.some((c) => sameValue(c, r))) continue;
      const around = neighbours(s.text, r);
      // "It has 2.1 million inhabitants": the number's subject is the previous sentence's.
      if (s.antecedent && around.before.length < 2) around.before = [s.antecedent, ...around.before];
      const c = { r, slot: slot(near, around), context: context(around, claimKeys) };
      if (c.slot >= need && (!top || c.slot > top.slot || (c.slot === top.slot && c.context > top.context))) top = c;
    }
    return top;
  };
  // Across the aligned sentences, the number whose slot agrees best with the claim's ("The mirror costs 40
  // dollars" against "The car costs 30 dollars. The mirror costs 90 dollars." is told 90, not 30).
  let top: { r: Quantity; slot: number; context: number } | undefined;
  for (const s of best) {
    for (const q of unmatchedInBest.filter((u) => !derivedValue(u, text, bestQ))) {
      const c = inSlot(q, s);
      if (c && (!top || c.slot > top.slot || (c.slot === top.slot && c.context > top.context))) {
        top = c;
        conflict = { claim: q, reference: c.r, sentence: s };
      }
    }
  }
  // A claim that joins facts from two sentences can take its number from the wrong one: "The mirror costs 40
  // dollars." against "The car costs 40 dollars. The mirror costs 90 dollars." (the two sentences tie, and the
  // car's 40 vouched for the mirror). A sentence that covers the claim about as well, holds the claim's subject
  // (its first content word; "It" counts as the sentence before it's) and gives another number in the claim's
  // number slot counts as a clash where the claim's value comes only from sentences without the subject, and
  // the clashing number lifts that sentence past the bar, as an opposite word does.
  const subj = claimToks.findIndex((t) => !claimQ.some((q) => overlaps(t, q)));
  const hasSubject = (i: number): boolean => a.matches[i]![subj]! > 0 || a.sentences[i]!.antecedent === claimToks[subj]!.key;
  /** A sentence's matches, its "It" counted as the claim's subject where the sentence before has it ("The mirror is new. It costs 90 dollars."). */
  const subjectMatches = (i: number): number[] => a.matches[i]!.map((x, j) => (j === subj && a.sentences[i]!.antecedent === claimToks[subj]!.key ? 1 : x));
  const gives = (q: Quantity, s: RefSentence): boolean => s.quantities.some((r) => comparable(q, r) && sameValue(q, r)) || saidAsWord(q, [s]);
  if (!conflict && subj >= 0 && claimQ.length) {
    for (let i = 0; i < a.sentences.length && !conflict; i++) {
      const s = a.sentences[i]!;
      const m = subjectMatches(i);
      if (cov(m) < c1 - TIE_TOL || !hasSubject(i)) continue;
      for (const q of claimQ) {
        if (gives(q, s) || a.best.some((b) => hasSubject(b) && gives(q, a.sentences[b]!)) || derivedValue(q, text, [...bestQ, ...s.quantities])) continue;
        const c = inSlot(q, s);
        if (!c) continue;
        const filled = cov(m.map((x, j) => (overlaps(claimToks[j]!, q) ? 1 : x)));
        if (filled >= CLASH_COVERAGE && filled > c1 + 1e-9) {
          conflict = { claim: q, reference: c.r, sentence: s };
          tiedCov = filled;
          break;
        }
      }
    }
  }

  // Negation and opposites, judged against the best-aligned sentence only.
  const claimNeg = negations(text, allToks);
  let negation: Findings['negation'];
  const cjk = hasCjk(text);
  // The same fact told from its other end ("Mars is lighter than Earth" for "Earth is heavier than Mars"): its
  // opposite word stands in the other's slot, and that is no swap, no opposite and no exchange.
  const told = !!best[0] && converse(allToks, best[0].seq);
  const swap = best[0] && !told ? swaps(allToks, best[0], claimKeys) : { n: 0 };
  const unseenStarts = new Set(missing.map((t) => t.start));
  // The best sentence's coverage of the claim but for one word: the rest of the claim, stated.
  const coveredBut = (start: number): number => {
    const rest = claimToks.map((t, i) => (t.start === start ? -1 : i)).filter((i) => i >= 0);
    const wRest = rest.reduce((s, i) => s + w[i]!, 0);
    return wRest ? rest.reduce((s, i) => s + w[i]! * a.match1[i]!, 0) / wRest : 0;
  };
  // A fact moved to the other entity of a two-entity reference: "Smith was born in York." against "Smith was born
  // in Leeds. Jones was born in York." (joined, the two sentences cover the claim). A sentence that holds the claim's
  // subject (its first content word, or an "It"/"He" standing for it) has another word in one slot (`movedInSlot`)
  // and, that slot counted, states at least `DOER_REST` of the claim and more than the best sentence; the claim's word
  // comes only from sentences without the subject, one of them saying the same of another ("Jones was born in York").
  const movedSwap = (): Swap | undefined => {
    if (subj < 0) return undefined;
    const at = (t: Token): number => (t.stop || claimQ.some((q) => overlaps(t, q)) ? -1 : claimToks.findIndex((c) => c.key === t.key));
    // The claim's word is in no sentence about the subject, and in one that says the same of another ("Jones was born in York").
    const parallel = (m: readonly number[]): boolean => cov(m.map((x, j) => (j === subj ? 1 : x))) >= DOER_REST;
    const aboutOther = (j: number): boolean => a.matches.every((m, k) => !(m[j]! > 0) || !hasSubject(k)) && a.matches.some((m) => m[j]! > 0 && parallel(m));
    for (let i = 0; i < a.sentences.length; i++) {
      if (!hasSubject(i)) continue;
      const m = subjectMatches(i);
      const moved = (t: Token): boolean => at(t) >= 0 && m[at(t)] === 0 && aboutOther(at(t));
      const s = a.sentences[i]!;
      const sw = movedInSlot(text, allToks, s, claimKeys, moved);
      // A number of the claim's that this sentence gives otherwise in its slot is a second slot ("acquired Fitbit
      // in 2021" against "acquired GitHub in 2018"), counted as `covConflict` counts a clashing number.
      const clashing = sw ? claimQ.filter((q) => !gives(q, s) && inSlot(q, s)) : [];
      const filled = sw ? cov(m.map((x, j) => (sw.run.includes(claimToks[j]!.key) || clashing.some((q) => overlaps(claimToks[j]!, q)) ? 1 : x))) : 0;
      if (filled >= DOER_REST && filled > c1 + 1e-9) return sw;
    }
    return undefined;
  };
  const inBest = best[0] && !cjk && !told ? slotSwapped(allToks, best[0], claimKeys, unseenStarts) ?? doerSwapped(allToks, best[0], claimKeys, unseenStarts, coveredBut) : undefined;
  const moved = inBest ? undefined : movedSwap();
  // 京都 where the sentence has 東京都: a kanji word no passage has, found inside the word in its slot.
  const inside = inBest || moved || !cjk || !best[0] ? undefined : insideSwapped(allToks, best[0], unseenStarts);
  const slotted = inBest ?? moved ?? inside;
  let opp: Findings['opposite'];
  let exchange: Findings['exchange'];
  const s0 = best[0];
  if (s0) {
    // A negation counts only where it governs words the other side shares: "does not support offline mode"
    // against "supports offline mode", not a "not" in an unrelated clause of the same sentence.
    // A cue both sides use ("failed in its bid" / "failed last november in its bid") is shared, whatever its scope.
    const refCues = new Set(s0.negations.map((c) => c.word.toLowerCase()));
    const claimCues = new Set(claimNeg.map((c) => c.word.toLowerCase()));
    const claimScoped = claimNeg.filter((c) => !refCues.has(c.word.toLowerCase()) && inScope(c, allToks, text, s0.keys, s0.norm));
    const refScoped = s0.negations.filter((c) => !claimCues.has(c.word.toLowerCase()) && inScope(c, s0.seq, s0.text, claimKeys, text));
    // One side negates and the other does not: counts differ in paraphrase ("no plans, no agenda" for "no set plans").
    if (claimScoped.length && !refScoped.length) negation = { side: 'claim', word: claimScoped[0]!.word, sentence: s0 };
    else if (refScoped.length && !claimScoped.length) negation = { side: 'reference', word: refScoped[0]!.word, sentence: s0 };
    const o = opposite(text, allToks, s0.text, s0.seq);
    if (o) opp = { ...o, sentence: s0 };
    else {
      // A sentence that covers the claim about as well, about the same thing ("The mirror is gold." beside "The car is
      // silver." for "The mirror is silver."): its clashing word counts where it lifts that sentence past the bar.
      for (let i = 0; i < a.sentences.length && !opp; i++) {
        const s = a.sentences[i]!;
        const m = a.matches[i]!;
        if (s === s0 || cov(m) < c1 - TIE_TOL) continue;
        const oi = opposite(text, allToks, s.text, s.seq);
        if (!oi) continue;
        const filled = withOpposite(m, oi.claim);
        if (filled >= CLASH_COVERAGE && filled > c1 + 1e-9) opp = { ...oi, sentence: s };
      }
    }
    const e = exchanged(allToks, s0.seq);
    if (e) exchange = { ...e, sentence: s0 };
    // The same fact from its other end: "Earth is larger than Mars" for "Mars is smaller than Earth",
    // ブラジルは日本に負けた for 日本はブラジルに勝った. The two flips cancel.
    if (opp && opp.sentence === s0 && (exchange || told)) {
      opp = undefined;
      exchange = undefined;
    }
  }
  // The second aligned sentence may be the one that denies the claim ("Porto is the second city" then "The
  // city is not the national capital"): a negation there that governs the claim's words, where the claim has
  // none, counts too, and is a clash where the two sentences together carry the claim (`negSecond`).
  const s1 = best[1];
  if (s1 && !negation && !claimNeg.length) {
    const refScoped = s1.negations.filter((c) => inScope(c, s1.seq, s1.text, claimKeys, text));
    if (refScoped.length) negation = { side: 'reference', word: refScoped[0]!.word, sentence: s1 };
  }

  const opinions = allToks.filter((t) => OPINION.has(t.surface.toLowerCase()) && !best.some((b) => b.allKeys.has(t.key)));
  const namesOff = claimToks.filter((t, i) => t.name && a.match2[i] === 0 && isEntityName(t.surface));
  const filler = claimToks.every((t) => FILLER.has(t.surface.toLowerCase()));
  const bestLen = best[0]?.toks.length ?? 0;
  const f: Record<FeatureName, number> = {
    covBest: c1,
    charBest: coverage(bigrams, bestSets((s) => s.charGrams)),
    charAll: coverage(bigrams, allSets((s) => s.charGrams)),
    uncovered: Math.log1p(missing.length),
    uncoveredNames: Math.log1p(missing.filter((t) => t.name).length),
    length: Math.log1p(claimToks.length),
    numUnmatched: Math.min(3, unmatchedNumbers.length),
    numConflict: conflict ? 1 : 0,
    // The aligned sentences' coverage of the claim, the clashing number counted as its slot: "最後の噴火は1807年"
    // against "最後の噴火は1707年" is fully aligned, the year being the one thing that differs.
    // So is an opposite word in the best sentence ("ドアは黒色です" against "ドアは白色です": the colour is the slot).
    covConflict: conflict
      ? tiedCov ?? cov(a.match2.map((m, i) => (overlaps(claimToks[i]!, conflict!.claim) ? 1 : m)))
      : opp
        ? withOpposite(a.matches[a.sentences.indexOf(opp.sentence)] ?? a.match1, opp.claim)
        : 0,
    negClaimOnly: negation?.side === 'claim' ? 1 : 0,
    negRefOnly: negation?.side === 'reference' ? 1 : 0,
    opposite: opp ? 1 : 0,
    hedge: hedges(text) > 0 && hedges(bestText) === 0 ? 1 : 0,
    personal: Math.min(3, (text.match(PERSONAL) ?? []).length),
    question: /[?？]\s*$/.test(text) ? 1 : 0,
    noPassage: req.passages.length ? 0 : 1,
    lengthRatio: Math.log1p(claimToks.length) - Math.log1p(bestLen),
    weakest: weakest(claimToks, a.match2),
    allTokens: coverage(allToks.map((t) => t.key), allSets((s) => s.allKeys)),
    trigrams: coverage(wordTrigrams(allToks), best.length ? bestSets((s) => s.wordTrigrams) : allSets((s) => s.wordTrigrams)),
    missingCount: Math.min(8, missing.length),
    filler: filler ? 1 : 0,
    fillerWithOthers: filler && batchSize > 1 ? 1 : 0,
    swap: swap.n,
    // A name in another name's slot ("moved to Portland in" against "moved to Seattle in") is a swapped fact
    // even where the claim's name stands elsewhere in the references ("founded in Portland"); so is a word no
    // passage has in another word's slot ("the password is guest." against "the password is admin.").
    slotSwap: slotted ? 1 : 0,
    namesOffBest: Math.min(3, namesOff.length),
    opinion: Math.min(3, opinions.length),
    // Entity and number coverage: the share of the claim's names and numbers that no retrieved text gives
    // (a claim of several facts where one name or date is never mentioned is only partly supported).
    factMiss: cjk ? 0 : (missing.filter((t) => t.name).length + unmatchedNumbers.length) / Math.max(1, claimToks.filter((t) => t.name).length + claimQ.length),
    // The document opens with small talk the claim filter dropped ("Oh sure. It is...", "Do you like it? It
    // opened..."): in a dialogue that answers a question the reference does not ask, and what follows is
    // more often an unsupported assertion. A claim's own "Yes, ..." added nothing on held-out folds.
    answer: index === 0 && req.claim.afterSmallTalk ? 1 : 0,
    // Japanese words come from a segmenter, not a stemmer, so coverage means something else there: the
    // model gets the language and its interactions with the main coverage checks.
    cjk: cjk ? 1 : 0,
    cjkCovBest: 0,
    cjkMissing: 0,
    cjkCharBest: 0,
    cjkCharAll: 0,
    cjkCharTrigrams: 0,
    cjkPrecision: 0,
    cjkLengthRatio: 0,
    cjkWeakest: 0,
    negSecond: s1 && negation?.sentence === s1 && cov(a.match2) >= CLASH_COVERAGE ? 1 : 0,
    // "She never married" denies the act at any date or count: against "She married in 1940" the claim's numbers,
    // which a "never" sentence cannot give, count as carried when the clash gate is judged.
    negNever: negation?.side === 'reference' && negation.sentence === s0 && /^never$/i.test(negation.word) && cov(a.match1.map((x, i) => (claimQ.some((q) => overlaps(claimToks[i]!, q)) ? 1 : x))) >= CLASH_COVERAGE ? 1 : 0,
    exchange: exchange ? 1 : 0,
    agentUnseen: cjk ? 0 : agentUnseen(text, missing),
    // Names of the best-aligned sentence that the claim lacks: with a claim name it lacks, the mark of a swap.
    refNamesOff: Math.min(3, (best[0]?.toks ?? []).filter((t) => t.name && !claimKeys.has(t.key) && isEntityName(t.surface)).length),
  };
  // The Japanese copies of features computed above (the same values, not computed twice).
  if (cjk) {
    f.cjkCovBest = f.covBest;
    f.cjkMissing = f.missingCount;
    f.cjkCharBest = f.charBest;
    f.cjkCharAll = f.charAll;
    f.cjkCharTrigrams = coverage(charTrigrams(text), bestSets((s) => s.charGrams));
    // The share of the best sentence that the claim repeats. English has no such feature: with the best
    // sentence's length (lengthRatio) it added nothing there (8-split mean +0.2 without it, and without \`spread\`).
    f.cjkPrecision = best[0] ? best[0].toks.filter((t) => claimKeys.has(t.key)).length / Math.max(1, best[0].toks.length) : 0;
    f.cjkLengthRatio = f.lengthRatio;
    f.cjkWeakest = f.weakest;
  }
  return { x: FEATURES.map((n) => f[n]), claimText: text, alignment: a, claimToks, missing, conflict, unmatchedNumbers, negation, opposite: opp, swap: moved ?? inside ?? swap.first ?? slotted, exchange, namesOff, opinions, smallTalk: filler };
}

/**
 * How many of the words right before a number (2) and after it (2) the claim also has; words before count
 * double, since they usually say what the number is ("completed in March 1889", "最後の噴火は1707年").
 */
function context(around: Neighbours, claimKeys: ReadonlySet<string>): number {
  return 2 * around.before.filter((k) => claimKeys.has(k)).length + around.after.filter((k) => claimKeys.has(k)).length;
}

/** Keys of the content words right before a number (2) and right after it (2). */
interface Neighbours {
  before: string[];
  after: string[];
}

// The day and month before a date's year: the year's slot is the date's ("reopened in 2020" against "reopened on
// 5 October 2021").
const DATE_BEFORE_YEAR = /(?:\b\d{1,2}(?:st|nd|rd|th)?\s*,?\s*)?\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*(?:\d{1,2}(?:st|nd|rd|th)?\s*,?\s*)?$/;

function neighbours(text: string, q: Quantity): Neighbours {
  const key = (t: Token): string => t.key;
  const before = text.slice(Math.max(0, q.start - 60), q.start);
  return { before: contentTokens(q.kind === 'year' && q.month !== undefined ? before.replace(DATE_BEFORE_YEAR, '') : before).slice(-2).map(key), after: contentTokens(text.slice(q.end, q.end + 60)).slice(0, 2).map(key) };
}

/** How well two numbers' neighbours agree, side by side (a word before counts double: it says what the number is). */
function slot(a: Neighbours, b: Neighbours): number {
  return 2 * a.before.filter((k) => b.before.includes(k)).length + a.after.filter((k) => b.after.includes(k)).length;
}

/** A claim token that is, or is part of, the claim's side of an opposite ("黒色"; "least" of "least-visited"). */
function inWord(surface: string, word: string): boolean {
  return surface === word || word.includes(surface) || surface.includes(word);
}

function overlaps(t: Token, q: Quantity): boolean {
  return t.start < q.end && q.start < t.end;
}

/**
 * Whether a negation cue governs content the other side also has: the next few words in English ("not
 * support offline"), the content word just before it in Japanese, past auxiliaries (走って|いない, 焼い|て|い|ない).
 */
function inScope(cue: { start: number; word: string }, toks: readonly Token[], ownText: string, otherKeys: ReadonlySet<string>, otherText: string): boolean {
  const i = toks.findIndex((t) => t.start >= cue.start);
  const from = i < 0 ? toks.length : i;
  const content = (xs: readonly Token[]): Token[] => xs.filter((t) => !t.stop);
  const window = hasCjk(cue.word) ? content(toks.slice(Math.max(0, from - 4), from)).slice(-2) : content(clauseAfter(toks, from, ownText)).slice(0, 2);
  return window.some((t) => otherKeys.has(t.key) || (hasCjk(t.key) && otherText.includes(t.key)));
}

// Punctuation that closes a clause: a negation governs nothing past it ('came out of nowhere", and described
// it as...', 'could take no more ...\nsugar ray leonard').
const CLAUSE_END = /[,;:()"“”!?\n–—]|\.\s|\.{2,}|…/;

// Conjunctions that open a new clause: "not a lot, but I know that..." negates nothing after "but".
const CLAUSE_START = new Set(['but', 'although', 'though', 'while', 'whereas', 'yet']);

/** The tokens after `from` up to the end of its clause. */
function clauseAfter(toks: readonly Token[], from: number, text: string): Token[] {
  const out: Token[] = [];
  for (let k = from + 1; k < toks.length; k++) {
    if (CLAUSE_END.test(text.slice(toks[k - 1]!.end, toks[k]!.start)) || CLAUSE_START.has(toks[k]!.surface.toLowerCase())) break;
    out.push(toks[k]!);
  }
  return out;
}

// Capitalised words that name no entity: nationalities and regions ("Spanish", "Chinese", "Western"),
// titles ("Mr", "Dr") and initials ("J.R.R", "C"). A summary says "a Spanish couple" where the article says "from Spain".
const NOT_ENTITY = /^(?:\p{Lu}\p{Ll}+(?:ese|ish|ian|ean)|French|Dutch|Swiss|Greek|Thai|Arab|Arabic|Western|Eastern|Northern|Southern|Central|Mr|Mrs|Ms|Dr|Prof|Sir|St)$|^\p{Lu}$|^(?:\p{Lu}\.)+\p{Lu}?$/u;

/** Whether a capitalised claim word names a person, place, work or organisation. */
function isEntityName(surface: string): boolean {
  return !NOT_ENTITY.test(surface.replace(/['’]s$/, ''));
}

// The doer of an act named after "by" ("designed by the architect Le Corbusier", "won by Spain").
const AGENT = /\bby\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}?(\p{Lu}[\p{L}'’-]+)/gu;

/**
 * 1 when the claim names who did something ("by X") and no passage mentions X: who designed, wrote or won
 * is the fact itself, not a detail a summary adds (on dev, 8 of 8 such claims are unsupported).
 */
function agentUnseen(text: string, missing: readonly Token[]): number {
  for (const m of text.matchAll(AGENT)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (missing.some((t) => t.name && t.start === start)) return 1;
  }
  return 0;
}

/** Features of every claim of one document, in order. */
export function extractBatch(requests: readonly GradeRequest[], cache: SentenceCache): Findings[] {
  return requests.map((r, i) => extractFeatures(r, cache, requests.length, i));
}

/**
 * Words swapped for another in the same slot: a claim word the sentence lacks, between two neighbours that
 * the sentence has with exactly one other content word between them ("場所に|サル|が" vs "場所に|シマウマ|が",
 * "a |red| car" vs "a |blue| car"). The commonest way to change a fact while keeping its wording.
 */
function swaps(claim: readonly Token[], sentence: RefSentence, claimKeys: ReadonlySet<string>): { n: number; first?: Swap } {
  const { seq: ref, allKeys: refKeys } = sentence;
  let n = 0;
  let first: Swap | undefined;
  for (let i = 1; i + 1 < claim.length; i++) {
    const t = claim[i]!;
    if (t.stop || refKeys.has(t.key)) continue;
    for (let j = 0; j + 2 < ref.length; j++) {
      const mid = ref[j + 1]!;
      if (ref[j]!.key === claim[i - 1]!.key && ref[j + 2]!.key === claim[i + 1]!.key && !mid.stop && !claimKeys.has(mid.key)) {
        n++;
        first ??= { claim: t.surface, reference: mid.surface };
        break;
      }
    }
  }
  return { n: Math.min(2, n), first };
}

/**
 * A word in another word's slot, the two sentences otherwise alike there. Names: the word before each is the
 * same, and so is the word after (or both end their sentences): "moved to Portland in 2015" against "moved to
 * Seattle in 2015", "Paris is in Germany." against "Paris is in France."; neither name is in the other
 * sentence. Other words only where no passage has the claim's word (`unseen`: starts of such claim tokens):
 * a word where both sentences end ("the password is guest." against "is admin."), a code anywhere
 * ("qwerty-777-apple" against "qwerty-777-banana"). A word swapped mid-sentence was measured too (+0.2 on the
 * CV mean) and left out: on dev it fired on rewordings ("earned" for "grossed") of summaries that were
 * unsupported for other reasons, and a user would see "reference says 'grossed'" as a false alarm.
 */
function slotSwapped(claim: readonly Token[], sentence: RefSentence, claimKeys: ReadonlySet<string>, unseen: ReadonlySet<number>): Swap | undefined {
  const { seq: ref, allKeys: refKeys } = sentence;
  const isName = (t: Token): boolean => t.name && isEntityName(t.surface);
  // Other words: a plain word, or a code of letters and digits ("qwerty-777-apple"); a swap keeps the kind.
  const kind = (t: Token): 'word' | 'code' | undefined =>
    t.name || t.stop ? undefined : /^\p{L}{3,}$/u.test(t.surface) ? 'word' : /\p{L}/u.test(t.surface) && /\d/.test(t.surface) ? 'code' : undefined;
  for (let i = 1; i < claim.length; i++) {
    const t = claim[i]!;
    const k = unseen.has(t.start) ? kind(t) : undefined;
    if ((!isName(t) && !k) || refKeys.has(t.key)) continue;
    for (let j = 1; j < ref.length; j++) {
      const r = ref[j]!;
      if (!(k ? kind(r) === k : isName(r)) || claimKeys.has(r.key) || ref[j - 1]!.key !== claim[i - 1]!.key) continue;
      const after = claim[i + 1]?.key;
      if (after !== ref[j + 1]?.key) continue;
      // A plain word swapped mid-sentence is a paraphrase as often as not ("earned" for "grossed", "caused" for
      // "sparked"); at the end of both sentences it is the fact itself. A different code is never a paraphrase.
      if (k === 'word' && after !== undefined) continue;
      return { claim: t.surface, reference: r.surface };
    }
  }
  return undefined;
}

/**
 * The claim's run of `moved` words (one to four) where the sentence has another run of content words none of the
 * claim's (up to four: "by Matsumoto." against "by Guido van Rossum."), the word before each the same and the word
 * after each the same or both ending their sentences: "born in York." against "born in Leeds.", "the sales team"
 * against "the marketing team", 田中さんは大阪に against 田中さんは東京に. `run`: the claim's keys in the slot.
 */
function movedInSlot(text: string, claim: readonly Token[], sentence: RefSentence, claimKeys: ReadonlySet<string>, moved: (t: Token) => boolean): (Swap & { run: string[] }) | undefined {
  const ref = sentence.seq;
  const other = (t: Token | undefined): boolean => !!t && !t.stop && !claimKeys.has(t.key) && /\p{L}/u.test(t.key);
  for (let i = 1; i < claim.length; i++) {
    let e = i;
    while (e < claim.length && e - i < 4 && moved(claim[e]!)) e++;
    if (e === i) continue;
    const after = claim[e]?.key;
    for (let j = 1; j < ref.length; j++) {
      if (ref[j - 1]!.key !== claim[i - 1]!.key || !other(ref[j])) continue;
      let f = j;
      while (f < ref.length && f - j < 4 && other(ref[f])) f++;
      // The claim ends where the sentence goes on only with a number or date the claim leaves out ("acquired
      // Fitbit." against "acquired GitHub in 2018.").
      const dated = after === undefined && f < ref.length && ref.slice(f).every((t) => t.stop || sentence.quantities.some((q) => overlaps(t, q))) && ref.slice(f).some((t) => !t.stop);
      if (ref[f]?.key !== after && !dated) continue;
      return { claim: text.slice(claim[i]!.start, claim[e - 1]!.end), reference: sentence.text.slice(ref[j]!.start, ref[f - 1]!.end), run: claim.slice(i, e).map((t) => t.key) };
    }
    i = e;
  }
  return undefined;
}

/** Two or more kanji: a word that, found only inside another word, is another word (京都 in 東京都). */
const KANJI_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/;

/**
 * A kanji word of the claim's that no passage has (`unseen`), where the sentence has, between the same word before
 * and the same word after (a particle: に, で, は, の), a word that holds it but not at its start: 京都 against 東京都
 * ("本社は京都にあります" against "本社は東京都にあります"). Not a word at the start of the other (京都 in 京都府 is
 * that place), and not any other word in the slot (a general name swap in Japanese cost JNLI 0.34).
 */
function insideSwapped(claim: readonly Token[], sentence: RefSentence, unseen: ReadonlySet<number>): Swap | undefined {
  const ref = sentence.seq;
  for (let i = 0; i < claim.length; i++) {
    const t = claim[i]!;
    if (t.stop || !KANJI_WORD.test(t.key) || !unseen.has(t.start) || !sentence.norm.includes(t.key)) continue;
    const [before, after] = [claim[i - 1]?.key, claim[i + 1]?.key];
    if (before === undefined && after === undefined) continue;
    for (let j = 0; j < ref.length; j++) {
      if (ref[j - 1]?.key !== before) continue;
      for (let f = j + 1; f <= ref.length && f - j <= 3 && !ref[f - 1]!.stop; f++) {
        if (ref[f]?.key !== after) continue;
        const word = ref.slice(j, f).map((r) => r.surface).join('');
        if (word.includes(t.surface) && !word.startsWith(t.surface)) return { claim: t.surface, reference: word };
      }
    }
  }
  return undefined;
}

/** The claim's doer must be all that differs: the rest of the claim this fully stated by the sentence. */
const DOER_REST = 0.8;

/**
 * A name where the sentence has another at the start of the statement, the one who did it: "Google acquired
 * GitHub in 2018." (or "In 2018, Google acquired GitHub.") against "Microsoft acquired GitHub in 2018.",
 * "Pierre Curie won" against "Marie Curie won". One of the two opens its sentence (`latin` marks no name
 * there, and `slotSwapped` needs a word before both). A capitalised word opening a sentence may be a plain word
 * ("Researchers found"), so the claim's word must be in no passage at all (`unseen`), the word after both
 * must be the same, and the sentence must state the rest of the claim (`coveredBut`, at least `DOER_REST`).
 */
/** An English plural (not "Paris", "Texas", "Duras"): a word that opens a sentence this way is taken for a common noun. */
const PLURAL_LIKE = /[^aiosu]s$/i;

function doerSwapped(
  claim: readonly Token[],
  sentence: RefSentence,
  claimKeys: ReadonlySet<string>,
  unseen: ReadonlySet<number>,
  coveredBut: (start: number) => number,
): Swap | undefined {
  const ref = sentence.seq;
  // At a sentence's start a capital says nothing: a plural there is a common noun far more often than a name
  // ("Researchers found" for "Scientists found", "Officials closed" for "Authorities closed"), so it is no doer.
  const capitalised = (t: Token, opens: boolean): boolean => !t.stop && /^\p{Lu}/u.test(t.surface) && isEntityName(t.surface) && !(opens && PLURAL_LIKE.test(t.surface));
  for (let i = 0; i + 1 < claim.length; i++) {
    const t = claim[i]!;
    if (!(i === 0 || t.name) || !capitalised(t, i === 0) || !unseen.has(t.start) || sentence.allKeys.has(t.key)) continue;
    for (let j = 0; j + 1 < ref.length; j++) {
      const r = ref[j]!;
      // One of the two opens its sentence: a name mid-sentence in both is `slotSwapped`'s, the word before both alike.
      if (!(j === 0 || (r.name && i === 0)) || !capitalised(r, j === 0) || claimKeys.has(r.key) || ref[j + 1]!.key !== claim[i + 1]!.key) continue;
      if (coveredBut(t.start) >= DOER_REST) return { claim: t.surface, reference: r.surface };
    }
  }
  return undefined;
}

// Words that join equals: "Canada and Germany" is "Germany and Canada".
const COORDINATORS = new Set(['and', 'or', 'nor', '&', 'と', 'や', 'も', 'か']);

/**
 * Two words the claim and the sentence both have once, each standing where the other stands in the sentence:
 * the word before one (or after it) in the claim is the word before (after) the other in the sentence. "moved
 * from Trondheim to Bergen" against "from Bergen to Trondheim", "mild, rainy summers and warm, dry winters"
 * against "rainy winters ... dry summers", "Norrsken acquired Halden for" against "Halden acquired Norrsken
 * for". Words joined as equals ("Canada and Germany") may come in either order.
 */
function exchanged(claimAll: readonly Token[], refAll: readonly Token[]): Swap | undefined {
  // A Japanese honorific stands after either name alike (鈴木さんは山田さんの): the particle after it tells the role.
  const claim = claimAll.filter((t) => !HONORIFIC_JA.has(t.surface));
  const ref = refAll.filter((t) => !HONORIFIC_JA.has(t.surface));
  const ends = endsExchanged(claim, ref);
  if (ends) return ends;
  const once = (seq: readonly Token[]): Map<string, number> => {
    const at = new Map<string, number>();
    const seen = new Set<string>();
    seq.forEach((t, i) => (seen.has(t.key) ? at.delete(t.key) : (seen.add(t.key), at.set(t.key, i))));
    return at;
  };
  const inClaim = once(claim);
  const inRef = once(ref);
  // Past either end there is no word: the start of a sentence says nothing about a word's role.
  const key = (seq: readonly Token[], i: number): string | undefined => seq[i]?.key;
  const words = [...inClaim].filter(([k]) => inRef.has(k) && /\p{L}/u.test(k) && !claim[inClaim.get(k)!]!.stop).map(([k, i]) => ({ k, i, j: inRef.get(k)! }));
  // A Japanese copula's noun is the topic told again: 日本で一番高い山は富士山です is 富士山は日本で一番高い山です.
  const copula = (seq: readonly Token[], i: number): boolean => /^(?:です|だ|でした|だった)$/.test(seq[i + 1]?.surface ?? '') || (seq[i + 1]?.surface === 'で' && seq[i + 2]?.surface === 'ある');
  for (const a of words) {
    for (const b of words) {
      if (b.i <= a.i || b.j >= a.j) continue;
      if (copula(claim, a.i) || copula(claim, b.i) || copula(ref, a.j) || copula(ref, b.j)) continue;
      for (const d of [-1, 1]) {
        const [ca, cb, ra, rb] = [key(claim, a.i + d), key(claim, b.i + d), key(ref, a.j + d), key(ref, b.j + d)];
        if (ca && cb && ca !== cb && ca === rb && cb === ra && !COORDINATORS.has(ca) && !COORDINATORS.has(cb) && ca !== b.k && cb !== a.k) {
          return { claim: claim[a.i]!.surface, reference: claim[b.i]!.surface };
        }
      }
    }
  }
  return undefined;
}

const HONORIFIC_JA = new Set(['さん', '氏', '様', 'さま', '君', 'くん', 'ちゃん']);

// Relations that hold both ways: "A married B" is "B married A", "A is B" names one thing twice.
const SYMMETRIC = new Set(['and', 'or', 'nor', '&', 'with', 'marri', 'marry', 'met', 'meet', 'border', 'near', 'next', 'adjac', 'similar', 'same', 'equal',
  'like', 'vs', 'versus', 'both', 'between', 'togeth', 'partner', 'sibl', 'friend', 'neighbour', 'neighbor', 'twin', 'alongsid', 'against', 'play', 'draw', 'tie', 'tied', 'differ', 'unlik', 'compar', 'relat', 'connect', 'link']);

/**
 * The claim's first and last words the other way round in a sentence that says the same in between: "John is the
 * mother of Mary" against "Mary is the mother of John", "Osaka is larger than Tokyo" against "Tokyo is larger
 * than Osaka". Not a relation that holds both ways ("A married B", "A and B", "A is B").
 */
function endsExchanged(claimAll: readonly Token[], refAll: readonly Token[]): Swap | undefined {
  const [claim, ref] = [withoutArticles(claimAll), withoutArticles(refAll)];
  const n = claim.length;
  if (n < 3 || ref.length !== n) return undefined;
  const [a, b] = [claim[0]!, claim[n - 1]!];
  if (a.key === b.key || a.stop || b.stop || !/\p{L}/u.test(a.key + b.key) || a.key !== ref[n - 1]!.key || b.key !== ref[0]!.key) return undefined;
  const middle = claim.slice(1, -1);
  if (!middle.some((t) => !t.stop) || middle.some((t) => SYMMETRIC.has(t.key) || SYMMETRIC.has(t.surface.toLowerCase()))) return undefined;
  return middle.every((t, i) => t.key === ref[i + 1]!.key) ? { claim: a.surface, reference: b.surface } : undefined;
}

/**
 * The claim's first and last words the other way round where the words between differ by an opposite: "Earth is
 * larger than Mars" for "Mars is smaller than Earth", the same fact told from its other end (a converse).
 */
export function converse(claimAll: readonly Token[], refAll: readonly Token[]): boolean {
  const [claim, ref] = [withoutArticles(claimAll), withoutArticles(refAll)];
  const n = claim.length;
  if (n < 3 || ref.length !== n) return false;
  const [a, b] = [claim[0]!, claim[n - 1]!];
  if (a.key === b.key || a.key !== ref[n - 1]!.key || b.key !== ref[0]!.key) return false;
  let flips = 0;
  for (let i = 1; i < n - 1; i++) {
    if (claim[i]!.key === ref[i]!.key) continue;
    if (!oppositeKeys(claim[i]!.key, ref[i]!.key)) return false;
    flips++;
  }
  return flips === 1;
}

/** "The car is heavier than the bike": the articles are no ends of the comparison. */
function withoutArticles(toks: readonly Token[]): readonly Token[] {
  return toks.some((t) => ARTICLES.has(t.key)) ? toks.filter((t) => !ARTICLES.has(t.key)) : toks;
}
const ARTICLES = new Set(['the', 'a', 'an']);

/** The first of each group of items with the same key, in order. */
function distinct<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/** Weighted share of the claim's heaviest unmatched term: one missing name matters more than a missing adverb. */
function weakest(claimToks: readonly Token[], match: readonly number[]): number {
  let worst = 0;
  claimToks.forEach((t, i) => {
    worst = Math.max(worst, tokenWeight(t) * (1 - match[i]!));
  });
  return worst;
}

export { SentenceCache };
