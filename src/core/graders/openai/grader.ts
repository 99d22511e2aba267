// The OpenAI-compatible grader: batches claims, asks once per batch, verifies every answer, and turns
// every failure into a per-claim reason. Throws only CancelledError (when the caller's signal fires).
import { CancelledError, throwIfAborted } from '../../errors';
import type { GradeRequest, Grader, Judgement } from '../../types';
import { planBatches, type Batch } from './batch';
import { ChatClient, RequestBudget, type OpenAIUsage } from './client';
import { describeFailure, GraderAnswerError, scrubSecrets } from './errors';
import { resolveOptions, type OpenAIGraderOptions, type ResolvedOptions } from './options';
import { excerpt, looksLikeRefusal, parseEntries, salvageEntries } from './parse';
import { buildGradeMessages, GRADE_SCHEMA, PROMPT_VERSION, reaskMessage } from './prompt';
import { runLimited } from './limit';
import { entriesByClaim, failedJudgement, judgementFromEntry } from './verify';

export interface OpenAIGrader extends Grader {
  readonly promptVersion: string;
  usage(): OpenAIUsage;
  /** Shared with decomposition, so both count against one budget and one usage. */
  readonly client: ChatClient;
  readonly options: ResolvedOptions;
}

export function createOpenAIGrader(config: OpenAIGraderOptions): OpenAIGrader {
  const options = resolveOptions(config);
  const client = new ChatClient(options, new RequestBudget(options.maxRequests));
  const secrets = [options.apiKey];
  const ctx = { baseURL: options.baseURL, model: options.model, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries };

  async function grade(requests: readonly GradeRequest[], signal?: AbortSignal): Promise<Judgement[]> {
    throwIfAborted(signal);
    const out: Judgement[] = new Array(requests.length);
    const batches = planBatches(
      requests.map((request, index) => ({ index, request })),
      options,
    );
    let fatal: string | undefined;
    await runLimited(
      batches,
      options.maxConcurrency,
      async (batch) => {
        const judgements = fatal ? batch.claims.map(() => failedJudgement(fatal!)) : await gradeBatch(batch, signal).catch((err: unknown) => {
          const f = describeFailure(err, ctx);
          const reason = scrubSecrets(f.reason, secrets);
          if (f.fatal && !signal?.aborted) fatal = reason;
          options.log(`batch of ${batch.claims.length} claims failed: ${reason}`);
          return batch.claims.map(() => failedJudgement(reason));
        });
        batch.claims.forEach((c, i) => (out[c.index] = judgements[i]!));
      },
      signal,
    );
    if (signal?.aborted) throw new CancelledError();
    return out;
  }

  async function gradeBatch(batch: Batch, signal?: AbortSignal): Promise<Judgement[]> {
    const messages = buildGradeMessages(batch);
    let answer = await client.complete(messages, GRADE_SCHEMA, signal);
    checkRefusal(answer.refusal, answer.content, answer.finishReason);
    if (answer.finishReason === 'length') return fromEntries(batch, salvageEntries(answer.content), 'the answer was cut off (finish_reason: length) before this claim');
    let parsed = parseEntries(answer.content);
    if (!parsed.ok) {
      // One re-ask with the problem spelled out; local models often get it right the second time.
      const problem = parsed.problem;
      answer = await client.complete([...messages, { role: 'assistant', content: answer.content }, reaskMessage(problem)], GRADE_SCHEMA, signal);
      checkRefusal(answer.refusal, answer.content, answer.finishReason);
      if (answer.finishReason === 'length') return fromEntries(batch, salvageEntries(answer.content), 'the answer was cut off (finish_reason: length) before this claim');
      parsed = parseEntries(answer.content);
      if (!parsed.ok) throw new GraderAnswerError(`grader's answer unusable: ${parsed.problem}, also after one re-ask`);
    }
    return fromEntries(batch, parsed.entries, "grader's answer left out this claim");
  }

  return {
    info: { id: 'openai', model: options.model },
    promptVersion: PROMPT_VERSION,
    client,
    options,
    usage: () => ({ ...client.usage }),
    grade,
  };
}

function fromEntries(batch: Batch, entries: readonly unknown[], missingReason: string): Judgement[] {
  const byClaim = entriesByClaim(entries);
  return batch.claims.map((c) => {
    const entry = byClaim.get(c.id);
    return entry ? judgementFromEntry(entry, c, batch) : failedJudgement(missingReason);
  });
}

function checkRefusal(refusal: string | undefined, content: string, finishReason: string): void {
  if (refusal) throw new GraderAnswerError(`the model refused to grade: "${excerpt(refusal)}"`);
  if (finishReason === 'content_filter') throw new GraderAnswerError('the endpoint withheld the answer (content filter)');
  if (looksLikeRefusal(content)) throw new GraderAnswerError(`the model refused to grade: "${excerpt(content)}"`);
}
