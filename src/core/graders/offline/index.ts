// STUB (to be replaced by the offline grader): token-overlap ratio.
import type { Grader, GradeRequest, Judgement } from '../../types';
import { tokenize } from '../../retrieval';

export function createOfflineGrader(): Grader {
  return {
    info: { id: 'offline' },
    usage: () => ({ requests: 0, promptTokens: 0, completionTokens: 0 }),
    async grade(requests: readonly GradeRequest[]): Promise<Judgement[]> {
      return requests.map(({ claim, passages }) => {
        const top = passages[0]?.passage;
        if (!top) return { verdict: 'unsupported', confidence: 0.9, evidence: [], reason: 'no reference passage mentions this' };
        const ref = new Set(tokenize(passages.map((p) => p.passage.text).join(' ')));
        const toks = tokenize(claim.text);
        const cov = toks.filter((t) => ref.has(t)).length / Math.max(1, toks.length);
        const evidence = [{ source: top.source, line: top.line, quote: top.text, passageId: top.id }];
        return cov > 0.8
          ? { verdict: 'supported', confidence: cov, evidence, reason: 'the reference states this' }
          : { verdict: 'unsupported', confidence: 1 - cov, evidence, reason: 'the reference does not state this' };
      });
    },
  };
}
