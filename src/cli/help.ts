// What `claimcheck --help` prints, in each language of --lang; kept beside the parser so the two change together.
import type { ReasonLanguage } from '../core/types';

const EN = `Usage:
  claimcheck check <file|folder|glob|->... --refs <file|folder|glob>... [options]
  claimcheck eval <file|folder|glob|->... [--out predictions.jsonl] [options]
  claimcheck --help | --version

check: finds the claims in each document and grades them against the references; the document -
  is read from standard input (<stdin> in the report), as in: my-llm | claimcheck check - --refs refs
  --refs, -r PATH...      reference files, folders or globs (every argument up to the next option);
                          default: "references" in .claimcheck.json
  --format, -f FORMAT     text (default), json or sarif
  --fail-on LEVEL         exit 1 when a claim is at or above LEVEL: contradicted, unsupported
                          (default) or none
  --out, -o FILE          write the report to FILE instead of stdout (its folder is made if need be;
                          - and /dev/stdout are stdout)
  --coverage              also list the statements of the references each document leaves out
                          (text: a note line each; json: "coverage" per file; not in SARIF)

eval: grades each JSONL row's "response" against its "reference" and writes one prediction per row
  (to --out, else stdout; a folder gives its .jsonl files, the data file - is standard input); rows
  with "label" give balanced accuracy, per-class F1 and a confusion matrix per "dataset" (on stdout
  with --out, else stderr).

options of check and eval:
  --grader KIND           offline (default: no key, no network) or openai (any OpenAI-compatible
                          endpoint; key from OPENAI_API_KEY)
  --model NAME            model for the openai grader (default: grader.model in .claimcheck.json,
                          else gpt-4o-mini)
  --base-url URL          endpoint (default: OPENAI_BASE_URL, then grader.baseURL in .claimcheck.json,
                          else OpenAI); a server on localhost needs no key
  --max-requests N        stop sending requests after N (the rest are reported as not graded; 0: no limit)
  --timeout S             give up on one request after S seconds (default 30; two retries follow)
  --no-cache              do not read or write .claimcheck/cache.json
  --config FILE           project configuration (default: .claimcheck.json in the current folder)
  --lang en|ja            language of the reasons (the offline grader's, and what an LLM grader is
                          asked for) and of every message (default en; LANG is not read)

Folders expand to .md, .markdown and .txt files; reference files are never checked as documents.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it or claims the grader could
not judge (eval: rows it could not grade), 2 usage or input error, or no document could be checked
(eval: a data file could not be read or holds a line that is not a row, or no row could be graded);
130 when interrupted with Ctrl+C, 143 when stopped by SIGTERM (the partial report is still written).
`;

const JA = `使い方:
  claimcheck check <file|folder|glob|->... --refs <file|folder|glob>... [オプション]
  claimcheck eval <file|folder|glob|->... [--out predictions.jsonl] [オプション]
  claimcheck --help | --version

check: 各文書の主張を見つけ、参照文書と照合して判定します。文書 - は標準入力から読みます
  (レポートでの名前は <stdin>。例: my-llm | claimcheck check - --refs refs)
  --refs, -r PATH...      参照文書のファイル、フォルダー、グロブ (次のオプションまでの引数すべて)。
                          既定: .claimcheck.json の "references"
  --format, -f FORMAT     text (既定)、json、sarif のいずれか
  --fail-on LEVEL         LEVEL 以上の主張があれば終了コード 1: contradicted、unsupported (既定)、
                          none のいずれか
  --out, -o FILE          レポートを標準出力ではなく FILE に書きます (フォルダーがなければ作ります。
                          - と /dev/stdout は標準出力)
  --coverage              各文書が触れていない参照文書の記述も示します
                          (text: 1 件 1 行の note、json: ファイルごとの "coverage"、SARIF にはなし)

eval: JSONL の各行の "response" を "reference" と照合し、1 行に 1 件の予測を書きます
  (--out があればそこへ、なければ標準出力へ。フォルダーはその中の .jsonl ファイルを読み、
  データファイル - は標準入力)。"label" のある行からは、"dataset" ごとにバランス精度、クラスごとの
  F1、混同行列を示します (--out があれば標準出力、なければ標準エラー出力)。

check と eval のオプション:
  --grader KIND           offline (既定: キーもネットワークも不要) か openai (OpenAI 互換の
                          エンドポイント。キーは OPENAI_API_KEY から)
  --model NAME            openai 判定器のモデル (既定: .claimcheck.json の grader.model、
                          なければ gpt-4o-mini)
  --base-url URL          エンドポイント (既定: OPENAI_BASE_URL、次に .claimcheck.json の
                          grader.baseURL、なければ OpenAI)。localhost のサーバーにはキー不要
  --max-requests N        N 件でリクエストを止めます (残りは未判定として報告。0: 無制限)
  --timeout S             1 件のリクエストを S 秒で打ち切ります (既定 30。再試行は 2 回)
  --no-cache              .claimcheck/cache.json を読み書きしません
  --config FILE           プロジェクトの設定 (既定: 現在のフォルダーの .claimcheck.json)
  --lang en|ja            理由 (オフライン判定器の理由と、LLM 判定器に求める理由) とすべての
                          メッセージの言語 (既定 en。LANG は読みません)

フォルダーは .md、.markdown、.txt のファイルに展開します。参照文書は文書としてはチェックしません。
終了コード: 0 --fail-on 以上の主張なし、1 --fail-on 以上の主張か判定器が判定できなかった主張あり
(eval: 判定できなかった行あり)、2 使い方か入力の誤り、またはチェックできた文書なし
(eval: 読めないデータファイルか行として読めない行あり、または判定できた行なし)。
Ctrl+C で中断したときは 130、SIGTERM で止めたときは 143 (途中までのレポートは出力します)。
`;

export const USAGE: Record<ReasonLanguage, string> = { en: EN, ja: JA };
