// The README's Commands and Settings tables and package.json's contributions agree both ways: nothing
// contributed goes undocumented, nothing documented is missing, and titles, ids and defaults match.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (p: string): string => readFileSync(join(root, p), 'utf8');
const readme = read('README.md');
const pkg = JSON.parse(read('package.json')) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { default?: unknown }> };
  };
};
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const localised = (s: string): string => (/^%.+%$/.test(s) ? nls[s.slice(1, -1)]! : s);

/** The rows of the first table under `### heading`, split into trimmed cells. */
function tableRows(heading: string): string[][] {
  const section = readme.split(`\n### ${heading}\n`)[1];
  assert.ok(section, `README has a "### ${heading}" section`);
  const lines = section.split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines.slice(first + 2, end < 0 ? undefined : end).map((l) => l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
}

const unquote = (cell: string): string => /^`(.*)`$/.exec(cell)?.[1] ?? cell;

test('README Commands table: every contributed command with its title and id, and no other', () => {
  const documented = tableRows('Commands').map(([title, id]) => `${unquote(id!)} = ${title}`).sort();
  const contributed = pkg.contributes.commands.map((c) => `${c.command} = ${localised(c.category)}: ${localised(c.title)}`).sort();
  assert.deepEqual(documented, contributed);
});

test('README Settings table: every contributed setting with its default, and no other; "Restricted" where it is', () => {
  const rows = tableRows('Settings');
  const documented = Object.fromEntries(rows.map(([name, def]) => [unquote(name!), unquote(def!)]));
  const properties = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(documented).sort(), Object.keys(properties).sort());
  for (const [name, def] of Object.entries(documented)) {
    // A default is written as JSON, or bare where it is one word (`offline`, `auto`).
    const value = /^[a-z]+$/.test(def) && def !== 'true' && def !== 'false' ? def : (JSON.parse(def) as unknown);
    assert.deepEqual(value, properties[name]!.default, name);
  }
  const restricted = rows.filter(([, , meaning]) => /\bRestricted\b/.test(meaning!)).map(([name]) => unquote(name!));
  assert.deepEqual(restricted.sort(), [...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort());
});
