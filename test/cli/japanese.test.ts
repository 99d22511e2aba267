// --lang ja: every line the CLI writes for a person is Japanese, not only the reasons and the input problems.
// Machine formats keep their English keys, and compiler-style tags and verdict names stay as tools parse them.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { claimcheck, ensureBuilt, workspace } from './helpers';

before(ensureBuilt);

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/**
 * The English left in a line once what is not ours to translate is taken out: paths, quoted claim text, flags,
 * option values, compiler-style tags, and the names of files, verdicts and graders.
 */
function englishIn(line: string, keep: readonly string[] = []): string[] {
  let rest = line;
  for (const k of keep) rest = rest.split(k).join(' ');
  rest = rest
    .replace(/^claimcheck: /, '')
    .replace(/(^|\s|\[|\()[\w./*-]+\.(md|jsonl|json|sarif)(:\d+)*(:|\b)/g, ' ')
    .replace(/(?<![A-Za-z])--?[a-z][\w-]*/g, ' ')
    .replace(/'[^']*'|"[^"]*"/g, ' ')
    .replace(/\b(error|warning|note|contradicted|unsupported|supported|offline|openai|claimcheck|check|eval|glob|folder|file|JSON|SARIF|P|R|F1|n\/a)\b/g, ' ');
  return rest.match(/\b[A-Za-z]{2,}\b/g) ?? [];
}

/** No English words of ours in any line; `said`: each line says something (no line is only a path and a quote). */
function assertJapanese(output: string, keep: readonly string[] = [], said = true): void {
  for (const line of output.split('\n').filter((l) => l.trim())) {
    if (said) assert.match(line, JAPANESE, `not Japanese: ${line}`);
    assert.deepEqual(englishIn(line, keep), [], `English left in: ${line}`);
  }
}

const CLAIMS = ['The Springfield factory employs 9,000 people.', 'Penguins drink hot coffee every morning in the Sahara desert.'];
// refs/acme.md's statements, quoted by the coverage notes.
const REFERENCE_TEXT = ['Acme Widgets was founded in 1987 in Springfield.', 'The Springfield factory employs 450 people.', 'Acme sells its widgets in 12 countries.', 'The Model T widget weighs 3 kilograms.'];

describe('claimcheck --lang ja', () => {
  it('check: the findings, the coverage notes, the summary and every message on stderr are Japanese', () => {
    const dir = workspace({ 'refs/empty.md': '' });
    // Findings, coverage, a reference that cannot be used, a glob that matches nothing, a reference named as a document.
    const args = ['check', 'answers/bad.md', 'answers/offtopic.md', 'nothing/*.md', 'refs/acme.md', '--refs', 'refs', '--coverage', '--lang', 'ja'];
    const r = claimcheck(args, dir);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    // Compiler-style tags, verdict names and paths stay as tools parse them; the rest is Japanese.
    assert.match(r.stdout, /^answers\/bad\.md:4:1: (error: contradicted|warning: unsupported): The Springfield factory employs 9,000 people\. \[根拠: refs\/acme\.md:4\]$/m);
    assert.match(r.stdout, /^refs\/acme\.md:5:1: note: answers\/bad\.md が触れていない記述: Acme sells its widgets in 12 countries\.$/m);
    assert.match(r.stdout, /^answers\/bad\.md: カバレッジ: 参照文書の記述 4 件のうち 1 件に触れています \(25%\)$/m);
    assert.match(lines.at(-1)!, /^2 ファイル、主張 3 件: 根拠あり 1、矛盾 [01]、根拠なし [12] \(判定器: offline\)。問題 2 件 \(上記参照\)$/);
    // A finding without evidence is only its place, tags and claim.
    assertJapanese(r.stdout, [...CLAIMS, ...REFERENCE_TEXT], false);
    assert.equal(r.stderr.trimEnd().split('\n').length, 4, r.stderr);
    assert.match(r.stderr, /claimcheck: refs\/acme\.md: 参照文書の一つなのでチェックしません/);
    assertJapanese(r.stderr);
  });

  it('check: JSON and SARIF keep their English keys and rules; only the words in them change', () => {
    const dir = workspace();
    const keys = (v: unknown): string[] =>
      v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [Array.isArray(v) ? '#' : k, ...keys(x)]) : [];
    for (const format of ['json', 'sarif']) {
      const en = JSON.parse(claimcheck(['check', 'answers/bad.md', '--refs', 'refs', '-f', format], dir).stdout) as unknown;
      const ja = JSON.parse(claimcheck(['check', 'answers/bad.md', '--refs', 'refs', '-f', format, '--lang', 'ja'], dir).stdout) as { runs?: { tool: unknown }[] };
      assert.deepEqual(keys(ja), keys(en), format);
      if (ja.runs) assert.deepEqual(ja.runs[0]!.tool, (en as typeof ja).runs![0]!.tool);
    }
  });

  it('eval: the metrics table, the count of rows and the lines it could not read are Japanese, and the table lines up', () => {
    const rows = [
      { dataset: 'acme', reference: 'The factory employs 450 people.', response: 'The factory employs 450 people.', label: 'supported' },
      { dataset: 'acme', reference: 'The factory employs 450 people.', response: 'Penguins drink hot coffee every morning.', label: 'unsupported' },
      { dataset: 'acme', reference: 'The factory employs 450 people.', response: 'The factory employs 450 people.', label: 'maybe' },
    ];
    const dir = workspace({ 'data.jsonl': `${rows.map((x) => JSON.stringify(x)).join('\n')}\n{not json\n[1]\n` });
    const r = claimcheck(['eval', 'data.jsonl', '--out', 'p.jsonl', '--lang', 'ja'], dir);
    // Two lines are no row: the metrics stand, and the run fails (exit 2) saying why, in Japanese too.
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'acme: 2 行、バランス精度 100.0%',
      '  根拠あり     P 100.0  R 100.0  F1 100.0',
      '  根拠なし     P 100.0  R 100.0  F1 100.0',
      '  混同行列 (行: 正解、列: 予測)',
      '               根拠あり 根拠なし',
      '  根拠あり            1        0',
      '  根拠なし            0        1',
      '3 行中 3 行を判定しました (判定器: offline)。読み込めなかった行 2 行 (上記のメッセージを参照)',
    ]);
    assert.equal(r.stderr.trimEnd().split('\n').length, 4, r.stderr);
    assert.match(r.stderr, /^claimcheck: data\.jsonl:4: JSON として正しくありません/m);
    assertJapanese(r.stderr, ['"maybe"']);
  });

  it('eval: with several datasets, the table over all of them is headed in Japanese too', () => {
    const rows = [
      { dataset: 'acme', reference: 'The factory employs 450 people.', response: 'The factory employs 450 people.', label: 'supported' },
      { dataset: 'beta', reference: 'The factory employs 450 people.', response: 'Penguins drink hot coffee every morning.', label: 'unsupported' },
    ];
    const dir = workspace({ 'data.jsonl': `${rows.map((x) => JSON.stringify(x)).join('\n')}\n` });
    const r = claimcheck(['eval', 'data.jsonl', '--out', 'p.jsonl', '--lang', 'ja'], dir);
    assert.equal(r.code, 0, r.stderr);
    const heads = r.stdout.split('\n').filter((l) => /^\S.*バランス精度/.test(l));
    assert.deepEqual(heads, ['acme: 1 行、バランス精度 100.0%', 'beta: 1 行、バランス精度 100.0%', '全体: 2 行、バランス精度 100.0%']);
    assertJapanese(r.stdout, ['acme', 'beta']);
    // English keeps its heading.
    const en = claimcheck(['eval', 'data.jsonl', '--out', 'p.jsonl'], dir);
    assert.match(en.stdout, /^all: 2 rows, balanced accuracy 100\.0%$/m);
  });

  it('usage errors and --help are Japanese too, the flag parser’s mistakes included', () => {
    const dir = workspace();
    const cases: [string[], RegExp][] = [
      [['check', '--lang', 'ja'], /^claimcheck: チェックする文書がありません。使い方: /],
      [['check', 'answers/bad.md', '--refs', 'refs', '--format', 'xml', '--lang=ja'], /^claimcheck: --format は text、json、sarif のいずれかでなければなりません。'xml' は使えません$/m],
      [['check', 'answers/bad.md', '--lang', 'ja', '--timeout', '0'], /^claimcheck: --timeout は 0 より大きい秒数でなければなりません/],
      [['eval', '--lang', 'ja'], /^claimcheck: データファイルがありません。/],
      [['check', 'answers/bad.md', '--refs', 'refs', '--bogus', '--lang', 'ja'], /^claimcheck: 不明なオプション '--bogus' です \(claimcheck --help を参照\)$/m],
      [['check', 'answers/bad.md', '--lang', 'ja', '--refs', 'refs', '-o'], /^claimcheck: オプション '--out' には値が必要です \(claimcheck --help を参照\)$/m],
      [['eval', 'data.jsonl', '--coverage', '--lang', 'ja'], /^claimcheck: 不明なオプション '--coverage' です/m],
      [['eval', 'data.jsonl', '--no-cache=yes', '--lang', 'ja'], /^claimcheck: オプション '--no-cache' は値を取りません \(claimcheck --help を参照\)$/m],
      [['frobnicate', '--lang', 'ja'], /^claimcheck: 不明なコマンド 'frobnicate' です。/],
      [['check', 'answers/bad.md', '--refs', 'refs', '--grader', 'openai', '--lang', 'ja'], /^claimcheck: openai 判定器には https:\/\/api\.openai\.com\/v1 の API キーが必要です。/],
      [['check', 'answers/bad.md', '--refs', 'refs', '--grader', 'openai', '--base-url', 'localhost:11434', '--lang', 'ja'], /^claimcheck: --base-url は http:\/\/localhost:11434\/v1 のような URL でなければなりません/],
    ];
    for (const [args, message] of cases) {
      const r = claimcheck(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
    const notice = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--model', 'm', '--lang', 'ja'], dir);
    assert.equal(notice.stderr, 'claimcheck: 注: --model はオフライン判定器では効果がありません。LLM のエンドポイントを使うには --grader openai を付けてください\n');
    const help = claimcheck(['--help', '--lang', 'ja'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^使い方:\n {2}claimcheck check <file\|folder\|glob\|->\.\.\. --refs/);
    assert.match(help.stdout, /終了コード: 0 /);
    assert.match(claimcheck(['check', '--help', '--lang', 'ja'], dir).stdout, /^使い方:/);
    // --lang before the command, as a global flag is often written, was "unknown command '--lang'" (QA).
    const before = claimcheck(['--lang', 'ja', 'check', '--refs', 'refs', '--', 'answers/good.md'], dir);
    assert.equal(before.code, 0, before.stderr);
    assert.match(before.stdout, /^1 ファイル、主張 2 件: 根拠あり 2/);
    assert.match(claimcheck(['--lang=ja', '--help'], dir).stdout, /^使い方:/);
    assert.equal(claimcheck(['--lang', 'ja', '--version'], dir).code, 0);
    const wrong = claimcheck(['--lang', 'de', 'check', 'answers/good.md', '--refs', 'refs'], dir);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--lang must be one of en, ja, not 'de'/);
    // English stays the default, whatever the locale: LANG is not read.
    assert.match(claimcheck(['--help'], dir, { LANG: 'ja_JP.UTF-8' }).stdout, /^Usage:/);
    assert.match(claimcheck(['check', 'answers/good.md', '--refs', 'refs'], dir, { LANG: 'ja_JP.UTF-8' }).stdout, /^1 file, 2 claims: /);
  });
});
