// Small hand-kept lexicon: irregular verb forms, number words and common synonyms share one matching key,
// so "won" finds "win", "seven" finds "7" and "film" finds "movie". Deliberately short: each entry is a
// pair a reader would accept without a second thought.
import { stemmer } from 'stemmer';

// Irregular verbs, the lemma first.
const IRREGULAR: string[][] = [
  ['win', 'won', 'wins', 'winning'], ['begin', 'began', 'begun'], ['build', 'built'], ['write', 'wrote', 'written'], ['grow', 'grew', 'grown'],
  ['sell', 'sold'], ['buy', 'bought'], ['take', 'took', 'taken'], ['give', 'gave', 'given'], ['hold', 'held'], ['lead', 'led'],
  ['become', 'became'], ['go', 'went', 'gone'], ['come', 'came'], ['see', 'saw', 'seen'], ['run', 'ran'],
  ['teach', 'taught'], ['think', 'thought'], ['bring', 'brought'], ['fight', 'fought'], ['catch', 'caught'],
  ['meet', 'met'], ['pay', 'paid'], ['lose', 'lost'], ['fall', 'fell', 'fallen'], ['rise', 'rose', 'risen'], ['drive', 'drove', 'driven'],
  ['speak', 'spoke', 'spoken'], ['choose', 'chose', 'chosen'], ['sing', 'sang', 'sung'], ['die', 'died', 'dead', 'death'],
  ['bear', 'born'], ['fly', 'flew', 'flown'], ['draw', 'drew', 'drawn'], ['eat', 'ate', 'eaten'], ['know', 'knew', 'known'],
  ['tell', 'told'], ['feel', 'felt'], ['keep', 'kept'], ['send', 'sent'], ['spend', 'spent'], ['stand', 'stood'], ['sit', 'sat'],
  ['rebuild', 'rebuilt'], ['shoot', 'shot'], ['throw', 'threw', 'thrown'], ['wear', 'wore', 'worn'], ['strike', 'struck'], ['hang', 'hung'],
];

const GROUPS: string[][] = [
  ...IRREGULAR,
  // number words
  ['1', 'one', 'single'], ['2', 'two', 'pair'], ['3', 'three'], ['4', 'four'], ['5', 'five'], ['6', 'six'], ['7', 'seven'], ['8', 'eight'],
  ['9', 'nine'], ['10', 'ten'], ['11', 'eleven'], ['12', 'twelve', 'dozen'], ['20', 'twenty'], ['100', 'hundred'],
  ['1st', 'first'], ['2nd', 'second', 'ii'], ['3rd', 'third', 'iii'], ['4th', 'fourth'], ['5th', 'fifth'],
  // synonyms
  ['film', 'movie', 'films', 'movies'], ['start', 'begin', 'commence'], ['use', 'utilize', 'utilise', 'employ'], ['big', 'large', 'huge'],
  ['buy', 'purchase'], ['child', 'kid', 'children', 'kids'], ['car', 'automobile'], ['forbid', 'ban', 'prohibit'], ['show', 'demonstrate'],
  ['help', 'assist'], ['end', 'finish', 'conclude'], ['make', 'create', 'produce'], ['get', 'obtain', 'receive'], ['try', 'attempt'],
  ['famous', 'renowned', 'wellknown', 'noted'], ['job', 'occupation', 'profession'], ['country', 'nation'], ['town', 'city'],
  ['happy', 'glad'], ['quick', 'fast', 'rapid'], ['people', 'persons'], ['award', 'prize'], ['company', 'firm', 'corporation'],
  ['about', 'approximately', 'roughly'], ['also', 'additionally'], ['die', 'pass away'], ['marry', 'wed', 'married'],
  ['u.s', 'us', 'usa', 'united states', 'america'], ['uk', 'u.k', 'britain', 'united kingdom', 'british'],
  ['30', 'thirty'], ['40', 'forty'], ['50', 'fifty'], ['60', 'sixty'], ['70', 'seventy'], ['80', 'eighty'], ['90', 'ninety'],
  ['1000', 'thousand'], ['big', 'biggest', 'largest'], ['small', 'little', 'smallest'], ['max', 'maximum'], ['min', 'minimum'],
  ['tv', 'television'], ['quake', 'earthquake', 'tremor'], ['several', 'multiple', 'numerous'], ['though', 'although'],
  ['correct', 'accurate'], ['human', 'humans', 'person', 'people', 'persons'], ['part', 'portion'], ['vs', 'v', 'versus'],
  ['mile', 'miles', 'mi'], ['km', 'kilometre', 'kilometer', 'kilometres', 'kilometers'], ['intense', 'extreme'],
  ['aim', 'aims', 'strive', 'strives'], ['often', 'frequently'], ['usually', 'typically', 'generally', 'commonly'],
  ['mostly', 'mainly', 'primarily', 'largely', 'predominantly'], ['talk', 'speak', 'spoke', 'spoken'],
  ['employee', 'worker', 'staff', 'employees', 'workers'], ['encourage', 'foster', 'nurture'], ['common', 'frequent', 'commonplace'],
  // What happened to a building or a firm, said two ways ("was constructed" = "was built"): verbSwapped (swaps.ts) takes
  // another of its fates in the same frame for another fact, so a synonym must share the key. How often, two ways.
  ['annual', 'annually', 'yearly'], ['build', 'construct', 'erect'], ['found', 'establish'], ['demolish', 'raze'], ['renovate', 'refurbish'], ['close', 'shut'],
  // One negation, two spellings: "did not marry" = "never married"; "stopped making" = "ceased making" (= "no longer makes": text.ts).
  ['not', 'never'], ['stop', 'cease'],
];

/**
 * Groups that share a word are one group ("start, begin, commence" and "begin, began, begun"), so every
 * word maps to one key whichever group lists it first.
 */
function merge(groups: readonly string[][]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (w: string): string => {
    let r = w;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(w, r);
    return r;
  };
  for (const g of groups) {
    for (const w of g) if (!parent.has(w)) parent.set(w, w);
    for (const w of g.slice(1)) {
      const a = find(g[0]!), b = find(w);
      if (a !== b) parent.set(b, a);
    }
  }
  return new Map([...parent.keys()].map((w) => [w, find(w)]));
}

const CANON = merge(GROUPS);
// Inflected forms reach their group through their stem ("utilized" → "util" → "use", "movies" → "movi").
for (const [w, key] of [...CANON]) if (/^[a-z]+$/.test(w) && !CANON.has(stemmer(w))) CANON.set(stemmer(w), key);

// An irregular verb's past forms ("built", "sold", "written"): not the lemma, its -s form or its -ing form.
const IRREGULAR_PAST = new Set(IRREGULAR.flatMap(([lemma, ...forms]) => forms.filter((f) => f !== `${lemma}s` && !f.endsWith('ing') && f !== 'death' && f !== 'dead')));

/** Whether a lower-case word is a verb's past tense or participle: "renovated", "demolished", "built", "sold". */
export function pastForm(lower: string): boolean {
  return IRREGULAR_PAST.has(lower) || (/^[a-z]{3,}ed$/.test(lower) && !/(?:eed|need)$/.test(lower));
}

/**
 * The lexicon's phrases of more than one word ("united states", "pass away") with the key their group shares: a token
 * is one word, so alignment looks for these in a sentence's text (`align`).
 */
export const PHRASES: readonly { words: readonly string[]; key: string; pattern: RegExp }[] = [...CANON]
  .filter(([w]) => w.includes(' '))
  .map(([w, key]) => ({ words: w.split(' '), key, pattern: new RegExp(`\\b${w.split(' ').join('\\s+')}\\b`) }));

/** The shared key of a lower-case word, or undefined when the lexicon does not know it. */
export function canonical(lower: string): string | undefined {
  return CANON.get(lower);
}

// Japanese: kanji and kana spellings of everyday words, and near-synonyms a reader accepts.
const JA_GROUPS: string[][] = [
  ['犬', 'いぬ', 'イヌ'], ['猫', 'ねこ', 'ネコ'], ['車', 'くるま', '自動車', 'クルマ'], ['人', 'ひと'], ['上', 'うえ'], ['下', 'した'], ['中', 'なか'],
  ['前', 'まえ'], ['横', 'よこ', '隣', 'となり', 'そば', '傍'], ['子供', '子ども', 'こども'], ['膝', 'ひざ'], ['皿', 'さら', 'お皿'], ['机', 'テーブル', '食卓'],
  ['道', '道路', '通り', 'みち'], ['男性', '男の人', '男'], ['女性', '女の人', '女'], ['二人', 'ふたり', '2人'], ['一人', 'ひとり', '1人'],
  ['たくさん', '沢山', 'いっぱい', '多く', '多数'], ['写真', 'しゃしん'], ['電車', '列車'], ['鳥', 'とり'], ['馬', 'うま'], ['牛', 'うし'],
  ['羊', 'ひつじ'], ['象', 'ぞう', 'ゾウ'], ['猿', 'さる', 'サル'], ['熊', 'クマ', 'くま'], ['空', 'そら'], ['海', 'うみ'], ['山', 'やま'], ['川', 'かわ'], ['木', 'き'],
  ['花', 'はな'], ['服', 'ふく'], ['帽子', 'ぼうし'], ['傘', 'かさ'], ['椅子', 'いす', 'イス'], ['眼鏡', 'めがね', 'メガネ'], ['自転車', 'じてんしゃ'],
  ['携帯電話', '携帯', 'スマートフォン', 'スマホ'], ['パソコン', 'コンピューター', 'コンピュータ'], ['食べ', 'たべ'], ['見', 'み'],
  ['海岸', '砂浜', '浜辺', 'ビーチ', '浜'], ['凧', 'カイト'], ['少年', '男の子', '男児'], ['少女', '女の子', '女児'], ['線路', 'レール'],
  ['バイク', 'オートバイ'], ['浴室', 'バスルーム', '風呂場', '風呂'], ['寝室', 'ベッドルーム', 'ベットルーム'], ['ベッド', 'ベット'],
  ['電子レンジ', 'レンジ'], ['大型', '大きな', '大きい'], ['小型', '小さな', '小さい'], ['道端', '道路脇', '道路わき', '路肩', '路上'],
  ['室内', '屋内', '部屋の中'], ['野球場', '球場'], ['飛行機', '航空機', 'ジェット機'], ['台所', 'キッチン'], ['ソファ', 'ソファー'],
  ['スケートボード', 'スケボー'], ['テレビ', 'tv'], ['トイレ', '便器'], ['人々', '人たち', '人達'], ['芝生', '芝'], ['最も', '一番', 'いちばん'],
  // Fourteenth QA round: a loanword for the native word.
  ['果物', 'フルーツ'],
  // Eighteenth pass: two kanji spellings of one word (machi, machinami).
  ['町', '街'], ['町並み', '街並み'],
  // A temperature's sign, each spelling: 氷点下5度 = マイナス5度 (numbers.ts reads the value as -5).
  ['マイナス', '零下', '氷点下'],
  // Lying down, said four ways (寝そべる, 横たわる, 寝転ぶ, 横になる: text.ts reads each stem whole); a jump (跳ぶ, 跳ねる).
  ['横たわ', '寝そべ', '寝転', '横にな'], ['跳', '跳ね', 'ジャンプ', '飛'],
  // In the air; a steam train; a teddy bear (a stuffed bear, not a bear: text.ts reads it whole).
  ['空中', '宙'],
  // One word, two kanji or a kana spelling: 止まる = 停まる (a vehicle), 眠る = 寝る (asleep), and everyday words.
  ['止', '停', '停車'], ['走', '走行'], ['乗', '載'], ['寝', '眠'], ['赤ちゃん', '赤ん坊'], ['様々', 'さまざま', '色々', 'いろいろ', '色んな', 'いろんな'], ['綺麗', 'きれい', 'キレイ'],
  // Everyday nouns in kanji, hiragana or katakana (りんご = 林檎 = リンゴ): one word, so no swap of one for another. Not
  // where a spelling is another word too: たこ (凧 a kite, 蛸 an octopus), かえる (蛙, 帰る), はさみ (挟み).
  ['林檎', 'りんご', 'リンゴ'], ['桜', 'さくら', 'サクラ'], ['蜜柑', 'みかん', 'ミカン'], ['薔薇', 'ばら', 'バラ'], ['鞄', 'かばん', 'カバン'],
  ['枕', 'まくら', 'マクラ'], ['人参', 'にんじん', 'ニンジン'], ['兎', 'うさぎ', 'ウサギ'], ['卵', 'たまご', 'タマゴ', '玉子'], ['苺', 'いちご', 'イチゴ'],
  ['葡萄', 'ぶどう', 'ブドウ'], ['蛇', 'へび', 'ヘビ'], ['烏', 'からす', 'カラス'], ['鋏', 'ハサミ'], ['時計', 'とけい'], ['狐', 'きつね', 'キツネ'],
  ['鼠', 'ねずみ', 'ネズミ'], ['西瓜', 'すいか', 'スイカ'], ['茸', 'きのこ', 'キノコ'],
  ['友達', '友人', '友だち'], ['老人', 'お年寄り', '高齢者'], ['汽車', '蒸気機関車', 'sl'], ['テディベア', 'クマのぬいぐるみ', '熊のぬいぐるみ', 'くまのぬいぐるみ'],
];
const JA_CANON = merge(JA_GROUPS);

/** The shared key of a Japanese word (NFKC), or undefined. */
export function canonicalJa(word: string): string | undefined {
  return JA_CANON.get(word);
}
