// A VS Code display language without the Marketplace: VS Code shows a language only when a language pack for
// it is installed, and these machines cannot download one. A pack with no translations of VS Code's own
// strings, recorded in languagepacks.json of the user-data folder (where VS Code keeps the packs it knows),
// with `--locale`, is enough for the extension host: `vscode.env.language` is the locale, and
// `vscode.l10n` loads the extension's bundle for it. (VS Code's own menus stay English.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The display language a workspace's window runs in: Japanese for a workspace whose name starts with "ja". */
export const displayLanguageOf = (workspace) => (workspace.startsWith('ja') ? 'ja' : undefined);

/** Installs the empty language pack for `locale` into `extensionsDir`, known to VS Code through `userDataDir`. */
export function installDisplayLanguage({ locale, userDataDir, extensionsDir }) {
  const id = `claimcheck-test.language-pack-${locale}`;
  const dir = join(extensionsDir, `${id}-1.0.0`);
  const translations = join(dir, 'translations', 'main.i18n.json');
  mkdirSync(join(dir, 'translations'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: `language-pack-${locale}`,
      publisher: 'claimcheck-test',
      version: '1.0.0',
      engines: { vscode: '*' },
      contributes: { localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
    }),
  );
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'languagepacks.json'),
    JSON.stringify({ [locale]: { hash: `claimcheck-test-${locale}`, extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }], translations: { vscode: translations }, label: locale } }),
  );
}
