// The manifest and the code agree: every contributed command has a handler and vice versa, every %key%
// and every vscode.l10n.t string is translated, every setting is typed, scoped and described.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { DEFAULT_MODEL, DEFAULTS as OPENAI_DEFAULTS } from '../../src/core/graders/openai/options';
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
    keybindings?: { command: string; key: string; mac?: string; when?: string }[];
    walkthroughs?: Walkthrough[];
    configuration: { properties: Record<string, { type?: unknown; scope?: string; default?: unknown; markdownDescription?: string; enum?: unknown[]; markdownEnumDescriptions?: string[] }> };
  };
};
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  featuredFor?: string[];
  steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[];
}
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

test("the model setting's description names the model an empty setting asks, in English and Japanese", () => {
  for (const file of ['package.nls.json', 'package.nls.ja.json']) {
    const strings = JSON.parse(read(file)) as Record<string, string>;
    assert.ok(strings['config.openai.model']?.includes(`\`${DEFAULT_MODEL}\``), file);
  }
});

test('Check Claims is offered where a selection can be checked: the palette and the context menu of any editor with one', () => {
  for (const menu of ['commandPalette', 'editor/context']) {
    const item = pkg.contributes.menus[menu]!.find((m) => m.command === 'claimcheck.checkClaims');
    assert.match(item?.when ?? '', /editorHasSelection/, menu);
  }
});

/** The allow-list of .vscodeignore: true when the packaged extension ships `file` (a path from the root). */
function shipped(file: string): boolean {
  const lines = read('.vscodeignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const glob = (p: string): RegExp => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);
  let kept = false;
  for (const l of lines) if (glob(l.replace(/^!/, '')).test(file)) kept = l.startsWith('!');
  return kept;
}

const walkthroughs = pkg.contributes.walkthroughs ?? [];
const steps = walkthroughs.flatMap((w) => w.steps);
const localisedBoth = (s: string): string[] => (/^%.+%$/.test(s) ? [nls[s.slice(1, -1)]!, nlsJa[s.slice(1, -1)]!] : [s]);

test('the Get Started walkthrough: titles from package.nls, each step a Markdown page in English and Japanese, shipped', () => {
  assert.deepEqual(walkthroughs.map((w) => w.id), ['getStarted']);
  // Featured on the Welcome page of a workspace already set up for ClaimCheck.
  assert.deepEqual(walkthroughs[0]!.featuredFor, ['**/.claimcheck.json']);
  assert.ok(steps.length >= 5, 'a step per task: references, check, finding, workspace, model, measure');
  for (const text of [walkthroughs[0]!.title, walkthroughs[0]!.description, ...steps.flatMap((s) => [s.title, s.description])]) {
    assert.match(text, /^%walkthrough\.[\w.]+%$/, `${text}: localised through package.nls.json`);
  }
  assert.equal(new Set(steps.map((s) => s.id)).size, steps.length, 'step ids are unique');
  for (const s of steps) {
    const page = s.media.markdown;
    assert.ok(page, `${s.id}: a Markdown page`);
    // VS Code reads <page>.nls.<locale>.md for a display language that has one (gettingStartedService).
    for (const file of [page, page.replace(/\.md$/, '.nls.ja.md')]) {
      assert.ok(existsSync(join(root, file)), `${s.id}: ${file} exists`);
      assert.ok(shipped(file), `${s.id}: .vscodeignore ships ${file}`);
      // Images the page shows are resolved relative to it, and must be in the package too.
      for (const m of read(file).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const image = posix.normalize(posix.join(dirname(file), m[1]!));
        assert.ok(existsSync(join(root, image)), `${file} shows ${image}, which exists`);
        assert.ok(shipped(image), `${file} shows ${image}, which .vscodeignore ships`);
      }
    }
    const headings = (f: string): number => (read(f).match(/^#+ /gm) ?? []).length;
    assert.equal(headings(page.replace(/\.md$/, '.nls.ja.md')), headings(page), `${s.id}: the Japanese page has the same sections`);
  }
});

test('every command and setting the walkthrough names exists, in both languages', () => {
  const commands = pkg.contributes.commands.map((c) => c.command);
  const settings = Object.keys(pkg.contributes.configuration.properties);
  const named: string[] = [];
  for (const s of steps) {
    for (const e of s.completionEvents ?? []) {
      const [kind, what] = [e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 1)];
      assert.ok(['onCommand', 'onSettingChanged', 'onView', 'onContext', 'onLink', 'onStepSelected'].includes(kind), `${s.id}: ${e} is a completion event`);
      if (kind === 'onCommand') named.push(what);
      if (kind === 'onSettingChanged') assert.ok(settings.includes(what), `${s.id}: ${e} names a contributed setting`);
    }
    const [en, ja] = localisedBoth(s.description);
    const links = (text: string): string[] => [...text.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!);
    assert.deepEqual(links(ja!), links(en!), `${s.id}: the Japanese description has the same buttons`);
    named.push(...links(en!));
  }
  assert.ok(named.includes('claimcheck.checkClaims'));
  for (const id of named.filter((c) => c.startsWith('claimcheck.'))) assert.ok(commands.includes(id), `the walkthrough names ${id}, which is contributed`);
});

/** Evaluates a `when` clause of the forms the manifest uses (&&, ||, !, parentheses, ==, !=, bare keys). */
function evalWhen(when: string, context: Record<string, string | boolean>): boolean {
  const tokens = when.match(/\(|\)|&&|\|\||!=|==|!|[\w.]+/g) ?? [];
  let i = 0;
  const value = (): string | boolean => context[tokens[i++]!] ?? false;
  const atom = (): boolean => {
    const t = tokens[i];
    if (t === '!') return i++, !atom();
    if (t === '(') {
      i++;
      const v = or();
      assert.equal(tokens[i++], ')', when);
      return v;
    }
    const v = value();
    if (tokens[i] === '==' || tokens[i] === '!=') {
      const op = tokens[i++];
      const rhs = tokens[i++];
      return op === '==' ? v === rhs : v !== rhs;
    }
    return !!v;
  };
  const and = (): boolean => {
    let v = atom();
    while (tokens[i] === '&&') i++, (v = atom() && v);
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === '||') i++, (v = and() || v);
    return v;
  };
  const result = or();
  assert.equal(i, tokens.length, `${when}: read to its end`);
  return result;
}

test('the Check Claims keybinding is a chord that acts only in a focused Markdown or text editor', () => {
  const bindings = (pkg.contributes.keybindings ?? []).filter((k) => k.command === 'claimcheck.checkClaims');
  assert.equal(bindings.length, 1);
  const b = bindings[0]!;
  // A Ctrl+K chord: VS Code's own Ctrl+K chords leave Shift+C free on every platform (Ctrl+K Ctrl+Shift+C is Windows' Copy Relative Path).
  assert.equal(b.key, 'ctrl+k shift+c');
  assert.equal(b.mac, 'cmd+k shift+c');
  const when = b.when ?? '';
  for (const lang of ['markdown', 'plaintext']) assert.ok(evalWhen(when, { editorTextFocus: true, editorLangId: lang }), `${lang}: on`);
  for (const lang of ['json', 'typescript', 'python', 'html', '']) assert.ok(!evalWhen(when, { editorTextFocus: true, editorLangId: lang }), `${lang || 'no language'}: off`);
  for (const lang of ['markdown', 'plaintext']) assert.ok(!evalWhen(when, { editorTextFocus: false, editorLangId: lang }), `${lang}: off outside a focused editor`);
});
