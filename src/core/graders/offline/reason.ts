// One line a reader can act on, naming the value, word or name that decided the verdict.
import type { Verdict } from '../../types';
import type { Findings } from './features';
import type { Token } from './text';

const q = (s: string): string => `'${s.length > 40 ? `${s.slice(0, 37)}...` : s}'`;

export function explain(f: Findings, verdict: Verdict): string {
  if (f.smallTalk) return verdict === 'supported' ? 'small talk: states nothing to check' : 'states nothing the references can confirm';
  if (!f.alignment.sentences.length) return 'no reference passage shares terms with this claim';
  if (verdict === 'supported') {
    const cov = f.alignment.match2.length ? f.alignment.match2.filter((m) => m > 0).length / f.alignment.match2.length : 1;
    return `the reference states this (${Math.round(100 * cov)}% of the claim's terms in the quoted sentence${f.alignment.best.length > 1 ? 's' : ''})`;
  }
  if (f.conflict) return `reference says ${f.conflict.reference.text.trim()}, claim says ${f.conflict.claim.text.trim()}`;
  if (f.negation?.side === 'reference') return `reference says ${q(f.negation.word)}, claim drops the negation`;
  if (f.negation?.side === 'claim') return `claim says ${q(f.negation.word)}, the reference does not negate this`;
  if (f.opposite) return `reference says ${q(f.opposite.reference)}, claim says ${q(f.opposite.claim)}`;
  if (f.exchange) return `reference has ${q(f.exchange.claim)} and ${q(f.exchange.reference)} the other way round`;
  if (f.swap) return `reference says ${q(f.swap.reference)} where the claim says ${q(f.swap.claim)}`;
  const names = phrases(f, f.missing.filter((t) => t.name));
  if (names.length) return `reference never mentions ${names.slice(0, 3).map(q).join(', ')}`;
  const off = phrases(f, f.namesOff);
  if (off.length) return `the matching reference sentence does not mention ${off.slice(0, 3).map(q).join(', ')}`;
  if (f.unmatchedNumbers.length) return `reference never gives ${[...new Set(f.unmatchedNumbers.map((n) => n.text.trim()))].slice(0, 2).join(' or ')}`;
  if (f.opinions.length) return `the reference does not say ${q(f.opinions[0]!.surface)}: an opinion, not something it states`;
  if (f.missing.length) return `reference never mentions ${phrases(f, f.missing).slice(0, 3).map(q).join(', ')}`;
  return 'the reference has these terms but no sentence states the claim';
}

/** Missing words that stand next to each other in the claim read as one phrase: 'Le Corbusier', not 'Le', 'Corbusier'. */
function phrases(f: Findings, toks: readonly Token[]): string[] {
  const sorted = [...toks].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && /^[\s-]*$/.test(f.claimText.slice(last.end, t.start))) last.end = t.end;
    else out.push({ start: t.start, end: t.end });
  }
  return out.map((p) => f.claimText.slice(p.start, p.end));
}
