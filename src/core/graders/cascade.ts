// Offline-first cascade: the offline grader settles the claims it is confident about, instantly and for
// free; only the rest go to the model grader.
import type { GradeRequest, Grader, Judgement } from '../types';

export const DEFAULT_CASCADE_THRESHOLD = 0.9;

export interface CascadeGrader extends Grader {
  /** Claims the offline grader settled so far. */
  settledOffline(): number;
}

export function withCascade(offline: Grader, model: Grader, threshold = DEFAULT_CASCADE_THRESHOLD): CascadeGrader {
  let settled = 0;
  return {
    info: model.info,
    usage: () => model.usage(),
    settledOffline: () => settled,
    async grade(requests: readonly GradeRequest[], signal?: AbortSignal): Promise<Judgement[]> {
      const first = await offline.grade(requests, signal);
      const out = [...first];
      const rest = requests.map((_, i) => i).filter((i) => first[i]!.failed || first[i]!.confidence < threshold);
      settled += requests.length - rest.length;
      if (rest.length > 0) {
        const judged = await model.grade(
          rest.map((i) => requests[i]!),
          signal,
        );
        rest.forEach((i, k) => (out[i] = judged[k]!));
      }
      return out;
    },
  };
}
