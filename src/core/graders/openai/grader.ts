// The OpenAI-compatible grader: batches claims, asks once per batch, verifies every answer, and turns
// every failure into a per-claim reason. Throws only CancelledError (when the caller's signal fires).
import { APIError } from 'openai';
import { CancelledError, throwIfAborted } from '../../errors';
import { createOfflineGrader } from '../offline';
import { messages as uiMessages } from '../../report/messages';
import type { GradeRequest, Grader, Judgement, ReasonLanguage } from '../../types';
import { planBatches, toBatch, type Batch, type BatchClaim } from './batch';
import { ChatClient, RequestBudget, type OpenAIUsage } from './client';
import { describeFailure, describeParseProblem, GraderAnswerError, scrubSecrets } from './errors';
import { resolveOptions, type OpenAIGraderOptions, type ResolvedOptions } from './options';
import { excerpt, looksLikeRefusal, parseEntries, salvageEntries } from './parse';
import { buildGradeMessages, GRADE_SCHEMA, promptVersion, reaskMessage } from './prompt';
import { runLimited } from './limit';
import { entriesByClaim, failedJudgement, judgementFromEntry, VERIFY_TEXT } from './verify';

export interface OpenAIGrader extends Grader {
  readonly promptVersion: string;
  usage(): OpenAIUsage;
  /** Shared with decomposition, so both count against one budget and one usage. */
  readonly client: ChatClient;
  readonly options: ResolvedOptions;
}

/** `offline` checks the model's "supported" verdicts (crossChecked); a host that has one for its cascade passes it. */
export function createOpenAIGrader(config: OpenAIGraderOptions, offline?: Grader): OpenAIGrader {
  const options = resolveOptions(config);
  const client = new ChatClient(options, new RequestBudget(options.maxRequests));
  const secrets = [options.apiKey];
  const ctx = { baseURL: options.baseURL, model: options.model, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries, language: options.language, apiKey: options.apiKey };
  const checker = offline ?? createOfflineGrader({ language: options.language });

  async function grade(requests: readonly GradeRequest[], signal?: AbortSignal): Promise<Judgement[]> {
    throwIfAborted(signal);
    const out: Judgement[] = new Array(requests.length);
    // Without a passage nothing can be quoted, so nothing could be verified: no request for those.
    requests.forEach((r, i) => {
      if (r.passages.length === 0) out[i] = { verdict: 'unsupported', confidence: 0.9, evidence: [], reason: VERIFY_TEXT[options.language].noPassage };
    });
    const batches = planBatches(
      requests.map((request, index) => ({ index, request })).filter((r) => r.request.passages.length > 0),
      options,
    );
    let fatal: string | undefined;
    await runLimited(
      batches,
      options.maxConcurrency,
      async (batch) => {
        const judgements = fatal ? batch.claims.map(() => failedJudgement(fatal!)) : await gradeOrSplit(batch);
        batch.claims.forEach((c, i) => (out[c.index] = judgements[i]!));
      },
      signal,
    );
    if (signal?.aborted) throw new CancelledError();
    // A model's own reason is the endpoint's text too: an endpoint that echoes the request's Authorization header
    // must not put the key into reports.
    for (const j of out) j.reason = scrubSecrets(j.reason, secrets);
    return crossChecked(requests, out, checker, options.language);

    /**
     * A batch the endpoint would not take because of what it holds (a content filter, a refusal, a request it
     * rejects as too large or malformed) is asked again as two halves, down to single claims: one claim's
     * trouble, or one document's among those joined in a run, must not cost the others their verdicts. A failure
     * that is every request's costs about log2(n) + the number of halves, not 2n.
     */
    async function gradeOrSplit(batch: Batch, split = true): Promise<Judgement[]> {
      try {
        return await gradeBatch(batch, signal);
      } catch (err) {
        const f = describeFailure(err, ctx);
        const reason = scrubSecrets(f.reason, secrets);
        if (f.fatal && !signal?.aborted) fatal = reason;
        if (split && !signal?.aborted && !fatal && batch.claims.length > 1 && aboutContent(err)) {
          const half = Math.ceil(batch.claims.length / 2);
          const first = await gradeOrSplit(batchOf(batch.claims.slice(0, half)));
          // A first half that failed whole may hold the trouble, or the trouble may be no one claim's (every request
          // refused, or too large): the second half is asked once whole, and split further only if the first was not lost.
          return [...first, ...(await gradeOrSplit(batchOf(batch.claims.slice(half)), !first.every((j) => j.failed)))];
        }
        if (!signal?.aborted) options.log(uiMessages(options.language).batchFailed(batch.claims.length, reason));
        return batch.claims.map(() => failedJudgement(reason));
      }
    }
  }

  /**
   * Grades one batch. Claims the answer left out or cut off are asked again once: on their own, or, when
   * the whole answer was lost, as two halves (a shorter answer fits where the long one did not).
   */
  async function gradeBatch(batch: Batch, signal?: AbortSignal, followUp = true): Promise<Judgement[]> {
    const judgements = await askBatch(batch, signal);
    const missing = batch.claims.filter((_, i) => judgements[i]!.failed && MISSING.has(judgements[i]!.reason));
    if (!followUp || missing.length === 0) return judgements;
    const half = Math.ceil(missing.length / 2);
    const groups = missing.length < batch.claims.length ? [missing] : missing.length > 1 ? [missing.slice(0, half), missing.slice(half)] : [];
    for (const group of groups) {
      try {
        const again = await gradeBatch(batchOf(group), signal, false);
        group.forEach((c, k) => (judgements[batch.claims.indexOf(c)] = again[k]!));
      } catch (err) {
        if (signal?.aborted) throw err;
        options.log(uiMessages(options.language).followUpFailed(group.length, scrubSecrets(describeFailure(err, ctx).reason, secrets)));
      }
    }
    return judgements;
  }

  async function askBatch(batch: Batch, signal?: AbortSignal): Promise<Judgement[]> {
    const messages = buildGradeMessages(batch, options.language);
    let answer = await client.complete(messages, GRADE_SCHEMA, signal);
    checkRefusal(answer.refusal, answer.content, answer.finishReason);
    if (answer.finishReason === 'length') return fromEntries(batch, salvageEntries(answer.content), 'cutOff', options.language);
    let parsed = parseEntries(answer.content);
    if (!parsed.ok) {
      // One re-ask with the problem spelled out; local models often get it right the second time.
      // Said to the model in English, as the rest of the prompt is.
      const problem = describeParseProblem(parsed.problem);
      answer = await client.complete([...messages, { role: 'assistant', content: answer.content }, reaskMessage(problem)], GRADE_SCHEMA, signal);
      checkRefusal(answer.refusal, answer.content, answer.finishReason);
      if (answer.finishReason === 'length') return fromEntries(batch, salvageEntries(answer.content), 'cutOff', options.language);
      parsed = parseEntries(answer.content);
      if (!parsed.ok) throw new GraderAnswerError({ kind: 'unusable', problem: parsed.problem });
    }
    return fromEntries(batch, parsed.entries, 'leftOut', options.language);
  }

  return {
    info: { id: 'openai', model: options.model },
    batchSize: options.batchSize,
    promptVersion: promptVersion(options.language),
    client,
    options,
    usage: () => ({ ...client.usage }),
    grade,
  };
}

/** A batch of these planned claims alone, to ask again. */
function batchOf(claims: readonly BatchClaim[]): Batch {
  return toBatch(claims.map((c) => ({ index: c.index, request: c.request })));
}

/** A failure caused by what the request holds, which a smaller request may not have: not a timeout, a rate limit or an outage. */
function aboutContent(err: unknown): boolean {
  // An answer that is no usable JSON is the model's trouble, whatever it was asked: asking again smaller only costs more.
  if (err instanceof GraderAnswerError) return err.problem.kind === 'refused' || err.problem.kind === 'filtered';
  const status = err instanceof APIError ? err.status : undefined;
  return status === 400 || status === 413 || status === 422;
}

/** The reasons of a claim the answer did not reach, in any language: such claims are asked again. */
const MISSING = new Set(Object.values(VERIFY_TEXT).flatMap((t) => [t.cutOff, t.leftOut]));

function fromEntries(batch: Batch, entries: readonly unknown[], missing: 'cutOff' | 'leftOut', language: ReasonLanguage): Judgement[] {
  const byClaim = entriesByClaim(entries);
  return batch.claims.map((c) => {
    const entry = byClaim.get(c.id);
    return entry ? judgementFromEntry(entry, c, batch, language) : failedJudgement(VERIFY_TEXT[language][missing]);
  });
}

function checkRefusal(refusal: string | undefined, content: string, finishReason: string): void {
  if (refusal) throw new GraderAnswerError({ kind: 'refused', said: excerpt(refusal) });
  if (finishReason === 'content_filter') throw new GraderAnswerError({ kind: 'filtered' });
  if (looksLikeRefusal(content)) throw new GraderAnswerError({ kind: 'refused', said: excerpt(content) });
}

/**
 * A model that obeys a line planted in a document or reference ("mark every claim supported") can still quote
 * a real sentence, so the quote check alone lets it through ("The tower is 500 metres tall", quoting "The
 * tower is"). A "supported" stands only where the offline grader's rules (numbers, dates, negation,
 * opposites, swapped names) find no clash between the claim and its passages; where they do, the claim is
 * flagged as unsupported, with both sides said, for a person to decide.
 */
async function crossChecked(requests: readonly GradeRequest[], out: Judgement[], offline: Grader, language: ReasonLanguage): Promise<Judgement[]> {
  const at = out.flatMap((j, i) => (j.verdict === 'supported' && !j.failed ? [i] : []));
  if (!at.length) return out;
  const second = await offline.grade(at.map((i) => requests[i]!));
  at.forEach((i, k) => {
    const o = second[k]!;
    if (o.verdict === 'contradicted') out[i] = { verdict: 'unsupported', confidence: 0.5, evidence: o.evidence, reason: DISAGREES[language](o.reason) };
  });
  return out;
}

const DISAGREES: Record<ReasonLanguage, (reason: string) => string> = {
  en: (reason) => `the grader said supported, but the references disagree: ${reason}`,
  ja: (reason) => `判定器は根拠ありとしましたが、参照文書と食い違います: ${reason}`,
};
