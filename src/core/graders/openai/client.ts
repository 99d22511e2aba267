// One chat-completions call through the real SDK: its own retries and timeout, the caller's AbortSignal,
// structured output where the endpoint takes it, and the request budget and token accounting.
import OpenAI, { APIError, BadRequestError, UnprocessableEntityError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { GraderUsage } from '../../types';
import { messages as uiMessages } from '../../report/messages';
import { BudgetReachedError, GraderAnswerError, MissingKeyError } from './errors';
import { keyMissing, type ResolvedOptions } from './options';
import { Slots } from './limit';
import { withRetries } from './retry';
import type { ChatMessage } from './prompt';

/** How the answer's format is asked for; the grader steps down on a 400 and remembers what worked. */
export type OutputMode = 'json_schema' | 'json_object' | 'none';

export interface ChatAnswer {
  content: string;
  finishReason: string;
  refusal?: string;
}

export interface OpenAIUsage extends GraderUsage {
  /** Prompt tokens the provider served from its prompt cache (where it reports them). */
  cachedPromptTokens: number;
}

export interface JsonSchemaSpec {
  name: string;
  schema: Record<string, unknown>;
}

/** Counts requests against `maxRequests`; shared by grading and decomposition. */
export class RequestBudget {
  used = 0;
  constructor(readonly limit: number | undefined) {}
  take(): void {
    if (this.limit !== undefined && this.used >= this.limit) throw new BudgetReachedError(this.limit);
    this.used++;
  }
}

export class ChatClient {
  readonly usage: OpenAIUsage = { requests: 0, promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };
  private mode: OutputMode = 'json_schema';
  private temperature = true;
  private seed = true;
  private readonly sdk: OpenAI;
  /** `maxConcurrency` is requests in flight to the endpoint, whatever number of grade calls a run makes at once. */
  private readonly slots: Slots;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly budget: RequestBudget,
  ) {
    this.sdk = new OpenAI({
      baseURL: options.baseURL,
      // Local servers need no key, but the SDK insists on one.
      apiKey: options.apiKey ?? 'no-key',
      timeout: options.timeoutMs,
      // Retries are ours (retry.ts): capped and cancellable waits.
      maxRetries: 0,
    });
    this.slots = new Slots(options.maxConcurrency);
  }

  get outputMode(): OutputMode {
    return this.mode;
  }

  /** Sends one conversation; steps down the answer format (or drops temperature/seed) when the endpoint rejects it. */
  async complete(messages: readonly ChatMessage[], schema: JsonSchemaSpec, signal?: AbortSignal): Promise<ChatAnswer> {
    // Said before anything is sent: without a key a remote endpoint can only answer 401, or time out.
    if (keyMissing(this.options.baseURL, this.options.apiKey)) throw new MissingKeyError(this.options.baseURL);
    let mode = this.mode;
    let temperature = this.temperature;
    let seed = this.seed;
    for (;;) {
      // The budget counts conversations; usage counts every request sent, retries included (send()).
      this.budget.take();
      try {
        const params = { mode, temperature, seed };
        // A wait of seconds is said (the log, the CLI's stderr), so a slow run is not taken for a hung one.
        const onWait = (ms: number, err: unknown): void => {
          if (ms >= 5000) this.options.log(uiMessages(this.options.language).retrying(err instanceof APIError && err.status === 429, Math.round(ms / 1000)));
        };
        // The slot is held through retry waits too: an endpoint that asks to back off gets fewer requests, not more.
        const release = await this.slots.take(signal);
        const answer = await withRetries(() => this.send(messages, schema, params, signal), this.options.maxRetries, signal, onWait).finally(release);
        if (mode !== this.mode) this.options.log(uiMessages(this.options.language).formatFallback(this.mode, mode));
        this.mode = mode;
        this.temperature = temperature;
        this.seed = seed;
        return answer;
      } catch (err) {
        const step = stepDown(err, { mode, temperature, seed });
        if (!step) throw err;
        ({ mode, temperature, seed } = step);
      }
    }
  }

  private async send(
    messages: readonly ChatMessage[],
    schema: JsonSchemaSpec,
    p: { mode: OutputMode; temperature: boolean; seed: boolean },
    signal: AbortSignal | undefined,
  ): Promise<ChatAnswer> {
    const body: ChatCompletionCreateParamsNonStreaming = { model: this.options.model, messages: [...messages] };
    if (p.temperature) body.temperature = 0;
    if (p.seed) body.seed = this.options.seed;
    if (p.mode === 'json_schema') body.response_format = { type: 'json_schema', json_schema: { name: schema.name, strict: true, schema: schema.schema } };
    if (p.mode === 'json_object') body.response_format = { type: 'json_object' };
    const link = linkedSignal(signal);
    this.usage.requests++;
    const res = await this.sdk.chat.completions.create(body, { signal: link.signal }).finally(link.release);
    // The SDK hands back the text of an answer that is not application/json (a web page at a wrong base URL):
    // that is an endpoint that is not OpenAI-compatible, as unparseable JSON is.
    if (typeof res !== 'object' || res === null) throw new SyntaxError('the answer is not JSON');
    const u = res.usage;
    if (u) {
      this.usage.promptTokens += u.prompt_tokens ?? 0;
      this.usage.completionTokens += u.completion_tokens ?? 0;
      this.usage.cachedPromptTokens += u.prompt_tokens_details?.cached_tokens ?? 0;
    }
    const choice = res.choices?.[0];
    if (!choice) throw new GraderAnswerError({ kind: 'empty' });
    return {
      content: choice.message?.content ?? '',
      finishReason: choice.finish_reason ?? 'stop',
      refusal: choice.message?.refusal ?? undefined,
    };
  }
}

/**
 * A signal for one request that follows the caller's. The SDK adds an abort listener to the signal it is given on
 * every attempt and never removes it; on the caller's long-lived signal (the CLI's Ctrl+C) they would pile up, one
 * per request (MaxListenersExceededWarning). Our one listener on the caller's signal goes when the request ends.
 */
function linkedSignal(parent: AbortSignal | undefined): { signal: AbortSignal | undefined; release: () => void } {
  if (!parent) return { signal: undefined, release: () => undefined };
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(parent.reason);
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, release: () => parent.removeEventListener('abort', onAbort) };
}

type Params = { mode: OutputMode; temperature: boolean; seed: boolean };

/** What to change after a 400/422, or undefined when the rejection is not about our optional parameters. */
function stepDown(err: unknown, p: Params): Params | undefined {
  if (!(err instanceof BadRequestError || err instanceof UnprocessableEntityError)) return undefined;
  const m = err.message.toLowerCase();
  if (p.temperature && m.includes('temperature')) return { ...p, temperature: false };
  if (p.seed && /\bseed\b/.test(m)) return { ...p, seed: false };
  if (/context length|maximum context|too many tokens|too long/.test(m)) return undefined;
  // Only a rejection that names the answer format, or gives no reason at all, may be cured by another format. A
  // content filter's 400 (Azure) would otherwise cost two more requests at every level of a refused batch's split.
  if (err.code === 'content_filter' || !/response_format|json_schema|json_object|schema|structured output|status code \(no body\)/.test(m)) return undefined;
  if (p.mode === 'json_schema') return { ...p, mode: 'json_object' };
  if (p.mode === 'json_object') return { ...p, mode: 'none' };
  return undefined;
}
