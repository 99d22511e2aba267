// The manifest and the code agree: every contributed command has a handler and vice versa, every %key%
// and every vscode.l10n.t string is translated, every setting is typed, scoped and described.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS as OPENAI_DEFAULTS } from '../../src/core/graders/openai/options';
import { COMMANDS } from '../../src/extension/commandIds';

const root = join(__dirname, '..', '..');
const read = (p: string): string => readFileSync(join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  activationEvents?: string[];
  main: string;
  l10n?: string;
  capabilities?: { untrustedWorkspaces?: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { type?: unknown; scope?: string; default?: unknown; markdownDescription?: string; enum?: unknown[]; markdownEnumDescriptions?: string[] }> };
  };
};
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const nlsJa = JSON.parse(read('package.nls.ja.json')) as Record<string, string>;
const bundleJa = JSON.parse(read('l10n/bundle.l10n.ja.json')) as Record<string, string>;

test('every contributed command has a handler, and every handler is contributed', () => {
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();
  const ids: string[] = Object.values(COMMANDS);
  assert.deepEqual(contributed, [...ids].sort());
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'ClaimCheck', c.command);
  for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
    for (const item of items) assert.ok(contributed.includes(item.command), `${menu} names ${item.command}`);
  }
});

test('the public command ids are kept', () => {
  for (const id of ['claimcheck.checkClaims', 'claimcheck.checkWorkspace', 'claimcheck.clear', 'claimcheck.addReference', 'claimcheck.setApiKey', 'claimcheck.showOutput', 'claimcheck.measureGrader']) {
    assert.ok((Object.values(COMMANDS) as string[]).includes(id), id);
  }
});

test('activation is narrow: never *', () => {
  assert.ok(!(pkg.activationEvents ?? []).includes('*'));
  assert.equal(pkg.main, './dist/extension.js');
});

test('every %key% of the manifest exists in English and Japanese, and neither file has extra keys', () => {
  const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length > 20);
  for (const k of keys) {
    assert.ok(nls[k], `package.nls.json: ${k}`);
    assert.ok(nlsJa[k], `package.nls.ja.json: ${k}`);
  }
  assert.deepEqual(Object.keys(nlsJa).sort(), Object.keys(nls).sort());
  assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), []);
});

test('every vscode.l10n.t string of the extension has a Japanese translation with the same placeholders', () => {
  const dir = join(root, 'src', 'extension');
  const strings = new Set<string>();
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    // `t(...)`: pure modules take vscode.l10n.t as a parameter named t (statusView.ts).
    for (const m of text.matchAll(/(?:l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1]!.replace(/\\'/g, "'"));
  }
  assert.ok(strings.size > 30);
  const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
  for (const s of strings) {
    assert.ok(bundleJa[s], `l10n/bundle.l10n.ja.json lacks "${s}"`);
    assert.deepEqual(placeholders(bundleJa[s]!), placeholders(s), s);
  }
  assert.deepEqual(Object.keys(bundleJa).filter((k) => !strings.has(k)), [], 'no stale translations');
  assert.equal(pkg.l10n, './l10n');
});

test('every setting is typed, scoped, has a default and a markdownDescription', () => {
  const props = pkg.contributes.configuration.properties;
  for (const [key, p] of Object.entries(props)) {
    assert.ok(key.startsWith('claimcheck.'), key);
    assert.ok(p.type, `${key}: type`);
    assert.ok(p.scope, `${key}: scope`);
    assert.ok('default' in p, `${key}: default`);
    assert.match(p.markdownDescription ?? '', /^%config\./, `${key}: markdownDescription`);
    if (p.enum) assert.equal(p.markdownEnumDescriptions?.length, p.enum.length, `${key}: one description per value`);
  }
  for (const k of ['grader', 'openai.baseUrl', 'openai.model', 'openai.timeoutMs', 'openai.maxConcurrency', 'cascade', 'atomic', 'references', 'include', 'exclude', 'checkOnSave', 'severity.contradicted', 'severity.unsupported', 'maxFileSizeKB']) {
    assert.ok(props[`claimcheck.${k}`], k);
  }
  assert.ok(props['claimcheck.severity.unsupported']!.enum?.includes('ignore'));
});

test('untrusted workspaces: limited, with the endpoint and model restricted', () => {
  const u = pkg.capabilities?.untrustedWorkspaces;
  assert.equal(u?.supported, 'limited');
  for (const k of ['claimcheck.grader', 'claimcheck.openai.baseUrl', 'claimcheck.openai.model']) assert.ok(u?.restrictedConfigurations?.includes(k), k);
});

test('.vscodeignore is an allow-list that ships the bundle and its strings', () => {
  const lines = read('.vscodeignore').split('\n').map((l) => l.trim());
  assert.equal(lines.find((l) => l && !l.startsWith('#')), '**');
  for (const p of ['!dist/extension.js', '!package.json', '!package.nls.json', '!l10n/*.json', '!media/icon.png']) assert.ok(lines.includes(p), p);
});

test("the editor's request time limit defaults to the engine's, which the CLI uses", () => {
  assert.equal(pkg.contributes.configuration.properties['claimcheck.openai.timeoutMs']?.default, OPENAI_DEFAULTS.timeoutMs);
});

test('Check Claims is offered where a selection can be checked: the palette and the context menu of any editor with one', () => {
  for (const menu of ['commandPalette', 'editor/context']) {
    const item = pkg.contributes.menus[menu]!.find((m) => m.command === 'claimcheck.checkClaims');
    assert.match(item?.when ?? '', /editorHasSelection/, menu);
  }
});
