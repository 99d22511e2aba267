// A user-level test in a VS Code whose display language is Japanese (the ja workspace, see lib/locale.mjs):
// open a Japanese answer from the Explorer, run Check Claims by its Japanese title from the command palette,
// then see the Problems row, the Claims view's Japanese verdicts, and a hover over the contradicted claim
// that says the verdict, quotes the Japanese reference and gives the reason in Japanese. The expected words
// come from the extension's own bundles. Run by test/integration/launch.mjs; it counts as one test.
//
// The screenshot goes to out/integration-artifacts/; with CLAIMCHECK_UPDATE_SCREENSHOTS=1 (or
// `launch.mjs --update-screenshots`) also to media/screenshot-hover-ja.png (the Japanese walkthrough's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hoverWorstSquiggle, openFromExplorer, openProblems, palette, quotesReference, screenshots, SQUIGGLE, step } from './workbench.mjs';

export const name = 'In a Japanese VS Code: Check Claims on a Japanese answer, its Problems row, Claims view and hover in Japanese';
export const workspace = 'ja';

const ANSWER = 'answer-ja.md';
const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

export async function run(page, { folder, media, artifacts, log, updateScreenshots }) {
  const { shoot, save } = screenshots(page, { media, artifacts, log, updateScreenshots });
  const nls = read('package.nls.ja.json');
  const l10n = read('l10n/bundle.l10n.ja.json');
  const contradicted = l10n['Contradicted'];
  const reasonPrefix = l10n['Reason: {0}'].replace('{0}', '');
  const judgedBy = l10n['Judged by the {0} grader'].replace('{0}', 'offline');
  const command = `ClaimCheck: ${nls['command.checkClaims']}`;

  await openFromExplorer(page, log, ANSWER);

  await step(log, `F1 → "${command}" → Enter`, () => palette(page, command));

  await step(log, 'a squiggle appears under a flagged claim', async () => {
    await page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 60000 });
  });

  await step(log, 'the Problems panel lists a ClaimCheck problem', () => openProblems(page));

  await step(log, `the Claims view lists the contradicted claim as "${contradicted} N%"`, async () => {
    // VS Code's own words stay English here (an empty language pack, see lib/locale.mjs); the view's name is ours.
    await palette(page, `Focus on ${nls['view.claims']} View`);
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: nls['view.claims'] }) });
    await view.locator('.monaco-list-row', { hasText: new RegExp(`${contradicted} \\d+%`) }).first().waitFor({ timeout: 30000 });
  });

  const hoverText = await step(log, 'hovering the contradicted claim shows the Japanese verdict, evidence and reason', () =>
    // "判定器: ..." (Judged by the ... grader) ends ClaimCheck's hover.
    hoverWorstSquiggle(page, (text) => text.includes(judgedBy)),
  );
  const problems = [
    [`ClaimCheck: ${contradicted}`, hoverText.includes(`ClaimCheck: ${contradicted}`)],
    ['a quote of the reference', quotesReference(hoverText, folder)],
    // The reason itself is Japanese (kana), not the English one ("reference says 1707, claim says 1807").
    [`"${reasonPrefix}" and a Japanese reason`, /[\u3040-\u30ff]/u.test(hoverText.split(reasonPrefix)[1]?.split('\n')[0] ?? '')],
  ].filter(([, ok]) => !ok);
  if (problems.length) throw new Error(`the hover lacks ${problems.map(([what]) => what).join(', ')}:\n${hoverText.slice(0, 600)}`);
  await shoot('screenshot-hover-ja.png');
  log(`hover text: ${hoverText.replace(/\s+/g, ' ').slice(0, 200)}`);

  save();
}
