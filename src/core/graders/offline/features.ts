// The checks a careful reader makes, as numbers for the model, plus what each found (for the reason and the fix).
import type { GradeRequest } from '../../types';
import { align, coverage, coverageOfLists, tokenWeight, wordTrigrams, type Alignment, type RefSentence, SentenceCache } from './align';
import { closedClass, colourJa, coloursGivenJa, countsOfOneJa, givesColourJa, hedges, manyJa, negations, negatesNothing, negativeAfter, opposite, frameOpposite, strengthened, type Cue, type Opposite } from './negation';
import { comparable, derivedValue, givesValue, isoClash, mayAgree, MONTH_WORDS, overlaps, quantities, sameValue, saysOrdinal, saysTotal, type Quantity } from './numbers';
import { compoundSwappedJa, converse, converseAround, DOER_REST, kinConverse, PLURAL_LIKE, doerSwapped, exchanged, frameSwapped, insideSwapped, movedInSlot, slotSwapped, swaps, titleSwapped, verbSwapped, wordSwappedJa, type Swap } from './swaps';
import { charBigrams, charTrigrams, contentTokens, countedKey, HEAD_COUNT, hasCjk, isEntityName, jaKey, readable, sourceCounts, spacedCompounds, tokens, writtenRange, type Token } from './text';

export const FEATURES = [
  'covBest', 'charBest', 'charAll', 'uncovered', 'uncoveredNames', 'length',
  'numUnmatched', 'numConflict', 'negClaimOnly', 'negRefOnly', 'opposite', 'hedge',
  'personal', 'question', 'noPassage', 'lengthRatio', 'weakest',
  'allTokens', 'trigrams', 'missingCount', 'filler', 'fillerWithOthers',
  'swap', 'namesOffBest', 'opinion', 'covConflict', 'answer', 'factMiss', 'cjk', 'cjkCovBest', 'cjkMissing', 'cjkCharBest', 'cjkCharAll', 'cjkCharTrigrams', 'cjkPrecision', 'cjkLengthRatio', 'cjkWeakest', 'refNamesOff', 'negSecond', 'exchange', 'agentUnseen', 'slotSwap', 'negNever', 'strengthened', 'causeUnseen', 'wordSwapJa', 'numberAdded', 'selfRelation', 'qualityUnseenJa', 'notAssent', 'ownExperience',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/**
 * Rule flags carried in the feature vector for the floors (`model.ts`) but given no weight: trained on, a flag that
 * fires on one dataset's rows (JNLI's) shifts the weights every dataset shares.
 */
export const RULE_ONLY: readonly FeatureName[] = ['wordSwapJa', 'numberAdded', 'selfRelation', 'qualityUnseenJa', 'noPassage', 'notAssent', 'causeUnseen', 'ownExperience'];

/** The aligned sentences must carry this share of the claim before a clash in them counts as a contradiction. */
export const CLASH_COVERAGE = 0.6;
/** Sentences within this much of the best one's coverage are looked at for a clashing word too. */
const TIE_TOL = 0.1;

export interface Findings {
  x: number[];
  /** The claim as read (`readable`): every offset below points into it. */
  claimText: string;
  alignment: Alignment;
  /** The range of the conflict's claim value in the claim as written, which its fix replaces. */
  fixAt?: { start: number; end: number };
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
  /** The claim says for certain what the best-aligned sentence says may be ("will cure" against "may cure"). */
  strengthened?: Opposite & { sentence: RefSentence };
  /**
   * A cause the claim adds that no passage mentions ("because of the flood"), or a consequence it draws (`effect`: ",
   * so it can be hard to agree"), the rest of the claim stated. `text` is as the claim writes it.
   */
  cause?: { text: string; effect: boolean };
  /** The words with which the claim tells the speaker's own experience or taste ("I have been to", "my favorite"). */
  own?: string;
  /** The word a claim relates to itself ("facebook is owned by facebook") where the best sentence names it once. */
  self?: string;
  /** Two claim words the best-aligned sentence has the other way round ("from Trondheim to Bergen"). */
  exchange?: Swap & { sentence: RefSentence };
}

// The speaker's own experience, which no reference attests ("I have been there", "we went"). Not "you":
// assistants address the reader in plain instructions ("You can apply 30 days ahead"), and counting it cost
// such claims a third of their confidence for no held-out gain; nor "our", which explanations use for
// everyone ("our solar system"). Letters on both sides, not \b: "Lancôme" holds no "me".
const PERSONAL = /(?<![\p{L}\p{N}])(?:i|i'm|i've|i'd|me|my|mine|we|myself|ourselves)(?![\p{L}\p{N}])/giu;

// The speaker's own experience or taste, told outright ("I have been to Belfast, which is...", "my favorite season is",
// "I would recommend a music festival, the community event..."): a claim about the speaker, which no reference attests,
// however much of the rest it copies. Not "I think" or "I know", which only hedge the fact after them, nor "we", which
// explanations use for everyone.
const OWN_EXPERIENCE = /(?<![\p{L}\p{N}])(?:i(?:\s*'ve|\s+have|\s+had)?\s+(?:been\s+to|visited|went|tried|watched|seen|played|grew\s+up)|i\s+(?:really\s+)?(?:love|loved|like|liked|enjoy|enjoyed|hate|prefer)|i(?:\s*'d|\s+would)\s+(?:love|like|recommend)|i\s+recommend|my\s+favou?rite)(?![\p{L}\p{N}])/iu;
// The speaker's own things ("My maximum score is 300!", "Mine is dense and white.", "a friend of mine"): what the speaker
// owns is no reference's to attest, whatever the sentence says of things of that kind. Case matters, so no "i"
// flag: "my" before a lower-case word, not a title's ("Excuse My French", "My Fair Lady"), and "mine" the pronoun, at
// the start before a verb or after "of", not the pit ("a coal mine", "the mine closed").
// Advice to try something ("you should try competitive routines", "you can also try pin bowling") recommends it, as "I
// would recommend" does: the speaker's taste, where no passage has the word (advice a reference gives, "try restarting
// the router", is the reference's).
const ADVICE_TO_TRY = /(?<![\p{L}\p{N}])you\s+(?:should|could|can|might|must)(?:\s+(?:also|definitely|really))?\s+(try)(?![\p{L}\p{N}])/iu;
const OWN_THINGS = /(?<![\p{L}\p{N}])(?:[Mm]y\s+\p{Ll}+|^\s*Mine(?=\s+(?:is|are|was|were|has|have|had)\b)|of\s+mine)(?![\p{L}\p{N}])/u;

// Words of assent and small talk: a sentence made only of these ("Yes, it's true!") states no checkable fact.
const FILLER = new Set(
  'yes yeah yea yep no nope not true right sure okay ok wow cool great nice really agree agreed indeed exactly haha lol oh well thanks thank interesting awesome definitely absolutely correct good fun funny love like lovely amazing guess hmm totally pretty very so too much lot'.split(' '),
);

// A judgement of worth, difficulty, fame or importance the claim adds ("five-pin bowling is the traditional type", "the
// hardest thing is to get 12 strikes", "is the most important", "a talented forward"): the reference's facts do not
// make the judgement, so it counts as an opinion where the aligned sentences do not use the word.
const EVALUATIVE = 'important hardest easiest difficult popular famous traditional greatest impressive successful unique talented legendary iconic delicious enjoyable entertaining exciting tasty'.split(' ');

// Evaluative words: an opinion the reference does not hold is not something it supports ("a great movie").
const OPINION = new Set(
  'great awesome amazing interesting good bad best worst favorite favourite love loved hate like cool fun funny boring beautiful terrible horrible nice wonderful scary creepy sad incredible fascinating crazy weird pretty really very super lovely fantastic excellent brilliant stupid silly cute gorgeous perfect'.split(' ').concat(EVALUATIVE),
);

// Small talk is assent or a reaction to what was said ("Yes, it is.", "That's awesome!"). Made of the same words, a
// judgement of what is talked about is no reaction but an opinion of it ("They are great.", "It is so much fun!"): a
// judging word (not an intensifier, nor "like" or "love", which are also verbs) said of "it", "they", "he" or "she".
// Fame is judged so too ("He's very well-known.", whose words are all small talk's or stop words).
const JUDGING = new Set('great awesome amazing interesting good cool fun funny nice lovely'.split(' '));
const WELL_KNOWN = /(?<![\p{L}\p{N}])well\s*-?\s*known(?![\p{L}\p{N}])/iu;
const SPOKEN_OF = /(?<![\p{L}\p{N}])(?:it|they|he|she)(?![\p{L}\p{N}])/iu;

/**
 * A sentence made only of small-talk words that is no assent or reaction: one that speaks of the speaker ("I love them
 * too.", "i have not.": the speaker's own experience, which no reference attests), or a judgement of what is talked
 * about ("They are great.", "He's very well-known.").
 */
function notAssent(allToks: readonly Token[], text: string, personal: number): boolean {
  if (personal > 0) return true;
  return SPOKEN_OF.test(text) && (allToks.some((t) => JUDGING.has(t.surface.toLowerCase())) || WELL_KNOWN.test(text));
}

// The same judgement said of a thing the claim names, in a claim that otherwise states the reference ("Chad Kroeger,
// Ryan Peake and Mike Kroeger were awesome members of the band.", "the lead singer of AC/DC is also a great lead
// singer"): the reference names the thing, not the judgement. An opinion word that judges (`OPINION`), not an
// intensifier ("very", "really", "pretty", "super"), a verb of taste ("like", "love", which `OWN_EXPERIENCE` reads with
// its speaker), "successful", an outcome a reference tells in other words ("won the bid"), nor "important", which an
// instruction implies ("Backing up your data before upgrading is important." for "Back up your data before
// upgrading."). Not where the claim opens
// with a pronoun or an answer word ("It is good, especially since...", "Yes, it is a great American game that..."): a
// reaction to the topic beside a fact as often as a judgement of it (on dev 4 such claims in supported rows), left to
// the model. Nor a name's word, capitalised or before a capital ("Great Britain", "Best Picture", "Good Friday").
const NOT_JUDGING = new Set('very really pretty super like love loved hate favorite favourite successful important'.split(' '));
const REACTION_OPENER = /^\W*(?:it|it's|its|they|they're|he|he's|she|she's|that|that's|this|there|these|those|yes|yeah|yea|yep|no|well|oh|i|i'm|we|you)(?![\p{L}\p{N}'’])/iu;

/** A judging word the aligned sentences do not use, said of a thing the claim names where they state the rest. */
function judgesNamed(opinions: readonly Token[], text: string, covered: number): boolean {
  return covered >= CLASH_COVERAGE && !REACTION_OPENER.test(text) && opinions.some((t) => !t.name && !/^\s+\p{Lu}/u.test(text.slice(t.end)) && !NOT_JUDGING.has(t.surface.toLowerCase()));
}

/** Advice to try something, where no passage has the word "try" (or "attempt"). */
function adviceToTry(text: string, missing: readonly Token[]): RegExpExecArray | null {
  const m = ADVICE_TO_TRY.exec(text);
  return m && missing.some((t) => t.start === m.index + m[0].length - m[1]!.length) ? m : null;
}

/**
 * Features of one claim. `batchSize` is how many claims the document has: small talk beside checkable claims
 * ("Yes, it is. It opened in 1998.") is not the document's claim, while an answer made only of it is.
 */
export function extractFeatures(req: GradeRequest, cache: SentenceCache, batchSize = 1, index = 0): Findings {
  const read = readable(req.claim.text);
  const text = read.text;
  const allToks = tokens(text);
  const claimQ = quantities(text, { iso: true });
  // A Japanese count of one, in a claim that counts nothing else, is the article English writes "a" (一匹の犬 for "a
  // dog"): no word or value the references must give (another count they give is still a clash, judged below).
  // So is a summary's tally of its source's items ("The passage describes two different films titled Veeram").
  const ones = [...(claimQ.every((q) => q.value === 1 || q.kind !== 'number') ? countsOfOneJa(text) : []), ...sourceCounts(text)];
  const inOne = (x: { start: number; end: number }): boolean => ones.some((o) => x.start < o.end && o.start < x.end);
  const claimToks = distinct(allToks.filter((t, i) => !t.stop && !negatesNothing(allToks, i) && !inOne(t)), (t) => t.key);
  const a = align(claimToks, req.passages, cache, claimQ, spacedCompounds(text, allToks));
  // Kin told from its other end ("Bill is Tom's son" for "Tom is Bill's father"): the claim's kin word is stated.
  const kinTold = a.best[0] === undefined ? undefined : kinConverse(allToks, a.sentences[a.best[0]]!.seq);
  if (kinTold) {
    claimToks.forEach((t, k) => {
      if (t.key === kinTold.key) a.match1[k] = a.match2[k] = a.matchAll[k] = a.matches[a.best[0]!]![k] = 1;
    });
  }
  // A number the claim works out from the best sentences' own (a sum or difference, `derivedValue`: "fell by 500 MB"
  // from "1.2 GB to 700 MB", "130 dollars together" from "40 dollars" and "90 dollars") is stated by them, as a kin
  // word told from its other end is: no word the sentences miss, no figure the references never give. So is the word
  // that says it is a total ("together", "combined").
  const bestQ = a.best.flatMap((i) => a.sentences[i]!.quantities);
  const derived = claimQ.filter((q) => derivedValue(q, text, bestQ));
  claimToks.forEach((t, k) => {
    if (derived.length && (derived.some((q) => overlaps(t, q)) || saysTotal(t.surface))) a.match1[k] = a.match2[k] = a.matchAll[k] = a.matches[a.best[0]!]![k] = 1;
  });
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

  // A capitalised word opening the claim says nothing by its capital, but one that no passage has, in any case, and
  // that reads as a name, the subject of a copula or an auxiliary, is taken as one: "Seattle is where Gustave Eiffel
  // moved" against "...moved to Portland" (`openerName`; "Despite", "Following", "Fishing is", "Green is" are not).
  const opener = claimToks.findIndex((t) => t.start === allToks[0]?.start);
  if (opener >= 0 && a.matchAll[opener] === 0 && openerName(claimToks[opener]!, text)) {
    claimToks[opener]!.name = true;
  }
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
  /** The sentence writes the claim's date as an ISO date ("2021-10-05" for "5 October 2021"). */
  const isoGives = (q: Quantity, s: RefSentence): boolean => a.isoGiven[a.sentences.indexOf(s)]?.includes(q) ?? false;
  const unmatched = claimQ.filter((q) => !inOne(q) && !allQ.some((r) => comparable(q, r) && sameValue(q, r)) && !saidAsWord(q, a.sentences) && !a.isoGiven.some((g) => g.includes(q)));
  // One value said twice ("in 2018 ... on 9 November 2018") is one fact the references do not give.
  const unmatchedNumbers = distinct(unmatched.filter((q) => !allQ.some((r) => givesValue(q, r)) && !(q.kind === 'ordinal' && q.value <= 2 && /^\p{L}/u.test(q.text))), (q) => `${q.kind}:${q.value}`);
  // A clash is judged against the aligned sentences: the claim's value said of something else in another
  // passage ("2.5 million rivets") does not vouch for "2 million visitors" where the aligned sentence says 7.
  const unmatchedInBest = claimQ.filter((q) => !best.some((s) => s.quantities.some((r) => comparable(q, r) && sameValue(q, r)) || isoGives(q, s)) && !saidAsWord(q, best));
  let conflict: Findings['conflict'];
  /** The coverage a clash counts (`covConflict`): set where the clash is found in a sentence tied with the best. */
  let tiedCov: number | undefined;
  const c1 = cov(a.match1);
  /** Another sentence's coverage, its differing word counted as the slot, reaches `bar` and beats the best sentence's. */
  const lifts = (filled: number, bar = CLASH_COVERAGE): boolean => filled >= bar && filled > c1 + 1e-9;
  // The aligned sentences' numbers together: a reader's sum or difference of them is no other value (`derived`).
  const ungiven = unmatchedNumbers.filter((q) => !derived.includes(q));
  // The number in the claim's slot: a word next to it is the word next to the claim's number ("every seven
  // years" for "every ten years", "噴火は1707年" for "噴火は1807年"), not a number from another clause ("under
  // three months" for "the two fighters"). Several candidates ("increased by 12% ... top 10%"): the best slot,
  // then the one whose neighbouring words the claim shares.
  const inSlot = (q: Quantity, s: RefSentence): { r: Quantity; slot: number; context: number } | undefined => {
    const near = neighbours(text, q);
    const need = Math.min(2, near.before.length + near.after.length);
    let top: { r: Quantity; slot: number; context: number } | undefined;
    for (const r of s.quantities) {
      if (!comparable(q, r) || claimQ.some((c) => sameValue(c, r)) || mayAgree(q, r)) continue;
      const around = neighbours(s.text, r);
      // "It has 2.1 million inhabitants": the number's subject is the previous sentence's.
      if (s.antecedent && around.before.length < 2) around.before = [s.antecedent, ...around.before];
      // A number with no content word around it on either side ("It was 5 degrees below zero." against "It was 5
      // degrees."): the number is all either says, so it is the slot.
      if (need === 0 && around.before.length + around.after.length > 0) continue;
      // Two head counts ("600 workers", "500 people") share their slot as a word before would: "employs 600 workers"
      // against "500 people work at", where the sentence's number opens it and has no word before to share.
      const counted = q.counts && r.counts && countedKey(q.counts) === HEAD_COUNT && countedKey(r.counts) === HEAD_COUNT ? 2 : 0;
      const c = { r, slot: slot(near, around) + counted, context: context(around, claimKeys) };
      if (c.slot >= need && (!top || c.slot > top.slot || (c.slot === top.slot && c.context > top.context))) top = c;
    }
    return top;
  };
  // Across the aligned sentences, the number whose slot agrees best with the claim's ("The mirror costs 40
  // dollars" against "The car costs 30 dollars. The mirror costs 90 dollars." is told 90, not 30).
  let top: { r: Quantity; slot: number; context: number } | undefined;
  // A written-out date against another ISO date in its slot ("opened on 6 October 2021" against "opened 2021-10-05"):
  // one date against another, told whole, not the claim's day against the ISO date's month.
  for (const s of best) {
    const iso = isoClash(text, claimQ, s.isoDates, (q, d) => {
      const near = neighbours(text, q);
      return slot(near, neighbours(s.text, { ...q, start: d.start, end: d.end })) >= Math.min(2, near.before.length + near.after.length) && near.before.length + near.after.length > 0;
    });
    if (iso) {
      conflict = { claim: iso.claim, reference: iso.reference, sentence: s };
      break;
    }
  }
  // A clash comes from a sentence about what the claim is about: not from one without any of the claim's names where
  // another retrieved sentence has them ("David Ling ... make it 4-3" against "Forney's goal make it 2-1" beside "made it
  // 4-2 before David Ling got one back").
  const claimNames = claimToks.flatMap((t, j) => (t.name && !hasCjk(t.key) ? [j] : []));
  const naming = (i: number): boolean => claimNames.some((j) => a.matches[i]![j]! > 0);
  const someNaming = claimNames.length > 0 && a.sentences.some((_, i) => naming(i));
  const aboutOther = (s: RefSentence): boolean => someNaming && !naming(a.sentences.indexOf(s));
  for (const s of conflict ? [] : best.filter((x) => !aboutOther(x))) {
    for (const q of unmatchedInBest.filter((u) => !derived.includes(u))) {
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
  const gives = (q: Quantity, s: RefSentence): boolean => s.quantities.some((r) => comparable(q, r) && sameValue(q, r)) || saidAsWord(q, [s]) || isoGives(q, s);
  if (!conflict && subj >= 0 && claimQ.length) {
    // A value a best-aligned sentence about the subject gives is vouched for, whatever another sentence says.
    const vouched = claimQ.filter((q) => a.best.some((b) => hasSubject(b) && gives(q, a.sentences[b]!)));
    for (let i = 0; i < a.sentences.length && !conflict; i++) {
      const s = a.sentences[i]!;
      const m = subjectMatches(i);
      if (cov(m) < c1 - TIE_TOL || !hasSubject(i)) continue;
      for (const q of claimQ) {
        if (vouched.includes(q) || gives(q, s) || derivedValue(q, text, [...bestQ, ...s.quantities])) continue;
        const c = inSlot(q, s);
        if (!c) continue;
        const filled = cov(m.map((x, j) => (overlaps(claimToks[j]!, q) ? 1 : x)));
        if (lifts(filled)) {
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
  // So is "Eugene lost to Doha" for "Doha beat Eugene", the rest of the sentence reworded.
  const around = best[0] && !cjk ? opposite(text, allToks, best[0].text, best[0].seq) : undefined;
  const told = !!kinTold || (!!best[0] && (converse(allToks, best[0].seq) || (!!around && converseAround(allToks, best[0].seq, around.claim, around.reference))));
  const swap = best[0] && !told ? swaps(allToks, best[0], claimKeys) : { n: 0 };
  const unseenStarts = new Set(missing.map((t) => t.start));
  // The best sentence's coverage of the claim but for one word: the rest of the claim, stated.
  const coveredBut = (start: number): number => {
    const rest = claimToks.map((t, i) => (t.start === start ? -1 : i)).filter((i) => i >= 0);
    return shareOf(rest, w, a.match1);
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
    // Asked of each word of each sentence about the subject, so answered once per claim word.
    const otherOf = new Map<number, boolean>();
    const aboutOther = (j: number): boolean => {
      let other = otherOf.get(j);
      if (other === undefined) otherOf.set(j, (other = a.matches.every((m, k) => !(m[j]! > 0) || !hasSubject(k)) && a.matches.some((m) => m[j]! > 0 && parallel(m))));
      return other;
    };
    for (let i = 0; i < a.sentences.length; i++) {
      if (!hasSubject(i)) continue;
      const m = subjectMatches(i);
      const moved = (t: Token): boolean => {
        const j = at(t);
        return j >= 0 && m[j] === 0 && aboutOther(j);
      };
      const s = a.sentences[i]!;
      const sw = movedInSlot(text, allToks, s, claimKeys, moved);
      // A number of the claim's that this sentence gives otherwise in its slot is a second slot ("acquired Fitbit
      // in 2021" against "acquired GitHub in 2018"), counted as `covConflict` counts a clashing number.
      const clashing = sw ? claimQ.filter((q) => !gives(q, s) && inSlot(q, s)) : [];
      const filled = sw ? cov(m.map((x, j) => (sw.run.includes(claimToks[j]!.key) || clashing.some((q) => overlaps(claimToks[j]!, q)) ? 1 : x))) : 0;
      if (lifts(filled, DOER_REST)) return sw;
    }
    return undefined;
  };
  // The one word where the claim and the best sentence differ, all else alike: read once, for two checks.
  const framed = best[0] ? frameSwapped(allToks, best[0].seq) : undefined;
  const inBest = best[0] && !cjk && !told ? slotSwapped(allToks, best[0], claimKeys, unseenStarts) ?? doerSwapped(allToks, best[0], claimKeys, unseenStarts, coveredBut) ?? verbSwapped(framed, unseenStarts) : undefined;
  const moved = inBest ? undefined : movedSwap();
  // 京都 where the sentence has 東京都: a kanji word no passage has, found inside the word in its slot.
  const inside = inBest || moved || !cjk || !best[0] ? undefined : insideSwapped(allToks, best[0], unseenStarts);
  // ホンダ where the sentence, the same words but this, has トヨタ (雪 where it has 雨): its own rule-only flag
  // (`RULE_ONLY`), not `slotSwap`, whose weight English swaps share (as `slotSwap` it cost WiCE 0.4).
  // A quoted title first: its reason names the title whole (『吾輩は猫である』, not the words 吾輩 and 猫 a run swap sees).
  const titled = inBest || moved || inside || !best[0] ? undefined : titleSwapped(text, allToks, best[0], (title) => a.sentences.some((x) => x.text.includes(title)));
  // A word that shares only half its kanji with any passage (台所 against 洗面台, 海沿い against 川沿い) is no word the
  // passages have: in another word's place it is a swap, though it counts as half covered everywhere else.
  const halfSeen = new Set([...unseenStarts, ...claimToks.filter((_, i) => a.matchAll[i]! < 0.8).map((t) => t.start)]);
  const named = inBest || moved || inside || titled || !cjk || !best[0] ? undefined : wordSwappedJa(allToks, best[0].seq, halfSeen);
  const slotted = inBest ?? moved ?? inside ?? titled;
  let opp: Findings['opposite'];
  let exchange: Findings['exchange'];
  const s0 = best[0];
  if (s0) {
    // A negation counts only where it governs words the other side shares: "does not support offline mode"
    // against "supports offline mode", not a "not" in an unrelated clause of the same sentence.
    // A cue both sides use ("failed in its bid" / "failed last november in its bid") is shared, whatever its scope.
    const refCues = new Set(s0.negations.map((c) => c.word.toLowerCase()));
    const claimCues = new Set(claimNeg.map((c) => c.word.toLowerCase()));
    // "not available" against "unavailable" is one negation, two spellings.
    // A negation another retrieved sentence states, the same cue before the same words, is the reference's: "no
    // immediate reports of injuries" beside "...cut in the area, Ansa reports" where another sentence says it whole.
    const statedElsewhere = (c: Cue): boolean => {
      const words = governed(c, allToks, text);
      const cue = c.word.toLowerCase();
      return words.length > 0 && a.sentences.some((s) => s !== s0 && s.negations.some((r) => r.word.toLowerCase() === cue) && words.every((t) => s.keys.has(t.key) || (hasCjk(t.key) && s.norm.includes(t.key))));
    };
    const claimScoped = claimNeg.filter((c) => !refCues.has(c.word.toLowerCase()) && inScope(c, allToks, text, s0.keys, s0.norm) && !negativeAfter(c, allToks, s0.seq) && !statedElsewhere(c));
    const refScoped = s0.negations.filter((c) => !claimCues.has(c.word.toLowerCase()) && inScope(c, s0.seq, s0.text, claimKeys, text) && !negativeAfter(c, s0.seq, allToks) && !failureFor(c, s0, allToks, claimKeys));
    // One side negates and the other does not: counts differ in paraphrase ("no plans, no agenda" for "no set plans").
    if (claimScoped.length && !refScoped.length) negation = { side: 'claim', word: claimScoped[0]!.word, sentence: s0 };
    else if (refScoped.length && !claimScoped.length) negation = { side: 'reference', word: refScoped[0]!.word, sentence: s0 };
    // Kin or a role in the same frame: 鈴木さんは山田さんの父です against ...息子です (not "Bill's father is Tom" against
    // "Bill is the son of Tom", the same relation told from its other end), and "arrested" against "released". Named
    // whole: 上司 and 部下, not 上 and 下.
    const o = framed && frameOpposite(framed.claim, framed.reference)
      ? { claim: framed.claim.surface, reference: framed.reference.surface }
      : (cjk ? compoundSwappedJa(allToks, s0.seq, (word) => a.sentences.some((x) => x.text.includes(word))) ?? opposite(text, allToks, s0.text, s0.seq) : around);
    if (o) opp = { ...o, sentence: s0 };
    else {
      // A sentence that covers the claim about as well, about the same thing ("The mirror is gold." beside "The car is
      // silver." for "The mirror is silver."): its clashing word counts where it lifts that sentence past the bar.
      for (let i = 0; i < a.sentences.length && !opp; i++) {
        const s = a.sentences[i]!;
        // "Tokyo Tower is a tower. It is the second-tallest...": its "It" is the claim's subject.
        const m = subj >= 0 ? subjectMatches(i) : a.matches[i]!;
        if (s === s0 || cov(m) < c1 - TIE_TOL) continue;
        const oi = opposite(text, allToks, s.text, s.seq);
        if (!oi) continue;
        const filled = withOpposite(m, oi.claim);
        if (lifts(filled)) opp = { ...oi, sentence: s };
      }
    }
    const e = exchanged(allToks, s0.seq);
    if (e) exchange = { ...e, sentence: s0 };
    // The same fact from its other end: "Earth is larger than Mars" for "Mars is smaller than Earth",
    // ブラジルは日本に負けた for 日本はブラジルに勝った. The two flips cancel.
    if ((opp && opp.sentence === s0 && (exchange || told)) || kinTold) {
      opp = undefined;
      exchange = undefined;
    }
  }
  // The second aligned sentence may be the one that denies the claim ("Porto is the second city" then "The
  // city is not the national capital"): a negation there that governs the claim's words, where the claim has
  // none, counts too, and is a clash where the two sentences together carry the claim (`negSecond`). Only where the
  // word it negates is the claim's: a sentence that only helps the alignment negates something else beside a word the
  // claim shares ("not needing a budget for transport" beside "a tight budget", "no immediate reports of injuries").
  const s1 = best[1];
  if (s1 && !negation && !claimNeg.length) {
    const refScoped = s1.negations.filter((c) => headInScope(c, s1.seq, s1.text, claimKeys, text));
    if (refScoped.length) negation = { side: 'reference', word: refScoped[0]!.word, sentence: s1 };
  }

  const strong = s0 ? strengthened(text, allToks, s0.text, s0.seq) : undefined;
  // A figure no passage gives, written in digits, the rest of the claim stated by the aligned sentences: a count or an
  // amount the claim adds ("founded in 1998 with 300 engineers" against "founded in 1998", "by a group of engineers"),
  // or a rank ("the 10th decade" against "the decade"; not where a passage writes it as a word, "reached tenth place").
  // The figure's counted noun goes with it ("2 goals" against "He scored in the final"). Not a year, nor a number
  // written as a word: a summary counts what its source lists ("two aces"), and dates a page's date implies. Nor a sum
  // the claim works out ("fell by 500 MB" from "1.2 GB to 700 MB").
  // A year joins them where the claim lists it with a year the aligned sentences give ("won the title in 2004 and 2006"
  // against "won the title in 2004"): the list's given year places the frame, so the other is a year added to it.
  const listed = listedYears(text, claimQ, (q) => best.some((s) => gives(q, s)));
  const rankAdded = (q: Quantity): boolean => q.kind === 'ordinal' && !a.sentences.some((s) => saysOrdinal(s.text, q.value));
  const added = unmatchedNumbers.filter((q) => (((q.kind === 'number' || q.kind === 'percent' || rankAdded(q)) && /\d/.test(q.text)) || listed.includes(q)) && ungiven.includes(q));
  const inAdded = (t: Token): boolean => added.some((q) => overlaps(t, q) || (q.counts !== undefined && t.start >= q.end && t.start - q.end <= 1 && t.surface.toLowerCase() === q.counts));
  const rest = claimToks.map((t, i) => (inAdded(t) ? -1 : i)).filter((i) => i >= 0);
  const numberAdded = (added.length > 0 && shareOf(rest, w, a.match2) >= DOER_REST) || superlativeUnseen(text, missing);
  // A figure in digits no passage gives, in a claim whose other words the passages state under the 60% a clash needs:
  // no rewording of anything there ("Acme sells its widgets in 12 countries." against a page on its founding).
  const others = claimToks.map((t, i) => (unmatchedNumbers.some((q) => overlaps(t, q)) ? -1 : i)).filter((i) => i >= 0);
  const wOthers = others.reduce((s, i) => s + w[i]!, 0);
  const figureUnstated = wOthers > 0 && ungiven.some((q) => /\d/.test(q.text)) && shareOf(others, w, a.match2) < CLASH_COVERAGE;
  const cause = addedCause(text, claimToks, a.matchAll, a.match1, w);
  // A colour the claim gives that no passage gives in any spelling (白いトラック against 大型トラック): in a description of a
  // scene, a detail added, not a rewording (on dev JNLI 200 such rows, 4 of them supported).
  const colourUnseen = cjk && claimToks.some((t) => {
    const c = colourJa(t.surface);
    return c !== undefined && !req.passages.some((p) => givesColourJa(p.passage.text, c));
  });
  // So is a quality it gives a thing, an adjective none of whose kanji any passage has (分厚いピザ against ピザ; not 小さな熊
  // against 小熊): on dev JNLI 65 such rows besides those a colour flags, 2 of them supported (広い草原 against 小さい小象
  // と大きい象, 低い引き出し against 白いカバー).
  const qualityUnseen = cjk && claimToks.some((t, i) => a.matchAll[i] === 0 && qualityJa(allToks, t) && !qualityGiven(t, req.passages.map((p) => p.passage.text)));
  const self = s0 && c1 >= CLASH_COVERAGE ? selfRelated(text, allToks, s0) : undefined;
  const opinions = allToks.filter((t) => OPINION.has(t.surface.toLowerCase()) && !best.some((b) => b.allKeys.has(t.key)));
  const namesOff = claimToks.filter((t, i) => t.name && a.match2[i] === 0 && isEntityName(t.surface));
  const personal = (text.match(PERSONAL) ?? []).length;
  const own = (OWN_EXPERIENCE.exec(text) ?? OWN_THINGS.exec(text) ?? adviceToTry(text, missing))?.[0];
  const filler = claimToks.every((t) => FILLER.has(t.surface.toLowerCase()));
  const spoken = filler ? notAssent(allToks, text, personal) : !cjk && judgesNamed(opinions, text, c1);
  const bestLen = best[0]?.toks.length ?? 0;
  const f: Record<FeatureName, number> = {
    covBest: c1,
    charBest: coverage(bigrams, bestSets((s) => s.charGrams)),
    charAll: coverageOfLists(bigrams, a.sentences.map((s) => s.charGramList)),
    uncovered: Math.log1p(missing.length),
    uncoveredNames: Math.log1p(missing.filter((t) => t.name).length),
    length: Math.log1p(claimToks.length),
    numUnmatched: Math.min(3, ungiven.length),
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
    personal: Math.min(3, personal),
    question: /[?？]\s*$/.test(text) ? 1 : 0,
    // No passage at all, or none that shares a word with the claim: retrieval can bring a passage for a shared
    // character pair alone (バス of バスルーム), which the model, reading character overlap, took for support.
    noPassage: !req.passages.length || (claimToks.length > 0 && missing.length === claimToks.length) ? 1 : 0,
    lengthRatio: Math.log1p(claimToks.length) - Math.log1p(bestLen),
    weakest: weakest(claimToks, a.match2),
    allTokens: coverage(allToks.map((t) => t.key), allSets((s) => s.allKeys)),
    trigrams: coverage(wordTrigrams(allToks), best.length ? bestSets((s) => s.wordTrigrams) : allSets((s) => s.wordTrigrams)),
    missingCount: Math.min(8, missing.length),
    filler: filler ? 1 : 0,
    fillerWithOthers: filler && batchSize > 1 ? 1 : 0,
    notAssent: spoken ? 1 : 0,
    ownExperience: own ? 1 : 0,
    swap: swap.n,
    // A name in another name's slot ("moved to Portland in" against "moved to Seattle in") is a swapped fact
    // even where the claim's name stands elsewhere in the references ("founded in Portland"); so is a word no
    // passage has in another word's slot ("the password is guest." against "the password is admin.").
    slotSwap: slotted ? 1 : 0,
    wordSwapJa: named ? 1 : 0,
    numberAdded: numberAdded || figureUnstated ? 1 : 0,
    namesOffBest: Math.min(3, namesOff.length),
    opinion: Math.min(3, opinions.length),
    // Entity and number coverage: the share of the claim's names and numbers that no retrieved text gives
    // (a claim of several facts where one name or date is never mentioned is only partly supported).
    factMiss: cjk ? 0 : (missing.filter((t) => t.name).length + ungiven.length) / Math.max(1, claimToks.filter((t) => t.name).length + claimQ.length),
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
    strengthened: strong ? 1 : 0,
    // A statement joined to a stated one that no passage makes rides on the same flag and floor (its reason names its words).
    // So does a subject no passage names where the best sentence's is a pronoun it leaves unresolved.
    causeUnseen: cause || (!cjk && (joinedUnseen(text, claimToks, a.matchAll, a.match1, w) || subjectUnnamed(text, claimToks, a.matchAll, a.match1, w, s0?.text))) ? 1 : 0,
    selfRelation: self ? 1 : 0,
    // A quality the claim gives a thing, a colour or another adjective, that no passage gives: one flag, one floor.
    qualityUnseenJa: colourUnseen || qualityUnseen ? 1 : 0,
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
  const fixAt = conflict && writtenRange(read, conflict.claim.start, conflict.claim.end);
  return { x: FEATURES.map((n) => f[n]), claimText: text, alignment: a, claimToks, missing, conflict, fixAt, unmatchedNumbers: ungiven, negation, opposite: opp, swap: moved ?? inside ?? named ?? swap.first ?? slotted, exchange, strengthened: strong && s0 ? { ...strong, sentence: s0 } : undefined, cause, self, own, namesOff, opinions, smallTalk: filler && !spoken };
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
const DATE_BEFORE_YEAR = new RegExp(`(?:\\b\\d{1,2}(?:st|nd|rd|th)?\\s*,?\\s*)?\\b(?:${MONTH_WORDS.join('|')})\\s*(?:\\d{1,2}(?:st|nd|rd|th)?\\s*,?\\s*)?$`);

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

/**
 * Whether a negation cue governs content the other side also has: the next few words in English ("not
 * support offline"), the content word just before it in Japanese, past auxiliaries (走って|いない, 焼い|て|い|ない).
 */
function inScope(cue: { start: number; word: string }, toks: readonly Token[], ownText: string, otherKeys: ReadonlySet<string>, otherText: string): boolean {
  return governed(cue, toks, ownText).some((t) => otherKeys.has(t.key) || (hasCjk(t.key) && otherText.includes(t.key)));
}

/** Whether the content word a negation cue governs first, the one next to it, is one the other side has. */
function headInScope(cue: { start: number; word: string }, toks: readonly Token[], ownText: string, otherKeys: ReadonlySet<string>, otherText: string): boolean {
  const words = governed(cue, toks, ownText);
  const head = hasCjk(cue.word) ? words.at(-1) : words[0];
  return head !== undefined && (otherKeys.has(head.key) || (hasCjk(head.key) && otherText.includes(head.key)));
}

/** The content words a negation cue governs (`inScope`). */
function governed(cue: { start: number; word: string }, toks: readonly Token[], ownText: string): Token[] {
  const i = toks.findIndex((t) => t.start >= cue.start);
  const from = i < 0 ? toks.length : i;
  const content = (xs: readonly Token[]): Token[] => xs.filter((t) => !t.stop);
  // 何もない, 誰もいません, 無人です ("nothing", "nobody" there) govern the place named before them: お肉の横にはなにもない.
  const back = hasCjk(cue.word) && (NOTHING_JA.test(ownText.slice(0, cue.start)) || cue.word === '無人') ? 8 : 4;
  return hasCjk(cue.word) ? content(toks.slice(Math.max(0, from - back), from)).filter((t) => !NOTHING_WORD_JA.has(t.surface)).slice(-2) : content(clauseAfter(toks, from, ownText)).slice(0, 2);
}

// Verbs that say an act did not come off: "lost the title" is "couldn't land the title", "missed the train" "didn't catch the train".
const FAILURE = new Set(['lose', 'miss']);

/**
 * Whether the claim says with a verb of failure what the sentence's negation says: the negated verb not in the claim,
 * the claim's failure verb before the verb's object ("lost the title" for "couldn't quite land the title"). "The lost dog
 * was found" against "...was not found" still clashes: the negated verb is the claim's.
 */
function failureFor(cue: Cue, s: RefSentence, claimToks: readonly Token[], claimKeys: ReadonlySet<string>): boolean {
  const [verb, ...rest] = governed(cue, s.seq, s.text);
  if (!verb || !rest.length || claimKeys.has(verb.key)) return false;
  const objects = new Set(rest.map((t) => t.key));
  return claimToks.some((t, i) => FAILURE.has(t.key) && objects.has(claimToks.slice(i + 1).find((x) => !x.stop)?.key ?? ''));
}

const NOTHING_JA = /(?:何|なに|誰|だれ)も(?:い|あり)?$/;
const NOTHING_WORD_JA = new Set(['何', '誰']);

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

// The doer of an act named after "by" ("designed by the architect Le Corbusier", "won by Spain").
const AGENT = /\bby\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}?(\p{Lu}[\p{L}'’-]+)/gu;
// An example the claim gives ("like the Olympics", "such as Madrid", "including Ford"): the example is the fact added.
const EXAMPLE = /(?:,\s*like|\bsuch\s+as|\bincluding|\be\.g\.,?|\bfor\s+example,?)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+)/gu;

// A superlative of a quality no passage names ("..., and is the most important", "making it the most affordable in the
// league") ranks the thing first of all: a rank no passage gives, as "the 10th decade" is (on dev 18 claims, 17 of them in
// unsupported rows, the 18th, "it's the most popular.", flagged already).
// In lower case: "the Most Valuable Player", "The Most Popular Girls in School" are names.
const SUPERLATIVE = /(?<![\p{L}\p{N}])(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:most|least)\s+(\p{L}+)/gu;

/** A superlative ("the most important") whose quality no passage has. */
function superlativeUnseen(text: string, missing: readonly Token[]): boolean {
  for (const m of text.matchAll(SUPERLATIVE)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (missing.some((t) => t.start === start)) return true;
  }
  return false;
}

/**
 * 1 when the claim names who did something ("by X") and no passage mentions X: who designed, wrote or won
 * is the fact itself, not a detail a summary adds (on dev, 8 of 8 such claims are unsupported); likewise an
 * example it gives ("such as X"), which is a fact of its own (3 of 3).
 */
function agentUnseen(text: string, missing: readonly Token[]): number {
  for (const m of [...text.matchAll(AGENT), ...text.matchAll(EXAMPLE)]) {
    const start = m.index + m[0].length - m[1]!.length;
    if (missing.some((t) => t.name && t.start === start)) return 1;
  }
  return 0;
}

// A cause: what follows "because (of)", "due to"... in English, what precedes のため, が原因で... in Japanese. Or a
// consequence the claim draws, what follows ", so", ", thus", "which means" (`effect`): "The scope varies widely, so it
// can be hard to agree on a definition" against "The scope varies widely" adds a conclusion no passage draws.
const CAUSE_EN = /\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused\s+by|thanks\s+to)\s+|(?<effect>(?<=[,;]\s*)(?:so|thus|hence|therefore)\s+|\bwhich\s+means\s+)/gi;
const CAUSE_JA = /(?:の|が)?(?:ため(?:に)?|せいで|が原因で|を理由に)/g;
/** The rest of the claim, without the cause, must be stated this well by the best sentence. */
const CAUSE_REST = 0.8;

/** The share, by weight, of the claim's words `idx` that `matched` covers (0 where they weigh nothing). */
function shareOf(idx: readonly number[], w: readonly number[], matched: readonly number[]): number {
  const total = idx.reduce((s, i) => s + w[i]!, 0);
  return total > 0 ? idx.reduce((s, i) => s + w[i]! * matched[i]!, 0) / total : 0;
}

/**
 * The cause a claim adds ("closed because of the flood" against "closed in 2019"): the cause's words are in no
 * passage, and the best sentence states the rest of the claim. Returns the cause as the claim writes it.
 */
function addedCause(text: string, claimToks: readonly Token[], matchAll: readonly number[], match1: readonly number[], w: readonly number[]): Findings['cause'] {
  const ja = hasCjk(text);
  for (const m of text.matchAll(ja ? CAUSE_JA : CAUSE_EN)) {
    const connective = (t: Token): boolean => t.start >= m.index && t.end <= m.index + m[0].length;
    let inCause: boolean[];
    if (ja) {
      // The words right before のため that no passage has (橋は|洪水|のため: 洪水).
      inCause = claimToks.map(() => false);
      let i = claimToks.length - 1;
      while (i >= 0 && claimToks[i]!.end > m.index) i--;
      for (; i >= 0 && matchAll[i] === 0; i--) inCause[i] = true;
    } else {
      const [from, to] = [m.index + m[0].length, clauseEnd(text, m.index + m[0].length)];
      inCause = claimToks.map((t) => t.start >= from && t.end <= to);
      if (inCause.some((c, i) => c && matchAll[i]! > 0)) continue;
    }
    if (!inCause.some(Boolean)) continue;
    const rest = claimToks.map((_, i) => i).filter((i) => !inCause[i] && !connective(claimToks[i]!));
    if (shareOf(rest, w, match1) >= CAUSE_REST) {
      const cause = claimToks.filter((_, i) => inCause[i]);
      return { text: text.slice(ja ? cause[0]!.start : m.index, cause[cause.length - 1]!.end).trim(), effect: m.groups?.effect !== undefined };
    }
  }
  return undefined;
}

// Where a claim joins two statements: a comma, a semicolon, an exclamation mark, or a conjunction between words.
const JOINS = /[,;!]|\s(?:and|but|because|so|while|since)\s/giu;
// A statement's own subject, a pronoun or "there", as the clause's first word ("we'll", "it 's" as tokenised text writes it).
const OWN_SUBJECT = /^\s*(?:it|its|they|we|he|she|there|i|you)(?:\s*['’](?:s|re|ll|m|ve|d))?(?![\p{L}\p{N}])/iu;

/**
 * A statement of its own that the claim joins to a stated one ("..., and we'll test them in the Olympics", "It's all
 * over the world now, but cheerleading originated in the United States."): a clause that opens with its own subject, a
 * pronoun or "there", with two content words or more and none of them in any passage, the best sentence stating the
 * rest of the claim (`CAUSE_REST`), as an unseen cause is. Not a clause without a subject of its own ("..., which he
 * described as a warning", "and has followed in his father's footsteps"): a detail of the stated one, which summaries add
 * and annotators accept as often as not (on dev, with those too, 3 WiCE and 3 FaithBench supported rows were flagged).
 */
function joinedUnseen(text: string, claimToks: readonly Token[], matchAll: readonly number[], match1: readonly number[], w: readonly number[]): boolean {
  const cuts = [0, ...[...text.matchAll(JOINS)].map((m) => m.index + m[0].length), Infinity];
  if (cuts.length < 3) return false;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [from, to] = [cuts[k]!, cuts[k + 1]!];
    if (!OWN_SUBJECT.test(text.slice(from, to))) continue;
    const inClause = claimToks.map((t) => t.start >= from && t.start < to);
    if (inClause.filter(Boolean).length < 2 || inClause.some((c, i) => c && matchAll[i]! > 0)) continue;
    const rest = claimToks.map((_, i) => i).filter((i) => !inClause[i]);
    if (shareOf(rest, w, match1) >= CAUSE_REST) return true;
  }
  return false;
}

// A claim's subject ends at its first verb: a copula, an auxiliary or a modal ("ice fishing can be done").
const VERBS = 'is|are|was|were|can|could|has|have|had|will|would|may|might|must|does|do|did';
const FIRST_VERB = new RegExp(`(?<![\\p{L}\\p{N}])(?:${VERBS})(?![\\p{L}\\p{N}])`, 'iu');
// A sentence whose subject is a pronoun for a thing ("it", "they"; "this", "these" before a verb), after an opening
// phrase a comma closes ("Physiologically, it is..."). Not a demonstrative's phrase, which names the thing ("This type
// of sausage was popularized" gives "The dish was popularised"), nor "he" or "she": on dev the one such claim, a name for
// "she" ("coco was the founder"), is supported, the name given by the dialogue before.
const PRONOUN_SUBJECT = new RegExp(`^\\s*(?:(?<opening>[^,]{0,40}),\\s*)?(?:it|they|(?:this|these)(?=\\s+(?:${VERBS}|also)(?![\\p{L}\\p{N}])))(?![\\p{L}\\p{N}'’])`, 'iu');

/**
 * A subject the claim names where the best sentence has only a pronoun and no passage says what it stands for ("ice
 * fishing can be done for a variety of reasons" against "this can be done for a variety of reasons", "the color green is
 * evoked by light" against "It is evoked by light"): the reference states the rest of a thing it never names, so which
 * thing it is, is the claim's own word. The claim's words before its first verb (answer words, and the sentence's
 * opening phrase, aside) are in no passage, and the best sentence states the rest (`CAUSE_REST`). A passage that names
 * the thing ("Tokyo Tower is a tower. It is...") gives the subject.
 */
function subjectUnnamed(text: string, claimToks: readonly Token[], matchAll: readonly number[], match1: readonly number[], w: readonly number[], sentence: string | undefined): boolean {
  const verb = FIRST_VERB.exec(text);
  const pronoun = sentence === undefined ? null : PRONOUN_SUBJECT.exec(sentence);
  if (!verb || !pronoun) return false;
  // The sentence's opening phrase may open the claim too ("in modern times bow hunting is" against "in modern times,
  // it is"): its words are no part of the subject.
  const opening = new Set(tokens(pronoun.groups?.opening ?? '').map((t) => t.key));
  const inSubject = claimToks.map((t, i) => t.end <= verb.index && !FILLER.has(t.surface.toLowerCase()) && !(opening.has(t.key) && matchAll[i]! > 0));
  if (!inSubject.some(Boolean) || inSubject.some((s, i) => s && matchAll[i]! > 0)) return false;
  const rest = claimToks.map((_, i) => i).filter((i) => claimToks[i]!.start > verb.index);
  return shareOf(rest, w, match1) >= CAUSE_REST;
}

/** Where the clause that starts at `from` ends: a comma, a stop, a dash, or the end of the text. */
function clauseEnd(text: string, from: number): number {
  const m = /[,;:.!?()–—]/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

// Words that join a word to itself in an idiom: "day by day", "person to person", "one after another", "again and again".
const LINKS = new Set(['by', 'to', 'after', 'for', 'in', 'on', 'upon', 'and', 'or', 'from', 'over']);

/**
 * A claim that relates its subject to itself, its first and last content words one word with another between them
 * ("facebook is owned by facebook", "Light is evoked by light"), or a thing to itself inside it, the second after an
 * article in the same clause ("the company that ran the company", "kale is the kale leaf"), where the best sentence
 * names that word once ("It is evoked by light", "Facebook is owned by Meta"): the sentence relates it to something
 * else. `toks` are the claim's tokens, stop words included. Returns the word.
 */
function selfRelated(text: string, toks: readonly Token[], s: RefSentence): string | undefined {
  const content = toks.filter((t) => !t.stop);
  for (let i = 0; i < content.length; i++) {
    const first = content[i]!;
    const last = content.slice(i + 1).find((t) => t.surface.toLowerCase() === first.surface.toLowerCase());
    if (!last) continue;
    // A short predicate between them, a verb stop word or not ("is owned by": "own" is one); not a preposition alone ("day
    // by day", "person to person"), nor a list ("cycling is also called bicycling or cycling"), nor a long sentence that
    // comes back to its word ("The attack suggests... to expand its attacks").
    const between = toks.filter((t) => t.start > first.start && t.end < last.start);
    if (!between.some((t) => t.key !== first.key && !LINKS.has(t.surface.toLowerCase())) || between.filter((t) => !t.stop).length > 2) continue;
    if (/^(?:and|or)$/i.test(between[between.length - 1]?.surface ?? '')) continue;
    // Inside the claim, only a thing related to itself in one clause: the second an object ("the company that ran the
    // company", "kale is the kale leaf"), no list or second clause between ("in the us and america, and remains in america").
    const inner = i > 0 || last !== content[content.length - 1];
    if (inner && (!/(?:^|\s)(?:the|a|an)\s+$/i.test(text.slice(0, last.start)) || /[,;:()]|\s(?:and|or|but|while|as|with)\s/i.test(text.slice(first.end, last.start)))) continue;
    if (s.seq.filter((t) => t.key === first.key).length < 2) return first.surface;
  }
  return undefined;
}

// What stands between two listed years: "2004 and 2006", "2004, 2005", "2004 or 2006", "2004 & 2006".
const LIST_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$/;

/** The claim's years that no aligned sentence gives, listed beside one that one does ("2004, 2005 and 2006", one given). */
function listedYears(text: string, claimQ: readonly Quantity[], given: (q: Quantity) => boolean): Quantity[] {
  const years = claimQ.filter((q) => q.kind === 'year').sort((x, y) => x.start - y.start);
  const out: Quantity[] = [];
  let run: Quantity[] = [];
  const flush = (): void => {
    if (run.some(given)) out.push(...run.filter((q) => !given(q)));
    run = [];
  };
  for (const q of years) {
    const last = run[run.length - 1];
    if (last && !LIST_GAP.test(text.slice(last.end, q.start))) flush();
    run.push(q);
  }
  flush();
  return out;
}

/** Features of every claim of one document, in order. */
export function extractBatch(requests: readonly GradeRequest[], cache: SentenceCache): Findings[] {
  return requests.map((r, i) => extractFeatures(r, cache, requests.length, i));
}


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

// A copula or an auxiliary after the claim's opening word: the word is the sentence's subject, not a preposition or
// a conjunction ("Despite", "While", "Following").
const SUBJECT_OF = /^\s+(?:is|was|are|were|has|had|have|will|would|can|could|remains|remained|became)\b/;

/** Whether the claim's opening word reads as a name: capitalised, then lower case, the subject of a copula, and no plural, nationality, "-ing" word or closed-class word ("Green is"). */
function openerName(t: Token, text: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(t.surface) && SUBJECT_OF.test(text.slice(t.end, t.end + 12)) && isEntityName(t.surface) && !PLURAL_LIKE.test(t.surface) && !/ing$/.test(t.surface) && !closedClass(t.surface);
}

// The size words the lexicon keys 大型 and 小型 (大きな, 大きい, 小さな...), and a negation (無い) and "many" (多い, 様々な:
// `manyJa`), which other checks read.
const SIZE_JA = new Set([jaKey('大きな'), jaKey('小さな')]);
const NOT_QUALITY_JA = /^(?:無い|多い)$/;

/**
 * Whether a Japanese claim word is an adjective, no colour (`colourJa` reads those): a size word (大きな, 小さい), an
 * い-adjective (分厚い, 暗い, 新しい) before its noun or ending its clause, or a な-adjective of two characters or more
 * before its noun (広大な草原, カラフルな凧). What follows tells an adjective from a verb's stem ending in い (向い|て,
 * 使い|ます) and from a noun (囲い|の, 海沿い|に), and a な-adjective from a verb (連|な|る).
 */
function qualityJa(allToks: readonly Token[], t: Token): boolean {
  if (colourJa(t.surface) !== undefined || NOT_QUALITY_JA.test(t.surface) || manyJa(t.surface)) return false;
  if (SIZE_JA.has(t.key)) return true;
  const at = allToks.findIndex((x) => x.start === t.start);
  const next = allToks[at + 1];
  const beforeNoun = (k: number): boolean => allToks[k] !== undefined && !allToks[k]!.stop && allToks[k]!.start === allToks[k - 1]!.end;
  if (/^\p{sc=Han}+し?い$/u.test(t.surface)) return !next || next.start > t.end || beforeNoun(at + 1) || /^です/.test(next.surface);
  return next?.surface === 'な' && next.start === t.end && /^[\p{sc=Han}\p{sc=Katakana}ー]{2,}$/u.test(t.surface) && beforeNoun(at + 2);
}

// "Colourful" (カラフル, 色とりどり) is given by a passage that says so or names two colours (黄色と赤の電車).
const COLOURFUL_JA = /^(?:カラフル|色とりどり)$/;
const COLOURFUL_TEXT_JA = /カラフル|色とりどり|色鮮やか/;

/** Whether a passage gives a quality the alignment found in none: "colourful" said with colours. */
function qualityGiven(t: Token, passages: readonly string[]): boolean {
  return COLOURFUL_JA.test(t.surface) && passages.some((p) => COLOURFUL_TEXT_JA.test(p) || coloursGivenJa(p) >= 2);
}
