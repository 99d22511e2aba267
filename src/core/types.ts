// The engine's public vocabulary. Editor-neutral: offsets, codes, evidence locations.

export type Verdict = 'supported' | 'contradicted' | 'unsupported';

/** The language of the offline grader's reasons (the UI's language in the editor, `--lang` in the CLI). */
export type ReasonLanguage = 'en' | 'ja';

export const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'unsupported'];

/** Diagnostic codes, public: users and the SARIF report rely on them. */
export type FindingCode = 'claim.contradicted' | 'claim.unsupported';

/** A checkable statement, with UTF-16 offsets into the original text: `text.slice(start, end) === claim.text`. */
export interface Claim {
  text: string;
  start: number;
  end: number;
  /**
   * Small talk, a question or a list introduction stands between the previous claim (or the start) and
   * this one, and was dropped ("Oh sure. It is...", "Here is a summary:"). Headings do not count.
   */
  afterSmallTalk?: boolean;
}

/** A chunk of a reference document that retrieval can return and a grader can cite. */
export interface Passage {
  /** Stable id, unique within one reference set: `${source}#${index}`. */
  id: string;
  /** Path of the reference file as the user named it (relative to the working folder where possible). */
  source: string;
  /** 1-based line in the source file where the passage text starts. */
  line: number;
  text: string;
}

/** The 1-based line of `passage.text[offset]` in its source file: the passage's line plus the newlines before it. */
export function lineIn(passage: Pick<Passage, 'line' | 'text'>, offset: number): number {
  let line = passage.line;
  for (let i = passage.text.indexOf('\n'); i >= 0 && i < offset; i = passage.text.indexOf('\n', i + 1)) line++;
  return line;
}

export interface ScoredPassage {
  passage: Passage;
  score: number;
}

/** A verbatim quote from a reference, with where it stands. */
export interface Evidence {
  source: string;
  /** 1-based line of the quote in the source file. */
  line: number;
  quote: string;
  passageId?: string;
}

/** An edit the user may apply to the claim: replace `claim.text.slice(start, end)` by `text`. */
export interface ClaimFix {
  start: number;
  end: number;
  text: string;
  /** The replaced and the new text as read, where the written ones differ by markup or white space ("**900** metres"). */
  said?: { from: string; to: string };
}

export interface Judgement {
  verdict: Verdict;
  /** Confidence in `verdict`, 0..1. */
  confidence: number;
  evidence: Evidence[];
  /** One line a reader can act on, e.g. "reference says top 10%, claim says top 1%". */
  reason: string;
  /** True when the grader could not judge the claim (timeout, bad answer...); the verdict is then `unsupported`. */
  failed?: boolean;
  /** Where the reference gives another value for a number or date: the replacement, relative to the claim text. */
  fix?: ClaimFix;
}

export interface GradeRequest {
  claim: Claim;
  /** Retrieved passages, best first. */
  passages: ScoredPassage[];
}

export interface GraderInfo {
  id: 'offline' | 'openai';
  model?: string;
}

export interface GraderUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

/** Both graders implement this. `grade` returns one judgement per request, in the same order. */
export interface Grader {
  readonly info: GraderInfo;
  grade(requests: readonly GradeRequest[], signal?: AbortSignal): Promise<Judgement[]>;
  /** Requests and tokens spent so far (zero for the offline grader). */
  usage(): GraderUsage;
  /** Graders that can split sentences into atomic claims (the OpenAI grader with `atomic`) offer this: the atomic claims of each claim given, in order. */
  decompose?(claims: readonly Claim[], signal?: AbortSignal): Promise<Claim[][]>;
  /** Claims to a request, for a grader that sends several in one (the OpenAI grader): a run joins small documents' calls to fill them. */
  readonly batchSize?: number;
}

export interface Finding extends Claim, Judgement {}

export function codeForVerdict(verdict: Verdict): FindingCode | undefined {
  if (verdict === 'contradicted') return 'claim.contradicted';
  if (verdict === 'unsupported') return 'claim.unsupported';
  return undefined;
}

/** Probability that a claim is not supported, from its judgement. */
export function notSupportedScore(j: Pick<Judgement, 'verdict' | 'confidence'>): number {
  return j.verdict === 'supported' ? 1 - j.confidence : j.confidence;
}
