import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passagesFromText, type ReferencePassage } from '../../src/core/references';
import { PassageIndex, tokenize } from '../../src/core/retrieval';
import type { Passage } from '../../src/core/types';

function corpus(source: string, texts: readonly string[]): Passage[] {
  return texts.map((text, i) => ({ id: `${source}#${i}`, source, line: i + 1, text }));
}

describe('tokenize', () => {
  it('lower-cases, strips punctuation, stems English words and drops stopwords', () => {
    assert.deepEqual(tokenize('The Towers were RUNNING, and it runs!'), ['tower', 'run', 'run']);
    assert.deepEqual(tokenize('Completed completion: connected connections'), ['complet', 'complet', 'connect', 'connect']);
    assert.ok(!tokenize('the of and is was').length);
  });

  it('keeps numbers, joining thousands separators and keeping decimals', () => {
    assert.deepEqual(tokenize('1,000 people, 3.5 km, 12,000,000 and 1999.'), ['1000', 'peopl', '3.5', 'km', '12000000', '1999']);
    assert.deepEqual(tokenize('Version 1,5'), ['version', '1', '5']);
  });

  it('normalises full-width characters and keeps non-English words unstemmed', () => {
    assert.deepEqual(tokenize('Ｔｏｋｙｏ ２０２０ café'), ['tokyo', '2020', 'café']);
  });

  it('splits Japanese into kanji and katakana runs plus bigrams, without hiragana particles', () => {
    const terms = tokenize('富士山は日本で最も高い山です。');
    for (const t of ['富士山', '日本', '高', '山', '富士', '士山']) assert.ok(terms.includes(t), `${t} in ${terms.join(' ')}`);
    for (const t of ['は', 'で', 'です', '。']) assert.ok(!terms.includes(t), `${t} should be dropped`);
    assert.deepEqual(tokenize('ワトソン'), ['ワトソン', 'ワト', 'トソ', 'ソン']);
    // A run that is a lexicon word also gives the lexicon's key (see PassageIndex below).
    assert.deepEqual(tokenize('バスルーム'), ['バスルーム', '浴室', 'バス', 'スル', 'ルー', 'ーム']);
  });

  it('reads a word written in hiragana alone (ねこ, りんご, おもちゃ) in a query, not its particles and endings', () => {
    const terms = tokenize('ねこはこたつがすきです。');
    for (const t of ['ねこ', '猫', 'こた', 'たつ', 'すき']) assert.ok(terms.includes(t), `${t} in ${terms.join(' ')}`);
    for (const t of ['です', 'がす', 'こは']) assert.ok(!terms.includes(t), `${t} should be dropped`);
    assert.deepEqual(tokenize('おもちゃ'), ['おも', 'もち', 'ちゃ']);
    // Controls: okurigana and pieces the segmenter cuts from a word are no words (向|かって, 人|た|ちがい, 飛|んで|いってい).
    assert.deepEqual(tokenize('人たちがいます。'), ['人']);
    assert.deepEqual(tokenize('壁に向かっています。'), ['壁', '向']);
    assert.deepEqual(tokenize('鳥が飛んでいっています。').filter((t) => /[ぁ-ゖ]/.test(t)), []);
    assert.deepEqual(tokenize('しかしそれはありませんでした。'), []);
  });

  it("gives a passage its hiragana's character bigrams, which only a query's kana word asks for", () => {
    assert.deepEqual(tokenize('たこは海', 'passage'), ['たこ', 'こは', '海']);
    assert.deepEqual(tokenize('たこは海'), ['海', 'たこ']);
  });

  it('handles mixed English and Japanese text', () => {
    const terms = tokenize('DNAの構造は1953年にWatsonが発見した');
    for (const t of ['dna', '構造', '1953', '年', 'watson', '発見']) assert.ok(terms.includes(t), `${t} in ${terms.join(' ')}`);
  });
});

describe('PassageIndex', () => {
  const english = corpus('space.md', [
    'Saturn is the sixth planet from the Sun and the second largest in the Solar System.',
    'Jupiter is the largest planet; its mass is more than twice that of all other planets combined.',
    'The rings of Saturn are made mostly of water ice, with some rocky debris and dust.',
    'Mars has two small moons, Phobos and Deimos, which may be captured asteroids.',
    'The Voyager 1 probe launched in 1977 and reached interstellar space in 2012.',
    'About 1,000 exoplanets were confirmed by the Kepler mission during its first years.',
  ]);
  const index = new PassageIndex(english);

  it('ranks the passage that answers the claim first, with stemming and numbers', () => {
    const top = (q: string): string => index.search(q, 3)[0]!.passage.id;
    assert.equal(top("Saturn's ring is composed of ice."), 'space.md#2');
    assert.equal(top('Jupiter is the biggest of the planets.'), 'space.md#1');
    assert.equal(top('Voyager 1 was launched in 1977.'), 'space.md#4');
    assert.equal(top('Kepler confirmed 1000 exoplanets.'), 'space.md#5');
    assert.equal(top('The moons Phobos and Deimos orbit Mars.'), 'space.md#3');
  });

  it('returns at most k results with scores, best first', () => {
    const hits = index.search('Saturn planet Sun largest', 3);
    assert.equal(hits.length, 3);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
    assert.ok(hits.every((h) => h.score > 0));
    assert.equal(hits[0]!.passage.id, 'space.md#0');
    assert.deepEqual(index.search('Saturn', 0), []);
    assert.deepEqual(index.search('the of and', 5), []);
    assert.deepEqual(index.search('quasar nebula', 5), []);
    assert.equal(index.passages, english);
  });

  it("adds the passage that gives a claim's number when the best-ranked passages lack it", () => {
    const news = new PassageIndex(corpus('news.md', [
      'Marina released a new single in February 2019, her biggest single of February 2019.',
      'In February 2019 Marina announced her best single, a single from the new album.',
      'The single has shifted 132,000 combined sales.',
      'Her tour starts in March.',
    ]));
    const hits = news.search('In February 2019 the single sold 132,000 units, her best single.', 2);
    assert.deepEqual(hits.map((h) => h.passage.id), ['news.md#1', 'news.md#0', 'news.md#2']);
    assert.equal(news.search('In February 2019 Marina released her best single.', 2).length, 2, 'no number missing: k passages');
  });

  it('breaks ties by passage order, deterministically', () => {
    const same = corpus('dup.txt', ['Pluto is a dwarf planet.', 'Something else entirely.', 'Pluto is a dwarf planet.', 'Pluto is a dwarf planet.']);
    const dupIndex = new PassageIndex(same);
    const ids = dupIndex.search('Pluto dwarf planet', 5).map((h) => h.passage.id);
    assert.deepEqual(ids, ['dup.txt#0', 'dup.txt#2', 'dup.txt#3']);
    assert.deepEqual(new PassageIndex([...same]).search('Pluto dwarf planet', 5).map((h) => h.passage.id), ids);
  });

  it('ranks Japanese passages, including compounds segmented differently', () => {
    const japanese = corpus('ja.md', [
      '富士山は静岡県と山梨県にまたがる活火山で、標高は3776メートルである。',
      '東京スカイツリーは高さ634メートルの電波塔で、2012年に開業した。',
      '富士山頂の気温は夏でも10度前後にとどまる。',
      '琵琶湖は滋賀県にある日本最大の湖である。',
      '最後の噴火は1707年の宝永大噴火である。',
    ]);
    const ja = new PassageIndex(japanese);
    const top = (q: string): string => ja.search(q, 3)[0]!.passage.id;
    assert.equal(top('富士山の標高は3776メートルです。'), 'ja.md#0');
    assert.equal(top('スカイツリーの高さは634メートルだ。'), 'ja.md#1');
    assert.equal(top('山頂の気温は夏でも低い。'), 'ja.md#2');
    assert.equal(top('日本で一番大きい湖は琵琶湖です。'), 'ja.md#3');
    assert.equal(top('宝永噴火は1707年に起きた。'), 'ja.md#4');
  });

  it("finds a Japanese passage by the lexicon's other word for a run, sharing no character bigram (汽車, 蒸気機関車)", () => {
    const index = new PassageIndex(
      corpus('ja.md', ['駅に古い蒸気機関車が止まっています。', '公園で子供たちが遊んでいます。', '白いタイルのバスルームです。', '港に大きな船が停泊しています。']),
    );
    const ids = (q: string): string[] => index.search(q, 2).map((h) => h.passage.id);
    assert.deepEqual(ids('汽車が駅に止まっています。').slice(0, 1), ['ja.md#0']);
    assert.deepEqual(ids('汽車'), ['ja.md#0']);
    assert.deepEqual(ids('浴室'), ['ja.md#2']);
    assert.ok(tokenize('蒸気機関車').includes('汽車'));
    // Controls: a run the lexicon does not know gives no other term; a word of the group finds only its own passage.
    assert.deepEqual(tokenize('機関'), ['機関']);
    assert.deepEqual(ids('船'), ['ja.md#3']);
  });

  it('finds a Japanese passage by a word written in hiragana alone (たこ, りんご, こども), not by its particles', () => {
    const index = new PassageIndex(
      corpus('kana.md', ['たこはうみにすんでいます。', 'りんごはあかくてあまいです。', 'こどもがこうえんであそんでいます。', '東京は日本の首都です。']),
    );
    const ids = (q: string): string[] => index.search(q, 2).map((h) => h.passage.id);
    assert.deepEqual(ids('たこがいます。'), ['kana.md#0']);
    assert.deepEqual(ids('りんごがすきです。'), ['kana.md#1']);
    assert.deepEqual(ids('こどもたちがいます。'), ['kana.md#2']);
    // Controls: particles, endings and pieces of a kanji word find nothing (いま and です are in every passage).
    assert.deepEqual(ids('人たちがいます。'), []);
    assert.deepEqual(ids('それはありませんでした。'), []);
  });

  it('still finds the passage with the rare term when common terms exceed the postings budget', () => {
    const filler = Array.from({ length: 6000 }, (_, i) => `Alpha beta gamma delta filler passage ${i}.`);
    const big = new PassageIndex(corpus('big.txt', [...filler.slice(0, 4000), 'Zebra crossings use alpha stripes.', ...filler.slice(4000)]));
    const hits = big.search('Alpha beta gamma delta zebra', 3);
    assert.equal(hits[0]!.passage.id, 'big.txt#4000');
    assert.equal(hits.length, 1, 'terms in 6,000 passages are past the budget and not searched');
  });

  it('scores BM25+ (k1 1.2, b 0.7, delta 0.5) per field, heading at 0.3, times the number of terms matched', () => {
    // Lengths count distinct terms: "alpha beta beta" has 2, "gamma" 1, "alpha" 1; the mean is 4/3.
    const passages: ReferencePassage[] = [
      { id: 'a', source: 's.md', line: 1, text: 'alpha beta beta', heading: 'Gamma' },
      { id: 'b', source: 's.md', line: 2, text: 'gamma', heading: '' },
      { id: 'c', source: 's.md', line: 3, text: 'alpha', heading: '' },
    ];
    const idx = new PassageIndex(passages);
    const bm25 = (tf: number, df: number, length: number, mean: number): number =>
      Math.log(1 + (3 - df + 0.5) / (df + 0.5)) * (0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * length) / mean)));
    const score = (q: string, id: string): number | undefined => idx.search(q, 3).find((h) => h.passage.id === id)?.score;
    const close = (a: number | undefined, b: number): void => assert.ok(a !== undefined && Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
    close(score('beta', 'a'), bm25(2, 1, 2, 4 / 3));
    close(score('alpha', 'c'), bm25(1, 2, 1, 4 / 3));
    // Heading lengths: 1, 0, 0 (mean 1/3); "gamma" is the heading of a and the text of b.
    close(score('gamma', 'a'), 0.3 * bm25(1, 1, 1, 1 / 3));
    close(score('gamma', 'b'), bm25(1, 1, 1, 4 / 3));
    // Two terms matched: their sum, doubled.
    close(score('alpha beta', 'a'), 2 * (bm25(1, 2, 2, 4 / 3) + bm25(2, 1, 2, 4 / 3)));
  });

  it('uses Markdown section headings as context', () => {
    const md = '# Eiffel Tower\n\nIt is 330 metres tall.\n\n# Tokyo Tower\n\nIt is 333 metres tall.\n';
    const passages = passagesFromText('towers.md', md, 'markdown');
    const hits = new PassageIndex(passages).search('The Eiffel Tower is 330 metres tall.', 2);
    assert.equal(hits[0]!.passage.text, 'It is 330 metres tall.');
    assert.equal(new PassageIndex(passages).search('How tall is the Tokyo Tower?', 1)[0]!.passage.line, 7);
  });
});
