import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  addAcceptedClaim,
  addReference,
  isIncluded,
  loadConfig,
  parseConfig,
  parseDirectives,
  referencesFor,
  renameInConfig,
} from '../../src/core/config';
import { InputError } from '../../src/core/errors';
import { matchesGlob } from '../../src/core/glob';

const bad = (text: string, pattern: RegExp): void => {
  assert.throws(() => parseConfig(text), (err: unknown) => err instanceof InputError && err.file === '.claimcheck.json' && pattern.test(err.message));
};

describe('.claimcheck.json', () => {
  it('reads every documented key', () => {
    const { config, warnings } = parseConfig(
      JSON.stringify({
        references: { 'docs/**': ['refs/a.md'] },
        include: ['docs/**/*.md'],
        exclude: ['docs/drafts/**'],
        accepted: ['0123456789abcdef'],
        grader: { kind: 'openai', model: 'm', baseURL: 'http://localhost:1/v1', timeoutMs: 1000, maxConcurrency: 2, maxRequests: 5, cascade: true, atomic: false },
      }),
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(config.references, { 'docs/**': ['refs/a.md'] });
    assert.equal(config.grader?.kind, 'openai');
    assert.equal(config.grader?.maxRequests, 5);
  });

  it('says what is wrong with a bad shape', () => {
    bad('{', /is not valid JSON/);
    bad('[]', /must hold a JSON object/);
    bad('{"references": "refs"}', /"references" must be a list of paths, or an object/);
    bad('{"references": {"docs/**": "refs"}}', /"references" must be/);
    // "" (an unset variable in a generated file) resolved to the folder: every file a reference, the documents too.
    bad('{"references": ["refs", ""]}', /"references" holds an empty path/);
    bad('{"references": {"docs/**": [" "]}}', /"references" holds an empty path/);
    bad('{"accepted": [1]}', /"accepted" must be a list of strings/);
    bad('{"grader": {"kind": "gpt"}}', /"grader.kind" must be "offline" or "openai"/);
    bad('{"grader": {"timeoutMs": "10"}}', /"grader.timeoutMs" must be a number/);
    bad('{"grader": {"maxConcurrency": 0}}', /must be a positive number/);
    bad('{"grader": {"apiKey": "sk-1"}}', /must not hold an API key/);
    // At the top level too (QA: it was only an unknown key, ignored); and maxRequests 0 is no limit, as elsewhere.
    bad('{"apiKey": "sk-1"}', /must not hold an API key/);
    bad('{"OPENAI_API_KEY": "sk-1"}', /must not hold an API key/);
    assert.equal(parseConfig('{"grader": {"maxRequests": 0}}').config.grader?.maxRequests, 0);
    bad('{"grader": {"maxRequests": -1}}', /must be a positive number/);
    bad('{"grader": {"maxConcurrency": 2.5}}', /"grader\.maxConcurrency" must be a whole number/);
  });

  it('warns about unknown keys instead of failing, so typos show', () => {
    const { warnings } = parseConfig('{"refrences": [], "grader": {"modle": "x"}}');
    assert.deepEqual(warnings.map((w) => w.message), ['.claimcheck.json: unknown key "refrences" is ignored', '.claimcheck.json: unknown key "grader.modle" is ignored']);
  });

  it("a grader key named like an object's own members (constructor, toString, __proto__) is an unknown key, not a type error (security QA)", () => {
    const { config, warnings } = parseConfig('{"grader": {"constructor": 1, "toString": "x", "__proto__": {"baseURL": "http://evil.example/v1"}, "kind": "offline"}}');
    assert.deepEqual(
      warnings.map((w) => w.message),
      ['constructor', 'toString', '__proto__'].map((k) => `.claimcheck.json: unknown key "grader.${k}" is ignored`),
    );
    assert.deepEqual(JSON.parse(JSON.stringify(config.grader)), { kind: 'offline' });
    assert.equal(config.grader?.baseURL, undefined);
  });

  it('loads from disk; a missing optional file is undefined, a missing named one an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-config-'));
    assert.equal(await loadConfig(join(dir, '.claimcheck.json'), { optional: true }), undefined);
    await assert.rejects(loadConfig(join(dir, 'cc.json'), { displayName: 'cc.json' }), /cc\.json: not found/);
    writeFileSync(join(dir, 'cc.json'), '\uFEFF{"references": ["refs"]}');
    assert.deepEqual((await loadConfig(join(dir, 'cc.json')))?.config.references, ['refs']);
  });

  it('gives each document the references of every glob that matches it', () => {
    const config = parseConfig('{"references": {"docs/**": ["refs/common.md"], "docs/api/*.md": ["refs/api.md", "refs/common.md"]}}').config;
    assert.deepEqual(referencesFor(config, 'docs/api/a.md'), ['refs/common.md', 'refs/api.md']);
    assert.deepEqual(referencesFor(config, 'docs/guide/b.md'), ['refs/common.md']);
    assert.deepEqual(referencesFor(config, 'README.md'), []);
    assert.deepEqual(referencesFor({ references: ['refs'] }, 'anything.md'), ['refs']);
  });

  it('applies include and exclude', () => {
    const config = { include: ['docs/**'], exclude: ['**/drafts/**'] };
    assert.equal(isIncluded(config, 'docs/a.md'), true);
    assert.equal(isIncluded(config, 'docs/drafts/a.md'), false);
    assert.equal(isIncluded(config, 'README.md'), false);
    assert.equal(isIncluded({}, 'README.md'), true);
  });
});

describe('editing .claimcheck.json', () => {
  it('adds an accepted claim once, keeping keys it does not know', () => {
    const once = addAcceptedClaim('{"future": {"x": 1}, "accepted": ["aaaa"]}', 'bbbb');
    assert.deepEqual(JSON.parse(once), { future: { x: 1 }, accepted: ['aaaa', 'bbbb'] });
    assert.equal(addAcceptedClaim(once, 'bbbb'), once);
    assert.deepEqual(JSON.parse(addAcceptedClaim(undefined, 'cccc')), { accepted: ['cccc'] });
    assert.ok(once.endsWith('\n'));
  });

  it('adds a reference for every document, or for a document glob', () => {
    assert.deepEqual(JSON.parse(addReference(undefined, 'refs/a.md')), { references: ['refs/a.md'] });
    const list = addReference('{"references": ["refs/a.md"]}', 'refs/a.md');
    assert.deepEqual(JSON.parse(list), { references: ['refs/a.md'] });
    const mapped = addReference(list, 'refs/api.md', 'docs/api/**');
    assert.deepEqual(JSON.parse(mapped), { references: { '**': ['refs/a.md'], 'docs/api/**': ['refs/api.md'] } });
    assert.deepEqual(JSON.parse(addReference(mapped, 'refs/b.md')).references['**'], ['refs/a.md', 'refs/b.md']);
  });

  it('refuses to edit a file that does not validate', () => {
    assert.throws(() => addAcceptedClaim('{"accepted": "x"}', 'h'), InputError);
    assert.throws(() => addReference('not json', 'r'), InputError);
  });
});

describe('inline directives', () => {
  it('reads references from claimcheck comments, several of them adding up', () => {
    const doc = '<!-- claimcheck: references=refs/a.md, refs/b.md -->\n# Title\n\ntext <!--claimcheck: refs = "refs/c.md" ; future=1 -->';
    assert.deepEqual(parseDirectives(doc).references, ['refs/a.md', 'refs/b.md', 'refs/c.md']);
  });

  it('ignores other comments and unknown keys', () => {
    assert.deepEqual(parseDirectives('<!-- references=refs/a.md -->\n<!-- claimcheck: mode=strict -->').references, []);
  });
});

describe('a file or folder renamed: the entries that name it follow it (QA: a renamed document lost its own references)', () => {
  const config = {
    references: { 'docs/a.md': ['refs/a.md'], 'docs/*.md': ['refs/docs.md'], 'docs/b.md': ['refs/b.md'], 'notes/c.md': ['refs/c.md', 'docs/a.md'] },
    include: ['docs/a.md', 'docs/**'],
    exclude: ['./docs/a.md'],
    accepted: ['h1'],
    future: { kept: true },
  };
  const renamed = (from: string, to: string, c: object = config): Record<string, unknown> | undefined => {
    const out = renameInConfig(JSON.stringify(c), from, to);
    return out === undefined ? undefined : (JSON.parse(out) as Record<string, unknown>);
  };

  it('renamed in its folder: its own entry, and the paths that name it, take the new name; globs, other entries and accepted claims stay', () => {
    assert.deepEqual(renamed('docs/a.md', 'docs/z.md'), {
      references: { 'docs/z.md': ['refs/a.md'], 'docs/*.md': ['refs/docs.md'], 'docs/b.md': ['refs/b.md'], 'notes/c.md': ['refs/c.md', 'docs/z.md'] },
      include: ['docs/z.md', 'docs/**'],
      exclude: ['docs/z.md'],
      accepted: ['h1'],
      future: { kept: true },
    });
  });

  it('moved into another folder, or its folder renamed: the same, by path', () => {
    const refs = (out: Record<string, unknown> | undefined): unknown => out?.references;
    assert.deepEqual(Object.keys(refs(renamed('docs/a.md', 'archive/a.md')) as object), ['archive/a.md', 'docs/*.md', 'docs/b.md', 'notes/c.md']);
    assert.deepEqual(refs(renamed('refs', 'sources')), { 'docs/a.md': ['sources/a.md'], 'docs/*.md': ['sources/docs.md'], 'docs/b.md': ['sources/b.md'], 'notes/c.md': ['sources/c.md', 'docs/a.md'] });
    // A folder's name is no prefix of another's.
    assert.equal(renamed('doc', 'text'), undefined);
  });

  it('renamed onto a name that has an entry: the two lists merge, none is lost', () => {
    assert.deepEqual((renamed('docs/a.md', 'docs/b.md') as { references: object }).references, {
      'docs/b.md': ['refs/a.md', 'refs/b.md'],
      'docs/*.md': ['refs/docs.md'],
      'notes/c.md': ['refs/c.md', 'docs/b.md'],
    });
  });

  it('nothing names it: nothing to write; a broken file is refused, not rewritten', () => {
    assert.equal(renamed('other.md', 'else.md'), undefined);
    assert.equal(renamed('docs/a.md', 'docs/z.md', { references: ['refs/**'], accepted: ['h1'] }), undefined);
    assert.throws(() => renameInConfig('{"references": 3}', 'a.md', 'b.md'), InputError);
  });
});

describe('globs', () => {
  const cases: [string, string, boolean][] = [
    ['docs/a.md', 'docs/*.md', true],
    ['docs/sub/a.md', 'docs/*.md', false],
    ['docs/sub/a.md', 'docs/**/*.md', true],
    ['docs/a.md', 'docs/**/*.md', true],
    ['a.md', '**/*.md', true],
    ['a.txt', '*.{md,txt}', true],
    ['a.markdown', '*.md', false],
    ['docs/a1.md', 'docs/a[0-9].md', true],
    ['docs/a.md', './docs/?.md', true],
    ['docs\\a.md', 'docs/*.md', true],
    ['docs/x', 'docs/**', true],
    ['a+b.md', 'a+b.md', true],
  ];
  for (const [path, glob, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesGlob(path, glob), expected));
  }

  // A cloned repository's .claimcheck.json chooses these globs, and the editor matches them in its extension host.
  it('a hostile glob cannot stall a check: matching takes time linear in the path, whatever the pattern (security QA)', () => {
    const path = `docs/${'a'.repeat(120)}.md`;
    const started = performance.now();
    assert.equal(matchesGlob(path, '**a**a**a**a**b'), false);
    assert.equal(matchesGlob(`${'a/'.repeat(40)}y`, '**/**/**/**/**/**/**/**/x'), false);
    assert.equal(matchesGlob(path, `{${'a,'.repeat(200)}b}*{x,y}`), false);
    assert.ok(performance.now() - started < 250, `took ${Math.round(performance.now() - started)} ms`);
    assert.equal(matchesGlob(path, '**a**a**a**a**.md'), true);
  });

  it('a malformed glob (an unclosed brace, a reversed range) matches by its letters instead of throwing (security QA)', () => {
    assert.equal(matchesGlob('docs/{a.md', 'docs/{a.md'), true);
    assert.equal(matchesGlob('docs/a.md', 'docs/{a.md'), false);
    assert.equal(matchesGlob('docs/b.md', 'docs/[z-a].md'), false);
    assert.equal(matchesGlob('docs/}.md', 'docs/}.md'), true);
  });

  const more: [string, string, boolean][] = [
    ['docs/a/b/c.md', 'docs/**', true],
    ['docs', 'docs/**', false],
    ['x/docs/a.md', '**/docs/*.md', true],
    ['docs/a.md', 'docs/**/a.md', true],
    ['docs/b/a.md', 'docs/**/a.md', true],
    ['docsa.md', 'docs/**/a.md', false],
    ['docs/a/x.md', 'docs/{a,b/c}/*.md', true],
    ['docs/b/c/x.md', 'docs/{a,b/c}/*.md', true],
    ['docs/b/x.md', 'docs/{a,b/c}/*.md', false],
    ['docs/a.md', 'docs/{a,{b,c}}.md', true],
    ['docs/c.md', 'docs/{a,{b,c}}.md', true],
    ['docs/ab.md', 'docs/a*b.md', true],
    ['docs/a/b.md', 'docs/a*b.md', false],
    ['docs/a/b.md', 'docs/a?b.md', false],
    ['docs/x.md', 'docs/[!a].md', true],
    ['docs/a.md', 'docs/[!a].md', false],
    ['docs/a.md', 'docs/[^a].md', false],
    ['docs/(a).md', 'docs/(a).md', true],
    ['docs/a.md', 'docs/a.md|x', false],
    ['日本/資料.md', '日本/*.md', true],
    ['docs/🎉.md', 'docs/?.md', true],
  ];
  for (const [path, glob, expected] of more) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesGlob(path, glob), expected));
  }
});
