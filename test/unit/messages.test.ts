// The English count lines agree in number: "1 of 1 row graded", not "1 of 1 rows graded".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../src/core/report/messages';

describe('messages: English plurals', () => {
  const say = messages('en');
  it('one of one: the noun is singular; one of two: plural', () => {
    assert.equal(say.rowsGraded(1, 1, 'openai, m', 1, 10, 5, 1), '1 of 1 row graded (grader: openai, m; 1 request, 10 prompt + 5 completion tokens); 1 line not read (see the messages above)');
    assert.equal(say.rowsGraded(1, 2, 'offline', 0, 0, 0, 0), '1 of 2 rows graded (grader: offline)');
    assert.equal(say.rowsNotGraded(1, 1, 'x'), '1 of 1 row not graded: x; it is left out of the predictions and the metrics');
    assert.equal(say.rowsNotGraded(2, 3, 'x'), '2 of 3 rows not graded: x; they are left out of the predictions and the metrics');
    assert.equal(say.notJudged(1, 1, 'x'), '1 of 1 claim not judged by the grader: x');
    assert.equal(say.interruptedAfter(0, 1), 'interrupted after 0 of 1 document');
    assert.equal(say.documentsProgress(1, 2, 30), '1 of 2 documents checked after 30 s');
    assert.equal(say.rowsProgress(1, 1, 30), '1 of 1 row graded after 30 s');
    assert.equal(say.coverage('a.md', 1, 1, 100, 0), 'a.md: coverage: states 1 of 1 statement of its references (100%)');
    assert.equal(say.batchFailed(1, 'x'), 'batch of 1 claim failed: x');
    assert.equal(say.followUpFailed(1, 'x'), 'follow-up for 1 claim failed: x');
    assert.equal(say.atomicFailed(1, 'x'), 'atomic decomposition failed for 1 sentence (x); checking it whole');
  });
});

describe('messages: Japanese separators', () => {
  const counts = { files: 2, claims: 3, supported: 1, contradicted: 1, unsupported: 1, grader: 'openai, m', requests: 4, promptTokens: 100, completionTokens: 20, problems: 2 };
  it('the summary joins its parts with 、 within the brackets and 。 between sentences, never an ASCII ";"', () => {
    const say = messages('ja');
    assert.equal(say.summary(counts), '2 ファイル、主張 3 件: 根拠あり 1、矛盾 1、根拠なし 1 (判定器: openai, m、リクエスト 4 件、プロンプト 100 + 補完 20 トークン)。問題 2 件 (上記参照)');
    assert.equal(say.summary({ ...counts, requests: 0, problems: 0 }), '2 ファイル、主張 3 件: 根拠あり 1、矛盾 1、根拠なし 1 (判定器: openai, m)');
  });
  it('control: the English summary keeps its "; "', () => {
    assert.equal(messages('en').summary(counts), '2 files, 3 claims: 1 supported, 1 contradicted, 1 unsupported (grader: openai, m; 4 requests, 100 prompt + 20 completion tokens); 2 problems (see above)');
  });
  it("check's summary and eval's rows line name the grader and its cost alike, in each language", () => {
    for (const lang of ['en', 'ja'] as const) {
      const say = messages(lang);
      const bracket = (line: string): string => /\((?:grader|判定器): .*\)/.exec(line)?.[0] ?? line;
      const check = bracket(say.summary({ ...counts, problems: 0 }));
      assert.equal(bracket(say.rowsGraded(3, 3, counts.grader, counts.requests, counts.promptTokens, counts.completionTokens, 0)), check, lang);
      // Control: without requests, the grader alone.
      assert.equal(bracket(say.rowsGraded(3, 3, 'offline', 0, 0, 0, 0)), bracket(say.summary({ ...counts, grader: 'offline', requests: 0, problems: 0 })), lang);
    }
    assert.match(messages('en').rowsGraded(3, 3, 'openai, m', 4, 100, 20, 0), /\(grader: openai, m; 4 requests, 100 prompt \+ 20 completion tokens\)$/);
  });
  it('sentences of a summary are joined with a space in English and with nothing in Japanese, where each ends in 。', () => {
    assert.equal(messages('en').sentences(['Cancelled.', 'Files checked: 2.']), 'Cancelled. Files checked: 2.');
    assert.equal(messages('ja').sentences(['中止しました。', '確認したファイル: 2。']), '中止しました。確認したファイル: 2。');
  });
});
