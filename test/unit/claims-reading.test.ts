// The grader reads a claim without its Markdown markup and with white space folded; the fix it proposes on what it
// read is put back onto the claim as written, keeping the markup balanced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, indexReferences } from '../../src/core/check';
import { readClaim, writtenFix } from '../../src/core/claims';
import { withoutMarkers } from '../../src/core/claims/citations';
import { createOfflineGrader } from '../../src/core/graders/offline';
import { passagesFromText } from '../../src/core/references';
import type { Finding, GradeRequest, Grader } from '../../src/core/types';

const index = indexReferences(passagesFromText('refs/r.md', 'The Eiffel Tower is 330 metres tall.'));

/** The document with the finding's fix applied, and the claim as it then reads. */
function applied(doc: string, f: Finding): string {
  assert.ok(f.fix, `${f.text}: ${f.verdict}, ${f.reason}`);
  const start = f.start + f.fix.start;
  const end = f.start + f.fix.end;
  const out = doc.slice(0, start) + f.fix.text + doc.slice(end);
  return out.slice(f.start, f.end + out.length - doc.length);
}

async function fixed(doc: string): Promise<string> {
  const [f] = await checkText(doc, index, { grader: createOfflineGrader() });
  assert.equal(f?.verdict, 'contradicted', `${f?.text}: ${f?.reason}`);
  return applied(doc, f);
}

test('a fix replaces the written text of what it replaces, and keeps the markup it cuts through balanced', async () => {
  const cases: [string, string][] = [
    ['The tower is **900** metres tall.', 'The tower is **330 metres** tall.'],
    ['The tower is `900` metres tall.', 'The tower is `330 metres` tall.'],
    ['The tower is 900   metres tall.', 'The tower is 330 metres tall.'],
    ['The tower is 900\nmetres tall.', 'The tower is 330 metres tall.'],
    // A hard line break is read as a space, as a soft one is (it ends no sentence).
    ['The tower is 900  \nmetres tall.', 'The tower is 330 metres tall.'],
    ['The tower is 900\\\nmetres tall.', 'The tower is 330 metres tall.'],
    ['The tower is **about 900** metres tall.', 'The tower is **about 330 metres** tall.'],
    ['The tower is 900 **metres** tall.', 'The tower is **330 metres** tall.'],
    ['The tower is *__900__* metres tall.', 'The tower is *__330 metres__* tall.'],
    ['The tower is <b>900</b> metres tall.', 'The tower is <b>330 metres</b> tall.'],
    ['The tower is [900](https://example.com/t) metres tall.', 'The tower is [330 metres](https://example.com/t) tall.'],
  ];
  for (const [doc, want] of cases) assert.equal(await fixed(doc), want, doc);
  // What the fix says as read (a quick fix's title): "900 metres" to "330 metres", not "900** metres" to "330 metres**".
  const [bold] = await checkText('The tower is **900** metres tall.', index, { grader: createOfflineGrader() });
  assert.deepEqual(bold?.fix?.said, { from: '900 metres', to: '330 metres' });
  const [plain] = await checkText('The tower is 900 metres tall.', index, { grader: createOfflineGrader() });
  assert.equal(plain?.fix?.said, undefined, 'a fix as written needs no second wording');
  // In a block quote, the next line's "> " is part of what is replaced.
  assert.equal(await fixed('> The tower is 900\n> metres tall.'), 'The tower is 330 metres tall.');
  // A construct wholly inside is replaced with the rest; the plain case is untouched.
  assert.equal(await fixed('The tower is 900 metres tall.'), 'The tower is 330 metres tall.');
  assert.equal(await fixed('\uFEFFThe tower is **900** metres tall.'), 'The tower is **330 metres** tall.');
});

/** The claim texts the grader is given. */
async function seen(doc: string): Promise<string[]> {
  const offline = createOfflineGrader();
  const asked: GradeRequest[] = [];
  const grader: Grader = { ...offline, grade: (requests, signal) => (asked.push(...requests), offline.grade(requests, signal)) };
  await checkText(doc, index, { grader });
  return asked.map((r) => r.claim.text);
}

test('the grader reads a link by its text, without its address, and no markup', async () => {
  const plain = 'The tower is 900 metres tall.';
  for (const doc of [
    'The tower is [900](x) metres tall.',
    'The tower is [900](https://example.com/t "Title") metres tall.',
    'The tower is [900][1] metres tall.\n\n[1]: x\n',
    'The tower is [900][] metres tall.\n\n[900]: https://example.com/t\n',
    'The tower is ![a photo](t.png) 900 metres tall.',
    'The tower is <b>900</b> metres tall.',
    'The tower is <span class="n">900</span> <!-- c --> metres tall.',
    'The **tower** is _900_ metres tall.',
    'The **tower** is ~~900~~ metres tall.',
    'The tower is 900 metres tall.[^1]\n\n[^1]: A note.\n',
  ]) {
    assert.equal((await seen(doc))[0], plain, doc);
  }
  // An autolink's text is its address (as a bare address reads); "<br>" in a table row (kept whole) reads as a space.
  assert.equal((await seen('The tower <https://e.x/t> is 900 metres tall.'))[0], 'The tower https://e.x/t is 900 metres tall.');
  assert.deepEqual(await seen('| Name | Height |\n|---|---|\n| Eiffel<br>Tower | **900** metres |\n'), ['Eiffel Tower | 900 metres']);
  // A hard line break reads as a space, in one claim.
  assert.deepEqual(await seen('The tower is **900**  \nmetres tall.'), [plain]);
  assert.deepEqual(await seen('The tower is 900\\\nmetres tall.'), [plain]);
  // An escape reads as the character it escapes.
  assert.equal((await seen('The tower is 900 metres \\*tall\\*.'))[0], 'The tower is 900 metres *tall*.');
  // A numbered link after the subject it cites is no number of the claim's.
  assert.equal((await seen('The tower [1](https://x.y/1) remains 330 metres tall.'))[0], 'The tower remains 330 metres tall.');
  // Contradicted, where the link's number was read as a citation and the claim judged supported.
  const [link] = await checkText('The tower is [900](x) metres tall.', index, { grader: createOfflineGrader() });
  assert.equal(link?.verdict, 'contradicted', link?.reason);
  assert.equal(applied('The tower is [900](x) metres tall.', link!), 'The tower is [330 metres](x) tall.');
  assert.equal((await seen('The tower is [300][t] metres tall.\n\n[t]: https://e.x/t\n'))[0], 'The tower is 300 metres tall.');
  const ref = 'The tower is [900][1] metres tall.\n\n[1]: x\n';
  const [byRef] = await checkText(ref, index, { grader: createOfflineGrader() });
  assert.equal(applied(ref, byRef!), 'The tower is [330 metres][1] tall.');
});

test('a citation before punctuation leaves no space in what the grader reads, and a fix still lands on the text as written', async () => {
  const cases: [string, string][] = [
    ['The tower is 330 metres tall [1](https://e.x/t).', 'The tower is 330 metres tall.'],
    ['The tower is 330 metres tall [1].', 'The tower is 330 metres tall.'],
    ['The tower is 330 metres tall [1][2]!', 'The tower is 330 metres tall!'],
    ['The tower is 330 metres tall [^1].\n\n[^1]: refs/r.md\n', 'The tower is 330 metres tall.'],
    ['The tower is 330 metres tall [1], and it is old.', 'The tower is 330 metres tall, and it is old.'],
    ['The tower is 330 metres tall (see [1]).', 'The tower is 330 metres tall (see).'],
    // Controls: a citation between words is one space, and a space the author wrote before punctuation is kept.
    ['The tower [1](https://e.x/t) is 330 metres tall.', 'The tower is 330 metres tall.'],
    ['The tower is 330 metres tall .', 'The tower is 330 metres tall .'],
  ];
  for (const [doc, want] of cases) assert.equal((await seen(doc))[0], want, doc);
  // The grader's fix on "tall." lands on the written text, the citation kept.
  assert.equal(await fixed('The tower is 900 metres tall [1](https://e.x/t).'), 'The tower is 330 metres tall [1](https://e.x/t).');
  const written = 'The tower is 330 metres tall [1](https://e.x/t).';
  const reading = readClaim(withoutMarkers(written, new Set()), 0, [], written);
  assert.equal(reading.text, 'The tower is 330 metres tall.');
  const on = (start: number, end: number, text: string): string => {
    const fix = writtenFix(written, reading, { start, end, text });
    return written.slice(0, fix.start) + fix.text + written.slice(fix.end);
  };
  assert.equal(on(24, 28, 'high'), 'The tower is 330 metres high [1](https://e.x/t).');
  assert.equal(on(28, 28, ' indeed'), 'The tower is 330 metres tall [1](https://e.x/t) indeed.');
  assert.equal(on(28, 29, '!'), 'The tower is 330 metres tall [1](https://e.x/t)!');
});

test('a numbered link is still a citation where it stands as one', () => {
  const blank = (s: string): string => ' '.repeat(s.length);
  assert.equal(withoutMarkers('tall [1](https://x.y/z).', new Set()), `tall ${blank('[1](https://x.y/z)')}.`);
  assert.equal(withoutMarkers('tall[1](https://x.y/z) and wide', new Set()), `tall${blank('[1](https://x.y/z)')} and wide`);
  assert.equal(withoutMarkers('Paris [1](https://x.y/z) and Lyon', new Set()), `Paris ${blank('[1](https://x.y/z)')} and Lyon`);
  // Before a verb, an article or a preposition it stands as a citation too, not as a number of the claim.
  assert.equal(withoutMarkers('Paris [1](https://x.y/z) is the capital', new Set()), `Paris ${blank('[1](https://x.y/z)')} is the capital`);
  assert.equal(withoutMarkers('The report [2](https://x.y/z) says so', new Set()), `The report ${blank('[2](https://x.y/z)')} says so`);
  assert.equal(withoutMarkers('opened [3](https://x.y/z) in 1889', new Set()), `opened ${blank('[3](https://x.y/z)')} in 1889`);
  assert.equal(withoutMarkers('tall [1][2] here.', new Set(['1', '2'])), `tall ${blank('[1][2]')} here.`);
  // Right after what it cites (a name, or a noun after an article, a demonstrative or a possessive), before any word.
  assert.equal(withoutMarkers('The tower [1](https://x.y/1) remains 330 metres tall.', new Set()), `The tower ${blank('[1](https://x.y/1)')} remains 330 metres tall.`);
  assert.equal(withoutMarkers('The Eiffel Tower [12](https://x.y/1) stands 330 metres tall.', new Set()), `The Eiffel Tower ${blank('[12](https://x.y/1)')} stands 330 metres tall.`);
  assert.equal(withoutMarkers("The city's tower [3](https://x.y/1) rises 330 metres.", new Set()), `The city's tower ${blank('[3](https://x.y/1)')} rises 330 metres.`);
  assert.equal(withoutMarkers('The tower [2][1] remains tall.', new Set()), `The tower ${blank('[2][1]')} remains tall.`);
  // Its number read on into the sentence: the claim's.
  assert.equal(withoutMarkers('is [900](x) metres', new Set()), 'is [900](x) metres');
  assert.equal(withoutMarkers('The tower has [3](x) floors.', new Set()), 'The tower has [3](x) floors.');
  assert.equal(withoutMarkers('The revenue rose [12](x) percent.', new Set()), 'The revenue rose [12](x) percent.');
  assert.equal(withoutMarkers('It stands on [4](x) pillars.', new Set()), 'It stands on [4](x) pillars.');
  assert.equal(withoutMarkers('[900](x) metres is its height.', new Set()), '[900](x) metres is its height.');
  // A word before a figure, capitalised at the sentence's start, is no name the link cites.
  assert.equal(withoutMarkers('Roughly [900](x) people attended.', new Set()), 'Roughly [900](x) people attended.');
  assert.equal(withoutMarkers('Nearly [900](x) people attended.', new Set()), 'Nearly [900](x) people attended.');
  assert.equal(withoutMarkers('is [900][1] metres', new Set()), `is [900]${blank('[1]')} metres`);
  // A reference link to a defined address ("[t]: https://...") whose text is a number that is no label: its text is the claim's.
  assert.equal(withoutMarkers('is [300][t] metres', new Set(['t'])), `is [300]${blank('[t]')} metres`);
  assert.equal(withoutMarkers('is [300][1] metres', new Set(['1'])), `is [300]${blank('[1]')} metres`);
  // Two citations side by side, each a defined label, stay citations.
  assert.equal(withoutMarkers('tall [2][1] here.', new Set(['1', '2'])), `tall ${blank('[2][1]')} here.`);
});

test('a character reference reads as the character it stands for, except in code; a fix around one lands on the text as written', async () => {
  const cases: [string, string][] = [
    ['AT&amp;T was founded in 1885.', 'AT&T was founded in 1885.'],
    ['The&nbsp;tower is 330&nbsp;metres tall.', 'The\u00a0tower is 330\u00a0metres tall.'],
    ['The tower&#39;s height is 330 metres.', "The tower's height is 330 metres."],
    ['The tower&#x27;s height is 330 metres.', "The tower's height is 330 metres."],
    ['The tower is 330 metres &lt; 400 metres &gt; 300 metres, &quot;tall&quot; and &apos;old&apos;.', 'The tower is 330 metres < 400 metres > 300 metres, "tall" and \'old\'.'],
    ['The tower is 330 metres tall &mdash; &copy; Paris.', 'The tower is 330 metres tall \u2014 \u00a9 Paris.'],
    ['The [AT&amp;T tower](https://e.x/t) is 330 metres tall.', 'The AT&T tower is 330 metres tall.'],
    // Not a reference: in a code span, escaped, unknown, without its semicolon, in an autolink (CommonMark reads them as written).
    ['The tower `&amp;` is 330 metres tall.', 'The tower &amp; is 330 metres tall.'],
    ['The tower \\&amp; is 330 metres tall.', 'The tower &amp; is 330 metres tall.'],
    ['The tower &bogus; &amp is 330 metres tall.', 'The tower &bogus; &amp is 330 metres tall.'],
    ['The tower <https://e.x/?a=1&amp;b=2> is 330 metres tall.', 'The tower https://e.x/?a=1&amp;b=2 is 330 metres tall.'],
  ];
  for (const [doc, want] of cases) assert.equal((await seen(doc))[0], want, doc);
  // A plain-text document has no references: "&amp;" is what it says.
  const asked: GradeRequest[] = [];
  const offline = createOfflineGrader();
  await checkText('AT&amp;T was founded in 1885.', index, { format: 'plaintext', grader: { ...offline, grade: (r, s) => (asked.push(...r), offline.grade(r, s)) } });
  assert.equal(asked[0]?.claim.text, 'AT&amp;T was founded in 1885.');
  // The fix replaces the written text its read characters came from: a reference inside is replaced whole, one next to it stays.
  assert.equal(await fixed('The tower is 900&nbsp;metres tall.'), 'The tower is 330 metres tall.');
  assert.equal(await fixed('The tower is **900**&#32;metres tall.'), 'The tower is **330 metres** tall.');
  assert.equal(await fixed('The&nbsp;tower is 900 metres tall.'), 'The&nbsp;tower is 330 metres tall.');
});
