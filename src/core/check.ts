// The pipeline: claims → retrieval → grader → findings. Everything the CLI and the extension do goes through here.
import { createHash } from 'node:crypto';
import { extractClaimsPaced, readClaim, writtenFix, type Markup, type Reading, type TextFormat } from './claims';
import { throwIfAborted } from './errors';
import { pauser } from './pause';
import { decomposeClaims } from './graders';
import { PassageIndex } from './retrieval';
import { citationDefinitions, withinDefinitions, withoutMarkers, type CitationDefinition } from './claims/citations';
import { citations, settleCitations, type Cited } from './cited';
import type { Claim, Finding, GradeRequest, Grader, Passage, ReasonLanguage } from './types';

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
  const found = await claimsToCheck(text, options, options.signal);
  // Graders that can split sentences into atomic claims (the OpenAI grader with `atomic`) do so here;
  // others return the sentences unchanged.
  const claims = await atomicClaims(found, options.grader, options.signal);
  const { requests, cites, readings } = await searchFor(text, { ...found, claims, sentences: found.claims }, index, topK, options.signal);
  // One grade call for the document lets the OpenAI grader fill every request; the offline grader pauses
  // between claims like the search.
  const judgements = await options.grader.grade(requests, options.signal);
  await settleCitations({ requests, cites, judgements, index, topK, grader: options.grader, signal: options.signal, language: options.language });
  // The grader read each claim without its markup: a fix it proposes is put back onto the claim as written.
  return claims.map((claim, i) => {
    const j = judgements[i]!;
    return { ...claim, ...j, ...(j.fix ? { fix: writtenFix(claim.text, readings[i]!, j.fix) } : {}) };
  });
}

/**
 * Each sentence, or its atomic claims where the grader splits sentences. A sentence is split as the grader reads it
 * (without its markup or citation markers: a model copies the words of "**300** metres", not the asterisks, and a
 * part it copied must be found in the sentence it was given); each part is put back on the written text it was
 * read from, and carries the sentence as read. So a check and the next of the same text ask the same questions.
 */
async function atomicClaims(found: FoundClaims, grader: Grader, signal?: AbortSignal): Promise<Claim[]> {
  if (!grader.decompose) return found.claims;
  const labels = new Set(found.definitions.map((d) => d.label));
  const readings = found.claims.map((c) => readClaim(withoutMarkers(c.text, labels), c.start, found.markup ?? [], c.text));
  const parts = await decomposeClaims(
    found.claims.map((c, i) => ({ ...c, text: readings[i]!.text })),
    grader,
    signal,
  );
  return parts.flatMap((list, i) => list.map((part) => writtenPart(found.claims[i]!, readings[i]!, part)));
}

/** An atomic claim of `sentence` (offsets in its reading) on the sentence's written text. */
function writtenPart(sentence: Claim, reading: Reading, part: Claim & { sentence?: string }): Claim {
  const a = part.start - sentence.start;
  const b = part.end - sentence.start;
  // The whole sentence (not split, or the grader could not split it) is the sentence as written.
  if (part.sentence === undefined || (a <= 0 && b >= reading.text.length)) return sentence;
  const from = reading.from[a]!;
  const to = reading.to[b - 1]!;
  const written: Claim & { sentence: string } = { text: sentence.text.slice(from, to), start: sentence.start + from, end: sentence.start + to, sentence: part.sentence };
  return written;
}

/** The claims of a text to check, and its citation definitions. */
export interface FoundClaims {
  claims: Claim[];
  definitions: CitationDefinition[];
  /** The sentences the claims were split from (atomic claims), where their citation markers are. */
  sentences?: Claim[];
  /** The text's Markdown markup, which the grader does not read (claims/reading.ts). */
  markup?: readonly Markup[];
}

/**
 * A text's claims, less those the user accepted and the definitions of its citations ("[^1]: references/fuji.md").
 * A long Markdown text is parsed a block at a time, with pauses, like the search after it.
 */
export async function claimsToCheck(text: string, options: Pick<CheckOptions, 'format' | 'range' | 'accepted'>, signal?: AbortSignal): Promise<FoundClaims> {
  const definitions = citationDefinitions(text);
  const extracted = await extractClaimsPaced(text, { format: options.format ?? 'markdown', range: options.range }, signal);
  const claims = extracted.claims.filter((c) => !options.accepted?.has(claimHash(c.text)) && !withinDefinitions(text, c.start, c.end, definitions));
  return { claims, definitions, markup: extracted.markup };
}

/**
 * What the grader is asked: each claim as read (its citation markers blanked: "[1]" is no number of the claim's; its
 * markup left out: "**900**" reads "900", "[900](https://x)" reads "900"; `readings` map the text read back onto the
 * claim's) with its passages, from the references it cites where they say anything related, else from all of them.
 * Searched claim by claim with pauses: a long document must not hold an editor's extension host.
 */
export async function searchFor(
  text: string,
  found: FoundClaims,
  index: PassageIndex,
  topK = DEFAULT_TOP_K,
  signal?: AbortSignal,
): Promise<{ requests: GradeRequest[]; cites: (Cited | undefined)[]; readings: Reading[] }> {
  const pause = pauser();
  const cites = citations(text, found.claims, found.definitions, index, found.sentences);
  const labels = new Set(found.definitions.map((d) => d.label));
  const requests: GradeRequest[] = [];
  const readings: Reading[] = [];
  for (const [i, original] of found.claims.entries()) {
    await pause(signal);
    const reading = readClaim(withoutMarkers(original.text, labels), original.start, found.markup ?? [], original.text);
    readings.push(reading);
    const claim = { ...original, text: reading.text };
    const cited = cites[i] ? index.search(claim.text, topK, cites[i].sources) : [];
    if (cites[i] && !cited.length) cites[i] = { ...cites[i], unrelated: true };
    requests.push({ claim, passages: cited.length ? cited : index.search(claim.text, topK) });
  }
  return { requests, cites, readings };
}

/** A short, stable hash of a claim's text (whitespace-normalised): accepted claims stay quiet until their text changes. */
export function claimHash(claimText: string): string {
  return createHash('sha256').update(claimText.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}
