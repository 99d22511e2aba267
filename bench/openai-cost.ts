// OpenAI grader cost: requests and prompt tokens per 100 claims for our design (batched claims, retrieved
// passages sent once per batch) against (a) one request per claim with its passages (FActScore/TruLens
// style) and (b) the whole reference in every request (RAGAS style), plus an unchanged re-check.
// Everything runs against the fake OpenAI-compatible server, which counts tokens as estimateTokens does
// (ASCII chars/4, other chars 1 each), the same counter for all three designs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { MemoryCacheStore } from '../src/core/cache';
import { checkText, indexReferences } from '../src/core/check';
import { createGrader } from '../src/core/graders';
import { estimateTokens } from '../src/core/graders/openai/cost';
import { GRADE_INSTRUCTIONS, dataBlock } from '../src/core/graders/openai/prompt';
import { passagesFromText } from '../src/core/references';
import { checkFiles } from '../src/core/run';
import type { GradeRequest, Grader, Judgement } from '../src/core/types';
import { startOpenAIServer, type FakeOpenAIServer } from '../test/fixtures/openai-server';

interface Doc {
  name: string;
  draft: string;
  format: 'markdown' | 'plaintext';
  refs: { source: string; text: string }[];
}

const root = join(__dirname, '..');

function examples(): Doc[] {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  return [
    { name: 'examples/answer.md', draft: read('examples/answer.md'), format: 'markdown', refs: [{ source: 'examples/references/eiffel-tower.md', text: read('examples/references/eiffel-tower.md') }] },
    { name: 'examples/answer-ja.md', draft: read('examples/answer-ja.md'), format: 'markdown', refs: [{ source: 'examples/references/fuji.md', text: read('examples/references/fuji.md') }] },
  ];
}

// ---------- Generated documents: long references about invented subjects, drafts that summarise part of them. ----------

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SUBJECTS = ['Varda Bridge', 'Ostrel Observatory', 'Kelmark Canal', 'Tarn Valley Railway', 'Lindqvist Library', 'Harrow Point Lighthouse', 'Brisa Dam', 'Nordholm Museum'];
const PEOPLE = ['Ada Marsh', 'Tomas Iver', 'Lena Okafor', 'Piet Halvorsen', 'Maria Castell', 'Jun Sato', 'Oskar Brandt', 'Elif Demir'];
type Fact = (s: string, n: (a: number, b: number) => number, who: string) => string;
const FACTS: Fact[] = [
  (s, n) => `The ${s} was opened to the public in ${n(1850, 1990)}.`,
  (_s, _n, who) => `It was designed by the engineer ${who}, who also supervised its construction.`,
  (s, n) => `Construction of the ${s} took ${n(2, 12)} years and employed about ${n(200, 3000)} workers.`,
  (s, n) => `The total cost of the ${s} was ${n(3, 900)} million euros at the time.`,
  (s, n) => `About ${n(2, 90)} thousand people visit the ${s} every year.`,
  (s, n) => `The main structure of the ${s} is ${n(40, 900)} metres long.`,
  (s, n) => `A major renovation of the ${s} was completed in ${n(1995, 2022)}.`,
  (s, n) => `The ${s} is maintained by a public trust with ${n(12, 400)} employees.`,
  (_s, n) => `Its annual operating budget is about ${n(2, 60)} million euros.`,
  (s, n) => `The ${s} was damaged by a storm in ${n(1900, 1990)} and partly rebuilt.`,
  (s, n) => `The ${s} received national heritage status in ${n(1960, 2015)}.`,
  (s, n) => `Guided tours of the ${s} last about ${n(30, 120)} minutes.`,
  (s, n) => `The site of the ${s} covers ${n(2, 80)} hectares.`,
  (s, n) => `The ${s} has ${n(2, 14)} public entrances.`,
  (_s, n) => `Around ${n(5, 95)} percent of its visitors come from abroad.`,
  (s, n) => `The ${s} is lit at night by ${n(100, 5000)} lamps.`,
  (s, n) => `The oldest surviving drawing of the ${s} dates from ${n(1800, 1880)}.`,
  (s, n) => `A scale model of the ${s}, built in ${n(1900, 2000)}, stands in the town hall.`,
  (s, n) => `The foundations of the ${s} reach ${n(5, 60)} metres below ground.`,
  (s, n) => `In ${n(1950, 2020)} the ${s} welcomed its ten millionth visitor.`,
  (s, n) => `The ${s} was closed for ${n(2, 30)} months during the last restoration.`,
  (s, n) => `A museum shop opened inside the ${s} in ${n(1970, 2020)}.`,
  (s, n) => `The ${s} uses ${n(10, 900)} solar panels for part of its electricity.`,
  (s, n) => `The first guidebook to the ${s} sold ${n(2, 80)} thousand copies.`,
  (s, n) => `The ${s} was featured on a postage stamp in ${n(1930, 2010)}.`,
  (s, n) => `The ${s} hosts about ${n(10, 200)} concerts and events a year.`,
  (s, n) => `The ${s} is ${n(2, 40)} kilometres from the nearest airport.`,
  (s, n) => `An underground archive beneath the ${s} holds ${n(1, 90)} thousand documents.`,
];
const PARTS = ['north tower', 'east wing', 'main hall', 'visitor centre', 'west gate', 'lower terrace', 'upper gallery', 'service tunnel'];
const MEASURES: ((n: (a: number, b: number) => number) => string)[] = [
  (n) => `is ${n(5, 120)} metres high`,
  (n) => `was added in ${n(1860, 2010)}`,
  (n) => `can hold about ${n(50, 5000)} people`,
  (n) => `was restored at a cost of ${n(1, 90)} million euros`,
];
const PLACES = ['Norvik', 'Alder', 'Brenna', 'Castro', 'Delm', 'Ekkor', 'Faro', 'Gilde'];
const TOPICS = ['the design competition', 'the first winter', 'the opening ceremony', 'the labour dispute', 'the funding debate', 'the railway link', 'the flood defences', 'the lighting plan'];
const FILLER: ((s: string, n: (a: number, b: number) => number) => string)[] = [
  (s, n) => `Historians still debate how ${TOPICS[n(0, 7)]} shaped the plans for the ${s}.`,
  (s, n) => `Newspapers in ${PLACES[n(0, 7)]} followed ${TOPICS[n(0, 7)]} at the ${s} closely.`,
  (s, n) => `The district around the ${s} grew quickly after ${TOPICS[n(0, 7)]}.`,
  (s, n) => `Paintings of the ${s} by artists from ${PLACES[n(0, 7)]} are kept in the regional archive.`,
  (s, n) => `Critics first disliked the ${s}, but ${TOPICS[n(0, 7)]} changed opinion within a generation.`,
  (s, n) => `Schools from ${PLACES[n(0, 7)]} regularly organise visits to the ${s}.`,
  (s, n) => `The ${s} appears in several novels set in ${PLACES[n(0, 7)]}.`,
  (s, n) => `Letters about ${TOPICS[n(0, 7)]} are among the papers of the ${s}.`,
  (s, n) => `Volunteers from ${PLACES[n(0, 7)]} help at the ${s} during the summer season.`,
  (s, n) => `An engineering journal described ${TOPICS[n(0, 7)]} at the ${s} in detail.`,
];

/**
 * A long reference (30 sections, 60 facts among background sentences, about 16k characters, the size of
 * a long article or a spec) and a draft that summarises part of it: 10 to 24 claims, most true, some with
 * a wrong number, some not in the reference at all.
 */
function generated(i: number): Doc {
  const r = rng(1000 + i);
  const n = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const subject = SUBJECTS[i % SUBJECTS.length]!;
  const who = PEOPLE[i % PEOPLE.length]!;
  const facts = [...FACTS.map((f) => f(subject, n, who)), ...PARTS.flatMap((p) => MEASURES.map((m) => `The ${p} of the ${subject} ${m(n)}.`))];
  const inRef = facts.slice(0, 56);
  const notInRef = facts.slice(56);
  const shuffled = [...inRef].sort(() => r() - 0.5);
  const fill = () => FILLER[n(0, FILLER.length - 1)]!(subject, n);
  const sections: string[] = [`# The ${subject}`];
  for (let sec = 0; sec < 28; sec++) {
    sections.push(`## Part ${sec + 1}\n\n${[shuffled[sec * 2]!, fill(), fill()].join(' ')}\n\n${[fill(), shuffled[sec * 2 + 1]!, fill()].join(' ')}`);
  }
  const count = 10 + ((i * 5) % 15);
  const draft: string[] = [];
  const picked = [...inRef].sort(() => r() - 0.5).slice(0, count - 2);
  for (const fact of [...picked, ...notInRef.slice(0, 2)]) {
    const sentence = r() < 0.2 ? fact.replace(/\d+/, (d) => String(Number(d) + 3)) : fact;
    draft.push(draft.length % 4 === 3 ? `${sentence}\n\n` : `${sentence} `);
  }
  return { name: `generated/draft-${i + 1}.md`, draft: `# Notes on the ${subject}\n\n${draft.join('')}`, format: 'markdown', refs: [{ source: `generated/ref-${i + 1}.md`, text: sections.join('\n\n') }] };
}

/**
 * The generated drafts cut into one file per paragraph (a folder of short answers), checked as a workspace scan
 * checks them: with the run joining documents' claims into batches, and with one request per document.
 */
async function smallDocuments(server: FakeOpenAIServer, docs: readonly Doc[]): Promise<{ files: number; claims: number; joined: number; perDocument: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-bench-small-'));
  try {
    const refOf = new Map<string, string>();
    docs.forEach((doc, i) => {
      mkdirSync(join(dir, 'refs'), { recursive: true });
      writeFileSync(join(dir, 'refs', `ref-${i}.md`), doc.refs[0]!.text);
      doc.draft.split(/\n\n+/).slice(1).filter((p) => p.trim()).forEach((paragraph, k) => {
        const file = `docs/d${i}-${k}.md`;
        mkdirSync(join(dir, 'docs'), { recursive: true });
        writeFileSync(join(dir, file), `${paragraph.trim()}\n`);
        refOf.set(file, `refs/ref-${i}.md`);
      });
    });
    const run = async (joined: boolean): Promise<{ requests: number; claims: number }> => {
      const grader = createGrader({ kind: 'openai', baseURL: server.baseURL, apiKey: 'bench', model: 'bench', maxRetries: 0 });
      // Without its batch size the run cannot join documents: one grade call, so one request, per document.
      const asked = joined ? grader : { info: grader.info, usage: () => grader.usage(), grade: grader.grade.bind(grader) };
      const result = await checkFiles({ cwd: dir, files: [...refOf.keys()], grader: asked, referencesFor: (f) => [refOf.get(f)!] });
      return { requests: grader.usage().requests, claims: result.files.reduce((n, f) => n + f.findings.length, 0) };
    };
    const together = await run(true);
    const apart = await run(false);
    return { files: refOf.size, claims: together.claims, joined: together.requests, perDocument: apart.requests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- The two baselines, as prompt builders. ----------

type Msg = { role: 'system' | 'user'; content: string };

/** (a) FActScore/TruLens style: one request per claim, with that claim's retrieved passages. */
function perClaimPrompt(r: GradeRequest): Msg[] {
  const passages = r.passages.map((p, i) => ({ id: `P${i + 1}`, text: p.passage.text }));
  return [
    { role: 'system', content: GRADE_INSTRUCTIONS },
    { role: 'user', content: `${dataBlock('passages', passages)}\n\n${dataBlock('claims', [{ id: 'C1', text: r.claim.text, passages: passages.map((p) => p.id) }])}` },
  ];
}

/** (b) RAGAS style: the whole reference and all of a document's claims in one request. */
function wholeReferencePrompt(doc: Doc, requests: readonly GradeRequest[]): Msg[] {
  const passages = doc.refs.map((ref, i) => ({ id: `P${i + 1}`, text: ref.text }));
  const claims = requests.map((r, i) => ({ id: `C${i + 1}`, text: r.claim.text, passages: passages.map((p) => p.id) }));
  return [
    { role: 'system', content: GRADE_INSTRUCTIONS },
    { role: 'user', content: `${dataBlock('passages', passages)}\n\n${dataBlock('claims', claims)}` },
  ];
}

async function sendAll(server: FakeOpenAIServer, prompts: Msg[][]): Promise<{ requests: number; promptTokens: number }> {
  const sdk = new OpenAI({ baseURL: server.baseURL, apiKey: 'bench', maxRetries: 0 });
  let promptTokens = 0;
  for (const messages of prompts) {
    const res = await sdk.chat.completions.create({ model: 'bench', messages, temperature: 0 });
    promptTokens += res.usage?.prompt_tokens ?? 0;
  }
  return { requests: prompts.length, promptTokens };
}

/** Captures the grade requests the pipeline makes, answering nothing useful. */
function recorder(): Grader & { captured: GradeRequest[][] } {
  const captured: GradeRequest[][] = [];
  return {
    captured,
    info: { id: 'offline' },
    usage: () => ({ requests: 0, promptTokens: 0, completionTokens: 0 }),
    grade: async (rs) => {
      captured.push([...rs]);
      return rs.map((): Judgement => ({ verdict: 'unsupported', confidence: 0, evidence: [], reason: '' }));
    },
  };
}

const per100 = (x: number, claims: number) => ((x * 100) / claims).toFixed(1);

export async function main(): Promise<void> {
  const docs = [...examples(), ...Array.from({ length: 10 }, (_, i) => generated(i))];
  const prepared = docs.map((doc) => ({
    doc,
    index: indexReferences(doc.refs.flatMap((r) => passagesFromText(r.source, r.text, 'markdown'))),
  }));
  const server = await startOpenAIServer();
  try {
    // Our design, through the real pipeline.
    const store = new MemoryCacheStore();
    const config = { kind: 'openai' as const, baseURL: server.baseURL, apiKey: 'bench', model: 'bench', cacheStore: store, maxRetries: 0 };
    const grader = createGrader(config);
    let claims = 0;
    const verdicts: Record<string, number> = { supported: 0, contradicted: 0, unsupported: 0, failed: 0 };
    for (const { doc, index } of prepared) {
      const findings = await checkText(doc.draft, index, { grader, format: doc.format });
      claims += findings.length;
      for (const f of findings) verdicts[f.failed ? 'failed' : f.verdict]!++;
    }
    const ours = grader.usage();
    const split = { instructions: 0, passages: 0, claims: 0, passagesSent: 0 };
    for (const r of server.requests) {
      const at = r.user.indexOf('<claims>');
      split.instructions += estimateTokens(r.system);
      split.passages += estimateTokens(r.user.slice(0, at));
      split.claims += estimateTokens(r.user.slice(at));
      split.passagesSent += r.passages?.length ?? 0;
    }

    // Same documents again: all from the cache.
    const before = server.requests.length;
    for (const { doc, index } of prepared) await checkText(doc.draft, index, { grader, format: doc.format });
    const recheck = server.requests.length - before;

    // One sentence edited in one document: one claim re-graded.
    const edited = prepared[2]!;
    const editedDraft = edited.doc.draft.replace(/\d+/, (d) => String(Number(d) + 1));
    if (editedDraft === edited.doc.draft) throw new Error('the bench expects a number in the draft');
    const beforeEdit = server.requests.length;
    await checkText(editedDraft, edited.index, { grader, format: edited.doc.format });
    const editRequests = server.requests.slice(beforeEdit);

    // The baselines over exactly the same claims and retrieved passages.
    const rec = recorder();
    for (const { doc, index } of prepared) await checkText(doc.draft, index, { grader: rec, format: doc.format });
    const perClaim = await sendAll(server, rec.captured.flat().map(perClaimPrompt));
    const whole = await sendAll(server, prepared.map((p, i) => wholeReferencePrompt(p.doc, rec.captured[i]!)));

    const refChars = docs.reduce((n, d) => n + d.refs.reduce((m, r) => m + r.text.length, 0), 0);
    console.log(`documents: ${docs.length} (2 from examples/, ${docs.length - 2} generated), ${claims} claims, ${(refChars / 1000).toFixed(0)}k reference characters`);
    console.log(`verdicts (fake server): ${Object.entries(verdicts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log('design                               requests/100 claims   prompt tokens/100 claims');
    const row = (name: string, r: { requests: number; promptTokens: number }) =>
      console.log(`${name.padEnd(37)}${per100(r.requests, claims).padStart(19)}${per100(r.promptTokens, claims).padStart(27)}`);
    row('ClaimCheck (batched, passages once)', ours);
    row('(a) one request per claim', perClaim);
    row('(b) whole reference per request', whole);
    const ratio = ours.promptTokens / whole.promptTokens;
    console.log(`ClaimCheck prompt tokens = ${(ratio * 100).toFixed(0)}% of (b), ${((ours.promptTokens / perClaim.promptTokens) * 100).toFixed(0)}% of (a)`);
    const total = split.instructions + split.passages + split.claims;
    const pct = (x: number) => `${((x * 100) / total).toFixed(0)}%`;
    console.log(`ClaimCheck prompt split: instructions ${pct(split.instructions)}, passages ${pct(split.passages)} (${split.passagesSent} sent of ${prepared.reduce((k, p) => k + p.index.passages.length, 0)} in the references), claims ${pct(split.claims)}`);
    console.log(`unchanged re-check: ${recheck} requests; one sentence edited: ${editRequests.length} request(s) with ${editRequests.reduce((n, r) => n + (r.claims?.length ?? 0), 0)} claim(s)`);
    const small = await smallDocuments(server, docs.slice(2));
    console.log(`a workspace of ${small.files} one-paragraph documents (${small.claims} claims): ${per100(small.joined, small.claims)} requests/100 claims with documents joined into batches, ${per100(small.perDocument, small.claims)} one request per document`);
    const ok = (ours.requests * 100) / claims <= 10 && ratio <= 0.6 && recheck === 0;
    console.log(`targets (<=10 requests/100 claims, <=60% of (b)'s prompt tokens, 0 on re-check): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    await server.close();
  }
}
