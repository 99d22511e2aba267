// Citation-aware checking, the pipeline's part: which loaded references each claim cites, and the verdict of a
// claim its citation does not support (check.ts searches the cited references first; claims/citations.ts
// reads the markers and definitions).
import type { PassageIndex } from './retrieval';
import { citedLabels, namedLike, sourcesFor, type CitationDefinition } from './claims/citations';
import type { Claim, GradeRequest, Grader, Judgement, ReasonLanguage } from './types';

/** What a claim cites: the reference files (as passages name them), and how the answer named them. */
export interface Cited {
  sources: ReadonlySet<string>;
  named: string;
  /** One definition and the file it matched: how this document names its references. */
  example: { target: string; source: string };
  /** The cited references say nothing related: the claim was searched in all of them. */
  unrelated?: boolean;
}

/**
 * Per claim, the loaded references it cites (undefined: none, or none that is loaded). Markers are read from the
 * sentence a claim stands in (`sentences`, before atomic decomposition): an atomic claim ends before them.
 */
export function citations(
  text: string,
  claims: readonly Claim[],
  definitions: readonly CitationDefinition[],
  index: PassageIndex,
  sentences: readonly Claim[] = claims,
): (Cited | undefined)[] {
  if (!definitions.length) return claims.map(() => undefined);
  const loaded = loadedSources(index);
  const byLabel = new Map(definitions.map((d) => [d.label, d]));
  // Claims and sentences are both in document order: one walk finds each claim's sentence.
  let j = 0;
  return claims.map((claim) => {
    while (j < sentences.length && sentences[j]!.end < claim.end) j++;
    const s = sentences[j];
    const sentence = s && s.start <= claim.start && claim.end <= s.end ? s : claim;
    const labels = citedLabels(text, sentence).filter((l) => byLabel.has(l));
    const matched = labels.map((l) => ({ target: byLabel.get(l)!.target, found: sourcesFor(byLabel.get(l)!.target, loaded) }));
    const sources = new Set(matched.flatMap((m) => m.found));
    const first = matched.find((m) => m.found.length);
    return first ? { sources, named: labels.map((l) => `[${l}] ${byLabel.get(l)!.target}`).join(', '), example: { target: first.target, source: first.found[0]! } } : undefined;
  });
}

/** The reference files an index holds, once per index: a scan checks many documents against one. */
const sourcesByIndex = new WeakMap<PassageIndex, ReadonlySet<string>>();
function loadedSources(index: PassageIndex): ReadonlySet<string> {
  let sources = sourcesByIndex.get(index);
  if (!sources) sourcesByIndex.set(index, (sources = new Set(index.passages.map((p) => p.source))));
  return sources;
}

const MISCITED: Record<ReasonLanguage, (cited: string, found: string) => string> = {
  en: (cited, found) => `the cited reference (${cited}) does not support this, but ${found} does: cite that instead`,
  ja: (cited, found) => `引用元（${cited}）にはこの記述の根拠がありませんが、${found} にはあります。引用元を直してください`,
};

/**
 * A claim its cited reference does not support may be supported by another: then the citation is wrong, and the
 * claim is flagged saying where it is supported. One no reference supports is judged against all of them, as
 * without a citation (their contradiction, and its fix), unless the cited reference itself says otherwise.
 * `judgements` is updated in place; claims graded a second time cost one more grading each.
 */
export async function settleCitations(run: {
  requests: readonly GradeRequest[];
  cites: readonly (Cited | undefined)[];
  judgements: Judgement[];
  index: PassageIndex;
  topK: number;
  grader: Grader;
  signal?: AbortSignal;
  language?: ReasonLanguage;
}): Promise<void> {
  const { requests, cites, judgements } = run;
  const miscited = (i: number, other: Judgement): void => {
    if (other.verdict !== 'supported' || other.failed) return;
    const cited = cites[i]!;
    // Supported with the cited reference among the evidence (it gives part, another the rest): not miscited.
    if (other.evidence.some((e) => cited.sources.has(e.source))) {
      judgements[i] = other;
      return;
    }
    // Named as the answer names its references, so the fix can be pasted into its definition.
    const where = [...new Set(other.evidence.map((e) => namedLike(e.source, cited.example)))].join(', ');
    judgements[i] = { verdict: 'unsupported', confidence: other.confidence, evidence: other.evidence, reason: MISCITED[run.language ?? 'en'](cited.named, where) };
  };
  // Graded against all references already (the cited one says nothing related): supported there is miscited.
  cites.forEach((c, i) => c?.unrelated && miscited(i, judgements[i]!));
  const recheck = cites.flatMap((c, i) => (mayRegrade(c) && judgements[i]!.verdict !== 'supported' && !judgements[i]!.failed ? [i] : []));
  if (!recheck.length) return;
  const second = await run.grader.grade(
    recheck.map((i) => regradeRequest(requests[i]!, run.index, run.topK)),
    run.signal,
  );
  recheck.forEach((i, k) => {
    const other = second[k]!;
    if (other.verdict === 'supported') miscited(i, other);
    else if (judgements[i]!.verdict !== 'contradicted' && !other.failed) judgements[i] = other;
  });
}

/** A claim whose cited references say something related is graded again, against all references, unless they support it. */
function mayRegrade(cite: Cited | undefined): boolean {
  return !!cite && !cite.unrelated;
}

function regradeRequest(request: GradeRequest, index: PassageIndex, topK: number): GradeRequest {
  return { claim: request.claim, passages: index.search(request.claim.text, topK) };
}

/**
 * For a cost preview: every grading a check of these requests may ask for, at most: each claim once, and once more
 * each claim settleCitations may re-grade (whether it will depends on the first verdict, which a preview does not have).
 */
export function requestsAtMost(requests: readonly GradeRequest[], cites: readonly (Cited | undefined)[], index: PassageIndex, topK: number): GradeRequest[] {
  return [...requests, ...requests.flatMap((r, i) => (mayRegrade(cites[i]) ? [regradeRequest(r, index, topK)] : []))];
}
