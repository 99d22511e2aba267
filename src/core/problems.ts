// What the engine says about an input it cannot use (a reference, a document, .claimcheck.json, a setting), in
// each language the UI speaks. An `InputError` keeps the kind and its values, so a host says it in its language.
import type { ReasonLanguage } from './types';

/** What is wrong, and what to do about it ('' where there is nothing to do: a notice). */
type Said = readonly [problem: string, hint: string];

const SUPPORTED = '.md, .txt or .html';
/** Names the file actually read (it may come from --config) and the README section that documents it. */
const fixConfig = (file: string): string => `Fix ${file} (see the ".claimcheck.json" section of the README)`;
const SIZE_HINT = 'Split it into smaller files, or trim or convert it to the text that matters';
const SETTING_HINT = 'Fix the setting, or set claimcheck.grader to "offline"';
const DIRECTIVE = '<!-- claimcheck: references=... -->';

/** Each kind of problem: the file it names comes first (the config's hint names it), then its own values. */
const EN = {
  // A file that cannot be read as text (read.ts, html.ts).
  notFound: () => ['not found', 'Check the path'],
  isFolder: () => ['is a folder, not a file', 'Name a file, or pass the folder where folders are accepted'],
  permissionDenied: () => ['cannot be read (permission denied)', 'Check the file permissions'],
  cannotRead: (_file: string, detail: string) => [`cannot be read (${detail})`, 'Check the path and the file'],
  tooLarge: (_file: string, size: string, limit: string) => [`is ${size}, over the ${limit} limit`, SIZE_HINT],
  utf16WithoutBom: () => ['looks like UTF-16 text without a byte-order mark', 'Re-save it as UTF-8 (or as UTF-16 with a BOM)'],
  binary: () => ['looks like a binary file (it contains NUL bytes)', 'Convert it to plain text, Markdown or HTML'],
  badEncoding: (_file: string, encoding: string) => [`is not valid ${encoding} text`, 'Re-save it as UTF-8'],
  empty: () => ['is empty', 'Add text to it, or leave it out'],
  nestedTooDeep: () => ['nests HTML elements too deeply to read (thousands of levels)', 'Flatten the HTML, or save the page as text or Markdown and use that instead'],
  // References (references/index.ts).
  outsideFolder: () => ['is outside the folder, and only files inside it may be read here', 'Copy it into the folder, or trust the workspace'],
  referenceNotFound: () => ['not found', 'Check the path given as a reference'],
  unsupportedType: (_file: string, extension: string) => [`has an unsupported file type (${extension || 'no extension'})`, `Convert it to ${SUPPORTED}`],
  folderWithoutReferences: () => [`is a folder with no ${SUPPORTED} file`, 'Add reference files to it, or name another folder'],
  notRegularFile: () => ['is not a regular file (a pipe, device or socket)', 'Save the reference to a file and name that file'],
  globMatchesNothing: () => ['matches no file', 'Check the glob, and quote it so the shell does not expand it'],
  globMatchesNoReference: () => [`matches no ${SUPPORTED} file`, `Convert the references to ${SUPPORTED}`],
  noText: () => ['has no text to check against', 'Add prose to it, or remove it from the list'],
  unreadableReference: (_file: string, detail: string) => [`could not be read: ${detail}`, 'Simplify the file, or remove it from the references'],
  // Documents (run.ts; the CLI's arguments).
  folderWithoutDocuments: () => ['holds no .md, .markdown or .txt file', 'Name the documents to check'],
  notRegularDocument: () => ['is not a regular file (a pipe, device or socket)', 'Save the text to a file and name that file'],
  htmlDocument: () => ['is HTML, which is read only as a reference', 'Save the answer as Markdown or text to check it, or name it in --refs'],
  // eval's data (the CLI's arguments).
  folderWithoutData: () => ['holds no .jsonl file', 'Name the data files to grade'],
  noReferences: () => ['has no references to check against', `Pass --refs, add "references" to .claimcheck.json, or add ${DIRECTIVE} to the document`],
  noReferenceLoaded: () => ['none of its references could be loaded', 'Fix the reference problems reported above, or pass other --refs'],
  uncheckable: (_file: string, detail: string) => [`could not be checked: ${detail}`, 'Simplify the document, or leave it out of the run'],
  // .claimcheck.json (config.ts).
  configNotFound: () => ['not found', 'Check the path given to --config'],
  configUnreadable: (_file: string, code: string) => [`cannot be read (${code})`, 'Check the file and its permissions'],
  notJson: (file: string, detail: string) => [`is not valid JSON (${detail})`, fixConfig(file)],
  notObject: (file: string) => ['must hold a JSON object', fixConfig(file)],
  badReferences: (file: string) => ['"references" must be a list of paths, or an object mapping document globs to lists of paths', fixConfig(file)],
  notStringList: (file: string, key: string) => [`"${key}" must be a list of strings`, fixConfig(file)],
  emptyReferencePath: (file: string) => ['"references" holds an empty path, which would make every file in the folder a reference', fixConfig(file)],
  graderNotObject: (file: string) => ['"grader" must be an object', fixConfig(file)],
  keyInConfig: (file: string) => ['must not hold an API key: use the OPENAI_API_KEY environment variable (in VS Code, ClaimCheck: Set API Key)', fixConfig(file)],
  wrongType: (file: string, key: string, type: 'string' | 'number' | 'boolean') => [`"${key}" must be a ${type}`, fixConfig(file)],
  notPositive: (file: string, key: string) => [`"${key}" must be a positive number`, fixConfig(file)],
  notWhole: (file: string, key: string) => [`"${key}" must be a whole number`, fixConfig(file)],
  badGraderKind: (file: string) => ['"grader.kind" must be "offline" or "openai"', fixConfig(file)],
  unknownKey: (_file: string, key: string) => [`unknown key "${key}" is ignored`, ''],
  // The grader's base URL, named by where it was set (a setting, or grader.baseURL in .claimcheck.json).
  baseURLCredentials: () => ['must not carry a user name or password (requests with them are refused): give the key as the API key instead', SETTING_HINT],
  baseURLInvalid: (_file: string, url: string) => [`must be a URL such as http://localhost:11434/v1, not '${url}'`, SETTING_HINT],
} satisfies Record<string, (file: string, ...values: never[]) => Said>;

export type ProblemKind = keyof typeof EN;
/** The values a kind of problem names, after the file. */
export type ProblemArgs<K extends ProblemKind> = K extends ProblemKind ? (Parameters<(typeof EN)[K]> extends [string, ...infer Rest] ? Rest : []) : never;

const JA_SUPPORTED = '.md、.txt、.html のいずれか';
const jaFixConfig = (file: string): string => `${file} を修正してください (README の「.claimcheck.json」の節を参照)`;
const JA_SETTING_HINT = '設定を修正するか、claimcheck.grader を "offline" にしてください';
const JA_SIZE_HINT = '小さなファイルに分けるか、必要なテキストだけに削るか変換してください';
const JA_TYPES = { string: '文字列', number: '数値', boolean: '真偽値' } as const;

const PROBLEMS: Record<ReasonLanguage, typeof EN> = {
  en: EN,
  ja: {
    notFound: () => ['見つかりません', 'パスを確認してください'],
    isFolder: () => ['ファイルではなくフォルダーです', 'ファイルを指定するか、フォルダーを指定できる場所で指定してください'],
    permissionDenied: () => ['読み込めません (アクセス権がありません)', 'ファイルのアクセス権を確認してください'],
    cannotRead: (_file, detail) => [`読み込めません (${detail})`, 'パスとファイルを確認してください'],
    tooLarge: (_file, size, limit) => [`サイズが ${size} で、上限の ${limit} を超えています`, JA_SIZE_HINT],
    utf16WithoutBom: () => ['バイト順マーク (BOM) のない UTF-16 テキストのようです', 'UTF-8 (または BOM 付きの UTF-16) で保存し直してください'],
    binary: () => ['バイナリファイルのようです (NUL バイトを含んでいます)', 'プレーンテキスト、Markdown、HTML のいずれかに変換してください'],
    badEncoding: (_file, encoding) => [`正しい ${encoding} テキストではありません`, 'UTF-8 で保存し直してください'],
    empty: () => ['空です', 'テキストを追加するか、対象から外してください'],
    nestedTooDeep: () => ['HTML 要素の入れ子が深すぎて読めません (数千階層)', 'HTML の入れ子を浅くするか、ページをテキストか Markdown で保存してそちらを使ってください'],
    outsideFolder: () => ['フォルダーの外にあります (ここで読めるのはフォルダー内のファイルだけです)', 'フォルダー内にコピーするか、ワークスペースを信頼してください'],
    referenceNotFound: () => ['見つかりません', '参照文書として指定したパスを確認してください'],
    unsupportedType: (_file, extension) => [`対応していないファイル形式です (${extension || '拡張子なし'})`, `${JA_SUPPORTED}に変換してください`],
    folderWithoutReferences: () => [`${JA_SUPPORTED}のファイルがないフォルダーです`, '参照文書を追加するか、別のフォルダーを指定してください'],
    notRegularFile: () => ['通常のファイルではありません (パイプ、デバイス、ソケット)', '参照文書をファイルに保存して、そのファイルを指定してください'],
    globMatchesNothing: () => ['一致するファイルがありません', 'グロブを確認し、シェルに展開されないよう引用符で囲んでください'],
    globMatchesNoReference: () => [`${JA_SUPPORTED}のファイルに一致しません`, `参照文書を${JA_SUPPORTED}に変換してください`],
    noText: () => ['照合できる本文がありません', '本文を追加するか、リストから外してください'],
    unreadableReference: (_file, detail) => [`読み込めませんでした: ${detail}`, 'ファイルを単純にするか、参照文書から外してください'],
    folderWithoutDocuments: () => ['.md、.markdown、.txt のファイルがありません', 'チェックする文書を指定してください'],
    notRegularDocument: () => ['通常のファイルではありません (パイプ、デバイス、ソケット)', 'テキストをファイルに保存して、そのファイルを指定してください'],
    htmlDocument: () => ['HTML は参照文書としてだけ読みます', 'チェックするには回答を Markdown かテキストで保存してください。参照文書なら --refs に指定してください'],
    folderWithoutData: () => ['.jsonl のファイルがありません', '判定するデータファイルを指定してください'],
    noReferences: () => ['照合する参照文書がありません', `--refs を指定するか、.claimcheck.json に "references" を追加するか、文書に ${DIRECTIVE} を追加してください`],
    noReferenceLoaded: () => ['参照文書をどれも読み込めませんでした', '先に示した参照文書の問題を修正するか、別の --refs を指定してください'],
    uncheckable: (_file, detail) => [`チェックできませんでした: ${detail}`, '文書を単純にするか、チェックの対象から外してください'],
    configNotFound: () => ['見つかりません', '--config に指定したパスを確認してください'],
    configUnreadable: (_file, code) => [`読み込めません (${code})`, 'ファイルとそのアクセス権を確認してください'],
    notJson: (file, detail) => [`正しい JSON ではありません (${detail})`, jaFixConfig(file)],
    notObject: (file) => ['JSON オブジェクトでなければなりません', jaFixConfig(file)],
    badReferences: (file) => ['"references" はパスのリスト、または文書のグロブをパスのリストに対応づけるオブジェクトでなければなりません', jaFixConfig(file)],
    notStringList: (file, key) => [`"${key}" は文字列のリストでなければなりません`, jaFixConfig(file)],
    emptyReferencePath: (file) => ['"references" に空のパスがあります (フォルダー内のすべてのファイルが参照文書になってしまいます)', jaFixConfig(file)],
    graderNotObject: (file) => ['"grader" はオブジェクトでなければなりません', jaFixConfig(file)],
    keyInConfig: (file) => ['API キーを書くことはできません: 環境変数 OPENAI_API_KEY (VS Code では ClaimCheck: Set API Key) を使ってください', jaFixConfig(file)],
    wrongType: (file, key, type) => [`"${key}" は${JA_TYPES[type]}でなければなりません`, jaFixConfig(file)],
    notPositive: (file, key) => [`"${key}" は正の数でなければなりません`, jaFixConfig(file)],
    notWhole: (file, key) => [`"${key}" は整数でなければなりません`, jaFixConfig(file)],
    badGraderKind: (file) => ['"grader.kind" は "offline" か "openai" でなければなりません', jaFixConfig(file)],
    unknownKey: (_file, key) => [`不明なキー "${key}" は無視します`, ''],
    baseURLCredentials: () => ['ユーザー名やパスワードを含めることはできません (含むリクエストは拒否されます): キーは API キーとして設定してください', JA_SETTING_HINT],
    baseURLInvalid: (_file, url) => [`http://localhost:11434/v1 のような URL でなければなりません ('${url}' は使えません)`, JA_SETTING_HINT],
  },
};

/**
 * Where the user reads a problem: the editor, whose limits are settings; Check Claims on an open document, which
 * checks a selection of it where the whole cannot be (the editor's hint otherwise); the CLI, whose limits are fixed.
 */
export type Surface = 'editor' | 'open-document' | 'cli';

/**
 * The hint where the editor's user does something else than the CLI's: a limit that is a setting there, references
 * added with a command or a setting rather than --refs. The extension's own no-references messages end with it.
 */
const IN_EDITOR: Partial<Record<ProblemKind, Record<ReasonLanguage, string>>> = {
  tooLarge: { en: `${SIZE_HINT} (in VS Code, the limit is the claimcheck.maxFileSizeKB setting)`, ja: `${JA_SIZE_HINT} (VS Code では上限は claimcheck.maxFileSizeKB 設定です)` },
  noReferences: {
    en: `Add a reference to check its claims against: run "ClaimCheck: Add Reference Document", list it in the claimcheck.references setting or in "references" of .claimcheck.json, or add ${DIRECTIVE} to the document`,
    ja: `主張を照合する参照文書を追加してください: 「ClaimCheck: 参照文書を追加」を実行するか、claimcheck.references 設定か .claimcheck.json の "references" に指定するか、文書に ${DIRECTIVE} を追加してください`,
  },
};

/** The hint where Check Claims has a way out a scanned file has not: a selection of an open document is checked. */
const OF_OPEN_DOCUMENT: Partial<Record<ProblemKind, Record<ReasonLanguage, string>>> = {
  tooLarge: {
    en: 'Select the part to check (a selection of it is checked), split it into smaller files, or raise the claimcheck.maxFileSizeKB setting',
    ja: '確認する部分を選択するか (選択範囲は確認されます)、小さなファイルに分けるか、claimcheck.maxFileSizeKB 設定の上限を引き上げてください',
  },
};

/** Joins what is wrong and what to do into one sentence pair. */
const THEN: Record<ReasonLanguage, string> = { en: '. ', ja: '。' };

/** What is wrong and what to do, in `language`, on `surface`. */
export function sayProblem<K extends ProblemKind>(
  kind: K,
  file: string,
  args: ProblemArgs<K>,
  language: ReasonLanguage = 'en',
  surface: Surface = 'editor',
): { problem: string; hint: string } {
  const phrase = PROBLEMS[language][kind] as (file: string, ...values: readonly unknown[]) => Said;
  const [problem, hint] = phrase(file, ...args);
  const ofDocument = surface === 'open-document' ? OF_OPEN_DOCUMENT[kind]?.[language] : undefined;
  const inEditor = surface === 'cli' ? undefined : IN_EDITOR[kind]?.[language];
  return { problem, hint: ofDocument ?? inEditor ?? hint };
}

/** The one line a user reads: "file: problem. hint" (a notice has no hint). */
export function problemLine<K extends ProblemKind>(kind: K, file: string, args: ProblemArgs<K>, language: ReasonLanguage = 'en', surface: Surface = 'editor'): string {
  const { problem, hint } = sayProblem(kind, file, args, language, surface);
  return hint ? `${file}: ${problem}${THEN[language]}${hint}` : `${file}: ${problem}`;
}
