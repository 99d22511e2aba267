// The OpenAI-compatible grader's public surface.
export { createOpenAIGrader, type OpenAIGrader } from './grader';
export { decomposeWith, validSpans, ATOMIC_PROMPT_VERSION } from './atomic';
export type { GradedClaim } from './batch';
export type { OpenAIUsage, OutputMode } from './client';
export { createRequestRecorder, estimateCost, estimateTokens, estimatePromptTokens, type CostEstimate, type EstimateOptions, type RequestRecorder } from './cost';
export { BudgetReachedError, GraderAnswerError, isKeyProblem, MissingKeyError, scrubSecrets } from './errors';
export { baseURLError, DEFAULT_BASE_URL, invalidBaseURL, invalidBaseURLProblem, keyMissing, MAX_TIMER_MS, urlOrigin } from './options';
export { PROMPT_VERSION, promptVersion } from './prompt';
export { QUOTE_NOT_FOUND } from './verify';
