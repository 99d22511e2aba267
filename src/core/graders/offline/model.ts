// A logistic regression over the reader's checks, trained by scripts/train-offline.ts on the dev split and
// shipped as weights.json. The bias already includes the decision threshold: P >= 0.5 means "not supported".
import weights from './weights.json';
import { CLASH_COVERAGE, FEATURES } from './features';

export interface ModelWeights {
  version: number;
  features: string[];
  /** Standardisation: x' = (x - mean) / scale. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Boosted regression trees added to the linear logit (they catch interactions a line cannot). */
  trees?: TreeNode[];
  /** Temperature applied to the logit so that confidences match out-of-fold frequencies. */
  temperature: number;
  note?: string;
}

/** A split on raw feature `f` at threshold `t` (x < t goes left), or a leaf value `v`. */
export type TreeNode = { f: number; t: number; l: TreeNode; r: TreeNode } | { v: number };

export const MODEL: ModelWeights = weights as ModelWeights;

/** Checked when a grader is created, not on import, so that the training script can load with stale weights. */
export function assertModelMatchesFeatures(m: ModelWeights = MODEL): void {
  if (m.features.join() !== FEATURES.join()) {
    throw new Error('offline grader: weights.json does not match the feature list; run scripts/train-offline.ts');
  }
}

export function logit(x: readonly number[], m: ModelWeights = MODEL): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) z += (m.weights[i]! * (x[i]! - m.mean[i]!)) / (m.scale[i]! || 1);
  for (const t of m.trees ?? []) z += treeValue(t, x);
  return z;
}

/** Floor on P(not supported) when a clash fires: about its precision on the dev split (out of fold). */
export const CONTRADICTION_P = 0.85;

const at = (name: (typeof FEATURES)[number]): number => FEATURES.indexOf(name);
const CLASHES = [at('negClaimOnly'), at('negRefOnly'), at('opposite'), at('exchange')];
const COV_BEST = at('covBest');
const COV_CONFLICT = at('covConflict');
const NEG_SECOND = at('negSecond');
const NEG_NEVER = at('negNever');

/**
 * A reader's hard check: a well-aligned reference sentence gives another number, negates what the claim
 * asserts (or the reverse), uses the opposite word, or has two of the claim's words the other way round. Rare in any training set, so it is a rule, not a weight.
 * For a number the coverage counts the number's own slot and both aligned sentences (`covConflict`): the
 * differing value is what the claim and the sentence do not share, and must not be what keeps the rule off.
 * A negation in the second aligned sentence counts where the two sentences together carry the claim (`negSecond`).
 */
export function clashes(x: readonly number[]): boolean {
  return x[COV_CONFLICT]! >= CLASH_COVERAGE || x[NEG_SECOND]! > 0 || x[NEG_NEVER]! > 0 || (x[COV_BEST]! >= CLASH_COVERAGE && CLASHES.some((i) => x[i]! > 0));
}

/** Floor on P(not supported) for a swapped or unseen fact (`swappedOrUnseen`). */
export const UNSEEN_NAME_P = 0.8;
const NAMES = at('namesOffBest');
const AGENT_UNSEEN = at('agentUnseen');
const SLOT_SWAP = at('slotSwap');
const CJK = at('cjk');
const REF_NAMES = at('refNamesOff');
const STRENGTHENED = at('strengthened');
const CAUSE_UNSEEN = at('causeUnseen');
const WORD_SWAP_JA = at('wordSwapJa');
const NUMBER_ADDED = at('numberAdded');
const SELF_RELATION = at('selfRelation');
const OWN_EXPERIENCE = at('ownExperience');
const NO_PASSAGE = at('noPassage');
const QUALITY_UNSEEN_JA = at('qualityUnseenJa');

/**
 * A swapped or unseen fact: the claim has a name the best-aligned sentences lack, the best sentence has a name
 * the claim lacks, and they carry at least half of the claim (English only: Japanese "names" here are any
 * katakana or kanji word, which says far less); or a name stands in another name's slot, or a word no passage
 * has in another word's (`slotSwap`: on dev 8 of the 9 claims it fires on are unsupported); or the one
 * who did it, named after "by", is in no passage (`agentUnseen`); or the claim says for certain what a well-aligned
 * sentence says may be (`strengthened`: "will cure" against "may cure"), or adds a cause no passage mentions, the rest
 * of it stated (`causeUnseen`: "because of the flood"). Neither fires on a dev row; each is a user's plain error.
 * Or a Japanese word stands in another's place, the rest of the sentence the same (`wordSwapJa`, a rule-only flag), a
 * figure the claim adds (`numberAdded`: to a claim otherwise stated, or in a claim the passages barely state), or the claim relates its subject to itself (`selfRelation`: "facebook is owned by
 * facebook" against "Facebook is owned by Meta"), both rule-only too. Or no passage shares a word with the claim at all,
 * though one shares a character pair (バス of バスルーム)
 * (`noPassage`: 馬が吠えている against 角が生えた白い牛が横を向いています sat at P 0.58, a Japanese claim's weight pulling it
 * down); small talk ("Yes, it is."), which no passage shares either, stays under its own ceiling.
 */
export function swappedOrUnseen(x: readonly number[]): boolean {
  return (x[NAMES]! > 0 && x[REF_NAMES]! > 0 && x[CJK]! === 0 && x[COV_BEST]! >= 0.5) || x[AGENT_UNSEEN]! > 0 || x[SLOT_SWAP]! > 0 || (x[STRENGTHENED]! > 0 && x[COV_BEST]! >= CLASH_COVERAGE) || x[CAUSE_UNSEEN]! > 0 || x[WORD_SWAP_JA]! > 0 || x[NUMBER_ADDED]! > 0 || x[SELF_RELATION]! > 0 || x[NO_PASSAGE]! > 0 || x[OWN_EXPERIENCE]! > 0 || x[QUALITY_UNSEEN_JA]! > 0;
}

const logOdds = (p: number): number => Math.log(p / (1 - p));

/** Ceiling on P(not supported) for small talk ("Yes, it is.") beside checkable claims: nothing in it to check. */
export const SMALL_TALK_P = 0.3;
const SMALL_TALK = at('fillerWithOthers');
const NOT_ASSENT = at('notAssent');

/** The decision logit: the model's, raised to the rule floors when a clash or an unseen name is found. */
export function decisionLogit(x: readonly number[], m: ModelWeights = MODEL): number {
  let z = logit(x, m) / (m.temperature || 1);
  if (clashes(x)) z = Math.max(z, logOdds(CONTRADICTION_P));
  if (swappedOrUnseen(x)) z = Math.max(z, logOdds(UNSEEN_NAME_P));
  if (x[NOT_ASSENT]! > 0) z = Math.max(z, logOdds(UNSEEN_NAME_P));
  else if (x[SMALL_TALK]! > 0) z = Math.min(z, logOdds(SMALL_TALK_P));
  return z;
}

/** Calibrated probability that the claim is not supported by the passages. */
export function pNotSupported(x: readonly number[], m: ModelWeights = MODEL): number {
  return 1 / (1 + Math.exp(-decisionLogit(x, m)));
}

export function treeValue(node: TreeNode, x: readonly number[]): number {
  let n = node;
  while (!('v' in n)) n = x[n.f]! < n.t ? n.l : n.r;
  return n.v;
}
