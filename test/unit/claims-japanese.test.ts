import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractClaims } from '../../src/core/claims';

function ja(input: string, format: 'markdown' | 'plaintext' = 'markdown'): string[] {
  const claims = extractClaims(input, { format });
  for (const c of claims) assert.equal(input.slice(c.start, c.end), c.text, `range ${c.start}-${c.end}`);
  return claims.map((c) => c.text);
}

describe('extractClaims: Japanese', () => {
  it('splits a Markdown answer into sentences and list items, skipping headings and pleasantries', () => {
    const input = [
      '# 富士山について',
      '',
      'ご質問ありがとうございます。富士山は静岡県と山梨県にまたがる活火山です。標高は3776メートルです。',
      '',
      '以下にまとめます：',
      '',
      '- 2013年に世界文化遺産に登録されました',
      '- 最後の噴火は1707年です。',
      '',
      '> 「日本一の山」と呼ばれています。',
      '',
      'お役に立てれば幸いです。ほかに知りたいことはありますか？',
    ].join('\n');
    assert.deepEqual(ja(input), [
      '富士山は静岡県と山梨県にまたがる活火山です。',
      '標高は3776メートルです。',
      '2013年に世界文化遺産に登録されました',
      '最後の噴火は1707年です。',
      '「日本一の山」と呼ばれています。',
    ]);
  });

  it('splits at a lead-in colon but keeps a key：value statement whole', () => {
    assert.deepEqual(ja('以下にまとめます：東京の人口は約1400万人です。'), ['東京の人口は約1400万人です。']);
    assert.deepEqual(ja('東京の人口：約1400万人です。'), ['東京の人口：約1400万人です。']);
  });

  it('keeps offsets exact after astral CJK and emoji, and handles full-width spaces', () => {
    const input = '𠮷野家は1899年創業です。🍣寿司は日本料理です。\u3000大阪は関西にあります。';
    const claims = extractClaims(input);
    assert.deepEqual(
      claims.map((c) => [c.text, c.start]),
      [
        ['𠮷野家は1899年創業です。', 0],
        ['寿司は日本料理です。', 17],
        ['大阪は関西にあります。', 28],
      ],
    );
    for (const c of claims) assert.equal(input.slice(c.start, c.end), c.text);
  });

  it('recognises ・ and ① bullets in plain text and drops questions ending in か。', () => {
    const input = '・東京は日本の首都です\n①大阪は西日本の中心です\n\nこれは正しいですか。京都は静かです。';
    assert.deepEqual(ja(input, 'plaintext'), ['東京は日本の首都です', '大阪は西日本の中心です', '京都は静かです。']);
  });
});
