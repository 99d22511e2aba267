// Reads the model's answer: JSON (bare, fenced, or inside prose), a truncated answer's complete entries,
// and refusals. Shapes are checked field by field in verify.ts; this only finds the entries.
import { printable } from '../../report';

/** What kept an answer from being read; errors.ts says it in the UI's language. */
export type ParseProblem = { kind: 'empty' } | { kind: 'incomplete' } | { kind: 'prose' } | { kind: 'noArray'; key: string } | { kind: 'invalid'; detail: string };

export type ParseResult = { ok: true; entries: unknown[] } | { ok: false; problem: ParseProblem };

/** Finds the array of per-item entries in an answer: `{"results": [...]}` (or another single array key), or a bare array. */
export function parseEntries(content: string, key = 'results'): ParseResult {
  const text = stripFences(stripThinking(content)).trim();
  if (!text) return { ok: false, problem: { kind: 'empty' } };
  // The JSON may sit inside prose: try the outermost {...} and the outermost [...].
  const spans = [
    [text.indexOf('{'), text.lastIndexOf('}')],
    [text.indexOf('['), text.lastIndexOf(']')],
  ]
    .filter(([a, b]) => a! >= 0 && b! > a!)
    .sort((x, y) => x[0]! - y[0]!);
  if (spans.length === 0) {
    // An opening bracket that never closes is JSON cut short, not prose: saying so points at the model's output limit.
    return { ok: false, problem: { kind: /[{[]/.test(text) ? 'incomplete' : 'prose' } };
  }
  let problem: ParseProblem | undefined;
  for (const [a, b] of spans) {
    try {
      const entries = findArray(JSON.parse(text.slice(a, b! + 1)), key);
      if (entries) return { ok: true, entries };
      problem ??= { kind: 'noArray', key };
    } catch (err) {
      problem ??= { kind: 'invalid', detail: (err as Error).message };
    }
  }
  return { ok: false, problem: problem! };
}

/** Reasoning models served locally (DeepSeek-R1, Qwen3...) put their thoughts before the answer. */
function stripThinking(content: string): string {
  return content.replace(/<think>[\s\S]*?(<\/think>|$)/g, '');
}

function findArray(value: unknown, key: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!value || typeof value !== 'object') return undefined;
  const obj = value as Record<string, unknown>;
  if (Array.isArray(obj[key])) return obj[key] as unknown[];
  const arrays = Object.values(obj).filter(Array.isArray);
  return arrays.length === 1 ? (arrays[0] as unknown[]) : undefined;
}

function stripFences(content: string): string {
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)(?:```|$)/i.exec(content);
  return fenced ? fenced[1]! : content;
}

/**
 * The complete entries of an answer cut off mid-way (finish_reason "length"): every balanced `{...}`
 * inside the first array, parsed one by one; the unfinished tail is dropped.
 */
export function salvageEntries(content: string): unknown[] {
  const text = stripFences(stripThinking(content));
  const open = text.indexOf('[');
  if (open < 0) return [];
  const out: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let objStart = -1;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') {
      if (depth === 0) objStart = i;
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0 && objStart >= 0) {
        try {
          out.push(JSON.parse(text.slice(objStart, i + 1)));
        } catch {
          // An entry that does not parse is simply not salvaged; its claim fails with the truncation reason.
        }
        objStart = -1;
      }
    } else if (ch === ']' && depth === 0) break;
  }
  return out;
}

const REFUSAL = /^\s*(?:I['’]m sorry|I am sorry|Sorry,|I can(?:not|['’]t) (?:help|assist|comply|do that|provide)|I['’]m (?:not able|unable) to|I am (?:not able|unable) to|I won['’]t)/i;

/** Prose that reads as a refusal rather than an answer. */
export function looksLikeRefusal(content: string): boolean {
  const text = stripThinking(content);
  return REFUSAL.test(text) && !/[{[]/.test(text);
}

export function excerpt(text: string, max = 80): string {
  // Control characters from a model (escape sequences that clear a terminal or retitle it) are dropped.
  const one = printable(text).trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}
