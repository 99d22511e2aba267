// Citations: "[1]" markers with definitions ("[1]: references/fuji.md") send a claim to the reference it cites
// first; a claim its cited reference does not support, but another does, is flagged as wrongly cited.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkText, claimsToCheck, DEFAULT_TOP_K, indexReferences, searchFor } from '../../src/core/check';
import { requestsAtMost } from '../../src/core/cited';
import { citationDefinitions, citedLabels, namedLike, sourcesFor, withoutMarkers } from '../../src/core/claims/citations';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { passagesFromText } from '../../src/core/references';
import type { GradeRequest } from '../../src/core/types';

const REFS = [
  ...passagesFromText('references/eiffel.md', 'The Eiffel Tower is 330 metres tall. It was completed in 1889.'),
  ...passagesFromText('references/fuji.md', 'Mount Fuji is 3,776 metres high. Its last eruption began in 1707.'),
];
const index = indexReferences(REFS);

test('definitions, the labels a claim cites (inside it or right after it) and the files they name', () => {
  const text = 'Fuji is tall [1]. Fuji erupted.[^2] [3]\n\n[1]: ../references/fuji.md\n  [^2]: <references/eiffel.md> "title"\n[3]: https://example.com/fuji\n';
  const defs = citationDefinitions(text);
  assert.deepEqual(defs.map((d) => [d.label, d.target]), [['1', '../references/fuji.md'], ['^2', 'references/eiffel.md'], ['3', 'https://example.com/fuji']]);
  assert.equal(text.slice(defs[0]!.start, defs[0]!.end), '[1]: ../references/fuji.md');
  assert.deepEqual(citedLabels(text, { start: 0, end: 17 }), ['1']);
  assert.deepEqual(citedLabels(text, { start: 18, end: 31 }), ['^2', '3']);
  assert.deepEqual(citedLabels('See [the guide](guide.md) now.', { start: 0, end: 30 }), []);
  const sources = ['references/fuji.md', 'references/eiffel.md'];
  assert.deepEqual(sourcesFor('../references/fuji.md', sources), ['references/fuji.md']);
  assert.deepEqual(sourcesFor('./references/eiffel.md#L2', sources), ['references/eiffel.md']);
  assert.deepEqual(sourcesFor('fuji.md', sources), ['references/fuji.md']);
  assert.deepEqual(sourcesFor('https://example.com/references/fuji.md', sources), []);
  assert.deepEqual(sourcesFor('other.md', sources), []);
  assert.deepEqual(sourcesFor('C:\\work\\references\\fuji.md', sources), ['references/fuji.md'], 'a Windows path is no web address');
});

test('markers are blanked for grading, keeping every offset', () => {
  assert.equal(withoutMarkers('It was built in 1889 [1][^a].', new Set()), `It was built in 1889 ${' '.repeat(7)}.`);
  assert.equal(withoutMarkers('Rated [sic] well [src].', new Set(['src'])), `Rated [sic] well ${' '.repeat(5)}.`);
});

test('a claim that cites the reference which states it is supported; "[1]" is no number of the claim', async () => {
  const text = 'The Eiffel Tower was completed in 1889 [1]. Mount Fuji is 3,776 metres high.[^2]\n\n[1]: references/eiffel.md\n[^2]: references/fuji.md\n';
  const findings = await checkText(text, index, { grader: createOfflineGrader() });
  assert.deepEqual(findings.map((f) => [f.text, f.verdict]), [
    ['The Eiffel Tower was completed in 1889 [1].', 'supported'],
    ['Mount Fuji is 3,776 metres high.', 'supported'],
  ]);
  assert.deepEqual(findings.map((f) => f.evidence[0]?.source), ['references/eiffel.md', 'references/fuji.md']);
});

test('a claim its cited reference does not support, but another does, is flagged as wrongly cited', async () => {
  const text = 'Mount Fuji is 3,776 metres high [1].\n\n[1]: ../references/eiffel.md\n';
  const [f] = await checkText(text, index, { grader: createOfflineGrader() });
  assert.equal(f?.verdict, 'unsupported');
  assert.match(f!.reason, /the cited reference \(\[1\] \.\.\/references\/eiffel\.md\) does not support this, but \.\.\/references\/fuji\.md does/);
  assert.equal(f!.evidence[0]?.source, 'references/fuji.md', 'the evidence is where it is supported');
  const [ja] = await checkText(text, index, { grader: createOfflineGrader({ language: 'ja' }), language: 'ja' });
  assert.match(ja!.reason, /引用元（\[1\] \.\.\/references\/eiffel\.md）にはこの記述の根拠がありませんが、\.\.\/references\/fuji\.md にはあります/);
});

test('"cite that instead" names the file as the document names its references, from wherever it stands', async () => {
  const nested = indexReferences([
    ...passagesFromText('docs/references/eiffel.md', 'The Eiffel Tower is 330 metres tall.'),
    ...passagesFromText('docs/references/fuji.md', 'Mount Fuji is 3,776 metres high.'),
  ]);
  const reasonFor = async (target: string): Promise<string> => (await checkText(`Mount Fuji is 3,776 metres high [1].\n\n[1]: ${target}\n`, nested, { grader: createOfflineGrader() }))[0]!.reason;
  assert.match(await reasonFor('references/eiffel.md'), /but references\/fuji\.md does/);
  assert.match(await reasonFor('./references/eiffel.md'), /but \.\/references\/fuji\.md does/);
  assert.match(await reasonFor('eiffel.md'), /but fuji\.md does/);
  assert.match(await reasonFor('/home/me/docs/references/eiffel.md'), /but docs\/references\/fuji\.md does/, 'an absolute path teaches nothing');
  assert.equal(namedLike('docs/references/b.md', { target: '../references/a.md', source: 'docs/references/a.md' }), '../references/b.md');
  assert.equal(namedLike('references/b.md', { target: 'refs/a.md', source: 'docs/refs/a.md' }), '../references/b.md', 'written from docs/');
  assert.equal(namedLike('other/b.md', { target: '../refs/a.md', source: 'refs/a.md' }), '../other/b.md');
  assert.equal(namedLike('refs/b.md', { target: 'refs\\a.md', source: 'refs/a.md' }), 'refs\\b.md', 'backslashes kept');
});

test('a wrong claim that cites a reference stays wrong; a web citation or none is checked against all references', async () => {
  const text = 'Mount Fuji is 4,100 metres high [1]. Mount Fuji is 3,776 metres high [2]. The Eiffel Tower is 330 metres tall.\n\n[1]: references/fuji.md\n[2]: https://example.com/fuji\n';
  const findings = await checkText(text, index, { grader: createOfflineGrader() });
  assert.deepEqual(findings.map((f) => f.verdict), ['contradicted', 'supported', 'supported']);
  assert.doesNotMatch(findings[0]!.reason, /cited/);
});

test('markers after a full stop end the sentence; a claim citing the wrong reference is still judged as usual', async () => {
  // Before: "high.[1] The tower ..." was one claim, supported, hiding the wrong 900.
  const text = 'Mount Fuji is 3,776 metres high.[1] The Eiffel Tower is 900 metres tall.[2] It was completed in 1889 [1].\n\n[1]: references/fuji.md\n[2]: references/eiffel.md\n';
  const findings = await checkText(text, index, { grader: createOfflineGrader() });
  assert.deepEqual(findings.map((f) => [f.text, f.verdict]), [
    ['Mount Fuji is 3,776 metres high.', 'supported'],
    ['The Eiffel Tower is 900 metres tall.', 'contradicted'],
    ['It was completed in 1889 [1].', 'unsupported'],
  ]);
  // The same in Markdown's harder forms ("![2]" reads as an image, "[2][1]" as a link) and after "。".
  const forms = 'The Eiffel Tower was completed in 1889![2] It is 900 metres tall.[2][1] Mount Fuji is 3,776 metres high [1–2].\n\n[1]: references/fuji.md\n[2]: references/eiffel.md\n';
  assert.deepEqual((await checkText(forms, index, { grader: createOfflineGrader() })).map((f) => [f.text, f.verdict]), [
    ['The Eiffel Tower was completed in 1889!', 'supported'],
    ['It is 900 metres tall.', 'contradicted'],
    ['Mount Fuji is 3,776 metres high [1–2].', 'supported'],
  ]);
  const ja = '東京タワーは1958年に完成した。[1]富士山の標高は3776メートルである。[2]\n\n[1]: references/fuji.md\n[2]: references/eiffel.md\n';
  const [, second] = await checkText(ja, index, { grader: createOfflineGrader() });
  assert.equal(second?.text, '富士山の標高は3776メートルである。', 'the marker after 。 belongs to the sentence before');
  // Citing the wrong reference, and wrong everywhere: the contradiction and its fix, as without a citation.
  const [wrong] = await checkText('The Eiffel Tower is 900 metres tall [b].\n\n[b]: references/fuji.md\n', index, { grader: createOfflineGrader() });
  assert.equal(wrong?.verdict, 'contradicted');
  assert.equal(wrong?.fix?.text, '330 metres');
});

test('footnotes of prose are claims; only a path or address alone is a definition, also in a run of them', async () => {
  const text = 'The Eiffel Tower is 330 metres tall [^1].\n\n[^1]: The tower was designed by Zorblax Quentin.\n[^2]: references/fuji.md\n[3]: references/eiffel.md "Eiffel"\n';
  assert.deepEqual(citationDefinitions(text).map((d) => d.label), ['^2', '3']);
  const findings = await checkText(text, index, { grader: createOfflineGrader() });
  assert.deepEqual(findings.map((f) => [f.text, f.verdict]), [
    ['The Eiffel Tower is 330 metres tall [^1].', 'supported'],
    ['The tower was designed by Zorblax Quentin.', 'unsupported'],
  ]);
});

test('numbered links, lists of labels and inline code', async () => {
  const text = 'The Eiffel Tower is 330 metres tall [1](https://example.com/eiffel).\nUse `arr[1]` for the 330 metres of the Eiffel Tower.\nMount Fuji is 3,776 metres high [2, 1].\n\n[1]: references/eiffel.md\n[2]: references/fuji.md\n';
  assert.deepEqual(citedLabels(text, { start: 0, end: 0 }), []);
  const findings = await checkText(text, index, { grader: createOfflineGrader() });
  assert.deepEqual([findings[0]!.verdict, findings[2]!.verdict], ['supported', 'supported']);
  assert.ok(!findings.some((f) => /cited/.test(f.reason)), findings.map((f) => f.reason).join(' | '));
  assert.doesNotMatch(findings[0]!.reason, /never gives 1/);
  assert.equal(withoutMarkers('tall [1](https://x.y/z).', new Set()), `tall ${' '.repeat(18)}.`);
  assert.equal(withoutMarkers('Use `arr[1]` here [2, 3].', new Set(['2', '3'])), `Use \`arr[1]\` here ${' '.repeat(6)}.`);
});

test("an interval of the claim's own is no citation: '[0, 100]' and '[1-3]' stay where nothing defines them", async () => {
  assert.equal(withoutMarkers('Scores range over [0, 100].', new Set()), 'Scores range over [0, 100].');
  assert.equal(withoutMarkers('Pages [1-3] and note [4].', new Set()), `Pages [1-3] and note ${' '.repeat(3)}.`);
  assert.equal(withoutMarkers('As shown [1, 2].', new Set(['1', '2'])), `As shown ${' '.repeat(6)}.`);
  const refs = indexReferences(passagesFromText('references/a.md', 'Scores on the test range from 0 to 10.'));
  const [f] = await checkText('Scores on the test range over [0, 100].', refs, { grader: createOfflineGrader() });
  assert.notEqual(f?.verdict, 'supported');
});

test('a claim its cited reference supports in part (another gives the rest) is not called miscited', async () => {
  const text = 'The Eiffel Tower is 330 metres tall and was completed in 1889 and Mount Fuji is 3,776 metres high.[1]\n\n[1]: references/eiffel.md\n';
  const [f] = await checkText(text, index, { grader: createOfflineGrader() });
  assert.doesNotMatch(f!.reason, /cite that instead/);
});

test('with atomic claims, the markers after the sentence still count; a definition on a first line after a BOM counts', async () => {
  const offline = createOfflineGrader();
  // Atomic claims end before the full stop, where the marker is.
  const grader = { ...offline, decompose: async (claims: readonly { text: string; start: number; end: number }[]) => claims.map((c) => [{ ...c, text: c.text.replace(/\.$/, ''), end: c.end - 1 }]) };
  const [f] = await checkText('Mount Fuji is 3,776 metres high.[1]\n\n[1]: references/eiffel.md\n', index, { grader });
  assert.match(f!.reason, /the cited reference \(\[1\] references\/eiffel\.md\)/);
  assert.deepEqual(citationDefinitions('\uFEFF[1]: references/fuji.md\nMount Fuji is 3,776 metres high.[1]\n').map((d) => d.label), ['1']);
});

test('the cost preview counts every grading a check asks for, the re-grade of a claim its citation does not support included', async () => {
  const offline = createOfflineGrader();
  const graded: string[] = [];
  const counting = { ...offline, grade: async (rs: readonly GradeRequest[], signal?: AbortSignal) => (graded.push(...rs.map((r) => r.claim.text)), offline.grade(rs, signal)) };
  const text = 'Mount Fuji is 3,776 metres high [1]. The Eiffel Tower was completed in 1889.\n\n[1]: references/eiffel.md\n';
  await checkText(text, index, { grader: counting });
  const { requests, cites } = await searchFor(text, await claimsToCheck(text, {}), index);
  const preview = requestsAtMost(requests, cites, index, DEFAULT_TOP_K);
  assert.equal(graded.length, 3, 'the miscited claim is graded twice');
  assert.deepEqual(preview.map((r) => r.claim.text).sort(), graded.sort());
});
