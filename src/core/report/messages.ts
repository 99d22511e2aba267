// Every line the CLI, its text report and the grader's notices say to a person, in each language they speak
// (--lang). Input problems are in ../problems.ts, the usage text in src/cli/help.ts. Machine formats (JSON, SARIF)
// keep their English keys, and compiler-style tags (`error:`, `warning:`, `note:`) and verdict names stay as they are: tools parse them.
import type { ReasonLanguage } from '../types';

/** "1 file", "2 files"; in "1 of 1 row" and "1 of 2 rows" the noun agrees with the total. */
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface SummaryCounts {
  files: number;
  claims: number;
  supported: number;
  contradicted: number;
  unsupported: number;
  /** "offline", or "openai, gpt-4o-mini". */
  grader: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  problems: number;
}

/** The grader a run used and what it cost. */
type GraderUsed = Pick<SummaryCounts, 'grader' | 'requests' | 'promptTokens' | 'completionTokens'>;

/**
 * "(grader: openai, gpt-4o-mini; 3 requests, 100 prompt + 20 completion tokens)": check's summary and eval's rows line
 * say it alike. A semicolon, not a comma, after the grader: its name holds a comma already.
 */
const EN_GRADER_USED = (g: GraderUsed): string =>
  `(grader: ${g.grader}${g.requests > 0 ? `; ${plural(g.requests, 'request')}, ${g.promptTokens} prompt + ${g.completionTokens} completion tokens` : ''})`;
const JA_GRADER_USED = (g: GraderUsed): string =>
  `(判定器: ${g.grader}${g.requests > 0 ? `、リクエスト ${g.requests} 件、プロンプト ${g.promptTokens} + 補完 ${g.completionTokens} トークン` : ''})`;

const EN = {
  // ---- The text report (report/text.ts, report/index.ts) ----
  evidence: (at: string) => `[evidence: ${at}]`,
  summary: (s: SummaryCounts) => {
    const problems = s.problems ? `; ${plural(s.problems, 'problem')} (see above)` : '';
    return `${plural(s.files, 'file')}, ${plural(s.claims, 'claim')}: ${s.supported} supported, ${s.contradicted} contradicted, ${s.unsupported} unsupported ${EN_GRADER_USED(s)}${problems}`;
  },
  coverage: (path: string, covered: number, statements: number, percent: number, skipped: number) =>
    `${path}: coverage: states ${covered} of ${plural(statements, 'statement')} of its references (${percent}%)${skipped ? ` (${skipped} more not read)` : ''}`,
  leftOut: (path: string, partly: boolean, statement: string) => `${partly ? 'said in part' : 'left out'} by ${path}: ${statement}`,
  notJudged: (failed: number, total: number, reason: string) => `${failed} of ${plural(total, 'claim')} not judged by the grader: ${reason}`,
  /** Whole sentences (each with its full stop) as one message: the editor's scan summary. */
  sentences: (parts: readonly string[]) => parts.join(' '),
  // ---- A run over documents (cli/check.ts; the extension's log for gaveUp) ----
  alsoReference: (path: string) => `${path}: is one of the references, so it is not checked. Name it in --refs or as a document, not both`,
  directiveReference: (path: string) => `${path}: a document's claimcheck: references= directive names it, so it is read as a reference, not checked. Name it on the command line to check it`,
  referenceLeftOut: (path: string) => `${path}: is one of the references, so it is not checked as a document`,
  outLeftOut: (path: string) => `${path}: is the file --out writes (an earlier run's output), so it is not read`,
  outsideRun: (path: string) => `${path}: is outside the folder claimcheck runs in; name it in --refs to read it (a document's directive, .claimcheck.json or a link may not lead out)`,
  gaveUp: (after: number, reason: string, untried: number) =>
    `gave up after ${after} documents in a row were not judged (${reason}); ${untried} ${untried === 1 ? 'document was' : 'documents were'} not checked`,
  interruptedAfter: (done: number, total: number) => `interrupted after ${done} of ${plural(total, 'document')}`,
  interrupted: () => 'interrupted',
  nothingChecked: () => 'nothing could be checked (see the messages above)',
  namedNothing: (paths: number) =>
    `${paths === 1 ? 'a path' : `${paths} paths`} of the documents or references named nothing to use (see above); the rest was checked`,
  namedNotChecked: (documents: number) =>
    `${documents === 1 ? 'a document' : `${documents} documents`} named on the command line could not be checked (see above); the rest was checked`,
  cannotWrite: (path: string, code: string) => `cannot write ${path} (${code}): check that the path is a writable file`,
  outIsFolder: (path: string) => `--out ${path} names a folder: name the file to write, in it or elsewhere`,
  outIsReadOnly: (path: string) => `cannot write ${path}: it is read-only. Make it writable, or choose another --out path`,
  outIsInput: (path: string) => `--out ${path} is a file this run reads, and writing there would overwrite it. Name another file for --out`,
  notAFolder: (path: string, folder: string) => `cannot write ${path}: ${folder} is a file, not a folder. Choose another --out path`,
  cannotMakeFolder: (path: string, folder: string, code: string) =>
    `cannot write ${path}: cannot make the folder ${folder} (${code}). Choose an --out path in a folder you can write to`,
  /** `problem` is the engine's ("is 6 MB, over the 5 MB limit"); a file's hint would say to split the file. */
  stdinFromTerminal: () => 'reading standard input from the terminal: type or paste the text, then press Ctrl+D (Ctrl+Z, Enter on Windows); Ctrl+C stops',
  stdinTooLarge: (name: string, problem: string) => `${name}: ${problem}. Pipe less text at a time, or save it in smaller files and name those instead`,
  documentsProgress: (done: number, total: number, seconds: number) => `${done} of ${plural(total, 'document')} checked after ${seconds} s`,
  // ---- eval (cli/eval.ts, core/eval.ts) ----
  /** What eval's terminal progress counts: "[3/10] rows". */
  rowsLabel: () => 'rows',
  rowsProgress: (done: number, total: number, seconds: number) => `${done} of ${plural(total, 'row')} graded after ${seconds} s`,
  noRowRead: () => 'no row could be read (see the messages above)',
  dataNotRead: (files: number) =>
    `${files === 1 ? 'a data file' : `${files} data files`} could not be read (see above); the rows of the others were graded`,
  linesNotRead: (lines: number) =>
    `${lines === 1 ? 'a line' : `${lines} lines`} of the data could not be read as a row (see above); the other rows were graded`,
  notJsonLine: (where: string) => `${where}: not valid JSON. Fix or remove the line`,
  badRow: (where: string, what: 'notObject' | 'id' | 'response' | 'reference') =>
    `${where}: ${
      {
        notObject: 'a row must be a JSON object',
        id: '"id" must be a string or a number',
        response: '"response" must be a string',
        reference: '"reference" must be a string or a non-empty list of strings',
      }[what]
    }. Fix or remove the row`,
  badLabel: (where: string, label: string) => `${where}: label ${label} is not "supported", "unsupported" or "contradicted"; the row is graded but not measured`,
  rowsGraded: (graded: number, total: number, grader: string, requests: number, promptTokens: number, completionTokens: number, unread: number) => {
    const skipped = unread ? `; ${plural(unread, 'line')} not read (see the messages above)` : '';
    return `${graded} of ${plural(total, 'row')} graded ${EN_GRADER_USED({ grader, requests, promptTokens, completionTokens })}${skipped}`;
  },
  rowsNotGraded: (failed: number, total: number, reason: string) => `${failed} of ${plural(total, 'row')} not graded: ${reason}; ${failed === 1 ? 'it is' : 'they are'} left out of the predictions and the metrics`,
  gaveUpRows: (after: number, untried: number) => `gave up after ${after} rows in a row failed the same way; ${untried} ${untried === 1 ? 'row was' : 'rows were'} not tried`,
  noRowGraded: () => 'no row could be graded, so there are no metrics (see the reason above)',
  /** The metrics table (core/eval.ts formatMetrics): labels padded to the same display width. */
  metricsHead: (dataset: string, rows: number, balancedAccuracy: string) => `${dataset}: ${plural(rows, 'row')}, balanced accuracy ${balancedAccuracy}%`,
  metricsClass: { supported: 'supported', unsupported: 'unsupported' } as Record<'supported' | 'unsupported', string>,
  metricsConfusion: () => 'confusion (rows gold, columns predicted)',
  metricsColumns: { supported: 'sup', unsupported: 'uns' } as Record<'supported' | 'unsupported', string>,
  /** The heading of the table over every dataset together, after one table per dataset. */
  metricsAll: () => 'all',
  // ---- Flags and the grader (cli/args.ts, cli/grader.ts, cli/main.ts) ----
  seeHelp: (message: string) => `${message}. See claimcheck --help`,
  unknownCommand: (command: string) => `unknown command '${command}'. Use 'claimcheck check' or 'claimcheck eval' (see claimcheck --help)`,
  noDocument: (refsTookThem: boolean) =>
    `no document to check${refsTookThem ? ' (--refs takes every argument after it: put the documents first, or end the references with --)' : ''}. Usage: claimcheck check <file|folder|glob|->... --refs <file|folder|glob>...`,
  noDataFile: () => 'no data file. Usage: claimcheck eval <file|folder|glob|->... [--out predictions.jsonl] [options] (see --help)',
  stdinAsReference: () => 'standard input (-) can be a document to check, not a reference: save the references to files and name them in --refs',
  /** What to name instead depends on what the flag takes: --out a file to write (or - for stdout), --config the file to read. */
  emptyPath: (flag?: string) =>
    `${flag ? `the path given to ${flag}` : 'a path on the command line'} is empty (a shell variable left unset?): ${
      flag === '--out' ? 'name the file to write, or - for standard output' : flag === '--config' ? 'name the config file to read' : 'name the file, folder or glob you mean'
    }`,
  stdinTwice: () => 'standard input (- or /dev/stdin) is named more than once, and it can be read only once: name it once',
  /** Said through seeHelp, as parseArgs's own messages are. */
  needsValue: (option: string) => `option '${option}' needs a value`,
  unknownOption: (option: string) => `unknown option '${option}'`,
  takesNoValue: (option: string) => `option '${option}' takes no value`,
  maxRequests: (value: string) => `--max-requests must be a whole number (0 for no limit), not '${value}'`,
  timeout: (value: string) => `--timeout must be a number of seconds above 0, not '${value}'`,
  timeoutTooLong: (max: number, value: string) => `--timeout can be at most ${max} seconds (about 24 days), not '${value}'`,
  oneOf: (flag: string, allowed: readonly string[], value: string) => `${flag} must be one of ${allowed.join(', ')}, not '${value}'`,
  badBaseURL: (source: string, problem: string) => `${source} ${problem}`,
  unusedFlags: (flags: readonly string[]) =>
    `${flags.join(', ')} ${flags.length === 1 ? 'has' : 'have'} no effect with the offline grader; add --grader openai to use an LLM endpoint`,
  keyForConfigEndpoint: (url: string) =>
    `.claimcheck.json names ${url} as the grader endpoint, and OPENAI_API_KEY is sent only to an endpoint you name yourself: pass --base-url ${url} (or set OPENAI_BASE_URL) to send it there`,
  keyMissing: (url: string) =>
    `the openai grader needs an API key for ${url}: set OPENAI_API_KEY in the environment (a server on this machine needs none; for a server elsewhere that needs none, any value will do)`,
  keyHint: (reason: string) => `${reason}; set OPENAI_API_KEY to a key it accepts`,
  coverageNotInSarif: () => '--coverage has no effect with --format sarif, which has no place for it; use --format json or text to see it',
  note: (message: string) => `note: ${message}`,
  // ---- The grader's notices (graders/openai, cache.ts): the CLI's note lines, the editor's log ----
  cacheUnreadable: (file: string, detail: string) => `cache file ${file} is unreadable (${detail}); starting an empty cache`,
  cacheNotWritten: (detail: string) => `cannot write the cache: ${detail}`,
  retrying: (rateLimited: boolean, seconds: number) => `${rateLimited ? 'rate limited (429)' : 'the endpoint failed'}; retrying in ${seconds} s`,
  formatFallback: (rejected: string, using: string) => `the endpoint rejected response_format ${rejected}; using ${using} from now on`,
  batchFailed: (claims: number, reason: string) => `batch of ${plural(claims, 'claim')} failed: ${reason}`,
  followUpFailed: (claims: number, reason: string) => `follow-up for ${plural(claims, 'claim')} failed: ${reason}`,
  atomicFailed: (sentences: number, reason: string) => `atomic decomposition failed for ${plural(sentences, 'sentence')} (${reason}); checking ${sentences === 1 ? 'it' : 'them'} whole`,
  /** Said through seeHelp: `claimcheck --version extra`. */
  takesNoArgument: (command: string, argument: string) => `${command} takes no arguments, not '${argument}'`,
  unknownHelpTopic: (topic: string) => `there is no help on '${topic}': use claimcheck --help, claimcheck --help check or claimcheck --help eval`,
};

export type Messages = typeof EN;

const JA_CLASS = { supported: '根拠あり', unsupported: '根拠なし' };

const JA: Messages = {
  evidence: (at) => `[根拠: ${at}]`,
  summary: (s) => {
    // Joined as rowsGraded's are: 、 within the brackets, 。 between sentences; no ASCII "; ".
    const problems = s.problems ? `。問題 ${s.problems} 件 (上記参照)` : '';
    return `${s.files} ファイル、主張 ${s.claims} 件: 根拠あり ${s.supported}、矛盾 ${s.contradicted}、根拠なし ${s.unsupported} ${JA_GRADER_USED(s)}${problems}`;
  },
  coverage: (path, covered, statements, percent, skipped) =>
    `${path}: カバレッジ: 参照文書の記述 ${statements} 件のうち ${covered} 件に触れています (${percent}%)${skipped ? ` (ほかに ${skipped} 件は未読)` : ''}`,
  leftOut: (path, partly, statement) => `${path} が${partly ? '一部だけ触れている' : '触れていない'}記述: ${statement}`,
  notJudged: (failed, total, reason) => `主張 ${total} 件中 ${failed} 件は判定器が判定できませんでした: ${reason}`,
  // Each ends in 。, which needs no space after it.
  sentences: (parts) => parts.join(''),
  alsoReference: (path) => `${path}: 参照文書の一つなのでチェックしません。--refs か文書のどちらか一方に指定してください`,
  directiveReference: (path) => `${path}: 文書の claimcheck: references= ディレクティブが参照文書に指定しているため、参照文書として読み、チェックしません。チェックするにはコマンドラインで指定してください`,
  referenceLeftOut: (path) => `${path}: 参照文書の一つなので、文書としてはチェックしません`,
  outLeftOut: (path) => `${path}: --out が書き込むファイル (前回の実行の出力) なので読みません`,
  outsideRun: (path) => `${path}: claimcheck を実行しているフォルダーの外にあります。読むには --refs に指定してください (文書のディレクティブ、.claimcheck.json、リンクからはフォルダーの外を指せません)`,
  gaveUp: (after, reason, untried) => `${after} 件続けて文書を判定できなかったため中止しました (${reason})。未チェックの文書 ${untried} 件`,
  interruptedAfter: (done, total) => `文書 ${total} 件中 ${done} 件で中断しました`,
  interrupted: () => '中断しました',
  nothingChecked: () => 'チェックできたものがありません (上記のメッセージを参照)',
  namedNothing: (paths) => `文書または参照文書のパス ${paths} 件が、使えるものを指していません (上記参照)。ほかはチェックしました`,
  namedNotChecked: (documents) => `コマンドラインで指定した文書 ${documents} 件をチェックできませんでした (上記参照)。ほかはチェックしました`,
  cannotWrite: (path, code) => `${path} に書き込めません (${code})。書き込めるファイルのパスか確認してください`,
  outIsFolder: (path) => `--out の ${path} はフォルダーです。書き込むファイルを指定してください`,
  outIsReadOnly: (path) => `${path} に書き込めません: 読み取り専用です。書き込めるようにするか、--out に別のパスを指定してください`,
  outIsInput: (path) => `--out の ${path} はこの実行で読むファイルです。書き込むと上書きしてしまうので、--out には別のファイルを指定してください`,
  notAFolder: (path, folder) => `${path} に書き込めません: ${folder} はフォルダーではなくファイルです。--out に別のパスを指定してください`,
  cannotMakeFolder: (path, folder, code) => `${path} に書き込めません: フォルダー ${folder} を作れません (${code})。--out には書き込めるフォルダーの中のパスを指定してください`,
  stdinFromTerminal: () => '端末から標準入力を読んでいます。テキストを入力するか貼り付けて、Ctrl+D (Windows では Ctrl+Z のあと Enter) を押してください。Ctrl+C で中止します',
  stdinTooLarge: (name, problem) => `${name}: ${problem}。一度に渡すテキストを減らすか、小さなファイルに分けて保存し、それらを指定してください`,
  documentsProgress: (done, total, seconds) => `${seconds} 秒経過: 文書 ${total} 件中 ${done} 件をチェック済み`,
  rowsLabel: () => '行',
  rowsProgress: (done, total, seconds) => `${seconds} 秒経過: ${total} 行中 ${done} 行を判定済み`,
  noRowRead: () => '読み込めた行がありません (上記のメッセージを参照)',
  dataNotRead: (files) => `データファイル ${files} 件を読めませんでした (上記参照)。ほかのファイルの行は判定しました`,
  linesNotRead: (lines) => `データのうち ${lines} 行を読み込めませんでした (上記参照)。ほかの行は判定しました`,
  notJsonLine: (where) => `${where}: JSON として正しくありません。行を修正するか削除してください`,
  badRow: (where, what) =>
    `${where}: ${
      {
        notObject: '行は JSON オブジェクトでなければなりません',
        id: '"id" は文字列か数値でなければなりません',
        response: '"response" は文字列でなければなりません',
        reference: '"reference" は文字列か、空でない文字列のリストでなければなりません',
      }[what]
    }。行を修正するか削除してください`,
  badLabel: (where, label) => `${where}: ラベル ${label} は "supported"、"unsupported"、"contradicted" のいずれでもありません。この行は判定しますが、指標には含めません`,
  rowsGraded: (graded, total, grader, requests, promptTokens, completionTokens, unread) => {
    const skipped = unread ? `。読み込めなかった行 ${unread} 行 (上記のメッセージを参照)` : '';
    return `${total} 行中 ${graded} 行を判定しました ${JA_GRADER_USED({ grader, requests, promptTokens, completionTokens })}${skipped}`;
  },
  rowsNotGraded: (failed, total, reason) => `${total} 行中 ${failed} 行は判定できませんでした: ${reason}。予測と指標から除きました`,
  gaveUpRows: (after, untried) => `${after} 行続けて同じ理由で失敗したため中止しました。未実行 ${untried} 行`,
  noRowGraded: () => '判定できた行がないため、指標はありません (上記の理由を参照)',
  metricsHead: (dataset, rows, balancedAccuracy) => `${dataset}: ${rows} 行、バランス精度 ${balancedAccuracy}%`,
  metricsClass: JA_CLASS,
  metricsConfusion: () => '混同行列 (行: 正解、列: 予測)',
  metricsColumns: JA_CLASS,
  metricsAll: () => '全体',
  seeHelp: (message) => `${message} (claimcheck --help を参照)`,
  unknownCommand: (command) => `不明なコマンド '${command}' です。'claimcheck check' か 'claimcheck eval' を使ってください (claimcheck --help を参照)`,
  noDocument: (refsTookThem) =>
    `チェックする文書がありません${refsTookThem ? ' (--refs はその後の引数をすべて受け取ります: 文書を先に書くか、参照文書の後に -- を置いてください)' : ''}。使い方: claimcheck check <file|folder|glob|->... --refs <file|folder|glob>...`,
  noDataFile: () => 'データファイルがありません。使い方: claimcheck eval <file|folder|glob|->... [--out predictions.jsonl] [options] (--help を参照)',
  stdinAsReference: () => '標準入力 (-) はチェックする文書にはできますが、参照文書にはできません。参照文書はファイルに保存して --refs に指定してください',
  emptyPath: (flag) =>
    `${flag ? `${flag} に指定したパス` : 'コマンドラインのパスの一つ'}が空です (シェル変数が未設定?)。${
      flag === '--out' ? '書き込むファイルを指定してください (標準出力なら -)' : flag === '--config' ? '読む設定ファイルを指定してください' : 'ファイル、フォルダー、グロブを指定してください'
    }`,
  stdinTwice: () => '標準入力 (- または /dev/stdin) が 2 回以上指定されていますが、読めるのは 1 回だけです。1 回だけ指定してください',
  needsValue: (option) => `オプション '${option}' には値が必要です`,
  unknownOption: (option) => `不明なオプション '${option}' です`,
  takesNoValue: (option) => `オプション '${option}' は値を取りません`,
  maxRequests: (value) => `--max-requests は整数でなければなりません (0 で無制限)。'${value}' は使えません`,
  timeout: (value) => `--timeout は 0 より大きい秒数でなければなりません。'${value}' は使えません`,
  timeoutTooLong: (max, value) => `--timeout は最大 ${max} 秒 (約 24 日) までです。'${value}' は使えません`,
  oneOf: (flag, allowed, value) => `${flag} は ${allowed.join('、')} のいずれかでなければなりません。'${value}' は使えません`,
  badBaseURL: (source, problem) => `${source} は ${problem}`,
  unusedFlags: (flags) => `${flags.join('、')} はオフライン判定器では効果がありません。LLM のエンドポイントを使うには --grader openai を付けてください`,
  keyForConfigEndpoint: (url) =>
    `.claimcheck.json が判定器のエンドポイントに ${url} を指定していますが、OPENAI_API_KEY は自分で指定したエンドポイントにだけ送ります。そこへ送るには --base-url ${url} を指定してください (または OPENAI_BASE_URL を設定してください)`,
  keyMissing: (url) =>
    `openai 判定器には ${url} の API キーが必要です。環境変数 OPENAI_API_KEY を設定してください (このマシン上のサーバーには不要です。キーの要らないほかのサーバーには、どんな値でもかまいません)`,
  keyHint: (reason) => `${reason}。受け付けられるキーを OPENAI_API_KEY に設定してください`,
  coverageNotInSarif: () => '--format sarif には --coverage を載せる場所がないため、効果がありません。見るには --format json か text を使ってください',
  note: (message) => `注: ${message}`,
  cacheUnreadable: (file, detail) => `キャッシュファイル ${file} を読めません (${detail})。空のキャッシュで始めます`,
  cacheNotWritten: (detail) => `キャッシュを書き込めません: ${detail}`,
  retrying: (rateLimited, seconds) => `${rateLimited ? 'レート制限されました (429)' : 'エンドポイントでエラーが発生しました'}。${seconds} 秒後に再試行します`,
  formatFallback: (rejected, using) => `エンドポイントが response_format ${rejected} を受け付けませんでした。以後は ${using} を使います`,
  batchFailed: (claims, reason) => `主張 ${claims} 件のバッチが失敗しました: ${reason}`,
  followUpFailed: (claims, reason) => `主張 ${claims} 件の再質問が失敗しました: ${reason}`,
  atomicFailed: (sentences, reason) => `文 ${sentences} 件を原子的な主張に分けられませんでした (${reason})。文のままチェックします`,
  takesNoArgument: (command, argument) => `${command} は引数を取りません。'${argument}' は使えません`,
  unknownHelpTopic: (topic) => `'${topic}' のヘルプはありません。claimcheck --help、claimcheck --help check、claimcheck --help eval のいずれかを使ってください`,
};

const MESSAGES: Record<ReasonLanguage, Messages> = { en: EN, ja: JA };

/** The CLI's and the text report's words in `language`. */
export function messages(language: ReasonLanguage = 'en'): Messages {
  return MESSAGES[language];
}

/** Columns a terminal gives `text`: two for East Asian wide characters, so Japanese labels line up. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** `text` padded with spaces to `width` terminal columns (on the left with `start`). */
export function padWidth(text: string, width: number, start = false): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return start ? pad + text : text + pad;
}
