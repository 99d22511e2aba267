// Shared by the OpenAI grader tests: a small reference set, claims over it, and a fake server per test.
import type { TestContext } from 'node:test';
import type { Claim, GradeRequest, Passage } from '../../src/core/types';
import { startOpenAIServer, type FakeOpenAIServer, type FakeServerOptions } from '../fixtures/openai-server';

export const EIFFEL = `# The Eiffel Tower

The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France.
It is named after the engineer Gustave Eiffel, whose company designed and built the tower.

Construction began in January 1887 and was completed in March 1889, in time for the 1889 World's Fair.
The tower was built by about 300 workers.

The tower is 330 metres tall, about the same height as an 81-storey building.
It was the tallest man-made structure in the world for 41 years.

About 7 million people visit the tower every year.
The tower is repainted every seven years to protect it from rust.`;

/** One passage per paragraph, with its 1-based starting line. */
export function paragraphs(source: string, text: string): Passage[] {
  const out: Passage[] = [];
  let line = 1;
  for (const para of text.split('\n\n')) {
    if (para.trim()) out.push({ id: `${source}#${out.length}`, source, line, text: para });
    line += para.split('\n').length + 1;
  }
  return out;
}

export const PASSAGES = paragraphs('refs/eiffel.md', EIFFEL);

function words(t: string): string[] {
  return t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Top-k passages by shared words: enough retrieval for these tests. */
export function requestFor(text: string, passages: readonly Passage[] = PASSAGES, k = 2, start = 0): GradeRequest {
  const q = new Set(words(text));
  const scored = passages
    .map((passage) => ({ passage, score: words(passage.text).filter((w) => q.has(w)).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
  const claim: Claim = { text, start, end: start + text.length };
  return { claim, passages: scored };
}

export const CLAIMS = [
  'The Eiffel Tower is in Paris, France.',
  'The tower is 330 metres tall.',
  'The tower is 300 metres tall.',
  'About 7 million people visit the tower every year.',
  'About 17 million people visit the tower every year.',
  'The tower has a famous gift shop on the moon.',
  'Construction began in January 1887.',
  'It was the tallest man-made structure in the world for 41 years.',
];

export function requestsFor(texts: readonly string[]): GradeRequest[] {
  let at = 0;
  return texts.map((t) => {
    const r = requestFor(t, PASSAGES, 2, at);
    at += t.length + 1;
    return r;
  });
}

/** Many distinct claims over the same passages, for batching counts. */
export function manyClaims(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${CLAIMS[i % CLAIMS.length]!.replace(/\.$/, '')} (claim ${i + 1}).`);
}

export async function serverFor(t: TestContext, options: FakeServerOptions = {}): Promise<FakeOpenAIServer> {
  const server = await startOpenAIServer(options);
  t.after(() => server.close());
  return server;
}

export const FAST = { maxRetries: 0, timeoutMs: 5000 } as const;
