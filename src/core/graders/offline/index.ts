// The offline grader: no key, no network, no model download. It aligns each claim with the reference
// sentences that cover it best, runs the checks a careful reader makes (numbers, names, negation,
// opposites, coverage) and turns them into a calibrated verdict with a small logistic regression.
// It reads references as data only: nothing in a reference is ever followed as an instruction.
import { pauser } from '../../pause';
import { lineIn, type Evidence, type Grader, type GradeRequest, type Judgement, type ReasonLanguage } from '../../types';
import { extractFeatures, SentenceCache, type Findings } from './features';
import { assertModelMatchesFeatures, clashes, pNotSupported } from './model';
import { explain } from './reason';
import type { RefSentence } from './align';

export function createOfflineGrader(options: { language?: ReasonLanguage } = {}): Grader {
  assertModelMatchesFeatures();
  // One cache for the grader's life: re-checking a document against the same references re-uses the analysis.
  const cache = new SentenceCache();
  return Object.freeze({
    info: { id: 'offline' as const },
    usage: () => ({ requests: 0, promptTokens: 0, completionTokens: 0 }),
    async grade(requests: readonly GradeRequest[], signal?: AbortSignal): Promise<Judgement[]> {
      // About 1 ms a claim against a large reference set: pausing between claims keeps an editor responsive.
      const pause = pauser();
      const out: Judgement[] = [];
      for (let i = 0; i < requests.length; i++) {
        await pause(signal);
        out.push(judgement(extractFeatures(requests[i]!, cache, requests.length, i), options.language));
      }
      return out;
    },
  });
}

/** One claim's judgement from its features. */
export function judgement(f: Findings, language: ReasonLanguage = 'en'): Judgement {
  const p = pNotSupported(f.x);
  const evidence = f.alignment.best.map((i) => evidenceOf(f.alignment.sentences[i]!));
  if (p < 0.5) {
    return { verdict: 'supported', confidence: round(1 - p), evidence, reason: explain(f, 'supported', language) };
  }
  // "Contradicted" needs a clash in a well-aligned sentence; a poor alignment only means "unsupported".
  const contradicted = clashes(f.x);
  const j: Judgement = {
    verdict: contradicted ? 'contradicted' : 'unsupported',
    confidence: round(p),
    evidence: contradicted ? contradictionEvidence(f, evidence) : evidence,
    reason: explain(f, contradicted ? 'contradicted' : 'unsupported', language),
  };
  if (f.conflict && f.fixAt && contradicted) {
    j.fix = { ...f.fixAt, text: f.conflict.reference.text };
  }
  return j;
}

function contradictionEvidence(f: Findings, evidence: Evidence[]): Evidence[] {
  const s = f.conflict?.sentence ?? f.negation?.sentence ?? f.opposite?.sentence ?? f.exchange?.sentence;
  if (!s) return evidence;
  const e = evidenceOf(s);
  return [e, ...evidence.filter((x) => x.quote !== e.quote || x.line !== e.line)];
}

export function evidenceOf(s: RefSentence): Evidence {
  return { source: s.passage.source, line: lineIn(s.passage, s.start), quote: s.passage.text.slice(s.start, s.end), passageId: s.passage.id };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
