// The pipeline: claims → retrieval → grader → findings. Everything the CLI and the extension do goes through here.
import { createHash } from 'node:crypto';
import { extractClaims, type TextFormat } from './claims';
import { throwIfAborted } from './errors';
import { pauser } from './pause';
import { decomposeClaims } from './graders';
import { PassageIndex } from './retrieval';
import { citationDefinitions, citedLabels, sourcesFor, withinDefinitions, withoutMarkers, type CitationDefinition } from './claims/citations';
import type { Claim, Finding, GradeRequest, Grader, Judgement, Passage, ReasonLanguage } from './types';

export const DEFAULT_TOP_K = 5;

export interface CheckOptions {
  grader: Grader;
  format?: TextFormat;
  /** Check only the claims inside this UTF-16 range (a selection). */
  range?: { start: number; end: number };
  topK?: number;
  signal?: AbortSignal;
  /** Hashes (see `claimHash`) of claims the user accepted: they are not graded. */
  accepted?: ReadonlySet<string>;
  /** Language of the reasons ClaimCheck itself writes (a wrong citation's); the grader's are its own. */
  language?: ReasonLanguage;
}

/** Builds the search index over reference passages once; reuse it for every document of a run. */
export function indexReferences(passages: readonly Passage[]): PassageIndex {
  return new PassageIndex(passages);
}

/** Checks one document's text against an index of reference passages. */
export async function checkText(text: string, index: PassageIndex, options: CheckOptions): Promise<Finding[]> {
  throwIfAborted(options.signal);
  const topK = options.topK ?? DEFAULT_TOP_K;
  const found = claimsToCheck(text, options);
  // Graders that can split sentences into atomic claims (the OpenAI grader with `atomic`) do so here;
  // others return the sentences unchanged.
  const claims = await decomposeClaims(found.claims, options.grader, options.signal);
  const { requests, cites } = await searchFor(text, { claims, definitions: found.definitions }, index, topK, options.signal);
  // One grade call for the document lets the OpenAI grader fill every request; the offline grader pauses
  // between claims like the search.
  const judgements = await options.grader.grade(requests, options.signal);
  // A claim its cited reference does not support may be supported by another: then the citation is wrong.
  const miscited = (i: number, other: Judgement): void => {
    if (other.verdict !== 'supported' || other.failed) return;
    const where = [...new Set(other.evidence.map((e) => e.source))].join(', ');
    judgements[i] = { verdict: 'unsupported', confidence: other.confidence, evidence: other.evidence, reason: MISCITED[options.language ?? 'en'](cites[i]!.named, where) };
  };
  // Graded against all references already (the cited one says nothing related): supported there is miscited.
  cites.forEach((c, i) => c?.unrelated && miscited(i, judgements[i]!));
  const recheck = claims.flatMap((_, i) => (cites[i] && !cites[i].unrelated && judgements[i]!.verdict !== 'supported' && !judgements[i]!.failed ? [i] : []));
  if (recheck.length) {
    const second = await options.grader.grade(
      recheck.map((i) => ({ claim: requests[i]!.claim, passages: index.search(requests[i]!.claim.text, topK) })),
      options.signal,
    );
    recheck.forEach((i, k) => {
      const other = second[k]!;
      if (other.verdict === 'supported') miscited(i, other);
      // Unsupported by its citation, and by the rest: judged as usual, against all references (their
      // contradiction and its fix), unless the cited reference itself says otherwise.
      else if (judgements[i]!.verdict !== 'contradicted' && !other.failed) judgements[i] = other;
    });
  }
  return claims.map((claim, i) => ({ ...claim, ...judgements[i]! }));
}

/** The claims of a text to check, and its citation definitions. */
export interface FoundClaims {
  claims: Claim[];
  definitions: CitationDefinition[];
}

/** A text's claims, less those the user accepted and the definitions of its citations ("[^1]: references/fuji.md"). */
export function claimsToCheck(text: string, options: Pick<CheckOptions, 'format' | 'range' | 'accepted'>): FoundClaims {
  const definitions = citationDefinitions(text);
  const claims = extractClaims(text, { format: options.format ?? 'markdown', range: options.range }).filter(
    (c) => !options.accepted?.has(claimHash(c.text)) && !withinDefinitions(text, c.start, c.end, definitions),
  );
  return { claims, definitions };
}

/**
 * What the grader is asked: each claim (its citation markers blanked: "[1]" is no number of the claim's) with
 * its passages, from the references it cites where they say anything related, else from all of them. Searched claim
 * by claim with pauses: a long document must not hold an editor's extension host.
 */
export async function searchFor(text: string, found: FoundClaims, index: PassageIndex, topK = DEFAULT_TOP_K, signal?: AbortSignal): Promise<{ requests: GradeRequest[]; cites: (Cited | undefined)[] }> {
  const pause = pauser();
  const cites = citations(text, found.claims, found.definitions, index);
  const labels = new Set(found.definitions.map((d) => d.label));
  const requests: GradeRequest[] = [];
  for (const [i, original] of found.claims.entries()) {
    await pause(signal);
    const claim = { ...original, text: withoutMarkers(original.text, labels) };
    const cited = cites[i] ? index.search(claim.text, topK, cites[i].sources) : [];
    if (cites[i] && !cited.length) cites[i] = { ...cites[i], unrelated: true };
    requests.push({ claim, passages: cited.length ? cited : index.search(claim.text, topK) });
  }
  return { requests, cites };
}

/** What a claim cites: the reference files (as passages name them), and how the answer named them. */
export interface Cited {
  sources: ReadonlySet<string>;
  named: string;
  /** The cited references say nothing related: the claim was searched in all of them. */
  unrelated?: boolean;
}

/** Per claim, the loaded references it cites (undefined: none, or none that is loaded). */
function citations(text: string, claims: readonly Claim[], definitions: readonly CitationDefinition[], index: PassageIndex): (Cited | undefined)[] {
  if (!definitions.length) return claims.map(() => undefined);
  const loaded = new Set(index.passages.map((p) => p.source));
  const byLabel = new Map(definitions.map((d) => [d.label, d]));
  return claims.map((claim) => {
    const labels = citedLabels(text, claim).filter((l) => byLabel.has(l));
    const sources = new Set(labels.flatMap((l) => sourcesFor(byLabel.get(l)!.target, loaded)));
    return sources.size ? { sources, named: labels.map((l) => `[${l}] ${byLabel.get(l)!.target}`).join(', ') } : undefined;
  });
}

const MISCITED: Record<ReasonLanguage, (cited: string, found: string) => string> = {
  en: (cited, found) => `the cited reference (${cited}) does not support this, but ${found} does: cite that instead`,
  ja: (cited, found) => `引用元（${cited}）にはこの記述の根拠がありませんが、${found} にはあります。引用元を直してください`,
};

/** A short, stable hash of a claim's text (whitespace-normalised): accepted claims stay quiet until their text changes. */
export function claimHash(claimText: string): string {
  return createHash('sha256').update(claimText.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}
