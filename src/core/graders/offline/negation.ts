// Negation, opposites and hedges: the words that flip or soften a sentence while leaving its terms intact,
// so word coverage alone would call "sales did not increase" supported by "sales increased".
import { canonicalJa } from './lexicon';
import { MONTH_WORDS, quantities } from './numbers';
import { AT_LEAST, AT_MOST, FREE, FREE_JA, hasCjk, KANJI_WORD, stem, type Token } from './text';

const NEG_EN = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'nowhere', 'unable', 'lack', 'lacks', 'lacked', 'fail', 'fails', 'failed', 'refused', 'denied', 'denies',
  // Verbs that say "not allowed": "prohibited from eating" and "not allowed to eat" both negate.
  'prohibited', 'forbidden', 'banned', 'barred']);
// Japanese negation is an auxiliary: ない, ません, なかった, ず, ぬ, 無い, なし. ぬ only after a verb, before a noun or
// the clause's end (知らぬ間に, 思わぬ事故): not the ぬ of ぬいぐるみ, いぬ (a dog), たぬき.
// 禁止 (prohibited) negates as "prohibited" does: 撮影は禁止されています = 撮影できません. 無人 said of a place
// (店の中は無人です) is 誰もいません, "nobody there"; not 無人島, 無人駅, a kind of place.
const NEG_JA = /(?:ない|なかっ|ません|ませ ん|ず[、。に]|ずに|(?<![いのがをにでとはもへやぬ]|^)ぬ(?=[\u3400-\u9fff、。！？\s]|$|が|まま|よう)|無い|無し|なし|ありません|いません|禁止|禁じ|無人(?=です|でした|である|だ|[。、]|$))/g;

// 〜しか…ない is "only" (一度しか公開されない = 一度だけ公開される): the ない within the same clause negates nothing.
const ONLY_JA = /しか[^、。！？]*$/;

// "stopped making", "has ceased producing": the act no longer happens, as "no longer makes" says.
const STOPPED = /^(?:stop|stops|stopped|cease|ceases|ceased)$/;

// "no more than" is "at most": its "no" negates nothing, and its "more" is a bound, no negated word.
const BOUND_KEYS = new Set([AT_MOST, AT_LEAST]);
// "no less than", "not more than": a bound (text.ts keys it as "at least" or "at most"), not a negation.
const BOUND = /^(?:less|fewer|more|greater|later|earlier|sooner)$/;

const NOT_NEGATING = new Set(['only', 'sure', 'certain', 'just', 'merely', 'doubt', 'least']);

/**
 * A "not" that denies nothing the claim states: "not only", "not the only", "I'm not sure, but...", "not just". It is
 * no negation, and no word a reference must say either ("i am not sure, but in some countries it is a protected title"
 * was "reference never mentions 'not'").
 */
export function negatesNothing(toks: readonly Token[], i: number): boolean {
  const w = toks[i]?.surface.toLowerCase() ?? '';
  if (!(NEG_EN.has(w) || /n['’]t$/.test(w))) return false;
  const next = toks[i + 1]?.surface.toLowerCase() ?? '';
  return NOT_NEGATING.has(next) || (next === 'the' && NOT_NEGATING.has(toks[i + 2]?.surface.toLowerCase() ?? '')) || answersBefore(toks, i);
}

// The words of a short answer after an opening "not" ("Not really", "Not a lot", "Not too much").
const ANSWER_WORDS = new Set(['a', 'lot', 'really', 'much', 'too', 'that', 'exactly', 'quite', 'yet']);

/**
 * An opening "Not really, but...", "not a lot but...", "Not too much! Though...": the "not" answers a question the
 * text does not show, and denies nothing of what follows "but".
 */
function answersBefore(toks: readonly Token[], i: number): boolean {
  if (i !== 0 || toks[0]!.surface.toLowerCase() !== 'not') return false;
  let j = 1;
  while (j < toks.length && j <= 3 && ANSWER_WORDS.has(toks[j]!.surface.toLowerCase())) j++;
  return j > 1 && /^(?:but|though|although|however)$/i.test(toks[j]?.surface ?? '');
}

export interface Cue {
  word: string;
  start: number;
}

/** Negation cues in a text (surface words with offsets). */
export function negations(text: string, toks: readonly Token[]): Cue[] {
  const out: Cue[] = [];
  toks.forEach((t, i) => {
    const w = t.surface.toLowerCase();
    const next = toks[i + 1]?.surface.toLowerCase() ?? '';
    if (STOPPED.test(w) && next.endsWith('ing')) return void out.push({ word: t.surface, start: t.start });
    if (!(NEG_EN.has(w) || /n['’]t$/.test(w))) return;
    const afterNext = toks[i + 2]?.surface.toLowerCase() ?? '';
    // Not negations of the claim: "not only", "not the only", "I'm not sure", an answer "No, ..." before the statement.
    if (negatesNothing(toks, i) || (w === 'no' && i === 0 && next !== '' && !/^\p{Ll}/u.test(toks[i + 1]!.surface) && text.slice(t.end).match(/^\s*[,.!]?\s*\p{Lu}/u))) return;
    if (w === 'no' && i === 0 && /^\s*[,.!]/.test(text.slice(t.end))) return;
    if (w === 'no' && /^\.?\s*\d/.test(text.slice(t.end))) return; // "world no 74", "No. 5": a number, not a negation
    // "costs nothing", "at no cost", "no charge": free of charge, keyed "free" (text.ts), no negation.
    if (t.key === FREE) return;
    // A bound, not a denial: "no less than 20" is "at least 20", "not more than 5" is "at most 5".
    if ((w === 'no' || w === 'not') && BOUND.test(next) && afterNext === 'than') return;
    out.push({ word: t.surface, start: t.start });
  });
  for (const m of text.matchAll(/\b\w+n['’]t\b/gi)) if (!out.some((c) => c.start === m.index)) out.push({ word: m[0], start: m.index ?? 0 });
  for (const m of text.matchAll(NEG_JA)) if (!ONLY_JA.test(text.slice(Math.max(0, (m.index ?? 0) - 16), m.index))) out.push({ word: m[0], start: m.index ?? 0 });
  return out;
}

// Pairs of opposites; each side is matched by stem (English) or substring (Japanese).
const PAIRS_EN: [string, string][] = [
  ['top', 'bottom'], ['increase', 'decrease'], ['increase', 'decline'], ['increase', 'fall'], ['increase', 'drop'], ['rise', 'fall'], ['rise', 'decline'], ['grow', 'shrink'],
  ['before', 'after'], ['more', 'less'], ['more', 'fewer'], ['higher', 'lower'], ['high', 'low'], ['first', 'last'], ['earlier', 'later'],
  ['larger', 'smaller'], ['largest', 'smallest'], ['bigger', 'smaller'], ['biggest', 'smallest'], ['large', 'small'], ['big', 'small'], ['longest', 'shortest'], ['long', 'short'],
  ['maximum', 'minimum'], ['most', 'least'], ['best', 'worst'], ['better', 'worse'], ['win', 'lose'], ['won', 'lost'], ['winner', 'loser'], ['victory', 'defeat'],
  ['gain', 'loss'], ['profit', 'loss'], ['up', 'down'], ['above', 'below'], ['over', 'under'], ['north', 'south'], ['east', 'west'], ['left', 'right'],
  ['male', 'female'], ['man', 'woman'], ['men', 'women'], ['boy', 'girl'], ['husband', 'wife'], ['father', 'mother'], ['son', 'daughter'], ['brother', 'sister'], ['king', 'queen'],
  ['old', 'young'], ['oldest', 'youngest'], ['older', 'younger'], ['new', 'old'], ['early', 'late'], ['begin', 'end'], ['start', 'end'], ['open', 'close'], ['opened', 'closed'],
  ['accept', 'reject'], ['approve', 'reject'], ['allow', 'forbid'], ['allow', 'ban'], ['support', 'oppose'], ['agree', 'disagree'], ['include', 'exclude'],
  ['positive', 'negative'], ['true', 'false'], ['success', 'failure'], ['successful', 'unsuccessful'], ['possible', 'impossible'], ['legal', 'illegal'],
  ['always', 'never'], ['all', 'none'], ['majority', 'minority'], ['increased', 'decreased'], ['rich', 'poor'], ['strong', 'weak'], ['fast', 'slow'], ['hot', 'cold'],
  ['import', 'export'], ['buy', 'sell'], ['birth', 'death'], ['born', 'died'], ['alive', 'dead'], ['enter', 'exit'], ['arrive', 'depart'], ['inside', 'outside'],
  ['public', 'private'], ['internal', 'external'], ['domestic', 'foreign'], ['same', 'different'], ['similar', 'different'], ['cheap', 'expensive'], ['light', 'dark'],
  ['beat', 'lose'], ['beat', 'lost'], ['win', 'defeat'], ['support', 'opposed'],
  ['grow', 'fall'], ['grow', 'decline'], ['grow', 'drop'], ['grow', 'decrease'], ['rise', 'drop'], ['rise', 'decrease'], ['increase', 'shrink'],
  ['join', 'leave'], ['join', 'left'], ['join', 'quit'],
  // Verbs of change: "reduced symptoms" is not "increased symptoms".
  ['increase', 'reduce'], ['increase', 'lower'], ['raise', 'lower'], ['raise', 'reduce'], ['boost', 'reduce'], ['grow', 'reduce'],
  ['improve', 'worsen'], ['strengthen', 'weaken'], ['expand', 'shrink'],
  // Second QA round: measures, comparatives and quantifiers a reader takes for the other pole.
  ['heavy', 'light'], ['heavier', 'lighter'], ['heaviest', 'lightest'], ['deep', 'shallow'], ['deeper', 'shallower'], ['easy', 'difficult'], ['easier', 'harder'],
  ['wide', 'narrow'], ['wider', 'narrower'], ['thick', 'thin'], ['tall', 'short'], ['taller', 'shorter'], ['tallest', 'shortest'], ['longer', 'shorter'],
  ['faster', 'slower'], ['fastest', 'slowest'], ['stronger', 'weaker'], ['warmer', 'colder'], ['hotter', 'colder'], ['richer', 'poorer'], ['cheaper', 'dearer'],
  ['gain', 'lose'],
  ['all', 'some'], ['every', 'some'], ['most', 'few'], ['many', 'few'], ['much', 'little'], ['always', 'sometimes'], ['always', 'rarely'], ['often', 'rarely'],
  // Fourth QA round: distance ("far" only as a place: not "so far", "by far", "far more"; see notAPole).
  ['near', 'far'], ['nearby', 'far'], ['close', 'far'],
  // Sixth QA round: the time of day, obligation, careers (a "fired" employee is keyed "dismiss": text.ts), places, how
  // long a status lasts, with and without, verdicts, answers, regions.
  ['morning', 'afternoon'], ['morning', 'evening'], ['morning', 'night'], ['afternoon', 'night'], ['dawn', 'dusk'], ['sunrise', 'sunset'],
  ['required', 'optional'], ['mandatory', 'optional'], ['compulsory', 'optional'], ['mandatory', 'voluntary'], ['compulsory', 'voluntary'],
  ['promote', 'demote'], ['hire', 'dismiss'], ['hire', 'sack'],
  ['urban', 'rural'], ['temporary', 'permanent'], ['fulltime', 'parttime'], ['next', 'last'], ['next', 'previous'],
  ['with', 'without'], ['convict', 'acquit'], ['guilty', 'innocent'], ['accept', 'decline'], ['resign', 'dismiss'],
  ['upgrade', 'downgrade'], ['ancient', 'modern'], ['original', 'modern'], ['interior', 'exterior'], ['online', 'offline'],
  // Bounds (text.ts keys "at most" and "no more than" as one): "at most 20" is not "at least 20", nor "more than 20".
  ['atmost', 'atleast'], ['atmost', 'more'], ['atleast', 'less'], ['atleast', 'fewer'],
  ['wet', 'dry'], ['northern', 'southern'], ['eastern', 'western'], ['arrival', 'departure'],
  // Seventh QA round: flows and directions, levels, places, how often.
  ['upstream', 'downstream'], ['uphill', 'downhill'], ['northbound', 'southbound'], ['eastbound', 'westbound'], ['inbound', 'outbound'],
  ['beginner', 'advanced'], ['indoor', 'outdoor'], ['weekday', 'weekend'], ['entrance', 'exit'],
  ['daily', 'weekly'], ['daily', 'monthly'], ['daily', 'annual'], ['weekly', 'monthly'], ['weekly', 'annual'], ['monthly', 'annual'],
];
const PAIRS_JA: [string, string][] = [
  // Eleventh QA round, first so that a reason names the whole word (上り, not 上): both and one, ways up and down,
  // halves, bounds, strengths, parties, winners.
  ['両手', '片手'], ['両足', '片足'], ['両目', '片目'], ['両腕', '片腕'], ['両耳', '片耳'], ['両方', '片方'], ['両側', '片側'], ['両面', '片面'],
  ['上り', '下り'], ['上半期', '下半期'], ['前半', '後半'], ['以上', '以下'], ['長所', '短所'], ['得意', '苦手'], ['与党', '野党'], ['勝者', '敗者'], ['先攻', '後攻'],
  ['上', '下'], ['増', '減'], ['前', '後'], ['多い', '少ない'], ['大きい', '小さい'], ['大きな', '小さな'], ['高い', '低い'], ['長い', '短い'], ['新しい', '古い'],
  ['右', '左'], ['男性', '女性'], ['男の子', '女の子'], ['男', '女'], ['白', '黒'], ['立っ', '座っ'], ['開い', '閉じ'], ['内', '外'], ['最初', '最後'],
  ['晴れ', '雨'], ['昼', '夜'], ['朝', '夜'], ['暑い', '寒い'], ['明るい', '暗い'], ['速い', '遅い'], ['空', '満'], ['大人', '子供'], ['大人', '子ども'], ['大人', '少年'], ['大人', '少女'], ['大人', '男の子'], ['大人', '女の子'],
  ['最多', '最少'], ['最大', '最小'], ['最高', '最低'], ['たくさん', 'ひとつ'], ['たくさん', '一つ'], ['たくさん', '一人'], ['複数', '一人'], ['複数', 'ひとつ'], ['乗っ', '降り'], ['入っ', '出'], ['全', '一部'],
  // Posture and motion: one subject does not stand and lie, or walk and run, at once.
  ['立っ', '寝て'], ['座っ', '寝て'], ['寝そべっ', '立っ'], ['歩い', '走っ'], ['歩い', '寝て'], ['走っ', '寝て'], ['歩い', '座っ'], ['走っ', '座っ'], ['走っ', '止まっ'],
  // Opening and closing, winning and losing, depth, start and end.
  ['開い', '閉ま'], ['開け', '閉じ'], ['開け', '閉め'], ['開け', '閉ま'], ['開店', '閉店'], ['開幕', '閉幕'], ['開始', '終了'], ['勝っ', '負け'], ['勝ち', '負け'], ['勝利', '敗北'], ['深い', '浅い'],
  ['近い', '遠い'], ['近く', '遠く'], ['同じ', '違う'], ['同じ', '色違い'], ['同じ', '異な'],
  // Sixth QA round: cost, obligation, trade, a vote, a career, a status's duration, how often, when, verdicts,
  // marital status, success, accounts, school, travel.
  ['無料', '有料'], ['必須', '任意'], ['輸入', '輸出'], ['可決', '否決'], ['昇進', '降格'], ['恒久', '一時'], ['永久', '一時'], ['正社員', 'アルバイト'],
  ['毎日', '毎週'], ['毎日', '毎月'], ['毎日', '毎年'], ['毎週', '毎月'], ['毎週', '毎年'], ['毎月', '毎年'],
  ['来年', '昨年'], ['来年', '去年'], ['来月', '先月'], ['明日', '昨日'], ['午前', '午後'],
  ['有罪', '無罪'], ['賛成', '反対'], ['既婚', '未婚'], ['成功', '失敗'], ['黒字', '赤字'], ['入学', '卒業'], ['出発', '到着'],
  // Seventh QA round: validity, places, levels, attendance, elections, smoking, days, tickets, bounds.
  ['有効', '無効'], ['入口', '出口'], ['初級', '上級'], ['初級', '中級'], ['中級', '上級'], ['出席', '欠席'], ['当選', '落選'], ['禁煙', '喫煙'],
  ['平日', '週末'], ['平日', '土日'], ['往復', '片道'], ['以上', '未満'],
];
// Points of the compass, as whole words only: 東 is inside 東京, 北 inside 北海道, 西 inside 関西.
const WORD_PAIRS_JA: [string, string][] = [['北', '南'], ['東', '西'], ['北部', '南部'], ['東部', '西部'], ['北側', '南側'], ['東側', '西側']];

const OPP_EN = new Map<string, Set<string>>();

/** Whether two English matching keys are opposites ("larger" and "smaller"). */
export function oppositeKeys(a: string, b: string): boolean {
  return OPP_EN.get(a)?.has(b) ?? false;
}
for (const [a, b] of PAIRS_EN) {
  const sa = stem(a);
  const sb = stem(b);
  if (!OPP_EN.has(sa)) OPP_EN.set(sa, new Set());
  if (!OPP_EN.has(sb)) OPP_EN.set(sb, new Set());
  OPP_EN.get(sa)!.add(sb);
  OPP_EN.get(sb)!.add(sa);
}

export interface Opposite {
  claim: string;
  reference: string;
}

// The same cues as negations(), as "a cue, then at most one word, then the word in question".
const NEGATED_BEFORE = new RegExp(`\\b(?:${[...NEG_EN].join('|')}|\\w+n['’]t)\\s+(?:\\w+\\s+)?$`, 'i');

/** Whether the word at `start` follows a negation within two words ("not allowed", "did not really win", "failed to win"). */
function negatedAt(text: string, start: number): boolean {
  return NEGATED_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

// Adverbs that are their adjective's pole: "produced cheaply" is no "more expensive". Only those whose sense is the
// adjective's own (not "shortly", "lately", "hardly", "closely", "highly", "mostly", "widely", "heavily").
const ADVERB_POLE = new Map<string, string>(
  ['cheap', 'expensive', 'slow', 'public', 'private', 'legal', 'illegal', 'successful', 'unsuccessful'].map((a) => [`${a}ly`, stem(a)]),
);
ADVERB_POLE.set('temporarily', stem('temporary')).set('permanently', stem('permanent'));

/**
 * Tokens plus the first part of hyphenated ones, the modifier: "least-visited" holds "least", "short-term"
 * "short". Not the others: "30-year-old" is no "old" against a "new" building. An adverb of `ADVERB_POLE` is
 * keyed as its adjective.
 */
function withParts(toks: readonly Token[]): readonly Token[] {
  if (toks.some((t) => ADVERB_POLE.has(t.surface.toLowerCase()))) toks = toks.map((t) => ({ ...t, key: ADVERB_POLE.get(t.surface.toLowerCase()) ?? t.key }));
  if (!toks.some((t) => t.surface.includes('-'))) return toks;
  return toks.flatMap((t) => {
    const first = t.surface.split('-')[0]!;
    return first !== t.surface && /^\p{L}+$/u.test(first) ? [t, { ...t, surface: first, key: stem(first) }] : [t];
  });
}

/**
 * An opposite in the reference sentence of a word in the claim, where the reference does not also use the
 * claim's word: claim "top 1%", reference "bottom 1%".
 */
export function opposite(claimText: string, claimToks: readonly Token[], refText: string, refToks: readonly Token[]): Opposite | undefined {
  // A time of day: "at 3 am" is not "at 3 pm" (the hour itself is checked as a number).
  const meridiem = meridiemClash(claimText, refText);
  if (meridiem) return meridiem;
  // Built on the first claim word that has opposites: most claims have none, and the negation test runs per word.
  let refKeys: Map<string, string> | undefined;
  const claimWords = withParts(claimToks);
  for (const t of claimWords) {
    const opp = OPP_EN.get(t.key);
    if (!opp) continue;
    // Only words with opposites are looked up in it (pairs go both ways): the negation test runs for those alone.
    refKeys ??= new Map(withParts(refToks).filter((r) => OPP_EN.has(r.key) && (!negatedAt(refText, r.start) || BOUND_KEYS.has(r.key)) && !notAPole(refText, r)).map((r) => [r.key, r.surface]));
    // "not allowed" is "forbidden": a negated word is its own opposite, no clash.
    if (refKeys.has(t.key) || (negatedAt(claimText, t.start) && !BOUND_KEYS.has(t.key)) || notAPole(claimText, t)) continue;
    for (const o of opp) {
      // Both poles in the claim ("won 41 games, lost 20" against "41 wins, 20 losses") is no clash.
      if (claimWords.some((c) => c.key === o)) continue;
      const hit = refKeys.get(o);
      // A bound is quoted whole: "no more", not "no".
      if (hit) return { claim: BOUND_KEYS.has(t.key) ? (/^(?:no|not)\s+\p{L}+/iu.exec(claimText.slice(t.start))?.[0] ?? t.surface) : t.surface, reference: hit };
    }
  }
  const prefixed = hasCjk(claimText) ? negativePrefixJa(claimToks, claimText, refText) : negativePrefix(claimText, claimToks, refText, refToks);
  if (prefixed) return prefixed;
  const basis = changeBasis(claimText, refText);
  if (basis) return basis;
  const ranked = qualifiedSuperlative(claimText, refText);
  if (ranked) return ranked;
  const month = monthClash(claimToks, refToks);
  if (month) return month;
  const price = freeAgainstPrice(claimText, claimToks, refText, refToks);
  if (price) return price;
  // Closed classes: a claim word whose class-mate (not itself) stands in the reference sentence.
  // Built on the first claim word of a closed class: most claims have none.
  let refSurfaces: Set<string> | undefined;
  const claimLower = claimText.toLowerCase();
  for (const [i, t] of claimToks.entries()) {
    const w = classWord(t.surface);
    if (!CLASS_OF.has(w)) continue;
    refSurfaces ??= new Set(refToks.flatMap((r) => classWords(r.surface)));
    if (refSurfaces.has(w)) {
      const mate = mateInSlot(claimText, claimToks, i, refToks);
      if (mate) return { claim: written(claimText, t), reference: written(refText, mate) };
      continue;
    }
    for (const r of refToks) if (exclusive(w, r.surface) && !claimLower.includes(classWord(r.surface))) return { claim: written(claimText, t), reference: written(refText, r) };
  }
  const claimWordsJa = new Set(claimToks.map((t) => t.surface));
  const refWordsJa = new Set(refToks.map((t) => t.surface));
  for (const [a, b] of WORD_PAIRS_JA) {
    for (const [x, y] of [[a, b], [b, a]] as const) if (claimWordsJa.has(x) && !claimWordsJa.has(y) && refWordsJa.has(y) && !refWordsJa.has(x)) return { claim: x, reference: y };
  }
  const counted = oneAgainstMany(claimText, refText) ?? onlyAgainstList(claimToks, refText, refToks);
  if (counted) return counted;
  const across = hasCjk(claimText) ? pairsAcrossJa(claimToks, refToks) : undefined;
  if (across) return across;
  // The pairs are written in kanji: a verb written in kana is read in its kanji (すわっています as 座っています).
  const [c, r] = [inKanji(claimText, claimToks), inKanji(refText, refToks)];
  const as = (word: string, text: string, toks: readonly Token[]): string => (text.includes(word) ? word : toks.find((t) => t.kanji?.includes(word) || (t.kanji && word.includes(t.kanji)))?.surface ?? word);
  for (const [a, b] of PAIRS_JA) {
    if (c.includes(a) && !c.includes(b) && r.includes(b) && !r.includes(a)) return { claim: as(a, claimText, claimToks), reference: as(b, refText, refToks) };
    if (c.includes(b) && !c.includes(a) && r.includes(a) && !r.includes(b)) return { claim: as(b, claimText, claimToks), reference: as(a, refText, refToks) };
  }
  return undefined;
}

/** The text with its kana-written words in kanji (`Token.kanji`: すわっ → 座っ); the text itself where it has none. */
function inKanji(text: string, toks: readonly Token[]): string {
  let out = text;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (t.kanji) out = out.slice(0, t.start) + t.kanji + out.slice(t.end);
  }
  return out;
}

const PAIR_WORDS_JA = new Set([...PAIRS_JA, ...WORD_PAIRS_JA].flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

/**
 * Both words of a pair in the claim, each where the sentence has its mate: the content words (particles aside) the
 * sentence's one for one but where the two differ by a pair, and the claim's words not the sentence's in another order
 * (ネクタイを締める女性や…物を運ぶ男性 against ネクタイを締める男性や…物を運ぶ女性; 男性が…もう一人の女性に against 男性が…もう一人の
 * 男性に). The pair check below passes over a claim that holds both words ("won 41 games, lost 20"); "男性と女性" against
 * "女性と男性" holds the same words in another order, no clash.
 */
function pairsAcrossJa(claimToks: readonly Token[], refToks: readonly Token[]): Opposite | undefined {
  const [claim, ref] = [claimToks.filter((t) => !t.stop), refToks.filter((t) => !t.stop)];
  if (claim.length !== ref.length || claim.length < 3) return undefined;
  const differ = claim.flatMap((t, i) => (t.surface === ref[i]!.surface ? [] : [i]));
  if (!differ.length || !differ.every((i) => PAIR_WORDS_JA.has(`${claim[i]!.surface}|${ref[i]!.surface}`))) return undefined;
  const counts = (toks: readonly Token[]): string => toks.map((t) => t.surface).sort().join('|');
  if (counts(claim) === counts(ref)) return undefined;
  const i = differ[0]!;
  return { claim: claim[i]!.surface, reference: ref[i]!.surface };
}

// One thing against many, whatever the counter: 一台 against 数台, 1羽 against 群れ, 一種類 against 色んな種類, ひとつ against
// たくさん. Not "one of" (山の一つ) nor "another" (もう一人), and not 一杯 (a cupful, or "full").
const ONE_JA = /(?<![0-9０-９〇一二三四五六七八九十百千数何])(?<!もう)(?:[一1１](?:台|羽|機|艘|頭|匹|人|つ|本|枚|切れ|個|種類|脚|着|冊|軒|名|輪|基|隻)|ひとつ|ひとり)(?!で)/;
const ONE_OF_JA = /の(?:一つ|ひとつ|1つ|１つ)/;
const MANY_JA = /数(?:台|頭|羽|機|艘|匹|人|本|枚|個|種類|脚|名|軒|隻)|複数|たくさん|沢山|多く|多数|群れ|色んな|色々|いろいろ|様々|さまざま|大量|大勢|何[人台匹頭本]も|いくつも/;

/**
 * The counts of one in a Japanese text that say no more than "a" does in English (一匹の犬, トカゲが1匹, 一人の男性): a
 * bare noun already names one thing, so a sentence that names it without a count does not leave the count open. Not
 * "only one" (一匹だけ, 一人しか), "not one" (1頭も), "alone" (一人で), "another" (もう一人) nor "one of" (山の一つ).
 */
export function countsOfOneJa(text: string): { start: number; end: number }[] {
  if (!hasCjk(text)) return [];
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(new RegExp(ONE_JA.source, 'g'))) {
    const end = m.index + m[0].length;
    if (/^(?:だけ|のみ|しか|も|きり)/.test(text.slice(end)) || /の$/.test(text.slice(0, m.index))) continue;
    out.push({ start: m.index, end });
  }
  return out;
}

/** Whether a word says "many" (複数, たくさん, 群れ...): two such words are one count, not two values. */
export function manyJa(word: string): boolean {
  return MANY_JA.test(word);
}

// A Japanese word that says "many" or "several" on its own (数 of 数|頭, as the segmenter cuts it).
const MANY_WORD_JA = /^(?:数|複数|たくさん|沢山|いっぱい|多く|多数|様々|さまざま|色々|いろいろ|色んな|いろんな|大量|大勢|数々)$/;

/** Whether one claim word says "many" (`manyJa` reads it in a whole text). */
export function manyWordJa(word: string): boolean {
  return MANY_WORD_JA.test(word);
}

/** The claim counts one where the sentence counts many, or the reverse, neither side saying both. */
function oneAgainstMany(claimText: string, refText: string): Opposite | undefined {
  if (!hasCjk(claimText)) return undefined;
  const one = (t: string): RegExpExecArray | null => (ONE_OF_JA.test(t) ? null : ONE_JA.exec(t));
  const many = (t: string): RegExpExecArray | null => MANY_JA.exec(t);
  for (const [a, b] of [[one, many], [many, one]] as const) {
    const [c, r] = [a(claimText), b(refText)];
    if (c && r && !b(claimText) && !a(refText)) return { claim: c[0], reference: r[0] };
  }
  return undefined;
}

// 〜だけ, 〜のみ: the claim says there is only that where the sentence lists it with another (リュックだけ against リュックと鞄).
const ONLY_WORD_JA = new Set(['だけ', 'のみ']);
const AND_JA = new Set(['と', 'や']);
const LIST_REST_JA = /^[^がをにはでも、。！？\s]*/;

/** The claim's "only X" (Xだけ, Xのみ) where the sentence joins X to another with と, や or など, itself saying no "only". */
function onlyAgainstList(claimToks: readonly Token[], refText: string, refToks: readonly Token[]): Opposite | undefined {
  if (/だけ|のみ|しか/.test(refText)) return undefined;
  for (let i = 0; i + 1 < claimToks.length; i++) {
    const [x, only] = [claimToks[i]!, claimToks[i + 1]!];
    if (x.stop || !ONLY_WORD_JA.has(only.surface) || !hasCjk(x.surface)) continue;
    for (let j = 0; j < refToks.length; j++) {
      if (refToks[j]!.key !== x.key) continue;
      const [after, next, before, prev] = [refToks[j + 1], refToks[j + 2], refToks[j - 1], refToks[j - 2]];
      const other = after && AND_JA.has(after.surface) && next && !next.stop ? next : before && AND_JA.has(before.surface) && prev && !prev.stop ? prev : after?.surface === 'など' ? after : undefined;
      if (!other) continue;
      // The list as written, up to the particle after it: リュックと３つの鞄, 大人と子供.
      const from = Math.min(refToks[j]!.start, other.start);
      const to = Math.max(refToks[j]!.end, other.end);
      return { claim: x.surface + only.surface, reference: refText.slice(from, to) + (LIST_REST_JA.exec(refText.slice(to))?.[0] ?? '') };
    }
  }
  return undefined;
}

// A change and its size: "rose by 5%" is not "rose to 5%". The verb is read by its stem, so "rises", "rose" and "risen" are one.
const CHANGE = /\b(rise|rose|risen|rises|fell|fall|falls|fallen|increased?|increases|decreased?|decreases|grew|grows?|grown|dropped|drops?|declined?|declines|climbed|climbs?|jumped|jumps?|cut|cuts|reduced?|reduces|raised?|raises|lowered|lowers?)\s+(by|to)\s+((?:about|around|nearly|almost|roughly)\s+)?([$€£¥]?\d[\d,.]*)/gi;

/** The claim changes a value "by" an amount where the sentence changes it "to" that amount, or the reverse. */
function changeBasis(claimText: string, refText: string): Opposite | undefined {
  if (!/\b(?:by|to)\s/i.test(claimText)) return undefined;
  const changes = (text: string): { prep: string; value: string; written: string }[] =>
    [...text.matchAll(CHANGE)].map((m) => ({ prep: m[2]!.toLowerCase(), value: m[4]!.replace(/[,.]$/, ''), written: m[0].slice(m[1]!.length).trim().replace(/[,.]$/, '') }));
  const c = changes(claimText);
  if (!c.length) return undefined;
  const r = changes(refText);
  for (const x of c) {
    if (r.some((y) => y.value === x.value && y.prep === x.prep)) continue;
    const other = r.find((y) => y.value === x.value);
    if (other) return { claim: x.written, reference: other.written };
  }
  return undefined;
}

/**
 * A word that here is no pole of its pair: "far" that is no distance ("so far", "by far", "far more", "as far as"; a place
 * is "far from", "far away", "far."), and "finished" or "completed" after an article or possessive, the product, not the
 * act ("will sell the finished Canadian version" says nothing against "began to sell").
 */
function notAPole(text: string, t: Token): boolean {
  // "much" and "little" as amounts only ("Much of the wall remains", "very little remains"), not "a little", "much
  // larger", "the little village", "much-loved".
  if (/^(?:much|little)$/i.test(t.surface)) {
    const before = text.slice(Math.max(0, t.start - 6), t.start);
    return /\ba\s+$/i.test(before) || !(/^\s+of\b/i.test(text.slice(t.end, t.end + 4)) || (/\b(?:very|too|so|how)\s+$/i.test(before) && /^\s+(?:is|was|are|were|has|had|remains?|remained|survives?|survived)\b/i.test(text.slice(t.end, t.end + 12))));
  }
  if (/^(?:finished|completed)$/i.test(t.surface)) return /\b(?:the|a|an|its|their|his|her|our|your)\s+$/i.test(text.slice(Math.max(0, t.start - 8), t.start));
  return t.key === 'far' && !/^\s+(?:from|away|off)\b|^\s*(?:[.;!?]|$)/.test(text.slice(t.end, t.end + 8));
}

// A superlative the reference ranks ("the second-largest", "one of the tallest", "among the oldest"): said plain,
// it is another claim. Words in -est that are no superlatives stay out.
const ORDINAL_WORD = '(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th))';
const NOT_SUPERLATIVE = /^(?:interest|forest|request|west|east|rest|test|guest|nest|chest|contest|protest|harvest|honest|modest|quest|conquest|arrest|suggest|digest|invest|manifest|attest|detest|infest|inquest|pest|vest|zest|crest|lest|unrest|behest)$/;
const RANKED = new RegExp(`\\b(one of the|among the|${ORDINAL_WORD}(?:[- ]|\\s+(?=most\\b|least\\b)))\\s*((?:most|least)\\s+[a-z]+|[a-z]{2,}est)\\b`, 'gi');
// Japanese: 2番目に高い, 三番目に大きな; 最も高い山の一つ.
const RANKED_JA = /[0-9０-９二三四五六七八九十]+番目に/;
const TOP_JA = /最も|一番|いちばん|最大|最高|最長|最古/;

/** The reference ranks a superlative the claim states plain: "China is the largest economy" against "...second-largest...". */
function qualifiedSuperlative(claimText: string, refText: string): Opposite | undefined {
  if (hasCjk(claimText)) {
    if (TOP_JA.test(claimText) && !RANKED_JA.test(claimText) && !/の(?:一つ|ひとつ|1つ)/.test(claimText)) {
      const r = RANKED_JA.exec(refText)?.[0] ?? (TOP_JA.test(refText) ? /の(?:一つ|ひとつ|1つ)/.exec(refText)?.[0] : undefined);
      if (r) return { claim: TOP_JA.exec(claimText)![0], reference: r };
    }
    return undefined;
  }
  if (!/(?:est|most|least)\b/i.test(claimText)) return undefined;
  for (const m of refText.matchAll(RANKED)) {
    const word = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    if (NOT_SUPERLATIVE.test(word)) continue;
    const inClaim = new RegExp(`(?:\\b(one of the|among the|${ORDINAL_WORD}(?:[- ]|\\s+))\\s*|\\b)${word.replace(' ', '\\s+')}\\b`, 'gi');
    // The sentence that also says it plain ("one of the oldest, and the oldest in Scotland") ranks nothing.
    if ([...refText.matchAll(inClaim)].some((r) => !r[1])) continue;
    for (const c of claimText.matchAll(inClaim)) if (!c[1]) return { claim: c[0].trim(), reference: m[0] };
  }
  return undefined;
}

const MONTH_NAMES = new Set(MONTH_WORDS);

/**
 * A month named in the claim where the sentence names another ("in May" against "in March"): a month without a day
 * is no date to the number check. Capitalised and not opening the text, so "May" the verb and "march" stay out.
 */
function monthClash(claimToks: readonly Token[], refToks: readonly Token[]): Opposite | undefined {
  const months = (toks: readonly Token[]): Token[] => toks.filter((t, i) => i > 0 && MONTH_NAMES.has(t.surface));
  const c = months(claimToks);
  if (!c.length) return undefined;
  const r = months(refToks);
  const claimSet = new Set(c.map((t) => t.surface));
  const refSet = new Set(r.map((t) => t.surface));
  const t = c.find((x) => !refSet.has(x.surface));
  const o = r.find((x) => !claimSet.has(x.surface));
  return t && o ? { claim: t.surface, reference: o.surface } : undefined;
}

// A word and its negative ("available", "unavailable"; "toxic", "non-toxic"; "correct", "incorrect"). in-, im-, il- and
// ir- only before an adjective's ending ("complete", "legal", "active"), not "vent" in "invent" nor "form" in "inform".
const IN_BASE = /(?:able|ible|al|ent|ant|ive|ete|ect|ular|ure|ite)$/;
const inPrefix = (w: string): string => (/^[bmp]/.test(w) ? 'im' : w.startsWith('l') ? 'il' : w.startsWith('r') ? 'ir' : 'in');
const negativesOf = (w: string): string[] => [`un${w}`, `non${w}`, `non-${w}`, ...(IN_BASE.test(w) ? [`${inPrefix(w)}${w}`] : [])];

/** A claim word whose negative the sentence has, or the reverse, neither side having both; a negated word ("not available") is its own negative. */
function negativePrefix(claimText: string, claimToks: readonly Token[], refText: string, refToks: readonly Token[]): Opposite | undefined {
  const words = (toks: readonly Token[]): Map<string, Token> => new Map(toks.filter((t) => !t.stop).map((t) => [t.surface.toLowerCase(), t]));
  const [claim, ref] = [words(claimToks), words(refToks)];
  for (const [w, t] of claim) {
    // "non arching" is "non-arching"; "unable" is a negation cue, judged as one.
    if (!/^[a-z]{4,}$/.test(w) || w === 'less' || NEG_EN.has(w) || ref.has(w) || negatedAt(claimText, t.start) || /\bnon[\s-]*$/i.test(claimText.slice(Math.max(0, t.start - 5), t.start))) continue;
    for (const n of negativesOf(w)) {
      const r = ref.get(n);
      if (r && !claim.has(n) && !negatedAt(refText, r.start)) return { claim: t.surface, reference: r.surface };
    }
    // The claim's word is the negative: "unavailable" against "available".
    const base = /^(?:un|non-?|in|im|il|ir)([a-z]{4,})$/.exec(w)?.[1];
    const r = base && base !== 'less' && negativesOf(base).includes(w) ? ref.get(base) : undefined;
    if (r && !claim.has(base!) && !negatedAt(refText, r.start)) return { claim: t.surface, reference: r.surface };
  }
  return undefined;
}

/** Whether the word after a negation cue ("not available") has its negative among `toks` ("unavailable"): one negation, two spellings. */
export function negativeAfter(cue: Cue, own: readonly Token[], toks: readonly Token[]): boolean {
  const next = own.find((t) => t.start > cue.start && !t.stop);
  if (!next || hasCjk(next.surface)) return false;
  const forms = new Set(negativesOf(next.surface.toLowerCase()));
  return toks.some((t) => forms.has(t.surface.toLowerCase()));
}

const NEG_PREFIX_JA = '不非未無';

/** How a text has a kanji word: plain (at least once without a negative prefix), only negated (未完成), or not at all. */
function prefixState(text: string, word: string): { negated?: string; plain: boolean } {
  let negated: string | undefined;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i > 0 && NEG_PREFIX_JA.includes(text[i - 1]!)) negated ??= text[i - 1]! + word;
    else return { plain: true };
  }
  return { negated, plain: false };
}

/** A kanji word the sentence has only with a negative prefix (未完成, 非公開, 無関係) where the claim has it plain, or the reverse. */
function negativePrefixJa(claimToks: readonly Token[], claimText: string, refText: string): Opposite | undefined {
  for (const t of claimToks) {
    if (t.stop) continue;
    const word = NEG_PREFIX_JA.includes(t.surface[0]!) && KANJI_WORD.test(t.surface.slice(1)) ? t.surface.slice(1) : t.surface;
    if (!KANJI_WORD.test(word)) continue;
    const [c, r] = [prefixState(claimText, word), prefixState(refText, word)];
    if (c.plain && !r.plain && r.negated) return { claim: word, reference: r.negated };
    if (!c.plain && c.negated && r.plain) return { claim: c.negated, reference: word };
  }
  return undefined;
}

const isFree = (t: Token): boolean => t.key === FREE || t.key === FREE_JA;
// "free" the price, not "a free agent", "free speech", "free from": at the end of its clause, "for free", "free of
// charge", "free for all", "free to enter".
const FREE_AFTER = /^\s*(?:[.,;:!?)]|$|of\s+charge\b|for\s+(?:all|everyone|everybody|children|kids|members|visitors|students|residents)\b|to\s+(?:enter|use|attend|visit|download|join)\b)/i;
const priceFree = (text: string, t: Token): boolean => isFree(t) && (t.surface.toLowerCase() !== 'free' || FREE_AFTER.test(text.slice(t.end, t.end + 24)) || /\bfor\s+$/i.test(text.slice(Math.max(0, t.start - 4), t.start)));

/** "costs nothing", "free of charge", 無料 as written: the run of words keyed free, the first a price's. */
function freeWords(text: string, toks: readonly Token[]): string | undefined {
  const i = toks.findIndex((t) => priceFree(text, t));
  if (i < 0) return undefined;
  let j = i;
  while (toks[j + 1] && isFree(toks[j + 1]!) && toks[j + 1]!.start - toks[j]!.end <= 4) j++;
  return text.slice(toks[i]!.start, toks[j]!.end);
}

const price = (text: string): string | undefined => quantities(text).find((q) => q.unit?.dim === 'money' && q.value > 0)?.text;

/**
 * Free against a price, either way round: "Entry costs nothing." against "Entry costs 5 dollars.", 入場は無料です against
 * 入場は500円です. The side that is free names no amount, and the other is not free too.
 */
function freeAgainstPrice(claimText: string, claimToks: readonly Token[], refText: string, refToks: readonly Token[]): Opposite | undefined {
  const [claimFree, refFree] = [freeWords(claimText, claimToks), freeWords(refText, refToks)];
  if (!claimFree === !refFree) return undefined;
  const [claimPrice, refPrice] = [price(claimText), price(refText)];
  if (claimFree && !claimPrice && refPrice) return { claim: claimFree, reference: refPrice };
  if (refFree && !refPrice && claimPrice) return { claim: claimPrice, reference: refFree };
  return undefined;
}

// "3 pm", "3pm", "3 p.m.", "11:30 AM": the half of the day after a time.
// A final stop belongs to the word only after "a." or "p." ("p.m."; "3 pm." ends its sentence).
const MERIDIEM = /\d\s*(([ap])(?:\.\s?m\b\.?|\s?m\b))/gi;

/** The claim says am where the sentence says pm, or the reverse (each side saying only one of them). */
function meridiemClash(claimText: string, refText: string): Opposite | undefined {
  if (!/\d\s*[ap]\.?\s?m\b/i.test(claimText)) return undefined;
  const halves = (text: string): Map<string, string> => new Map([...text.matchAll(MERIDIEM)].map((m) => [m[2]!.toLowerCase(), m[1]!]));
  const c = halves(claimText);
  if (c.size !== 1) return undefined;
  const r = halves(refText);
  const [half, written] = [...c][0]!;
  const other = r.get(half === 'a' ? 'p' : 'a');
  return other && !r.has(half) ? { claim: written, reference: other } : undefined;
}

/** A word as the text writes it: the segmenter cuts オレンジ色 into オレンジ + 色, and a reason should quote オレンジ色. */
function written(text: string, t: Token): string {
  return text[t.end] === '色' && /[\p{sc=Katakana}\p{sc=Han}]$/u.test(t.surface) ? `${t.surface}色` : t.surface;
}

// Words that soften a claim. Approximations ("about", "around", "nearly") are not hedges: numbers.ts lets them round.
// "appears to", "it appears that" soften; "auroras appear when..." only shows.
const HEDGE = /\b(may|might|could|possibly|perhaps|likely|unlikely|probably|reportedly|allegedly|suggests?|appears?(?= to\b| that\b)|seems?|believed)\b|かもしれ|だろう|らしい|ようです|可能性|と思われ/gi;

export function hedges(text: string): number {
  return (text.match(HEDGE) ?? []).length;
}

// A possibility told as a certainty: "will cure" where the reference says "may cure", 必ず治す against 治す可能性がある;
// likewise an obligation where the reference gives a permission ("must register" against "may register").
// A claim that just drops "may" ("cures") counts only where its verb stands in the modal's place, the words either side
// the same: faithful answers drop it freely elsewhere (anywhere in the sentence, as a floor, it cost BEGIN and WiCE).
const MODAL_EN = /^(?:may|might|could)$/i;
const CERTAIN_EN = /^(?:will|does|do|did|definitely|certainly|surely|always|undoubtedly|must)$/i;
// Words between a modal and its verb: "may also cure", "could eventually replace", "may be used".
const MODAL_GAP = /^(?:be|also|even|eventually|potentially|ultimately|one|day|someday|soon|still|further)$/i;
const SOFT_EN = /^(?:may|might|could|can|would|should|possibly|perhaps|likely|probably)$/i;
const MODAL_JA = /可能性が(?:ある|あり|高い)|かもしれ(?:ない|ません)?|おそれがある|恐れがある|場合がある|ことがある/;
const CERTAIN_JA = /必ず|確実に|絶対に|間違いなく/;

/** The claim's certainty where the sentence has a possibility, as each writes it. */
export function strengthened(claimText: string, claimToks: readonly Token[], refText: string, refToks: readonly Token[]): Opposite | undefined {
  if (hasCjk(claimText)) {
    const r = MODAL_JA.exec(refText);
    if (!r || MODAL_JA.test(claimText) || hedges(claimText) > 0) return undefined;
    const c = CERTAIN_JA.exec(claimText);
    if (c) return { claim: c[0], reference: r[0] };
    // Said plain (治します against 治す可能性がある): the hedged word's kanji are the claim's.
    const before = refToks.filter((t) => t.end <= r.index && !t.stop).pop();
    const kanji = before ? [...before.surface].filter((ch) => /[\u3400-\u9fff]/.test(ch)) : [];
    if (before && kanji.length && kanji.every((ch) => claimText.includes(ch))) {
      const at = claimToks.find((t) => t.surface.includes(kanji[0]!));
      return at ? { claim: /^[^、。！？\s]*/.exec(claimText.slice(at.start))![0], reference: refText.slice(before.start, r.index + r[0].length) } : undefined;
    }
    return undefined;
  }
  if (claimToks.some((t) => SOFT_EN.test(t.surface)) || hedges(claimText) > 0) return undefined;
  for (let i = 0; i < refToks.length; i++) {
    // "May" mid-sentence is the month.
    if (!MODAL_EN.test(refToks[i]!.surface) || (i > 0 && refToks[i]!.surface === 'May')) continue;
    let j = i + 1;
    while (j < refToks.length && MODAL_GAP.test(refToks[j]!.surface)) j++;
    const verb = refToks[j];
    if (!verb || verb.stop) continue;
    const k = claimToks.findIndex((t) => t.key === verb.key);
    if (k < 0) continue;
    const hedged = refText.slice(refToks[i]!.start, verb.end);
    const certain = claimToks.slice(Math.max(0, k - 3), k).find((t) => CERTAIN_EN.test(t.surface));
    if (certain) return { claim: claimText.slice(certain.start, claimToks[k]!.end), reference: hedged };
    // The hedge dropped: the claim's verb where the sentence has the modal and its verb, the word before and the word
    // after each the same ("The drug cures the disease." against "The drug might cure the disease.").
    if (i > 0 && k > 0 && claimToks[k - 1]!.key === refToks[i - 1]!.key && claimToks[k + 1]?.key === refToks[j + 1]?.key) return { claim: claimToks[k]!.surface, reference: hedged };
  }
  return undefined;
}

// Closed classes whose members exclude each other: a red car is not a blue car, Monday (月曜日) is not Friday, the
// cat on the sofa is not a dog.
const CLASSES: string[][] = [
  ['red', 'blue', 'green', 'yellow', 'black', 'white', 'orange', 'purple', 'pink', 'brown', 'grey', 'gray'],
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ['spring', 'summer', 'autumn', 'fall', 'winter'],
  ['gold', 'silver', 'bronze'],
  // Compass points: "to its east" is not "to the north" ("north" against "south" is an opposite pair as well). Not
  // "northern" or "Western": they name regions as often ("Western and Eastern Europe" against "the northern coast").
  ['north', 'south', 'east', 'west'],
  ['赤', '青', '緑', '黄色', '黒', '白', '茶色', '灰色', 'ピンク', 'オレンジ', '紫', '赤い', '青い', '黒い', '白い', '黄色い', '金色', '銀色', '水色', '紺', '黄緑', 'ベージュ'],
  ['丸い', '四角い', '三角'],
  ['dog', 'cat', 'horse', 'cow', 'sheep', 'bird', 'elephant', 'giraffe', 'zebra', 'bear', 'monkey', 'penguin', 'lion', 'tiger', 'wolf', 'fox', 'rabbit', 'owl', 'eagle', 'dolphin', 'whale', 'shark', 'snake', 'turtle', 'pig', 'goat', 'duck', 'deer', 'camel', 'kangaroo', 'koala', 'panda', 'otter'],
  ['犬', '猫', '馬', '牛', '羊', '鳥', '象', 'キリン', 'シマウマ', '熊', 'クマ', 'サル', '猿', 'さる', 'ねこ', 'いぬ'],
  ['春', '夏', '秋', '冬'],
  ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日'],
  // Materials: a pot made of iron is not made of aluminium. Not "bronze" (a medal above) nor "wood" (木 is a tree).
  ['iron', 'steel', 'aluminium', 'aluminum', 'copper', 'brass', 'plastic', 'glass', 'ceramic', 'titanium'],
  // A tournament's stages: the semi-final is not the final.
  ['final', 'semifinal', 'quarterfinal'],
  ['鉄', 'ステンレス', 'アルミ', 'アルミニウム', '銅', 'プラスチック', 'ガラス', 'セラミック', 'チタン'],
  // How one gets there: 徒歩5分 is not バスで5分. Not 車 (inside 電車 and 自転車) nor "train" (a verb too).
  ['徒歩', 'バス', '電車', 'タクシー', '自転車', '新幹線', '地下鉄', '飛行機', 'フェリー'],
  ['bus', 'taxi', 'bicycle', 'ferry', 'tram', 'subway'],
  // Nationalities: a German physicist is not a Polish one. Not "British", which holds the English, Scottish and Welsh.
  ['american', 'english', 'scottish', 'welsh', 'irish', 'french', 'german', 'italian', 'spanish', 'portuguese', 'dutch', 'belgian', 'swiss', 'austrian', 'polish',
    'russian', 'ukrainian', 'swedish', 'norwegian', 'danish', 'finnish', 'icelandic', 'greek', 'turkish', 'hungarian', 'czech', 'romanian', 'bulgarian', 'serbian',
    'croatian', 'chinese', 'japanese', 'korean', 'indian', 'pakistani', 'vietnamese', 'thai', 'indonesian', 'filipino', 'australian', 'canadian', 'mexican',
    'brazilian', 'argentine', 'chilean', 'colombian', 'peruvian', 'egyptian', 'nigerian', 'kenyan', 'israeli', 'iranian', 'iraqi', 'syrian', 'lebanese',
    'moroccan', 'cuban', 'jamaican'],
];
// Other spellings of a Japanese colour (loanwords and 〜色): one colour, never two.
// A Map, not an object: "constructor" or "toString" in a claim must not find a property.
const COLOUR_JA = new Map<string, string>(Object.entries({
  グレー: '灰色', ゴールド: '金色', シルバー: '銀色', ブルー: '青', レッド: '赤', グリーン: '緑', イエロー: '黄色', ブラック: '黒', ホワイト: '白',
  ブラウン: '茶色', パープル: '紫', 紺色: '紺', 青色: '青', 赤色: '赤', 緑色: '緑', 黒色: '黒', 白色: '白', 紫色: '紫', ピンク色: 'ピンク', オレンジ色: 'オレンジ', ベージュ色: 'ベージュ',
}));
const CLASS_OF = new Map<string, number>();
CLASSES.forEach((c, i) => c.forEach((w) => CLASS_OF.set(w, i)));
const COLOURS_JA = CLASS_OF.get('白')!;

/** The colour a Japanese word names, in one form (白い, 白く, 白色, ホワイト → 白; 黄色い → 黄色), or undefined. */
export function colourJa(word: string): string | undefined {
  const w = classWord(word);
  return CLASS_OF.get(w) === COLOURS_JA && hasCjk(w) ? w : undefined;
}

// Other ways a text may give a colour than its class words: the kanji alone inside another word (茶 of 茶髪), a
// "deep" form (真っ赤, まっか), the adjective in kana.
const COLOUR_ALSO_JA: Record<string, string[]> = {
  赤: ['まっか', 'あか'], 白: ['まっしろ', 'しろい'], 黒: ['まっくろ', 'くろい'], 青: ['まっさお', 'あおい'], 緑: ['みどり'], 紫: ['むらさき'],
  黄色: ['黄', 'きいろ'], 茶色: ['茶', 'ちゃいろ'], 灰色: ['灰', 'グレイ', 'はいいろ'], 金色: ['金'], 銀色: ['銀'],
};

/**
 * Whether a text gives a colour (`colourJa`'s form) in any spelling, inside another word included (白 in 白熊, 茶 in
 * 茶髪): read generously, since a colour the text does not give is flagged (`qualityUnseenJa` in features.ts).
 */
export function givesColourJa(text: string, colour: string): boolean {
  if (text.includes(colour) || (COLOUR_ALSO_JA[colour] ?? []).some((w) => text.includes(w))) return true;
  for (const [spelling, c] of COLOUR_JA) if (c === colour && text.includes(spelling)) return true;
  return false;
}

/** How many colours a Japanese text gives (`givesColourJa`): 黄色と赤の電車 gives two. */
export function coloursGivenJa(text: string): number {
  return new Set(CLASSES[COLOURS_JA]!.map((w) => classWord(w)).filter((c) => givesColourJa(text, c))).size;
}

/**
 * A closed-class word in one form: lower case, and a Japanese colour adjective as its stem (白い, 白く, 白っぽい
 * → 白), so that 白く and 白い are one colour; a loanword or 〜色 spelling is its colour (シルバー = 銀色, ピンク色
 * = ピンク, グレー = 灰色), so that ピンク色 meets 茶色い and シルバー meets ゴールド, and グレー never meets 灰色.
 */
function classWord(w: string): string {
  const lower = w.toLowerCase();
  // An English plural is its class's word: "closed on Mondays" names the weekday, "foxes" the fox.
  if (lower.endsWith('s') && CLASS_OF.has(lower.slice(0, -1))) return lower.slice(0, -1);
  if (lower.endsWith('es') && CLASS_OF.has(lower.slice(0, -2))) return lower.slice(0, -2);
  if (lower === 'wolves') return 'wolf';
  if (/^(?:semi|quarter)-finals?$/.test(lower)) return lower.replace('-', '').replace(/s$/, ''); // semi-final = semifinal
  if (lower === 'gray') return 'grey'; // one colour, two spellings
  if (/^[月火水木金土日]曜$/.test(lower)) return `${lower}日`; // 月曜 = 月曜日
  const colour = COLOUR_JA.get(lower);
  if (colour) return colour;
  // A kana spelling is its kanji's word (いぬ = 犬, ひつじ = 羊, クマ = 熊): one animal, never two.
  const spelled = hasCjk(lower) ? canonicalJa(lower) : undefined;
  if (spelled && CLASS_OF.has(spelled)) return spelled;
  const stem = lower.replace(/(?:っぽい|い|く|製)$/, ''); // 白く = 白い = 白, 鉄製 = 鉄
  const stemColour = COLOUR_JA.get(stem);
  if (stemColour) return stemColour;
  return stem !== lower && /^[\u3400-\u9fff]+$/.test(stem) && CLASS_OF.has(stem) ? stem : lower;
}

/**
 * A word's closed-class forms, a hyphenated word's parts included: "naturalised-French" names the French. Not where
 * the whole is a class word itself: "semi-final" names no final.
 */
function classWords(surface: string): string[] {
  const whole = classWord(surface);
  return CLASS_OF.has(whole) || !surface.includes('-') ? [whole] : [whole, ...surface.split('-').map(classWord)];
}

/** The keys of the two content words after `toks[i]`: what a closed-class word is said of ("red is the colour associated"). */
const saidOf = (toks: readonly Token[], i: number): string[] => toks.slice(i + 1).filter((x) => !x.stop).slice(0, 2).map((x) => x.key);

/**
 * A class-mate that the sentence says what the claim says of its word, where the sentence has the claim's word too but
 * says something else of it: "red is the color associated with merchants" against "green was the color associated with
 * merchants..., while red was reserved for the nobility"; "The red car won" against "The blue car won, and the red car
 * came second". The mate must share more of those words than any of the sentence's own uses of the claim's word: not
 * "white wine is made from" against "red wine is made from..., white wine is made from...". Nor a mate the claim names.
 */
function mateInSlot(claimText: string, claimToks: readonly Token[], i: number, refToks: readonly Token[]): Token | undefined {
  const w = classWord(claimToks[i]!.surface);
  const said = saidOf(claimToks, i);
  if (!said.length) return undefined;
  const alike = (j: number): number => saidOf(refToks, j).filter((k) => said.includes(k)).length;
  const own = Math.max(...refToks.map((r, j) => (classWords(r.surface).includes(w) ? alike(j) : 0)));
  const claimLower = claimText.toLowerCase();
  return refToks.find((r, j) => exclusive(w, r.surface) && !claimLower.includes(classWord(r.surface)) && alike(j) > own);
}

// Kin and roles, one word per member (父親 = 父). Not opposites anywhere in a sentence: "Bill's father is Tom" is "Bill is
// the son of Tom", the relation told from its other end. Only one for the other in the same frame (`frameSwapped`).
const ROLES: string[][] = [
  ['father', 'mother', 'son', 'daughter', 'brother', 'sister', 'grandfather', 'grandmother', 'grandson', 'granddaughter', 'uncle', 'aunt', 'nephew', 'niece', 'husband', 'wife', 'cousin'],
  ['teacher', 'student'], ['predecessor', 'successor'], ['employer', 'employee'],
  ['父', '母', '息子', '娘', '兄', '弟', '姉', '妹', '祖父', '祖母', '孫', '夫', '妻', '叔父', '叔母', '甥', '姪', 'いとこ'],
  ['先生', '生徒'], ['前任', '後任'], ['上司', '部下'],
];
const ROLE_SPELLINGS = new Map<string, string>(Object.entries({ 父親: '父', 母親: '母', 伯父: '叔父', 伯母: '叔母', 教師: '先生', 学生: '生徒' }));
const [PUPIL, STUDENT] = [stem('pupil'), stem('student')];
const ROLE_OF = new Map<string, number>();
ROLES.forEach((c, i) => c.forEach((w) => ROLE_OF.set(hasCjk(w) ? w : stem(w), i)));
const roleWord = (t: Token): string => ROLE_SPELLINGS.get(t.surface) ?? (hasCjk(t.surface) ? t.surface : t.key === PUPIL ? STUDENT : t.key);

// Custody and its end, likewise only one for the other in the same frame: "was arrested in 2019" against "was released in
// 2019", but "released" alone is as often a launch ("Apple released the iPhone") as a prisoner's freedom.
const CUSTODY: [string[], string[]] = [['arrest', 'detain', 'jail', 'imprison', 'capture', '逮捕', '拘束'], ['release', 'freed', '釈放']];
const CUSTODY_END = new Map(CUSTODY.flatMap((words, end) => words.map((w) => [hasCjk(w) ? w : stem(w), end] as const)));

/**
 * Two different kin or roles ("father" and "son", 父 and 息子), or custody against its end ("arrested" and "released",
 * 逮捕 and 釈放), for the one word where a claim and a sentence differ.
 */
export function frameOpposite(a: Token, b: Token): boolean {
  const [x, y] = [roleWord(a), roleWord(b)];
  if (x === y) return false;
  const [cx, cy] = [CUSTODY_END.get(x), CUSTODY_END.get(y)];
  if (cx !== undefined && cy !== undefined) return cx !== cy;
  return ROLE_OF.has(x) && ROLE_OF.get(x) === ROLE_OF.get(y);
}

// Kin told from the other end: a parent's child, a child's parent; a husband's wife, a wife's husband. Each row pairs
// the words of one end with those of the other ("Tom is Bill's father" = "Bill is Tom's son").
const CONVERSE_KIN: [string[], string[]][] = [
  [['father', 'mother', 'parent', '父', '母', '親', '両親'], ['son', 'daughter', 'child', 'children', '息子', '娘', '子', '子供', '子ども']],
  [['grandfather', 'grandmother', 'grandparent', '祖父', '祖母'], ['grandson', 'granddaughter', 'grandchild', '孫']],
  [['uncle', 'aunt', '叔父', '叔母'], ['nephew', 'niece', '甥', '姪']],
  [['husband', '夫'], ['wife', '妻']],
];
const KIN_END = new Map<string, { row: number; end: number }>();
CONVERSE_KIN.forEach((ends, row) => ends.forEach((words, end) => words.forEach((w) => KIN_END.set(hasCjk(w) ? w : stem(w), { row, end }))));

/** Kin words of the two ends of one relation ("son" and "father", 娘 and 母), either way round. */
export function converseKin(a: Token, b: Token): boolean {
  const [x, y] = [KIN_END.get(roleWord(a)), KIN_END.get(roleWord(b))];
  return !!x && !!y && x.row === y.row && x.end !== y.end;
}

/** Whether a word belongs to a closed class (a colour, an animal, a material...), in any of its spellings. */
export function closedClass(w: string): boolean {
  return CLASS_OF.has(classWord(w));
}

/** Two words of one closed class, or two spellings of one word of it (白い and 白, グレー and 灰色). */
export function classMates(a: string, b: string): boolean {
  const x = CLASS_OF.get(classWord(a));
  return x !== undefined && x === CLASS_OF.get(classWord(b));
}

/** Two different words of one closed class (colours, weekdays, seasons, medals, shapes). */
export function exclusive(a: string, b: string): boolean {
  const x = classWord(a);
  const y = classWord(b);
  return x !== y && CLASS_OF.has(x) && CLASS_OF.get(x) === CLASS_OF.get(y);
}
