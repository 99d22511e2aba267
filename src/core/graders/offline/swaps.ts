// Words in each other's places: a name or word in another's slot (a swapped value), a fact moved to the other entity,
// two words the other way round (an exchange), and the same fact told from its other end (a converse, no clash).
import type { RefSentence } from './align';
import { classMates, closedClass, colourJa, converseKin, manyJa, oppositeKeys } from './negation';
import { overlaps } from './numbers';
import { pastForm } from './lexicon';
import { hasCjk, isEntityName, KANJI_WORD, stem, type Token } from './text';

export interface Swap {
  claim: string;
  reference: string;
}

/**
 * Words swapped for another in the same slot: a claim word the sentence lacks, between two neighbours that
 * the sentence has with exactly one other content word between them ("場所に|サル|が" vs "場所に|シマウマ|が",
 * "a |red| car" vs "a |blue| car"). The commonest way to change a fact while keeping its wording.
 */
export function swaps(claim: readonly Token[], sentence: RefSentence, claimKeys: ReadonlySet<string>): { n: number; first?: Swap } {
  const { seq: ref, allKeys: refKeys } = sentence;
  let n = 0;
  let first: Swap | undefined;
  for (let i = 1; i + 1 < claim.length; i++) {
    const t = claim[i]!;
    if (t.stop || refKeys.has(t.key)) continue;
    for (let j = 0; j + 2 < ref.length; j++) {
      const mid = ref[j + 1]!;
      if (ref[j]!.key === claim[i - 1]!.key && ref[j + 2]!.key === claim[i + 1]!.key && !mid.stop && !claimKeys.has(mid.key) && !shortYear(t.surface, mid.surface)) {
        n++;
        first ??= { claim: t.surface, reference: mid.surface };
        break;
      }
    }
  }
  return { n: Math.min(2, n), first };
}

/** A year and its last two digits, either way round: "2011" for the "11" of "2007–11", "the 60's" for 1960. One year. */
function shortYear(a: string, b: string): boolean {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return /^\d{4}$/.test(long) && /^\d{2}$/.test(short) && long.endsWith(short);
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
export function slotSwapped(claim: readonly Token[], sentence: RefSentence, claimKeys: ReadonlySet<string>, unseen: ReadonlySet<number>): Swap | undefined {
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
export function movedInSlot(text: string, claim: readonly Token[], sentence: RefSentence, claimKeys: ReadonlySet<string>, moved: (t: Token) => boolean): (Swap & { run: string[] }) | undefined {
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

/**
 * A kanji word of the claim's that no passage has (`unseen`), where the sentence has, between the same word before
 * and the same word after (a particle: に, で, は, の), a word that holds it but not at its start: 京都 against 東京都
 * ("本社は京都にあります" against "本社は東京都にあります"). Not a word at the start of the other (京都 in 京都府 is
 * that place), and not any other word in the slot (a general name swap in Japanese cost JNLI 0.34).
 */
export function insideSwapped(claim: readonly Token[], sentence: RefSentence, unseen: ReadonlySet<number>): Swap | undefined {
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

/** The claim's and the sentence's words where the two differ in one word only (`frameSwapped`). */
export interface Framed {
  claim: Token;
  reference: Token;
}

/** Where two runs of tokens as long differ (indices, by matching key); undefined where their lengths differ. */
function differing(claim: readonly Token[], ref: readonly Token[]): number[] | undefined {
  return claim.length === ref.length ? claim.flatMap((t, i) => (t.key === ref[i]!.key ? [] : [i])) : undefined;
}

/**
 * The one word where the claim and the sentence differ, all else the same word for word (articles aside): "The
 * building was demolished in 1990." against "The building was renovated in 1990.", 鈴木さんは山田さんの父です against
 * 鈴木さんは山田さんの息子です. Undefined where they differ in length or in more than one word, or where that word is a
 * function word or a number on either side.
 */
export function frameSwapped(claimAll: readonly Token[], refAll: readonly Token[]): Framed | undefined {
  const [claim, ref] = [withoutArticles(claimAll), withoutArticles(refAll)];
  const differ = claim.length < 3 ? undefined : differing(claim, ref);
  if (differ?.length !== 1) return undefined;
  const [c, r] = [claim[differ[0]!]!, ref[differ[0]!]!];
  const word = (t: Token): boolean => !t.stop && /^\p{L}+$/u.test(t.key);
  return word(c) && word(r) ? { claim: c, reference: r } : undefined;
}

// What happens to a building, a firm, a law or a person, one fact each: built is not renovated, killed is not injured.
// A closed list, not any past-tense verb: "earned" for "grossed" and "rose" for "grew" are rewordings (synonyms share a
// key in the lexicon: "constructed" = "built").
const FATES = new Set(
  'build rebuild demolish renovate restore expand extend close reopen open sell buy acquire abandon destroy damage found dissolve merge relocate rename convert replace repair cancel kill injure wound enact repeal amend veto'
    .split(' ')
    .map(stem),
);

/**
 * What happened to a thing, in another's place, the rest of the sentence the same ("was demolished in 1990" against
 * "was renovated in 1990"): both verbs past tense and of `FATES`, the claim's in no passage (`unseen`); English only.
 * `f`: the claim's and the sentence's `frameSwapped`.
 */
export function verbSwapped(f: Framed | undefined, unseen: ReadonlySet<number>): Swap | undefined {
  if (!f || hasCjk(f.claim.surface) || !unseen.has(f.claim.start)) return undefined;
  const fate = (t: Token): boolean => !t.name && pastForm(t.surface.toLowerCase()) && FATES.has(t.key);
  return fate(f.claim) && fate(f.reference) && !oppositeKeys(f.claim.key, f.reference.key) ? { claim: f.claim.surface, reference: f.reference.surface } : undefined;
}

// Words a claim may put in the place of a more specific one: 人 for 男性, 動物 for 犬 (the general word, no swap).
const GENERAL_JA = new Set(['人', '人々', '人物', '人達', '人たち', '動物', '物', 'もの', '何か', '誰か']);

/**
 * A Japanese word in another's place, the claim's content words (nouns, verb and adjective stems) otherwise the
 * sentence's in order, whatever the particles between: このバイクはホンダ製です against ...トヨタ製です, 雪の中に立っています
 * against 雨の中に..., 男性が泳いでいます against 男性が立っています, 皿の上におにぎりが against 皿の上にサンドウィッチが. The
 * claim's word is in no passage (`unseen`), neither word holds the other (持つ and 持 are one verb), the claim's is no
 * general word (人 for 男性; in a run, its last word, the head: 人の足 is a foot). Two words that both say "many" (複数, たくさん) are one count, and two of one closed class (グレー,
 * 灰色; 犬, 猫) are the opposite check's to judge, spellings of one colour included, while a word of one class where the
 * sentence has one of another (犬 where it has 自転車) is a swap. On dev JNLI it fires on 152 unsupported rows and 4 supported (rewordings: 寝そべって for
 * 横たわって, ジャンプ for 飛んで). A run of one or two words against a run of one to three, each word held to the same
 * tests, is a swap too where a content word before it is the same (43 unsupported rows more, 3 supported).
 */
export function wordSwappedJa(claimAll: readonly Token[], refAll: readonly Token[], unseen: ReadonlySet<number>): Swap | undefined {
  const content = (toks: readonly Token[]): Token[] => withoutHonorifics(toks).filter((t) => !t.stop);
  const [claim, ref] = [content(claimAll), content(refAll)];
  if (claim.length < 2) return undefined;
  const differ = differing(claim, ref);
  if (differ?.length === 1) {
    const [c, r] = [claim[differ[0]!]!, ref[differ[0]!]!];
    return swappable([c], [r], unseen) ? { claim: withEnding(c, claimAll), reference: withEnding(r, refAll) } : undefined;
  }
  // A run against a run: the claim's one or two words where the sentence has one to three others, the content words
  // before and after the same and at least two of them (並木通りを通り過ぎるトラック against ...二階建てバス, テーブルの上に
  // パソコン against テーブルの上にピザとドリンク). A run that opens the claim needs `OPENING_RUN_TAIL` words after it the
  // same (テニスコートで男性プレイヤーがボールを打ち返しています against 野球場で...): with fewer, a place said otherwise
  // (原っぱで犬がフリスビーで遊んでいます for 広い芝生で...) is a rewording as often as not.
  let head = 0;
  while (head < claim.length && head < ref.length && claim[head]!.key === ref[head]!.key) head++;
  let tail = 0;
  while (tail < claim.length - head && tail < ref.length - head && claim[claim.length - 1 - tail]!.key === ref[ref.length - 1 - tail]!.key) tail++;
  const [cs, rs] = [claim.slice(head, claim.length - tail), ref.slice(head, ref.length - tail)];
  if ((head < 1 && tail < OPENING_RUN_TAIL) || head + tail < 2 || cs.length < 1 || cs.length > 2 || rs.length < 1 || rs.length > 3 || cs.length + rs.length === 2 || !swappable(cs, rs, unseen)) return undefined;
  // The run as written, particles between included (ノートとペン), the last word with its ending.
  const span = (toks: readonly Token[], run: readonly Token[]): string =>
    toks.filter((t) => t.start >= run[0]!.start && t.end < run[run.length - 1]!.end).map((t) => t.surface).join('') + withEnding(run[run.length - 1]!, toks);
  return { claim: span(claimAll, cs), reference: span(refAll, rs) };
}

/** Content words after a run that opens the claim, the sentence's word for word, before it counts as a swap. */
const OPENING_RUN_TAIL = 4;

/** Whether the claim's words (`cs`, in no passage) may stand for another thing than the sentence's (`rs`). */
function swappable(cs: readonly Token[], rs: readonly Token[], unseen: ReadonlySet<number>): boolean {
  const word = (t: Token): boolean => /^\p{L}+$/u.test(t.surface) && !/\d/.test(t.key);
  if (!cs.every((c) => unseen.has(c.start) && word(c)) || GENERAL_JA.has(cs[cs.length - 1]!.surface) || !rs.every(word)) return false;
  // A compound the segmenter cut (洗面|台) is one word here: 台所 does not hold 洗面台 for holding its 台.
  const written = compoundsJa(rs).map((x) => x.tok);
  const others = written.length < rs.length ? written : rs;
  return cs.every((c) => others.every((r) => !c.key.includes(r.key) && !r.key.includes(c.key)) && rs.every((r) => !(manyJa(c.surface) && manyJa(r.surface)) && !classMates(c.surface, r.surface)));
}

/** A kanji stem with the kana that ends it, as a reader names the word (泳いで, 横たわって, 停車する), not a particle (雪の). */
function withEnding(t: Token, toks: readonly Token[]): string {
  if (!/^\p{sc=Han}+$/u.test(t.surface) && !t.kanji) return t.surface;
  let kana = '';
  for (let at = t.end, next = toks.find((x) => x.start === at); next && /^\p{sc=Hiragana}+$/u.test(next.surface) && kana.length < 6; at = next.end, next = toks.find((x) => x.start === at)) kana += next.surface;
  // A word written in kana (のん|で, すわっ|て): its て or で, whatever follows.
  if (t.kanji) return t.surface + (/^[てで]/.exec(kana)?.[0] ?? '');
  if (!kana || PARTICLE_JA.has(kana[0]!) || PARTICLE_JA.has(kana.slice(0, 2))) return t.surface;
  return t.surface + (/^[\u3041-\u3096]{0,4}?[てで]/.exec(kana)?.[0] ?? kana.slice(0, 2));
}
const PARTICLE_JA = new Set(['の', 'が', 'を', 'に', 'へ', 'と', 'で', 'は', 'も', 'や', 'から', 'まで', 'より', 'です', 'だ']);

/** Kanji and katakana only: a part of a Japanese compound name (東京, ドーム, 府). */
const NAME_PART_JA = /^[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff々]+$/u;

/** A Japanese word as read, with the segments it is written with (札幌|ドーム). */
interface Compound {
  tok: Token;
  parts: string[];
}

/** Kanji and katakana words written together (札幌|ドーム, 大阪|府) as one word, as the segmenter keeps 東京ドーム. */
function compoundsJa(toks: readonly Token[]): Compound[] {
  const out: Compound[] = [];
  for (const t of toks) {
    const last = out[out.length - 1];
    if (last && !last.tok.stop && !t.stop && last.tok.end === t.start && NAME_PART_JA.test(last.tok.surface) && NAME_PART_JA.test(t.surface)) {
      last.tok = { ...last.tok, surface: last.tok.surface + t.surface, key: last.tok.key + t.key, end: t.end };
      last.parts.push(t.surface);
    } else out.push({ tok: t, parts: [t.surface] });
  }
  return out;
}

/**
 * Two Japanese compound names with one head and another first part, the rest of the sentence the same word for word:
 * 東京ドーム against 札幌ドーム, 大阪府 against 京都府, ホンダ製 against トヨタ製. The shared head makes them two of one kind, as
 * two colours are, where two bare names in one slot need not exclude each other (本社は東京に, 本社は渋谷に). The head is a
 * segment of its own on one side at least (札幌|ドーム, 大阪|府): 草原 and 野原, one word each, are one field. Neither first
 * part holds the other (新大阪駅 is not 大阪駅's rival here), and the claim's word is in no passage (`seen`).
 */
export function compoundSwappedJa(claimAll: readonly Token[], refAll: readonly Token[], seen: (word: string) => boolean): Swap | undefined {
  const [claim, ref] = [compoundsJa(withoutHonorifics(claimAll)), compoundsJa(withoutHonorifics(refAll))];
  const differ = claim.length < 2 ? undefined : differing(claim.map((x) => x.tok), ref.map((x) => x.tok));
  if (differ?.length !== 1) return undefined;
  const [c, r] = [claim[differ[0]!]!, ref[differ[0]!]!];
  const [cw, rw] = [c.tok.surface, r.tok.surface];
  if (!NAME_PART_JA.test(cw) || !NAME_PART_JA.test(rw) || closedClass(cw) || closedClass(rw) || seen(cw)) return undefined;
  let n = 0;
  while (n < Math.min(cw.length, rw.length) && cw[cw.length - 1 - n] === rw[rw.length - 1 - n]) n++;
  const [pc, pr] = [cw.slice(0, cw.length - n), rw.slice(0, rw.length - n)];
  const segmented = (x: Compound, prefix: string): boolean => x.parts.length > 1 && x.parts.some((_, i) => x.parts.slice(0, i).join('') === prefix);
  return n > 0 && pc && pr && !pc.includes(pr) && !pr.includes(pc) && (segmented(c, pc) || segmented(r, pr)) ? { claim: cw, reference: rw } : undefined;
}

/** The claim's doer must be all that differs: the rest of the claim this fully stated by the sentence. */
export const DOER_REST = 0.8;

/** An English plural (not "Paris", "Texas", "Duras"): a word that opens a sentence this way is taken for a common noun. */
export const PLURAL_LIKE = /[^aiosu]s$/i;

/**
 * A name where the sentence has another at the start of the statement, the one who did it: "Google acquired
 * GitHub in 2018." (or "In 2018, Google acquired GitHub.") against "Microsoft acquired GitHub in 2018.",
 * "Pierre Curie won" against "Marie Curie won". One of the two opens its sentence (`latin` marks no name
 * there, and `slotSwapped` needs a word before both). A capitalised word opening a sentence may be a plain word
 * ("Researchers found"), so the claim's word must be in no passage at all (`unseen`), the word after both
 * must be the same, and the sentence must state the rest of the claim (`coveredBut`, at least `DOER_REST`).
 */
export function doerSwapped(
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
export function exchanged(claimAll: readonly Token[], refAll: readonly Token[]): Swap | undefined {
  // A Japanese honorific stands after either name alike (鈴木さんは山田さんの): the particle after it tells the role.
  const [claim, ref] = [withoutHonorifics(claimAll), withoutHonorifics(refAll)];
  if (bothWays(claim, ref)) return undefined;
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
  return colourExchangedJa(claim, ref);
}

// What stands between a Japanese colour and the thing it is said of: の, and と or や in a list of colours (白と黒の犬).
const COLOUR_LINK_JA = new Set(['の', 'と', 'や']);

/** Each thing a Japanese colour is said of (白い犬, 緑色の鳥, 白と黒の犬: both of 犬), with its colours. */
function colouredJa(toks: readonly Token[]): Map<string, { colours: Set<string>; surface: string }> {
  const out = new Map<string, { colours: Set<string>; surface: string }>();
  toks.forEach((t, i) => {
    const colour = colourJa(t.surface);
    if (!colour) return;
    let j = i + 1;
    while (j < toks.length && (COLOUR_LINK_JA.has(toks[j]!.surface) || colourJa(toks[j]!.surface))) j++;
    const noun = toks[j];
    // A colour told of nothing after it (犬は白いです) says what, not which.
    if (!noun || noun.stop || toks.slice(i + 1, j).some((x) => x.stop && !COLOUR_LINK_JA.has(x.surface))) return;
    const entry = out.get(noun.key) ?? { colours: new Set<string>(), surface: t.surface };
    entry.colours.add(colour);
    out.set(noun.key, entry);
  });
  return out;
}

/**
 * Two colours told of each other's things: 白い犬と黒い猫 against 黒い犬と白い猫, 緑色の毛並みの犬…茶色い鳥 against 茶色い毛並み
 * の犬…緑色の鳥. A thing both give colours, none of them shared, where the claim's colour is the sentence's too and the
 * sentence's the claim's: each word is in both, so no opposite word is missing, and the two words' neighbours differ
 * where one colour is an adjective (茶色い) and the other a noun (緑色の).
 */
function colourExchangedJa(claim: readonly Token[], ref: readonly Token[]): Swap | undefined {
  const [c, r] = [colouredJa(claim), colouredJa(ref)];
  const claimColours = new Set([...c.values()].flatMap((x) => [...x.colours]));
  const refColours = new Set([...r.values()].flatMap((x) => [...x.colours]));
  for (const [noun, said] of c) {
    const other = r.get(noun);
    if (!other || [...said.colours].some((x) => other.colours.has(x))) continue;
    if ([...said.colours].every((x) => refColours.has(x)) && [...other.colours].every((x) => claimColours.has(x))) return { claim: said.surface, reference: other.surface };
  }
  return undefined;
}

const HONORIFIC_JA = new Set(['さん', '氏', '様', 'さま', '君', 'くん', 'ちゃん']);
const withoutHonorifics = (toks: readonly Token[]): Token[] => toks.filter((t) => !HONORIFIC_JA.has(t.surface));

// Relations that hold both ways: "A married B" is "B married A", "A is B" names one thing twice.
const SYMMETRIC = new Set(['and', 'or', 'nor', '&', 'with', 'marri', 'marry', 'met', 'meet', 'border', 'near', 'next', 'adjac', 'similar', 'same', 'equal',
  'like', 'vs', 'versus', 'both', 'between', 'togeth', 'partner', 'sibl', 'friend', 'neighbour', 'neighbor', 'twin', 'alongsid', 'against', 'play', 'draw', 'tie', 'tied', 'differ', 'unlik', 'compar', 'relat', 'connect', 'link']);

// Kin and company that hold both ways: "Bill is Tom's brother" is "Tom is Bill's brother" (the same word both ways is
// the same fact; "sister" against "brother" is the opposite check's).
const MUTUAL = /^(?:brothers?|sisters?|siblings?|spouses?|cousins?|friends?|neighbou?rs?|colleagues?|partners?|twins?|classmates?|teammates?|roommates?|兄弟|姉妹|兄妹|姉弟|きょうだい|いとこ|従兄弟|従姉妹|友人|友達|友だち|親友|同僚|隣人|配偶者|双子)$/i;

/**
 * The claim word for word as the sentence but for two words exchanged, joined by a relation that holds both ways:
 * "Bill is Tom's brother" for "Tom is Bill's brother", "Bill is the cousin of Tom", ビルはトムの同僚です. Between the two
 * only stop words or the relation word, which stands there or right after the second, a modifier that keeps it mutual
 * aside ("Bill is Tom's best friend"; "Tom's friend gave Bill a book" is another fact, and so is "Bill's brother moved
 * from Oslo to Bergen").
 */
function bothWays(claim: readonly Token[], ref: readonly Token[]): boolean {
  const differ = differing(claim, ref);
  if (differ?.length !== 2) return false;
  const [p, q] = differ as [number, number];
  if (claim[p]!.key !== ref[q]!.key || claim[q]!.key !== ref[p]!.key) return false;
  const mutual = (t: Token | undefined): boolean => !!t && MUTUAL.test(t.surface);
  const plain = (t: Token): boolean => t.stop || MUTUAL_MODIFIER.test(t.surface);
  const between = claim.slice(p + 1, q);
  if (!between.every((t) => plain(t) || mutual(t))) return false;
  return between.some(mutual) || mutual(claim.slice(q + 1).find((t) => !plain(t)));
}

// Words before a mutual relation that keep it mutual: a best friend's best friend is the first, an old colleague's old
// colleague likewise. Not "older", "younger", "elder", "big", "little": an older brother's brother is the younger.
const MUTUAL_MODIFIER = /^(?:best|close|closest|good|old|dear|longtime|long-time|lifelong|childhood|former)$/i;

/**
 * The claim's first and last words the other way round in a sentence that says the same in between: "John is the
 * mother of Mary" against "Mary is the mother of John", "Osaka is larger than Tokyo" against "Tokyo is larger
 * than Osaka". Not a relation that holds both ways ("A married B", "A and B", "A is B").
 */
function endsExchanged(claimAll: readonly Token[], refAll: readonly Token[]): Swap | undefined {
  const ends = endsSwapped(claimAll, refAll);
  if (!ends) return undefined;
  const { claim, ref } = ends;
  const [a, b] = [claim[0]!, claim[claim.length - 1]!];
  if (a.stop || b.stop || !/\p{L}/u.test(a.key + b.key)) return undefined;
  const middle = claim.slice(1, -1);
  if (!middle.some((t) => !t.stop) || middle.some((t) => SYMMETRIC.has(t.key) || SYMMETRIC.has(t.surface.toLowerCase()))) return undefined;
  return differing(claim, ref)!.length === 2 ? { claim: a.surface, reference: b.surface } : undefined;
}

/**
 * The claim's first and last words the other way round where the words between differ by an opposite: "Earth is
 * larger than Mars" for "Mars is smaller than Earth", the same fact told from its other end (a converse).
 */
export function converse(claimAll: readonly Token[], refAll: readonly Token[]): boolean {
  const ends = endsSwapped(claimAll, refAll);
  if (!ends) return false;
  const { claim, ref } = ends;
  // The two ends differ by construction; between them, one word and its opposite.
  const between = differing(claim, ref)!.slice(1, -1);
  return between.length === 1 && oppositeKeys(claim[between[0]!]!.key, ref[between[0]!]!.key);
}

/**
 * An opposite with the two ends on the other sides of it, whatever else the sentences hold: "Eugene ... lost to Doha"
 * for "Doha ... beat Eugene", "Mars is smaller than Earth" for "Earth, the third planet, is larger than Mars". A content
 * word before the claim's opposite stands after the sentence's, and one after it before; a word on both sides of its
 * own opposite counts for neither, and the words on the other side must outnumber those on the same side ("Tom beat Bill
 * in the final" for "Bill lost to Tom in the final"). (`converse` asks for the same words throughout; summaries reword.)
 */
export function converseAround(claimAll: readonly Token[], refAll: readonly Token[], claimWord: string, refWord: string): boolean {
  const sides = (toks: readonly Token[], word: string): [Set<string>, Set<string>] | undefined => {
    const at = toks.findIndex((t) => t.surface === word);
    if (at < 0 || toks.findIndex((t, i) => i > at && t.surface === word) >= 0) return undefined;
    const keys = (xs: readonly Token[]): Set<string> => new Set(xs.filter((t) => !t.stop && /\p{L}/u.test(t.key)).map((t) => t.key));
    const [before, after] = [keys(toks.slice(0, at)), keys(toks.slice(at + 1))];
    for (const k of [...before]) if (after.has(k)) [before.delete(k), after.delete(k)];
    return [before, after];
  };
  const [c, r] = [sides(claimAll, claimWord), sides(refAll, refWord)];
  if (!c || !r) return false;
  const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => [...a].filter((k) => b.has(k)).length;
  const [x, y] = [shared(c[0], r[1]), shared(c[1], r[0])];
  return x > 0 && y > 0 && x + y > shared(c[0], r[0]) + shared(c[1], r[1]);
}

/**
 * The claim word for word as the sentence but for two words exchanged and a kin word told from the relation's other
 * end: "Bill is Tom's son" for "Tom is Bill's father", ビルはトムの息子です for トムはビルの父です, the same fact. The claim's
 * kin word, where so.
 */
export function kinConverse(claimAll: readonly Token[], refAll: readonly Token[]): Token | undefined {
  const [claim, ref] = [withoutArticles(withoutHonorifics(claimAll)), withoutArticles(withoutHonorifics(refAll))];
  const differ = differing(claim, ref);
  if (differ?.length !== 3) return undefined;
  const kin = differ.find((i) => converseKin(claim[i]!, ref[i]!));
  if (kin === undefined) return undefined;
  const [p, q] = differ.filter((i) => i !== kin) as [number, number];
  return claim[p]!.key === ref[q]!.key && claim[q]!.key === ref[p]!.key ? claim[kin] : undefined;
}

/**
 * The claim and the sentence, articles aside ("The car is heavier than the bike": the articles are no ends of the
 * comparison), where they are as long and the claim's first and last words are the sentence's last and first.
 */
function endsSwapped(claimAll: readonly Token[], refAll: readonly Token[]): { claim: readonly Token[]; ref: readonly Token[] } | undefined {
  const [claim, ref] = [withoutArticles(claimAll), withoutArticles(refAll)];
  const n = claim.length;
  if (n < 3 || ref.length !== n) return undefined;
  const [a, b] = [claim[0]!, claim[n - 1]!];
  return a.key !== b.key && a.key === ref[n - 1]!.key && b.key === ref[0]!.key ? { claim, ref } : undefined;
}

function withoutArticles(toks: readonly Token[]): readonly Token[] {
  return toks.some((t) => ARTICLES.has(t.key)) ? toks.filter((t) => !ARTICLES.has(t.key)) : toks;
}
const ARTICLES = new Set(['the', 'a', 'an']);

/** A quoted title: 『こころ』, 「羅生門」, “Dune”, "Dune". */
const TITLE = /『([^』]+)』|「([^」]+)」|“([^”]+)”|"([^"]+)"/g;

/**
 * A quoted title no passage has, where the sentence has another title in the same brackets and the same place (the
 * same characters before and after it), the rest of the claim stated: 『こころ』 against 『吾輩は猫である』. A title is
 * one name however many words it holds, so the word-by-word swaps above never see it whole.
 */
export function titleSwapped(claimText: string, claim: readonly Token[], sentence: RefSentence, seen: (title: string) => boolean): Swap | undefined {
  const inner = (m: RegExpMatchArray): string => m[1] ?? m[2] ?? m[3] ?? m[4]!;
  for (const m of claimText.matchAll(TITLE)) {
    const title = m[0];
    const start = m.index ?? 0;
    const end = start + title.length;
    if (seen(inner(m))) continue;
    if (!claim.every((t) => t.stop || (t.start >= start && t.end <= end) || sentence.allKeys.has(t.key))) continue;
    const before = claimText.slice(Math.max(0, start - 2), start);
    const after = claimText[end] ?? '';
    for (const r of sentence.text.matchAll(TITLE)) {
      const at = r.index ?? 0;
      if (r[0][0] !== title[0] || r[0] === title) continue;
      if (sentence.text.slice(Math.max(0, at - before.length), at) === before && (sentence.text[at + r[0].length] ?? '') === after) return { claim: inner(m), reference: inner(r) };
    }
  }
  return undefined;
}
