// Input problems (references, documents, .claimcheck.json, the base URL) in a Japanese UI: each one is said in
// Japanese, naming the same file; the English line (the CLI's, the error's message) stays as it was.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig, parseConfig } from '../../src/core/config';
import { describeProblem, InputError } from '../../src/core/errors';
import { createGrader } from '../../src/core/graders';
import { baseURLError } from '../../src/core/graders/openai';
import { sayProblem, type ProblemArgs, type ProblemKind } from '../../src/core/problems';
import { decodeText, loadReferences, readTextFile } from '../../src/core/references';
import { checkFiles, ReferenceSets } from '../../src/core/run';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-problems-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The problem said in Japanese: "file: 問題。対処" (a notice has no second part), and in English as before. */
function japanese(err: unknown): string {
  assert.ok(err instanceof InputError, String(err));
  const ja = describeProblem(err, 'ja');
  assert.equal(describeProblem(err, 'en'), err.message);
  assert.ok(ja.startsWith(`${err.file}: `), ja);
  const [problem, hint] = ja.slice(err.file.length + 2).split('。');
  assert.match(problem!, JAPANESE, ja);
  if (hint !== undefined) assert.match(hint, JAPANESE, ja);
  // The values it names (a library's own words, say) stay as they are: the rest is Japanese.
  const words = (err.args as readonly unknown[]).reduce<string>((line, value) => line.split(String(value)).join(''), ja);
  assert.doesNotMatch(words, /\b(the|is|not|or|to|and|it)\b/, `no English left: ${ja}`);
  return ja;
}

async function thrown(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (err) {
    return japanese(err);
  }
  throw new Error('nothing was thrown');
}

describe('input problems in Japanese', () => {
  it('a reference outside the folder (Restricted Mode), as the extension shows it', async () => {
    const dir = tempDir({ 'repo/refs/a.md': 'The tower is 330 metres tall.\n', 'x.md': 'Outside.\n' });
    const set = await new ReferenceSets(join(dir, 'repo'), { confine: true }).get(['refs/a.md', '../x.md']);
    assert.equal(set.problems.length, 1);
    assert.equal(set.problems[0]!.message, '../x.md: is outside the folder, and only files inside it may be read here. Copy it into the folder, or trust the workspace');
    assert.equal(japanese(set.problems[0]), '../x.md: フォルダーの外にあります (ここで読めるのはフォルダー内のファイルだけです)。フォルダー内にコピーするか、ワークスペースを信頼してください');
  });

  it('a file over the size limit: the editor\'s hint names its setting, the CLI\'s (which has none) does not', () => {
    const big = new InputError('big.md', 'tooLarge', '2.9 KB', '1 KB');
    for (const lang of ['en', 'ja'] as const) {
      assert.match(describeProblem(big, lang), /claimcheck\.maxFileSizeKB/);
      const cli = describeProblem(big, lang, 'cli');
      assert.doesNotMatch(cli, /maxFileSizeKB|VS Code/);
      assert.ok(describeProblem(big, lang).startsWith(cli), `${lang}: the same line, less the setting`);
    }
  });

  it('a document over the size limit in Check Claims: the hint says to select the part to check, which a scan cannot (QA: the message had lost it)', () => {
    const big = new InputError('big.md', 'tooLarge', '2.9 KB', '1 KB');
    const select = { en: /^big\.md: is 2\.9 KB, over the 1 KB limit\. Select the part to check \(a selection of it is checked\)/, ja: /^big\.md: サイズが 2\.9 KB で、上限の 1 KB を超えています。確認する部分を選択するか/ };
    for (const lang of ['en', 'ja'] as const) {
      const line = describeProblem(big, lang, 'open-document');
      assert.match(line, select[lang]);
      assert.match(line, /claimcheck\.maxFileSizeKB/);
      // A scanned file, and a reference, keep the editor's hint: there is nothing to select there.
      assert.doesNotMatch(describeProblem(big, lang), /Select|選択/);
      // Other kinds read as they do elsewhere in the editor.
      const empty = new InputError('a.md', 'empty');
      assert.equal(describeProblem(empty, lang, 'open-document'), describeProblem(empty, lang));
    }
  });

  it('a document with no references: the editor\'s hint names its command and setting, the CLI\'s names --refs (QA: the scan\'s log told an editor user to pass --refs)', () => {
    const none = new InputError('a.md', 'noReferences');
    const command = { en: '"ClaimCheck: Add Reference Document"', ja: '「ClaimCheck: 参照文書を追加」' };
    for (const lang of ['en', 'ja'] as const) {
      const editor = describeProblem(none, lang);
      assert.doesNotMatch(editor, /--refs/, editor);
      assert.ok(editor.includes(command[lang]), editor);
      assert.match(editor, /claimcheck\.references .*\.claimcheck\.json.*<!-- claimcheck: references=\.\.\. -->/, editor);
      assert.match(describeProblem(none, lang, 'cli'), /--refs/);
      assert.doesNotMatch(describeProblem(none, lang, 'cli'), /VS Code|ClaimCheck:|claimcheck\.references/);
      // The problem itself reads the same on both.
      assert.equal(sayProblem('noReferences', 'a.md', [], lang, 'cli').problem, sayProblem('noReferences', 'a.md', [], lang).problem);
    }
  });

  it('files that cannot be read as text: missing, a folder, too large, binary, UTF-16 without a BOM, not UTF-8, empty', async () => {
    const dir = tempDir({ 'sub/a.md': 'x' });
    assert.equal(await thrown(() => readTextFile(join(dir, 'missing.md'), { displayName: 'missing.md' })), 'missing.md: 見つかりません。パスを確認してください');
    assert.match(await thrown(() => readTextFile(join(dir, 'sub'), { displayName: 'sub' })), /^sub: ファイルではなくフォルダーです。/);
    assert.match(await thrown(() => decodeText(Buffer.from('x'.repeat(3000)), 'big.md', 1024)), /^big\.md: サイズが 2\.9 KB で、上限の 1 KB を超えています。.*claimcheck\.maxFileSizeKB/);
    assert.match(await thrown(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'zip.txt')), /^zip\.txt: バイナリファイルのようです/);
    assert.match(await thrown(() => decodeText(Buffer.from('The tower is 330 metres tall.\n', 'utf16le'), 'le.txt')), /^le\.txt: バイト順マーク \(BOM\) のない UTF-16/);
    assert.equal(await thrown(() => decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'latin1.txt')), 'latin1.txt: 正しい UTF-8 テキストではありません。UTF-8 で保存し直してください');
    assert.equal(await thrown(() => decodeText(Buffer.from(' \n'), 'blank.md')), 'blank.md: 空です。テキストを追加するか、対象から外してください');
  });

  it('reference patterns that name nothing usable, and a reference with no text', async () => {
    const dir = tempDir({ 'notes.pdf': '%PDF-1.4', 'empty/x.pdf': '%PDF', 'only.html': '<html><body><img src="a.png"></body></html>' });
    const { problems } = await loadReferences(['gone.md', 'notes.pdf', 'empty', 'none/*.md', '*.pdf', 'only.html'], { cwd: dir });
    const said = new Map(problems.map((p) => [p.file, japanese(p)]));
    assert.equal(said.get('gone.md'), 'gone.md: 見つかりません。参照文書として指定したパスを確認してください');
    assert.equal(said.get('notes.pdf'), 'notes.pdf: 対応していないファイル形式です (.pdf)。.md、.txt、.html のいずれかに変換してください');
    assert.match(said.get('empty')!, /^empty: \.md、\.txt、\.html のいずれかのファイルがないフォルダーです。/);
    assert.match(said.get('none/*.md')!, /^none\/\*\.md: 一致するファイルがありません。グロブを確認し/);
    assert.match(said.get('*.pdf')!, /^\*\.pdf: \.md、\.txt、\.html のいずれかのファイルに一致しません。/);
    assert.equal(said.get('only.html'), 'only.html: 照合できる本文がありません。本文を追加するか、リストから外してください');
  });

  it('documents without references, or whose references could not be loaded', async () => {
    const dir = tempDir({ 'a.md': 'The tower is 330 metres tall.\n', 'b.md': 'The tower is 330 metres tall.\n' });
    const { problems } = await checkFiles({
      cwd: dir,
      files: ['a.md', 'b.md'],
      grader: createGrader({ kind: 'offline' }),
      referencesFor: (file) => (file === 'b.md' ? ['gone.md'] : []),
      language: 'ja',
    });
    const said = new Map(problems.map((p) => [p.file, japanese(p)]));
    assert.match(said.get('a.md')!, /^a\.md: 照合する参照文書がありません。/);
    assert.match(said.get('b.md')!, /^b\.md: 参照文書をどれも読み込めませんでした。/);
  });

  it('.claimcheck.json: each error names the file and says to fix it; unknown keys are a notice', async () => {
    const config = (text: string): Promise<string> => thrown(() => parseConfig(text));
    const fix = '.claimcheck.json を修正してください (README の「.claimcheck.json」の節を参照)';
    assert.match(await config('{'), /^\.claimcheck\.json: 正しい JSON ではありません \(.*\)。/);
    assert.equal(await config('[]'), `.claimcheck.json: JSON オブジェクトでなければなりません。${fix}`);
    assert.match(await config('{"references": 3}'), /^\.claimcheck\.json: "references" はパスのリスト、/);
    assert.equal(await config('{"include": [1]}'), `.claimcheck.json: "include" は文字列のリストでなければなりません。${fix}`);
    assert.match(await config('{"grader": []}'), /"grader" はオブジェクトでなければなりません/);
    assert.ok((await config('{"grader": {"apiKey": "sk-1"}}')).includes('API キーを書くことはできません: 環境変数 OPENAI_API_KEY (VS Code では ClaimCheck: Set API Key) を使ってください'));
    assert.match(await config('{"grader": {"timeoutMs": "10"}}'), /"grader\.timeoutMs" は数値でなければなりません/);
    assert.match(await config('{"grader": {"cascade": 1}}'), /"grader\.cascade" は真偽値でなければなりません/);
    assert.match(await config('{"grader": {"maxConcurrency": 0}}'), /"grader\.maxConcurrency" は正の数でなければなりません/);
    assert.match(await config('{"grader": {"kind": "gpt"}}'), /"grader\.kind" は "offline" か "openai" でなければなりません/);
    const { warnings } = parseConfig('{"refrences": [], "grader": {"modle": "x"}}');
    assert.deepEqual(warnings.map(japanese), ['.claimcheck.json: 不明なキー "refrences" は無視します', '.claimcheck.json: 不明なキー "grader.modle" は無視します']);
    const dir = tempDir({});
    assert.match(await thrown(() => loadConfig(join(dir, 'cc.json'), { displayName: 'cc.json' })), /^cc\.json: 見つかりません。--config に指定したパスを確認してください$/);
  });

  it('a base URL that cannot be used, named by the setting it came from', () => {
    assert.equal(
      japanese(baseURLError('claimcheck.openai.baseUrl', 'localhost:11434/v1')),
      `claimcheck.openai.baseUrl: http://localhost:11434/v1 のような URL でなければなりません ('localhost:11434/v1' は使えません)。設定を修正するか、claimcheck.grader を "offline" にしてください`,
    );
    assert.match(japanese(baseURLError('claimcheck.openai.baseUrl', 'http://u:p@localhost/v1')), /ユーザー名やパスワードを含めることはできません/);
  });

  it('every kind of problem has its Japanese line', () => {
    // Every kind, with values like those the engine gives it (the compiler asks for each one).
    const samples: { [K in ProblemKind]: ProblemArgs<K> } = {
      notFound: [],
      isFolder: [],
      permissionDenied: [],
      cannotRead: ['EIO: i/o error'],
      tooLarge: ['6 MB', '5 MB'],
      utf16WithoutBom: [],
      binary: [],
      badEncoding: ['UTF-16 LE'],
      empty: [],
      nestedTooDeep: [],
      outsideFolder: [],
      referenceNotFound: [],
      unsupportedType: [''],
      folderWithoutReferences: [],
      notRegularFile: [],
      globMatchesNothing: [],
      globMatchesNoReference: [],
      noText: [],
      unreadableReference: ['Maximum call stack size exceeded'],
      folderWithoutDocuments: [],
      folderWithoutData: [],
      notRegularDocument: [],
      htmlDocument: [],
      noReferences: [],
      noReferenceLoaded: [],
      uncheckable: ['Maximum call stack size exceeded'],
      configNotFound: [],
      configUnreadable: ['EACCES'],
      notJson: ['Unexpected end of JSON input'],
      notObject: [],
      badReferences: [],
      emptyReferencePath: [],
      notStringList: ['exclude'],
      graderNotObject: [],
      keyInConfig: [],
      wrongType: ['grader.model', 'string'],
      notPositive: ['grader.maxRequests'],
      notWhole: ['grader.maxConcurrency'],
      badGraderKind: [],
      unknownKey: ['grader.x'],
      baseURLCredentials: [],
      baseURLInvalid: ['ftp://x'],
    };
    for (const [kind, args] of Object.entries(samples)) {
      const err = new (InputError as new (file: string, kind: string, ...args: unknown[]) => InputError)('refs/x.md', kind, ...args);
      const ja = japanese(err);
      assert.notEqual(ja, err.message, kind);
    }
    assert.match(describeProblem(new InputError('a.txt', 'unsupportedType', ''), 'ja'), /\(拡張子なし\)/);
  });
});
