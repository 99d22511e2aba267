import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage, extractClaims, splitSentences } from '../../src/core/claims';
import type { Claim } from '../../src/core/types';

/** Every claim must be an exact slice of its input; returns the texts for comparison. */
function checked(input: string, claims: Claim[]): string[] {
  for (const c of claims) assert.equal(input.slice(c.start, c.end), c.text, `range ${c.start}-${c.end}`);
  for (let i = 1; i < claims.length; i++) assert.ok(claims[i]!.start >= claims[i - 1]!.end, 'claims are ordered and disjoint');
  return claims.map((c) => c.text);
}

const sentences = (input: string, lang?: 'en' | 'ja' | 'auto'): string[] => checked(input, splitSentences(input, lang));
const claims = (input: string): string[] => checked(input, extractClaims(input, { format: 'plaintext' }));

describe('splitSentences: English', () => {
  it('splits on . ! ? followed by space', () => {
    assert.deepEqual(sentences('The sky is blue. Grass is green! Is water wet? Yes.'), [
      'The sky is blue.',
      'Grass is green!',
      'Is water wet?',
      'Yes.',
    ]);
  });

  it('does not break after titles and Latin shorthands', () => {
    const input = 'Dr. Smith met Mr. Jones and Mrs. Lee. Ms. Park and Prof. Kim live on St. James Rd. in town. They met vs. a team, e.g. the Lions, i.e. the best.';
    assert.deepEqual(sentences(input), [
      'Dr. Smith met Mr. Jones and Mrs. Lee.',
      'Ms. Park and Prof. Kim live on St. James Rd. in town.',
      'They met vs. a team, e.g. the Lions, i.e. the best.',
    ]);
  });

  it('handles U.S., U.K., a.m., p.m., No., Fig., approx., Inc., Ltd., Jr., Sr. and etc.', () => {
    const input =
      'The U.S. Army and the U.K. Navy met at 9 a.m. and left at 5 p.m. on Friday. See Fig. 3 and No. 7 for approx. 40 cases. ' +
      'Apple Inc. makes phones. Acme Ltd. The firm was founded by John Jr. in 1990. He likes fruit, nuts, etc. The list ends. ' +
      'Tom Sr. and his son run it, e.g., in spring, i.e., March. ' +
      'She moved to the U.S. The move was hard.';
    assert.deepEqual(sentences(input), [
      'The U.S. Army and the U.K. Navy met at 9 a.m. and left at 5 p.m. on Friday.',
      'See Fig. 3 and No. 7 for approx. 40 cases.',
      'Apple Inc. makes phones.',
      'Acme Ltd.',
      'The firm was founded by John Jr. in 1990.',
      'He likes fruit, nuts, etc.',
      'The list ends.',
      'Tom Sr. and his son run it, e.g., in spring, i.e., March.',
      'She moved to the U.S.',
      'The move was hard.',
    ]);
  });

  it('keeps decimals, versions, thousands separators, domains and initials inside the sentence', () => {
    const input = 'Python 3.5 costs $1,000.5 in v1.2.3 on example.com today. J. K. Rowling wrote it. Growth was 2.5x. Then it fell.';
    assert.deepEqual(sentences(input), [
      'Python 3.5 costs $1,000.5 in v1.2.3 on example.com today.',
      'J. K. Rowling wrote it.',
      'Growth was 2.5x.',
      'Then it fell.',
    ]);
  });

  it('treats ellipses as a break only before a capitalised word', () => {
    assert.deepEqual(sentences('He waited... and waited. It rained… Then it stopped. Done...'), [
      'He waited... and waited.',
      'It rained…',
      'Then it stopped.',
      'Done...',
    ]);
  });

  it('keeps closing quotes and parentheses with their sentence', () => {
    assert.deepEqual(sentences('He said "Stop." Then he left. (This is an aside.) The end!" she said.'), [
      'He said "Stop."',
      'Then he left.',
      '(This is an aside.)',
      'The end!" she said.',
    ]);
  });

  it('breaks at blank lines but not at single line breaks in English', () => {
    assert.deepEqual(sentences('A heading line\n\nThe text wraps\nonto the next line. Next one.'), [
      'A heading line',
      'The text wraps\nonto the next line.',
      'Next one.',
    ]);
  });

  it('knows military and civil titles, and breaks before a lower-case word after an ordinary one', () => {
    assert.deepEqual(sentences('The Gen. staff met cf. the report. i saw Rome. the food was good.'), ['The Gen. staff met cf. the report.', 'i saw Rome.', 'the food was good.']);
  });
});

describe('splitSentences: Japanese', () => {
  it('splits on 。！？ with no spaces and keeps closing brackets', () => {
    assert.deepEqual(sentences('東京は日本の首都です。大阪は大きい！本当？「明日は雨です。」次の文です。'), [
      '東京は日本の首都です。',
      '大阪は大きい！',
      '本当？',
      '「明日は雨です。」',
      '次の文です。',
    ]);
  });

  it('keeps an embedded quote (「…。」と言った) and 。 inside brackets in one sentence', () => {
    assert.deepEqual(sentences('彼は「晴れです。」と言った。（注：推定。）値は３．５です。'), [
      '彼は「晴れです。」と言った。',
      '（注：推定。）',
      '値は３．５です。',
    ]);
  });

  it('breaks at line breaks in Japanese text', () => {
    assert.deepEqual(sentences('富士山は高い\n琵琶湖は大きい'), ['富士山は高い', '琵琶湖は大きい']);
    assert.deepEqual(sentences('富士山は高い\n琵琶湖は大きい', 'en'), ['富士山は高い\n琵琶湖は大きい']);
  });

  it('handles mixed English and Japanese', () => {
    assert.deepEqual(sentences('Tokyo is big.東京は大きい。OK!次'), ['Tokyo is big.', '東京は大きい。', 'OK!', '次']);
  });
});

describe('detectLanguage', () => {
  it('detects Japanese when kana and kanji dominate', () => {
    assert.equal(detectLanguage('東京は日本の首都です。'), 'ja');
    assert.equal(detectLanguage('ClaimCheckは東京で開発されました。'), 'ja');
    assert.equal(detectLanguage('Tokyo (東京) is the capital of Japan.'), 'en');
    assert.equal(detectLanguage(''), 'en');
  });
});

describe('extractClaims: filters', () => {
  it('drops questions, greetings, list introductions and fillers', () => {
    const input =
      'Sure! Great question. Hello there. Here is a summary: The Nile is 6,650 km long. What is the longest river? ' +
      "Here's what I found: The Amazon carries more water. I hope this helps! Let me know if you need anything else. " +
      'Thank you for asking. If you have any other questions, feel free to ask.';
    assert.deepEqual(claims(input), ['The Nile is 6,650 km long.', 'The Amazon carries more water.']);
  });

  it('drops Japanese questions and pleasantries', () => {
    const input = 'ご質問ありがとうございます。以下にまとめます：富士山の標高は3776メートルです。これは本当ですか。何が高いのか？お役に立てれば幸いです。静か。';
    assert.deepEqual(claims(input), ['富士山の標高は3776メートルです。']);
  });

  it('drops fragments, pure URLs and lines that introduce a list', () => {
    const input = 'Yes.\n\nhttps://example.com/a.b\n\nSource: https://example.com/some/long/path\n\nKey facts:\n\nWater boils at 100 degrees.\n\n短い。\n\n水は百度で沸騰する。';
    assert.deepEqual(claims(input), ['Water boils at 100 degrees.', '水は百度で沸騰する。']);
  });
});

describe('extractClaims: chat-style and advice text', () => {
  it('splits all-lower-case chat sentences and keeps the statements', () => {
    const input = 'i think the review from rotten tomatoes is pretty good. i never read that site before. do you?';
    assert.deepEqual(claims(input), ['i think the review from rotten tomatoes is pretty good.', 'i never read that site before.']);
  });

  it('keeps conditional statements that merely start like sign-offs', () => {
    const input = 'If you need a visa, apply 30 days ahead. If you have any other questions, just ask. Sure, Paris is the capital.';
    assert.deepEqual(claims(input), ['If you need a visa, apply 30 days ahead.', 'Sure, Paris is the capital.']);
  });
});

describe('extractClaims: what came before a claim', () => {
  it('marks a claim that follows dropped small talk, a question or a list introduction, and nothing else', () => {
    const marked = (input: string, format: 'plaintext' | 'markdown' = 'plaintext'): [string, boolean][] =>
      extractClaims(input, { format }).map((c) => [c.text, !!c.afterSmallTalk]);
    assert.deepEqual(marked('Oh sure. It is one of the major forms of throwing sports.'), [['It is one of the major forms of throwing sports.', true]]);
    assert.deepEqual(marked('Do you like comedies? It opened in 2004. It was a hit film.'), [['It opened in 2004.', true], ['It was a hit film.', false]]);
    assert.deepEqual(marked('Here is a summary of the passage:\n\nThe plant closed in 2015.'), [['The plant closed in 2015.', true]]);
    assert.deepEqual(marked('# Notes\n\nThe plant closed in 2015.', 'markdown'), [['The plant closed in 2015.', false]]);
    assert.deepEqual(marked('The plant closed in 2015.'), [['The plant closed in 2015.', false]]);
  });
});


it('a time of day does not end the sentence before a name: "6 p.m. Central Time"', () => {
  const texts = (s: string): string[] => splitSentences(s).map((x) => x.text.trim());
  assert.deepEqual(texts('Support is open from 8 a.m. to 6 p.m. Central Time. Calls are free.'), ['Support is open from 8 a.m. to 6 p.m. Central Time.', 'Calls are free.']);
  assert.deepEqual(texts('The shop closes at 6 p.m. The café stays open.'), ['The shop closes at 6 p.m.', 'The café stays open.']);
  // A name after the time opens a new sentence (QA: one claim hid the second's swap), with or without dots.
  assert.deepEqual(texts('The meeting is on Tuesday at 3 pm. Bob hired Alice in March.'), ['The meeting is on Tuesday at 3 pm.', 'Bob hired Alice in March.']);
  assert.deepEqual(texts('We met at 9 a.m. Bob left early.'), ['We met at 9 a.m.', 'Bob left early.']);
  assert.deepEqual(texts('The call is at 9 am GMT and lasts an hour. It is short.'), ['The call is at 9 am GMT and lasts an hour.', 'It is short.']);
  // "Est." before a year is "established"; EST at a sentence's end is a time zone.
  assert.deepEqual(texts('The call is at 9 am EST. It is short.'), ['The call is at 9 am EST.', 'It is short.']);
  assert.deepEqual(texts('The bakery (est. 1890) is old.'), ['The bakery (est. 1890) is old.']);
  assert.deepEqual(texts('The brewery (est. in 1890) is old. The brewery, est. c. 1890, is older.'), ['The brewery (est. in 1890) is old.', 'The brewery, est. c. 1890, is older.']);
  // ET and MT in capitals are time zones (not "et al." or "Mt."); a weekday goes on with the time.
  assert.deepEqual(texts('The launch was at 9 a.m. ET. Crowds cheered.'), ['The launch was at 9 a.m. ET.', 'Crowds cheered.']);
  assert.deepEqual(texts('The launch was at 9 a.m. MT. Crowds cheered.'), ['The launch was at 9 a.m. MT.', 'Crowds cheered.']);
  assert.deepEqual(texts('The store opens at 9 a.m. Monday through Friday.'), ['The store opens at 9 a.m. Monday through Friday.']);
  assert.deepEqual(texts('Smith et al. found it. Mt. Fuji is tall.'), ['Smith et al. found it.', 'Mt. Fuji is tall.']);
});
