// Trust but verify: turns one entry of the model's answer into a Judgement, checking the verdict, the
// cited passage and the quote. A quote that is not in the references is never accepted as evidence.
import { lineIn, type Evidence, type Judgement, type Passage, type ReasonLanguage, type Verdict } from '../../types';
import type { Batch, BatchClaim } from './batch';
import { excerpt } from './parse';
import { findQuote } from './quote';

export const QUOTE_NOT_FOUND = "grader's quote not found in the references";

/** A claim the grader failed to judge: unsupported, flagged, never counted as supported. */
export function failedJudgement(reason: string): Judgement {
  return { verdict: 'unsupported', confidence: 0.5, evidence: [], reason, failed: true };
}

const SYNONYMS: Record<string, Verdict> = {
  supported: 'supported',
  support: 'supported',
  entailed: 'supported',
  entailment: 'supported',
  contradicted: 'contradicted',
  contradiction: 'contradicted',
  refuted: 'contradicted',
  unsupported: 'unsupported',
  neutral: 'unsupported',
  'not enough info': 'unsupported',
  'not supported': 'unsupported',
};

export function parseVerdict(v: unknown): Verdict | undefined {
  return typeof v === 'string' ? SYNONYMS[v.trim().toLowerCase().replace(/[_-]/g, ' ')] : undefined;
}

/** The entries of an answer, keyed by claim id ("C3"; a bare 3 is accepted too); the first entry per claim wins. */
export function entriesByClaim(entries: readonly unknown[]): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const e of entries) {
    if (!e || typeof e !== 'object' || Array.isArray(e)) continue;
    const rec = e as Record<string, unknown>;
    const raw = rec['claim'] ?? rec['id'] ?? rec['claim_id'];
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    let id = String(raw).trim().toUpperCase();
    if (/^\d+$/.test(id)) id = `C${id}`;
    if (!out.has(id)) out.set(id, rec);
  }
  return out;
}

/** What the checks of a model's answer say, in each language the UI speaks. */
const EN = {
  invalidVerdict: (v: string) => `grader gave an invalid verdict (${v})`,
  notStated: 'the references do not state this',
  quotedNothing: (verdict: string) => `grader said ${verdict} but quoted nothing from the references`,
  quoteNotFound: QUOTE_NOT_FOUND,
  noSuchPassage: (id: string) => `${QUOTE_NOT_FOUND} (it cited passage ${id}, which does not exist)`,
  states: 'the reference states this',
  saysOtherwise: 'the reference says otherwise',
  noPassage: 'no reference passage mentions this',
  cutOff: 'the answer was cut off (finish_reason: length) before this claim',
  leftOut: "grader's answer left out this claim",
};
export const VERIFY_TEXT: Record<ReasonLanguage, typeof EN> = {
  en: EN,
  ja: {
    invalidVerdict: (v: string) => `判定器の判定が不正です（${v}）`,
    notStated: '参照文書にはその記述がありません',
    quotedNothing: (verdict: string) => `判定器は ${verdict} としましたが、参照文書から何も引用していません`,
    quoteNotFound: '判定器の引用が参照文書に見つかりません',
    noSuchPassage: (id: string) => `判定器の引用が参照文書に見つかりません（存在しない箇所 ${id} を挙げています）`,
    states: '参照文書にそう書かれています',
    saysOtherwise: '参照文書の記述と食い違います',
    noPassage: 'この記述に触れた参照文書の箇所はありません',
    cutOff: 'この主張に届く前に判定器の応答が途切れました（finish_reason: length）',
    leftOut: '判定器の応答にこの主張が含まれていません',
  },
};

export function judgementFromEntry(entry: Record<string, unknown>, claim: BatchClaim, batch: Batch, language: ReasonLanguage = 'en'): Judgement {
  const t = VERIFY_TEXT[language];
  const verdict = parseVerdict(entry['verdict']);
  if (!verdict) return failedJudgement(t.invalidVerdict(excerpt(JSON.stringify(entry['verdict']) ?? 'none', 40)));
  const confidence = toConfidence(entry['confidence']);
  const modelReason = typeof entry['reason'] === 'string' && entry['reason'].trim() ? excerpt(entry['reason'], 300) : undefined;
  const quote = typeof entry['quote'] === 'string' && entry['quote'].trim() ? entry['quote'] : undefined;
  const cited = typeof entry['passage'] === 'string' ? entry['passage'].trim().toUpperCase() : undefined;
  const citedPassage = cited ? batch.byPromptId.get(cited) : undefined;

  const located = quote ? locate(quote, citedPassage, claim, batch) : undefined;
  if (verdict === 'unsupported') {
    return { verdict, confidence, evidence: located ? [located] : [], reason: modelReason ?? t.notStated };
  }
  if (!quote) {
    return { verdict: 'unsupported', confidence: 0.5, evidence: [], reason: t.quotedNothing(verdict) };
  }
  if (!located) {
    const why = cited && !citedPassage ? t.noSuchPassage(excerpt(cited, 12)) : t.quoteNotFound;
    return { verdict: 'unsupported', confidence: 0.5, evidence: [], reason: why };
  }
  return { verdict, confidence, evidence: [located], reason: modelReason ?? (verdict === 'supported' ? t.states : t.saysOtherwise) };
}

/** The quote in the cited passage, else in the claim's own passages, else anywhere in the batch. */
function locate(quote: string, cited: Passage | undefined, claim: BatchClaim, batch: Batch): Evidence | undefined {
  const own = claim.passageIds.map((id) => batch.byPromptId.get(id)!);
  // A batch may join claims of documents with different references (a scan, a CLI run): evidence must come from
  // this claim's references, so only passages of the files its own passages come from count.
  const sources = new Set(own.map((p) => p.source));
  const candidates = new Set<Passage>();
  if (cited && sources.has(cited.source)) candidates.add(cited);
  for (const p of own) candidates.add(p);
  for (const p of batch.passages) if (sources.has(p.passage.source)) candidates.add(p.passage);
  for (const passage of candidates) {
    const m = findQuote(passage.text, quote);
    if (m) return evidenceAt(passage, m.start, m.end);
  }
  return undefined;
}

/** Evidence for `passage.text.slice(start, end)`: its line is the passage's line plus the newlines before it. */
export function evidenceAt(passage: Passage, start: number, end: number): Evidence {
  return { source: passage.source, line: lineIn(passage, start), quote: passage.text.slice(start, end), passageId: passage.id };
}

function toConfidence(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : Number.NaN;
  if (!Number.isFinite(n)) return 0.5;
  const c = n > 1 && n <= 100 ? n / 100 : n;
  return Math.min(1, Math.max(0, c));
}
