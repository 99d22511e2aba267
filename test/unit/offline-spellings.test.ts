// One word, several spellings: invisible and look-alike characters (zero-width, no-break and thin spaces, fullwidth
// digits, en dashes), a letter with a separate accent, accents in names, a prefix joined to a name ("ex-Aldershot"), a
// hyphen written with spaces ("mid - to -late"), inflections ("used" is "use", not the U.S.)
// and the lexicon's shared keys (won = win, film = movie, "USA" = "united states"). Japanese kana and kanji spellings
// are in offline-japanese.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialisms, isAcronym, spacedCompounds, tokens } from '../../src/core/graders/offline/text';
import { fixed, flagged, grade, notSupported, supported } from './offline-verdicts';

test('invisible characters inside a number or a name are read as absent', async () => {
  await supported('The tower is 3\u200C30 metres tall.', 'The tower is 330 metres tall.');
  await supported('The tower is 330 metres tall.', 'The tower is 3\u200B30 metres tall.');
  await supported('The tower is 3\u206030 metres tall.', 'The tower is 330 metres tall.');
  await supported('The Eif\u200Bfel Tower is 330 metres tall.', 'The Eiffel Tower is 330 metres tall.');
  await supported('The Eif\u00ADfel Tower is 330 metres tall.', 'The Eiffel Tower is 330 metres tall.');
  await supported('The Eif\u200Dfel Tower is 330 metres tall.', 'The \u202AEif\uFEFFfel\u202C Tower is 330 metres tall.');
  await supported('\u2066東京\u2069タワーの高さは3\u200B33メートルです。', '東京タワーの高さは333メートルです。');
  // Still a clash where the value differs, with the fix over the whole written number, invisible characters and all.
  const j = await fixed('The tower is 3\u200C30 metres tall.', 'The tower is 324 metres tall.', '3\u200C30 metres', '324 metres');
  assert.equal(j.reason, 'reference says 324 metres, claim says 330 metres');
});

test('no-break and thin spaces between digit groups are thousands separators', async () => {
  await supported('Mount Fuji is 3\u202F776 metres high.', 'Mount Fuji is 3,776 metres high.');
  await supported('The bridge is 1\u00A0083 feet long.', 'The bridge is 1,083 feet long.');
  await supported('The bridge is 1,083 feet long.', 'The bridge is 1\u2009083 feet long.');
  await fixed('Mount Fuji is 3\u202F776 metres high.', 'Mount Fuji is 3,777 metres high.', '3\u202F776 metres', '3,777 metres');
  // A year then a count stay two numbers.
  await notSupported('In 2019\u00A0500 people attended.', 'In 2019, 900 people attended.', undefined, 'contradicted');
});

test('fullwidth digits, a minus sign and an en dash read as their ASCII forms', async () => {
  await supported('富士山の高さは３７７６メートルです。', '富士山の高さは3776メートルです。');
  await notSupported('富士山の高さは３７７６メートルです。', '富士山の高さは3777メートルです。', undefined, 'contradicted');
  // An en dash between years is the hyphen: the claim grades as written with one, confidence included.
  const [dash, hyphen] = [await grade('The war lasted from 1939\u20131945.', 'The war lasted from 1939-1945.'), await grade('The war lasted from 1939-1945.', 'The war lasted from 1939-1945.')];
  assert.deepEqual([dash.verdict, dash.confidence], [hyphen.verdict, hyphen.confidence]);
  await supported('The war lasted from 1939-1945.', 'The war lasted from 1939\u20131945.');
  // The reference's words are the same as read: evidence quotes the passage as written.
  const ref = 'The war lasted from \u20661939\u20131945\u2069.';
  const j = await grade('The war lasted from 1939-1945.', ref);
  assert.equal(j.verdict, 'supported', j.reason);
  assert.equal(j.evidence[0]?.quote, ref);
});

test('a letter written with a separate accent is the composed letter, and accents come and go in names', async () => {
  await supported('François Truffaut directed the film in 1959.', 'Franc\u0327ois Truffaut directed the film in 1959.');
  await supported('Franc\u0327ois Truffaut directed the film in 1959.', 'François Truffaut directed the film in 1959.');
  await supported('The plane landed in Sao Paulo in 2019.', 'The plane landed in São Paulo in 2019.');
  // The fix still points at the written text: the decomposed letter is one letter, not cut in two.
  const j = await grade('Franc\u0327ois Truffaut directed the film in 1958.', 'François Truffaut directed the film in 1959.');
  assert.equal(j.verdict, 'contradicted', j.reason);
  // Control: another name is another name.
  await notSupported('The plane landed in Rio in 2019.', 'The plane landed in São Paulo in 2019.');
});

test('a prefix joined to a name by a hyphen names it: "ex-Aldershot" gives Aldershot', async () => {
  const ref = 'The ex-Aldershot and Exeter player Anderson, who has also played in Italy, joined Torquay.';
  await supported('Anderson has played for Aldershot, Exeter and in Italy.', ref);
  await supported('Anderson once played for Aldershot and Exeter.', 'The Ex-Aldershot and Exeter player Anderson joined Torquay.');
  // Controls: another name is still missing; a prefix joined to a common word makes another thing (an ex-wife is no
  // wife, non-toxic is not toxic); a hyphen after a letter or a digit still joins one word.
  await notSupported('Anderson has played for Barnet, Exeter and in Italy.', ref, "reference never mentions 'Barnet'");
  const wife = await grade('She is his wife.', 'She is his ex-wife.');
  assert.notEqual(wife.verdict, 'supported', wife.reason);
  await notSupported('The substance is toxic.', 'The substance is non-toxic.', "reference says 'non-toxic', claim says 'toxic'", 'contradicted');
  assert.deepEqual(tokens('ex-Aldershot, COVID-19, x-ray, F-16').map((t) => t.surface), ['ex-Aldershot', 'COVID-19', 'x-ray', 'F-16']);
});

test('a word written with a spaced hyphen ("mid - to -late") is the hyphenated word a reference writes whole', async () => {
  const whole = async (claim: string, ref: string): Promise<void> => {
    const j = await grade(claim, ref);
    assert.equal(j.verdict, 'supported', j.reason);
    assert.match(j.reason, /100% of the claim's terms/, claim);
  };
  await whole('The event is held in mid - to -late August.', 'The event is held in mid-to-late August.');
  await whole('The team has an all - star roster.', 'The team has an all-star roster.');
  await whole('The jumper sped down the in - run.', 'The jumper sped down the in-run.');
  // Controls: a word the reference writes apart is not given by the compound ("late August" has no "mid"), and a dash
  // in prose joins nothing.
  const part = await grade('The event is held in mid - to -late August.', 'The event is held in late August.');
  assert.match(part.reason, /80% of the claim's terms/);
  await supported('Paris - the capital of France - has many museums.', 'Paris, the capital of France, has many museums.');
  const text = 'a mid - to -late entry, 18 - 49 viewers';
  assert.deepEqual(spacedCompounds(text, tokens(text)).map((c) => text.slice(c.start, c.end)), ['mid - to -late'], 'a range of digits is no word');
});

test('"used", "uses", "using" are "use", not the U.S.', async () => {
  await supported('The players use three balls per frame instead of two.', 'Each player uses three balls per frame, rather than two.');
  // Control: the U.S. is still the U.S.
  await supported('The company moved to the US in 2019.', 'The company moved to the United States in 2019.');
});

test('a lexicon phrase matches its one-word mate either way round ("USA" = "united states")', async () => {
  await supported('The company was founded in the USA in 1998.', 'The company was founded in the United States in 1998.');
  await supported('the sport was first played in the usa in 1891.', 'the sport was first played in the united states in 1891.');
  await supported('The firm moved its offices to the United States in 2001.', 'The firm moved its offices to the USA in 2001.');
  // Control: another country.
  await notSupported('The firm moved its offices to the United States in 2001.', 'The firm moved its offices to the UK in 2001.');
});

test('lexicon: irregular forms, number words and synonyms share a key', () => {
  const key = (w: string): string => tokens(w)[0]!.key;
  assert.equal(key('won'), key('win'));
  assert.equal(key('seven'), key('7'));
  assert.equal(key('film'), key('movie'));
  assert.notEqual(key('left'), key('leave'), 'left stays a direction');
  assert.equal(key('organised'), key('organized'));
  assert.equal(key('colour'), key('color'));
  assert.equal(key('programme'), key('program'));
  assert.equal(key('rises'), key('rise'));
  assert.equal(key('Ibero-American'), key('Iberoamerican'));
  // Groups that share a word are one group, and inflected forms reach it through their stem.
  assert.equal(key('started'), key('began'));
  assert.equal(key('utilized'), key('use'));
  assert.equal(key('1960\'s'), key('1960s'));
  assert.equal(key('08'), key('8'));
  assert.equal(key('employees'), key('workers'));
  assert.equal(key('fostered'), key('encouraged'));
  assert.equal(key('II'), key('second'), 'World War II is the Second World War');
  assert.equal(tokens('海岸')[0]!.key, tokens('砂浜')[0]!.key, 'everyday Japanese synonyms share a key');
});

test('a name\'s initials read its capitalised stop word and may read its "of": "Most Valuable Player" = MVP, "Department of Defense" = DoD', async () => {
  // The claim's "Most" is a stop word, left out of its content words: its initials still read it.
  await supported('Okafor won the league\'s Most Valuable Player award in 2021.', 'Okafor won the league\'s MVP award in 2021.');
  await supported('Okafor won the league\'s MVP award in 2021.', 'Okafor won the league\'s Most Valuable Player award in 2021.');
  // "of" read ("DoD", "BofA") or left out ("FBI"), either way round.
  await supported('Maria Lopez joined the Department of Defense in 2010.', 'Maria Lopez joined the DoD in 2010.');
  await supported('Maria Lopez joined the DOD in 2010.', 'Maria Lopez joined the Department of Defense in 2010.');
  await supported('Tom Reed worked at Bank of America until 2015.', 'Tom Reed worked at BofA until 2015.');
  await supported('Tom Reed worked for the FBI until 2015.', 'Tom Reed worked for the Federal Bureau of Investigation until 2015.');
  await supported('Tom Reed worked for the Federal Bureau of Investigation until 2015.', 'Tom Reed worked for the FBI until 2015.');
  // Controls: other initials are another name; a comma ends a name; a capital that opens the sentence says nothing.
  await flagged('Okafor won the league\'s Most Valuable Player award in 2021.', 'Okafor won the league\'s MVC award in 2021.');
  await flagged('Maria Lopez joined the DOE in 2010.', 'Maria Lopez joined the Department of Defense in 2010.');
  await flagged('Tom Reed worked at Bank of America until 2015.', 'Tom Reed worked at BOC until 2015.');
  await flagged('Tom Reed thanked Boston, Massachusetts in 2015.', 'Tom Reed thanked the BM in 2015.');
  assert.deepEqual(initialisms(tokens('Most Americans voted.')).map((x) => x.acronym), ['ma']);
  assert.deepEqual(initialisms(tokens('Most Americans voted.').filter((t) => !t.stop)).map((x) => x.acronym), []);
  assert.deepEqual(initialisms(tokens('He was the Most Valuable Player.').filter((t) => !t.stop)).map((x) => x.acronym).sort(), ['mv', 'mvp', 'vp']);
  assert.deepEqual(['DoD', 'BofA', 'IoTs', 'MVP', 'Dog', 'Do', 'Bob', 'NoW'].map(isAcronym), [true, true, true, true, false, false, false, true]);
});
