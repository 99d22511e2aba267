// What `claimcheck --help` prints; kept beside the parser so the two change together.
export const USAGE = `Usage:
  claimcheck check <file|folder|glob>... --refs <file|folder|glob>... [options]
  claimcheck eval <data.jsonl> [--grader offline|openai] [--out predictions.jsonl]
  claimcheck --help | --version

check: finds the claims in each document and grades them against the references.
  --refs, -r PATH...      reference files, folders or globs (every argument up to the next option);
                          default: "references" in .claimcheck.json
  --format, -f FORMAT     text (default), json or sarif
  --fail-on LEVEL         exit 1 when a claim is at or above LEVEL: contradicted, unsupported
                          (default) or none
  --out, -o FILE          write the report to FILE instead of stdout
  --coverage              also list the statements of the references each document leaves out
                          (text: a note line each; json: "coverage" per file; not in SARIF)
  --config FILE           project configuration (default: .claimcheck.json in the current folder)

eval: grades each JSONL row's "response" against its "reference" and writes one prediction per row
  (to --out, else stdout); rows with "label" give balanced accuracy, per-class F1 and a confusion
  matrix per "dataset" (on stdout with --out, else stderr).

grader options (check and eval):
  --grader KIND           offline (default: no key, no network) or openai (any OpenAI-compatible
                          endpoint; key from OPENAI_API_KEY)
  --model NAME            model for the openai grader (default: grader.model in .claimcheck.json)
  --base-url URL          endpoint (default: OPENAI_BASE_URL, then grader.baseURL in .claimcheck.json,
                          else OpenAI); a server on localhost needs no key
  --max-requests N        stop sending requests after N (the rest are reported as not graded; 0: no limit)
  --timeout S             give up on one request after S seconds (default 30; two retries follow)
  --no-cache              do not read or write .claimcheck/cache.json
  --lang en|ja            language of the reasons: the offline grader's, and what an LLM grader is asked for (default en)

Folders expand to .md, .markdown and .txt files; reference files are never checked as documents.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it or claims the grader could
not judge (eval: rows it could not grade), 2 usage or input error, or no document could be checked
(eval: no row could be graded) (130 when interrupted with Ctrl+C).
`;
