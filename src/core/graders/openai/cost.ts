// Cost preview before a scan: the exact prompts the grader would send, measured with a token heuristic.
import type { GradeRequest, Grader, Judgement } from '../../types';
import { planBatches } from './batch';
import { resolveOptions, type OpenAIGraderOptions } from './options';
import { buildGradeMessages, type ChatMessage } from './prompt';

export interface CostEstimate {
  requests: number;
  claims: number;
  promptTokens: number;
  /** Rough: about 60 tokens of answer per claim. */
  completionTokens: number;
}

/**
 * Tokens of a text, approximately: ASCII at 4 characters a token (the usual figure for English with
 * BPE tokenizers), any other character (CJK, accents, emoji) at 1 token each, which errs on the high side.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

/** Tokens of a chat prompt: the texts plus about 4 tokens of framing per message. */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + 4 + estimateTokens(m.content), 3);
}

export interface EstimateOptions {
  /** Claims for which this returns true are not counted (the cache already has them). */
  isCached?: (request: GradeRequest) => boolean;
}

/**
 * Requests and tokens a grade() over `requests` would spend, built from the very prompts it would send.
 * An upper bound when the cascade is on (the offline grader may settle some claims).
 */
export function estimateCost(requests: readonly GradeRequest[], config: OpenAIGraderOptions = {}, options: EstimateOptions = {}): CostEstimate {
  const resolved = resolveOptions(config);
  const todo = requests.map((request, index) => ({ index, request })).filter((r) => r.request.passages.length > 0 && !options.isCached?.(r.request));
  const batches = planBatches(todo, resolved);
  let promptTokens = batches.reduce((n, b) => n + estimatePromptTokens(buildGradeMessages(b, resolved.language)), 0);
  let count = batches.length;
  if (resolved.maxRequests !== undefined && count > resolved.maxRequests) {
    promptTokens = Math.round((promptTokens * resolved.maxRequests) / count);
    count = resolved.maxRequests;
  }
  return { requests: count, claims: todo.length, promptTokens, completionTokens: todo.length * 60 };
}

export interface RequestRecorder {
  /** A grader that records what it is asked and answers every claim "unsupported" (failed) at no cost. */
  grader: Grader;
  requests: GradeRequest[];
}

/**
 * For a cost preview: run the pipeline (checkText) with `recorder.grader` to collect the exact grade
 * requests a scan would make, then pass `recorder.requests` to estimateCost.
 */
export function createRequestRecorder(): RequestRecorder {
  const requests: GradeRequest[] = [];
  return {
    requests,
    grader: {
      info: { id: 'openai' },
      usage: () => ({ requests: 0, promptTokens: 0, completionTokens: 0 }),
      async grade(rs: readonly GradeRequest[]): Promise<Judgement[]> {
        requests.push(...rs);
        return rs.map(() => ({ verdict: 'unsupported', confidence: 0.5, evidence: [], reason: 'not graded (cost preview)', failed: true }));
      },
    },
  };
}
