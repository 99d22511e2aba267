// STUB (to be replaced by the claims module): naive sentence split on . ! ? 。
import type { Claim } from '../types';

export type TextFormat = 'markdown' | 'plaintext';

export interface ExtractOptions {
  format?: TextFormat;
  /** Only claims that lie within this UTF-16 range of the text (a selection). */
  range?: { start: number; end: number };
}

export function extractClaims(text: string, options: ExtractOptions = {}): Claim[] {
  const claims: Claim[] = [];
  const re = /[^.!?。！？\n]+[.!?。！？]?/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length < 3) continue;
    const start = (m.index ?? 0) + lead;
    const claim = { text: body, start, end: start + body.length };
    if (options.range && (claim.start < options.range.start || claim.end > options.range.end)) continue;
    claims.push(claim);
  }
  return claims;
}
